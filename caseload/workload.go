package caseload

import (
	"errors"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// MaxItemMinutes bounds the time one item may take: a working day and a
// half (preparation, travel, the meeting, the journal).
const MaxItemMinutes = 720

// Minutes is the time, in minutes, one item of each kind takes a case
// worker: preparation, travel, the meeting and the journal note. A kind
// not in the map takes no time but is still counted; a nil Minutes counts
// items only.
type Minutes map[followup.Kind]int

// Of returns the minutes for kind k (0 if not set).
func (m Minutes) Of(k followup.Kind) int { return m[k] }

func (m Minutes) check(op string) []error {
	var out []error
	kinds := make([]followup.Kind, 0, len(m))
	for k := range m {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		v := m[k]
		switch {
		case !k.IsValid():
			out = append(out, fmt.Errorf("%s: %w: minutes for invalid kind %s", op, ErrInput, k))
		case v < 0 || v > MaxItemMinutes:
			out = append(out, fmt.Errorf("%s: %w: minutes for %s are %d; want 0–%d", op, ErrInput, k, v, MaxItemMinutes))
		}
	}
	return out
}

// Period is one week or month of a workload report (the zero value is no
// period).
type Period struct {
	// Label is "2026-W03" for an ISO week, "2026-01" for a month.
	Label string    `json:"label"`
	From  date.Date `json:"from"` // first day (a Monday for a week)
	To    date.Date `json:"to"`   // last day
}

// Tally counts owed items and their time. The zero value is nothing owed.
type Tally struct {
	Items int `json:"items"`
	// Statutory is how many of the items the law requires: no exception
	// relaxes them.
	Statutory int `json:"statutory"`
	Minutes   int `json:"minutes"`
}

// Hours returns the minutes in hours.
func (t Tally) Hours() float64 { return float64(t.Minutes) / 60 }

func (t *Tally) add(it *followup.Item, minutes Minutes) {
	t.Items++
	if it.Statutory {
		t.Statutory++
	}
	t.Minutes += minutes[it.Kind]
}

// WorkerWorkload is what one worker owes over a report's horizon.
type WorkerWorkload struct {
	// Worker is the worker's id; "" for the unassigned cases.
	Worker   string `json:"worker"`
	Cases    int    `json:"cases"`
	Measures int    `json:"measures"`
	// Weekly and Monthly hold what is owed in each of the report's Weeks
	// and Months (same index).
	Weekly  []Tally `json:"weekly"`
	Monthly []Tally `json:"monthly"`
	// Owed is the total over the horizon.
	Owed Tally `json:"owed"`
	// Overdue is what fell due before the as-of date and was not held: a
	// backlog, not part of Owed or of any week.
	Overdue Tally `json:"overdue"`
}

// WorkloadReport is the follow-up workload of a team over a horizon.
type WorkloadReport struct {
	AsOf   date.Date `json:"asOf"`
	Until  date.Date `json:"until"`
	Weeks  []Period  `json:"weeks"`
	Months []Period  `json:"months"`
	// Workers are by worker id; every worker of the team is there, with
	// or without cases.
	Workers []WorkerWorkload `json:"workers"`
	// Unassigned is the work of the cases that have no worker yet.
	Unassigned WorkerWorkload `json:"unassigned"`
	// Findings are the scheduler's warnings about single measures (e.g. a
	// missing cadence decision under BL § 95), by case id: the workload of
	// such a measure is only what can be scheduled without it.
	Findings finding.List `json:"findings,omitempty"`
}

// Workload computes, for each worker, the follow-up items owed in each ISO
// week and each calendar month of [asOf, until], and with minutes the
// hours. Every measure of every case is scheduled with regime
// (Regime.Schedule with AsOf asOf and Until until), so the municipal
// rules, the statutory layer and the approved exceptions all count, and a
// held follow-up moves the chain as it does in the schedule.
//
// An item is owed when it is not done (not held, not a passed course end)
// and its due date lies in [asOf, until]; it is put in the week and month
// of its due date (its working day may be a day or two earlier). Items
// that fell due before asOf and were not held are reported apart as
// Overdue. Two measures of one child give two sets of follow-ups, even if
// in practice a meeting may cover both.
//
// Errors, all reported at once and wrapping ErrInput: a nil regime; a zero
// or out-of-range date; until before asOf or more than 10 years after it;
// invalid minutes; workers or cases without ids or with duplicate ids;
// cases naming a worker not in the team; zero or duplicate measures; and
// every error the scheduler reports for a measure (a follow-up held after
// asOf, an unknown exception, …), with the case named. Workload never
// changes team.
func Workload(team Team, regime *followup.Regime, asOf, until date.Date, minutes Minutes) (WorkloadReport, error) {
	const op = "caseload.Workload"
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %w: "+format, append([]any{op, ErrInput}, args...)...))
	}
	if regime == nil {
		bad("nil regime")
	}
	problem, okA := checkDay(asOf)
	if !okA {
		bad("as-of date: %s", problem.Text(msg.English))
	}
	problem, okU := checkDay(until)
	if !okU {
		bad("until date: %s", problem.Text(msg.English))
	}
	if okA && okU {
		if until < asOf {
			bad("until %s is before as-of %s", until, asOf)
		} else if until > followup.AddMonths(asOf, followup.MaxHorizonMonths) {
			bad("horizon to %s is more than 10 years after %s", until, asOf)
		}
	}
	errs = append(errs, minutes.check(op)...)
	a := analyse(team, Policy{}, asOf)
	for _, f := range slices.Concat(a.workerF, a.caseF) {
		if f.Severity == finding.Error && f.Code != CodeInvalidFTE {
			bad("%s [%s]: %s", f.Code, f.Subject, f.Text(msg.English))
		}
	}
	if len(errs) > 0 {
		return WorkloadReport{}, errors.Join(errs...)
	}

	r := WorkloadReport{AsOf: asOf, Until: until, Weeks: weeks(asOf, until), Months: months(asOf, until)}
	firstMonday := r.Weeks[0].From
	y0, m0, _ := r.Months[0].From.Date()
	base := y0*12 + int(m0) - 1
	newLoad := func(id string) WorkerWorkload {
		return WorkerWorkload{Worker: id, Weekly: make([]Tally, len(r.Weeks)), Monthly: make([]Tally, len(r.Months))}
	}
	r.Workers = make([]WorkerWorkload, len(a.workers))
	for i, wl := range a.workers {
		r.Workers[i] = newLoad(wl.Worker.ID)
	}
	r.Unassigned = newLoad("")
	opt := followup.Options{AsOf: asOf, Until: until}
	for _, ci := range sortedIdx(len(team.Cases), func(i int) string { return team.Cases[i].ID }) {
		c := &team.Cases[ci]
		if a.caseAt[c.ID] != ci {
			continue // a duplicate; reported above
		}
		ww := &r.Unassigned
		if c.Worker != "" {
			ww = &r.Workers[a.byID[c.Worker]]
		}
		ww.Cases++
		for _, rec := range c.Measures {
			rec.Case = c.ID // a copy: the input is not changed
			ww.Measures++
			plan, err := regime.Schedule(rec, opt)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w: case %q: %w", op, ErrInput, c.ID, err))
				continue
			}
			for _, f := range plan.Findings() {
				if f.Severity >= finding.Warning {
					r.Findings = append(r.Findings, f)
				}
			}
			for i := 0; i < plan.Len(); i++ {
				it := plan.At(i)
				switch {
				case it.Status == followup.Done:
				case it.Due < asOf:
					ww.Overdue.add(&it, minutes)
				case it.Due <= until:
					ww.Owed.add(&it, minutes)
					ww.Weekly[int(it.Due-firstMonday)/7].add(&it, minutes)
					y, m, _ := it.Due.Date()
					ww.Monthly[y*12+int(m)-1-base].add(&it, minutes)
				}
			}
		}
	}
	if len(errs) > 0 {
		return WorkloadReport{}, errors.Join(errs...)
	}
	return r, nil
}

// weeks returns the ISO weeks (Monday–Sunday) that overlap [from, to].
func weeks(from, to date.Date) []Period {
	mon := from - date.Date((int(from.Weekday())+6)%7)
	var out []Period
	for d := mon; d <= to; d += 7 {
		y, w := d.ISOWeek()
		out = append(out, Period{Label: fmt.Sprintf("%04d-W%02d", y, w), From: d, To: d + 6})
	}
	return out
}

// months returns the calendar months that overlap [from, to].
func months(from, to date.Date) []Period {
	y, m, _ := from.Date()
	d := date.New(y, m, 1)
	var out []Period
	for d <= to {
		next := followup.AddMonths(d, 1)
		y, m, _ := d.Date()
		out = append(out, Period{Label: fmt.Sprintf("%04d-%02d", y, int(m)), From: d, To: next - 1})
		d = next
	}
	return out
}
