package ladder_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// StepAt and AppendMoves are the allocation-free paths for counting many
// children; PositionAt and Moves (through TrajectoryOf) are the
// straightforward ones. These tests hold the fast paths to the straight ones.

// randomChild returns one child's measures from r: n measures of
// interventions from ivs, starting within span days of base, so that with a
// short span and few interventions starts, ends and steps often coincide.
// One in five is open, one in eight lasts a single day, and one in eight
// starts the day after another measure ends.
func randomChild(r *rand.Rand, ivs []ladder.Intervention, n int, base date.Date, span int) []ladder.Measure {
	ms := make([]ladder.Measure, 0, n)
	for i := range n {
		start := base + date.Date(r.IntN(span))
		if i > 0 && r.IntN(8) == 0 {
			if end, ok := ms[r.IntN(i)].End(); ok {
				start = end + 1
			}
		}
		var end date.Date
		switch r.IntN(8) {
		case 0, 1:
			// open
		case 2:
			end = start
		default:
			end = start + date.Date(r.IntN(span))
		}
		m, err := ladder.NewMeasure(fmt.Sprintf("m%d", i), ivs[r.IntN(len(ivs))], start, end)
		if err != nil {
			panic(err)
		}
		ms = append(ms, m)
	}
	return ms
}

// someInterventions returns k interventions of the Default catalogue,
// chosen by r; few interventions make ties on a step likely.
func someInterventions(r *rand.Rand, k int) []ladder.Intervention {
	all := ladder.Default().All()
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:k]
}

func TestStepAtMatchesPositionAt(t *testing.T) {
	base := d("2023-01-01")
	for seed := range uint64(2000) {
		r := rand.New(rand.NewPCG(seed, 12))
		ivs := someInterventions(r, 1+r.IntN(6))
		ms := randomChild(r, ivs, r.IntN(12), base, 1+r.IntN(60))
		if len(ms) > 0 && r.IntN(10) == 0 {
			ms[r.IntN(len(ms))] = ladder.Measure{} // ignored by both
		}
		for day := base - 2; day < base+130; day++ {
			want := ladder.PositionAt(ms, day).Step
			if !assert.Equal(t, want, ladder.StepAt(ms, day), "seed %d, %s, measures %v", seed, day, ms) {
				return
			}
		}
	}
}

func TestStepAtAllocatesNothing(t *testing.T) {
	ms := exampleMeasuresT(t)
	on := d("2023-09-01")
	require.Equal(t, ladder.FosterFamily, ladder.StepAt(ms, on))
	assert.Zero(t, testing.AllocsPerRun(100, func() { ladder.StepAt(ms, on) }))
}

// exampleMeasuresT is one child's year: up to an institution, lateral to an
// opholdssted, efterskole beside it, down to a foster family.
func exampleMeasuresT(t testing.TB) []ladder.Measure {
	return []ladder.Measure{
		measure(t, "k", "kontaktperson", "2022-10-01", "2023-03-14"),
		measure(t, "dg", "doegninstitution", "2023-03-15", "2023-05-31"),
		measure(t, "op", "opholdssted", "2023-06-01", "2023-08-31"),
		measure(t, "ef", "efterskole", "2023-08-14", "2024-06-30"),
		measure(t, "pf", "plejefamilie", "2023-09-01", ""),
	}
}

// movesErrorText rewrites an error of Moves to what AppendMoves says: the
// same findings, named for AppendMoves.
func movesErrorText(err error) string {
	s := strings.TrimPrefix(err.Error(), "ladder.Moves: ")
	return strings.ReplaceAll(s, "ladder.TrajectoryOf: ", "ladder.AppendMoves: ")
}

