package followup

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
)

// Schedule computes the plan of one measure: every item from the measure's
// start up to opt.Until (and never after the measure's end), with status as
// of opt.AsOf and the reasons behind each item.
func (r *Regime) Schedule(rec Record, opt Options) (Plan, error) {
	var p Plan
	err := r.scheduleInto(&p, rec, opt)
	return p, err
}

const opSchedule = "followup.Regime.Schedule"

// scheduleInto is Schedule writing into p: prepare the walk, walk it,
// finish the items. The walker lives on the stack; the plan's context and
// its items are the only allocations.
func (r *Regime) scheduleInto(p *Plan, rec Record, opt Options) error {
	var w walker
	if err := r.prepare(&w, &rec, opt); err != nil {
		return err
	}
	w.items = make([]Item, 0, itemEstimate(w.ctx.rule, w.start, w.limit))
	if err := w.run(); err != nil {
		return err
	}
	w.finish(p)
	return nil
}

// walker is the state of one measure's walk. The fields above the line are
// derived once by prepare and read only; the rest moves as items come.
type walker struct {
	r      *Regime
	ctx    planCtx // copied to the heap for a plan by finish
	rec    Record
	cal    *workday.Calendar
	asOf   date.Date
	start  date.Date
	end    date.Date // the measure's last day, if hasEnd
	hasEnd bool
	until  date.Date // the horizon: the last due date to include
	limit  date.Date // min(until, end)
	// ----
	items      []Item
	firstOpen  int  // index of the first item not done, -1 while none
	stopAtNext bool // NextDue: stop once the first open item is settled
	gen        muniGen
	match      matcher
	chain      link
	noDecision bool // the chain wanted a decision under BL § 95 and had none
}

// fail returns an input error about the walker's measure.
func (w *walker) fail(format string, args ...any) error {
	return fmt.Errorf("%s: %w: measure %q: %s", opSchedule, ErrInput, w.rec.Measure.ID(), fmt.Sprintf(format, args...))
}

// prepare checks the input and derives everything the walk reads into w.
// The caller gives the walk its item buffer.
func (r *Regime) prepare(w *walker, rec *Record, opt Options) error {
	if err := r.usable(opSchedule); err != nil {
		return err
	}
	m := rec.Measure
	if !m.IsValid() {
		return fmt.Errorf("%s: %w: invalid (zero) measure in case %q; build it with ladder.NewMeasure", opSchedule, ErrInput, rec.Case)
	}
	*w = walker{r: r, rec: *rec, asOf: opt.AsOf, start: m.Start(), cal: opt.Calendar, firstOpen: -1}
	w.end, w.hasEnd = m.End()
	if w.cal == nil {
		w.cal = workday.Danish()
	}
	if err := w.prepareDates(opt); err != nil {
		return err
	}
	iv := m.Intervention()
	w.ctx = planCtx{regime: r, iv: iv, caseID: rec.Case, measure: m.ID(), rule: r.municipal.ruleFor(iv.Code)}
	if err := w.prepareHeld(); err != nil {
		return err
	}
	if err := w.prepareGrants(); err != nil {
		return err
	}
	if err := w.prepareDecision(); err != nil {
		return err
	}
	w.ctx.decision = rec.Decision
	w.gen = muniGen{rule: w.ctx.rule, start: w.start, phase: -1, prev: w.start}
	w.match.lastItemDay = w.start
	return nil
}

// prepareDates checks the as-of date, the horizon and the measure's span
// against the limits, and that the law covers them.
func (w *walker) prepareDates(opt Options) error {
	if err := checkDate("as-of date", opt.AsOf); err != nil {
		return w.fail("%v", strings.TrimPrefix(err.Error(), ErrInput.Error()+": "))
	}
	w.until = opt.Until
	if w.until == 0 {
		w.until = AddMonths(opt.AsOf, 12)
	}
	for _, c := range []struct {
		field string
		d     date.Date
		skip  bool
	}{{"until", w.until, false}, {"start", w.start, false}, {"end", w.end, !w.hasEnd}} {
		if c.skip {
			continue
		}
		if err := checkDate(c.field, c.d); err != nil {
			return w.fail("%v", strings.TrimPrefix(err.Error(), ErrInput.Error()+": "))
		}
	}
	switch {
	case w.until < opt.AsOf:
		return w.fail("until %s is before as-of %s", w.until, opt.AsOf)
	case w.until > AddMonths(opt.AsOf, MaxHorizonMonths):
		return w.fail("horizon to %s is more than 10 years after %s", w.until, opt.AsOf)
	}
	w.limit = w.until
	if w.hasEnd && w.end < w.limit {
		w.limit = w.end
	}
	if w.limit > AddMonths(w.start, MaxWalkMonths) {
		return w.fail("the walk from the start %s to %s is more than %d years (MaxWalkMonths); bring the as-of date or horizon nearer the start", w.start, w.limit, MaxWalkMonths/12)
	}
	return w.r.covers(w.start, max(w.limit, w.start), w.rec.Measure.ID())
}

