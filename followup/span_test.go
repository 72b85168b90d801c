package followup

// Month arithmetic and Span: the boundary table of domain.md ("Months are
// calendar months; a day that does not exist in the target month clamps to
// its last day"), the civil-date conversion against date.Date's own, parsing,
// marshalling and the words. Expected values are worked out by hand.

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func spDate(s string) date.Date {
	d, err := date.ParseISO(s)
	if err != nil || d.String() != s {
		panic("bad test date " + s)
	}
	return d
}

func TestSpanAddMonthsBoundaries(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2023-01-31", 1, "2023-02-28"},   // 2023 is no leap year
		{"2024-01-31", 1, "2024-02-29"},   // 2024 is
		{"2024-03-31", 1, "2024-04-30"},   // April has 30 days
		{"2024-08-31", 1, "2024-09-30"},   // so has September
		{"2024-02-29", 12, "2025-02-28"},  // leap day + 1 year clamps
		{"2024-02-29", 48, "2028-02-29"},  // … but not into a leap year
		{"2024-02-29", -12, "2023-02-28"}, // nor backwards
		{"2023-11-30", 3, "2024-02-29"},   // 30 Nov + 3M into a leap February
		{"2022-11-30", 3, "2023-02-28"},   // and a common one
		{"2023-10-31", 3, "2024-01-31"},   // January has 31 days: no clamp, across the year
		{"2023-12-31", 1, "2024-01-31"},   // year boundary forwards
		{"2023-12-31", 2, "2024-02-29"},   //
		{"2024-12-31", 12, "2025-12-31"},  //
		{"2024-03-31", -1, "2024-02-29"},  // negative months clamp too
		{"2023-03-31", -1, "2023-02-28"},  //
		{"2024-05-31", -1, "2024-04-30"},  //
		{"2024-01-15", -1, "2023-12-15"},  // year boundary backwards
		{"2024-01-01", -13, "2022-12-01"}, //
		{"2024-01-31", -12, "2023-01-31"}, //
		{"2024-01-31", -25, "2021-12-31"}, //
		{"2024-07-15", 0, "2024-07-15"},   // zero is the identity
		{"2024-01-31", 0, "2024-01-31"},   //
		{"1900-01-31", 1, "1900-02-28"},   // 1900: divisible by 100, not by 400
		{"2000-01-31", 1, "2000-02-29"},   // 2000: divisible by 400
		{"2000-02-29", 1200, "2100-02-28"},
		{"2000-02-29", 4800, "2400-02-29"},
		{"2024-06-30", 120, "2034-06-30"}, // 10 years
		{"2024-01-31", 11, "2024-12-31"},
		{"2024-01-31", 13, "2025-02-28"},
	}
	for _, tc := range tests {
		got := AddMonths(spDate(tc.from), tc.n)
		assert.Equal(t, tc.want, got.String(), "%s %+d months", tc.from, tc.n)
	}
	// Clamping is not associative: 31 Jan + 1M + 1M = 29 Mar, but 31 Jan + 2M = 31 Mar (2024).
	d := spDate("2024-01-31")
	assert.Equal(t, "2024-03-29", AddMonths(AddMonths(d, 1), 1).String())
	assert.Equal(t, "2024-03-31", AddMonths(d, 2).String())
	// date.Date.AddPeriod overflows instead (the reason AddMonths exists).
	assert.Equal(t, "2023-03-03", spDate("2023-01-31").AddPeriod(period.NewYMD(0, 1, 0)).String())
}

func TestSpanAddTo(t *testing.T) {
	tests := []struct {
		span Span
		from string
		want string
	}{
		{Span{Months: 1, Days: 1}, "2024-01-31", "2024-03-01"}, // months first (29 Feb), then days
		{Weeks(2), "2024-02-20", "2024-03-05"},                 // 9 days to 29 Feb, 5 more
		{Weeks(2), "2023-02-20", "2023-03-06"},                 // 8 days to 28 Feb, 6 more
		{Weeks(6), "2023-12-26", "2024-02-06"},                 // 5 + 31 + 6
		{Months(3), "2023-11-30", "2024-02-29"},
		{MustParseSpan("P1M2W"), "2023-01-31", "2023-03-14"}, // 28 Feb + 14
		{MustParseSpan("P1Y"), "2024-02-29", "2025-02-28"},
		{Months(6), "2024-08-31", "2025-02-28"},
		{Span{}, "2024-02-29", "2024-02-29"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.span.AddTo(spDate(tc.from)).String(), "%s + %s", tc.from, tc.span)
	}
}

