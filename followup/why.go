package followup

import (
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// Reason is one rule behind an item: which rule, from which rule set and
// when that set took effect, its source, and what it says about this item.
type Reason struct {
	RuleID    string    `json:"rule"`
	RuleSet   string    `json:"ruleSet"`
	Layer     Layer     `json:"layer"`
	Effective date.Date `json:"effective"`
	Source    string    `json:"source"`
	Da        string    `json:"da"`
	En        string    `json:"en"`
}

// Relaxation is an approved exception that relaxed an item.
type Relaxation struct {
	ID         string    `json:"id"`
	ApprovedBy string    `json:"approvedBy"`
	ApprovedOn date.Date `json:"approvedOn"`
	Source     string    `json:"source"`
	Da         string    `json:"da"`
	En         string    `json:"en"`
}

// Explanation says why an item is due, as data and as text for a case
// worker in Danish and English.
type Explanation struct {
	Reasons     []Reason     `json:"reasons"`
	Relaxations []Relaxation `json:"relaxations,omitempty"`
}

// Why returns the reasons behind the item.
func (it Item) Why() Explanation {
	w := it.why
	var ex Explanation
	if w.ctx == nil {
		return ex
	}
	if w.municipal && w.ctx.rule != nil {
		rs := w.ctx.regime.municipal
		da, en := anchorText(w.anchor, w.from, w.fromHeld, w.offset)
		if w.content != nil && w.content.Note.En != "" {
			da += " " + w.content.Note.Da
			en += " " + w.content.Note.En
		}
		ex.Reasons = append(ex.Reasons, Reason{RuleID: w.ctx.rule.ID, RuleSet: rs.Name(), Layer: Municipal, Effective: rs.Effective(), Source: w.ctx.rule.Source,
			Da: w.ctx.rule.Name.Da + ": " + da, En: w.ctx.rule.Name.En + ": " + en})
	}
	if s := w.statSet; s != nil {
		f := s.spec.Statutory.FollowUp
		var da, en string
		switch {
		case w.onlyStat && w.heldInWindow:
			da = fmt.Sprintf("Ingen kommunal opfølgning var planlagt inden lovens frist %s; opfølgningen holdt %s opfylder den.", w.statDue, it.Due)
			en = fmt.Sprintf("No municipal follow-up was planned before the law's deadline %s; the follow-up held on %s meets it.", w.statDue, it.Due)
		case w.onlyStat:
			a, b := anchorText(w.anchor, w.from, w.fromHeld, w.offset)
			da = "Ingen kommunal opfølgning falder inden lovens frist, så loven kræver denne. " + a
			en = "No municipal follow-up falls within the law's deadline, so the law requires this one. " + b
		default:
			da = fmt.Sprintf("Den seneste opfølgning inden lovens frist %s er lovpligtig og skal have lovens indhold (børnesamtale, personligt).", w.statDue)
			en = fmt.Sprintf("The latest follow-up on or before the statutory deadline %s is statutory and must have the statutory content (child conversation, in person).", w.statDue)
		}
		if w.statFirst {
			da += " Det er den første lovpligtige opfølgning."
			en += " It is the first statutory follow-up."
			if f.Then.IsZero() {
				da += " Her besluttes, hvordan der følges op fremover (BL § 95)."
				en += " Here it is decided how follow-up is organised from now on (BL § 95)."
			}
		}
		if w.switched {
			da += fmt.Sprintf(" Fristen falder efter %s, så %s gælder.", s.Effective(), s.Name())
			en += fmt.Sprintf(" The deadline falls after %s, so %s applies.", s.Effective(), s.Name())
		}
		ex.Reasons = append(ex.Reasons, Reason{RuleID: f.ID, RuleSet: s.Name(), Layer: Statutory, Effective: s.Effective(), Source: f.Source,
			Da: f.Name.Da + ". " + da, En: f.Name.En + ". " + en})
	}
	if s := w.visitSet; s != nil && s.spec.Statutory.Visits != nil {
		v := s.spec.Statutory.Visits
		var da, en string
		if w.onlyStat && w.statSet == nil && w.heldInWindow {
			da = fmt.Sprintf("Ingen opfølgning var planlagt inden fristen for tilsynsbesøg %s; opfølgningen holdt %s opfylder den, hvis den blev holdt personligt på anbringelsesstedet med samtale med barnet.", w.visitDue, it.Due)
			en = fmt.Sprintf("No follow-up was planned before the supervision deadline %s; the follow-up held on %s meets it if it was held in person at the placement with a conversation with the child.", w.visitDue, it.Due)
		} else if w.onlyStat && w.statSet == nil {
			a, b := anchorText(w.anchor, w.from, w.fromHeld, w.offset)
			da = "Ingen opfølgning falder inden fristen for tilsynsbesøg. " + a
			en = "No follow-up falls within the supervision deadline. " + b
		} else {
			da = fmt.Sprintf("Den seneste opfølgning inden %s er også tilsynsbesøg: personligt på anbringelsesstedet med samtale med barnet, så vidt muligt uden personale til stede.", w.visitDue)
			en = fmt.Sprintf("The latest follow-up on or before %s is also the supervision visit: in person at the placement with a conversation with the child, as far as possible without staff present.", w.visitDue)
		}
		ex.Reasons = append(ex.Reasons, Reason{RuleID: v.ID, RuleSet: s.Name(), Layer: Statutory, Effective: s.Effective(), Source: v.Source,
			Da: v.Name.Da + ". " + da, En: v.Name.En + ". " + en})
	}
	for i, g := range w.ctx.grants {
		if w.grants&(1<<i) == 0 {
			continue
		}
		e := w.ctx.excs[i]
		da := fmt.Sprintf("%s: godkendt af %s den %s. Ekstra opfølgning; tilladt: %s", e.Name.Da, g.ApprovedBy, g.ApprovedOn, it.Modes.words("da"))
		en := fmt.Sprintf("%s: approved by %s on %s. An extra follow-up; allowed: %s", e.Name.En, g.ApprovedBy, g.ApprovedOn, it.Modes.words("en"))
		if e.ChildConversationOptional {
			da += "; børnesamtale ikke påkrævet (efter vurdering)"
			en += "; child conversation optional (after assessment)"
		}
		ex.Relaxations = append(ex.Relaxations, Relaxation{ID: e.ID, ApprovedBy: g.ApprovedBy, ApprovedOn: g.ApprovedOn, Source: e.Source, Da: da + ".", En: en + "."})
	}
	return ex
}

func anchorText(a anchorKind, from date.Date, held bool, off Span) (da, en string) {
	switch a {
	case anchorStart:
		return fmt.Sprintf("%s efter indsatsens start %s.", off.Danish(), from), fmt.Sprintf("%s after the measure's start %s.", off.English(), from)
	case anchorAssessmentEnd:
		return fmt.Sprintf("Ved afslutningen af den sideløbende undersøgelse %s.", from), fmt.Sprintf("At the end of the assessment run alongside, %s.", from)
	case anchorDecision:
		return fmt.Sprintf("%s efter forrige lovpligtige opfølgning %s, som besluttet (BL § 95).", off.Danish(), from), fmt.Sprintf("%s after the previous statutory follow-up on %s, as decided (BL § 95).", off.English(), from)
	}
	var what, whatEn string
	switch a {
	case anchorStatutory:
		what, whatEn = "forrige lovpligtige opfølgning", "the previous statutory follow-up"
	case anchorVisit:
		what, whatEn = "forrige tilsynsbesøg", "the previous supervision visit"
	default:
		what, whatEn = "forrige opfølgning", "the previous follow-up"
	}
	how, howEn := "planlagt", "due"
	if held {
		how, howEn = "holdt", "held"
	}
	return fmt.Sprintf("%s efter %s, %s %s.", off.Danish(), what, how, from), fmt.Sprintf("%s after %s, %s on %s.", off.English(), whatEn, howEn, from)
}

// Text renders the explanation in "da" or "en" as one paragraph.
func (ex Explanation) Text(lang string) string {
	var b strings.Builder
	for i, r := range ex.Reasons {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "[%s] ", r.RuleID)
		if lang == "da" {
			b.WriteString(r.Da)
		} else {
			b.WriteString(r.En)
		}
		fmt.Fprintf(&b, " (%s; %s, %s)", r.Source, r.RuleSet, effText(lang, r.Effective))
	}
	for _, x := range ex.Relaxations {
		fmt.Fprintf(&b, " [%s] ", x.ID)
		if lang == "da" {
			b.WriteString(x.Da)
		} else {
			b.WriteString(x.En)
		}
		fmt.Fprintf(&b, " (%s)", x.Source)
	}
	return b.String()
}

