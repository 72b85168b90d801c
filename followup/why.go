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
	w := &it.why
	var ex Explanation
	if w.ctx == nil {
		return ex
	}
	if w.origin == fromMunicipal && w.ctx.rule != nil {
		ex.Reasons = append(ex.Reasons, it.municipalReason())
	}
	if w.mark.fuSet != nil {
		ex.Reasons = append(ex.Reasons, it.followUpReason())
	}
	if w.mark.visitSet != nil {
		ex.Reasons = append(ex.Reasons, it.visitReason())
	}
	for i, e := range w.ctx.excs {
		if it.relaxedBy(i) {
			ex.Relaxations = append(ex.Relaxations, it.relaxation(w.ctx.grants[i], e))
		}
	}
	return ex
}

func (it *Item) municipalReason() Reason {
	w := &it.why
	rs := w.ctx.regime.municipal
	da, en := anchorText(w.anchor, w.from, w.fromHeld, w.offset)
	if c := w.content(); c != nil && c.Note.En != "" {
		da += " " + c.Note.Da
		en += " " + c.Note.En
	}
	r := w.ctx.rule
	return Reason{RuleID: r.ID, RuleSet: rs.Name(), Layer: Municipal, Effective: rs.Effective(), Source: r.Source,
		Da: r.Name.Da + ": " + da, En: r.Name.En + ": " + en}
}

func (it *Item) followUpReason() Reason {
	w := &it.why
	m := &w.mark
	s := m.fuSet
	f := s.spec.Statutory.FollowUp
	var da, en string
	switch {
	case w.origin == fromChain && w.heldInWindow:
		da = fmt.Sprintf("Ingen kommunal opfølgning var planlagt inden lovens frist %s; opfølgningen holdt %s opfylder den.", m.deadline, it.Due)
		en = fmt.Sprintf("No municipal follow-up was planned before the law's deadline %s; the follow-up held on %s meets it.", m.deadline, it.Due)
	case w.origin == fromChain:
		a, b := anchorText(m.anchor, m.from, m.fromHeld, m.offset)
		da = "Ingen kommunal opfølgning falder inden lovens frist, så loven kræver denne. " + a
		en = "No municipal follow-up falls within the law's deadline, so the law requires this one. " + b
	default:
		da = fmt.Sprintf("Den seneste opfølgning inden lovens frist %s er lovpligtig og skal have lovens indhold (børnesamtale, personligt); ingen undtagelse lemper den.", m.deadline)
		en = fmt.Sprintf("The latest follow-up on or before the statutory deadline %s is statutory and must have the statutory content (child conversation, in person); no exception relaxes it.", m.deadline)
	}
	if m.first {
		da += " Det er den første lovpligtige opfølgning."
		en += " It is the first statutory follow-up."
		if f.Then.IsZero() {
			da += " Her besluttes, hvordan der følges op fremover (BL § 95)."
			en += " Here it is decided how follow-up is organised from now on (BL § 95)."
		}
	}
	x, y := it.decisionText()
	da, en = da+x, en+y
	if law := m.law; m.switched {
		da += fmt.Sprintf(" Fristen falder efter %s, så %s afgør den.", law.Effective(), law.Name())
		en += fmt.Sprintf(" The deadline falls after %s, so %s decides it.", law.Effective(), law.Name())
	}
	if m.lawStart {
		da += fmt.Sprintf(" Efter den nye lov ville fristen ligge før loven trådte i kraft, så fristen er ikrafttrædelsesdagen %s (den læsning, der lemper mindst).", m.deadline)
		en += fmt.Sprintf(" Under the new law the deadline would fall before the law took effect, so it is the day it took effect, %s (the reading that relaxes less).", m.deadline)
	}
	return Reason{RuleID: f.ID, RuleSet: s.Name(), Layer: Statutory, Effective: s.Effective(), Source: f.Source,
		Da: f.Name.Da + ". " + da, En: f.Name.En + ". " + en}
}

