package followup

// Span and month arithmetic at extreme values (issue 10): results saturate
// at the first day of the year −2³¹ and the last day of the year 2³¹−1
// instead of wrapping around. Before, AddMonths(d, math.MaxInt) overflowed
// inside fromCivil, Weeks(math.MaxInt) was −7 days and Span.AddTo on
// date.Date(math.MaxInt64) wrapped to the far past.

import (
	"math"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
)

func TestSpanSaturationBounds(t *testing.T) {
	// The bounds are the int32 years' first and last day.
	assert.Equal(t, "-2147483648-01-01", minCivil.String())
	assert.Equal(t, "+2147483647-12-31", maxCivil.String())
	y, m, d := civil(minCivil)
	assert.Equal(t, []int64{math.MinInt32, 1, 1}, []int64{y, int64(m), int64(d)})
	y, m, d = civil(maxCivil)
	assert.Equal(t, []int64{math.MaxInt32, 12, 31}, []int64{y, int64(m), int64(d)})
	// Inside the bounds month arithmetic is exact.
	assert.Equal(t, "-2147483648-02-02", AddMonths(minCivil+1, 1).String())
	assert.Equal(t, "+2147483647-11-30", AddMonths(maxCivil, -1).String())
}

func TestAddMonthsSaturates(t *testing.T) {
	jan31 := spDate("2024-01-31")
	tests := []struct {
		name string
		d    date.Date
		n    int
		want string
	}{
		{"most months forwards", jan31, math.MaxInt, "+2147483647-12-31"},
		{"most months backwards", jan31, math.MinInt, "-2147483648-01-01"},
		{"most months from the far past", date.Date(math.MinInt64 + 1), math.MaxInt, "+2147483647-12-31"},
		// A date beyond the bounds is moved onto them first, then the
		// months are added exactly.
		{"one month from the far past", date.Date(math.MinInt64 + 1), 1, "-2147483648-02-01"},
		{"one month beyond the last year", date.Date(math.MaxInt64), 1, "+2147483647-12-31"},
		{"one month back from the far future", date.Date(math.MaxInt64), -1, "+2147483647-11-30"},
		{"last exact month forwards", fromCivil(math.MaxInt32, 11, 30), 1, "+2147483647-12-30"},
		{"first month past the last year", fromCivil(math.MaxInt32, 12, 1), 1, "+2147483647-12-31"},
		{"first month before the first year", minCivil, -1, "-2147483648-01-01"},
		// Years that fit in int32 but are past 9999 are still exact:
		// 2024 + 8,000 years is 10024, a leap year (divisible by 4, not
		// by 100), so 31 Jan + 1 month is 29 Feb.
		{"exact beyond 9999", jan31, 8000*12 + 1, "+10024-02-29"},
		// MaxInt32 months = 178,956,970 years and 7 months: still exact.
		{"most int32 months", jan31, math.MaxInt32, "+178958994-08-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, AddMonths(tc.d, tc.n).String())
		})
	}
	// Zero months is the identity, even beyond the bounds.
	assert.Equal(t, date.Date(math.MaxInt64), AddMonths(math.MaxInt64, 0))
}

func TestSpanAddToSaturates(t *testing.T) {
	tests := []struct {
		name string
		s    Span
		d    date.Date
		want date.Date
	}{
		{"most days onto the far future", Span{Days: math.MaxInt32}, math.MaxInt64, maxCivil},
		{"fewest days onto the far past", Span{Days: math.MinInt32}, math.MinInt64, minCivil},
		{"most months and days near the end", Span{Months: math.MaxInt32, Days: math.MaxInt32}, maxCivil - 400, maxCivil},
		{"fewest months and days near the start", Span{Months: math.MinInt32, Days: math.MinInt32}, minCivil + 400, minCivil},
		{"days past the end after exact months", Span{Months: 1, Days: 400}, fromCivil(math.MaxInt32, 11, 1), maxCivil},
		{"zero span beyond the bounds", Span{}, math.MaxInt64, math.MaxInt64},
		// 2^31−1 days from 2024-01-01 is exact: well inside the bounds.
		{"most days, exact", Span{Days: math.MaxInt32}, spDate("2024-01-01"), spDate("2024-01-01") + math.MaxInt32},
		{"six weeks, exact", Weeks(6), spDate("2199-12-31"), spDate("2200-02-11")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.s.AddTo(tc.d))
		})
	}
}

func TestWeeksAndMonthsSaturate(t *testing.T) {
	const most = 306783378 // math.MaxInt32 / 7
	tests := []struct {
		name string
		got  Span
		want Span
	}{
		{"weeks", Weeks(6), Span{Days: 42}},
		{"negative weeks", Weeks(-2), Span{Days: -14}},
		{"most weeks", Weeks(most), Span{Days: 2147483646}},
		{"one week more", Weeks(most + 1), Span{Days: 2147483646}},
		{"weeks of MaxInt", Weeks(math.MaxInt), Span{Days: 2147483646}},
		{"weeks of MinInt", Weeks(math.MinInt), Span{Days: -2147483646}},
		{"months", Months(3), Span{Months: 3}},
		{"most months", Months(math.MaxInt32), Span{Months: math.MaxInt32}},
		{"one month more", Months(math.MaxInt32 + 1), Span{Months: math.MaxInt32}},
		{"months of MinInt", Months(math.MinInt), Span{Months: math.MinInt32}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.got)
		})
	}
}
