package report

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// The estimate is an upper bound on the items the scheduler makes, for
// every intervention of the catalogue under Herning's rules, over walks
// from none to 39 years; with follow-ups held every day for two months
// (each held one can start a new chain); and with a cadence decision of
// one day. If a rule set ever schedules more densely, this fails and
// densestDays or fixedItems must change.
func TestEstimateBoundsEveryIntervention(t *testing.T) {
	reg := followup.Herning()
	start := ladder.MustParseDate("2011-01-03") // the regimes know the law from 2011 on
	check := func(t *testing.T, rec followup.Record, until date.Date) (estimate, got int64) {
		t.Helper()
		p, err := reg.Schedule(rec, followup.Options{AsOf: until, Until: until})
		require.NoError(t, err)
		got = int64(len(p.Items()))
		estimate = Estimate([]input.Case{{ID: "c", Measures: []followup.Record{rec}}}, until).Items
		assert.LessOrEqual(t, got, estimate, "%s over %d days, %d held", rec.Measure, until-start, len(rec.Held))
		return estimate, got
	}
	for _, iv := range ladder.Default().All() {
		m, err := ladder.NewMeasure("m", iv, start, 0)
		require.NoError(t, err)
		for _, years := range []int{0, 1, 2, 5, 10, 39} {
			check(t, followup.Record{Case: "c", Measure: m}, followup.AddMonths(start, 12*years)+1)
		}
		var daily []followup.Held
		for d := range 60 {
			daily = append(daily, followup.Held{On: start + date.Date(d), ChildConversation: true})
		}
		check(t, followup.Record{Case: "c", Measure: m, Held: daily}, followup.AddMonths(start, 12))
	}
	// H-KORT is the densest rule (every 4 weeks): the estimate is tight
	// there. 39 years from 2011-01-03 are 39 × 365 days and the 10 leap
	// days of 2012…2048, 14,245, and the day after: 14,246 / 28 = 508.8,
	// so 508 + 0 + 8.
	m, err := ladder.Default().NewMeasure("m", "korttidsanbringelse", start, 0)
	require.NoError(t, err)
	estimate, got := check(t, followup.Record{Case: "c", Measure: m}, followup.AddMonths(start, 12*39)+1)
	assert.Equal(t, int64(508+8), estimate)
	assert.Greater(t, got, estimate-12)
	// Under Barnets Lov (2024 on) a cadence decision of one day makes
	// about one item a day.
	start = ladder.MustParseDate("2024-01-08")
	m, err = ladder.Default().NewMeasure("m", "kostskole", start, 0)
	require.NoError(t, err)
	decided := &followup.CadenceDecision{DecidedOn: start, Every: followup.MustParseSpan("P1D")}
	estimate, got = check(t, followup.Record{Case: "c", Measure: m, Decision: decided}, start+400)
	assert.Equal(t, int64(400+8), estimate)
	assert.Greater(t, got, int64(300))
}

func TestEstimate(t *testing.T) {
	d := decode(t, `{"cases": [{"id": "c1", "measures": [
	    {"id": "m1", "intervention": "mst", "start": "2026-01-01", "end": "2026-01-29"},
	    {"id": "m2", "intervention": "mst", "start": "2026-01-01", "followups": [{"date": "2026-01-02"}, {"date": "2026-01-03"}]},
	    {"id": "m3", "intervention": "mst", "start": "2027-01-01"},
	    {"id": "m4", "intervention": "kostskole", "start": "2026-01-01", "decision": {"every": "P1W"}}]}]}`)
	// until 2026-03-01: m1 walks 28 days to its end (1 + 0 + 8), m2 59
	// days (2 + 2 + 8), m3 none (0 + 0 + 8), m4 59 days a week at a time
	// (8 + 0 + 8).
	c := Estimate(d.Cases, ladder.MustParseDate("2026-03-01"))
	assert.Equal(t, Cost{Measures: 4, WalkDays: 28 + 59 + 0 + 59, Items: 9 + 12 + 8 + 16}, c)
}

