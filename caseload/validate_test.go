package caseload_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// messyTeam has one of every problem. Loads (Herning, full-time limits
// 20/25): w1 27 cases (over hard), w2 22 (over soft), w3 at 0.8 FTE 21
// (hard 25 × 0.8 = 20: over hard), w4 has FTE 1.2 (invalid).
func messyTeam(t testing.TB) caseload.Team {
	team := caseload.Team{Workers: []caseload.Worker{
		{ID: "w3", Name: "Cai", Team: "nord", FTE: 0.8},
		{ID: "w1", Name: "Anna", Team: "nord", FTE: 1},
		{ID: "w2", Name: "Bo", Team: "nord", FTE: 1},
		{ID: "w4", Name: "Dea", Team: "nord", FTE: 1.2},
		{ID: "w2", Name: "Bo igen", Team: "syd", FTE: 1},
		{ID: "", Name: "Uden id", FTE: 1},
	}}
	team.Cases = concat(cases("a", "w1", 27), cases("b", "w2", 22), cases("c", "w3", 21), cases("d", "w4", 5))
	team.Cases = append(team.Cases,
		caseload.Case{ID: "x1", Worker: "w9"},
		caseload.Case{ID: "u1"},
		// Two zero measures. (A measure dated outside 1900–2199 can no
		// longer be built: ladder.NewMeasure rejects it.)
		caseload.Case{ID: "m1", Worker: "w4", Measures: []followup.Record{{}, {}}},
		caseload.Case{ID: "m2", Worker: "w4", Measures: []followup.Record{rec(t, "k1", "mst", "2026-01-05", ""), rec(t, "k1", "fft", "2026-01-05", "")}},
		caseload.Case{ID: "", Worker: "w1"},
		caseload.Case{ID: "a01", Worker: "w2"}, // a duplicate: the first a01 (w1's) counts
	)
	return team
}

func TestValidateEveryFindingInOrder(t *testing.T) {
	team := messyTeam(t)
	got := caseload.Validate(team, caseload.Herning(), d("2026-03-01"))
	type row struct {
		code    string
		sev     finding.Severity
		subject string
	}
	var rows []row
	for _, f := range got {
		rows = append(rows, row{f.Code, f.Severity, f.Subject})
		assertRenders(t, f.Message())
	}
	assert.Equal(t, []row{
		{caseload.CodeMissingID, finding.Error, "workers[5]"},
		{caseload.CodeDuplicateWorker, finding.Error, "w2"},
		{caseload.CodeInvalidFTE, finding.Error, "w4"},
		{caseload.CodeMissingID, finding.Error, "cases[79]"},
		{caseload.CodeDuplicateCase, finding.Error, "a01"},
		{caseload.CodeInvalidMeasure, finding.Error, "m1"},
		{caseload.CodeInvalidMeasure, finding.Error, "m1"},
		{caseload.CodeDuplicateMeasure, finding.Error, "m2"},
		{caseload.CodeUnassigned, finding.Warning, "u1"},
		{caseload.CodeUnknownWorker, finding.Error, "x1"},
		{caseload.CodeOverHardLimit, finding.Error, "w1"},
		{caseload.CodeOverSoftLimit, finding.Warning, "w2"},
		{caseload.CodeOverHardLimit, finding.Error, "w3"},
	}, rows)

	byKey := map[string]finding.Finding{}
	for _, f := range got {
		byKey[f.Code+"/"+f.Subject] = f
	}
	f := byKey["caseload.over-hard-limit/w1"]
	assert.Equal(t, "Rådgiver w1 (Anna) har 27 sager; den hårde grænse er 25 (Herning). Fordel ikke flere sager til rådgiveren, og flyt sager.", f.Text(msg.Danish))
	assert.Equal(t, "Worker w1 (Anna) has 27 cases; the hard limit is 25 (Herning). Assign no more cases to the worker, and move cases.", f.Text(msg.English))
	assert.Equal(t, caseload.SourceHerning, f.Source)
	f = byKey["caseload.over-soft-limit/w2"]
	assert.Equal(t, "Rådgiver w2 (Bo) har 22 sager; den bløde grænse er 20 (Herning).", f.Text(msg.Danish))
	assert.Equal(t, "Worker w2 (Bo) has 22 cases; the soft limit is 20 (Herning).", f.Text(msg.English))
	f = byKey["caseload.over-hard-limit/w3"]
	assert.Equal(t, "Rådgiver w3 (Cai) har 21 sager; den hårde grænse er 20 = 25 × 0,8 årsværk (Herning). Fordel ikke flere sager til rådgiveren, og flyt sager.", f.Text(msg.Danish))
	assert.Equal(t, "Worker w3 (Cai) has 21 cases; the hard limit is 20 = 25 × 0.8 FTE (Herning). Assign no more cases to the worker, and move cases.", f.Text(msg.English))
	assert.Equal(t, "Worker w4 (Dea) has FTE 1.2; it must be above 0 and at most 1. The limits cannot be worked out.", byKey["caseload.invalid-fte/w4"].Text(msg.English))
	assert.Equal(t, "Case id a01 occurs 2 times; a case is one child and counts once (the first).", byKey["caseload.duplicate-case/a01"].Text(msg.English))
	assert.Equal(t, "Sag x1 står på rådgiver w9, som ikke er i teamet; sagen tælles ikke med.", byKey["caseload.unknown-worker/x1"].Text(msg.Danish))
	assert.Equal(t, "Case m1 has an invalid (zero) measure at position 1; build measures with ladder.NewMeasure.", got[6].Text(msg.English))
	assert.Equal(t, "Case u1 is not assigned to a worker. The team leader assigns new cases after the 24-hour assessment.", byKey["caseload.unassigned/u1"].Text(msg.English))
	assert.Equal(t, caseload.SourceAssignment, byKey["caseload.unassigned/u1"].Source)

	// The team average of nord counts w1, w2 and w3 (w4's FTE is invalid):
	// (27 + 22 + 21) / (1 + 1 + 0.8) = 70 / 2.8 = 25 — at the ceiling, not over.
	assert.NotContains(t, got.Codes(), caseload.CodeTeamAverage)
	assert.True(t, got.HasErrors())
}

