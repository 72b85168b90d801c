package measure

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// Progress used to return NaN with a nil error when the differences
// overflowed: (1e308 − (−1e308)) / (1e308 − (−1e308)) = Inf/Inf.
func TestProgressHugeNumbers(t *testing.T) {
	wide := func(baseline, target float64) Goal {
		g := attendanceGoal()
		g.Indicator = Indicator{Name: "x", Unit: "u", Baseline: baseline, Target: target}
		return g
	}
	tests := []struct {
		name     string
		goal     Goal
		current  float64
		achieved float64
		status   GoalStatus
	}{
		// Halves: (5e307 + 5e307) / (5e307 + 5e307) = 1.
		{"at the target across the whole float range", wide(-1e308, 1e308), 1e308, 1, Achieved},
		// (0 + 5e307) / (5e307 + 5e307) = 0.5 against 45/90 = 0.5.
		{"half way across the whole float range", wide(-1e308, 1e308), 0, 0.5, OnTrack},
		// (−1e308 − 1e308) overflows only in the numerator:
		// (−5e307 − 5e307) / (0 − 5e307) = 2.
		{"overflow in the numerator only", wide(1e308, 0), -1e308, 2, Achieved},
		// −MaxFloat to MaxFloat: halves are exact, (MaxFloat/2 + MaxFloat/2) / same = 1.
		{"extremes of float64", wide(-math.MaxFloat64, math.MaxFloat64), math.MaxFloat64, 1, Achieved},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.goal.Progress(tc.current, progHalf, progStart)
			require.NoError(t, err)
			assert.Equal(t, tc.achieved, p.Achieved)
			assert.Equal(t, tc.status, p.Status)
		})
	}

	// The share of a huge distance over a tiny way is no finite number:
	// an error, never ±Inf or NaN in a result.
	// (1e300 − 0) / (1e-300 − 0) = 1e600, beyond float64.
	g := wide(0, 1e-300)
	_, err := g.Progress(1e300, progHalf, progStart)
	assert.EqualError(t, err, `measure.Goal.Progress: goal "G1": current value 1e+300 is too far from the baseline 0 for target 1e-300: the share of the way is not a finite number`)
	// A huge distance over a way of one ulp at 1e308 is still finite:
	// halves give 1e308 / ~5e291, about 2e16.
	g = wide(-1e308, math.Nextafter(-1e308, 0))
	p, err := g.Progress(1e308, progHalf, progStart)
	require.NoError(t, err)
	assert.False(t, math.IsInf(p.Achieved, 0) || math.IsNaN(p.Achieved))
	assert.Equal(t, Achieved, p.Status)
}

// Progress used to accept any non-zero dates; date.Date(math.MaxInt64) as
// due made due − start overflow.
func TestProgressDateRange(t *testing.T) {
	g := attendanceGoal()
	g.Due = math.MaxInt64
	_, err := g.Progress(3, progHalf, progStart)
	assert.EqualError(t, err, `measure.Goal.Progress: goal "G1": field "due": date.Date(9223372036854775807) is outside the supported dates 1900-01-01 to 2199-12-31`)
	assert.True(t, errors.Is(err, ladder.ErrDateRange))

	g = attendanceGoal()
	_, err = g.Progress(3, gDate(2200, time.January, 1), gDate(1899, time.December, 31))
	assert.EqualError(t, err, `measure.Goal.Progress: goal "G1": field "on": 2200-01-01 is outside the supported dates 1900-01-01 to 2199-12-31
measure.Goal.Progress: goal "G1": field "start": 1899-12-31 is outside the supported dates 1900-01-01 to 2199-12-31`)

	s := SubGoal{ID: "D1", Indicator: g.Indicator, Due: gDate(2026, time.April, 5)}
	_, err = s.Progress(3, progHalf, 0)
	assert.EqualError(t, err, `measure.SubGoal.Progress: goal "D1": field "start": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`)
}