func effText(lang string, d date.Date) string {
	if lang == "da" {
		return "gældende fra " + d.String()
	}
	return "in force from " + d.String()
}

// Line is a one-line why for lists: the rule ids, what the item is and the
// first reason's short form.
func (it Item) Line(lang string) string {
	var b strings.Builder
	b.WriteString(strings.Join(it.Rules(), "+"))
	b.WriteString(": ")
	ex := it.Why()
	if len(ex.Reasons) > 0 {
		if lang == "da" {
			b.WriteString(ex.Reasons[0].Da)
		} else {
			b.WriteString(ex.Reasons[0].En)
		}
	}
	for _, x := range ex.Relaxations {
		fmt.Fprintf(&b, " [%s, %s]", x.ID, x.ApprovedBy)
	}
	return b.String()
}

func (r *Regime) planFindings(rec Record, ctx *planCtx, opt Options, noDecision bool) finding.List {
	var l finding.List
	iv := ctx.iv
	id := rec.Measure.ID()
	if noDecision {
		l = append(l, finding.Finding{Code: "followup.bl.no-decision", Severity: finding.Warning, Subject: id, Source: SourceBL95,
			Da: fmt.Sprintf("Indsatsen %s (%s) har ingen kommunal opfølgningsregel, og der er ikke registreret en beslutning ved første opfølgning om, hvordan der følges op fremover. Registrér beslutningen (BL § 95).", id, iv.Danish),
			En: fmt.Sprintf("Measure %s (%s) has no municipal follow-up rule and no recorded decision, made at the first follow-up, on how follow-up is organised from there. Record the decision (BL § 95).", id, iv.English)})
	}
	switch {
	case ctx.rule == nil && iv.FollowUpByLaw():
		table, tableEn, src := "Der er ingen kommunale opfølgningsregler", "There are no municipal follow-up rules", ""
		if ms := r.municipal; ms != nil {
			table = fmt.Sprintf("Regelsættet %q nævner ikke %s", ms.Name(), iv.Danish)
			tableEn = fmt.Sprintf("The rule set %q is silent on %s", ms.Name(), iv.English)
			src = ms.spec.Source
		}
		l = append(l, finding.Finding{Code: "followup.statutory-only", Severity: finding.Info, Subject: id, Source: src,
			Da: table + "; kun lovens minimum gælder.",
			En: tableEn + "; only the statutory floor applies."})
	case ctx.rule == nil:
		msgDa := fmt.Sprintf("Hverken loven eller den kommunale tabel kræver opfølgning på %s; der er ikke opfundet en kadence.", iv.Danish)
		msgEn := fmt.Sprintf("Neither the law nor the municipal table requires follow-up on %s; no cadence has been invented.", iv.English)
		if iv.Code == "tidlig-forebyggende" {
			msgDa += " Nogle kommuner vurderer et tidligt forløb efter højst 3 måneder (Referencekommuner 2018, afsnit 5)."
			msgEn += " Some municipalities review an early course after at most 3 months (Referencekommuner 2018, section 5)."
		}
		l = append(l, finding.Finding{Code: "followup.no-requirement", Severity: finding.Info, Subject: id, Da: msgDa, En: msgEn})
	}
	m := rec.Measure
	if iv.Placement && iv.Step == ladder.Institution && m.ActiveOn(opt.AsOf) && opt.AsOf >= AddMonths(m.Start(), 6) {
		l = append(l, finding.Finding{Code: "followup.institution.long-stay", Severity: finding.Info, Subject: id,
			Source: "Andreassen, citeret i Socialstyrelsen, Strategisk ramme & Faglig retning, 'Viden vi bygger på'",
			Da:     fmt.Sprintf("Anbringelsen på institution har varet over 6 måneder (siden %s). Den største forandring sker i de første seks måneder; overvej om indsatsen skal revurderes.", m.Start()),
			En:     fmt.Sprintf("The institution placement has lasted over 6 months (since %s). The largest change happens in the first six months; consider reviewing the measure.", m.Start())})
	}
	return l
}
