package caseload_test

import (
	"encoding/json"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
)

// workloadTeam, worked by hand from domain.md §2 (as of Monday 2 Feb 2026):
//
//   - A (w1): døgninstitution from Mon 5 Jan 2026, H-INST: +2 weeks = 19 Jan,
//     held 21 Jan; then every 6 weeks from the held date: 4 Mar, 15 Apr,
//     27 May. BL § 95's first deadline is 5 Apr: the latest municipal
//     follow-up on or before it, 4 Mar, is statutory.
//   - B (w1): aflastning from 5 Jan 2026, H-FOREB (domain.md §2, revised):
//     +4 weeks = 2 Feb, +3 months = 5 Apr (3 months after 2 Feb would be 2
//     May, later), the status follow-up at +6 months 5 Jul. BL § 95's
//     deadline 5 Apr: the 5 Apr follow-up itself is the latest on or before
//     it, so it is statutory and 2 Feb is not. (Before the revision H-FOREB
//     had no +3 months item and 2 Feb was statutory.)
//   - C (no worker): plejefamilie from 1 Dec 2025, H-PLEJE: 15 Dec, 26 Jan
//     (both not held: overdue), 9 Mar, 20 Apr. BL § 95's deadline 1 Mar:
//     26 Jan is statutory.
//   - D (w2): no measure.
func workloadTeam(t testing.TB) caseload.Team {
	a := rec(t, "mA", "doegninstitution", "2026-01-05", "")
	a.Held = []followup.Held{{On: d("2026-01-21"), ChildConversation: true, Mode: followup.InPerson}}
	return caseload.Team{
		Workers: []caseload.Worker{{ID: "w3", FTE: 1}, {ID: "w2", FTE: 1}, {ID: "w1", FTE: 1}},
		Cases: []caseload.Case{
			{ID: "D", Worker: "w2"},
			{ID: "C", Measures: []followup.Record{rec(t, "mC", "plejefamilie", "2025-12-01", "")}},
			{ID: "B", Worker: "w1", Measures: []followup.Record{rec(t, "mB", "aflastning", "2026-01-05", "")}},
			{ID: "A", Worker: "w1", Measures: []followup.Record{a}},
		},
	}
}

