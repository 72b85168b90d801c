package workday

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/rickb777/date/v2"
)

// MaxClosedRun is the largest number of consecutive closed days a Calendar
// may have. [New] rejects ExtraClosed dates that would make a longer run.
const MaxClosedRun = 14

// Options adjust the Danish calendar. The zero Options give the calendar of
// [Danish].
type Options struct {
	// ChristmasEveClosed makes 24 December (juleaftensdag) a closed day.
	// By default it is a working day when it falls on a weekday.
	ChristmasEveClosed bool
	// NewYearsEveClosed makes 31 December (nytårsaftensdag) a closed day.
	// By default it is a working day when it falls on a weekday.
	NewYearsEveClosed bool
	// ExtraClosed lists the municipality's own closing days (lukkedage).
	// Each must lie in the years 1583–9999 and must not be date.Zero.
	// The order does not matter and duplicates are ignored; New copies the
	// slice.
	ExtraClosed []date.Date
}

// Calendar tells Danish working days (arbejdsdage) from closed days. It is
// immutable and safe for concurrent use. The zero Calendar, and a nil
// *Calendar, behave exactly like [Danish].
type Calendar struct {
	rules  rules
	closed *[windowWords]uint64 // see rules.build; nil in the zero Calendar
}

// New returns the Danish calendar adjusted by opts. It returns an error if an
// ExtraClosed date is date.Zero or outside the years 1583–9999, or if the
// ExtraClosed dates make more than [MaxClosedRun] consecutive closed days.
// Building takes well under a millisecond.
func New(opts Options) (*Calendar, error) {
	for i, d := range opts.ExtraClosed {
		if d == date.Zero {
			return nil, fmt.Errorf("workday.New: zero date in ExtraClosed[%d]", i)
		}
		if d < ruleStart || d >= ruleEnd {
			return nil, fmt.Errorf("workday.New: ExtraClosed[%d] = %q is outside the years %d–%d",
				i, d, firstRuleYear, lastRuleYear)
		}
	}
	extra := slices.Clone(opts.ExtraClosed)
	slices.Sort(extra)
	extra = slices.Compact(extra)
	if len(extra) == 0 {
		extra = nil
	} else {
		extra = slices.Clip(extra)
	}
	c := build(rules{
		christmasEve: opts.ChristmasEveClosed,
		newYearsEve:  opts.NewYearsEveClosed,
		extra:        extra,
	})

	// Without ExtraClosed no run is longer than five days, so every run that
	// is too long contains an ExtraClosed day. A run with k ExtraClosed days
	// has at most 6k+5 days, so the scan below never stops early.
	limit := date.Date(7*len(extra) + 2*MaxClosedRun) // longer than any run
	for i := 0; i < len(extra); i++ {
		first, last := extra[i], extra[i]
		for extra[i]-first < limit && c.isClosed(first-1) {
			first--
		}
		for last-extra[i] < limit && c.isClosed(last+1) {
			last++
		}
		if n := last - first + 1; n > MaxClosedRun {
			return nil, fmt.Errorf("workday.New: ExtraClosed makes %d consecutive closed days, %q to %q; at most %d are allowed",
				n, first, last, MaxClosedRun)
		}
		for i+1 < len(extra) && extra[i+1] <= last {
			i++ // same run, already checked
		}
	}
	return c, nil
}

func build(r rules) *Calendar {
	return &Calendar{rules: r, closed: r.build()}
}

var danish = sync.OnceValue(func() *Calendar { return build(rules{}) })

// Danish returns the default calendar: weekends and the helligdage of cal's
// dk package are closed; juleaftensdag and nytårsaftensdag are open. It is
// built on first use and shared.
func Danish() *Calendar {
	return danish()
}

// get returns c, or Danish() for the zero or nil Calendar.
func (c *Calendar) get() *Calendar {
	if c == nil || c.closed == nil {
		return danish()
	}
	return c
}

// isClosed reports whether d is closed, using the bitset when it can.
func (c *Calendar) isClosed(d date.Date) bool {
	if off := uint64(d) - uint64(windowStart); off < windowDays {
		return c.closed[off>>6]&(1<<(off&63)) != 0
	}
	_, closed := c.rules.closed(d)
	return closed
}

// IsWorkingDay reports whether d is an arbejdsdag: not a weekend, not a
// holiday and not closed by the calendar's options.
func (c *Calendar) IsWorkingDay(d date.Date) bool {
	return !c.get().isClosed(d)
}

// Closed reports whether d is closed and why. The reason is the holiday's
// name from cal's dk package (for example "Langfredag", "Store bededag",
// "Påskedag"), else [ReasonChristmasEve], [ReasonNewYearsEve] or
// [ReasonExtraClosed], else [ReasonSaturday] or [ReasonSunday]. For a working
// day it returns "", false.
func (c *Calendar) Closed(d date.Date) (reason string, closed bool) {
	c = c.get()
	if !c.isClosed(d) {
		return "", false
	}
	return c.rules.closed(d)
}