// decisionText says whose decision under BL § 95 set a deadline after the
// first follow-up, where the law has no interval.
func (it *Item) decisionText() (da, en string) {
	m := &it.why.mark
	ctx := it.why.ctx
	switch m.by {
	case byRuleSet, byBothEqual:
		ms := ctx.regime.municipal
		d := ms.spec.Decision
		da = fmt.Sprintf(" Fristen følger kommunens beslutning efter BL § 95, stk. 3: lovpligtig opfølgning mindst hver %s (%s; %s).", d.Every.Danish(), ms.Name(), d.Source)
		en = fmt.Sprintf(" The deadline follows the municipality's decision under BL § 95, stk. 3: statutory follow-up at least every %s (%s; %s).", d.Every.English(), ms.Name(), d.Source)
		if m.by == byBothEqual {
			da += " Beslutningen i sagen giver samme dag."
			en += " The case's own decision gives the same day."
		}
		return da, en
	case byRecord:
		d := ctx.decision
		on, onEn := "", ""
		if d.DecidedOn != 0 {
			on, onEn = fmt.Sprintf(" truffet %s", d.DecidedOn), fmt.Sprintf(" made on %s", d.DecidedOn)
		}
		return fmt.Sprintf(" Fristen følger beslutningen i sagen efter BL § 95, stk. 3%s: lovpligtig opfølgning mindst hver %s.", on, d.Every.Danish()),
			fmt.Sprintf(" The deadline follows the case's decision under BL § 95, stk. 3%s: statutory follow-up at least every %s.", onEn, d.Every.English())
	}
	return "", ""
}

func (it *Item) visitReason() Reason {
	w := &it.why
	m := &w.mark
	v := m.visitSet.spec.Statutory.Visits
	var da, en string
	switch {
	case m.fuSet != nil:
		da = "Den lovpligtige opfølgning er også tilsynsbesøget: personligt på anbringelsesstedet med samtale med barnet, så vidt muligt uden personale til stede."
		en = "The statutory follow-up is also the supervision visit: in person at the placement with a conversation with the child, as far as possible without staff present."
	case w.origin == fromChain && w.heldInWindow:
		da = fmt.Sprintf("Ingen opfølgning var planlagt inden fristen for tilsynsbesøg %s; opfølgningen holdt %s opfylder den, hvis den blev holdt personligt på anbringelsesstedet med samtale med barnet.", m.deadline, it.Due)
		en = fmt.Sprintf("No follow-up was planned before the supervision deadline %s; the follow-up held on %s meets it if it was held in person at the placement with a conversation with the child.", m.deadline, it.Due)
	case w.origin == fromChain:
		a, b := anchorText(m.anchor, m.from, m.fromHeld, m.offset)
		da = "Ingen opfølgning falder inden fristen for tilsynsbesøg, og opfølgningen har ingen frist (ingen beslutning efter BL § 95), så tilsynsbesøget står alene. " + a
		en = "No follow-up falls within the supervision deadline, and the follow-up has no deadline (no decision under BL § 95), so the supervision visit stands alone. " + b
	default:
		da = fmt.Sprintf("Den seneste opfølgning inden %s er også tilsynsbesøg: personligt på anbringelsesstedet med samtale med barnet, så vidt muligt uden personale til stede.", m.deadline)
		en = fmt.Sprintf("The latest follow-up on or before %s is also the supervision visit: in person at the placement with a conversation with the child, as far as possible without staff present.", m.deadline)
	}
	s := m.visitSet
	return Reason{RuleID: v.ID, RuleSet: s.Name(), Layer: Statutory, Effective: s.Effective(), Source: v.Source,
		Da: v.Name.Da + ". " + da, En: v.Name.En + ". " + en}
}