// prepareHeld checks the held follow-ups and sorts a copy of them; where
// they are already meetings in date order (as a case-management system
// keeps them) it reads them in place.
func (w *walker) prepareHeld() error {
	inPlace := true
	for i, h := range w.rec.Held {
		if h.kind() == StatusReport || (i > 0 && h.On < w.rec.Held[i-1].On) {
			inPlace = false
		}
	}
	var meetings, reports []Held
	if inPlace {
		for i, h := range w.rec.Held {
			if err := w.checkHeld(i, h); err != nil {
				return err
			}
		}
		w.match = matcher{meetings: w.rec.Held}
		return nil
	}
	for i, h := range w.rec.Held {
		if err := w.checkHeld(i, h); err != nil {
			return err
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
	w.match = matcher{meetings: meetings, reports: reports}
	return nil
}

// checkHeld checks held[i].
func (w *walker) checkHeld(i int, h Held) error {
	if h.On < minDate || h.On > maxDate || h.On < w.start || h.On > w.asOf ||
		(h.Kind != 0 && !h.Kind.IsMeeting() && h.Kind != StatusReport) || (h.Mode != 0 && !h.Mode.IsValid()) {
		field := fmt.Sprintf("held[%d]", i)
		if err := checkDate(field, h.On); err != nil {
			return w.fail("%v", strings.TrimPrefix(err.Error(), ErrInput.Error()+": "))
		}
		switch {
		case h.On < w.start:
			return w.fail("%s on %s is before the measure's start %s", field, h.On, w.start)
		case h.On > w.asOf:
			return w.fail("%s on %s is after the as-of date %s", field, h.On, w.asOf)
		case h.Kind != 0 && !h.Kind.IsMeeting() && h.Kind != StatusReport:
			return w.fail("%s has kind %s; want followup, status, supervision-visit or status-report", field, h.Kind)
		}
		return w.fail("%s has invalid mode %s", field, h.Mode)
	}
	return nil
}

// prepareGrants checks the approved exceptions against the municipal set
// and the measure's rule.
func (w *walker) prepareGrants() error {
	ctx := &w.ctx
	for i, g := range w.rec.Grants {
		var e *Exception
		if ms := w.r.municipal; ms != nil {
			if j, ok := ms.excs[g.ID]; ok {
				e = &ms.spec.Exceptions[j]
			}
		}
		switch {
		case e == nil:
			return w.fail("unknown exception %q", g.ID)
		case strings.TrimSpace(g.ApprovedBy) == "" || g.ApprovedOn == 0:
			return w.fail("exception %q is not approved (approvedBy %q, approvedOn %s); the team leader must approve it", g.ID, g.ApprovedBy, g.ApprovedOn)
		case checkDate("approvedOn", g.ApprovedOn) != nil:
			return w.fail("exception %q: approvedOn %s is outside %s…%s", g.ID, g.ApprovedOn, minDate, maxDate)
		case g.ApprovedOn > w.asOf:
			return w.fail("exception %q approved on %s, after the as-of date %s", g.ID, g.ApprovedOn, w.asOf)
		case ctx.rule == nil || !slices.Contains(e.AppliesTo(), ctx.rule.ID):
			rule := "none"
			if ctx.rule != nil {
				rule = ctx.rule.ID
			}
			return w.fail("exception %q does not apply to intervention %q (rule %s; it applies to %s)", g.ID, ctx.iv.Code, rule, strings.Join(e.AppliesTo(), ", "))
		}
		for _, prev := range w.rec.Grants[:i] {
			if prev.ID == g.ID {
				return w.fail("exception %q recorded twice", g.ID)
			}
		}
		ctx.grants = append(ctx.grants, g)
		ctx.excs = append(ctx.excs, e)
	}
	return nil
}

// prepareDecision checks the case's recorded decision and the assessment
// end.
func (w *walker) prepareDecision() error {
	if d := w.rec.Decision; d != nil {
		if d.Every.IsZero() || d.Every.Months < 0 || d.Every.Days < 0 || d.Every.tooLong() {
			return w.fail("cadence decision interval %s must be positive and at most 10 years", d.Every)
		}
		if d.DecidedOn != 0 {
			if err := checkDate("decidedOn", d.DecidedOn); err != nil {
				return w.fail("cadence decision: decidedOn %s is outside %s…%s", d.DecidedOn, minDate, maxDate)
			}
			if d.DecidedOn < w.start {
				return w.fail("cadence decided on %s, before the start %s", d.DecidedOn, w.start)
			}
		}
	}
	if a := w.rec.AssessmentEnd; a != 0 {
		if err := checkDate("assessment end", a); err != nil {
			return w.fail("assessment end %s is outside %s…%s", a, minDate, maxDate)
		}
		if a < w.start {
			return w.fail("assessment end %s is before the start %s", a, w.start)
		}
	}
	return nil
}

// itemEstimate guesses how many items a plan from start to last holds, so
// the item slice is allocated once at about the right size: the fixed
// items and one per shortest recurring interval, or, with no recurrence,
// one statutory follow-up per 3 months.
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
		n += days / minEvery
	} else {
		n += 1 + days/91
	}
	return min(n, 4096)
}

