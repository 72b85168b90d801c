package followup

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"
)

// DueIn returns everything not done across many plans whose working day is
// on or before to and whose due date is on or after from, or that is
// overdue, sorted by
// working day, then case, then measure, then due date. It is what a team
// leader's or a worker's list shows. The plans are not changed.
func DueIn(plans []Plan, from, to date.Date) ([]Item, error) {
	if from == 0 || to == 0 || to < from {
		return nil, fmt.Errorf("followup.DueIn: %w: invalid window %s–%s", ErrInput, from, to)
	}
	if to > AddMonths(from, MaxHorizonMonths) {
		return nil, fmt.Errorf("followup.DueIn: %w: window %s–%s is longer than 10 years", ErrInput, from, to)
	}
	type ref struct {
		wd      date.Date
		plan, i int32
	}
	refs := make([]ref, 0, len(plans)/2+16)
	for pi := range plans {
		p := &plans[pi]
		for i := p.next; i < len(p.items); i++ {
			it := &p.items[i]
			if it.WorkingDay > to {
				break
			}
			// In the window by its due date or its working day (an item due
			// on a Saturday has Friday as working day), or overdue.
			if it.Status == Done || (it.Due < from && it.Status != Overdue) || it.Kind == CourseEnd {
				continue
			}
			refs = append(refs, ref{it.WorkingDay, int32(pi), int32(i)})
		}
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if c := cmp.Compare(a.wd, b.wd); c != 0 {
			return c
		}
		pa, pb := &plans[a.plan], &plans[b.plan]
		if c := cmp.Compare(pa.caseID, pb.caseID); c != 0 {
			return c
		}
		if c := cmp.Compare(pa.measure, pb.measure); c != 0 {
			return c
		}
		if c := cmp.Compare(a.plan, b.plan); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	out := make([]Item, len(refs))
	for k, r := range refs {
		out[k] = plans[r.plan].items[r.i]
	}
	return out, nil
}

// ScheduleAll schedules many records with the same options, for a
// caseload. It stops at the first error, which names the record's index
// and measure.
func (r *Regime) ScheduleAll(recs []Record, opt Options) ([]Plan, error) {
	plans := make([]Plan, len(recs))
	for i := range recs {
		if err := r.scheduleInto(&plans[i], recs[i], opt, nil); err != nil {
			return nil, fmt.Errorf("followup.Regime.ScheduleAll: record %d: %w", i, err)
		}
	}
	return plans, nil
}