// civil and fromCivil must agree with date.Date's own conversion (which goes
// through time.Time) on every day from 1900 to 2200, and on random days far
// outside that range.
func TestSpanCivilAgreesWithDate(t *testing.T) {
	check := func(d date.Date) {
		y, m, day := civil(d)
		wy, wm, wd := d.Date()
		if y != int64(wy) || m != int(wm) || day != wd {
			t.Fatalf("civil(%s) = %d-%02d-%02d, want %d-%02d-%02d", d, y, m, day, wy, wm, wd)
		}
		if back := fromCivil(y, m, day); back != d {
			t.Fatalf("fromCivil(%d, %d, %d) = %d, want %d", y, m, day, back, d)
		}
		if nd := date.New(wy, wm, wd); nd != d {
			t.Fatalf("date.New(%d, %s, %d) = %d, want %d", wy, wm, wd, nd, d)
		}
	}
	first, last := date.New(1900, time.January, 1), date.New(2200, time.December, 31)
	n := 0
	for d := first; d <= last; d++ {
		check(d)
		n++
	}
	assert.Equal(t, 301*365+73, n) // 301 years; leap years 1904…2196 minus 2100 = 73
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		check(date.Date(rng.Int64N(2_000_000_000) - 1_000_000_000)) // about ±2.7 million years
	}
	for _, d := range []date.Date{0, 1, -1, unixEpoch, unixEpoch - 1, date.New(0, time.March, 1), date.New(-1, time.December, 31), date.New(1, time.January, 1)} {
		check(d)
	}
	// AddMonths agrees with a month walk through time.Time where no clamping happens (day ≤ 28).
	for i := 0; i < 5000; i++ {
		y := 1600 + rng.IntN(1000)
		m := time.Month(1 + rng.IntN(12))
		day := 1 + rng.IntN(28)
		k := rng.IntN(2*MaxSpanMonths+1) - MaxSpanMonths
		want := date.New(y, m+time.Month(k), day) // time.Date normalises the month
		assert.Equal(t, want, AddMonths(date.New(y, m, day), k))
	}
}

func TestSpanDaysInAndLeap(t *testing.T) {
	for _, tc := range []struct {
		y    int64
		leap bool
	}{{1900, false}, {2000, true}, {2023, false}, {2024, true}, {2100, false}, {2400, true}, {0, true}, {-4, true}, {-100, false}} {
		assert.Equal(t, tc.leap, isLeap(tc.y), tc.y)
	}
	want := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	for m := 1; m <= 12; m++ {
		assert.Equal(t, want[m-1], daysIn(2023, m), m)
	}
	assert.Equal(t, 29, daysIn(2024, 2))
}

