package workday_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup/workday"
)

// d is a short date constructor for tables.
func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

func mustNew(t testing.TB, opts workday.Options) *workday.Calendar {
	t.Helper()
	c, err := workday.New(opts)
	require.NoError(t, err)
	require.NotNil(t, c)
	return c
}

var (
	xmasClosed = workday.Options{ChristmasEveClosed: true}
	nyeClosed  = workday.Options{NewYearsEveClosed: true}
	// 10 May 2024 is the Friday after Kristi Himmelfartsdag (a klemmedag).
	klemmedag = workday.Options{ExtraClosed: []date.Date{d(2024, time.May, 10)}}
)

// Every weekday in the comments below was checked with `date -d YYYY-MM-DD +%A`.
func TestOnOrBefore(t *testing.T) {
	tests := []struct {
		name string
		opts workday.Options
		due  date.Date
		want date.Date
	}{
		{"Nytårsdag Mon 1 Jan 2024 -> Fri 29 Dec 2023", workday.Options{}, d(2024, 1, 1), d(2023, 12, 29)},
		{"Tue 2 Jan 2024 is a working day", workday.Options{}, d(2024, 1, 2), d(2024, 1, 2)},
		{"Wed 27 Mar 2024 is a working day", workday.Options{}, d(2024, 3, 27), d(2024, 3, 27)},
		{"Skærtorsdag Thu 28 Mar 2024", workday.Options{}, d(2024, 3, 28), d(2024, 3, 27)},
		{"Langfredag Fri 29 Mar 2024", workday.Options{}, d(2024, 3, 29), d(2024, 3, 27)},
		{"Sat 30 Mar 2024", workday.Options{}, d(2024, 3, 30), d(2024, 3, 27)},
		{"Påskedag Sun 31 Mar 2024", workday.Options{}, d(2024, 3, 31), d(2024, 3, 27)},
		{"Anden påskedag Mon 1 Apr 2024", workday.Options{}, d(2024, 4, 1), d(2024, 3, 27)},
		{"Tue 2 Apr 2024", workday.Options{}, d(2024, 4, 2), d(2024, 4, 2)},
		{"Kristi Himmelfartsdag Thu 9 May 2024", workday.Options{}, d(2024, 5, 9), d(2024, 5, 8)},
		{"Fri 10 May 2024 is a working day by default", workday.Options{}, d(2024, 5, 10), d(2024, 5, 10)},
		{"Fri 10 May 2024 as ExtraClosed", klemmedag, d(2024, 5, 10), d(2024, 5, 8)},
		{"Sun 12 May 2024 with ExtraClosed Fri", klemmedag, d(2024, 5, 12), d(2024, 5, 8)},
		{"Anden Pinsedag Mon 20 May 2024", workday.Options{}, d(2024, 5, 20), d(2024, 5, 17)},
		{"Pinsedag Sun 19 May 2024", workday.Options{}, d(2024, 5, 19), d(2024, 5, 17)},
		{"Store bededag Fri 5 May 2023", workday.Options{}, d(2023, 5, 5), d(2023, 5, 4)},
		{"Sun 7 May 2023 after Store bededag", workday.Options{}, d(2023, 5, 7), d(2023, 5, 4)},
		{"Fri 26 Apr 2024, Store bededag abolished", workday.Options{}, d(2024, 4, 26), d(2024, 4, 26)},
		{"Wed 24 Dec 2025 open by default", workday.Options{}, d(2025, 12, 24), d(2025, 12, 24)},
		{"Wed 24 Dec 2025 closed by option", xmasClosed, d(2025, 12, 24), d(2025, 12, 23)},
		{"Juledag Thu 25 Dec 2025", workday.Options{}, d(2025, 12, 25), d(2025, 12, 24)},
		{"Juledag Thu 25 Dec 2025, 24 Dec closed", xmasClosed, d(2025, 12, 25), d(2025, 12, 23)},
		{"Anden juledag Fri 26 Dec 2025", workday.Options{}, d(2025, 12, 26), d(2025, 12, 24)},
		{"Sun 28 Dec 2025", workday.Options{}, d(2025, 12, 28), d(2025, 12, 24)},
		{"Sun 28 Dec 2025, 24 Dec closed", xmasClosed, d(2025, 12, 28), d(2025, 12, 23)},
		{"Wed 31 Dec 2025 open by default", workday.Options{}, d(2025, 12, 31), d(2025, 12, 31)},
		{"Wed 31 Dec 2025 closed by option", nyeClosed, d(2025, 12, 31), d(2025, 12, 30)},
		{"Nytårsdag Thu 1 Jan 2026", workday.Options{}, d(2026, 1, 1), d(2025, 12, 31)},
		{"Nytårsdag Thu 1 Jan 2026, 31 Dec closed", nyeClosed, d(2026, 1, 1), d(2025, 12, 30)},
		{"Grundlovsdag Thu 5 Jun 2025", workday.Options{}, d(2025, 6, 5), d(2025, 6, 4)},
		{"Anden Pinsedag and Grundlovsdag Mon 5 Jun 2017", workday.Options{}, d(2017, 6, 5), d(2017, 6, 2)},
		{"leap day Thu 29 Feb 2024", workday.Options{}, d(2024, 2, 29), d(2024, 2, 29)},
		{"Sat 8 Jun 2024", workday.Options{}, d(2024, 6, 8), d(2024, 6, 7)},
		{"Sun 9 Jun 2024", workday.Options{}, d(2024, 6, 9), d(2024, 6, 7)},
		{"Thu 1 Jan 1970, first day of the window", workday.Options{}, d(1970, 1, 1), d(1969, 12, 31)},
		{"Sun 4 Jan 1970", workday.Options{}, d(1970, 1, 4), d(1970, 1, 2)},
		{"Nytårsdag Mon 1 Jan 2131, after the window -> Fri 29 Dec 2130", workday.Options{}, d(2131, 1, 1), d(2130, 12, 29)},
		// Outside the window. Easter 1900 was Sun 15 Apr, Easter 2500 is Sun 18 Apr
		// (Meeus/Jones/Butcher by hand).
		{"Anden påskedag Mon 16 Apr 1900", workday.Options{}, d(1900, 4, 16), d(1900, 4, 11)},
		{"Store bededag Fri 11 May 1900", workday.Options{}, d(1900, 5, 11), d(1900, 5, 10)},
		{"Grundlovsdag Tue 5 Jun 1900", workday.Options{}, d(1900, 6, 5), d(1900, 6, 1)},
		{"Anden påskedag Mon 19 Apr 2500", workday.Options{}, d(2500, 4, 19), d(2500, 4, 14)},
		{"Fri 14 May 2500, no Store bededag", workday.Options{}, d(2500, 5, 14), d(2500, 5, 14)},
		{"Kristi Himmelfartsdag Thu 27 May 2500", workday.Options{}, d(2500, 5, 27), d(2500, 5, 26)},
		{"Anden Pinsedag Mon 7 Jun 2500", workday.Options{}, d(2500, 6, 7), d(2500, 6, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, tt.opts)
			got := c.OnOrBefore(tt.due)
			assert.Equal(t, tt.want, got, "OnOrBefore(%s) = %s (%s)", tt.due, got, got.Weekday())
			assert.True(t, c.IsWorkingDay(got))
			assert.Equal(t, tt.due == tt.want, c.IsWorkingDay(tt.due))
		})
	}
}