// OnOrBefore returns the latest working day on or before d: the day a
// follow-up due on d is planned. It returns d itself if d is a working day.
//
// For dates in 1970–2130 it takes a few nanoseconds and does not allocate.
// If there is no working day among d and the MaxClosedRun days before it,
// which happens only within MaxClosedRun days of the smallest int64, it
// returns d.
func (c *Calendar) OnOrBefore(d date.Date) date.Date {
	c = c.get()
	if off := uint64(d) - uint64(windowStart); off < windowDays {
		w, b := off>>6, off&63
		// open days in this word at or before d
		if open := ^c.closed[w] & (math.MaxUint64 >> (63 - b)); open != 0 {
			return d - date.Date(b-uint64(63-bits.LeadingZeros64(open)))
		}
		if w > 0 {
			if open := ^c.closed[w-1]; open != 0 {
				return d - date.Date(b+64-uint64(63-bits.LeadingZeros64(open)))
			}
		}
	}
	for x, i := d, 0; i <= MaxClosedRun; x, i = x-1, i+1 {
		if !c.isClosed(x) {
			return x
		}
		if x == math.MinInt64 {
			break
		}
	}
	return d
}

// OnOrAfter returns the earliest working day on or after d. It returns d
// itself if d is a working day.
//
// If there is no working day among d and the MaxClosedRun days after it,
// which happens only within MaxClosedRun days of the largest int64, it
// returns d.
func (c *Calendar) OnOrAfter(d date.Date) date.Date {
	c = c.get()
	if off := uint64(d) - uint64(windowStart); off < windowDays {
		w, b := off>>6, off&63
		// open days in this word at or after d; the padding bits are set
		if open := ^c.closed[w] & (math.MaxUint64 << b); open != 0 {
			return d + date.Date(uint64(bits.TrailingZeros64(open))-b)
		}
		if w+1 < windowWords {
			if open := ^c.closed[w+1]; open != 0 {
				return d + date.Date(64-b+uint64(bits.TrailingZeros64(open)))
			}
		}
	}
	for x, i := d, 0; i <= MaxClosedRun; x, i = x+1, i+1 {
		if !c.isClosed(x) {
			return x
		}
		if x == math.MaxInt64 {
			break
		}
	}
	return d
}

// WorkingDaysBetween returns the number of working days in [from, to], both
// included, or 0 if to is before from. It counts with the bitset within
// 1970–2130 and with cal year by year elsewhere in 1583–9999 (about a
// microsecond a year); outside those years only weekends are closed, and the
// count is arithmetic. A count larger than math.MaxInt is returned as
// math.MaxInt.
func (c *Calendar) WorkingDaysBetween(from, to date.Date) int {
	c = c.get()
	if to < from {
		return 0
	}
	var n uint64
	if from < windowStart {
		a, b := from, min(to, windowStart-1)
		n += weekdaysIn(a, b) - c.rules.closedWeekdays(a, b)
	}
	if a, b := max(from, windowStart), min(to, windowEnd-1); a <= b {
		n += uint64(b-a+1) - c.closedInWindow(a, b)
	}
	if to >= windowEnd {
		a, b := max(from, windowEnd), to
		n += weekdaysIn(a, b) - c.rules.closedWeekdays(a, b)
	}
	if n > math.MaxInt {
		return math.MaxInt
	}
	return int(n)
}

// closedInWindow returns the number of closed days in [a, b], which must lie
// in the window.
func (c *Calendar) closedInWindow(a, b date.Date) uint64 {
	i, j := uint64(a-windowStart), uint64(b-windowStart)
	wi, wj := i>>6, j>>6
	lo := uint64(math.MaxUint64) << (i & 63)
	hi := uint64(math.MaxUint64) >> (63 - (j & 63))
	if wi == wj {
		return uint64(bits.OnesCount64(c.closed[wi] & lo & hi))
	}
	n := bits.OnesCount64(c.closed[wi] & lo)
	for _, w := range c.closed[wi+1 : wj] {
		n += bits.OnesCount64(w)
	}
	n += bits.OnesCount64(c.closed[wj] & hi)
	return uint64(n)
}

// Options returns a copy of the calendar's options. ExtraClosed is sorted,
// without duplicates, and nil if there are none, so Danish().Options() is
// the zero Options.
func (c *Calendar) Options() Options {
	c = c.get()
	return Options{
		ChristmasEveClosed: c.rules.christmasEve,
		NewYearsEveClosed:  c.rules.newYearsEve,
		ExtraClosed:        slices.Clone(c.rules.extra),
	}
}

// String describes the calendar briefly, for example
// "workday.Calendar(DK: weekends and helligdage closed; juleaftensdag open; nytårsaftensdag open; 0 lukkedage)".
func (c *Calendar) String() string {
	c = c.get()
	openClosed := func(closed bool) string {
		if closed {
			return "closed"
		}
		return "open"
	}
	var b strings.Builder
	b.WriteString("workday.Calendar(DK: weekends and helligdage closed; juleaftensdag ")
	b.WriteString(openClosed(c.rules.christmasEve))
	b.WriteString("; nytårsaftensdag ")
	b.WriteString(openClosed(c.rules.newYearsEve))
	fmt.Fprintf(&b, "; %d lukkedage)", len(c.rules.extra))
	return b.String()
}
