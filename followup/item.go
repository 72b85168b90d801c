package followup

import (
	"github.com/trappe-dk/trappe/followup/workday"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// planCtx is the shared, read-only context of all items of one plan.
type planCtx struct {
	regime *Regime
	rule   *Rule // the municipal rule bound to the intervention, or nil
	iv     ladder.Intervention
	grants []Grant
	excs   []*Exception // excs[i] is the exception of grants[i]
	// noDecision: the chain wanted a decision under BL § 95 and had none.
	noDecision bool
	// decision is the case's recorded decision, or nil.
	decision *CadenceDecision
	// rec and cal are what the plan was scheduled from (a deep copy of the
	// record), for its JSON and a replay.
	rec     Record
	cal     *workday.Calendar
	caseID  string
	measure string
}

// anchorKind says what a due date is measured from.
type anchorKind uint8

const (
	anchorStart anchorKind = iota
	anchorPrevious
	anchorStatutory
	anchorVisit
	anchorAssessmentEnd
	anchorDecision
)

// decidedBy says whose decision under BL § 95 set a statutory deadline.
type decidedBy uint8

const (
	byLaw       decidedBy = iota // the law's own interval
	byRuleSet                    // the municipality's standing decision
	byRecord                     // the case's recorded decision
	byBothEqual                  // both decisions, which give the same day
)

// origin says which layer put an item in the plan.
type origin uint8

const (
	fromMunicipal origin = iota // an item of the municipal rule
	fromChain                   // added by the statutory chain alone
)

// chainMark is what the statutory chain says about an item it marks.
type chainMark struct {
	fuSet    *RuleSet // the law whose follow-up requirement it meets, or nil
	visitSet *RuleSet // the law whose supervision visit it is, or nil
	law      *RuleSet // the law in force on the deadline, which decided it
	deadline date.Date
	first    bool      // the first statutory follow-up
	switched bool      // the deadline fell under a newer law than its anchor
	lawStart bool      // the deadline was moved to the day that law took effect
	by       decidedBy // who set the interval of a follow-up after the first
	anchor   anchorKind
	from     date.Date
	fromHeld bool
	offset   Span
}

// why holds the reasons for an item as data; Why renders them.
type why struct {
	ctx          *planCtx
	origin       origin
	fixed, phase int16 // the rule's fixed item or recurring phase; -1 if not
	cycle        int16 // the content's index in the phase's cycle
	firstFU      bool  // the rule's first follow-up: never relaxed
	anchor       anchorKind
	from         date.Date
	fromHeld     bool
	offset       Span
	heldInWindow bool // chain item placed where a follow-up was held in its window
	mark         chainMark
}

// content is the municipal rule's content for the item, or nil.
func (w *why) content() *Content {
	if w.origin != fromMunicipal || w.ctx == nil || w.ctx.rule == nil {
		return nil
	}
	r := w.ctx.rule
	if w.fixed >= 0 {
		return &r.Fixed[w.fixed].Content
	}
	return &r.Recurring[w.phase].Cycle[w.cycle]
}

// Item is one scheduled follow-up or deadline of a measure.
type Item struct {
	Case       string
	Measure    string
	Due        date.Date // the due date by the rules
	WorkingDay date.Date // the latest working day on or before Due
	Kind       Kind
	// Statutory: the law requires this item (it carries the statutory
	// content and no exception relaxes it).
	Statutory         bool
	ChildConversation ChildTalk
	Modes             Modes
	Status            Status
	// HeldOn is the day it was held (zero if not); Late is HeldOn − Due in
	// days (negative: early).
	HeldOn date.Date
	Late   int
	held   Held
	why    why
}

// DaysLate is how many days after the due date the item was held (0 if on
// time, early, or not held).
func (it Item) DaysLate() int { return max(0, it.Late) }

// Held returns the follow-up that satisfied the item, if any.
func (it Item) Held() (Held, bool) { return it.held, it.HeldOn != 0 }

// effective is the date later follow-ups are measured from: the day the
// item was held, else its due date.
func (it *Item) effective() (date.Date, bool) {
	if it.HeldOn != 0 {
		return it.HeldOn, true
	}
	return it.Due, false
}

// Rules returns the ids of the rules the item satisfies, municipal first,
// e.g. ["H-INST", "SEL-70", "SEL-148"].
func (it Item) Rules() []string {
	out := make([]string, 0, 3)
	w := &it.why
	if w.origin == fromMunicipal && w.ctx != nil && w.ctx.rule != nil {
		out = append(out, w.ctx.rule.ID)
	}
	if s := w.mark.fuSet; s != nil {
		out = append(out, s.spec.Statutory.FollowUp.ID)
	}
	if s := w.mark.visitSet; s != nil {
		out = append(out, s.spec.Statutory.Visits.ID)
	}
	return out
}

// Participants returns who takes part by the municipal rule (Danish role
// names), if it says.
func (it Item) Participants() []string {
	if c := it.why.content(); c != nil {
		return slices.Clone(c.Participants)
	}
	return nil
}

// Decides returns what is decided at the item.
func (it Item) Decides() []Decision {
	var out []Decision
	if c := it.why.content(); c != nil {
		out = slices.Clone(c.Decides)
	} else if it.Kind.IsMeeting() {
		out = []Decision{NewGoals}
	}
	m := &it.why.mark
	if m.first && m.fuSet != nil && m.fuSet.spec.Statutory.FollowUp.Then.IsZero() && !slices.Contains(out, Cadence) {
		out = append(out, Cadence)
	}
	return out
}

// Place returns where the item is held by the municipal rule ("" if it does
// not say); a supervision visit is at the placement.
func (it Item) Place() string {
	if it.why.mark.visitSet != nil {
		return "på anbringelsesstedet"
	}
	if c := it.why.content(); c != nil {
		return c.Place
	}
	return ""
}

// relaxedBy reports whether grant i relaxes the item: an extra follow-up
// of the municipal rule (never a statutory one, never the rule's first),
// due on or after the day the exception was approved, in the exception's
// scope.
func (it *Item) relaxedBy(i int) bool {
	w := &it.why
	if it.Statutory || w.origin != fromMunicipal || w.firstFU || !it.Kind.IsMeeting() || w.ctx == nil {
		return false
	}
	g := w.ctx.grants[i]
	return it.Due >= g.ApprovedOn && w.ctx.excs[i].covers(w.ctx.rule.ID, int(w.fixed), int(w.phase))
}

// Plan is the schedule of one measure as of a date. It is immutable: its
// accessors return copies.
type Plan struct {
	caseID, measure string
	asOf, until     date.Date
	items           []Item
	next            int  // index of the first actionable item, len(items) if none
	nextItem        Item // a copy of items[next], so NextDue reads the plan alone
	extra           []Held
	ctx             *planCtx
}

// Case returns the case id.
func (p Plan) Case() string { return p.caseID }

// MeasureID returns the measure id.
func (p Plan) MeasureID() string { return p.measure }

// AsOf returns the plan's as-of date.
func (p Plan) AsOf() date.Date { return p.asOf }

// Until returns the last due date the plan covers.
func (p Plan) Until() date.Date { return p.until }

// Len returns the number of items.
func (p Plan) Len() int { return len(p.items) }

// At returns item i (0 ≤ i < Len).
func (p Plan) At(i int) Item { return p.items[i] }

// Items returns a copy of the items, in due-date order.
func (p Plan) Items() []Item { return slices.Clone(p.items) }

// Findings returns what the scheduler noticed about the measure (a missing
// cadence decision, the statutory floor only, a rule that ran out, a long
// institution stay).
//
// They are derived from the plan when asked for, not while scheduling.
func (p Plan) Findings() finding.List {
	if p.ctx == nil {
		return nil
	}
	return p.ctx.findings(p.items, p.asOf)
}

// NextDue returns the first item the case worker can act on — overdue or
// upcoming — and false if there is none. It does not allocate.
func (p Plan) NextDue() (Item, bool) {
	if p.next >= len(p.items) {
		return Item{}, false
	}
	return p.nextItem, true
}
