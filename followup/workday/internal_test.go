package workday

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWindowConstants(t *testing.T) {
	assert.Equal(t, date.New(1970, time.January, 1), windowStart)
	assert.Equal(t, date.New(2131, time.January, 1), windowEnd)
	assert.Equal(t, date.New(1583, time.January, 1), ruleStart)
	assert.Equal(t, date.New(10000, time.January, 1), ruleEnd)
	assert.Equal(t, time.Thursday, weekday(windowStart), "build assumes 1970-01-01 was a Thursday")
	assert.GreaterOrEqual(t, windowWords*64, windowDays)
	assert.Less(t, (windowWords-1)*64, windowDays)
}

func TestWeekdayMatchesDate(t *testing.T) {
	for _, d := range []date.Date{0, 1, 6, 7, -1, -6, -7, -8, date.Min(), date.Max(), windowStart, ruleEnd} {
		assert.Equal(t, d.Weekday(), weekday(d), "%d", int64(d))
	}
}

func allRules() map[string]rules {
	return map[string]rules{
		"default":  {},
		"eves":     {christmasEve: true, newYearsEve: true},
		"xmas":     {christmasEve: true},
		"nye":      {newYearsEve: true},
		"extra":    {extra: []date.Date{date.New(1970, 1, 2), date.New(2024, 5, 10), date.New(2130, 12, 31)}},
		"extraOut": {extra: []date.Date{date.New(1969, 12, 31), date.New(2131, 1, 1)}},
	}
}

// The bitset must agree with the reference definition on every day of the
// window and just outside it.
func TestBitsetAgreesWithRules(t *testing.T) {
	for name, r := range allRules() {
		t.Run(name, func(t *testing.T) {
			c := build(r)
			for d := windowStart - 10; d < windowEnd+10; d++ {
				_, want := r.closed(d)
				require.Equal(t, want, c.isClosed(d), "%s", d)
			}
		})
	}
}

// Without ExtraClosed no run of closed days is longer than five days in
// 1583–9999, whatever the options. This is what makes the search bound of
// OnOrBefore and OnOrAfter safe.
func TestNaturalRunsAreShort(t *testing.T) {
	for _, r := range []rules{{}, {christmasEve: true, newYearsEve: true}} {
		closed := make(map[date.Date]bool, 12*(lastRuleYear-firstRuleYear+1))
		var buf []date.Date
		for y := firstRuleYear; y <= lastRuleYear; y++ {
			for _, d := range r.namedDays(buf[:0], y) {
				closed[d] = true
			}
		}
		longest, run := 0, 0
		for d := ruleStart - 7; d < ruleEnd+7; d++ {
			if closed[d] || isWeekend(d) {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		assert.Equal(t, 5, longest, "%+v", r)
	}
}

func TestWeekdaysIn(t *testing.T) {
	mon := date.New(2024, time.June, 10)
	tests := []struct {
		a, b date.Date
		want uint64
	}{
		{mon, mon, 1},
		{mon, mon + 4, 5},
		{mon, mon + 6, 5},
		{mon + 5, mon + 6, 0},
		{mon + 5, mon + 7, 1},
		{mon, mon + 13, 10},
		{mon - 1, mon + 14, 11},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, weekdaysIn(tt.a, tt.b), "%s..%s", tt.a, tt.b)
	}
}

func TestCalDateRoundsToNearestMidnight(t *testing.T) {
	utc := time.UTC
	for _, tm := range []time.Time{
		time.Date(2024, 3, 29, 0, 0, 0, 0, utc),
		time.Date(2024, 3, 29, 1, 0, 0, 0, utc),
		time.Date(2024, 3, 28, 23, 0, 0, 0, utc),
	} {
		y, m, d := calDate(tm)
		assert.Equal(t, date.New(2024, time.March, 29), date.New(y, m, d), "%s", tm)
	}
}