func TestValidateLoads(t *testing.T) {
	loads := caseload.Loads(messyTeam(t), caseload.Herning(), d("2026-03-01"))
	type row struct {
		id       string
		cases    int
		limitsOK bool
		hard     float64
	}
	var rows []row
	for _, l := range loads {
		rows = append(rows, row{l.Worker.ID, l.Cases, l.LimitsOK, l.Limits.Hard})
	}
	// The duplicate w2 and the id-less worker are left out; m1 and m2 are
	// w4's, so w4 holds 5 + 2 = 7.
	assert.Equal(t, []row{{"w1", 27, true, 25}, {"w2", 22, true, 25}, {"w3", 21, true, 20}, {"w4", 7, false, 0}}, rows)
}

func TestValidateTeamAverage(t *testing.T) {
	team := caseload.Team{
		Workers: []caseload.Worker{
			{ID: "n1", Team: "nord", FTE: 1}, {ID: "n2", Team: "nord", FTE: 0.5},
			{ID: "s1", Team: "syd", FTE: 1}, {ID: "z1", FTE: 1},
		},
		Cases: concat(cases("n1-", "n1", 26), cases("n2-", "n2", 14), cases("s1-", "s1", 25), cases("z1-", "z1", 26)),
	}
	got := caseload.Validate(team, caseload.Herning(), d("2026-03-01"))
	// n1: 26 > 25 hard; n2: 14 > 12 (25 × 0.5 = 12.5 → 12) hard; s1: 25 > 20
	// soft; z1: 26 > 25 hard.
	// nord: 40 cases / 1.5 FTE = 26.67 > 25; syd: 25 / 1 = 25, not over;
	// workers with no team: 26 / 1 > 25.
	assert.Equal(t, []string{
		caseload.CodeOverHardLimit, caseload.CodeOverHardLimit, caseload.CodeOverSoftLimit, caseload.CodeOverHardLimit,
		caseload.CodeTeamAverage, caseload.CodeTeamAverage,
	}, got.Codes())
	assert.Equal(t, "", got[4].Subject)
	assert.Equal(t, "Workers with no team averages 26 cases per FTE (26 cases on 1 FTE); the ceiling is 25 on average (Herning).", got[4].Text(msg.English))
	assert.Equal(t, "nord", got[5].Subject)
	assert.Equal(t, finding.Warning, got[5].Severity)
	assert.Equal(t, "Team nord har i gennemsnit 26,67 sager pr. årsværk (40 sager på 1,5 årsværk); loftet er 25 i gennemsnit (Herning).", got[5].Text(msg.Danish))
	assert.Equal(t, "Team nord averages 26.67 cases per FTE (40 cases on 1.5 FTE); the ceiling is 25 on average (Herning).", got[5].Text(msg.English))
}

func TestValidateCountsChildrenNotMeasures(t *testing.T) {
	// 21 cases: one child with three measures, 20 with none. 21 > 20 soft,
	// not 23.
	c := caseload.Case{ID: "c00", Worker: "w1", Measures: []followup.Record{
		rec(t, "m1", "plejefamilie", "2025-01-05", ""), rec(t, "m2", "efterskole", "2025-08-10", ""), rec(t, "m3", "kontaktperson", "2025-09-01", ""),
	}}
	team := caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}}, Cases: append(cases("c", "w1", 20), c)}
	got := caseload.Validate(team, caseload.Herning(), d("2026-03-01"))
	require.Len(t, got, 1)
	assert.Equal(t, "Worker w1 has 21 cases; the soft limit is 20 (Herning).", got[0].Text(msg.English))
}

