package ladder_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// StepAt is the allocation-free path for counting many children on a date;
// PositionAt is the straightforward one. These tests hold the fast path to
// the straight one.

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