func TestOnOrAfter(t *testing.T) {
	tests := []struct {
		name string
		opts workday.Options
		d    date.Date
		want date.Date
	}{
		{"working day", workday.Options{}, d(2024, 3, 27), d(2024, 3, 27)},
		{"Skærtorsdag 2024 -> Tue 2 Apr", workday.Options{}, d(2024, 3, 28), d(2024, 4, 2)},
		{"Sat 30 Dec 2023 -> Tue 2 Jan 2024", workday.Options{}, d(2023, 12, 30), d(2024, 1, 2)},
		{"24 Dec 2025 closed -> Mon 29 Dec", xmasClosed, d(2025, 12, 24), d(2025, 12, 29)},
		{"Juledag 2025 -> Mon 29 Dec", workday.Options{}, d(2025, 12, 25), d(2025, 12, 29)},
		{"Wed 31 Dec 2025 closed -> Fri 2 Jan 2026", nyeClosed, d(2025, 12, 31), d(2026, 1, 2)},
		{"Kristi Himmelfartsdag 2024 with klemmedag -> Mon 13 May", klemmedag, d(2024, 5, 9), d(2024, 5, 13)},
		{"Sat 30 Dec 2130, end of window -> Tue 2 Jan 2131", workday.Options{}, d(2130, 12, 30), d(2131, 1, 2)},
		{"Juledag Sat 25 Dec 2500 -> Mon 27 Dec", workday.Options{}, d(2500, 12, 25), d(2500, 12, 27)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, tt.opts)
			assert.Equal(t, tt.want, c.OnOrAfter(tt.d))
		})
	}
}