func TestWorkload(t *testing.T) {
	team := workloadTeam(t)
	minutes := caseload.Minutes{followup.FollowUp: 240, followup.StatusFollowUp: 240, followup.SupervisionVisit: 240}
	r, err := caseload.Workload(team, followup.Herning(), d("2026-02-02"), d("2026-04-30"), minutes)
	require.NoError(t, err)
	assert.Equal(t, workloadTeam(t), team, "Workload must not change its input")

	// ISO weeks 6 (Mon 2 Feb) to 18 (Mon 27 Apr, holding 30 Apr); months Feb–Apr.
	require.Len(t, r.Weeks, 13)
	assert.Equal(t, caseload.Period{Label: "2026-W06", From: d("2026-02-02"), To: d("2026-02-08")}, r.Weeks[0])
	assert.Equal(t, caseload.Period{Label: "2026-W18", From: d("2026-04-27"), To: d("2026-05-03")}, r.Weeks[12])
	assert.Equal(t, []caseload.Period{
		{Label: "2026-02", From: d("2026-02-01"), To: d("2026-02-28")},
		{Label: "2026-03", From: d("2026-03-01"), To: d("2026-03-31")},
		{Label: "2026-04", From: d("2026-04-01"), To: d("2026-04-30")},
	}, r.Months)

	require.Len(t, r.Workers, 3)
	assert.Equal(t, []string{"w1", "w2", "w3"}, []string{r.Workers[0].Worker, r.Workers[1].Worker, r.Workers[2].Worker})
	w1 := r.Workers[0]
	assert.Equal(t, 2, w1.Cases)
	assert.Equal(t, 2, w1.Measures)
	assert.Equal(t, caseload.Tally{Items: 4, Statutory: 2, Minutes: 960}, w1.Owed)
	assert.Equal(t, 16.0, w1.Owed.Hours())
	assert.Equal(t, caseload.Tally{}, w1.Overdue)
	weekly := make([]caseload.Tally, 13)
	weekly[0] = caseload.Tally{Items: 1, Statutory: 0, Minutes: 240}  // W06: B on 2 Feb
	weekly[4] = caseload.Tally{Items: 1, Statutory: 1, Minutes: 240}  // W10: A on 4 Mar
	weekly[8] = caseload.Tally{Items: 1, Statutory: 1, Minutes: 240}  // W14: B on Sun 5 Apr (by due date)
	weekly[10] = caseload.Tally{Items: 1, Statutory: 0, Minutes: 240} // W16: A on 15 Apr
	assert.Equal(t, weekly, w1.Weekly)
	assert.Equal(t, []caseload.Tally{{Items: 1, Minutes: 240}, {Items: 1, Statutory: 1, Minutes: 240}, {Items: 2, Statutory: 1, Minutes: 480}}, w1.Monthly)

	w2 := r.Workers[1]
	assert.Equal(t, 1, w2.Cases, "a case with no measure is a case")
	assert.Equal(t, 0, w2.Measures)
	assert.Equal(t, caseload.Tally{}, w2.Owed)
	assert.Len(t, w2.Weekly, 13)
	assert.Equal(t, 0, r.Workers[2].Cases)

	u := r.Unassigned
	assert.Equal(t, "", u.Worker)
	assert.Equal(t, 1, u.Cases)
	assert.Equal(t, caseload.Tally{Items: 2, Statutory: 1, Minutes: 480}, u.Overdue)
	assert.Equal(t, caseload.Tally{Items: 2, Minutes: 480}, u.Owed)
	assert.Equal(t, caseload.Tally{Items: 1, Minutes: 240}, u.Weekly[5])  // W11: 9 Mar
	assert.Equal(t, caseload.Tally{Items: 1, Minutes: 240}, u.Weekly[11]) // W17: 20 Apr
	assert.Empty(t, r.Findings)

	// Without minutes, items are still counted.
	r, err = caseload.Workload(team, followup.Herning(), d("2026-02-02"), d("2026-04-30"), nil)
	require.NoError(t, err)
	assert.Equal(t, caseload.Tally{Items: 4, Statutory: 2}, r.Workers[0].Owed)
}

func TestWorkloadStatutoryOnlyMeasureWarns(t *testing.T) {
	// A kostskole placement has no Herning rule: under Barnets Lov only the
	// first follow-up (≤ 3 months) and the supervision visits are known
	// until the cadence decision is recorded.
	team := caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}},
		Cases: []caseload.Case{{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "kostskole", "2026-01-05", "")}}}}
	r, err := caseload.Workload(team, followup.Herning(), d("2026-01-05"), d("2026-12-31"), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"followup.bl.no-decision"}, r.Findings.Codes())
	assert.Equal(t, "m1", r.Findings[0].Subject)
	// 5 Apr (first follow-up), then visits every 6 months from it: 5 Oct.
	assert.Equal(t, caseload.Tally{Items: 2, Statutory: 2}, r.Workers[0].Owed)

	// With the decision (every 3 months from the first follow-up) the chain goes on.
	team.Cases[0].Measures[0].Decision = &followup.CadenceDecision{DecidedOn: d("2026-04-01"), Every: followup.Months(3)}
	r, err = caseload.Workload(team, followup.Herning(), d("2026-01-05"), d("2026-12-31"), nil)
	require.NoError(t, err)
	assert.Empty(t, r.Findings)
	// 5 Apr, 5 Jul, 5 Oct, each a statutory follow-up by the decided cadence.
	assert.Equal(t, caseload.Tally{Items: 3, Statutory: 3}, r.Workers[0].Owed)
}

