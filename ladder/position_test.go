package ladder_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

func ids(ms []ladder.Measure) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID())
	}
	return out
}

// A youth in a foster family who also attends an efterskole stands on the
// foster-family step; the efterskole still counts (Strategisk ramme, Figur 3).
func TestPositionFosterFamilyPlusEfterskole(t *testing.T) {
	pf := measure(t, "pf", "plejefamilie", "2023-01-01", "")
	ef := measure(t, "ef", "efterskole", "2023-08-14", "2024-06-30")
	in := []ladder.Measure{ef, {}, pf} // with an invalid (zero) measure
	orig := slices.Clone(in)

	tests := []struct {
		on     string
		step   ladder.Step
		active []string
	}{
		{"2022-12-31", ladder.EverydayLife, nil},
		{"2023-01-01", ladder.FosterFamily, []string{"pf"}},
		{"2023-08-13", ladder.FosterFamily, []string{"pf"}},
		{"2023-08-14", ladder.FosterFamily, []string{"pf", "ef"}}, // highest first
		{"2023-09-01", ladder.FosterFamily, []string{"pf", "ef"}},
		{"2024-06-30", ladder.FosterFamily, []string{"pf", "ef"}}, // end day inclusive
		{"2024-07-01", ladder.FosterFamily, []string{"pf"}},       // ended the day before
	}
	for _, tc := range tests {
		t.Run(tc.on, func(t *testing.T) {
			p := ladder.PositionAt(in, d(tc.on))
			assert.Equal(t, d(tc.on), p.On)
			assert.Equal(t, tc.step, p.Step)
			assert.Equal(t, tc.active, ids(p.Active))
		})
	}
	assert.Equal(t, orig, in, "input slice not reordered or changed")
}

func TestPositionNoMeasures(t *testing.T) {
	for _, ms := range [][]ladder.Measure{nil, {}, {{}, {}}} {
		p := ladder.PositionAt(ms, d("2024-01-01"))
		assert.Equal(t, ladder.EverydayLife, p.Step)
		assert.Empty(t, p.Active)
	}
}

func TestPositionEndedMeasure(t *testing.T) {
	m := measure(t, "inst", "doegninstitution", "2023-01-01", "2023-05-31")
	assert.Equal(t, ladder.Institution, ladder.PositionAt([]ladder.Measure{m}, d("2023-05-31")).Step)
	p := ladder.PositionAt([]ladder.Measure{m}, d("2023-06-01"))
	assert.Equal(t, ladder.EverydayLife, p.Step)
	assert.Empty(t, p.Active)
}

func TestPositionOrdering(t *testing.T) {
	ms := []ladder.Measure{
		measure(t, "b", "kontaktperson", "2023-05-01", ""),
		measure(t, "pf", "plejefamilie", "2023-06-01", ""),
		measure(t, "a", "familiebehandling", "2023-05-01", ""),
		measure(t, "z", "mst", "2023-04-01", ""),
		measure(t, "tf", "tidlig-forebyggende", "2023-01-01", ""),
	}
	// Highest step first; on one step by start date, then id.
	want := []string{"pf", "z", "a", "b", "tf"}
	for _, perm := range permutations(ms) {
		p := ladder.PositionAt(perm, d("2023-07-01"))
		assert.Equal(t, ladder.FosterFamily, p.Step)
		assert.Equal(t, want, ids(p.Active))
	}
}

// PositionAt does not reject repeated ids (TrajectoryOf does); the order is
// still the same whatever the input order.
func TestPositionOrderingRepeatedIDs(t *testing.T) {
	ms := []ladder.Measure{
		measure(t, "x", "mst", "2023-01-01", ""),
		measure(t, "x", "kontaktperson", "2023-01-01", "2023-12-31"),
		measure(t, "x", "kontaktperson", "2023-01-01", ""),
	}
	var first []ladder.Measure
	for i, perm := range permutations(ms) {
		p := ladder.PositionAt(perm, d("2023-07-01"))
		if i == 0 {
			first = p.Active
			continue
		}
		assert.Equal(t, first, p.Active)
	}
	require.Len(t, first, 3)
	assert.Equal(t, "kontaktperson", first[0].Intervention().Code)
	assert.Equal(t, "mst", first[2].Intervention().Code)
}