func TestClosed(t *testing.T) {
	tests := []struct {
		opts       workday.Options
		d          date.Date
		wantReason string
		wantClosed bool
	}{
		{workday.Options{}, d(2024, 1, 1), "Nytårsdag", true},
		{workday.Options{}, d(2024, 3, 28), "Skærtorsdag", true},
		{workday.Options{}, d(2024, 3, 29), "Langfredag", true},
		{workday.Options{}, d(2024, 3, 30), workday.ReasonSaturday, true},
		{workday.Options{}, d(2024, 3, 31), "Påskedag", true},
		{workday.Options{}, d(2024, 4, 1), "Anden påskedag", true},
		{workday.Options{}, d(2024, 5, 9), "Kristi Himmelfartsdag", true},
		{workday.Options{}, d(2024, 5, 19), "Pinsedag", true},
		{workday.Options{}, d(2024, 5, 20), "Anden Pinsedag", true},
		{workday.Options{}, d(2023, 5, 5), "Store bededag", true},
		{workday.Options{}, d(2024, 4, 26), "", false},
		{workday.Options{}, d(2025, 6, 5), "Grundlovsdag", true},
		{workday.Options{}, d(2017, 6, 5), "Anden Pinsedag", true}, // also Grundlovsdag; cal's order decides
		{workday.Options{}, d(2025, 12, 24), "", false},
		{xmasClosed, d(2025, 12, 24), workday.ReasonChristmasEve, true},
		{xmasClosed, d(2022, 12, 24), workday.ReasonChristmasEve, true}, // a Saturday: the eve wins
		{workday.Options{}, d(2022, 12, 24), workday.ReasonSaturday, true},
		{workday.Options{}, d(2025, 12, 25), "Juledag", true},
		{workday.Options{}, d(2025, 12, 26), "Anden juledag", true},
		{nyeClosed, d(2025, 12, 31), workday.ReasonNewYearsEve, true},
		{workday.Options{}, d(2025, 12, 31), "", false},
		{workday.Options{}, d(2024, 6, 9), workday.ReasonSunday, true},
		{workday.Options{}, d(2024, 2, 29), "", false},
		{klemmedag, d(2024, 5, 10), workday.ReasonExtraClosed, true},
		{workday.Options{}, d(1900, 4, 13), "Langfredag", true},
		{workday.Options{}, d(2500, 4, 16), "Langfredag", true},
		{workday.Options{}, d(2500, 12, 25), "Juledag", true},
		{workday.Options{}, d(1500, 1, 1), "", false}, // a Monday before 1583: no holidays then
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %v", tt.d, tt.opts), func(t *testing.T) {
			c := mustNew(t, tt.opts)
			reason, closed := c.Closed(tt.d)
			assert.Equal(t, tt.wantReason, reason)
			assert.Equal(t, tt.wantClosed, closed)
			assert.Equal(t, !tt.wantClosed, c.IsWorkingDay(tt.d))
		})
	}
}

func TestStoreBededagAbolishedFrom2024(t *testing.T) {
	// cal honours EndYear: no Store bededag from 2024.
	act, _ := dk.StoreBededag.Calc(2023)
	require.False(t, act.IsZero())
	y, m, day := act.Date()
	assert.Equal(t, d(2023, time.May, 5), d(y, m, day))
	act, _ = dk.StoreBededag.Calc(2024)
	assert.True(t, act.IsZero(), "cal must not return Store bededag for 2024")

	c := workday.Danish()
	reason, closed := c.Closed(d(2023, time.May, 5))
	assert.True(t, closed)
	assert.Equal(t, "Store bededag", reason)
	assert.True(t, c.IsWorkingDay(d(2024, time.April, 26)), "Fri 26 Apr 2024 would have been Store bededag")
	// The fourth Friday after Easter 2025 (Easter Sun 20 Apr): Fri 16 May 2025.
	assert.True(t, c.IsWorkingDay(d(2025, time.May, 16)))
}

