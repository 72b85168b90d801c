package followup

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// Held is a follow-up that took place (or a report that was received).
type Held struct {
	On date.Date `json:"date"`
	// Kind is FollowUp (the zero value means FollowUp too), StatusFollowUp,
	// SupervisionVisit, or StatusReport for a report received.
	Kind Kind `json:"kind,omitzero"`
	// ChildConversation: a conversation with the child was held (and noted
	// in the journal as "børnesamtale").
	ChildConversation bool `json:"childConversation"`
	Mode              Mode `json:"mode,omitzero"`
	// NotAtPlacement: an in-person follow-up on a placement that was not
	// held at the placement (so it is no supervision visit).
	NotAtPlacement bool `json:"notAtPlacement,omitempty"`
	// NoPlanReview: the action plan / the child's plan was not followed up.
	NoPlanReview bool `json:"noPlanReview,omitempty"`
}

func (h Held) kind() Kind {
	if h.Kind == 0 {
		return FollowUp
	}
	return h.Kind
}

// InLawsSense reports whether the follow-up counts as one in the law's
// sense: a meeting with a child conversation where the plan was followed
// up (KORA 2017, Figur 2.2).
func (h Held) InLawsSense() bool {
	return h.kind().IsMeeting() && h.ChildConversation && !h.NoPlanReview
}

// Grant records an exception approved for one measure by the team leader.
type Grant struct {
	ID         string    `json:"id"`
	ApprovedBy string    `json:"approvedBy"`
	ApprovedOn date.Date `json:"approvedOn"`
}

// CadenceDecision is the decision made at the first follow-up under Barnets
// Lov on how later follow-up is organised (BL § 95): the library schedules
// the statutory chain from it.
type CadenceDecision struct {
	DecidedOn date.Date `json:"decidedOn"`
	Every     Span      `json:"every"`
	Note      string    `json:"note,omitempty"`
}

// Record is one measure with what has happened on it: the input to the
// scheduler.
type Record struct {
	Case    string         // the child's case id
	Measure ladder.Measure // the measure and its span
	Held    []Held         // follow-ups held, any order
	Grants  []Grant        // approved exceptions
	// Decision is the recorded cadence decision under Barnets Lov, if any.
	Decision *CadenceDecision
	// AssessmentEnd is the end of a child assessment run alongside the
	// measure (BL § 95: the first follow-up is due then if earlier than 3
	// months); zero if none.
	AssessmentEnd date.Date
}

// Options are the scheduling parameters.
type Options struct {
	AsOf date.Date // "today": decides done/overdue/upcoming
	// Until is the last due date to include; zero means AsOf + 1 year. At
	// most 10 years after AsOf.
	Until    date.Date
	Calendar *workday.Calendar // nil: workday.Danish()
}

// MaxHorizonMonths bounds Options.Until: 10 years after AsOf.
const MaxHorizonMonths = 120

// ErrInput is wrapped by every error about bad scheduler input.
var ErrInput = errors.New("bad input")

// Schedule computes the plan of one measure: every item from the measure's
// start up to opt.Until (and never after the measure's end), with status as
// of opt.AsOf and the reasons behind each item.
func (r *Regime) Schedule(rec Record, opt Options) (Plan, error) {
	var p Plan
	err := r.scheduleInto(&p, rec, opt, nil)
	return p, err
}

// itemEstimate guesses how many items a plan from start to last holds, so
// the item slice is allocated once at about the right size: the fixed
// items and one per shortest recurring interval, or, with no recurrence,
// one statutory follow-up or visit per 3 months.
func itemEstimate(rule *Rule, start, last date.Date) int {
	days := int(last - start)
	if days < 0 {
		return 2
	}
	minEvery := 0
	n := 2
	if rule != nil {
		n += len(rule.Fixed)
		for _, ph := range rule.Recurring {
			d := int(ph.Every.Months)*30 + int(ph.Every.Days)
			if d > 0 && (minEvery == 0 || d < minEvery) {
				minEvery = d
			}
		}
	}
	if minEvery > 0 {
		// The statutory items mostly fall on the recurring ones.
		n += days / minEvery
	} else {
		n += 1 + days/91
	}
	return min(n, 4096)
}

