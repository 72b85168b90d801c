package followup

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/rickb777/date/v2"
)

// DueIn returns what the case worker can act on across many plans —
// overdue, or upcoming with its due date or working day in the window
// from–to — sorted by working day, then case, then measure, then due date.
// It is what a team leader's or a worker's list shows. Missed items (of
// ended measures) are findings, not tasks, and are left out. The plans are
// not changed.
func DueIn(plans []Plan, from, to date.Date) ([]Item, error) {
	return dueAppend("followup.DueIn", nil, plans, from, to)
}

// DueAppend is DueIn appending to dst, a caller's buffer: with a buffer
// large enough it does not allocate (its sort keys are pooled).
func DueAppend(dst []Item, plans []Plan, from, to date.Date) ([]Item, error) {
	return dueAppend("followup.DueAppend", dst, plans, from, to)
}

// dueKey is a small pointer-free sort key of an item in DueIn.
type dueKey struct {
	wd     date.Date
	prefix uint64 // the case id's first 8 bytes, big-endian: orders like the string
	plan   int32
	i      int32
}

var dueKeys = sync.Pool{New: func() any { k := make([]dueKey, 0, 1024); return &k }}

func dueAppend(op string, dst []Item, plans []Plan, from, to date.Date) ([]Item, error) {
	if from < minDate || to > maxDate || to < from {
		return dst, fmt.Errorf("%s: %w: invalid window %s–%s", op, ErrInput, from, to)
	}
	if to > AddMonths(from, MaxHorizonMonths) {
		return dst, fmt.Errorf("%s: %w: window %s–%s is longer than 10 years", op, ErrInput, from, to)
	}
	// Sort small pointer-free keys; the case and measure strings are only
	// read on a tie of working day and case-id prefix.
	kp := dueKeys.Get().(*[]dueKey)
	defer dueKeys.Put(kp)
	keys := (*kp)[:0]
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
			keys = append(keys, dueKey{it.WorkingDay, prefix8(p.caseID), int32(pi), int32(i)})
		}
	}
	slices.SortFunc(keys, func(a, b dueKey) int {
		if c := cmp.Compare(a.wd, b.wd); c != 0 {
			return c
		}
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
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
	dst = slices.Grow(dst, len(keys))
	for _, k := range keys {
		dst = append(dst, plans[k.plan].items[k.i])
	}
	*kp = keys[:0]
	return dst, nil
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
