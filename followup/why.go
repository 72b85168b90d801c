package followup

import (
	"encoding/json"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Reason is one rule behind an item: which rule, from which rule set and
// when that set took effect, its source, and what it says about this item
// as messages (codes with arguments, package msg) a case worker reads in
// her language.
type Reason struct {
	RuleID    string
	RuleSet   string
	Layer     Layer
	Effective date.Date
	Source    string
	Parts     []msg.Message
}

// Text renders the reason's parts in lang, joined by spaces, with the
// default catalogue.
func (r Reason) Text(lang msg.Lang) string { return joinParts(msg.Default(), r.Parts, lang) }

// MarshalJSON writes the reason with its parts as data and rendered in
// Danish and English.
func (r Reason) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		RuleID    string        `json:"rule"`
		RuleSet   string        `json:"ruleSet"`
		Layer     Layer         `json:"layer"`
		Effective string        `json:"effective"`
		Source    string        `json:"source"`
		Parts     []msg.Message `json:"parts"`
		Da        string        `json:"da"`
		En        string        `json:"en"`
	}{r.RuleID, r.RuleSet, r.Layer, r.Effective.String(), r.Source, r.Parts, r.Text(msg.Danish), r.Text(msg.English)})
}

// Relaxation is an approved exception that relaxed an item.
type Relaxation struct {
	ID         string
	ApprovedBy string
	ApprovedOn date.Date
	Source     string
	Parts      []msg.Message
}

// Text renders the relaxation's parts in lang with the default catalogue.
func (x Relaxation) Text(lang msg.Lang) string { return joinParts(msg.Default(), x.Parts, lang) }

// MarshalJSON writes the relaxation with its parts as data and rendered.
func (x Relaxation) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID         string        `json:"id"`
		ApprovedBy string        `json:"approvedBy"`
		ApprovedOn string        `json:"approvedOn"`
		Source     string        `json:"source"`
		Parts      []msg.Message `json:"parts"`
		Da         string        `json:"da"`
		En         string        `json:"en"`
	}{x.ID, x.ApprovedBy, x.ApprovedOn.String(), x.Source, x.Parts, x.Text(msg.Danish), x.Text(msg.English)})
}

func joinParts(c *msg.Catalogue, parts []msg.Message, lang msg.Lang) string {
	var b strings.Builder
	for i, m := range parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.Text(m, lang))
	}
	return b.String()
}

// Explanation says why an item is due: the reasons and the relaxations, as
// data.
type Explanation struct {
	Reasons     []Reason     `json:"reasons"`
	Relaxations []Relaxation `json:"relaxations,omitempty"`
}

// Why returns the reasons behind the item. They are derived from the item
// and its rule sets when asked for; nothing is formatted while scheduling.
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
	r := w.ctx.rule
	parts := []msg.Message{msg.New("followup.why.rule", "name", textOf(r.Name)), anchorMessage(w.anchor, w.from, w.fromHeld, w.offset)}
	if c := w.content(); c != nil && c.Note.En != "" {
		parts = append(parts, msg.New("followup.why.note", "note", textOf(c.Note)))
	}
	return Reason{RuleID: r.ID, RuleSet: rs.Name(), Layer: Municipal, Effective: rs.Effective(), Source: r.Source, Parts: parts}
}

func (it *Item) followUpReason() Reason {
	w := &it.why
	m := &w.mark
	s := m.fuSet
	f := s.spec.Statutory.FollowUp
	parts := []msg.Message{msg.New("followup.why.law", "name", textOf(f.Name))}
	switch {
	case w.origin == fromChain && w.heldInWindow:
		parts = append(parts, msg.New("followup.why.chain-held-in-window", "deadline", msg.Date(m.deadline), "held", msg.Date(it.Due)))
	case w.origin == fromChain:
		parts = append(parts, msg.New("followup.why.chain-only"), anchorMessage(m.anchor, m.from, m.fromHeld, m.offset))
	default:
		parts = append(parts, msg.New("followup.why.marked", "deadline", msg.Date(m.deadline)))
	}
	if m.first {
		parts = append(parts, msg.New("followup.why.first"))
		if f.Then.IsZero() {
			parts = append(parts, msg.New("followup.why.first-decides"))
		}
	}
	parts = append(parts, it.decisionParts()...)
	if m.switched {
		parts = append(parts, msg.New("followup.why.law-switched", "effective", msg.Date(m.law.Effective()), "law", msg.String(m.law.Name())))
	}
	if m.lawStart {
		parts = append(parts, msg.New("followup.why.law-start", "deadline", msg.Date(m.deadline)))
	}
	return Reason{RuleID: f.ID, RuleSet: s.Name(), Layer: Statutory, Effective: s.Effective(), Source: f.Source, Parts: parts}
}