// ---- the walk ----

// run walks the measure: the municipal rule's items in due order, with the
// statutory chain closing each of its windows as soon as the next
// municipal item falls after its deadline.
func (w *walker) run() error {
	if first, ok := w.nextLink(w.start, false, true); ok {
		first.opens, first.last = w.start, -1
		w.chain = first
	}
	for {
		c, ok := w.gen.peek()
		// A candidate after the measure's end never comes; one after the
		// horizon still closes the statutory windows it lies beyond.
		if ok && w.hasEnd && c.due > w.end {
			ok = false
		}
		if w.chain.active && (!ok || c.due > w.chain.deadline) {
			if !w.closeWindow() {
				break
			}
		} else {
			if !ok || c.due > w.until {
				break
			}
			w.gen.take(c)
			w.emit(c.due, c.kind, why{origin: fromMunicipal, fixed: c.fixed, phase: c.phase, cycle: c.cycle, firstFU: c.first,
				anchor: c.anchor, from: c.from, fromHeld: c.held, offset: c.offset})
		}
		if w.stopAtNext && w.nextSettled() {
			return nil
		}
		if len(w.items) > MaxPlanItems {
			return w.fail("the plan would hold more than %d items (MaxPlanItems) up to %s; bring the horizon nearer", MaxPlanItems, w.limit)
		}
	}
	return nil
}

// emit appends an item, matches a held follow-up or report to it, and
// tells the rule's generator and the chain about it.
func (w *walker) emit(due date.Date, kind Kind, y why) int {
	idx := len(w.items)
	w.items = append(w.items, Item{Due: due, Kind: kind, why: y})
	it := &w.items[idx]
	switch {
	case kind.IsMeeting():
		if h, ok := w.match.takeMeeting(); ok {
			it.held, it.HeldOn = h, h.On
		}
		w.match.lastItemDay = w.cal.OnOrBefore(due)
		eff, held := it.effective()
		w.gen.observe(eff, held)
		if w.chain.active && due <= w.chain.deadline && (due > w.chain.opens || w.chain.first) {
			w.chain.last = idx
		}
	case kind == StatusReport:
		if h, ok := w.match.takeReport(); ok {
			it.held, it.HeldOn = h, h.On
		}
	}
	if st, _ := w.itemStatus(it); w.firstOpen < 0 && st.Actionable() {
		w.firstOpen = idx
	}
	return idx
}

// nextSettled reports whether the first open item is known for good: its
// statutory window has closed (or there is no chain), so no later item
// can change whether it is statutory.
func (w *walker) nextSettled() bool {
	if w.firstOpen < 0 {
		return false
	}
	it := &w.items[w.firstOpen]
	return !w.chain.active || it.Statutory || w.chain.opens > it.Due
}

// nextBufs holds the item buffers of NextDue's walks, so that deciding the
// next follow-up of many measures does not allocate.
var nextBufs = sync.Pool{New: func() any { b := make([]Item, 0, 64); return &b }}

// Next is the next follow-up of a measure as of a date: the first item not
// done. It is a plain value with no reasons attached; Schedule gives the
// whole plan with its reasons.
type Next struct {
	Due        date.Date
	WorkingDay date.Date
	Kind       Kind
	Statutory  bool
	Status     Status // overdue or upcoming
}

