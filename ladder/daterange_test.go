package ladder_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

func TestDateRangeBounds(t *testing.T) {
	assert.Equal(t, date.New(1900, time.January, 1), ladder.MinDate)
	assert.Equal(t, date.New(2199, time.December, 31), ladder.MaxDate)
	assert.Equal(t, "1900-01-01", ladder.MinDate.String())
	assert.Equal(t, "2199-12-31", ladder.MaxDate.String())
	assert.False(t, ladder.InDateRange(0), "the zero date is never valid input")
	assert.True(t, ladder.InDateRange(ladder.MinDate))
	assert.True(t, ladder.InDateRange(ladder.MaxDate))
	assert.False(t, ladder.InDateRange(ladder.MinDate-1))
	assert.False(t, ladder.InDateRange(ladder.MaxDate+1))
}

// The zero date used to parse without error and then read as "not given".
func TestParseDateRange(t *testing.T) {
	for _, in := range []string{"1900-01-01", "2199-12-31", "2000-02-29"} {
		_, err := ladder.ParseDate(in)
		assert.NoError(t, err, in)
	}
	for _, in := range []string{"0001-01-01", "0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31"} {
		got, err := ladder.ParseDate(in)
		require.Error(t, err, in)
		assert.Zero(t, got)
		assert.ErrorIs(t, err, ladder.ErrDateRange, in)
		assert.EqualError(t, err, `ladder.ParseDate: invalid date "`+in+`": outside the supported dates 1900-01-01 to 2199-12-31`)
	}
}

func TestCheckDate(t *testing.T) {
	tests := []struct {
		d    date.Date
		want string // "" for no error
	}{
		{ladder.MinDate, ""},
		{ladder.MaxDate, ""},
		{date.New(2026, time.March, 1), ""},
		{0, `op: field "asOf": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`},
		{ladder.MinDate - 1, `op: field "asOf": 1899-12-31 is outside the supported dates 1900-01-01 to 2199-12-31`},
		{ladder.MaxDate + 1, `op: field "asOf": 2200-01-01 is outside the supported dates 1900-01-01 to 2199-12-31`},
		{date.New(9999, time.December, 31), `op: field "asOf": 9999-12-31 is outside the supported dates 1900-01-01 to 2199-12-31`},
		{date.New(9999, time.December, 31) + 1, `op: field "asOf": date.Date(3652059) is outside the supported dates 1900-01-01 to 2199-12-31`},
		{date.New(-9999, time.January, 1), `op: field "asOf": -9999-01-01 is outside the supported dates 1900-01-01 to 2199-12-31`},
		{date.New(-9999, time.January, 1) - 1, `op: field "asOf": date.Date(-3652426) is outside the supported dates 1900-01-01 to 2199-12-31`},
		// date.Date.String would print these as 0001-01-02 and 0000-12-31.
		{math.MinInt64 + 1, `op: field "asOf": date.Date(-9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31`},
		{math.MaxInt64, `op: field "asOf": date.Date(9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31`},
	}
	for _, tc := range tests {
		err := ladder.CheckDate("op", "asOf", tc.d)
		if tc.want == "" {
			assert.NoError(t, err, "%d", tc.d)
			continue
		}
		assert.EqualError(t, err, tc.want)
		assert.ErrorIs(t, err, ladder.ErrDateRange)
	}
}

