package caseload_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

func TestShippedPolicies(t *testing.T) {
	h := caseload.Herning()
	assert.Equal(t, "Herning", h.Name())
	assert.Equal(t, 20.0, h.Soft())
	assert.Equal(t, 25.0, h.Hard())
	assert.Equal(t, 25.0, h.TeamAverage())
	months, factor := h.NewHire()
	assert.Equal(t, 0, months)
	assert.Equal(t, 1.0, factor)
	assert.Contains(t, h.Source(), "KORA 2017 §1")
	assert.Contains(t, h.Source(), "s. 32–35")
	assert.True(t, h.IsValid())

	ds := caseload.DS2020()
	assert.Equal(t, 20.0, ds.Soft())
	assert.Equal(t, 30.0, ds.Hard())
	months, factor = ds.NewHire()
	assert.Equal(t, 6, months)
	assert.Equal(t, 0.75, factor)
	assert.Equal(t, "Dansk Socialrådgiverforening, vejledende sagstal (feb. 2020)", ds.Source())

	assert.Equal(t, "Herning (soft 20, hard 25, team average 25)", h.String())
	assert.Equal(t, "DS 2020 (soft 20, hard 30, team average 30, new hires × 0.75 for 6 months)", ds.String())
	assert.Equal(t, "caseload.Policy(<zero>)", caseload.Policy{}.String())
	assert.False(t, caseload.Policy{}.IsValid())
}

func TestNewPolicyErrors(t *testing.T) {
	ok := caseload.PolicySpec{Name: "X", Soft: 20, Hard: 25, TeamAverage: 25}
	tests := []struct {
		name  string
		edit  func(*caseload.PolicySpec)
		codes []string
		want  string // in the error text
	}{
		{"negative soft", func(s *caseload.PolicySpec) { s.Soft = -1 }, []string{"caseload.policy.soft"}, "soft is -1; it must be positive"},
		{"zero hard", func(s *caseload.PolicySpec) { s.Hard = 0 }, []string{"caseload.policy.hard"}, "hard is 0"},
		{"NaN hard", func(s *caseload.PolicySpec) { s.Hard = math.NaN() }, []string{"caseload.policy.hard"}, "hard is NaN, not a number"},
		{"infinite soft", func(s *caseload.PolicySpec) { s.Soft = math.Inf(1) }, []string{"caseload.policy.soft"}, "soft is +Inf"},
		{"soft above hard", func(s *caseload.PolicySpec) { s.Soft = 26 }, []string{"caseload.policy.soft-above-hard"}, "The soft limit 26 is above the hard limit 25"},
		{"average zero", func(s *caseload.PolicySpec) { s.TeamAverage = 0 }, []string{"caseload.policy.teamAverage"}, "teamAverage is 0"},
		{"average negative", func(s *caseload.PolicySpec) { s.TeamAverage = -25 }, []string{"caseload.policy.teamAverage"}, "teamAverage is -25"},
		{"too large", func(s *caseload.PolicySpec) { s.Hard = 5000 }, []string{"caseload.policy.hard"}, "at most 1000"},
		{"factor above 1", func(s *caseload.PolicySpec) { s.NewHireMonths, s.NewHireFactor = 6, 1.5 }, []string{"caseload.policy.newHireFactor"}, "newHireFactor is 1.5; it must be in (0, 1]"},
		{"factor zero with period", func(s *caseload.PolicySpec) { s.NewHireMonths = 6 }, []string{"caseload.policy.newHireFactor"}, "newHireFactor is 0"},
		{"factor NaN", func(s *caseload.PolicySpec) { s.NewHireMonths, s.NewHireFactor = 6, math.NaN() }, []string{"caseload.policy.newHireFactor"}, "NaN"},
		{"factor without period", func(s *caseload.PolicySpec) { s.NewHireFactor = 0.5 }, []string{"caseload.policy.newHireFactor"}, "newHireMonths is 0"},
		{"negative period", func(s *caseload.PolicySpec) { s.NewHireMonths, s.NewHireFactor = -1, 0.5 }, []string{"caseload.policy.newHireMonths"}, "newHireMonths is -1"},
		{"no name", func(s *caseload.PolicySpec) { s.Name = " " }, []string{"caseload.policy.name"}, "no name"},
		{"all at once", func(s *caseload.PolicySpec) { *s = caseload.PolicySpec{Soft: -1, Hard: math.NaN(), TeamAverage: -3} },
			[]string{"caseload.policy.name", "caseload.policy.soft", "caseload.policy.hard", "caseload.policy.teamAverage"}, "4 problems"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := ok
			tc.edit(&spec)
			p, err := caseload.NewPolicy(spec)
			require.Error(t, err)
			assert.False(t, p.IsValid())
			var le *finding.ListError
			require.True(t, errors.As(err, &le))
			assert.Equal(t, tc.codes, le.Findings.Codes())
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "caseload.NewPolicy")
		})
	}
	_, err := caseload.NewPolicy(ok)
	assert.NoError(t, err)
}

