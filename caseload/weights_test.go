package caseload_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

func TestWeightsOf(t *testing.T) {
	w := caseload.MustWeights(caseload.WeightSpec{
		Steps:         map[ladder.Step]float64{ladder.Institution: 1.5, ladder.FosterFamily: 1.2, ladder.Preventive: 0.5},
		Interventions: map[string]float64{"korttidsanbringelse": 2, "mst": 1.3},
		Keys:          map[string]float64{"akut": 1.8, "let": 0.4},
	})
	on := d("2026-03-01")
	inst := rec(t, "m1", "doegninstitution", "2026-01-05", "")
	kort := rec(t, "m2", "korttidsanbringelse", "2026-01-05", "")
	pleje := rec(t, "m3", "plejefamilie", "2025-01-05", "")
	early := rec(t, "m4", "tidlig-forebyggende", "2026-02-01", "")
	mst := rec(t, "m5", "mst", "2026-02-01", "")
	ended := rec(t, "m6", "doegninstitution", "2025-01-05", "2025-12-31")
	famtreat := rec(t, "m7", "familiebehandling", "2026-02-01", "")
	tests := []struct {
		name     string
		measures []followup.Record
		keys     []string
		want     float64
	}{
		{"no measure, no key: default 1", nil, nil, 1},
		{"institution step", []followup.Record{inst}, nil, 1.5},
		{"the code wins over its step (korttid on the institution step)", []followup.Record{kort}, nil, 2},
		{"max over measures, not the sum", []followup.Record{inst, pleje}, nil, 1.5},
		{"a light measure alone weighs less than 1", []followup.Record{early}, nil, 0.5},
		{"light and heavy: the heaviest", []followup.Record{early, mst}, nil, 1.3},
		{"an ended measure does not count", []followup.Record{ended}, nil, 1},
		{"an unweighted step gives no weight: default", []followup.Record{famtreat}, nil, 1},
		{"unweighted measure next to a light one: the light one", []followup.Record{famtreat, early}, nil, 0.5},
		{"a key", nil, []string{"akut"}, 1.8},
		{"key and measure: the max", []followup.Record{inst}, []string{"akut"}, 1.8},
		{"light key on an institution case: the max", []followup.Record{inst}, []string{"let"}, 1.5},
		{"unknown key: default", nil, []string{"ukendt"}, 1},
		{"a zero (invalid) measure is ignored", []followup.Record{{}}, nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := caseload.Case{ID: "c1", Measures: tc.measures, Keys: tc.keys}
			assert.Equal(t, tc.want, w.Of(c, on))
		})
	}
	var zero caseload.Weights
	assert.True(t, zero.IsZero())
	assert.Equal(t, 1.0, zero.Of(caseload.Case{Measures: []followup.Record{inst}}, on))
	assert.False(t, w.IsZero())
	half := caseload.MustWeights(caseload.WeightSpec{Default: 0.5})
	assert.Equal(t, 0.5, half.Of(caseload.Case{}, on))
}

func TestNewWeightsErrors(t *testing.T) {
	tests := []struct {
		name  string
		spec  caseload.WeightSpec
		codes []string
		want  string
	}{
		{"negative default", caseload.WeightSpec{Default: -1}, []string{"caseload.weights.value"}, "The weight for default is -1: a weight cannot be negative."},
		{"NaN step", caseload.WeightSpec{Steps: map[ladder.Step]float64{ladder.HomeBased: math.NaN()}}, []string{"caseload.weights.value"}, "step hjemmebaseret is NaN: not a number"},
		{"everyday life", caseload.WeightSpec{Steps: map[ladder.Step]float64{ladder.EverydayLife: 1}}, []string{"caseload.weights.step"}, "Step hverdagsliv holds no measures"},
		{"invalid step", caseload.WeightSpec{Steps: map[ladder.Step]float64{ladder.Step(9): 1}}, []string{"caseload.weights.step"}, "ladder.Step(9)"},
		{"too heavy", caseload.WeightSpec{Interventions: map[string]float64{"mst": 11}}, []string{"caseload.weights.value"}, "intervention mst is 11: at most 10"},
		{"empty key", caseload.WeightSpec{Keys: map[string]float64{"": 1}}, []string{"caseload.weights.key"}, "A key in the weights is empty"},
		{"infinite key", caseload.WeightSpec{Keys: map[string]float64{"a": math.Inf(-1)}}, []string{"caseload.weights.value"}, "key a is -Inf"},
		{"all at once, in order", caseload.WeightSpec{Default: -2, Steps: map[ladder.Step]float64{ladder.Network: -1, ladder.Universal: -1},
			Interventions: map[string]float64{"b": -1, "a": -1}},
			[]string{"caseload.weights.value", "caseload.weights.value", "caseload.weights.value", "caseload.weights.value", "caseload.weights.value"}, "5 problems"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := caseload.NewWeights(tc.spec)
			var le *finding.ListError
			require.True(t, errors.As(err, &le), "%v", err)
			assert.Equal(t, tc.codes, le.Findings.Codes())
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// Order: default, steps by rank, interventions and keys by name.
	_, err := caseload.NewWeights(caseload.WeightSpec{Default: -2, Steps: map[ladder.Step]float64{ladder.Network: -1, ladder.Universal: -1},
		Interventions: map[string]float64{"b": -1, "a": -1}})
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	var subjects []string
	for _, f := range le.Findings {
		subjects = append(subjects, f.Subject)
	}
	assert.Equal(t, []string{"default", "step almen", "step netvaerk", "intervention a", "intervention b"}, subjects)
	assert.Panics(t, func() { caseload.MustWeights(caseload.WeightSpec{Default: -1}) })
}

func TestWeightsCopyAndJSON(t *testing.T) {
	keys := map[string]float64{"akut": 2}
	w := caseload.MustWeights(caseload.WeightSpec{Keys: keys})
	keys["akut"] = 9 // the caller's map is not the weights' map
	assert.Equal(t, 2.0, w.Of(caseload.Case{Keys: []string{"akut"}}, d("2026-01-01")))
	s := w.Spec()
	s.Keys["akut"] = 7
	assert.Equal(t, 2.0, w.Spec().Keys["akut"])

	b, err := json.Marshal(w)
	require.NoError(t, err)
	assert.JSONEq(t, `{"keys":{"akut":2}}`, string(b))
	var back caseload.Weights
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, w.Equal(back))
	err = json.Unmarshal([]byte(`{"steps":{"trappe":1}}`), &back)
	assert.ErrorContains(t, err, `unknown step "trappe"`)
	assert.True(t, w.Equal(back), "unchanged on error")
}
