package followup

import (
	"fmt"
	"math"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

// Span is a calendar length in whole months and whole days, the form every
// offset and interval of a rule takes once validated. Weeks are 7 days and
// years 12 months, so P2W and P14D are the same Span (compare Spans with
// ==, never period.Period values). The zero Span is no length at all.
type Span struct {
	Months int32
	Days   int32
}

// MaxSpanMonths bounds a rule's offset or interval: 10 years.
const MaxSpanMonths = 120

// SpanOf converts an ISO-8601 period to a Span. Only whole years, months,
// weeks and days are allowed; hours, minutes, seconds, fractions and
// negative fields are errors, as is a length over 10 years.
func SpanOf(p period.Period) (Span, error) {
	const op = "followup.SpanOf"
	if p.IsNegative() {
		return Span{}, fmt.Errorf("%s: negative period %q", op, p.String())
	}
	if !p.OnlyHMS().IsZero() {
		return Span{}, fmt.Errorf("%s: period %q has a time part; rules use whole days, weeks, months and years", op, p.String())
	}
	if !p.YearsDecimal().IsInt() || !p.MonthsDecimal().IsInt() || !p.WeeksDecimal().IsInt() || !p.DaysDecimal().IsInt() {
		return Span{}, fmt.Errorf("%s: period %q has a fraction; use whole units", op, p.String())
	}
	// Bound each field before multiplying, so huge values cannot wrap.
	if p.Years() > MaxSpanMonths/12 || p.Months() > MaxSpanMonths || p.Weeks() > 3653/7+1 || p.Days() > 3653 {
		return Span{}, fmt.Errorf("%s: period %q is longer than 10 years", op, p.String())
	}
	months := int64(p.Years())*12 + int64(p.Months())
	days := int64(p.Weeks())*7 + int64(p.Days())
	if (Span{Months: int32(min(months, 1<<20)), Days: int32(min(days, 1<<20))}).tooLong() {
		return Span{}, fmt.Errorf("%s: period %q is longer than 10 years", op, p.String())
	}
	return Span{Months: int32(months), Days: int32(days)}, nil
}

// ParseSpan parses an ISO-8601 period such as "P2W", "P6W", "P3M" or "P1Y".
func ParseSpan(s string) (Span, error) {
	p, err := period.Parse(s)
	if err != nil {
		return Span{}, fmt.Errorf("followup.ParseSpan: invalid period %q: %w", s, err)
	}
	sp, err := SpanOf(p)
	if err != nil {
		return Span{}, fmt.Errorf("followup.ParseSpan: %w", err)
	}
	return sp, nil
}

// MustParseSpan is ParseSpan for tests and literals; it panics on error.
func MustParseSpan(s string) Span {
	sp, err := ParseSpan(s)
	if err != nil {
		panic(err)
	}
	return sp
}

// Weeks returns a Span of n weeks. A Span holds its days in an int32, so
// n beyond ±306,783,378 weeks (about 5.9 million years) saturates at that
// many weeks instead of wrapping around.
func Weeks(n int) Span {
	const most = math.MaxInt32 / 7
	return Span{Days: int32(7 * min(max(n, -most), most))}
}

// Months returns a Span of n months. A Span holds its months in an int32,
// so n beyond ±2,147,483,647 saturates there instead of wrapping around.
func Months(n int) Span { return Span{Months: int32(min(max(n, math.MinInt32), math.MaxInt32))} }

// IsZero reports whether s is no length.
func (s Span) IsZero() bool { return s.Months == 0 && s.Days == 0 }

// Period returns s as an ISO-8601 period: whole weeks are written as weeks,
// 12 months as a year only when there are no days ("P2W", "P3M", "P1Y").
func (s Span) Period() period.Period {
	y, m := 0, int(s.Months)
	if m%12 == 0 && m > 0 && s.Days == 0 {
		y, m = m/12, 0
	}
	if s.Days%7 == 0 && s.Days > 0 {
		return period.NewYMWD(y, m, int(s.Days/7), 0)
	}
	return period.NewYMWD(y, m, 0, int(s.Days))
}

// String returns the ISO-8601 form, "P0D" for zero.
func (s Span) String() string {
	if s.IsZero() {
		return "P0D"
	}
	return s.Period().String()
}

// Danish describes the span in Danish words, e.g. "6 uger", "3 måneder".
func (s Span) Danish() string {
	return s.words("måned", "måneder", "uge", "uger", "dag", "dage", "og")
}

// English describes the span in English words, e.g. "6 weeks", "3 months".
func (s Span) English() string {
	return s.words("month", "months", "week", "weeks", "day", "days", "and")
}

func (s Span) words(m1, mn, w1, wn, d1, dn, and string) string {
	unit := func(n int32, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	var parts []string
	if s.Months != 0 {
		parts = append(parts, unit(s.Months, m1, mn))
	}
	if s.Days != 0 {
		if s.Days%7 == 0 {
			parts = append(parts, unit(s.Days/7, w1, wn))
		} else {
			parts = append(parts, unit(s.Days, d1, dn))
		}
	}
	switch len(parts) {
	case 0:
		return unit(0, d1, dn)
	case 1:
		return parts[0]
	}
	return parts[0] + " " + and + " " + parts[1]
}

// MarshalText writes the ISO-8601 form.
func (s Span) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses an ISO-8601 period; on error s is unchanged.
func (s *Span) UnmarshalText(b []byte) error {
	v, err := ParseSpan(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// tooLong reports whether s is longer than 10 years: its months count at
// the mean Gregorian length (146097/4800 days), so P10Y passes and P10Y1D
// or P3654D do not (ten calendar years have at most 3,653 days).
func (s Span) tooLong() bool {
	return s.Months > MaxSpanMonths || int64(s.Months)*146097+int64(s.Days)*4800 > 3653*4800
}

// approxDays is a length for ordering spans: months count 31 days, so a
// Span with more approxDays is never shorter on any calendar.
func (s Span) approxDays() int64 { return int64(s.Months)*31 + int64(s.Days) }

// AtMost reports whether s is never longer than t, whatever the date it is
// added to: either field by field, or with s's months counted as 31 days and
// t's as 28.
func (s Span) AtMost(t Span) bool {
	// s ≤ t on every calendar iff the longest s (months of 31 days) is no
	// longer than the shortest t (months of 28 days), or field-wise ≤.
	if s.Months <= t.Months && s.Days <= t.Days {
		return true
	}
	return int64(s.Months)*31+int64(s.Days) <= int64(t.Months)*28+int64(t.Days)
}

// AddTo returns d plus the span: first the months, clamping a day that does
// not exist in the target month to that month's last day (31 Jan + 1 month
// = 28 or 29 Feb), then the days. This differs from date.Date.AddPeriod,
// which overflows into the next month.
//
// Like AddMonths, AddTo saturates: a result before the first day of the
// year −2,147,483,648 or after the last day of the year 2,147,483,647 is
// that day, never a date wrapped around to the other end of date.Date.
// Every date the library accepts (ladder.MinDate–ladder.MaxDate) plus any
// Span lies far inside these bounds, so there the result is exact. A zero
// Span returns d unchanged.
func (s Span) AddTo(d date.Date) date.Date {
	if s.Months != 0 {
		d = AddMonths(d, int(s.Months))
	}
	if s.Days == 0 {
		return d
	}
	return clampCivil(clampCivil(d) + date.Date(s.Days))
}

// AddMonths adds n calendar months to d, clamping to the target month's
// last day. It is exact while the result lies in the years −2,147,483,648
// to 2,147,483,647 (the int32 years); beyond, it saturates at the first or
// last day of that range instead of wrapping around, and a d beyond it is
// first moved onto it. n = 0 returns d unchanged.
func AddMonths(d date.Date, n int) date.Date {
	if n == 0 {
		return d
	}
	y, m, day := civil(clampCivil(d))
	// Split n first: int64(m-1) + n could overflow for n near MaxInt.
	y += int64(n / 12)
	mm := m - 1 + n%12 // in −11…22
	switch {
	case mm < 0:
		mm += 12
		y--
	case mm >= 12:
		mm -= 12
		y++
	}
	switch {
	case y < math.MinInt32:
		return minCivil
	case y > math.MaxInt32:
		return maxCivil
	}
	month := mm + 1
	if last := daysIn(y, month); day > last {
		day = last
	}
	return fromCivil(y, month, day)
}

// minCivil and maxCivil are the first day of the year −2³¹ and the last day
// of the year 2³¹−1: the bounds at which AddMonths and Span.AddTo
// saturate. civil and fromCivil are exact between them.
var (
	minCivil = fromCivil(math.MinInt32, 1, 1)
	maxCivil = fromCivil(math.MaxInt32, 12, 31)
)

// clampCivil moves d into minCivil–maxCivil.
func clampCivil(d date.Date) date.Date { return min(max(d, minCivil), maxCivil) }

// unixEpoch is 1970-01-01 as a date.Date.
var unixEpoch = date.New(1970, time.January, 1)

// civil converts d to year, month, day without going through time.Time
// (Howard Hinnant's civil_from_days).
func civil(d date.Date) (y int64, m, day int) {
	z := int64(d-unixEpoch) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, day
}

// fromCivil is the inverse of civil (days_from_civil).
func fromCivil(y int64, m, day int) date.Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := int64(m + 9)
	if m > 2 {
		mp = int64(m - 3)
	}
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return date.Date(era*146097+doe-719468) + unixEpoch
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int64, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
