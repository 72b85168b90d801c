package workday

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickb777/date/v2"
)

// Reasons returned by [Calendar.Closed] for days that are not helligdage.
// Helligdage are reported by their name in cal's dk package, for example
// "Langfredag" or "Store bededag".
const (
	ReasonSaturday     = "lørdag"
	ReasonSunday       = "søndag"
	ReasonChristmasEve = "juleaftensdag"
	ReasonNewYearsEve  = "nytårsaftensdag"
	ReasonExtraClosed  = "lukkedag"
)

const (
	// firstRuleYear and lastRuleYear bound the years to which holidays and
	// ExtraClosed apply; outside them only weekends are closed.
	firstRuleYear = 1583
	lastRuleYear  = 9999

	// The precomputed window covers windowFirstYear-01-01 up to and
	// including windowLastYear-12-31.
	windowFirstYear = 1970
	windowLastYear  = 2130

	// windowStart is 1970-01-01: date.ZeroOffset counts the days from
	// 0001-01-01 (date.Zero) to 1970-01-01.
	windowStart date.Date = date.ZeroOffset
	// windowDays is the number of days in 1970–2130: 161 years of 365 days
	// plus 39 leap days (1972, 1976, …, 2128 except 2100).
	windowDays = 161*365 + 39
	// windowEnd is the first day after the window, 2131-01-01.
	windowEnd   = windowStart + windowDays
	windowWords = (windowDays + 63) / 64
)

var (
	// ruleStart is 1583-01-01 and ruleEnd is 10000-01-01 (exclusive).
	ruleStart = date.New(firstRuleYear, time.January, 1)
	ruleEnd   = date.New(lastRuleYear+1, time.January, 1)
)

// holidays is a private deep copy of cal's Danish holidays, so that later
// changes to the exported variables in package dk cannot change a Calendar.
// Påskedag and Pinsedag are always Sundays; they are included only so that
// Closed names them. The order decides the name when two holidays coincide
// (Anden Pinsedag and Grundlovsdag in 2017).
var holidays = func() []*cal.Holiday {
	hs := make([]*cal.Holiday, 0, len(dk.Holidays)+2)
	for _, h := range dk.Holidays {
		c := h.Clone(nil)
		c.Except = slices.Clone(h.Except)
		c.Observed = slices.Clone(h.Observed)
		hs = append(hs, c)
	}
	hs = append(hs,
		aa.Easter.Clone(&cal.Holiday{Name: "Påskedag", Type: cal.ObservancePublic}),
		aa.Pentecost.Clone(&cal.Holiday{Name: "Pinsedag", Type: cal.ObservancePublic}),
	)
	return hs
}()

// rules are the options that decide whether a day is closed. It is the
// normalised form of Options: extra is sorted and has no duplicates.
type rules struct {
	christmasEve bool
	newYearsEve  bool
	extra        []date.Date
}

// weekday returns the day of the week of d for every int64 value of d
// (date.Date.Weekday converts to int, which is 32 bits on some platforms).
// date.Zero, 0001-01-01, was a Monday.
func weekday(d date.Date) time.Weekday {
	return time.Weekday((int64(d)%7 + 8) % 7)
}

func isWeekend(d date.Date) bool {
	w := weekday(d)
	return w == time.Saturday || w == time.Sunday
}

// calDate returns the calendar date of a holiday computed by cal. cal returns
// midnight in cal.DefaultLoc; if that midnight does not exist (a daylight
// saving time change at midnight) the time may be moved into the previous or
// next day by an hour or so, which rounding to the nearest midnight undoes.
func calDate(t time.Time) (int, time.Month, int) {
	if t.Hour() >= 12 {
		t = t.Add(12 * time.Hour)
	}
	return t.Date()
}

// holidayName returns the name of the holiday on y-m-d, or "" if there is
// none. It asks cal directly.
func holidayName(y int, m time.Month, d int) string {
	if y < firstRuleYear || y > lastRuleYear {
		return ""
	}
	for _, h := range holidays {
		act, _ := h.Calc(y)
		if act.IsZero() {
			continue // not observed this year (Store bededag after 2023)
		}
		if hy, hm, hd := calDate(act); hy == y && hm == m && hd == d {
			return h.Name
		}
	}
	return ""
}

// namedDays appends to dst the holidays of year y and the eves closed by r:
// every closing day of the year that is neither a weekend nor ExtraClosed.
// The result may contain a date twice (Anden Pinsedag on Grundlovsdag).
func (r *rules) namedDays(dst []date.Date, y int) []date.Date {
	if y < firstRuleYear || y > lastRuleYear {
		return dst
	}
	for _, h := range holidays {
		act, _ := h.Calc(y)
		if act.IsZero() {
			continue
		}
		if hy, hm, hd := calDate(act); hy == y {
			dst = append(dst, date.New(hy, hm, hd))
		}
	}
	if r.christmasEve {
		dst = append(dst, date.New(y, time.December, 24))
	}
	if r.newYearsEve {
		dst = append(dst, date.New(y, time.December, 31))
	}
	return dst
}