// decisionParts say whose decision under BL § 95 set a deadline after the
// first follow-up, where the law has no interval.
func (it *Item) decisionParts() []msg.Message {
	m := &it.why.mark
	ctx := it.why.ctx
	switch m.by {
	case byRuleSet, byBothEqual:
		ms := ctx.regime.municipal
		d := ms.spec.Decision
		out := []msg.Message{msg.New("followup.why.decided-by-municipality", "every", spanValue(d.Every), "ruleSet", msg.String(ms.Name()), "source", msg.String(d.Source))}
		if m.by == byBothEqual {
			out = append(out, msg.New("followup.why.decided-also-by-case"))
		}
		return out
	case byRecord:
		d := ctx.decision
		if d.DecidedOn != 0 {
			return []msg.Message{msg.New("followup.why.decided-by-case-on", "every", spanValue(d.Every), "decidedOn", msg.Date(d.DecidedOn))}
		}
		return []msg.Message{msg.New("followup.why.decided-by-case", "every", spanValue(d.Every))}
	}
	return nil
}

func (it *Item) visitReason() Reason {
	w := &it.why
	m := &w.mark
	v := m.visitSet.spec.Statutory.Visits
	parts := []msg.Message{msg.New("followup.why.law", "name", textOf(v.Name))}
	switch {
	case m.fuSet != nil:
		parts = append(parts, msg.New("followup.why.visit-is-follow-up"))
	case w.origin == fromChain && w.heldInWindow:
		parts = append(parts, msg.New("followup.why.visit-held-in-window", "deadline", msg.Date(m.deadline), "held", msg.Date(it.Due)))
	case w.origin == fromChain:
		parts = append(parts, msg.New("followup.why.visit-alone"), anchorMessage(m.anchor, m.from, m.fromHeld, m.offset))
	default:
		parts = append(parts, msg.New("followup.why.visit-marked", "deadline", msg.Date(m.deadline)))
	}
	s := m.visitSet
	return Reason{RuleID: v.ID, RuleSet: s.Name(), Layer: Statutory, Effective: s.Effective(), Source: v.Source, Parts: parts}
}

func (it *Item) relaxation(g Grant, e *Exception) Relaxation {
	parts := []msg.Message{msg.New("followup.why.relaxed", "name", textOf(e.Name), "approvedBy", msg.String(g.ApprovedBy),
		"approvedOn", msg.Date(g.ApprovedOn), "modes", it.Modes.value())}
	if e.ChildConversationOptional {
		parts = append(parts, msg.New("followup.why.relaxed-talk-optional"))
	} else {
		parts = append(parts, msg.New("followup.why.relaxed-talk-held"))
	}
	if e.Reading.En != "" {
		parts = append(parts, msg.New("followup.why.reading", "reading", textOf(e.Reading)))
	}
	return Relaxation{ID: e.ID, ApprovedBy: g.ApprovedBy, ApprovedOn: g.ApprovedOn, Source: e.Source, Parts: parts}
}

// anchorMessage says what a due date is measured from.
func anchorMessage(a anchorKind, from date.Date, held bool, off Span) msg.Message {
	code := "followup.anchor.start"
	switch a {
	case anchorAssessmentEnd:
		return msg.New("followup.anchor.assessment-end", "from", msg.Date(from))
	case anchorDecision:
		code = "followup.anchor.decision"
	case anchorStatutory:
		code = "followup.anchor.statutory-due"
		if held {
			code = "followup.anchor.statutory-held"
		}
	case anchorVisit:
		code = "followup.anchor.visit-due"
		if held {
			code = "followup.anchor.visit-held"
		}
	case anchorPrevious:
		code = "followup.anchor.previous-due"
		if held {
			code = "followup.anchor.previous-held"
		}
	}
	return msg.New(code, "offset", spanValue(off), "from", msg.Date(from))
}

// Messages returns the explanation as messages, each reason and
// relaxation cited with its rule and source, for a renderer.
func (ex Explanation) Messages() []msg.Message {
	var out []msg.Message
	for _, r := range ex.Reasons {
		out = append(out, msg.New("followup.why.cited", "rule", msg.String(r.RuleID), "text", partsValue(r.Parts),
			"source", msg.String(r.Source), "ruleSet", msg.String(r.RuleSet), "effective", msg.Date(r.Effective)))
	}
	for _, x := range ex.Relaxations {
		out = append(out, msg.New("followup.why.cited-relaxation", "id", msg.String(x.ID), "text", partsValue(x.Parts), "source", msg.String(x.Source)))
	}
	return out
}

// Text renders the explanation in lang as one paragraph.
func (ex Explanation) Text(lang msg.Lang) string {
	return joinParts(msg.Default(), ex.Messages(), lang)
}