func (it *Item) relaxation(g Grant, e *Exception) Relaxation {
	da := fmt.Sprintf("%s: godkendt af %s den %s. Ekstra opfølgning (ikke lovpligtig, ikke reglens første); tilladt: %s", e.Name.Da, g.ApprovedBy, g.ApprovedOn, it.Modes.words("da"))
	en := fmt.Sprintf("%s: approved by %s on %s. An extra follow-up (not statutory, not the rule's first); allowed: %s", e.Name.En, g.ApprovedBy, g.ApprovedOn, it.Modes.words("en"))
	if e.ChildConversationOptional {
		da += "; børnesamtale ikke påkrævet (efter vurdering)"
		en += "; child conversation optional (after assessment)"
	} else {
		da += "; børnesamtalen holdes stadig"
		en += "; the child conversation is still held"
	}
	da, en = da+".", en+"."
	if e.Reading.En != "" {
		da += " Læsning: " + e.Reading.Da
		en += " Reading: " + e.Reading.En
	}
	return Relaxation{ID: e.ID, ApprovedBy: g.ApprovedBy, ApprovedOn: g.ApprovedOn, Source: e.Source, Da: da, En: en}
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

// findings is what the walk noticed about the measure.
func (w *walker) findings() finding.List {
	var l finding.List
	ctx, iv, id := w.ctx, w.ctx.iv, w.ctx.measure
	if w.noDecision {
		l = append(l, finding.Finding{Code: "followup.bl.no-decision", Severity: finding.Warning, Subject: id, Source: SourceBL95,
			Da: fmt.Sprintf("Indsatsen %s (%s) er ikke bundet til en kommunal regel med en besluttet kadence, og der er ikke registreret en beslutning ved første opfølgning om, hvordan der følges op fremover. Registrér beslutningen (BL § 95, stk. 3).", id, iv.Danish),
			En: fmt.Sprintf("Measure %s (%s) is bound to no municipal rule with a decided cadence, and no decision made at the first follow-up on how follow-up goes on is recorded. Record the decision (BL § 95, stk. 3).", id, iv.English)})
	}
	switch {
	case ctx.rule == nil && iv.FollowUpByLaw():
		table, tableEn, src := "Der er ingen kommunale opfølgningsregler", "There are no municipal follow-up rules", ""
		if ms := w.r.municipal; ms != nil {
			table = fmt.Sprintf("Regelsættet %q binder ikke %s (%s) til en regel", ms.Name(), iv.Code, iv.Danish)
			tableEn = fmt.Sprintf("The rule set %q binds %s (%s) to no rule", ms.Name(), iv.Code, iv.English)
			src = ms.spec.Source
		}
		l = append(l, finding.Finding{Code: "followup.statutory-only", Severity: finding.Info, Subject: id, Source: src,
			Da: table + "; kun lovens minimum gælder.",
			En: tableEn + "; only the statutory floor applies."})
	case ctx.rule == nil:
		l = append(l, finding.Finding{Code: "followup.no-requirement", Severity: finding.Info, Subject: id,
			Da: fmt.Sprintf("Hverken loven eller den kommunale tabel kræver opfølgning på %s; der er ikke opfundet en kadence.", iv.Danish),
			En: fmt.Sprintf("Neither the law nor the municipal table requires follow-up on %s; no cadence has been invented.", iv.English)})
	}
	if f, ok := w.ruleEnded(); ok {
		l = append(l, f)
	}
	m := w.rec.Measure
	if iv.Placement && iv.Step == ladder.Institution && m.ActiveOn(w.asOf) && w.asOf >= AddMonths(m.Start(), 6) {
		l = append(l, finding.Finding{Code: "followup.institution.long-stay", Severity: finding.Info, Subject: id,
			Source: "Andreassen, citeret i Socialstyrelsen, Strategisk ramme & Faglig retning, 'Viden vi bygger på'; Herningmodellen 1.0 — kompendium, s. 14 (udskrivning fra indskrivningens start)",
			Da:     fmt.Sprintf("Anbringelsen på institution har varet over 6 måneder (siden %s). Den største forandring sker i de første seks måneder, og udskrivningen er i fokus fra indskrivningens start; overvej om indsatsen skal revurderes.", m.Start()),
			En:     fmt.Sprintf("The institution placement has lasted over 6 months (since %s). The largest change happens in the first six months, and discharge is the focus from the day of admission; consider reviewing the measure.", m.Start())})
	}
	return l
}

// ruleEnded is the warning for an open measure past its rule's last item:
// a rule that runs out (MST's course ends at +5 months, the family
// centre's status report comes at +8 months) owes nothing more, and only
// the statutory chain goes on.
func (w *walker) ruleEnded() (finding.Finding, bool) {
	r := w.ctx.rule
	if r == nil || !r.ends() {
		return finding.Finding{}, false
	}
	last := r.lastDue(w.start)
	if w.asOf <= last || (w.hasEnd && w.end <= last) {
		return finding.Finding{}, false
	}
	return finding.Finding{Code: "followup.rule.ended", Severity: finding.Warning, Subject: w.ctx.measure, Source: r.Source,
		Da: fmt.Sprintf("Reglen %s slutter med sit sidste punkt %s, men indsatsen er ikke afsluttet. Afslut indsatsen, eller registrér hvordan der følges op; indtil da fortsætter kun de lovpligtige opfølgninger.", r.ID, last),
		En: fmt.Sprintf("Rule %s ends with its last item on %s, but the measure has not ended. End the measure or record how follow-up goes on; until then only the statutory follow-ups go on.", r.ID, last)}, true
}