func TestWorkingDaysBetween(t *testing.T) {
	tests := []struct {
		name     string
		opts     workday.Options
		from, to date.Date
		want     int
	}{
		{"ordinary week Mon 10 - Sun 16 Jun 2024", workday.Options{}, d(2024, 6, 10), d(2024, 6, 16), 5},
		{"Easter week Mon 25 - Sun 31 Mar 2024", workday.Options{}, d(2024, 3, 25), d(2024, 3, 31), 3},
		{"Christmas week Mon 22 - Sun 28 Dec 2025", workday.Options{}, d(2025, 12, 22), d(2025, 12, 28), 3},
		{"Christmas week, 24 Dec closed", xmasClosed, d(2025, 12, 22), d(2025, 12, 28), 2},
		{"Kristi Himmelfart week with klemmedag", klemmedag, d(2024, 5, 6), d(2024, 5, 12), 3},
		{"one working day", workday.Options{}, d(2024, 3, 27), d(2024, 3, 27), 1},
		{"one closed day", workday.Options{}, d(2024, 3, 28), d(2024, 3, 28), 0},
		{"to before from", workday.Options{}, d(2024, 3, 27), d(2024, 3, 26), 0},
		// 2024: 262 weekdays, 9 of them helligdage (Nytårsdag, Skærtorsdag,
		// Langfredag, Anden påskedag, Kristi Himmelfartsdag, Anden Pinsedag,
		// Grundlovsdag Wed, Juledag Wed, Anden juledag Thu).
		{"year 2024", workday.Options{}, d(2024, 1, 1), d(2024, 12, 31), 253},
		// 1900 (outside the window): 261 weekdays, 10 helligdage on weekdays
		// (incl. Store bededag Fri 11 May and Grundlovsdag Tue 5 Jun).
		{"year 1900", workday.Options{}, d(1900, 1, 1), d(1900, 12, 31), 251},
		// 2500: starts on a Friday, 261 weekdays; Grundlovsdag is a Saturday,
		// Juledag a Saturday, Anden juledag a Sunday: 6 helligdage on weekdays.
		{"year 2500", workday.Options{}, d(2500, 1, 1), d(2500, 12, 31), 255},
		{"year 2500, 24 and 31 Dec closed (Fri, Fri)", workday.Options{ChristmasEveClosed: true, NewYearsEveClosed: true},
			d(2500, 1, 1), d(2500, 12, 31), 253},
		// Across the end of the window: Sat 23 Dec 2130 - Fri 5 Jan 2131 has
		// 10 weekdays; Juledag Mon, Anden juledag Tue and Nytårsdag Mon are closed.
		{"across the window end", workday.Options{}, d(2130, 12, 23), d(2131, 1, 5), 7},
		{"before the rule years: weekends only", workday.Options{}, d(1500, 1, 1), d(1500, 1, 14), 10},
		{"smallest int64 week", workday.Options{}, date.Date(math.MinInt64), date.Date(math.MinInt64 + 6), 5},
		{"largest int64 week", workday.Options{}, date.Date(math.MaxInt64 - 6), date.Date(math.MaxInt64), 5},
		{"everything saturates", workday.Options{}, date.Date(math.MinInt64), date.Date(math.MaxInt64), math.MaxInt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, tt.opts)
			assert.Equal(t, tt.want, c.WorkingDaysBetween(tt.from, tt.to))
		})
	}
}

// WorkingDaysBetween agrees with counting IsWorkingDay day by day, inside,
// outside and across the window.
func TestWorkingDaysBetweenMatchesCounting(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cals := []*workday.Calendar{
		workday.Danish(),
		mustNew(t, workday.Options{ChristmasEveClosed: true, NewYearsEveClosed: true,
			ExtraClosed: []date.Date{d(1969, 12, 29), d(1970, 1, 2), d(2024, 5, 10), d(2130, 12, 30), d(2131, 1, 2), d(2500, 5, 14)}}),
	}
	starts := []date.Date{d(1969, 11, 1), d(2130, 11, 1), d(2024, 1, 1), d(2499, 11, 1), d(1582, 11, 1), d(9999, 10, 1)}
	for _, c := range cals {
		for _, s := range starts {
			for range 50 {
				from := s + date.Date(rng.IntN(120))
				to := from + date.Date(rng.IntN(400)) - 10
				want := 0
				for x := from; x <= to; x++ {
					if c.IsWorkingDay(x) {
						want++
					}
				}
				require.Equal(t, want, c.WorkingDaysBetween(from, to), "%s: %s..%s", c, from, to)
			}
		}
	}
}

