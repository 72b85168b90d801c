package followup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func dueMeasure(t *testing.T, id, code, start string) ladder.Measure {
	t.Helper()
	m, err := ladder.Default().NewMeasure(id, code, ladder.MustParseDate(start), 0)
	require.NoError(t, err)
	return m
}

func TestDueIn(t *testing.T) {
	// c2/m2 H-INST from 2024-02-05: 19 Feb, 1 Apr (working day Wed 27 Mar:
	// 2. påskedag), 13 May, 24 Jun.
	// c1/m1 H-KORT from 2024-02-10 (Sat): every 4 weeks: 9 Mar (Sat → Fri
	// 8 Mar), 6 Apr (Sat → Fri 5 Apr), 4 May (Sat → Fri 3 May).
	recs := []followup.Record{
		{Case: "c2", Measure: dueMeasure(t, "m2", "doegninstitution", "2024-02-05")},
		{Case: "c1", Measure: dueMeasure(t, "m1", "korttidsanbringelse", "2024-02-10")},
	}
	asOf := ladder.MustParseDate("2024-03-09") // a Saturday
	plans, err := followup.Herning().ScheduleAll(recs, followup.Options{AsOf: asOf})
	require.NoError(t, err)

	items, err := followup.DueIn(plans, asOf, ladder.MustParseDate("2024-04-06"))
	require.NoError(t, err)
	type row struct{ wd, due, c string }
	var got []row
	for _, it := range items {
		got = append(got, row{it.WorkingDay.String(), it.Due.String(), it.Case})
	}
	assert.Equal(t, []row{
		{"2024-02-19", "2024-02-19", "c2"}, // overdue: due before as-of, not held
		{"2024-03-08", "2024-03-09", "c1"}, // due on the Saturday as-of: upcoming, working day before the window
		{"2024-03-27", "2024-04-01", "c2"},
		{"2024-04-05", "2024-04-06", "c1"},
	}, got)
	for _, it := range items {
		assert.NotEqual(t, followup.Done, it.Status)
	}

	_, err = followup.DueIn(plans, asOf, asOf-1)
	assert.ErrorIs(t, err, followup.ErrInput)
	_, err = followup.DueIn(plans, 0, asOf)
	assert.ErrorContains(t, err, "followup.DueIn")
}

func TestComplianceItemDueOnAsOfIsNotOverdue(t *testing.T) {
	// kostskole from 2026-01-05: the statutory-only SEL/BL first follow-up
	// is due 2026-04-05 (start + 3 months). On that very day it is upcoming,
	// not overdue, and no statutory finding is raised.
	rec := followup.Record{Case: "c", Measure: dueMeasure(t, "m", "kostskole", "2026-01-05")}
	plan, err := followup.Herning().Schedule(rec, followup.Options{AsOf: ladder.MustParseDate("2026-04-05")})
	require.NoError(t, err)
	require.Equal(t, "2026-04-05", plan.At(0).Due.String())
	assert.Equal(t, followup.Upcoming, plan.At(0).Status)
	c := plan.Compliance()
	assert.Equal(t, 0, c.Due)
	assert.Equal(t, 0, c.Overdue)
	assert.Empty(t, c.Findings)

	// A day later it is overdue and statutory.
	plan, err = followup.Herning().Schedule(rec, followup.Options{AsOf: ladder.MustParseDate("2026-04-06")})
	require.NoError(t, err)
	c = plan.Compliance()
	assert.Equal(t, 1, c.Overdue)
	assert.Equal(t, 1, c.StatutoryDue)
	assert.Equal(t, []string{"followup.statutory.overdue"}, c.Findings.Codes())
}