func TestSpanParse(t *testing.T) {
	valid := []struct {
		in   string
		want Span
	}{
		{"P2W", Span{Days: 14}},
		{"P14D", Span{Days: 14}},
		{"P6W", Weeks(6)},
		{"P4W", Weeks(4)},
		{"P3M", Months(3)},
		{"P1Y", Months(12)},
		{"P12M", Months(12)},
		{"P1Y6M", Months(18)},
		{"P1M2W", Span{Months: 1, Days: 14}},
		{"P1Y2M3W4D", Span{Months: 14, Days: 25}},
		{"P0D", Span{}},
		{"P10Y", Months(120)},
		{"P120M", Months(120)},
	}
	for _, tc := range valid {
		got, err := ParseSpan(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	a, _ := ParseSpan("P2W")
	b, _ := ParseSpan("P14D")
	assert.Equal(t, a, b, "P2W and P14D are the same Span")
	assert.Equal(t, Weeks(2), a)

	for _, in := range []string{"PT1H", "P1DT1H", "P1.5M", "P2.5W", "-P1M", "P11Y", "P121M", "P10Y1D", "P3721D", "", "xyz", "P", "1M"} {
		_, err := ParseSpan(in)
		if assert.Error(t, err, "%q", in) {
			assert.True(t, strings.HasPrefix(err.Error(), "followup.ParseSpan: "), err.Error())
		}
	}
	assert.Panics(t, func() { MustParseSpan("PT1H") })

	// SpanOf on period values.
	neg, err := period.Parse("-P3M")
	require.NoError(t, err)
	_, err = SpanOf(neg)
	assert.Error(t, err)
	sp, err := SpanOf(period.NewYMWD(1, 1, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, Span{Months: 13, Days: 8}, sp)
}

// SpanOf's doc: "… as is a length over 10 years". Ten calendar years have at
// most 3,653 days (three leap days), so 3,654 days is over 10 years on any
// calendar, as P10Y1D is (which is rejected).
func TestSpanParseTenYearBoundInDays(t *testing.T) {
	_, err := ParseSpan("P3653D")
	assert.NoError(t, err)
	_, err = ParseSpan("P3654D")
	assert.Error(t, err, "P3654D is longer than 10 years")
	_, err = ParseSpan("P522W") // 3,654 days
	assert.Error(t, err, "P522W is longer than 10 years")
}

func TestSpanStringAndMarshal(t *testing.T) {
	tests := []struct {
		span Span
		text string
	}{
		{Weeks(2), "P2W"},
		{Weeks(6), "P6W"},
		{Months(3), "P3M"},
		{Months(12), "P1Y"},
		{Months(24), "P2Y"},
		{Months(18), "P18M"},
		{Span{Months: 12, Days: 7}, "P12M1W"}, // a year only when there are no days
		{Span{Months: 1, Days: 10}, "P1M10D"},
		{Span{Days: 10}, "P10D"},
		{Span{}, "P0D"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.text, tc.span.String())
		b, err := tc.span.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tc.text, string(b))
		var back Span
		require.NoError(t, back.UnmarshalText(b), tc.text)
		assert.Equal(t, tc.span, back, tc.text)

		type holder struct {
			At Span `json:"at"`
		}
		j, err := json.Marshal(holder{tc.span})
		require.NoError(t, err)
		assert.Equal(t, `{"at":"`+tc.text+`"}`, string(j))
		var h holder
		require.NoError(t, json.Unmarshal(j, &h))
		assert.Equal(t, tc.span, h.At)
	}
	s := Weeks(6)
	assert.Error(t, s.UnmarshalText([]byte("PT1H")))
	assert.Equal(t, Weeks(6), s, "unchanged on error")
	var h struct {
		At Span `json:"at"`
	}
	assert.Error(t, json.Unmarshal([]byte(`{"at":"P1.5M"}`), &h))
	assert.Error(t, json.Unmarshal([]byte(`{"at":3}`), &h))
}

func TestSpanWords(t *testing.T) {
	tests := []struct {
		span    Span
		da, en  string
		isZero  bool
		approxD int64
	}{
		{Weeks(6), "6 uger", "6 weeks", false, 42},
		{Weeks(1), "1 uge", "1 week", false, 7},
		{Months(3), "3 måneder", "3 months", false, 93},
		{Months(1), "1 måned", "1 month", false, 31},
		{Months(12), "12 måneder", "12 months", false, 372},
		{Span{Days: 1}, "1 dag", "1 day", false, 1},
		{Span{Days: 10}, "10 dage", "10 days", false, 10},
		{Span{Months: 1, Days: 14}, "1 måned og 2 uger", "1 month and 2 weeks", false, 45},
		{Span{Months: 2, Days: 3}, "2 måneder og 3 dage", "2 months and 3 days", false, 65},
		{Span{}, "0 dage", "0 days", true, 0},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.da, tc.span.Danish())
		assert.Equal(t, tc.en, tc.span.English())
		assert.Equal(t, tc.isZero, tc.span.IsZero())
		assert.Equal(t, tc.approxD, tc.span.approxDays())
	}
}

func TestSpanAtMost(t *testing.T) {
	tests := []struct {
		s, u Span
		want bool
	}{
		{Weeks(6), Months(3), true},        // 42 ≤ 3×28
		{Months(3), Weeks(6), false},       //
		{Weeks(8), Months(2), true},        // 56 ≤ 2×28: 2 months are never shorter than 59 days
		{Weeks(9), Months(2), false},       // 63 > 59 (Feb + Mar)
		{Months(1), Span{Days: 28}, false}, // January is 31 days
		{Span{Days: 28}, Months(1), true},  //
		{Months(12), Months(12), true},     //
		{Span{Months: 1, Days: 1}, Months(1), false},
		{Span{}, Weeks(1), true},
		{Span{Months: 12}, Span{Months: 6, Days: 210}, true}, // 372 ≤ 168 + 210
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.s.AtMost(tc.u), "%s ≤ %s", tc.s, tc.u)
	}
}