// permutations returns a few reorderings of ms: as given, reversed and every
// rotation of both.
func permutations(ms []ladder.Measure) [][]ladder.Measure {
	var out [][]ladder.Measure
	rev := slices.Clone(ms)
	slices.Reverse(rev)
	for _, base := range [][]ladder.Measure{ms, rev} {
		for i := range base {
			out = append(out, append(slices.Clone(base[i:]), base[:i]...))
		}
	}
	return out
}

func TestTrajectories(t *testing.T) {
	tests := []struct {
		name        string
		measures    []ladder.Measure
		from, to    string
		startStep   ladder.Step
		startActive []string
		changes     []ladder.Change
		moves       []ladder.Move
	}{
		{
			// Contact person from before the period; placed in a
			// døgninstitution, moved to an opholdssted the day after, starts
			// efterskole while there, then down to a foster family.
			name: "up, lateral, down",
			measures: []ladder.Measure{
				measure(t, "k", "kontaktperson", "2022-10-01", "2023-03-14"),
				measure(t, "dg", "doegninstitution", "2023-03-15", "2023-05-31"),
				measure(t, "op", "opholdssted", "2023-06-01", "2023-08-31"),
				measure(t, "ef", "efterskole", "2023-08-14", "2024-06-30"),
				measure(t, "pf", "plejefamilie", "2023-09-01", ""),
			},
			from: "2023-01-01", to: "2023-12-31",
			startStep: ladder.HomeBased, startActive: []string{"k"},
			changes: []ladder.Change{
				{On: d("2023-03-15"), From: ladder.HomeBased, To: ladder.Institution, Direction: ladder.Up,
					FromCodes: []string{"kontaktperson"}, ToCodes: []string{"doegninstitution"}},
				{On: d("2023-06-01"), From: ladder.Institution, To: ladder.Institution, Direction: ladder.Lateral,
					FromCodes: []string{"doegninstitution"}, ToCodes: []string{"opholdssted"}},
				{On: d("2023-09-01"), From: ladder.Institution, To: ladder.FosterFamily, Direction: ladder.Down,
					FromCodes: []string{"opholdssted"}, ToCodes: []string{"plejefamilie"}},
			},
			moves: []ladder.Move{
				{On: d("2023-03-15"), From: ladder.HomeBased, To: ladder.Institution, Direction: ladder.Up},
				{On: d("2023-09-01"), From: ladder.Institution, To: ladder.FosterFamily, Direction: ladder.Down},
			},
		},
		{
			// Family treatment ends 30 April; a network placement starts
			// 1 June. May is everyday life.
			name: "gap through everyday life",
			measures: []ladder.Measure{
				measure(t, "f", "familiebehandling", "2023-01-10", "2023-04-30"),
				measure(t, "n", "netvaerkspleje", "2023-06-01", ""),
			},
			from: "2023-01-01", to: "2023-12-31",
			startStep: ladder.EverydayLife,
			changes: []ladder.Change{
				{On: d("2023-01-10"), From: ladder.EverydayLife, To: ladder.HomeBased, Direction: ladder.Up,
					ToCodes: []string{"familiebehandling"}},
				{On: d("2023-05-01"), From: ladder.HomeBased, To: ladder.EverydayLife, Direction: ladder.Down,
					FromCodes: []string{"familiebehandling"}},
				{On: d("2023-06-01"), From: ladder.EverydayLife, To: ladder.Network, Direction: ladder.Up,
					ToCodes: []string{"netvaerkspleje"}},
			},
			moves: []ladder.Move{
				{On: d("2023-01-10"), From: ladder.EverydayLife, To: ladder.HomeBased, Direction: ladder.Up},
				{On: d("2023-05-01"), From: ladder.HomeBased, To: ladder.EverydayLife, Direction: ladder.Down},
				{On: d("2023-06-01"), From: ladder.EverydayLife, To: ladder.Network, Direction: ladder.Up},
			},
		},
		{
			// In a foster family the whole year; measures below it come and
			// go. Left out of KORA 2017 Figur 4.1: no moves, no changes.
			name: "one step all period",
			measures: []ladder.Measure{
				measure(t, "pf", "plejefamilie", "2020-01-01", ""),
				measure(t, "af", "aflastning", "2023-03-01", "2023-03-31"),
				measure(t, "ef", "efterskole", "2023-08-14", "2024-06-30"),
			},
			from: "2023-01-01", to: "2023-12-31",
			startStep: ladder.FosterFamily, startActive: []string{"pf"},
		},
		{
			// MST, then a contact person added while MST runs: the set on
			// the top step changes twice, the step never does.
			name: "lateral only",
			measures: []ladder.Measure{
				measure(t, "mst", "mst", "2023-01-01", "2023-05-31"),
				measure(t, "kp", "kontaktperson", "2023-04-01", ""),
			},
			from: "2023-01-01", to: "2023-12-31",
			startStep: ladder.HomeBased, startActive: []string{"mst"},
			changes: []ladder.Change{
				{On: d("2023-04-01"), From: ladder.HomeBased, To: ladder.HomeBased, Direction: ladder.Lateral,
					FromCodes: []string{"mst"}, ToCodes: []string{"kontaktperson", "mst"}},
				{On: d("2023-06-01"), From: ladder.HomeBased, To: ladder.HomeBased, Direction: ladder.Lateral,
					FromCodes: []string{"kontaktperson", "mst"}, ToCodes: []string{"kontaktperson"}},
			},
		},
		{
			// A new plejefamilie measure (new id) the day after the old one
			// ends: same step, same intervention, no change.
			name: "renewed measure is no change",
			measures: []ladder.Measure{
				measure(t, "pf1", "plejefamilie", "2022-01-01", "2023-06-30"),
				measure(t, "pf2", "plejefamilie", "2023-07-01", ""),
			},
			from: "2023-01-01", to: "2023-12-31",
			startStep: ladder.FosterFamily, startActive: []string{"pf1"},
		},
		{
			// Edges of the period: a measure ending the day before it, one
			// ending on its last day, one starting on its last day, one
			// starting after it.
			name: "period edges",
			measures: []ladder.Measure{
				measure(t, "x", "aflastning", "2023-06-01", "2023-12-31"),
				measure(t, "z", "mst", "2024-03-01", "2024-12-31"),
				measure(t, "y", "plejefamilie", "2024-12-31", ""),
				measure(t, "w", "doegninstitution", "2025-01-01", ""),
			},
			from: "2024-01-01", to: "2024-12-31",
			startStep: ladder.EverydayLife,
			changes: []ladder.Change{
				{On: d("2024-03-01"), From: ladder.EverydayLife, To: ladder.HomeBased, Direction: ladder.Up,
					ToCodes: []string{"mst"}},
				{On: d("2024-12-31"), From: ladder.HomeBased, To: ladder.FosterFamily, Direction: ladder.Up,
					FromCodes: []string{"mst"}, ToCodes: []string{"plejefamilie"}},
			},
			moves: []ladder.Move{
				{On: d("2024-03-01"), From: ladder.EverydayLife, To: ladder.HomeBased, Direction: ladder.Up},
				{On: d("2024-12-31"), From: ladder.HomeBased, To: ladder.FosterFamily, Direction: ladder.Up},
			},
		},
		{
			name: "one-day period",
			measures: []ladder.Measure{
				measure(t, "dg", "doegninstitution", "2023-03-15", "2023-05-31"),
				measure(t, "op", "opholdssted", "2023-06-01", "2023-08-31"),
			},
			from: "2023-06-01", to: "2023-06-01",
			startStep: ladder.Institution, startActive: []string{"op"},
		},
		{
			name: "no measures", from: "2023-01-01", to: "2023-12-31",
			startStep: ladder.EverydayLife,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			orig := slices.Clone(tc.measures)
			tr, err := ladder.TrajectoryOf(tc.measures, d(tc.from), d(tc.to))
			require.NoError(t, err)
			assert.Equal(t, d(tc.from), tr.From)
			assert.Equal(t, d(tc.to), tr.To)
			assert.Equal(t, d(tc.from), tr.Start.On)
			assert.Equal(t, tc.startStep, tr.Start.Step)
			assert.Equal(t, tc.startActive, ids(tr.Start.Active))
			assert.Equal(t, tc.changes, tr.Changes)
			assert.Equal(t, orig, tc.measures, "input unchanged")

			moves, err := ladder.Moves(tc.measures, d(tc.from), d(tc.to))
			require.NoError(t, err)
			assert.Equal(t, tc.moves, moves)
			fast, err := ladder.AppendMoves(nil, tc.measures, d(tc.from), d(tc.to))
			require.NoError(t, err)
			assert.Equal(t, tc.moves, fast, "AppendMoves")
			for _, m := range moves {
				assert.NotEqual(t, ladder.Lateral, m.Direction, "Moves leaves lateral changes out")
				assert.NotEqual(t, m.From, m.To)
			}

			// The same answer whatever the order of the input.
			for _, perm := range permutations(tc.measures) {
				again, err := ladder.TrajectoryOf(perm, d(tc.from), d(tc.to))
				require.NoError(t, err)
				assert.Equal(t, tr, again)
			}
		})
	}
}

