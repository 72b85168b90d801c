package measure

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder/msg"
)

// The progress tests use a 90-day time frame: start 2026-01-05, due
// 2026-04-05 (31 days to 5 Feb, 28 to 5 Mar, 31 to 5 Apr). 2026-02-19 is
// day 45, half way.
var (
	progStart = gDate(2026, time.January, 5)
	progDue   = gDate(2026, time.April, 5)
	progHalf  = gDate(2026, time.February, 19)
)

func attendanceGoal() Goal {
	return Goal{
		ID: "G1",
		Indicator: Indicator{
			Name: "Fremmøde i skole", Unit: "dage pr. uge",
			Scale: Scale{Min: 0, Max: 5}, Baseline: 2, Target: 5,
		},
		Due: progDue,
	}
}

// sdqGoal has the SDQ total difficulties score, 0–40, higher = more
// problems (domain.md §6), going down from 24 to 16.
func sdqGoal() Goal {
	return Goal{
		ID: "G2",
		Indicator: Indicator{
			Name: "SDQ totalscore", Unit: "point",
			Scale: Scale{Min: 0, Max: 40}, Baseline: 24, Target: 16,
		},
		Due: progDue,
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		name      string
		goal      Goal
		current   float64
		on        date.Date
		achieved  float64
		expected  float64
		status    GoalStatus
		direction Trend
	}{
		// (3.5−2)/(5−2) = 0.5 against 45/90 = 0.5.
		{"half way at half time", attendanceGoal(), 3.5, progHalf, 0.5, 0.5, OnTrack, Increase},
		// (3−2)/3 = 1/3 < 0.5.
		{"a third at half time", attendanceGoal(), 3, progHalf, 1.0 / 3, 0.5, Behind, Increase},
		// (4−2)/3 = 2/3 ≥ 0.5.
		{"ahead", attendanceGoal(), 4, progHalf, 2.0 / 3, 0.5, OnTrack, Increase},
		{"target reached early", attendanceGoal(), 5, progHalf, 1, 0.5, Achieved, Increase},
		{"at the start, nothing expected", attendanceGoal(), 2, progStart, 0, 0, OnTrack, Increase},
		{"on the due date", attendanceGoal(), 4.5, progDue, 2.5 / 3, 1, Behind, Increase},
		// After the due date the expected share stays 1.
		{"after the due date", attendanceGoal(), 4.5, gDate(2026, 5, 1), 2.5 / 3, 1, Behind, Increase},
		// Moving away from the target gives a negative share, not clamped.
		{"worse than baseline", attendanceGoal(), 1, progHalf, -1.0 / 3, 0.5, Behind, Increase},
		// SDQ down from 24 to 16: (20−24)/(16−24) = 0.5.
		{"SDQ half way down", sdqGoal(), 20, progHalf, 0.5, 0.5, OnTrack, Decrease},
		// (26−24)/(−8) = −0.25.
		{"SDQ worse", sdqGoal(), 26, progHalf, -0.25, 0.5, Behind, Decrease},
		// (14−24)/(−8) = 1.25: past the target, not clamped.
		{"SDQ past the target", sdqGoal(), 14, progHalf, 1.25, 0.5, Achieved, Decrease},
		// Day 9 of 90 = 0.1 expected; (2.3−2)/3 = 0.1 achieved: rounding must not make it Behind.
		{"equal shares despite rounding", attendanceGoal(), 2.3, gDate(2026, 1, 14), 0.1, 0.1, OnTrack, Increase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.goal.Progress(tt.current, tt.on, progStart)
			require.NoError(t, err)
			assert.Equal(t, tt.goal.ID, p.GoalID)
			assert.Equal(t, tt.goal.Indicator, p.Indicator)
			assert.Equal(t, tt.current, p.Current)
			assert.Equal(t, progStart, p.Start)
			assert.Equal(t, tt.on, p.On)
			assert.Equal(t, progDue, p.Due)
			assert.InDelta(t, tt.achieved, p.Achieved, 1e-12)
			assert.InDelta(t, tt.expected, p.Expected, 1e-12)
			assert.Equal(t, tt.status, p.Status)
			assert.Equal(t, tt.direction, p.Trend)
		})
	}
}

