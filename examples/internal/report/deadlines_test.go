package report

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// The report carries each notification's deadlines and each young
// person's placement's plan, worked by hand:
//   - received Fri 13 Nov 2026 14:20 from a day-care, about a child in
//     respite care, about abuse; assessed the same afternoon. Assessment
//     and § 137 items due Sat 14 Nov 14:20; the receipt 13 + 6 = Thu 19
//     Nov.
//   - born 30 Jun 2009 (16 on 30 Jun 2025), placed 31 Jan 2026: the plan is
//     due 31 Jan + 3 months = 30 Apr 2026, made 20 Apr.
//   - born 21 Sep 2010, placed 3 Mar 2025: 16 on 21 Sep 2026, due Mon 21
//     Dec 2026, before Until (as-of 16 Nov + 6 weeks = 28 Dec): listed,
//     upcoming. The aftercare contact person beside it owes no plan the
//     input can tell (the municipality's choice is not recorded).
func TestBuildDeadlines(t *testing.T) {
	d := decode(t, `{"workers": [{"id": "w1"}, {"id": "w2"}],
	  "cases": [
	    {"id": "c1", "worker": "w1", "child": {"birthDate": "2017-12-12"},
	     "measures": [{"id": "m1", "intervention": "aflastning", "start": "2026-06-01"}],
	     "notifications": [{"received": "2026-11-13T14:20:00+01:00", "assessed": "2026-11-13T16:05:00+01:00",
	        "fromProfessional": true, "alreadySupported": true, "abuse": true, "childTalked": "2026-11-16T09:00:00+01:00"}]},
	    {"id": "c2", "worker": "w2", "child": {"birthDate": "2009-06-30"},
	     "measures": [{"id": "m2", "intervention": "opholdssted", "start": "2026-01-31", "youngPersonsPlan": "2026-04-20"}]},
	    {"id": "c3", "worker": "w2", "child": {"birthDate": "2010-09-21"},
	     "measures": [{"id": "m3", "intervention": "doegninstitution", "start": "2025-03-03"},
	                  {"id": "m4", "intervention": "ungestoette-kontaktperson", "start": "2025-03-03"}]}]}`)
	r, err := Build(d, Options{AsOf: ladder.MustParseDate("2026-11-16"), Weeks: 6, Lang: "en"})
	require.NoError(t, err)
	assert.Equal(t, "2026-12-28", r.Until.String())

	type row struct {
		caseID, measure, worker string
		kind                    followup.Kind
		due, work               string
		status                  followup.Status
		daysLate                int
	}
	var got []row
	for _, dl := range r.Deadlines {
		got = append(got, row{dl.Case, dl.Measure, dl.Worker, dl.Kind, dl.Due.String(), dl.WorkingDay.String(), dl.Status, dl.DaysLate})
	}
	assert.Equal(t, []row{
		{"c2", "m2", "w2", followup.YoungPersonsPlan, "2026-04-30", "2026-04-30", followup.Done, 0},
		{"c1", "", "w1", followup.NotificationAssessment, "2026-11-14", "2026-11-14", followup.Done, 0},
		{"c1", "", "w1", followup.Reassessment, "2026-11-14", "2026-11-14", followup.Overdue, 0},
		{"c1", "", "w1", followup.ChildConversationOnNotification, "2026-11-14", "2026-11-14", followup.Done, 2},
		{"c1", "", "w1", followup.NotifierReceipt, "2026-11-19", "2026-11-19", followup.Upcoming, 0},
		{"c3", "m3", "w2", followup.YoungPersonsPlan, "2026-12-21", "2026-12-21", followup.Upcoming, 0},
	}, got, "in working-day order; the aftercare contact person owes no plan the input can tell")

	for _, dl := range r.Deadlines {
		assert.NotEmpty(t, dl.Why.Text)
		assert.NotEmpty(t, dl.Why.Reasons)
		assert.Equal(t, dl.Kind == followup.NotificationAssessment || dl.Kind == followup.Reassessment || dl.Kind == followup.ChildConversationOnNotification,
			dl.DueAt != nil, "%s: only the items in hours have a moment", dl.Kind)
	}
	assert.True(t, r.Deadlines[2].Pending(r.Until), "overdue")
	assert.False(t, r.Deadlines[0].Pending(r.Until), "done")

	b, err := json.Marshal(r.Deadlines[2])
	require.NoError(t, err)
	assert.Contains(t, string(b), `"dueAt":"2026-11-14T14:20:00+01:00"`)
	assert.Contains(t, string(b), `"kind":"reassessment"`)
	assert.NotContains(t, string(b), `"doneOn"`)

	// Limited to one worker, only that worker's cases.
	r, err = Build(d, Options{AsOf: ladder.MustParseDate("2026-11-16"), Weeks: 6, Worker: "w1"})
	require.NoError(t, err)
	for _, dl := range r.Deadlines {
		assert.Equal(t, "c1", dl.Case)
	}
}
