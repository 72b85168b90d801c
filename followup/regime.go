package followup

import (
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Regime is a municipal rule set layered on the statutory ones, like a
// reform over a baseline. The statutory sets are effective-dated and the
// one in force on an item's due date applies. A Regime is immutable and safe
// for concurrent use.
type Regime struct {
	municipal *RuleSet
	statutory []*RuleSet // by Effective
}

// NewRegime layers a municipal rule set (nil for the law alone) on the
// statutory sets. The statutory sets must be statutory, and must not
// overlap in time; the municipal set must be municipal. Every problem is
// reported at once.
func NewRegime(municipal *RuleSet, statutory ...*RuleSet) (*Regime, error) {
	var l finding.List
	add := func(code, subj string, args ...any) {
		l = append(l, finding.New(code, finding.Error, subj, "", args...))
	}
	if municipal != nil && municipal.Layer() != Municipal {
		add("regime.layer", municipal.Name(), "layer", msg.String(municipal.Layer().String()), "want", msg.String(Municipal.String()))
	}
	if len(statutory) == 0 {
		add("regime.statutory.missing", "")
	}
	sets := make([]*RuleSet, 0, len(statutory))
	for i, s := range statutory {
		if s == nil {
			add("regime.statutory.nil", fmt.Sprintf("statutory[%d]", i))
			continue
		}
		sets = append(sets, s)
		if s.Layer() != Statutory {
			add("regime.layer", s.Name(), "layer", msg.String(s.Layer().String()), "want", msg.String(Statutory.String()))
		}
	}
	slices.SortFunc(sets, func(a, b *RuleSet) int { return int(a.Effective() - b.Effective()) })
	for i := 1; i < len(sets); i++ {
		prev, next := sets[i-1], sets[i]
		switch {
		case prev.spec.Until == 0 || prev.spec.Until >= next.Effective():
			add("regime.statutory.overlap", next.Name(),
				"older", msg.String(prev.Name()), "newer", msg.String(next.Name()), "effective", msg.Date(next.Effective()))
		case prev.spec.Until+1 < next.Effective():
			add("regime.statutory.gap", next.Name(),
				"from", msg.Date(prev.spec.Until+1), "to", msg.Date(next.Effective()-1),
				"older", msg.String(prev.Name()), "ends", msg.Date(prev.spec.Until),
				"newer", msg.String(next.Name()), "effective", msg.Date(next.Effective()))
		}
	}
	if err := l.Err("followup.NewRegime"); err != nil {
		return nil, err
	}
	return &Regime{municipal: municipal, statutory: sets}, nil
}

// Municipal returns the municipal rule set (nil for the law alone, or for
// a nil regime).
func (r *Regime) Municipal() *RuleSet {
	if r == nil {
		return nil
	}
	return r.municipal
}

// StatutorySets returns the statutory rule sets, oldest first (none for a
// nil or zero regime).
func (r *Regime) StatutorySets() []*RuleSet {
	if r == nil {
		return nil
	}
	return slices.Clone(r.statutory)
}

// StatutoryAt returns the statutory rule set in force on d, or nil.
func (r *Regime) StatutoryAt(d date.Date) *RuleSet {
	if r == nil {
		return nil
	}
	for i := len(r.statutory) - 1; i >= 0; i-- {
		if r.statutory[i].InForce(d) {
			return r.statutory[i]
		}
	}
	return nil
}

// indexFrom returns the index of the statutory set in force on d, or of the
// first one to take effect after d.
func (r *Regime) indexFrom(d date.Date) int {
	for i, s := range r.statutory {
		if s.spec.Until == 0 || d <= s.spec.Until {
			return i
		}
	}
	return len(r.statutory) - 1
}

// usable reports a nil or zero regime (one not built by NewRegime): it has
// no law to schedule by, and scheduling with it would silently owe nothing.
func (r *Regime) usable(op string) error {
	if r == nil {
		return fmt.Errorf("%s: %w: nil regime; build one with NewRegime or use Herning()", op, ErrInput)
	}
	if len(r.statutory) == 0 {
		return fmt.Errorf("%s: %w: the regime has no statutory rule set (a zero Regime); build one with NewRegime", op, ErrInput)
	}
	return nil
}

// covers reports an error unless a statutory set is in force on every day
// from first to last (NewRegime has made sure the sets leave no gap).
func (r *Regime) covers(first, last date.Date, measure string) error {
	lo, hi := r.statutory[0], r.statutory[len(r.statutory)-1]
	switch {
	case first < lo.Effective():
		return fmt.Errorf("%s: %w: measure %q: %s is before the first statutory rule set %q takes effect on %s; the regime does not know the law then", opSchedule, ErrInput, measure, first, lo.Name(), lo.Effective())
	case hi.spec.Until != 0 && last > hi.spec.Until:
		return fmt.Errorf("%s: %w: measure %q: %s is after the last statutory rule set %q ends on %s; add the law in force after it to the regime", opSchedule, ErrInput, measure, last, hi.Name(), hi.spec.Until)
	}
	return nil
}