func TestProgressNoScale(t *testing.T) {
	g := attendanceGoal()
	g.Indicator.Scale = Scale{}
	p, err := g.Progress(10, progHalf, progStart)
	require.NoError(t, err)
	assert.InDelta(t, 8.0/3, p.Achieved, 1e-12)
	assert.Equal(t, Achieved, p.Status)
}

func TestSubGoalProgress(t *testing.T) {
	s := SubGoal{ID: "D1", Indicator: Indicator{Name: "Fremmøde i skole", Unit: "dage pr. uge", Baseline: 2, Target: 3}, Due: gDate(2026, 2, 4)}
	// 2026-01-05 → 2026-02-04 is 30 days; 2026-01-20 is day 15.
	p, err := s.Progress(2.4, gDate(2026, 1, 20), progStart)
	require.NoError(t, err)
	assert.Equal(t, "D1", p.GoalID)
	assert.InDelta(t, 0.4, p.Achieved, 1e-12)
	assert.InDelta(t, 0.5, p.Expected, 1e-12)
	assert.Equal(t, Behind, p.Status)

	_, err = SubGoal{ID: "D2"}.Progress(1, progHalf, progStart)
	assert.ErrorIs(t, err, ErrNoIndicator)
	assert.EqualError(t, err, `measure.SubGoal.Progress: goal "D2": measure: goal has no numeric indicator`)
}

func TestProgressErrors(t *testing.T) {
	withInd := func(f func(*Indicator)) Goal {
		g := attendanceGoal()
		f(&g.Indicator)
		return g
	}
	tests := []struct {
		name    string
		goal    Goal
		current float64
		on      date.Date
		start   date.Date
		want    string
	}{
		{"no indicator", Goal{ID: "G9", Criteria: []string{"møder til tiden"}, Due: progDue}, 3, progHalf, progStart,
			`measure.Goal.Progress: goal "G9": measure: goal has no numeric indicator`},
		{"current NaN", attendanceGoal(), math.NaN(), progHalf, progStart,
			`measure.Goal.Progress: goal "G1": current value NaN is not a finite number`},
		{"current infinite", attendanceGoal(), math.Inf(-1), progHalf, progStart,
			`measure.Goal.Progress: goal "G1": current value -Inf is not a finite number`},
		{"baseline NaN", withInd(func(i *Indicator) { i.Baseline = math.NaN() }), 3, progHalf, progStart,
			`measure.Goal.Progress: goal "G1": indicator baseline is not a finite number`},
		{"target equals baseline", withInd(func(i *Indicator) { i.Target = 2 }), 3, progHalf, progStart,
			`measure.Goal.Progress: goal "G1": target 2 equals baseline, nothing to measure against`},
		{"scale reversed", withInd(func(i *Indicator) { i.Scale = Scale{Min: 5, Max: 0} }), 3, progHalf, progStart,
			`measure.Goal.Progress: goal "G1": scale 5–0 is empty or reversed`},
		{"current above scale", attendanceGoal(), 7, progHalf, progStart,
			`measure.Goal.Progress: goal "G1": current value 7 is outside the scale 0–5`},
		{"on zero", attendanceGoal(), 3, 0, progStart,
			`measure.Goal.Progress: goal "G1": field "on": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`},
		{"start zero", attendanceGoal(), 3, progHalf, 0,
			`measure.Goal.Progress: goal "G1": field "start": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`},
		{"no due date", Goal{ID: "G1", Indicator: attendanceGoal().Indicator}, 3, progHalf, progStart,
			`measure.Goal.Progress: goal "G1": the goal has no due date`},
		{"on before start", attendanceGoal(), 3, gDate(2026, 1, 4), progStart,
			`measure.Goal.Progress: goal "G1": date 2026-01-04 is before the start 2026-01-05`},
		{"due on start", attendanceGoal(), 3, progDue, progDue,
			`measure.Goal.Progress: goal "G1": due date 2026-04-05 is not after the start 2026-04-05`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.goal.Progress(tt.current, tt.on, tt.start)
			assert.EqualError(t, err, tt.want)
			assert.Equal(t, Progress{}, p)
			assert.Equal(t, tt.name == "no indicator", errors.Is(err, ErrNoIndicator))
		})
	}
}

