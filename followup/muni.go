package followup

import "github.com/rickb777/date/v2"

// muniGen yields the municipal rule's items one at a time, in due order:
// fixed items at their offset from the start, recurring ones one interval
// after the previous follow-up (held date if held, else due date).
type muniGen struct {
	rule    *Rule
	start   date.Date
	fixed   int // the next fixed item
	phase   int // the phase of the previous recurring item, -1 none
	cycle   int // items of that phase so far
	emitted int // meeting items so far
	// prev is the effective date of the previous meeting item.
	prev     date.Date
	prevHeld bool
	// The next candidate, computed once per state (peek is called again on
	// every pass that closes a statutory window).
	cached bool
	cand   candidate
	candOK bool
}

// candidate is the rule's next item.
type candidate struct {
	due          date.Date
	kind         Kind
	fixed, phase int16 // -1 where not of that sort
	cycle        int16
	first        bool // the rule's first follow-up
	anchor       anchorKind
	from         date.Date
	held         bool
	offset       Span
}

func (g *muniGen) peek() (candidate, bool) {
	if !g.cached {
		g.cand, g.candOK = g.next()
		g.cached = true
	}
	return g.cand, g.candOK
}

// next computes the next candidate: the next fixed item or the next
// recurring one, whichever is due first.
func (g *muniGen) next() (candidate, bool) {
	if g.rule == nil {
		return candidate{}, false
	}
	c, ok := g.nextFixed()
	if r, rok := g.nextRecurring(); rok && (!ok || r.due < c.due) {
		c, ok = r, true
	}
	if ok && c.kind.IsMeeting() {
		c.first = g.emitted == 0
	}
	return c, ok
}

// nextFixed is the next fixed item. Where the recurrence waits for the
// fixed items, a fixed meeting is still never due later than one interval
// after the previous follow-up: the gap never exceeds the interval.
func (g *muniGen) nextFixed() (candidate, bool) {
	if g.fixed >= len(g.rule.Fixed) {
		return candidate{}, false
	}
	f := &g.rule.Fixed[g.fixed]
	c := candidate{due: f.At.AddTo(g.start), kind: f.Kind, fixed: int16(g.fixed), phase: -1, anchor: anchorStart, from: g.start, offset: f.At}
	if len(g.rule.Recurring) > 0 && f.Kind.IsMeeting() {
		ph := &g.rule.Recurring[g.phaseFor(g.prev)]
		if capped := ph.Every.AddTo(g.prev); ph.AfterFixed && capped < c.due {
			c.due, c.anchor, c.from, c.held, c.offset = capped, g.prevAnchor(), g.prev, g.prevHeld, ph.Every
		}
	}
	return c, true
}

// nextRecurring is the next item of the phase the previous follow-up lies
// in, unless that phase waits for fixed items still to come.
func (g *muniGen) nextRecurring() (candidate, bool) {
	if len(g.rule.Recurring) == 0 {
		return candidate{}, false
	}
	pi := g.phaseFor(g.prev)
	ph := &g.rule.Recurring[pi]
	if ph.AfterFixed && g.fixed < len(g.rule.Fixed) {
		return candidate{}, false
	}
	cy := 0
	if pi == g.phase {
		cy = g.cycle % len(ph.Cycle)
	}
	return candidate{due: ph.Every.AddTo(g.prev), kind: ph.Kind, fixed: -1, phase: int16(pi), cycle: int16(cy),
		anchor: g.prevAnchor(), from: g.prev, held: g.prevHeld, offset: ph.Every}, true
}

// prevAnchor is anchorStart while nothing has come yet, else
// anchorPrevious.
func (g *muniGen) prevAnchor() anchorKind {
	if g.prev == g.start && !g.prevHeld {
		return anchorStart
	}
	return anchorPrevious
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

// take moves past c.
func (g *muniGen) take(c candidate) {
	g.cached = false
	if c.kind.IsMeeting() {
		g.emitted++
	}
	if c.fixed >= 0 {
		g.fixed++
		return
	}
	if int(c.phase) != g.phase {
		g.phase, g.cycle = int(c.phase), 0
	}
	g.cycle++
}

// observe tells the generator the effective date of the latest meeting
// item, from which the next interval runs.
func (g *muniGen) observe(effective date.Date, held bool) {
	g.cached = false
	g.prev, g.prevHeld = effective, held
}

// lastDue is the due date of the rule's last item for a rule that runs
// out (no recurring phase), from start.
func (r *Rule) lastDue(start date.Date) date.Date {
	if len(r.Fixed) == 0 {
		return start
	}
	return r.Fixed[len(r.Fixed)-1].At.AddTo(start)
}
