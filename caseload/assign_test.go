package caseload_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// loaded builds a team of full-time workers w1, w3, w4 and the half-time
// w2 (Herning limits 10/12) holding the given numbers of cases.
func loaded(n1, n2, n3, n4 int) caseload.Team {
	return caseload.Team{
		Workers: []caseload.Worker{{ID: "w1", FTE: 1}, {ID: "w2", FTE: 0.5}, {ID: "w3", FTE: 1}, {ID: "w4", FTE: 1}},
		Cases:   concat(cases("a", "w1", n1), cases("b", "w2", n2), cases("c", "w3", n3), cases("d", "w4", n4)),
	}
}

func TestSuggest(t *testing.T) {
	on := d("2026-03-01")
	newCase := caseload.Case{ID: "n1"}
	akut := caseload.Herning().WithWeights(caseload.MustWeights(caseload.WeightSpec{Keys: map[string]float64{"akut": 2}}))
	tests := []struct {
		name   string
		team   caseload.Team
		policy caseload.Policy
		c      caseload.Case
		want   string
		codes  []string
		msg    string // the last finding's English message
	}{
		{
			// Shares of the own hard limit: w1 18/25 = 0.72, w2 8/12 = 0.67,
			// w3 20/25 (would pass soft), w4 18/25. The half-time w2 is the
			// least full.
			name: "least full relative to own limit", team: loaded(18, 8, 20, 18), policy: caseload.Herning(), c: newCase,
			want: "w2", codes: []string{caseload.CodeSuggested},
			msg: "Suggestion: case n1 to worker w2, who would then have 9 cases (soft limit 10, hard limit 12; Herning). The team leader decides.",
		},
		{
			// w2 9/12 = 0.75; w1 and w4 both 18/25 = 0.72, same load, same
			// headroom (25 − 19): the smaller id.
			name: "tie broken by id", team: loaded(18, 9, 20, 18), policy: caseload.Herning(), c: newCase,
			want: "w1", codes: []string{caseload.CodeSuggested},
		},
		{
			// Everyone would pass the soft limit; w1, w3, w4 at 20/25 = 0.8,
			// w2 at 10/12 = 0.83: w1, with a warning.
			name: "only over soft: the emptiest, with a warning", team: loaded(20, 10, 20, 20), policy: caseload.Herning(), c: newCase,
			want: "w1", codes: []string{caseload.CodeSuggested, caseload.CodeOverSoftLimit},
			msg: "With case n1, worker w1 would have 21 cases; the soft limit is 20 (Herning).",
		},
		{
			name: "prefer within soft over less loaded but over soft", team: loaded(19, 10, 25, 25), policy: caseload.Herning(), c: newCase,
			// w2 10/12 = 0.83 would go to 11 > 10; w1 19/25 = 0.76 stays at 20.
			want: "w1", codes: []string{caseload.CodeSuggested},
		},
		{
			name: "nobody has room", team: loaded(25, 12, 25, 26), policy: caseload.Herning(), c: newCase,
			want: "", codes: []string{caseload.CodeNoCapacity},
			msg: "No worker can take case n1 without going over their hard limit (Herning). The least loaded is w1 with 25 of 25. The team leader must move cases or find capacity outside the team.",
		},
		{
			// Weight 2: w1 at 19 would reach 21 > 20; w2 at 7 reaches 9 ≤ 10.
			name: "weighted new case", team: loaded(19, 7, 24, 24), policy: akut, c: caseload.Case{ID: "n1", Keys: []string{"akut"}},
			want: "w2", codes: []string{caseload.CodeSuggested},
			msg: "Suggestion: case n1 to worker w2, who would then have 8 cases, weighted 9 (soft limit 10, hard limit 12; Herning). The team leader decides.",
		},
		{
			// Weight 2 takes w2 from 11 to 13 > 12 and the others from 24 to 26.
			name: "weighted new case that fits nowhere", team: loaded(24, 11, 24, 24), policy: akut, c: caseload.Case{ID: "n1", Keys: []string{"akut"}},
			want: "", codes: []string{caseload.CodeNoCapacity},
		},
		{
			name: "no workers", team: caseload.Team{}, policy: caseload.Herning(), c: newCase,
			want: "", codes: []string{caseload.CodeNoCapacity},
			msg: "No worker in the team has valid limits, so case n1 cannot be assigned (Herning).",
		},
		{
			name:   "a worker with an invalid FTE is left out and said so",
			team:   caseload.Team{Workers: []caseload.Worker{{ID: "w0", FTE: 0}, {ID: "w1", FTE: 1}}, Cases: cases("a", "w1", 15)},
			policy: caseload.Herning(), c: newCase,
			want: "w1", codes: []string{caseload.CodeInvalidFTE, caseload.CodeSuggested},
		},
		{
			// DS 2020: the new hire (since 2026-01-01) has 15/22 and 14 cases,
			// 14/22 = 0.636; the experienced worker 20/30 and 19 cases,
			// 19/30 = 0.633. Both stay within soft.
			name: "new hire's reduced limits",
			team: caseload.Team{Workers: []caseload.Worker{{ID: "ny", FTE: 1, EmployedSince: d("2026-01-01")}, {ID: "erfaren", FTE: 1, EmployedSince: d("2015-01-01")}},
				Cases: concat(cases("a", "ny", 14), cases("b", "erfaren", 19))},
			policy: caseload.DS2020(), c: newCase,
			want: "erfaren", codes: []string{caseload.CodeSuggested},
		},
		{name: "no id", team: loaded(1, 1, 1, 1), policy: caseload.Herning(), c: caseload.Case{}, want: "", codes: []string{caseload.CodeMissingID}},
		{name: "already in the team", team: loaded(1, 1, 1, 1), policy: caseload.Herning(), c: caseload.Case{ID: "a01"}, want: "",
			codes: []string{caseload.CodeDuplicateCase}, msg: "Case a01 is already in the team; use CheckReassignment to move it."},
		{name: "zero measure", team: loaded(1, 1, 1, 1), policy: caseload.Herning(), c: caseload.Case{ID: "n1", Measures: []followup.Record{{}}},
			want: "", codes: []string{caseload.CodeInvalidMeasure}},
		{name: "invalid policy", team: loaded(1, 1, 1, 1), policy: caseload.Policy{}, c: newCase, want: "", codes: []string{caseload.CodeInvalidPolicy}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, fs := caseload.Suggest(tc.team, tc.policy, tc.c, on)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.want != "", ok)
			assert.Equal(t, tc.codes, fs.Codes())
			if tc.msg != "" {
				require.NotEmpty(t, fs)
				assert.Equal(t, tc.msg, fs[len(fs)-1].Text(msg.English))
			}
		})
	}
	_, ok, fs := caseload.Suggest(loaded(1, 1, 1, 1), caseload.Herning(), newCase, 0)
	assert.False(t, ok)
	assert.Equal(t, []string{caseload.CodeInvalidDate}, fs.Codes())
}