// Outside and inside the window, Danish() agrees with a cal.Calendar made
// from dk.Holidays plus weekends.
func TestAgreesWithCal(t *testing.T) {
	ref := &cal.Calendar{}
	ref.AddHoliday(dk.Holidays...)
	c := workday.Danish()
	for _, year := range []int{1700, 1900, 1969, 1970, 2023, 2024, 2025, 2130, 2131, 2500, 9999} {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			for x := d(year, 1, 1); x.Year() == year; x++ {
				y, m, day := x.Date()
				act, _, _ := ref.IsHoliday(time.Date(y, m, day, 12, 0, 0, 0, time.UTC))
				wd := x.Weekday()
				closed := act || wd == time.Saturday || wd == time.Sunday
				require.Equal(t, !closed, c.IsWorkingDay(x), "%s", x)
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name    string
		extra   []date.Date
		wantErr string
	}{
		{"zero date", []date.Date{d(2024, 5, 10), d(2024, 5, 13), date.Zero}, "workday.New: zero date in ExtraClosed[2]"},
		{"before 1583", []date.Date{d(1582, 12, 31)}, `workday.New: ExtraClosed[0] = "1582-12-31" is outside the years 1583–9999`},
		{"after 9999", []date.Date{d(2024, 5, 10), d(10000, 1, 1)}, `workday.New: ExtraClosed[1] = "+10000-01-01" is outside the years 1583–9999`},
		{"negative", []date.Date{date.Date(math.MinInt64)}, `workday.New: ExtraClosed[0] = `},
		// Mon 1 - Mon 15 Jul 2024 closed plus the weekend Sat 29 - Sun 30 Jun:
		// 17 consecutive closed days.
		{"run too long", weekdays(d(2024, 7, 1), d(2024, 7, 15)),
			`workday.New: ExtraClosed makes 17 consecutive closed days, "2024-06-29" to "2024-07-15"; at most 14 are allowed`},
		// Mon 31 Dec 2029 and Wed 2 - Fri 18 Jan 2030 closed: with the weekend
		// before, Nytårsdag Tue 1 Jan and the weekend after, the run is Sat 29
		// Dec 2029 - Sun 20 Jan 2030, 3 + 20 = 23 days.
		{"run with a holiday", append(weekdays(d(2030, 1, 2), d(2030, 1, 18)), d(2029, 12, 31)),
			`workday.New: ExtraClosed makes 23 consecutive closed days, "2029-12-29" to "2030-01-20"; at most 14 are allowed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := workday.New(workday.Options{ExtraClosed: tt.extra})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Nil(t, c)
		})
	}
}

// weekdays returns the Mondays to Fridays in [from, to].
func weekdays(from, to date.Date) []date.Date {
	var ds []date.Date
	for x := from; x <= to; x++ {
		if wd := x.Weekday(); wd != time.Saturday && wd != time.Sunday {
			ds = append(ds, x)
		}
	}
	return ds
}

func TestNewAcceptsARunOfExactlyMaxClosedRun(t *testing.T) {
	// Tue 2 - Mon 15 Jul 2024 closed (the weekend Sat 13 - Sun 14 inside):
	// 14 days, between the working days Mon 1 and Tue 16 Jul.
	extra := weekdays(d(2024, 7, 2), d(2024, 7, 15))
	c := mustNew(t, workday.Options{ExtraClosed: extra})
	assert.Equal(t, d(2024, 7, 1), c.OnOrBefore(d(2024, 7, 15)))
	assert.Equal(t, d(2024, 7, 16), c.OnOrAfter(d(2024, 7, 2)))
	assert.Equal(t, 0, c.WorkingDaysBetween(d(2024, 7, 2), d(2024, 7, 15)))

	// One more day makes 15.
	_, err := workday.New(workday.Options{ExtraClosed: append(extra, d(2024, 7, 16))})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "15 consecutive closed days")
}

func TestOptionsAreCopied(t *testing.T) {
	extra := []date.Date{d(2024, 5, 10), d(2024, 5, 10), d(2023, 11, 3)}
	c := mustNew(t, workday.Options{ChristmasEveClosed: true, ExtraClosed: extra})
	extra[0] = d(2024, 6, 3) // the caller changes its slice
	assert.False(t, c.IsWorkingDay(d(2024, 5, 10)))
	assert.True(t, c.IsWorkingDay(d(2024, 6, 3)))

	got := c.Options()
	assert.Equal(t, workday.Options{ChristmasEveClosed: true,
		ExtraClosed: []date.Date{d(2023, 11, 3), d(2024, 5, 10)}}, got, "sorted, without duplicates")
	got.ExtraClosed[0] = d(2024, 6, 4) // changing the copy changes nothing
	assert.True(t, c.IsWorkingDay(d(2024, 6, 4)))
	assert.False(t, c.IsWorkingDay(d(2023, 11, 3)))

	assert.Equal(t, workday.Options{}, workday.Danish().Options())
	again := mustNew(t, c.Options())
	assert.Equal(t, c.Options(), again.Options())
}

func TestZeroAndNilCalendarBehaveLikeDanish(t *testing.T) {
	var zero workday.Calendar
	var null *workday.Calendar
	dk := workday.Danish()
	for _, x := range []date.Date{d(2024, 4, 1), d(2025, 12, 24), d(2023, 5, 5), d(1900, 4, 16), d(2024, 2, 29)} {
		for _, c := range []*workday.Calendar{&zero, null} {
			assert.Equal(t, dk.OnOrBefore(x), c.OnOrBefore(x))
			assert.Equal(t, dk.OnOrAfter(x), c.OnOrAfter(x))
			assert.Equal(t, dk.IsWorkingDay(x), c.IsWorkingDay(x))
			r1, c1 := dk.Closed(x)
			r2, c2 := c.Closed(x)
			assert.Equal(t, r1, r2)
			assert.Equal(t, c1, c2)
			assert.Equal(t, dk.WorkingDaysBetween(x-30, x), c.WorkingDaysBetween(x-30, x))
		}
	}
	assert.Equal(t, workday.Options{}, zero.Options())
	assert.Equal(t, workday.Options{}, null.Options())
	assert.Equal(t, dk.String(), zero.String())
	assert.Equal(t, dk.String(), null.String())
}

func TestDanishIsShared(t *testing.T) {
	assert.Same(t, workday.Danish(), workday.Danish())
}

func TestString(t *testing.T) {
	assert.Equal(t,
		"workday.Calendar(DK: weekends and helligdage closed; juleaftensdag open; nytårsaftensdag open; 0 lukkedage)",
		workday.Danish().String())
	c := mustNew(t, workday.Options{ChristmasEveClosed: true, NewYearsEveClosed: true, ExtraClosed: []date.Date{d(2024, 5, 10)}})
	assert.Equal(t,
		"workday.Calendar(DK: weekends and helligdage closed; juleaftensdag closed; nytårsaftensdag closed; 1 lukkedage)",
		c.String())
}

// checkInvariants asserts the invariants of OnOrBefore and OnOrAfter for x.
func checkInvariants(t *testing.T, c *workday.Calendar, x date.Date) {
	t.Helper()
	got := c.OnOrBefore(x)
	require.LessOrEqual(t, got, x, "OnOrBefore(%d)", int64(x))
	if x >= math.MinInt64+workday.MaxClosedRun {
		require.True(t, c.IsWorkingDay(got), "OnOrBefore(%d) = %d is closed", int64(x), int64(got))
		require.LessOrEqual(t, int64(x-got), int64(workday.MaxClosedRun))
		for y := got + 1; y <= x && y > got; y++ {
			require.False(t, c.IsWorkingDay(y), "OnOrBefore(%d) = %d skips working day %d", int64(x), int64(got), int64(y))
		}
	} else if got != x {
		require.True(t, c.IsWorkingDay(got))
	}
	after := c.OnOrAfter(x)
	require.GreaterOrEqual(t, after, x, "OnOrAfter(%d)", int64(x))
	if x <= math.MaxInt64-workday.MaxClosedRun {
		require.True(t, c.IsWorkingDay(after), "OnOrAfter(%d) = %d is closed", int64(x), int64(after))
		require.LessOrEqual(t, int64(after-x), int64(workday.MaxClosedRun))
		for y := x; y < after; y++ {
			require.False(t, c.IsWorkingDay(y))
		}
	}
	_, closed := c.Closed(x)
	require.Equal(t, !closed, c.IsWorkingDay(x))
	if !closed {
		require.Equal(t, x, got)
		require.Equal(t, x, after)
	}
}

var propertyCalendars = sync.OnceValue(func() []*workday.Calendar {
	cals := []*workday.Calendar{workday.Danish()}
	for _, o := range []workday.Options{
		{ChristmasEveClosed: true},
		{ChristmasEveClosed: true, NewYearsEveClosed: true,
			ExtraClosed: append(weekdays(d(2024, 7, 2), d(2024, 7, 15)), d(1970, 1, 2), d(2024, 5, 10), d(2130, 12, 31), d(2500, 5, 14))},
	} {
		c, err := workday.New(o)
		if err != nil {
			panic(err)
		}
		cals = append(cals, c)
	}
	return cals
})

func TestOnOrBeforeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(20240401, 7))
	ranges := []struct{ lo, hi date.Date }{
		{d(1970, 1, 1), d(2131, 1, 1)},  // the window
		{d(2024, 1, 1), d(2026, 1, 1)},  // dense in the present
		{d(1583, 1, 1), d(10000, 1, 1)}, // all rule years
		{d(1969, 10, 1), d(1970, 4, 1)}, // window start
		{d(2130, 10, 1), d(2131, 4, 1)}, // window end
		{date.Min(), date.Max()},        // date's range
		{math.MinInt64, math.MinInt64 + 40},
		{math.MaxInt64 - 40, math.MaxInt64},
	}
	for _, c := range propertyCalendars() {
		for _, r := range ranges {
			for range 2000 {
				x := r.lo + date.Date(rng.Int64N(int64(r.hi-r.lo)))
				checkInvariants(t, c, x)
			}
		}
		for _, x := range []date.Date{math.MinInt64, math.MinInt64 + 1, -1, 0, 1, math.MaxInt64 - 1, math.MaxInt64} {
			checkInvariants(t, c, x)
		}
	}
}

func TestExtremesDoNotLoop(t *testing.T) {
	c := workday.Danish()
	minD, maxD := date.Date(math.MinInt64), date.Date(math.MaxInt64)
	// MinInt64 is a Sunday and there is no day before it.
	require.Equal(t, time.Sunday, minD.Weekday())
	assert.Equal(t, minD, c.OnOrBefore(minD))
	assert.Equal(t, minD+1, c.OnOrAfter(minD))
	// MaxInt64 is a Monday.
	require.Equal(t, time.Monday, maxD.Weekday())
	assert.Equal(t, maxD, c.OnOrBefore(maxD))
	assert.Equal(t, maxD, c.OnOrAfter(maxD))
	assert.Equal(t, maxD-3, c.OnOrBefore(maxD-1)) // Sun -> Fri
	assert.NotEmpty(t, c.String())
}

func TestConcurrentUse(t *testing.T) {
	start := d(2024, 1, 1)
	want := make([]date.Date, 800)
	for i := range want {
		want[i] = workday.Danish().OnOrBefore(start + date.Date(i))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := workday.Danish()
			for i := range want {
				x := start + date.Date((i+g*13)%len(want))
				if got := c.OnOrBefore(x); got != want[x-start] {
					errs <- fmt.Sprintf("OnOrBefore(%s) = %s, want %s", x, got, want[x-start])
					return
				}
				c.Closed(x)
				c.OnOrAfter(x + 40000) // outside the window
				_ = c.WorkingDaysBetween(x, x+30)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func FuzzOnOrBefore(f *testing.F) {
	for _, seed := range []int64{
		int64(d(2024, 4, 1)), int64(d(2023, 5, 5)), int64(d(2025, 12, 24)), int64(d(1970, 1, 1)),
		int64(d(2131, 1, 1)), int64(d(1900, 4, 16)), 0, -1, math.MinInt64, math.MaxInt64,
		int64(date.Min()), int64(date.Max()),
	} {
		f.Add(seed, uint8(0))
	}
	f.Fuzz(func(t *testing.T, day int64, which uint8) {
		cals := propertyCalendars()
		checkInvariants(t, cals[int(which)%len(cals)], date.Date(day))
	})
}