func TestChangeAndMoveJSON(t *testing.T) {
	ms := []ladder.Measure{
		measure(t, "k", "kontaktperson", "2022-10-01", "2023-03-14"),
		measure(t, "dg", "doegninstitution", "2023-03-15", ""),
	}
	tr, err := ladder.TrajectoryOf(ms, d("2023-01-01"), d("2023-12-31"))
	require.NoError(t, err)
	require.Len(t, tr.Changes, 1)
	js, err := json.Marshal(tr.Changes[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"on":"2023-03-15","from":"hjemmebaseret","to":"institution","direction":"up","fromCodes":["kontaktperson"],"toCodes":["doegninstitution"]}`, string(js))

	moves, err := ladder.Moves(ms, d("2023-01-01"), d("2023-12-31"))
	require.NoError(t, err)
	js, err = json.Marshal(moves)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"on":"2023-03-15","from":"hjemmebaseret","to":"institution","direction":"up"}]`, string(js))
	var back []ladder.Move
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, moves, back)
}

func TestTrajectoryErrors(t *testing.T) {
	a := measure(t, "a", "mst", "2023-01-01", "")
	a2 := measure(t, "a", "kontaktperson", "2023-02-01", "")
	b := measure(t, "b", "plejefamilie", "2023-03-01", "")
	tests := []struct {
		name     string
		measures []ladder.Measure
		from, to string // "" is the zero date
		want     []string
	}{
		{"to before from", []ladder.Measure{a}, "2023-12-31", "2023-01-01",
			[]string{"ladder.TrajectoryOf: period end 2023-01-01 is before its start 2023-12-31"}},
		{"zero from", []ladder.Measure{a}, "", "2023-12-31",
			[]string{`ladder.TrajectoryOf: field "from": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`}},
		{"zero to", []ladder.Measure{a}, "2023-01-01", "",
			[]string{`ladder.TrajectoryOf: field "to": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`}},
		{"duplicate ids", []ladder.Measure{a, b, a2}, "2023-01-01", "2023-12-31",
			[]string{`ladder.TrajectoryOf: duplicate measure id "a"`}},
		{"invalid zero measure", []ladder.Measure{a, {}}, "2023-01-01", "2023-12-31",
			[]string{"ladder.TrajectoryOf: measure 1 is invalid (zero)"}},
		{"everything at once", []ladder.Measure{{}, a, a2}, "2023-12-31", "2023-01-01",
			[]string{"period end 2023-01-01 is before its start 2023-12-31", "measure 0 is invalid", `duplicate measure id "a"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			from, to := date.Zero, date.Zero
			if tc.from != "" {
				from = d(tc.from)
			}
			if tc.to != "" {
				to = d(tc.to)
			}
			tr, err := ladder.TrajectoryOf(tc.measures, from, to)
			require.Error(t, err)
			assert.Equal(t, ladder.Trajectory{}, tr)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}

			moves, err := ladder.Moves(tc.measures, from, to)
			require.Error(t, err)
			assert.Nil(t, moves)
			assert.True(t, strings.HasPrefix(err.Error(), "ladder.Moves: ladder.TrajectoryOf: "), err.Error())
		})
	}
}

func TestTrajectoryTooManyMeasures(t *testing.T) {
	ms := make([]ladder.Measure, ladder.MaxMeasures+1)
	_, err := ladder.TrajectoryOf(ms, d("2023-01-01"), d("2023-12-31"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "10001 measures is more than 10000")
}
