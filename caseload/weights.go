package caseload

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// MaxWeight bounds a case weight (sagstyngde): no case counts as more than
// ten ordinary ones.
const MaxWeight = 10

// WeightSpec is the data of a set of case weights (sagstyngde), as a vendor
// writes it in Go or JSON. NewWeights validates it.
//
// A case's weight is looked up among the measures active on the day and the
// case's own keys (Case.Keys):
//
//   - for each active measure, its intervention code in Interventions, or,
//     if the code is not there, its step in Steps;
//   - for each key of the case, the key in Keys.
//
// The case weighs the largest of the weights found, or Default when none is
// found (a case with no active measure and no key weighs Default). The
// largest, not the sum: a case is one child, and a second measure for the
// same child does not make it two cases — it can make it a heavier one.
type WeightSpec struct {
	// Default is the weight of a case that matches no entry; 0 means 1.
	Default       float64                 `json:"default,omitempty"`
	Steps         map[ladder.Step]float64 `json:"steps,omitempty"`
	Interventions map[string]float64      `json:"interventions,omitempty"`
	// Keys are the vendor's own weight categories, e.g. "akut" or
	// "tung", matched against Case.Keys.
	Keys map[string]float64 `json:"keys,omitempty"`
}

// Weights is a validated, immutable set of case weights (sagstyngde). The
// zero value has no entries: every case weighs 1, so a caseload is a plain
// count of children. Build one with NewWeights.
type Weights struct {
	spec WeightSpec // maps are private copies, never handed out
}

// NewWeights validates spec and returns the weights. Every weight must be a
// finite number from 0 to MaxWeight; steps must be steps a measure can sit
// on; codes and keys must not be empty. Every problem is reported at once
// in a *finding.ListError. The maps are copied.
func NewWeights(spec WeightSpec) (Weights, error) {
	var l finding.List
	checkW := func(subject string, of msg.Message, w float64) {
		if problem, ok := checkWeight(of, w); !ok {
			l = append(l, detailed("caseload.weights.value", finding.Error, subject, "", problem))
		}
	}
	if spec.Default != 0 {
		checkW("default", msg.New("caseload.weights.of.default"), spec.Default)
	}
	for _, s := range sortedSteps(spec.Steps) {
		if !s.IsValid() || s == ladder.EverydayLife {
			l = append(l, finding.New("caseload.weights.step", finding.Error, s.String(), "", "step", msg.String(s.String())))
			continue
		}
		checkW("step "+s.String(), msg.New("caseload.weights.of.step", "step", msg.String(s.String())), spec.Steps[s])
	}
	for _, k := range slices.Sorted(maps.Keys(spec.Interventions)) {
		if k == "" {
			l = append(l, detailed("caseload.weights.key", finding.Error, "interventions", "", msg.New("caseload.weights.key.intervention")))
			continue
		}
		checkW("intervention "+k, msg.New("caseload.weights.of.intervention", "intervention", msg.String(k)), spec.Interventions[k])
	}
	for _, k := range slices.Sorted(maps.Keys(spec.Keys)) {
		if k == "" {
			l = append(l, detailed("caseload.weights.key", finding.Error, "keys", "", msg.New("caseload.weights.key.key")))
			continue
		}
		checkW("key "+k, msg.New("caseload.weights.of.key", "key", msg.String(k)), spec.Keys[k])
	}
	if err := l.Err("caseload.NewWeights"); err != nil {
		return Weights{}, err
	}
	return Weights{spec: spec.clone()}, nil
}

// MustWeights is NewWeights for tests and literals; it panics on error.
func MustWeights(spec WeightSpec) Weights {
	w, err := NewWeights(spec)
	if err != nil {
		panic(err)
	}
	return w
}

// checkWeight says what is wrong with the weight w for of, if anything.
func checkWeight(of msg.Message, w float64) (problem msg.Message, ok bool) {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		return msg.New("caseload.weights.value.not-a-number", "of", msg.Nested(of), "weight", num(w)), false
	case w < 0:
		return msg.New("caseload.weights.value.negative", "of", msg.Nested(of), "weight", num(w)), false
	case w > MaxWeight:
		return msg.New("caseload.weights.value.too-heavy", "of", msg.Nested(of), "weight", num(w), "max", msg.Int(MaxWeight)), false
	}
	return msg.Message{}, true
}

func sortedSteps(m map[ladder.Step]float64) []ladder.Step {
	return slices.Sorted(maps.Keys(m))
}

func (s WeightSpec) clone() WeightSpec {
	s.Steps = maps.Clone(s.Steps)
	s.Interventions = maps.Clone(s.Interventions)
	s.Keys = maps.Clone(s.Keys)
	return s
}

// Spec returns a copy of the weights' data.
func (w Weights) Spec() WeightSpec { return w.spec.clone() }

// IsZero reports whether w has no entries and the default weight 1: every
// case counts as one.
func (w Weights) IsZero() bool {
	return (w.spec.Default == 0 || w.spec.Default == 1) && len(w.spec.Steps) == 0 && len(w.spec.Interventions) == 0 && len(w.spec.Keys) == 0
}

// Equal reports whether w and v hold the same weights.
func (w Weights) Equal(v Weights) bool {
	return w.Default() == v.Default() && maps.Equal(w.spec.Steps, v.spec.Steps) &&
		maps.Equal(w.spec.Interventions, v.spec.Interventions) && maps.Equal(w.spec.Keys, v.spec.Keys)
}

// Default returns the weight of a case that matches no entry (1 unless set).
func (w Weights) Default() float64 {
	if w.spec.Default == 0 {
		return 1
	}
	return w.spec.Default
}

// Of returns the weight of case c on date on: the largest weight among its
// active measures and its keys, or Default if none has one. Measures that
// are not active on the day do not count. The case is not changed.
func (w Weights) Of(c Case, on date.Date) float64 {
	best, found := 0.0, false
	take := func(x float64, ok bool) {
		if ok && (!found || x > best) {
			best, found = x, true
		}
	}
	for i := range c.Measures {
		m := c.Measures[i].Measure
		if !m.ActiveOn(on) {
			continue
		}
		iv := m.Intervention()
		if x, ok := w.spec.Interventions[iv.Code]; ok {
			take(x, true)
			continue
		}
		x, ok := w.spec.Steps[iv.Step]
		take(x, ok)
	}
	for _, k := range c.Keys {
		x, ok := w.spec.Keys[k]
		take(x, ok)
	}
	if !found {
		return w.Default()
	}
	return best
}

// MarshalJSON writes the spec.
func (w Weights) MarshalJSON() ([]byte, error) { return json.Marshal(w.spec) }

// UnmarshalJSON reads a spec and validates it like NewWeights; on error w is
// unchanged.
func (w *Weights) UnmarshalJSON(b []byte) error {
	var s WeightSpec
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("caseload.Weights.UnmarshalJSON: %w", err)
	}
	v, err := NewWeights(s)
	if err != nil {
		return err
	}
	*w = v
	return nil
}