// NextDue answers "when is the measure's next follow-up due?" from the raw
// record: the first item that is not done as of opt.AsOf — the same item
// Schedule(rec, opt).NextDue() gives — and false if none is due by the
// horizon. It walks only as far as that item's statutory window and, for a
// measure with its held follow-ups in date order and no exception granted,
// does not allocate (its buffers are pooled). It is safe for concurrent use.
func (r *Regime) NextDue(rec Record, opt Options) (Next, bool, error) {
	var w walker
	if err := r.prepare(&w, &rec, opt); err != nil {
		return Next{}, false, err
	}
	buf := nextBufs.Get().(*[]Item)
	defer nextBufs.Put(buf)
	w.items = (*buf)[:0]
	defer func() {
		if cap(w.items) <= 1024 {
			*buf = w.items[:0] // keep a grown buffer for the next walk
		}
	}()
	w.stopAtNext = true
	if err := w.run(); err != nil {
		return Next{}, false, err
	}
	if w.firstOpen < 0 {
		return Next{}, false, nil
	}
	it := &w.items[w.firstOpen]
	st, _ := w.itemStatus(it)
	return Next{Due: it.Due, WorkingDay: w.cal.OnOrBefore(it.Due), Kind: it.Kind, Statutory: it.Statutory, Status: st}, true, nil
}

// closeWindow closes the chain's open window: it marks the latest meeting
// item due on or before the deadline, or adds a statutory one, and opens
// the next window from it. It reports false when the walk must stop: the
// deadline lies past the horizon, so which follow-up will meet it is not
// known yet.
func (w *walker) closeWindow() bool {
	l := &w.chain
	var idx int
	switch {
	case l.last >= 0:
		idx = l.last
	case l.deadline <= w.limit:
		idx = w.emitChainItem()
	case !w.hasEnd || l.deadline <= w.end:
		return false
	default:
		l.active = false // the measure ends before the deadline
		return true
	}
	w.mark(idx)
	anchor, held := w.items[idx].effective()
	next, ok := w.nextLink(anchor, held, false)
	if next.missingDecision && (!w.hasEnd || w.end > anchor) {
		w.noDecision = true
	}
	if !ok {
		l.active = false
		return true
	}
	next.opens, next.last = anchor, -1
	w.chain = next
	return true
}

// emitChainItem adds the item the chain requires where no planned
// follow-up falls in its window: where a follow-up was held inside the
// window, on that day (it is the latest follow-up on or before the
// deadline); otherwise on the deadline.
func (w *walker) emitChainItem() int {
	l := &w.chain
	due, in := l.deadline, false
	if h, ok := w.match.heldIn(l.opens, l.deadline, l.first); ok {
		due, in = h, true
	}
	kind := SupervisionVisit
	if l.followUp {
		kind = FollowUp
	}
	return w.emit(due, kind, why{origin: fromChain, fixed: -1, phase: -1, heldInWindow: in})
}

// finish sorts the items, sets their working day, content and status, and
// fills the plan.
func (w *walker) finish(p *Plan) {
	items := w.items
	// The walk emits in due order (a chain item with a follow-up held
	// early in its window is placed on that day); the sort is a guard.
	byDue := func(a, b Item) int { return int(a.Due - b.Due) }
	if !slices.IsSortedFunc(items, byDue) {
		slices.SortStableFunc(items, byDue)
	}
	ctx := new(planCtx)
	*ctx = w.ctx
	ctx.rec, ctx.cal = w.rec.clone(), w.cal
	ctx.decision = ctx.rec.Decision
	*p = Plan{caseID: w.rec.Case, measure: ctx.measure, asOf: w.asOf, until: w.until, ctx: ctx, next: -1}
	for i := range items {
		it := &items[i]
		it.why.ctx = ctx
		it.Case, it.Measure = w.rec.Case, w.ctx.measure
		it.WorkingDay = w.cal.OnOrBefore(it.Due)
		w.finishContent(it)
		it.Status, it.Late = w.itemStatus(it)
		if p.next < 0 && it.Status.Actionable() {
			p.next = i
		}
	}
	if p.next < 0 {
		p.next = len(items)
	} else {
		p.nextItem = items[p.next]
	}
	p.items = items
	p.extra = w.match.leftOver()
	ctx.noDecision = w.noDecision
}

