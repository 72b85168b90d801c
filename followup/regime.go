package followup

import (
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
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
	add := func(code, subj, da, en string) {
		l = append(l, finding.Finding{Code: code, Severity: finding.Error, Subject: subj, Da: da, En: en})
	}
	if municipal != nil && municipal.Layer() != Municipal {
		add("regime.layer", municipal.Name(), "Det kommunale regelsæt er ikke markeret municipal.", "The municipal rule set is not of the municipal layer.")
	}
	if len(statutory) == 0 {
		add("regime.statutory.missing", "", "Angiv mindst ét lovgrundlag.", "Give at least one statutory rule set.")
	}
	sets := make([]*RuleSet, 0, len(statutory))
	for i, s := range statutory {
		if s == nil {
			add("regime.statutory.nil", fmt.Sprintf("statutory[%d]", i), "Tomt lovgrundlag.", "Nil statutory rule set.")
			continue
		}
		sets = append(sets, s)
		if s.Layer() != Statutory {
			add("regime.layer", s.Name(), "Regelsættet er ikke et lovgrundlag (statutory).", "The rule set is not of the statutory layer.")
		}
	}
	slices.SortFunc(sets, func(a, b *RuleSet) int { return int(a.Effective() - b.Effective()) })
	for i := 1; i < len(sets); i++ {
		prev := sets[i-1]
		if prev.spec.Until == 0 || prev.spec.Until >= sets[i].Effective() {
			add("regime.statutory.overlap", sets[i].Name(),
				fmt.Sprintf("%s overlapper %s: det ældste skal slutte før det nye træder i kraft %s.", prev.Name(), sets[i].Name(), sets[i].Effective()),
				fmt.Sprintf("%s overlaps %s: the older must end before the newer takes effect on %s.", prev.Name(), sets[i].Name(), sets[i].Effective()))
		}
	}
	if err := l.Err("followup.NewRegime"); err != nil {
		return nil, err
	}
	return &Regime{municipal: municipal, statutory: sets}, nil
}

// Municipal returns the municipal rule set (nil for the law alone).
func (r *Regime) Municipal() *RuleSet { return r.municipal }

// StatutorySets returns the statutory rule sets, oldest first.
func (r *Regime) StatutorySets() []*RuleSet { return slices.Clone(r.statutory) }

// StatutoryAt returns the statutory rule set in force on d, or nil.
func (r *Regime) StatutoryAt(d date.Date) *RuleSet {
	for i := len(r.statutory) - 1; i >= 0; i-- {
		if r.statutory[i].InForce(d) {
			return r.statutory[i]
		}
	}
	return nil
}

// nextStatutory returns the first statutory set that takes effect after d.
func (r *Regime) nextStatutory(d date.Date) *RuleSet {
	for _, s := range r.statutory {
		if s.Effective() > d {
			return s
		}
	}
	return nil
}