func TestNewMeasureDateRange(t *testing.T) {
	iv := ladder.MustParseIntervention("mst")
	tests := []struct {
		name       string
		start, end date.Date
		want       string
	}{
		{"start before 1900", date.New(1899, time.December, 31), 0,
			`ladder.NewMeasure: measure "m1": field "start": 1899-12-31 is outside the supported dates 1900-01-01 to 2199-12-31`},
		{"start far back", math.MinInt64 + 1, 0,
			`ladder.NewMeasure: measure "m1": field "start": date.Date(-9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31`},
		{"end after 2199", date.New(2199, time.June, 1), date.New(2200, time.January, 1),
			`ladder.NewMeasure: measure "m1": field "end": 2200-01-01 is outside the supported dates 1900-01-01 to 2199-12-31`},
		{"end far ahead", date.New(2026, time.January, 5), math.MaxInt64,
			`ladder.NewMeasure: measure "m1": field "end": date.Date(9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ladder.NewMeasure("m1", iv, tc.start, tc.end)
			assert.EqualError(t, err, tc.want)
			assert.ErrorIs(t, err, ladder.ErrDateRange)
		})
	}
	// Both ends of the range are valid.
	m, err := ladder.NewMeasure("m1", iv, ladder.MinDate, ladder.MaxDate)
	require.NoError(t, err)
	_, err = m.WithEnd(ladder.MaxDate + 1)
	assert.ErrorIs(t, err, ladder.ErrDateRange)
}

func TestMeasureJSONDateRange(t *testing.T) {
	var m ladder.Measure
	err := json.Unmarshal([]byte(`{"id": "m1", "intervention": "mst", "start": "0001-01-01"}`), &m)
	assert.EqualError(t, err, `ladder.Measure.UnmarshalJSON: measure "m1": field "start": ladder.ParseDate: invalid date "0001-01-01": outside the supported dates 1900-01-01 to 2199-12-31`)
	assert.ErrorIs(t, err, ladder.ErrDateRange)
	err = json.Unmarshal([]byte(`{"id": "m1", "intervention": "mst", "start": "2026-01-05", "end": "2200-01-01"}`), &m)
	assert.EqualError(t, err, `ladder.Measure.UnmarshalJSON: measure "m1": field "end": ladder.ParseDate: invalid date "2200-01-01": outside the supported dates 1900-01-01 to 2199-12-31`)
	assert.False(t, m.IsValid(), "unchanged on error")
}

// DaysIn used to subtract the raw arguments: an open measure counted about
// 9.2 × 10¹⁸ days up to date.Date(math.MaxInt64).
func TestDaysInExtremeArguments(t *testing.T) {
	open := measure(t, "o", "mst", "2024-01-01", "")
	whole := measure(t, "w", "mst", "1900-01-01", "2199-12-31")
	tests := []struct {
		name     string
		m        ladder.Measure
		from, to date.Date
		want     int
	}{
		// 2024-01-01 to 2199-12-31: 176 years of 365 days and the 43 leap
		// days of 2024, 2028, …, 2196 except 2100: 64,240 + 43.
		{"open measure, unbounded period", open, math.MinInt64, math.MaxInt64, 64283},
		// 300 years of 365 days and the 73 leap days of 1904, …, 2196
		// except 2100 (1900 is not leap): 109,500 + 73.
		{"whole range", whole, math.MinInt64, math.MaxInt64, 109573},
		{"whole range, period from the last day", whole, ladder.MaxDate, math.MaxInt64, 1},
		{"whole range, period to the first day", whole, math.MinInt64, ladder.MinDate, 1},
		// A period wholly outside the range covers none of it, even
		// though clamping would move both ends onto the range's edge.
		{"period before the range", whole, math.MinInt64, ladder.MinDate - 1, 0},
		{"period after the range", whole, ladder.MaxDate + 1, math.MaxInt64, 0},
		{"reversed unbounded period", whole, math.MaxInt64, math.MinInt64, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.m.DaysIn(tc.from, tc.to))
		})
	}
}

func TestCheckText(t *testing.T) {
	good := []string{"", "m1", "c-0042", "barn 1", "Søren Ærø-Ågård", "名字", "🙂", "a\u00a0b"}
	for _, s := range good {
		assert.NoError(t, ladder.CheckText("op", "id", s), "%q", s)
	}
	bad := []struct {
		in, want string
	}{
		{"m1\r\nforged line", `op: field "id": "m1\r\nforged line" holds a control or bidirectional formatting character (U+000D at byte 2)`},
		{"m1\n", `op: field "id": "m1\n" holds a control or bidirectional formatting character (U+000A at byte 2)`},
		{"m\x001", `op: field "id": "m\x001" holds a control or bidirectional formatting character (U+0000 at byte 1)`},
		{"\tm1", `op: field "id": "\tm1" holds a control or bidirectional formatting character (U+0009 at byte 0)`},
		{"m\x7f", `op: field "id": "m\x7f" holds a control or bidirectional formatting character (U+007F at byte 1)`},
		{"m\u0085", `op: field "id": "m\u0085" holds a control or bidirectional formatting character (U+0085 at byte 1)`},
		{"m\u2028", `op: field "id": "m\u2028" holds a control or bidirectional formatting character (U+2028 at byte 1)`},
		{"m\u2029", `op: field "id": "m\u2029" holds a control or bidirectional formatting character (U+2029 at byte 1)`},
		{"m\u061c", `op: field "id": "m\u061c" holds a control or bidirectional formatting character (U+061C at byte 1)`},
		{"m\u200e", `op: field "id": "m\u200e" holds a control or bidirectional formatting character (U+200E at byte 1)`},
		{"m\u200f", `op: field "id": "m\u200f" holds a control or bidirectional formatting character (U+200F at byte 1)`},
		{"m\u202a", `op: field "id": "m\u202a" holds a control or bidirectional formatting character (U+202A at byte 1)`},
		{"ab\u202ecba", `op: field "id": "ab\u202ecba" holds a control or bidirectional formatting character (U+202E at byte 2)`},
		{"m\u2066", `op: field "id": "m\u2066" holds a control or bidirectional formatting character (U+2066 at byte 1)`},
		{"m\u2069", `op: field "id": "m\u2069" holds a control or bidirectional formatting character (U+2069 at byte 1)`},
		{"m\xff", `op: field "id": "m\xff" holds a control or bidirectional formatting character (U+FFFD at byte 1)`},
	}
	for _, tc := range bad {
		err := ladder.CheckText("op", "id", tc.in)
		assert.EqualError(t, err, tc.want)
		assert.ErrorIs(t, err, ladder.ErrUnsafeText)
	}
	// Neighbours of the bidirectional ranges are ordinary text.
	for _, r := range []rune{'\u2027', '\u202f', '\u2065', '\u206a', '\u200d', '\u2010'} {
		assert.False(t, ladder.UnsafeRune(r), "U+%04X", r)
	}
}

// A measure id with CR/LF or a bidi override forged lines in the text
// output of the examples; NewMeasure (and so the JSON decoders) reject it.
func TestNewMeasureUnsafeID(t *testing.T) {
	iv := ladder.MustParseIntervention("mst")
	_, err := ladder.NewMeasure("m1\n    forged item", iv, ladder.MustParseDate("2026-01-05"), 0)
	assert.EqualError(t, err, `ladder.NewMeasure: field "id": "m1\n    forged item" holds a control or bidirectional formatting character (U+000A at byte 2)`)
	assert.True(t, errors.Is(err, ladder.ErrUnsafeText))
	var m ladder.Measure
	err = json.Unmarshal([]byte(`{"id": "m\u202e1", "intervention": "mst", "start": "2026-01-05"}`), &m)
	assert.ErrorIs(t, err, ladder.ErrUnsafeText)
}

// TrajectoryOf used to accept any non-zero period, e.g. one from
// date.Date(math.MinInt64+1), whose dates print as 0001-01-02.
func TestTrajectoryDateRange(t *testing.T) {
	a := measure(t, "a", "mst", "2024-01-01", "")
	_, err := ladder.TrajectoryOf([]ladder.Measure{a}, math.MinInt64+1, math.MaxInt64)
	assert.EqualError(t, err, `ladder.TrajectoryOf: field "from": date.Date(-9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31
ladder.TrajectoryOf: field "to": date.Date(9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31`)
	assert.ErrorIs(t, err, ladder.ErrDateRange)
	tr, err := ladder.TrajectoryOf([]ladder.Measure{a}, ladder.MinDate, ladder.MaxDate)
	require.NoError(t, err)
	assert.Equal(t, []date.Date{a.Start()}, []date.Date{tr.Changes[0].On})
}