// planCtx is shared, read-only context of all items of one plan.
type planCtx struct {
	regime  *Regime
	rule    *Rule // municipal rule, or nil
	iv      ladder.Intervention
	grants  []Grant
	excs    []*Exception // excs[i] is the exception of grants[i]
	caseID  string
	measure string
}

type anchorKind uint8

const (
	anchorStart anchorKind = iota
	anchorPrevious
	anchorStatutory
	anchorVisit
	anchorAssessmentEnd
	anchorDecision
)

// Why holds the reasons for an item as data; Explain renders them.
type why struct {
	ctx          *planCtx
	municipal    bool     // due under the municipal rule
	content      *Content // municipal content, or nil
	phase        int8     // -1: fixed item
	anchor       anchorKind
	from         date.Date // anchor date (start or previous follow-up)
	fromHeld     bool
	offset       Span
	statSet      *RuleSet  // statutory set whose follow-up chain marked it
	statFirst    bool      // the first statutory follow-up
	visitSet     *RuleSet  // statutory set whose visits marked it
	onlyStat     bool      // added by the statutory layer alone
	grants       uint8     // bit i: grants[i] relaxed it
	switched     bool      // the deadline fell under a newer law than its anchor
	heldInWindow bool      // statutory-only: placed where a follow-up was held within the window
	statDue      date.Date // the statutory follow-up deadline it meets
	visitDue     date.Date // the supervision deadline it meets
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

// Rules returns the ids of the rules the item satisfies, municipal first,
// e.g. ["H-INST", "SEL-70", "SEL-148"].
func (it Item) Rules() []string {
	out := make([]string, 0, 3)
	w := it.why
	if w.municipal && w.ctx != nil && w.ctx.rule != nil {
		out = append(out, w.ctx.rule.ID)
	}
	if w.statSet != nil {
		out = append(out, w.statSet.spec.Statutory.FollowUp.ID)
	}
	if w.visitSet != nil && w.visitSet.spec.Statutory.Visits != nil {
		out = append(out, w.visitSet.spec.Statutory.Visits.ID)
	}
	return out
}

// Participants returns who takes part by the municipal rule (Danish role
// names), if it says.
func (it Item) Participants() []string {
	if it.why.content == nil {
		return nil
	}
	return slices.Clone(it.why.content.Participants)
}

// Decides returns what is decided at the item.
func (it Item) Decides() []Decision {
	var out []Decision
	if it.why.content != nil {
		out = slices.Clone(it.why.content.Decides)
	} else if it.Kind.IsMeeting() {
		out = []Decision{NewGoals}
	}
	if it.why.statFirst && it.why.statSet != nil && it.why.statSet.spec.Statutory.FollowUp.Then.IsZero() && !slices.Contains(out, Cadence) {
		out = append(out, Cadence)
	}
	return out
}

// Place returns where the item is held by the municipal rule ("" if it does
// not say); a supervision visit is at the placement.
func (it Item) Place() string {
	if it.why.visitSet != nil {
		return "på anbringelsesstedet"
	}
	if it.why.content != nil {
		return it.why.content.Place
	}
	return ""
}

// Plan is the schedule of one measure as of a date. It is immutable: its
// accessors return copies.
type Plan struct {
	caseID, measure string
	asOf, until     date.Date
	items           []Item
	findings        finding.List
	next            int  // index of the first item not done, len(items) if none
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
// cadence decision, the statutory floor only, a long institution stay).
func (p Plan) Findings() finding.List { return slices.Clone(p.findings) }

// NextDue returns the first item that is not done — overdue or upcoming —
// and false if there is none. It does not allocate.
func (p Plan) NextDue() (Item, bool) {
	if p.next >= len(p.items) {
		return Item{}, false
	}
	return p.nextItem, true
}

// ---- the walk ----

type tracker struct {
	// The window is (opens, deadline]; the first one [start, deadline].
	opens    date.Date
	active   bool
	visits   bool
	deadline date.Date
	last     int // index of the latest meeting item due on or before deadline, -1 none
	set      *RuleSet
	first    bool
	anchor   anchorKind
	from     date.Date
	fromHeld bool
	offset   Span
	switched bool
}

type muniGen struct {
	rule     *Rule
	start    date.Date
	fixed    int
	phase    int
	cycle    int
	prev     date.Date // effective date of the previous meeting item
	prevHeld bool
	// The next candidate, computed once per state (peek is called again on
	// every pass that closes a statutory window).
	cached bool
	cand   candidate
	candOK bool
}

type candidate struct {
	due     date.Date
	kind    Kind
	content *Content
	phase   int8
	anchor  anchorKind
	from    date.Date
	held    bool
	offset  Span
	fixed   bool
}

func (g *muniGen) peek() (candidate, bool) {
	if !g.cached {
		g.cand, g.candOK = g.next()
		g.cached = true
	}
	return g.cand, g.candOK
}

func (g *muniGen) next() (candidate, bool) {
	if g.rule == nil {
		return candidate{}, false
	}
	var c candidate
	ok := false
	if g.fixed < len(g.rule.Fixed) {
		f := &g.rule.Fixed[g.fixed]
		c = candidate{due: f.At.AddTo(g.start), kind: f.Kind, content: &f.Content, phase: -1, anchor: anchorStart, from: g.start, offset: f.At, fixed: true}
		ok = true
		// Where the recurrence waits for the fixed items, a fixed item is
		// still never due later than one interval after the previous
		// follow-up: the gap never exceeds the interval.
		if len(g.rule.Recurring) > 0 && f.Kind.IsMeeting() {
			ph := &g.rule.Recurring[g.phaseFor(g.prev)]
			if capped := ph.Every.AddTo(g.prev); ph.AfterFixed && capped < c.due {
				c.due, c.anchor, c.from, c.held, c.offset = capped, anchorPrevious, g.prev, g.prevHeld, ph.Every
				if g.prev == g.start && !g.prevHeld {
					c.anchor = anchorStart
				}
			}
		}
	}
	if len(g.rule.Recurring) > 0 {
		pi := g.phaseFor(g.prev)
		ph := &g.rule.Recurring[pi]
		due := ph.Every.AddTo(g.prev)
		if (!ok || due < c.due) && !(ph.AfterFixed && g.fixed < len(g.rule.Fixed)) {
			cy := 0
			if pi == g.phase {
				cy = g.cycle % len(ph.Cycle)
			}
			anchor := anchorPrevious
			if g.prev == g.start && !g.prevHeld {
				anchor = anchorStart
			}
			c = candidate{due: due, kind: ph.Kind, content: &ph.Cycle[cy], phase: int8(pi), anchor: anchor, from: g.prev, held: g.prevHeld, offset: ph.Every}
			ok = true
		}
	}
	return c, ok
}

// phaseFor chooses the phase by the date of the previous follow-up.
func (g *muniGen) phaseFor(prev date.Date) int {
	for i, ph := range g.rule.Recurring {
		if ph.Until.IsZero() || prev < ph.Until.AddTo(g.start) {
			return i
		}
	}
	return len(g.rule.Recurring) - 1
}

func (g *muniGen) take(c candidate) {
	g.cached = false
	if c.fixed {
		g.fixed++
		return
	}
	if int(c.phase) != g.phase {
		g.phase, g.cycle = int(c.phase), 0
	}
	g.cycle++
}

func (g *muniGen) observe(effective date.Date, held bool) {
	g.cached = false
	g.prev, g.prevHeld = effective, held
}

func (r *Regime) scheduleInto(p *Plan, rec Record, opt Options, buf []Item) error {
	const op = "followup.Regime.Schedule"
	m := rec.Measure
	if r == nil {
		return fmt.Errorf("%s: %w: nil regime", op, ErrInput)
	}
	if !m.IsValid() {
		return fmt.Errorf("%s: %w: invalid (zero) measure in case %q; build it with ladder.NewMeasure", op, ErrInput, rec.Case)
	}
	if opt.AsOf == 0 {
		return fmt.Errorf("%s: %w: measure %q: zero as-of date", op, ErrInput, m.ID())
	}
	until := opt.Until
	if until == 0 {
		until = AddMonths(opt.AsOf, 12)
	}
	if until < opt.AsOf {
		return fmt.Errorf("%s: %w: measure %q: until %s is before as-of %s", op, ErrInput, m.ID(), until, opt.AsOf)
	}
	if until > AddMonths(opt.AsOf, MaxHorizonMonths) {
		return fmt.Errorf("%s: %w: measure %q: horizon to %s is more than 10 years after %s", op, ErrInput, m.ID(), until, opt.AsOf)
	}
	cal := opt.Calendar
	if cal == nil {
		cal = workday.Danish()
	}
	start := m.Start()
	end, hasEnd := m.End()
	limit := until
	if hasEnd && end < limit {
		limit = end
	}
	iv := m.Intervention()
	ctx := &planCtx{regime: r, iv: iv, caseID: rec.Case, measure: m.ID()}
	if iv.Rule != "" && r.municipal != nil {
		i, ok := r.municipal.rules[iv.Rule]
		if !ok {
			return fmt.Errorf("%s: %w: measure %q: intervention %q uses rule %q, which is not in %q", op, ErrInput, m.ID(), iv.Code, iv.Rule, r.municipal.Name())
		}
		ctx.rule = &r.municipal.spec.Rules[i]
	}
	// Held follow-ups: check and sort a copy.
	var meetings, reports []Held
	for i, h := range rec.Held {
		switch {
		case h.On == 0:
			return fmt.Errorf("%s: %w: measure %q: held[%d] has a zero date", op, ErrInput, m.ID(), i)
		case h.On < start:
			return fmt.Errorf("%s: %w: measure %q: held[%d] on %s is before the measure's start %s", op, ErrInput, m.ID(), i, h.On, start)
		case h.On > opt.AsOf:
			return fmt.Errorf("%s: %w: measure %q: held[%d] on %s is after the as-of date %s", op, ErrInput, m.ID(), i, h.On, opt.AsOf)
		case h.Kind != 0 && !h.Kind.IsMeeting() && h.Kind != StatusReport:
			return fmt.Errorf("%s: %w: measure %q: held[%d] has kind %s; want followup, status, supervision-visit or status-report", op, ErrInput, m.ID(), i, h.Kind)
		case h.Mode != 0 && !h.Mode.IsValid():
			return fmt.Errorf("%s: %w: measure %q: held[%d] has invalid mode %s", op, ErrInput, m.ID(), i, h.Mode)
		}
		if h.kind() == StatusReport {
			reports = append(reports, h)
		} else {
			meetings = append(meetings, h)
		}
	}
	byDate := func(a, b Held) int { return int(a.On - b.On) }
	slices.SortStableFunc(meetings, byDate)
	slices.SortStableFunc(reports, byDate)
	// Exceptions.
	if len(rec.Grants) > 8 {
		return fmt.Errorf("%s: %w: measure %q: %d exceptions; at most 8", op, ErrInput, m.ID(), len(rec.Grants))
	}
	for i, g := range rec.Grants {
		var e *Exception
		if r.municipal != nil {
			if j, ok := r.municipal.excs[g.ID]; ok {
				e = &r.municipal.spec.Exceptions[j]
			}
		}
		switch {
		case e == nil:
			return fmt.Errorf("%s: %w: measure %q: unknown exception %q", op, ErrInput, m.ID(), g.ID)
		case strings.TrimSpace(g.ApprovedBy) == "" || g.ApprovedOn == 0:
			return fmt.Errorf("%s: %w: measure %q: exception %q is not approved (approvedBy %q, approvedOn %s); the team leader must approve it", op, ErrInput, m.ID(), g.ID, g.ApprovedBy, g.ApprovedOn)
		case g.ApprovedOn > opt.AsOf:
			return fmt.Errorf("%s: %w: measure %q: exception %q approved on %s, after the as-of date %s", op, ErrInput, m.ID(), g.ID, g.ApprovedOn, opt.AsOf)
		case ctx.rule == nil || !slices.Contains(e.AppliesTo, ctx.rule.ID):
			return fmt.Errorf("%s: %w: measure %q: exception %q does not apply to intervention %q (rule %q; it applies to %s)", op, ErrInput, m.ID(), g.ID, iv.Code, iv.Rule, strings.Join(e.AppliesTo, ", "))
		}
		for _, prev := range rec.Grants[:i] {
			if prev.ID == g.ID {
				return fmt.Errorf("%s: %w: measure %q: exception %q recorded twice", op, ErrInput, m.ID(), g.ID)
			}
		}
		ctx.grants = append(ctx.grants, g)
		ctx.excs = append(ctx.excs, e)
	}
	if d := rec.Decision; d != nil {
		if d.Every.IsZero() || d.Every.Months < 0 || d.Every.Days < 0 || d.Every.tooLong() {
			return fmt.Errorf("%s: %w: measure %q: cadence decision interval %s must be positive and at most 10 years", op, ErrInput, m.ID(), d.Every)
		}
		if d.DecidedOn != 0 && d.DecidedOn < start {
			return fmt.Errorf("%s: %w: measure %q: cadence decided on %s, before the start %s", op, ErrInput, m.ID(), d.DecidedOn, start)
		}
	}
	if rec.AssessmentEnd != 0 && rec.AssessmentEnd < start {
		return fmt.Errorf("%s: %w: measure %q: assessment end %s is before the start %s", op, ErrInput, m.ID(), rec.AssessmentEnd, start)
	}

	*p = Plan{caseID: rec.Case, measure: m.ID(), asOf: opt.AsOf, until: until, ctx: ctx}
	if buf == nil {
		buf = make([]Item, 0, itemEstimate(ctx.rule, start, limit))
	}
	items := buf[:0]
	gen := muniGen{rule: ctx.rule, start: start, phase: -1, prev: start}
	hm, hr := 0, 0
	// lastMeetingDay is the previous meeting item's working day: a follow-up
	// held before it is an extra one. (The working day, not the due date, so
	// that two items due over one weekend can both be held on the Friday.)
	lastMeetingDay := start

	var sf, sv tracker
	sf.last, sv.last = -1, -1
	sv.visits = true
	if iv.FollowUpByLaw() {
		r.initFollowUp(&sf, rec, start)
	}
	if iv.Placement {
		r.initVisits(&sv, start)
	}
	noDecision := false

	// emit appends an item with the given due date, kind and reasons,
	// matches a held follow-up to it, and builds it in place.
	emit := func(due date.Date, kind Kind, w why) int {
		idx := len(items)
		items = append(items, Item{})
		it := &items[idx]
		it.Due, it.Kind, it.why = due, kind, w
		if it.Kind.IsMeeting() {
			// A follow-up held before the previous item's working day, after
			// that item was matched, is an extra one: it satisfies nothing.
			for hm < len(meetings) && meetings[hm].On < lastMeetingDay {
				p.extra = append(p.extra, meetings[hm])
				hm++
			}
			if hm < len(meetings) {
				it.held = meetings[hm]
				it.HeldOn = meetings[hm].On
				hm++
			}
			lastMeetingDay = cal.OnOrBefore(it.Due)
			eff := it.Due
			if it.HeldOn != 0 {
				eff = it.HeldOn
			}
			gen.observe(eff, it.HeldOn != 0)
			for _, t := range []*tracker{&sf, &sv} {
				if t.active && it.Due <= t.deadline {
					t.last = idx
				}
			}
		} else if it.Kind == StatusReport && hr < len(reports) {
			it.held = reports[hr]
			it.HeldOn = reports[hr].On
			hr++
		}
		return idx
	}

walk:
	for {
		c, ok := gen.peek()
		// A candidate after the measure's end never comes; one after the
		// horizon still closes the statutory windows it lies beyond.
		if ok && hasEnd && c.due > end {
			ok = false
		}
		// The tracker whose window closes first.
		var t *tracker
		for _, x := range []*tracker{&sf, &sv} {
			if x.active && (!ok || c.due > x.deadline) && (t == nil || x.deadline < t.deadline) {
				t = x
			}
		}
		if t != nil {
			var anchor date.Date
			var anchorHeld bool
			switch {
			case t.last >= 0:
				it := &items[t.last]
				r.mark(it, t)
				anchor, anchorHeld = it.Due, it.HeldOn != 0
				if anchorHeld {
					anchor = it.HeldOn
				}
			case t.deadline <= limit:
				kind := FollowUp
				if t.visits {
					kind = SupervisionVisit
				}
				// No planned follow-up falls in the window. If one was held
				// in it, that is the latest follow-up on or before the
				// deadline: the item is where it was held. Otherwise the
				// law adds one at the deadline.
				due, heldIn := t.deadline, false
				for hm < len(meetings) && meetings[hm].On <= t.deadline {
					h := meetings[hm].On
					if h >= lastMeetingDay && (h > t.opens || (t.first && h == t.opens)) {
						due, heldIn = h, true
						break
					}
					// Held before the window opens (e.g. a second follow-up
					// on the day of the previous one): an extra follow-up.
					p.extra = append(p.extra, meetings[hm])
					hm++
				}
				idx := emit(due, kind, why{ctx: ctx, phase: -1, onlyStat: true, heldInWindow: heldIn})
				it := &items[idx]
				r.mark(it, t)
				anchor, anchorHeld = it.Due, it.HeldOn != 0
				if anchorHeld {
					anchor = it.HeldOn
				}
			case !hasEnd || t.deadline <= end:
				// Past the horizon but not the end: the chain goes on beyond
				// what the plan shows, and every other open window closes
				// later still, so nothing more inside the horizon is known.
				break walk
			default:
				t.active = false
				continue
			}
			if t.visits {
				r.advanceVisits(t, anchor, anchorHeld)
			} else if !r.advanceFollowUp(t, rec, ctx, anchor, anchorHeld) && ctx.rule == nil && rec.Decision == nil {
				// The chain ends for want of a decision; that matters only
				// if the measure is still in effect under the law that
				// wants one.
				if bl := r.StatutoryAt(max(anchor+1, t.set.Effective())); !hasEnd || (bl != nil && end >= bl.Effective() && end > anchor) {
					noDecision = true
				}
			}
			continue
		}
		if !ok || c.due > until {
			break
		}
		gen.take(c)
		emit(c.due, c.kind, why{ctx: ctx, municipal: true, content: c.content, phase: c.phase, anchor: c.anchor, from: c.from, fromHeld: c.held, offset: c.offset})
	}

	// The walk emits in due order (a statutory item with a follow-up held
	// early in its window is placed on that day); the sort is a guard.
	byDue := func(a, b Item) int { return int(a.Due - b.Due) }
	if !slices.IsSortedFunc(items, byDue) {
		slices.SortStableFunc(items, byDue)
	}
	// Content, exceptions, status, working day.
	p.next = -1
	for i := range items {
		it := &items[i]
		it.Case, it.Measure = rec.Case, m.ID()
		it.WorkingDay = cal.OnOrBefore(it.Due)
		r.finishContent(it, ctx)
		switch {
		case it.HeldOn != 0:
			it.Status = Done
			it.Late = int(it.HeldOn - it.Due)
		case it.Kind == CourseEnd && it.Due <= opt.AsOf:
			it.Status = Done
		case it.Due < opt.AsOf:
			it.Status = Overdue
		default:
			it.Status = Upcoming
		}
		if p.next < 0 && it.Status != Done {
			p.next = i
		}
	}
	if p.next < 0 {
		p.next = len(items)
	} else {
		p.nextItem = items[p.next]
	}
	// Held follow-ups no item took: after the last item, or before the
	// previous item's due date.
	p.extra = append(p.extra, meetings[hm:]...)
	p.extra = append(p.extra, reports[hr:]...)
	slices.SortStableFunc(p.extra, byDate)
	p.items = items
	p.findings = r.planFindings(rec, ctx, opt, noDecision)
	return nil
}

func (r *Regime) initFollowUp(t *tracker, rec Record, start date.Date) {
	set := r.StatutoryAt(start)
	if set == nil {
		set = r.nextStatutory(start)
	}
	if set == nil {
		return
	}
	f := set.spec.Statutory.FollowUp
	d := f.First.AddTo(start)
	if d < set.Effective() {
		return // the law in force at the deadline is not modelled
	}
	if nxt := r.nextStatutory(start); nxt != nil && d >= nxt.Effective() && set != nxt {
		set, t.switched = nxt, true
		f = set.spec.Statutory.FollowUp
		d = f.First.AddTo(start)
	}
	if !coversBasis(set, rec.Measure.Intervention().Basis) {
		return
	}
	*t = tracker{opens: start, active: true, deadline: d, last: -1, set: set, first: true, anchor: anchorStart, from: start, offset: f.First, switched: t.switched}
	if f.FirstByAssessmentEnd && rec.AssessmentEnd != 0 && rec.AssessmentEnd < d {
		t.deadline, t.anchor, t.from, t.offset = rec.AssessmentEnd, anchorAssessmentEnd, rec.AssessmentEnd, Span{}
	}
}

func coversBasis(set *RuleSet, b ladder.Basis) bool {
	return slices.Contains(set.spec.Statutory.FollowUp.Covers, b)
}

// advanceFollowUp moves the statutory chain on from anchor. It reports
// false when the chain ends (Barnets Lov with no interval in the law).
func (r *Regime) advanceFollowUp(t *tracker, rec Record, ctx *planCtx, anchor date.Date, held bool) bool {
	set := r.StatutoryAt(anchor)
	if set == nil {
		set = t.set
	}
	f := set.spec.Statutory.FollowUp
	t.switched = false
	if !f.Then.IsZero() {
		d := f.Then.AddTo(anchor)
		if nxt := r.nextStatutory(anchor); nxt == nil || d < nxt.Effective() {
			*t = tracker{opens: anchor, active: true, deadline: d, last: -1, set: set, anchor: anchorStatutory, from: anchor, fromHeld: held, offset: f.Then}
			return true
		}
		set, t.switched = r.nextStatutory(anchor), true
		f = set.spec.Statutory.FollowUp
		if !f.Then.IsZero() {
			*t = tracker{opens: anchor, active: true, deadline: f.Then.AddTo(anchor), last: -1, set: set, anchor: anchorStatutory, from: anchor, fromHeld: held, offset: f.Then, switched: true}
			return true
		}
	}
	// The law sets no interval after the first follow-up: the municipality's
	// decision does (BL § 95).
	if d := rec.Decision; d != nil {
		*t = tracker{opens: anchor, active: true, deadline: d.Every.AddTo(anchor), last: -1, set: set, anchor: anchorDecision, from: anchor, fromHeld: held, offset: d.Every, switched: t.switched}
		return true
	}
	t.active = false
	return false
}

func (r *Regime) initVisits(t *tracker, start date.Date) {
	set := r.StatutoryAt(start)
	if set == nil {
		set = r.nextStatutory(start)
	}
	if set == nil || set.spec.Statutory.Visits == nil {
		return
	}
	v := set.spec.Statutory.Visits
	d := v.Every.AddTo(start)
	if nxt := r.nextStatutory(start); nxt != nil && d >= nxt.Effective() && nxt.spec.Statutory.Visits != nil {
		set = nxt
		v = set.spec.Statutory.Visits
		d = v.Every.AddTo(start)
	}
	*t = tracker{opens: start, first: true, active: true, visits: true, deadline: d, last: -1, set: set, anchor: anchorStart, from: start, offset: v.Every}
}

func (r *Regime) advanceVisits(t *tracker, anchor date.Date, held bool) {
	set := r.StatutoryAt(anchor)
	if set == nil {
		set = t.set
	}
	v := set.spec.Statutory.Visits
	if v == nil {
		t.active = false
		return
	}
	d := v.Every.AddTo(anchor)
	if nxt := r.nextStatutory(anchor); nxt != nil && d >= nxt.Effective() {
		if nxt.spec.Statutory.Visits == nil {
			t.active = false
			return
		}
		set, v = nxt, nxt.spec.Statutory.Visits
		d = v.Every.AddTo(anchor)
	}
	*t = tracker{opens: anchor, active: true, visits: true, deadline: d, last: -1, set: set, anchor: anchorVisit, from: anchor, fromHeld: held, offset: v.Every}
}

// mark records that the tracker's requirement falls on the item. The item
// cites the law in force on its own due date when that law has the same
// requirement (statutory.md: the regime in force on the date a follow-up
// falls due), else the law of the deadline.
func (r *Regime) mark(it *Item, t *tracker) {
	it.Statutory = true
	set := t.set
	if s := r.StatutoryAt(it.Due); s != nil && (!t.visits || s.spec.Statutory.Visits != nil) && coversBasis(s, it.why.ctx.iv.Basis) {
		set = s
	}
	if t.visits {
		it.why.visitSet = set
		it.why.visitDue = t.deadline
		if it.why.onlyStat && it.why.statSet == nil {
			it.why.anchor, it.why.from, it.why.fromHeld, it.why.offset = t.anchor, t.from, t.fromHeld, t.offset
		}
		return
	}
	it.why.statSet = set
	it.why.statDue = t.deadline
	it.why.statFirst = t.first
	it.why.switched = t.switched
	if it.why.onlyStat {
		it.why.anchor, it.why.from, it.why.fromHeld, it.why.offset = t.anchor, t.from, t.fromHeld, t.offset
	}
}

// finishContent sets the child conversation and modes: the municipal
// content, the statutory content where the law marks the item, the
// exceptions on the rest.
func (r *Regime) finishContent(it *Item, ctx *planCtx) {
	if !it.Kind.IsMeeting() {
		it.ChildConversation = Optional
		if it.why.content != nil {
			it.ChildConversation = it.why.content.ChildConversation
		}
		return
	}
	it.ChildConversation, it.Modes = Required, ModesOf(InPerson)
	if c := it.why.content; c != nil {
		it.ChildConversation, it.Modes = c.ChildConversation, c.Modes
	}
	if it.Statutory {
		it.ChildConversation = Required
		it.Modes = ModesOf(InPerson)
		if it.why.visitSet == nil && it.why.statSet != nil && it.why.statSet.spec.Statutory.PhoneChildConversation {
			it.Modes = it.Modes.With(ModesOf(Phone))
		}
		return
	}
	for i, g := range ctx.grants {
		if it.Due < g.ApprovedOn {
			continue
		}
		e := ctx.excs[i]
		it.Modes = it.Modes.With(e.AddModes)
		if e.ChildConversationOptional {
			it.ChildConversation = Optional
		}
		it.why.grants |= 1 << i
	}
}