func TestAppendMovesMatchesMoves(t *testing.T) {
	base := d("2023-01-01")
	var buf []ladder.Move
	for seed := range uint64(5000) {
		r := rand.New(rand.NewPCG(seed, 13))
		ivs := someInterventions(r, 1+r.IntN(6))
		n := r.IntN(12)
		if r.IntN(20) == 0 {
			n = 30 + r.IntN(10) // across the pairwise-check and stack limits
		}
		ms := randomChild(r, ivs, n, base, 1+r.IntN(90))
		from := base - 10 + date.Date(r.IntN(60))
		to := from + date.Date(r.IntN(120))
		switch r.IntN(40) {
		case 0:
			from, to = to, from-1 // end before start
		case 1:
			from = 0
		case 2:
			if len(ms) > 1 {
				ms[1] = ms[0] // the same id twice
			}
		case 3:
			if len(ms) > 0 {
				ms[len(ms)-1] = ladder.Measure{}
			}
		}

		want, wantErr := ladder.Moves(ms, from, to)
		got, err := ladder.AppendMoves(nil, ms, from, to)
		if wantErr != nil {
			if assert.Error(t, err, "seed %d", seed) {
				assert.Equal(t, movesErrorText(wantErr), err.Error(), "seed %d", seed)
			}
			assert.Nil(t, got)
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		if !assert.Equal(t, want, got, "seed %d, %s–%s, measures %v", seed, from, to, ms) {
			return
		}

		// Reusing one buffer, as a caller counting many children does.
		buf, err = ladder.AppendMoves(buf[:0], ms, from, to)
		require.NoError(t, err)
		assert.Equal(t, len(want), len(buf))
		if len(want) > 0 {
			assert.Equal(t, want, buf)
		}
	}
}

func TestAppendMovesKeepsDst(t *testing.T) {
	prev := []ladder.Move{{On: d("2022-01-01"), From: ladder.EverydayLife, To: ladder.Universal, Direction: ladder.Up}}
	got, err := ladder.AppendMoves(prev, exampleMeasuresT(t), d("2023-01-01"), d("2023-12-31"))
	require.NoError(t, err)
	assert.Equal(t, []ladder.Move{
		prev[0],
		{On: d("2023-03-15"), From: ladder.HomeBased, To: ladder.Institution, Direction: ladder.Up},
		{On: d("2023-09-01"), From: ladder.Institution, To: ladder.FosterFamily, Direction: ladder.Down},
	}, got)

	// On error dst comes back as it was.
	dup := []ladder.Measure{measure(t, "x", "mst", "2023-01-01", ""), measure(t, "x", "aflastning", "2023-02-01", "")}
	got, err = ladder.AppendMoves(prev, dup, d("2023-01-01"), d("2023-12-31"))
	require.Error(t, err)
	assert.Equal(t, `ladder.AppendMoves: duplicate measure id "x"`, err.Error())
	assert.Equal(t, prev, got)
}

func TestAppendMovesAllocatesNothing(t *testing.T) {
	ms := exampleMeasuresT(t)
	from, to := d("2023-01-01"), d("2023-12-31")
	buf := make([]ladder.Move, 0, 8)
	allocs := testing.AllocsPerRun(100, func() {
		var err error
		buf, err = ladder.AppendMoves(buf[:0], ms, from, to)
		if err != nil || len(buf) != 2 {
			panic(fmt.Sprint(buf, err))
		}
	})
	assert.Zero(t, allocs)
}

// Hand-worked cases where days and steps coincide. Each expected move is
// worked out from the rule: the child's step on a day is the highest step
// among the measures in effect that day (end inclusive), and a move is a
// day on which that step differs from the day before.
func TestMovesTies(t *testing.T) {
	from, to := "2023-01-01", "2023-12-31"
	up := func(on string, a, b ladder.Step) ladder.Move {
		return ladder.Move{On: d(on), From: a, To: b, Direction: ladder.Up}
	}
	down := func(on string, a, b ladder.Step) ladder.Move {
		return ladder.Move{On: d(on), From: a, To: b, Direction: ladder.Down}
	}
	tests := []struct {
		name     string
		measures []ladder.Measure
		want     []ladder.Move
	}{
		{
			// MST and a contact person, both home-based, from 1 March: one
			// move up. MST ends 31 May, the contact person runs on: no move.
			// The contact person ends 31 August: down on 1 September.
			name: "two measures on one step, starting together",
			measures: []ladder.Measure{
				measure(t, "mst", "mst", "2023-03-01", "2023-05-31"),
				measure(t, "kp", "kontaktperson", "2023-03-01", "2023-08-31"),
			},
			want: []ladder.Move{
				up("2023-03-01", ladder.EverydayLife, ladder.HomeBased),
				down("2023-09-01", ladder.HomeBased, ladder.EverydayLife),
			},
		},
		{
			// Two home-based measures ending on the same day: one move down,
			// the day after.
			name: "two measures on one step, ending together",
			measures: []ladder.Measure{
				measure(t, "mst", "mst", "2022-06-01", "2023-04-30"),
				measure(t, "af", "aflastning", "2023-02-01", "2023-04-30"),
			},
			want: []ladder.Move{down("2023-05-01", ladder.HomeBased, ladder.EverydayLife)},
		},
		{
			// The institution ends 31 May, the day the foster family starts:
			// on 31 May both are in effect and the institution is higher, so
			// the move down is on 1 June.
			name: "a measure ending the day another starts",
			measures: []ladder.Measure{
				measure(t, "dg", "doegninstitution", "2023-02-01", "2023-05-31"),
				measure(t, "pf", "plejefamilie", "2023-05-31", ""),
			},
			want: []ladder.Move{
				up("2023-02-01", ladder.EverydayLife, ladder.Institution),
				down("2023-06-01", ladder.Institution, ladder.FosterFamily),
			},
		},
		{
			// The foster family ends 31 May, the day an institution starts:
			// up on 31 May, and nothing on 1 June (the institution runs on).
			name: "a measure starting the day a lower one ends",
			measures: []ladder.Measure{
				measure(t, "pf", "plejefamilie", "2022-01-01", "2023-05-31"),
				measure(t, "dg", "doegninstitution", "2023-05-31", ""),
			},
			want: []ladder.Move{up("2023-05-31", ladder.FosterFamily, ladder.Institution)},
		},
		{
			// Ends 31 May, the next starts 1 June: one move, on 1 June, no
			// day in everyday life between.
			name: "back to back",
			measures: []ladder.Measure{
				measure(t, "ns", "netvaerkspleje", "2022-01-01", "2023-05-31"),
				measure(t, "pf", "plejefamilie", "2023-06-01", ""),
			},
			want: []ladder.Move{up("2023-06-01", ladder.Network, ladder.FosterFamily)},
		},
		{
			// Døgninstitution to opholdssted the next day, then a second
			// opholdssted measure the day the first ends: lateral changes on
			// the institution step, no moves. The foster family beside them
			// is lower and does not show until the institution ends.
			name: "lateral moves",
			measures: []ladder.Measure{
				measure(t, "pf", "plejefamilie", "2022-01-01", ""),
				measure(t, "dg", "doegninstitution", "2023-02-01", "2023-05-31"),
				measure(t, "op1", "opholdssted", "2023-06-01", "2023-08-31"),
				measure(t, "op2", "opholdssted", "2023-08-31", "2023-10-31"),
			},
			want: []ladder.Move{
				up("2023-02-01", ladder.FosterFamily, ladder.Institution),
				down("2023-11-01", ladder.Institution, ladder.FosterFamily),
			},
		},
		{
			// A one-day stay (start = end): up on the day, down the next.
			name: "one-day measure",
			measures: []ladder.Measure{
				measure(t, "kt", "korttidsanbringelse", "2023-07-14", "2023-07-14"),
			},
			want: []ladder.Move{
				up("2023-07-14", ladder.EverydayLife, ladder.Institution),
				down("2023-07-15", ladder.Institution, ladder.EverydayLife),
			},
		},
		{
			// A measure starting on the first day is the starting position,
			// not a move; one ending on the last day moves nothing within
			// the period.
			name: "period edges",
			measures: []ladder.Measure{
				measure(t, "mst", "mst", "2023-01-01", "2023-12-31"),
				measure(t, "pf", "plejefamilie", "2023-12-31", ""),
			},
			want: []ladder.Move{up("2023-12-31", ladder.HomeBased, ladder.FosterFamily)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, perm := range permutations(tc.measures) {
				slow, err := ladder.Moves(perm, d(from), d(to))
				require.NoError(t, err)
				assert.Equal(t, tc.want, slow, "Moves")
				fast, err := ladder.AppendMoves(nil, perm, d(from), d(to))
				require.NoError(t, err)
				assert.Equal(t, tc.want, fast, "AppendMoves")
			}
		})
	}
}

// A step count on a day where measures on one step meet: the step holds.
func TestStepAtTies(t *testing.T) {
	ms := []ladder.Measure{
		measure(t, "dg", "doegninstitution", "2023-02-01", "2023-05-31"),
		measure(t, "op", "opholdssted", "2023-05-31", "2023-08-31"),
		measure(t, "pf", "plejefamilie", "2023-08-31", ""),
	}
	for day, want := range map[string]ladder.Step{
		"2023-01-31": ladder.EverydayLife,
		"2023-02-01": ladder.Institution,
		"2023-05-31": ladder.Institution, // both institution measures
		"2023-06-01": ladder.Institution,
		"2023-08-31": ladder.Institution, // the foster family has started, the opholdssted not ended
		"2023-09-01": ladder.FosterFamily,
	} {
		assert.Equal(t, want, ladder.StepAt(ms, d(day)), day)
		assert.Equal(t, want, ladder.PositionAt(ms, d(day)).Step, day)
	}
}

// FuzzAppendMoves holds AppendMoves to Moves on measures read from the
// fuzzer's bytes, four to a measure: intervention, start day, length (0
// for open), and whether to reuse the previous id.
func FuzzAppendMoves(f *testing.F) {
	f.Add([]byte{0, 10, 20, 0, 5, 31, 0, 0}, uint8(0), uint8(60))
	f.Add([]byte{7, 0, 1, 0, 7, 1, 1, 0, 3, 0, 0, 0}, uint8(1), uint8(2))
	f.Add([]byte{1, 5, 5, 0, 2, 10, 5, 1}, uint8(200), uint8(10))
	ivs := ladder.Default().All()
	base := d("2023-01-01")
	f.Fuzz(func(t *testing.T, data []byte, fromDay, days uint8) {
		var ms []ladder.Measure
		for i := 0; i+4 <= len(data) && len(ms) < 64; i += 4 {
			start := base + date.Date(data[i+1])
			var end date.Date
			if data[i+2] > 0 {
				end = start + date.Date(data[i+2]) - 1
			}
			id := fmt.Sprintf("m%d", len(ms))
			if data[i+3]%8 == 1 && len(ms) > 0 {
				id = ms[len(ms)-1].ID()
			}
			m, err := ladder.NewMeasure(id, ivs[int(data[i])%len(ivs)], start, end)
			require.NoError(t, err)
			ms = append(ms, m)
		}
		from := base + date.Date(fromDay)
		to := from + date.Date(days) - 1 // days 0: to before from
		want, wantErr := ladder.Moves(ms, from, to)
		got, err := ladder.AppendMoves(nil, ms, from, to)
		if wantErr != nil {
			require.Error(t, err)
			assert.Equal(t, movesErrorText(wantErr), err.Error())
			return
		}
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
}