func TestProgressExplain(t *testing.T) {
	p, err := attendanceGoal().Progress(3.5, progHalf, progStart)
	require.NoError(t, err)
	assert.Equal(t, "Fremmøde i skole: 3,5 dage pr. uge (udgangspunkt 2, mål 5). 50 % af vejen er nået; efter 45 af 90 dage forventes 50 %. Status: på sporet.", p.Explain().Text(msg.Danish))
	assert.Equal(t, "Fremmøde i skole: 3.5 dage pr. uge (baseline 2, target 5). 50 % of the way reached; after 45 of 90 days 50 % is expected. Status: on track.", p.Explain().Text(msg.English))
	// A language without texts falls back visibly, never silently to English.
	assert.True(t, strings.HasPrefix(p.Explain().Text("fr"), "[measure.progress] name=Fremmøde i skole"), p.Explain().Text("fr"))
}

func TestProgressJSONRoundTrip(t *testing.T) {
	p, err := sdqGoal().Progress(20, progHalf, progStart)
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"goalId":"G2"`)
	assert.Contains(t, string(b), `"trend":"decrease"`)
	assert.Contains(t, string(b), `"status":"paa-sporet"`)
	assert.Contains(t, string(b), `"on":"2026-02-19"`)
	var back Progress
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)
}

func TestStatus(t *testing.T) {
	tests := []struct {
		s                     GoalStatus
		code, danish, english string
	}{
		{OnTrack, "paa-sporet", "på sporet", "on track"},
		{Behind, "bagud", "bagud", "behind"},
		{Achieved, "naaet", "nået", "achieved"},
	}
	for _, tt := range tests {
		assert.True(t, tt.s.IsValid())
		assert.Equal(t, tt.code, tt.s.String())
		assert.Equal(t, tt.danish, tt.s.Danish())
		assert.Equal(t, tt.english, tt.s.English())
		b, err := tt.s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.code, string(b))
		var back GoalStatus
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tt.s, back)
	}
	for bad, want := range map[GoalStatus]string{0: "measure.Status(0)", 4: "measure.Status(4)"} {
		assert.False(t, bad.IsValid())
		assert.Equal(t, want, bad.String())
		assert.Equal(t, want, bad.Danish())
		assert.Equal(t, want, bad.English())
		_, err := bad.MarshalText()
		assert.Error(t, err)
	}
	_, err := ParseStatus("on-track")
	assert.EqualError(t, err, `measure.ParseStatus: unknown status "on-track"`)
	var s GoalStatus
	assert.Error(t, s.UnmarshalText([]byte("")))
}

// TestCheckReview reviews validGoal: due 2026-06-30, with an indicator.
func TestCheckReview(t *testing.T) {
	base := GoalReview{GoalID: "G1", On: gDate(2026, 5, 1), Current: 3.5, Measured: true, NewGoalsNeeded: No}
	tests := []struct {
		name   string
		goal   func(*Goal)
		review func(*GoalReview)
		want   []string
		da     string
	}{
		{name: "complete review"},
		{name: "decision yes", review: func(r *GoalReview) { r.NewGoalsNeeded = Yes }},
		{name: "no decision", review: func(r *GoalReview) { r.NewGoalsNeeded = Unset },
			want: []string{"smart.review.no-decision"}, da: "nye mål i handleplanen"},
		{name: "decision out of range", review: func(r *GoalReview) { r.NewGoalsNeeded = 9 },
			want: []string{"smart.input.bad-answer"}, da: "measure.Answer(9)"},
		{name: "not measured", review: func(r *GoalReview) { r.Measured = false },
			want: []string{"smart.review.no-measurement"}, da: `"fremmøde i skole"`},
		{name: "criteria-only goal needs no measurement",
			goal:   func(g *Goal) { g.Indicator = Indicator{}; g.Criteria = []string{"møder til tiden"} },
			review: func(r *GoalReview) { r.Measured = false; r.Current = 0 }},
		{name: "measured NaN", review: func(r *GoalReview) { r.Current = math.NaN() },
			want: []string{"smart.input.not-finite"}},
		{name: "NaN not measured is ignored", review: func(r *GoalReview) { r.Current = math.NaN(); r.Measured = false },
			want: []string{"smart.review.no-measurement"}},
		{name: "other goal", review: func(r *GoalReview) { r.GoalID = "G2" },
			want: []string{"smart.input.review-goal-mismatch"}, da: `"G2"`},
		{name: "no date", review: func(r *GoalReview) { r.On = 0 },
			want: []string{"smart.input.no-review-date"}},
		{name: "overdue, no new goals", review: func(r *GoalReview) { r.On = gDate(2026, 7, 1) },
			want: []string{"smart.review.overdue-no-new-goal"}, da: "2026-06-30"},
		{name: "on the due date is not overdue", review: func(r *GoalReview) { r.On = gDate(2026, 6, 30) }},
		{name: "overdue, new goals decided", review: func(r *GoalReview) { r.On = gDate(2026, 7, 1); r.NewGoalsNeeded = Yes }},
		{name: "overdue but met", goal: func(g *Goal) { g.Met = gDate(2026, 6, 20) },
			review: func(r *GoalReview) { r.On = gDate(2026, 7, 1) }},
		{name: "met only after the review", goal: func(g *Goal) { g.Met = gDate(2026, 7, 5) },
			review: func(r *GoalReview) { r.On = gDate(2026, 7, 1) },
			want:   []string{"smart.review.overdue-no-new-goal"}},
		{name: "empty review", review: func(r *GoalReview) { *r = GoalReview{} },
			want: []string{"smart.input.no-review-date", "smart.input.review-goal-mismatch", "smart.review.no-decision", "smart.review.no-measurement"}},
	}
	fired := map[string]bool{}
	ran := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ran++
			g, r := validGoal(), base
			if tt.goal != nil {
				tt.goal(&g)
			}
			if tt.review != nil {
				tt.review(&r)
			}
			got := CheckReview(g, r)
			checkGoalFindings(t, got)
			assert.Equal(t, tt.want, codesOrNil(got.Codes()))
			for _, f := range got {
				assert.Equal(t, "G1", f.Subject)
				fired[f.Code] = true
			}
			if tt.da != "" && assert.NotEmpty(t, got) {
				assert.Contains(t, got[0].Text(msg.Danish), tt.da)
			}
		})
	}
	if ran == len(tests) {
		for _, code := range []string{"smart.input.no-review-date", "smart.input.review-goal-mismatch",
			"smart.review.no-decision", "smart.review.no-measurement", "smart.review.overdue-no-new-goal"} {
			assert.True(t, fired[code], "no test case fires %s", code)
		}
	}
}

func TestGoalReviewJSONRoundTrip(t *testing.T) {
	for _, r := range []GoalReview{
		{GoalID: "G1", On: gDate(2026, 5, 1), Current: 3.5, Measured: true, NewGoalsNeeded: Yes, Note: "nyt delmål om morgenrutine"},
		{GoalID: "G1", On: gDate(2026, 5, 1), Current: 0, Measured: true, NewGoalsNeeded: No},
		{},
	} {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back GoalReview
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r, back, string(b))
	}
	b, err := json.Marshal(GoalReview{GoalID: "G1", NewGoalsNeeded: No})
	require.NoError(t, err)
	assert.JSONEq(t, `{"goalId":"G1","newGoalsNeeded":"nej"}`, string(b))
}