// A start a century back used to be scheduled in full: the walk from it to
// the horizon is now bad input, named, before anything is scheduled.
func TestBuildRefusesLongWalk(t *testing.T) {
	asOf := ladder.MustParseDate("2026-11-16") // until 2026-11-23 with one week
	doc := func(start, end string) string {
		if end != "" {
			end = `, "end": "` + end + `"`
		}
		return `{"cases": [{"id": "c1", "measures": [{"id": "ok", "intervention": "mst", "start": "2026-01-05"},
		  {"id": "m1", "intervention": "plejefamilie", "start": "` + start + `"` + end + `}]}]}`
	}
	_, err := Build(decode(t, doc("1900-01-01", "")), Options{AsOf: asOf, Weeks: 1})
	l := input.AsErrors(err)
	require.Len(t, l, 1, "%v", err)
	assert.False(t, errors.Is(err, ErrOverBudget), "a bad start is bad input, not a budget")
	assert.Equal(t, "cases[0].measures[1].start", l[0].Field)
	assert.Equal(t, `"1900-01-01"`, l[0].Value)
	assert.Equal(t, "m1", l[0].Measure)
	// 1900-01-01 to 2026-11-23: 126 years of 365 days, 31 leap days
	// (1904…2024, 1900 is not leap) and 326 days of 2026: 45,990 + 31 + 326.
	assert.Equal(t, "the schedule would walk 46347 days from the start to 2026-11-23 (the measure's end, or the report's last day if sooner); "+
		"a walk may be at most 40 years: is the start right, or should the measure have ended?", l[0].Reason)

	// Exactly 40 years to the horizon (2060-11-23) is allowed, a day more
	// is not.
	later := ladder.MustParseDate("2060-11-16")
	_, err = Build(decode(t, doc("2020-11-23", "")), Options{AsOf: later, Weeks: 1})
	assert.NoError(t, err)
	_, err = Build(decode(t, doc("2020-11-22", "")), Options{AsOf: later, Weeks: 1})
	assert.Error(t, err)
	// The walk stops at the measure's end: 20 years, though the start is
	// 50 years before the horizon.
	_, err = Build(decode(t, doc("2011-01-03", "2030-12-31")), Options{AsOf: later, Weeks: 1})
	assert.NoError(t, err)
}

func TestBuildRefusesOverBudget(t *testing.T) {
	var cases []string
	for i := range 20 {
		cases = append(cases, fmt.Sprintf(`{"id": "c%d", "measures": [{"id": "m1", "intervention": "korttidsanbringelse", "start": "2025-11-17"}]}`, i))
	}
	d := decode(t, `{"cases": [`+strings.Join(cases, ",")+`]}`)
	asOf := ladder.MustParseDate("2026-11-16")
	// 2025-11-17 to 2026-11-23: 371 days, 13 + 0 + 8 = 21 items each.
	assert.Equal(t, Cost{Measures: 20, WalkDays: 20 * 371, Items: 20 * 21}, Estimate(d.Cases, asOf+7))
	_, err := Build(d, Options{AsOf: asOf, Weeks: 1, Budget: Budget{MaxWalkYears: 40, MaxItems: 419}})
	require.ErrorIs(t, err, ErrOverBudget)
	l := input.AsErrors(err)
	require.Len(t, l, 1)
	assert.Equal(t, "the report could hold up to 420 items (20 measures, walked over 7420 days in all from their starts to 2026-11-23); "+
		"one report may hold at most 419: ask for one worker's cases, fewer cases at a time or fewer weeks", l[0].Reason)
	r, err := Build(d, Options{AsOf: asOf, Weeks: 1, Budget: Budget{MaxWalkYears: 40, MaxItems: 420}})
	require.NoError(t, err)
	assert.LessOrEqual(t, len(r.Items), 420)
	// One worker's cases fit where all do not.
	_, err = Build(d, Options{AsOf: asOf, Weeks: 1, Worker: "", Budget: Budget{MaxWalkYears: 40, MaxItems: 21}})
	assert.ErrorIs(t, err, ErrOverBudget)
}

func TestBudgets(t *testing.T) {
	assert.Equal(t, Budget{MaxWalkYears: 40, MaxItems: 5_000_000}, CLIBudget())
	assert.Equal(t, Budget{MaxWalkYears: 40, MaxItems: 100_000}, ServiceBudget())
}

// The report's last day must be a supported date too: as-of 2199-12-31
// with one week would run into 2200.
func TestBuildUntilInRange(t *testing.T) {
	d := decode(t, `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2199-01-05"}]}]}`)
	_, err := Build(d, Options{AsOf: ladder.MustParseDate("2199-12-31"), Weeks: 1})
	l := input.AsErrors(err)
	require.Len(t, l, 1, "%v", err)
	assert.Equal(t, "weeks", l[0].Field)
	assert.Equal(t, "the report would run from 2199-12-31 to 2200-01-07, after the last supported date 2199-12-31: give fewer weeks or an earlier as-of date", l[0].Reason)
	_, err = Build(d, Options{AsOf: ladder.MustParseDate("2199-12-24"), Weeks: 1})
	assert.NoError(t, err)
	_, err = Build(d, Options{AsOf: 0, Weeks: 1})
	assert.ErrorIs(t, err, ladder.ErrDateRange)
}