// itemStatus is done (held, late by the days past due), done for a
// course end that has come, missed (never held, and the measure ended
// before the as-of date), overdue, or upcoming.
func (w *walker) itemStatus(it *Item) (Status, int) {
	switch {
	case it.HeldOn != 0:
		return Done, int(it.HeldOn - it.Due)
	case it.Kind == CourseEnd && it.Due <= w.asOf:
		return Done, 0
	case w.hasEnd && w.end < w.asOf:
		return Missed, 0
	case it.Due < w.asOf:
		return Overdue, 0
	}
	return Upcoming, 0
}

// finishContent sets the child conversation and modes: the municipal
// content, the statutory content where the chain marks the item, and the
// approved exceptions on the extra follow-ups in their scope.
func (w *walker) finishContent(it *Item) {
	c := it.why.content()
	if !it.Kind.IsMeeting() {
		it.ChildConversation = Optional
		if c != nil {
			it.ChildConversation = c.ChildConversation
		}
		return
	}
	it.ChildConversation, it.Modes = Required, ModesOf(InPerson)
	if c != nil {
		it.ChildConversation, it.Modes = c.ChildConversation, c.Modes
	}
	if it.Statutory {
		it.ChildConversation, it.Modes = Required, ModesOf(InPerson)
		m := &it.why.mark
		if m.visitSet == nil && m.fuSet != nil && m.fuSet.spec.Statutory.PhoneChildConversation {
			it.Modes = it.Modes.With(ModesOf(Phone))
		}
		return
	}
	for i, e := range w.ctx.excs {
		if !it.relaxedBy(i) {
			continue
		}
		it.Modes = it.Modes.With(e.AddModes)
		if e.ChildConversationOptional {
			it.ChildConversation = Optional
		}
	}
}

// ---- held follow-ups ----

// matcher hands the held follow-ups to the items in date order. One rule
// holds on every path: a held follow-up satisfies at most one item; one
// held before the previous meeting item's working day, or on the same day
// as the follow-up that satisfied the previous item (two follow-ups on one
// day are one meeting), is an extra follow-up that satisfies nothing.
type matcher struct {
	meetings, reports []Held
	i, j              int
	lastItemDay       date.Date // the previous meeting item's working day
	lastHeldDay       date.Date // the day of the previous matched follow-up
	extra             []Held
}

// skipExtras passes over the held follow-ups that cannot satisfy the next
// item.
func (m *matcher) skipExtras() {
	for m.i < len(m.meetings) {
		h := m.meetings[m.i].On
		if h >= m.lastItemDay && h != m.lastHeldDay {
			return
		}
		m.extra = append(m.extra, m.meetings[m.i])
		m.i++
	}
}

// takeMeeting takes the next held follow-up for a meeting item.
func (m *matcher) takeMeeting() (Held, bool) {
	m.skipExtras()
	if m.i >= len(m.meetings) {
		return Held{}, false
	}
	h := m.meetings[m.i]
	m.i++
	m.lastHeldDay = h.On
	return h, true
}

// takeReport takes the next report received for a status report item.
func (m *matcher) takeReport() (Held, bool) {
	if m.j >= len(m.reports) {
		return Held{}, false
	}
	m.j++
	return m.reports[m.j-1], true
}

// heldIn returns the day of the next held follow-up inside the window
// (opens, deadline] — [opens, deadline] for the first window — without
// taking it; one held before the window opens is an extra follow-up.
//
// Items are matched in date order. The window opens on the effective day
// of the previous statutory item; where that item was held so early that
// the whole window ends before the item's own working day, the chain item
// (due on a day held in the window, or on the deadline) comes before it in
// date order, so that item is not the chain item's previous item and a
// follow-up held after it was held is no second one for it: the bar is
// then the window's opening, and the latest follow-up on or before the
// deadline is the statutory one.
func (m *matcher) heldIn(opens, deadline date.Date, first bool) (date.Date, bool) {
	if deadline < m.lastItemDay {
		m.lastItemDay = opens // opens <= deadline < lastItemDay
	}
	for m.skipExtras(); m.i < len(m.meetings) && m.meetings[m.i].On <= deadline; m.skipExtras() {
		h := m.meetings[m.i].On
		if h > opens || (first && h >= opens) {
			return h, true
		}
		m.extra = append(m.extra, m.meetings[m.i])
		m.i++
	}
	return 0, false
}

// leftOver returns the extra follow-ups: those skipped and those no item
// took, in date order.
func (m *matcher) leftOver() []Held {
	out := append(m.extra, m.meetings[m.i:]...)
	out = append(out, m.reports[m.j:]...)
	slices.SortStableFunc(out, func(a, b Held) int { return int(a.On - b.On) })
	return out
}
