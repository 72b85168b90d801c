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
	// Sort small pointer-free keys; the case and measure strings are only
	// read on a tie of working day and case-id prefix.
	type key struct {
		wd     date.Date
		prefix uint64 // the case id's first 8 bytes, big-endian: orders like the string
		ref    int32  // index into refs
	}
	type ref struct{ plan, i int32 }
	refs := make([]ref, 0, len(plans)/4+16)
	keys := make([]key, 0, len(plans)/4+16)
	for pi := range plans {
		p := &plans[pi]
		// Items are in working-day order from the first open one, which
		// the plan keeps a copy of: a plan whose next open item is past
		// the window has nothing in it, and its items need not be read.
		if p.next >= len(p.items) || p.nextItem.WorkingDay > to {
			continue
		}
		for i := p.next; i < len(p.items); i++ {
			it := &p.items[i]
			if it.WorkingDay > to {
				break
			}
			// In the window by its due date or its working day (an item due
			// on a Saturday has Friday as working day), or overdue.
			if !it.Status.Actionable() || (it.Due < from && it.Status != Overdue) || it.Kind == CourseEnd {
				continue
			}
			keys = append(keys, key{it.WorkingDay, prefix8(p.caseID), int32(len(refs))})
			refs = append(refs, ref{int32(pi), int32(i)})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.wd, b.wd); c != 0 {
			return c
		}
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
			return c
		}
		ra, rb := refs[a.ref], refs[b.ref]
		pa, pb := &plans[ra.plan], &plans[rb.plan]
		if c := cmp.Compare(pa.caseID, pb.caseID); c != 0 {
			return c
		}
		if c := cmp.Compare(pa.measure, pb.measure); c != 0 {
			return c
		}
		if c := cmp.Compare(ra.plan, rb.plan); c != 0 {
			return c
		}
		return cmp.Compare(ra.i, rb.i)
	})
	out := make([]Item, len(keys))
	for k, x := range keys {
		r := refs[x.ref]
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
		if err := r.scheduleInto(&plans[i], recs[i], opt); err != nil {
			return nil, fmt.Errorf("followup.Regime.ScheduleAll: record %d: %w", i, err)
		}
	}
	return plans, nil
}

// prefix8 packs the first 8 bytes of s big-endian, zero-padded, so that
// comparing prefixes orders like comparing the strings (ties fall back to
// the strings).
func prefix8(s string) uint64 {
	var x uint64
	for i := 0; i < 8; i++ {
		x <<= 8
		if i < len(s) {
			x |= uint64(s[i])
		}
	}
	return x
}