func TestSuggestDanishAndOrderAndInput(t *testing.T) {
	on := d("2026-03-01")
	build := func() (caseload.Team, caseload.Case) {
		return loaded(18, 9, 20, 18), caseload.Case{ID: "n1", Measures: []followup.Record{rec(t, "m1", "plejefamilie", "2026-03-01", "")}}
	}
	team, nc := build()
	id, ok, fs := caseload.Suggest(team, caseload.Herning(), nc, on)
	require.True(t, ok)
	assert.Equal(t, "w1", id)
	assert.Equal(t, "Forslag: sag n1 til rådgiver w1, som med sagen har 19 sager (bløde grænse 20, hårde grænse 25; Herning). Teamlederen fordeler.", fs[0].Text(msg.Danish))
	assert.Equal(t, caseload.SourceAssignment, fs[0].Source)
	t2, nc2 := build()
	assert.Equal(t, t2, team, "Suggest must not change the team")
	assert.Equal(t, nc2, nc, "Suggest must not change the new case")

	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		s, _ := build()
		rng.Shuffle(len(s.Workers), func(i, j int) { s.Workers[i], s.Workers[j] = s.Workers[j], s.Workers[i] })
		rng.Shuffle(len(s.Cases), func(i, j int) { s.Cases[i], s.Cases[j] = s.Cases[j], s.Cases[i] })
		got, _, gotFs := caseload.Suggest(s, caseload.Herning(), nc, on)
		assert.Equal(t, "w1", got)
		assert.Equal(t, fs, gotFs)
	}
}