// partsValue is a list of messages as one argument, rendered joined by
// spaces.
func partsValue(parts []msg.Message) msg.Value {
	if len(parts) == 0 {
		return msg.String("")
	}
	if len(parts) == 1 {
		return msg.Nested(parts[0])
	}
	return msg.Nested(msg.New("followup.why.joined", "first", msg.Nested(parts[0]), "rest", partsValue(parts[1:])))
}

// Line is a one-line why for lists: the rule ids and the first reason,
// with the exceptions that relaxed the item and who approved them.
func (it Item) Line(lang msg.Lang) string {
	var b strings.Builder
	b.WriteString(strings.Join(it.Rules(), "+"))
	b.WriteString(": ")
	ex := it.Why()
	if len(ex.Reasons) > 0 {
		b.WriteString(ex.Reasons[0].Text(lang))
	}
	for _, x := range ex.Relaxations {
		b.WriteString(" [" + x.ID + ", " + x.ApprovedBy + "]")
	}
	return b.String()
}

// findings is what the walk noticed about the measure, derived when the
// plan is asked for them (Plan.Findings), so that scheduling builds no
// messages. Each is a code and its arguments.
func (ctx *planCtx) findings(items []Item, asOf date.Date) finding.List {
	var l finding.List
	iv, id := ctx.iv, ctx.measure
	if ctx.noDecision {
		l = append(l, finding.New("followup.bl.no-decision", finding.Warning, id, SourceBL95,
			"measure", msg.String(id), "intervention", ivName(iv)))
	}
	switch {
	case ctx.rule == nil && iv.FollowUpByLaw() && ctx.regime.municipal != nil:
		ms := ctx.regime.municipal
		l = append(l, finding.New("followup.statutory-only", finding.Info, id, ms.spec.Source, "why", msg.Nested(msg.New("followup.statutory-only.unbound",
			"ruleSet", msg.String(ms.Name()), "code", msg.String(iv.Code), "intervention", ivName(iv)))))
	case ctx.rule == nil && iv.FollowUpByLaw():
		l = append(l, finding.New("followup.statutory-only", finding.Info, id, "", "why", msg.Nested(msg.New("followup.statutory-only.no-rules",
			"code", msg.String(iv.Code), "intervention", ivName(iv)))))
	case ctx.rule == nil:
		l = append(l, finding.New("followup.no-requirement", finding.Info, id, "", "intervention", ivName(iv)))
	}
	m := ctx.rec.Measure
	end, hasEnd := m.End()
	if f, ok := ctx.ruleEnded(m.Start(), end, hasEnd, asOf); ok {
		l = append(l, f)
	}
	for i := range items {
		if it := &items[i]; it.Status == Missed {
			sev := finding.Warning
			if it.Statutory {
				sev = finding.Error
			}
			l = append(l, finding.New("followup.item.missed", sev, id, "",
				"due", msg.Date(it.Due), "rules", msg.String(strings.Join(it.Rules(), "+")), "end", msg.Date(end)))
		}
	}
	if iv.Placement && iv.Step == ladder.Institution && m.ActiveOn(asOf) && asOf >= longStay.AddTo(m.Start()) {
		l = append(l, finding.New("followup.institution.long-stay", finding.Info, id,
			"Andreassen, citeret i Socialstyrelsen, Strategisk ramme & Faglig retning, 'Viden vi bygger på'; Herningmodellen 1.0 — kompendium, s. 14 (udskrivning fra indskrivningens start)",
			"start", msg.Date(m.Start()), "after", spanValue(longStay)))
	}
	return l
}

// longStay is how long an institution placement lasts before the long-stay
// finding: the first six months, where the largest change happens.
var longStay = Months(6)

// ivName is an intervention's name as a message argument.
func ivName(iv ladder.Intervention) msg.Value {
	return msg.Text(map[msg.Lang]string{msg.Danish: iv.Danish, msg.English: iv.English})
}

// ruleEnded is the warning for an open measure past its rule's last item:
// a rule that runs out (MST's course ends at +5 months, the family
// centre's status report comes at +8 months) owes nothing more, and only
// the statutory chain goes on.
func (ctx *planCtx) ruleEnded(start, end date.Date, hasEnd bool, asOf date.Date) (finding.Finding, bool) {
	r := ctx.rule
	if r == nil || !r.ends() {
		return finding.Finding{}, false
	}
	last := r.lastDue(start)
	if asOf <= last || (hasEnd && end <= last) {
		return finding.Finding{}, false
	}
	return finding.New("followup.rule.ended", finding.Warning, ctx.measure, r.Source, "rule", msg.String(r.ID), "last", msg.Date(last)), true
}
