package report

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
)

// Budget bounds the work of one report. Build checks it from the input
// alone, before it schedules anything, so a request over it is refused in
// time linear in the measures and without allocating the answer.
type Budget struct {
	// MaxWalkYears bounds each measure's walk: the scheduler steps from
	// the measure's start to its horizon (the report's Until, or the
	// measure's end if that is sooner), and no real measure of a child
	// runs that long. Over it, the measure is bad input.
	MaxWalkYears int
	// MaxItems bounds the items of the whole report as Estimate counts
	// them. Over it, Build returns an error wrapping ErrOverBudget.
	MaxItems int64
}

// MaxWalkYears is the walk every budget allows: 40 years. A child's
// measures end at 18, aftercare (efterværn) at 23; a walk longer than
// that is a wrong start date or a measure that should have ended, and
// the schedule of one would take far more work than it is worth.
const MaxWalkYears = 40

// CLIBudget is the schedule command's budget: a municipality's whole
// caseload in one run. 5,000,000 estimated items hold the 100,000
// generated cases of BenchmarkReport100k (133,334 measures, 3.1 million
// items estimated, 0.9 million made) with room to spare.
func CLIBudget() Budget { return Budget{MaxWalkYears: MaxWalkYears, MaxItems: 5_000_000} }

// ServiceBudget is the HTTP service's budget per request: 100,000
// estimated items, a team's or a district's caseload. The answer then
// stays under about 170 MB of JSON (1.7 KB an item).
func ServiceBudget() Budget { return Budget{MaxWalkYears: MaxWalkYears, MaxItems: 100_000} }

// ErrOverBudget is wrapped by the error of a report that would hold more
// items than its Budget allows.
var ErrOverBudget = errors.New("report over budget")

// densestDays is the shortest interval between items of one measure under
// Herning's rules: H-KORT's every 4 weeks. TestEstimateBoundsEveryIntervention
// checks the estimate against every intervention of the catalogue.
const densestDays = 28

// fixedItems covers the items a walk holds beyond one per densestDays:
// the first follow-ups at fixed offsets and the statutory ones.
const fixedItems = 8

// Cost is the estimated work of a report.
type Cost struct {
	// Measures is how many measures are scheduled.
	Measures int
	// WalkDays is the sum of every measure's walk, in days.
	WalkDays int64
	// Items is an upper bound on the items of the report: for each
	// measure, one per 28 days walked (or per the cadence decision's
	// interval, if shorter), one per follow-up held and 8 more.
	Items int64
}

// Estimate returns the work of scheduling cases up to until. It reads the
// input only.
func Estimate(cases []input.Case, until date.Date) Cost {
	var c Cost
	for _, k := range cases {
		for _, rec := range k.Measures {
			walk := walkDays(rec, until)
			c.Measures++
			c.WalkDays += walk
			c.Items += walk/everyDays(rec) + int64(len(rec.Held)) + fixedItems
		}
	}
	return c
}

// horizon is where the schedule of rec stops: until, or the measure's end
// if sooner.
func horizon(rec followup.Record, until date.Date) date.Date {
	if end, ok := rec.Measure.End(); ok && end < until {
		return end
	}
	return until
}

func walkDays(rec followup.Record, until date.Date) int64 {
	return max(0, int64(horizon(rec, until)-rec.Measure.Start()))
}

// everyDays is the shortest interval in days between the items of rec: 28,
// or a recorded cadence decision's interval with months counted as 28
// days, if shorter (at least 1).
func everyDays(rec followup.Record) int64 {
	every := int64(densestDays)
	if d := rec.Decision; d != nil {
		every = min(every, max(1, int64(d.Every.Months)*28+int64(d.Every.Days)))
	}
	return every
}

// check refuses a report over b: first every measure whose walk is longer
// than b.MaxWalkYears (bad input, naming the measure), then a total over
// b.MaxItems (wrapping ErrOverBudget).
func (b Budget) check(d *input.Data, cases []input.Case, until date.Date) error {
	index := caseIndex(d)
	var errs input.Errors
	for _, c := range cases {
		for j, rec := range c.Measures {
			start := rec.Measure.Start()
			h := horizon(rec, until)
			if h <= followup.AddMonths(start, 12*b.MaxWalkYears) {
				continue
			}
			errs = append(errs, &input.Error{File: d.File(), Field: fmt.Sprintf("cases[%d].measures[%d].start", index[c.ID], j),
				Value: strconv.Quote(start.String()), Case: c.ID, Measure: rec.Measure.ID(),
				Reason: fmt.Sprintf("the schedule would walk %d days from the start to %s (the measure's end, or the report's last day if sooner); "+
					"a walk may be at most %d years: is the start right, or should the measure have ended?", h-start, h, b.MaxWalkYears)})
			if len(errs) >= input.MaxErrors {
				return errs
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if cost := Estimate(cases, until); cost.Items > b.MaxItems {
		return fmt.Errorf("%w: %w", ErrOverBudget, input.Errors{{File: d.File(),
			Reason: fmt.Sprintf("the report could hold up to %d items (%d measures, walked over %d days in all from their starts to %s); "+
				"one report may hold at most %d: ask for one worker's cases, fewer cases at a time or fewer weeks",
				cost.Items, cost.Measures, cost.WalkDays, until, b.MaxItems)}})
	}
	return nil
}