func TestCheckReassignment(t *testing.T) {
	on := d("2026-03-01")
	dup := loaded(5, 5, 5, 5)
	dup.Cases = append(dup.Cases, caseload.Case{ID: "a01", Worker: "w3"})
	bad := loaded(5, 5, 5, 5)
	bad.Workers = append(bad.Workers, caseload.Worker{ID: "w5", FTE: 2})
	tests := []struct {
		name    string
		team    caseload.Team
		policy  caseload.Policy
		caseID  string
		to      string
		ok      bool
		codes   []string
		message string
	}{
		{"within soft", loaded(5, 9, 0, 0), caseload.Herning(), "a01", "w2", true, []string{}, ""},
		{"over soft: a warning", loaded(5, 10, 0, 0), caseload.Herning(), "a01", "w2", true, []string{caseload.CodeOverSoftLimit},
			"With case a01, worker w2 would have 11 cases; the soft limit is 10 = 20 × 0.5 FTE (Herning)."},
		{"over hard: refused", loaded(5, 12, 0, 0), caseload.Herning(), "a01", "w2", false, []string{caseload.CodeOverHardLimit},
			"With case a01, worker w2 would have 13 cases; the hard limit is 12 = 25 × 0.5 FTE (Herning)."},
		{"same worker", loaded(30, 0, 0, 0), caseload.Herning(), "a01", "w1", true, []string{caseload.CodeSameWorker}, "Case a01 is already with worker w1."},
		{"unknown case", loaded(5, 5, 5, 5), caseload.Herning(), "zz", "w2", false, []string{caseload.CodeUnknownCase}, `Case "zz" is not in the team.`},
		{"unknown worker", loaded(5, 5, 5, 5), caseload.Herning(), "a01", "w9", false, []string{caseload.CodeUnknownWorker}, `Worker "w9" is not in the team.`},
		{"both unknown", loaded(5, 5, 5, 5), caseload.Herning(), "", "", false, []string{caseload.CodeUnknownCase, caseload.CodeUnknownWorker}, ""},
		{"duplicated case", dup, caseload.Herning(), "a01", "w2", false, []string{caseload.CodeDuplicateCase}, ""},
		{"target without valid limits", bad, caseload.Herning(), "a01", "w5", false, []string{caseload.CodeInvalidFTE}, ""},
		{"invalid policy", loaded(5, 5, 5, 5), caseload.Policy{}, "a01", "w2", false, []string{caseload.CodeInvalidPolicy}, ""},
		{"moving a case away from an unknown worker", caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}}, Cases: []caseload.Case{{ID: "x1", Worker: "gone"}}},
			caseload.Herning(), "x1", "w1", true, []string{}, ""},
		{"moving an unassigned case in", caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}}, Cases: append(cases("a", "w1", 25), caseload.Case{ID: "u1"})},
			caseload.Herning(), "u1", "w1", false, []string{caseload.CodeOverHardLimit}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok, fs := caseload.CheckReassignment(tc.team, tc.policy, tc.caseID, tc.to, on)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.codes, fs.Codes())
			if tc.message != "" {
				require.NotEmpty(t, fs)
				assert.Equal(t, tc.message, fs[len(fs)-1].Text(msg.English))
			}
			if !ok {
				assert.True(t, fs.HasErrors())
			}
		})
	}
	ok, fs := caseload.CheckReassignment(loaded(5, 5, 5, 5), caseload.Herning(), "a01", "w2", 0)
	assert.False(t, ok)
	assert.Equal(t, []string{caseload.CodeInvalidDate}, fs.Codes())
	assert.Equal(t, finding.Error, fs[0].Severity)
}

func TestSuggestCaseIDLikeAWorkerID(t *testing.T) {
	// A worker finding whose subject happens to equal the new case's id
	// must not stop the suggestion.
	team := caseload.Team{Workers: []caseload.Worker{{ID: "x", FTE: 3}, {ID: "w1", FTE: 1}}}
	id, ok, fs := caseload.Suggest(team, caseload.Herning(), caseload.Case{ID: "x"}, d("2026-03-01"))
	assert.True(t, ok)
	assert.Equal(t, "w1", id)
	assert.Equal(t, []string{caseload.CodeInvalidFTE, caseload.CodeSuggested}, fs.Codes())
}