func TestWorkloadErrors(t *testing.T) {
	ok := workloadTeam(t)
	asOf, until := d("2026-02-02"), d("2026-04-30")
	held := workloadTeam(t)
	held.Cases[3].Measures[0].Held = append(held.Cases[3].Measures[0].Held, followup.Held{On: d("2026-03-01")})
	structural := workloadTeam(t)
	structural.Cases = append(structural.Cases, caseload.Case{ID: "A", Worker: "w1"}, caseload.Case{ID: "E", Worker: "w9"},
		caseload.Case{ID: "F", Worker: "w1", Measures: []followup.Record{{}}})
	structural.Workers = append(structural.Workers, caseload.Worker{ID: "w1", FTE: 1}, caseload.Worker{ID: "w5", FTE: 7})
	tests := []struct {
		name         string
		team         caseload.Team
		regime       *followup.Regime
		until        int // days added to until
		minutes      caseload.Minutes
		zeroAsOf     bool
		want         []string
		notContained string
	}{
		{name: "nil regime", team: ok, want: []string{"caseload.Workload: bad input: nil regime"}},
		{name: "zero as-of", team: ok, regime: followup.Herning(), zeroAsOf: true, want: []string{"as-of date: The date is missing (zero)."}},
		{name: "until before as-of", team: ok, regime: followup.Herning(), until: -200, want: []string{"until 2025-10-12 is before as-of 2026-02-02"}},
		{name: "horizon too far", team: ok, regime: followup.Herning(), until: 3700, want: []string{"is more than 10 years after 2026-02-02"}},
		{name: "bad minutes", team: ok, regime: followup.Herning(), minutes: caseload.Minutes{followup.FollowUp: -5, followup.Kind(0): 10},
			want: []string{"minutes for invalid kind followup.Kind(0)", "minutes for followup are -5; want 0–720"}},
		{name: "held after as-of, named by case", team: held, regime: followup.Herning(),
			want: []string{`caseload.Workload: bad input: case "A": followup.Regime.Schedule: bad input: measure "mA": held[1] on 2026-03-01 is after the as-of date 2026-02-02`}},
		{name: "structural problems, all at once; an invalid FTE does not matter here", team: structural, regime: followup.Herning(),
			want: []string{
				"caseload.duplicate-worker [w1]", "caseload.duplicate-case [A]", "caseload.unknown-worker [E]", "caseload.invalid-measure [F]",
			}, notContained: "invalid-fte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := asOf
			if tc.zeroAsOf {
				a = 0
			}
			_, err := caseload.Workload(tc.team, tc.regime, a, until+date.Date(tc.until), tc.minutes)
			require.Error(t, err)
			assert.ErrorIs(t, err, caseload.ErrInput)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			if tc.notContained != "" {
				assert.NotContains(t, err.Error(), tc.notContained)
			}
		})
	}
}

func TestWorkloadAndCapacityMarshal(t *testing.T) {
	r, err := caseload.Workload(workloadTeam(t), followup.Herning(), d("2026-02-02"), d("2026-04-30"), caseload.Minutes{followup.FollowUp: 240})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back caseload.WorkloadReport
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)
	assert.Contains(t, string(b), `"label":"2026-W06","from":"2026-02-02","to":"2026-02-08"`)

	c, err := caseload.Capacity(caseload.CapacityModel{Regime: followup.Herning(), From: d("2026-01-05"), HoursPerWeek: 30,
		Mix: []caseload.MixEntry{{Code: "familiebehandling", Share: 0.5}, {Code: "", Share: 0.5}}, Minutes: caseload.Minutes{followup.FollowUp: 240}})
	require.NoError(t, err)
	b, err = json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"itemsByKind":{"followup":3,"status-report":1}`)
	var cback caseload.CapacityResult
	require.NoError(t, json.Unmarshal(b, &cback))
	assert.Equal(t, c, cback)
}