func TestLimitsFor(t *testing.T) {
	ds := caseload.DS2020()
	on := d("2026-03-01")
	tests := []struct {
		name       string
		policy     caseload.Policy
		fte        float64
		since      string
		soft, hard float64
		newHire    string // last day of the new-hire period, or ""
	}{
		{"Herning full time", caseload.Herning(), 1, "2020-01-01", 20, 25, ""},
		{"Herning 0.8 FTE: 16 / 20", caseload.Herning(), 0.8, "2020-01-01", 16, 20, ""},
		{"Herning 0.75 FTE: 15 / 18.75 rounds down to 18", caseload.Herning(), 0.75, "2020-01-01", 15, 18, ""},
		{"Herning 0.9 FTE: 18 / 22.5 → 22 (no float drift under 18)", caseload.Herning(), 0.9, "2020-01-01", 18, 22, ""},
		{"Herning new hire: no reduction in Herning", caseload.Herning(), 1, "2026-02-01", 20, 25, ""},
		{"DS experienced", ds, 1, "2020-01-01", 20, 30, ""},
		{"DS new hire: 20×0.75=15, 30×0.75=22.5→22", ds, 1, "2026-01-01", 15, 22, "2026-06-30"},
		{"DS half-time new hire: 20×0.375=7.5→7, 30×0.375=11.25→11", ds, 0.5, "2026-01-01", 7, 11, "2026-06-30"},
		{"DS last day of the period", ds, 1, "2025-09-02", 15, 22, "2026-03-01"},
		{"DS first day after the period", ds, 1, "2025-09-01", 20, 30, ""},
		{"DS 31 Aug + 6 months clamps to 28 Feb: period ends 27 Feb", ds, 1, "2025-08-31", 20, 30, ""},
		{"DS not started yet counts as new", ds, 1, "2026-04-01", 15, 22, "2026-09-30"},
		{"DS no employment date: experienced", ds, 1, "", 20, 30, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := caseload.Worker{ID: "w1", FTE: tc.fte}
			if tc.since != "" {
				w.EmployedSince = d(tc.since)
			}
			l, err := tc.policy.LimitsFor(w, on)
			require.NoError(t, err)
			assert.Equal(t, tc.soft, l.Soft)
			assert.Equal(t, tc.hard, l.Hard)
			assert.Equal(t, tc.newHire != "", l.NewHire())
			if tc.newHire != "" {
				assert.Equal(t, d(tc.newHire), l.NewHireUntil)
			}
		})
	}
}

func TestLimitsForErrors(t *testing.T) {
	on := d("2026-03-01")
	for _, fte := range []float64{0, -0.5, 1.2, math.NaN(), math.Inf(1)} {
		_, err := caseload.Herning().LimitsFor(caseload.Worker{ID: "w9", FTE: fte}, on)
		require.Error(t, err, "FTE %v", fte)
		assert.ErrorIs(t, err, caseload.ErrInput)
		assert.Contains(t, err.Error(), `worker "w9": FTE`)
		assert.Contains(t, err.Error(), "is not in (0, 1]")
	}
	_, err := caseload.Herning().LimitsFor(caseload.Worker{ID: "w1", FTE: 1}, 0)
	assert.ErrorContains(t, err, "zero date")
	_, err = caseload.Policy{}.LimitsFor(caseload.Worker{ID: "w1", FTE: 1}, on)
	assert.ErrorContains(t, err, "invalid policy")
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	w := caseload.MustWeights(caseload.WeightSpec{Default: 1, Steps: map[ladder.Step]float64{ladder.Institution: 1.5},
		Interventions: map[string]float64{"mst": 1.25}, Keys: map[string]float64{"akut": 2}})
	for _, p := range []caseload.Policy{caseload.Herning(), caseload.DS2020(), caseload.DS2020().WithWeights(w)} {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var back caseload.Policy
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, p.Equal(back), "%s", b)
	}
	b, err := json.Marshal(caseload.DS2020().WithWeights(w))
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"DS 2020","source":"Dansk Socialrådgiverforening, vejledende sagstal (feb. 2020)","soft":20,"hard":30,"teamAverage":30,
		"newHireMonths":6,"newHireFactor":0.75,
		"weights":{"default":1,"steps":{"institution":1.5},"interventions":{"mst":1.25},"keys":{"akut":2}}}`, string(b))

	assert.Equal(t, "DS 2020 (soft 20, hard 30, team average 30, new hires × 0.75 for 6 months, weighted)", caseload.DS2020().WithWeights(w).String())
	_, err = json.Marshal(caseload.Policy{})
	assert.Error(t, err)
	p := caseload.Herning()
	err = json.Unmarshal([]byte(`{"name":"X","soft":30,"hard":25,"teamAverage":25}`), &p)
	assert.ErrorContains(t, err, "soft-above-hard")
	assert.True(t, p.Equal(caseload.Herning()), "unchanged on error")
	err = json.Unmarshal([]byte(`{"name":"X","soft":20,"hard":25,"teamAverage":25,"weights":{"keys":{"x":-1}}}`), &p)
	assert.ErrorContains(t, err, "cannot be negative")
}

func TestPolicySpecIsACopy(t *testing.T) {
	w := caseload.MustWeights(caseload.WeightSpec{Keys: map[string]float64{"akut": 2}})
	p := caseload.Herning().WithWeights(w)
	spec := p.Spec()
	ws := spec.Weights.Spec()
	ws.Keys["akut"] = 9
	assert.Equal(t, 2.0, p.Weights().Spec().Keys["akut"])
	assert.False(t, caseload.Herning().Equal(p))
	assert.True(t, caseload.Herning().Equal(caseload.Herning()))
}