func TestValidateWeightedAndNewHire(t *testing.T) {
	on := d("2026-03-01")
	w := caseload.MustWeights(caseload.WeightSpec{Steps: map[ladder.Step]float64{ladder.Institution: 1.5}})
	inst := func(id string) caseload.Case {
		return caseload.Case{ID: id, Worker: "w1", Measures: []followup.Record{rec(t, "m-"+id, "doegninstitution", "2026-01-05", "")}}
	}
	team := caseload.Team{Workers: []caseload.Worker{{ID: "w1", Name: "Anna", FTE: 1, EmployedSince: d("2020-01-01")}},
		Cases: append(cases("c", "w1", 12), inst("i1"), inst("i2"), inst("i3"), inst("i4"), inst("i5"), inst("i6"))}
	// 12 × 1 + 6 × 1.5 = 21 > 20.
	got := caseload.Validate(team, caseload.Herning().WithWeights(w), on)
	require.Len(t, got, 1)
	// The weighted load reads as in the other texts ("18 sager, vægtet 21").
	assert.Equal(t, "Rådgiver w1 (Anna) har 18 sager, vægtet 21; den bløde grænse er 20 (Herning).", got[0].Text(msg.Danish))
	assert.Equal(t, "Worker w1 (Anna) has 18 cases, weighted 21; the soft limit is 20 (Herning).", got[0].Text(msg.English))
	// Unweighted, 18 is fine.
	assert.Empty(t, caseload.Validate(team, caseload.Herning(), on))

	// DS 2020, a new hire from 1 Jan 2026 with 16 cases: soft 20 × 0.75 = 15.
	newHire := caseload.Team{Workers: []caseload.Worker{{ID: "w2", FTE: 1, EmployedSince: d("2026-01-01")}, {ID: "w3", FTE: 1}},
		Cases: cases("c", "w2", 16)}
	got = caseload.Validate(newHire, caseload.DS2020(), on)
	assert.Equal(t, []string{caseload.CodeNewHire, caseload.CodeNoEmploymentDate, caseload.CodeOverSoftLimit}, got.Codes())
	assert.Equal(t, "Worker w2 is a new hire (from 2026-01-01); the limits are 15/22 cases until 2026-06-30 (DS 2020).", got[0].Text(msg.English))
	assert.Equal(t, finding.Info, got[0].Severity)
	assert.Equal(t, "w3", got[1].Subject)
	assert.Equal(t, "Rådgiver w2 har 16 sager; den bløde grænse er 15 = 20 × 0,75 som nyansat til 2026-06-30 (DS 2020).", got[2].Text(msg.Danish))
	assert.Equal(t, "Worker w2 has 16 cases; the soft limit is 15 = 20 × 0.75 as a new hire until 2026-06-30 (DS 2020).", got[2].Text(msg.English))
	// Herning has no new-hire period, so neither info finding.
	assert.Empty(t, caseload.Validate(newHire, caseload.Herning(), on))
}

func TestValidateBadPolicyAndDate(t *testing.T) {
	team := caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}}, Cases: cases("c", "w1", 40)}
	got := caseload.Validate(team, caseload.Policy{}, 0)
	assert.Equal(t, []string{caseload.CodeInvalidPolicy, caseload.CodeInvalidDate}, got.Codes())
	assert.Contains(t, got[0].Text(msg.English), "The caseload policy is invalid, so the limits cannot be checked: The policy has no name")
	assert.Equal(t, "The date is missing (zero). The limits cannot be checked.", got[1].Text(msg.English))
	got = caseload.Validate(team, caseload.Herning(), date.New(1850, time.January, 1)) // ParseDate rejects it
	assert.Equal(t, []string{caseload.CodeInvalidDate}, got.Codes())
	assert.Equal(t, "The date 1850-01-01 is outside 1900–2199. The limits cannot be checked.", got[0].Text(msg.English))
	assert.Nil(t, caseload.Validate(caseload.Team{}, caseload.Herning(), d("2026-03-01")))
}

func TestValidateDoesNotDependOnOrderOrChangeInput(t *testing.T) {
	build := func() caseload.Team {
		team := caseload.Team{Workers: []caseload.Worker{
			{ID: "w1", Team: "nord", FTE: 1}, {ID: "w2", Team: "nord", FTE: 0.5}, {ID: "w3", Team: "syd", FTE: 1, EmployedSince: d("2026-02-01")},
		}}
		team.Cases = concat(cases("a", "w1", 26), cases("b", "w2", 11), cases("c", "w3", 18), cases("u", "", 2))
		team.Cases = append(team.Cases, caseload.Case{ID: "z", Worker: "w1", Keys: []string{"akut"},
			Measures: []followup.Record{rec(t, "m1", "opholdssted", "2025-06-01", "")}})
		return team
	}
	p := caseload.DS2020().WithWeights(caseload.MustWeights(caseload.WeightSpec{Keys: map[string]float64{"akut": 2}}))
	on := d("2026-03-01")
	team := build()
	want := caseload.Validate(team, p, on)
	require.NotEmpty(t, want)
	assert.Equal(t, build(), team, "Validate must not change its input")

	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := build()
		rng.Shuffle(len(shuffled.Workers), func(i, j int) { shuffled.Workers[i], shuffled.Workers[j] = shuffled.Workers[j], shuffled.Workers[i] })
		rng.Shuffle(len(shuffled.Cases), func(i, j int) { shuffled.Cases[i], shuffled.Cases[j] = shuffled.Cases[j], shuffled.Cases[i] })
		assert.Equal(t, want, caseload.Validate(shuffled, p, on))
	}
}