// isExtra reports whether d is one of r's ExtraClosed days.
func (r *rules) isExtra(d date.Date) bool {
	_, found := slices.BinarySearch(r.extra, d)
	return found
}

// named returns the reason d is closed other than being a weekend, or "".
func (r *rules) named(d date.Date) string {
	if d < ruleStart || d >= ruleEnd {
		return ""
	}
	y, m, day := d.Date()
	if name := holidayName(y, m, day); name != "" {
		return name
	}
	if m == time.December {
		if day == 24 && r.christmasEve {
			return ReasonChristmasEve
		}
		if day == 31 && r.newYearsEve {
			return ReasonNewYearsEve
		}
	}
	if r.isExtra(d) {
		return ReasonExtraClosed
	}
	return ""
}

// closed is the reference definition of a closed day, computed without the
// bitset. The reason is the holiday's name if there is one, then
// juleaftensdag/nytårsaftensdag, then lukkedag, then lørdag/søndag.
func (r *rules) closed(d date.Date) (string, bool) {
	if name := r.named(d); name != "" {
		return name, true
	}
	switch weekday(d) {
	case time.Saturday:
		return ReasonSaturday, true
	case time.Sunday:
		return ReasonSunday, true
	}
	return "", false
}

// build returns the bitset of closed days in the window: bit i of the result
// is set when windowStart+i is closed. The padding bits after the window are
// set too, so that a search for an open day never stops in the padding.
func (r *rules) build() *[windowWords]uint64 {
	var bits [windowWords]uint64
	set := func(d date.Date) {
		if off := uint64(d) - uint64(windowStart); off < windowDays {
			bits[off>>6] |= 1 << (off & 63)
		}
	}
	// Weekends: windowStart, 1970-01-01, was a Thursday, so the first
	// Saturday is day 2 and the first Sunday day 3.
	for off := 2; off < windowDays; off += 7 {
		bits[off>>6] |= 1 << (off & 63)
		if off+1 < windowDays {
			bits[(off+1)>>6] |= 1 << ((off + 1) & 63)
		}
	}
	for off := windowDays; off < windowWords*64; off++ {
		bits[off>>6] |= 1 << (off & 63)
	}
	buf := make([]date.Date, 0, 16)
	for y := windowFirstYear; y <= windowLastYear; y++ {
		for _, d := range r.namedDays(buf[:0], y) {
			set(d)
		}
	}
	for _, d := range r.extra {
		set(d)
	}
	return &bits
}

// weekdaysIn returns the number of Mondays to Fridays in [a, b], a <= b. It
// works for the whole int64 range: there are fewer than 2^64 of them.
func weekdaysIn(a, b date.Date) uint64 {
	span := uint64(b) - uint64(a) // number of days - 1
	weeks, rest := span/7, span%7+1
	if rest == 7 {
		weeks, rest = weeks+1, 0
	}
	n := 5 * weeks
	w := weekday(a)
	for i := uint64(0); i < rest; i++ {
		if w != time.Saturday && w != time.Sunday {
			n++
		}
		w = (w + 1) % 7
	}
	return n
}

// closedWeekdays returns the number of Mondays to Fridays in [a, b] that are
// closed by a holiday, an eve or an ExtraClosed day. It computes with cal
// year by year, so it takes about a microsecond per year of [a, b] that lies
// in 1583–9999.
func (r *rules) closedWeekdays(a, b date.Date) uint64 {
	a, b = max(a, ruleStart), min(b, ruleEnd-1)
	if a > b {
		return 0
	}
	inRange := func(d date.Date) bool {
		return a <= d && d <= b && !isWeekend(d)
	}
	var n uint64
	buf := make([]date.Date, 0, 16)
	for y := a.Year(); y <= b.Year(); y++ {
		days := r.namedDays(buf[:0], y)
		slices.Sort(days)
		for _, d := range slices.Compact(days) {
			if inRange(d) {
				n++
			}
		}
	}
	i, _ := slices.BinarySearch(r.extra, a)
	for _, d := range r.extra[i:] {
		if d > b {
			break
		}
		if !inRange(d) {
			continue
		}
		if y, m, day := d.Date(); holidayName(y, m, day) != "" ||
			(m == time.December && ((day == 24 && r.christmasEve) || (day == 31 && r.newYearsEve))) {
			continue // counted above
		}
		n++
	}
	return n
}
