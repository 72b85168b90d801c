package followup_test

import (
	"github.com/trappe-dk/trappe/ladder/msg"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Copenhagen for the daylight-saving cases, whatever the machine has

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// The expected values below are worked out by hand from statutory.md and
// domain.md §§ 2–3, with weekdays and Danish holidays looked up in a
// calendar.

func intakeDay(s string) date.Date {
	d, err := date.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return d
}

// cet is Danish winter time without daylight saving, named as Go prints it.
var cet = time.FixedZone("CET", 60*60)

func intakeAt(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cet)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNotificationDeadline(t *testing.T) {
	type want struct {
		rule    string
		dueAt   string
		due     string
		status  followup.Status
		late    int
		lateBy  time.Duration
		doneOn  string
		inTexts []string // fragments of the English why
	}
	tests := []struct {
		name     string
		received string
		assessed string // "" not yet
		now      string
		want     want
	}{
		{name: "upcoming", received: "2024-03-04 09:30", now: "2024-03-04 17:00",
			want: want{rule: "BL-136", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Upcoming,
				inTexts: []string{"received at 2024-03-04 09:30 CET", "by 2024-03-05 09:30 CET", "not moved to a working day"}}},
		{name: "exactly at the deadline is not yet overdue", received: "2024-03-04 09:30", now: "2024-03-05 09:30",
			want: want{rule: "BL-136", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Upcoming}},
		{name: "one minute past the deadline", received: "2024-03-04 09:30", now: "2024-03-05 09:31",
			want: want{rule: "BL-136", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Overdue}},
		{name: "assessed within the deadline", received: "2024-03-04 09:30", assessed: "2024-03-04 15:00", now: "2024-03-06 08:00",
			want: want{rule: "BL-136", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Done,
				late: -1, lateBy: -(18*time.Hour + 30*time.Minute), doneOn: "2024-03-04",
				inTexts: []string{"Assessed at 2024-03-04 15:00 CET, within the deadline."}}},
		{name: "assessed at the deadline is on time", received: "2024-03-04 09:30", assessed: "2024-03-05 09:30", now: "2024-03-05 09:30",
			want: want{rule: "BL-136", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Done, doneOn: "2024-03-05",
				inTexts: []string{"within the deadline"}}},
		{name: "assessed 2 h 15 min late, same day", received: "2024-03-04 09:30", assessed: "2024-03-05 11:45", now: "2024-03-05 12:00",
			want: want{rule: "BL-136", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Done,
				lateBy: 2*time.Hour + 15*time.Minute, doneOn: "2024-03-05",
				inTexts: []string{"Assessed at 2024-03-05 11:45 CET, 2 hours and 15 minutes after the deadline."}}},
		{name: "assessed late over midnight", received: "2024-03-04 22:00", assessed: "2024-03-06 00:30", now: "2024-03-06 01:00",
			want: want{rule: "BL-136", dueAt: "2024-03-05 22:00", due: "2024-03-05", status: followup.Done,
				late: 1, lateBy: 2*time.Hour + 30*time.Minute, doneOn: "2024-03-06",
				inTexts: []string{"2 hours and 30 minutes after the deadline"}}},
		{name: "Friday afternoon is due Saturday afternoon", received: "2024-03-08 16:00", now: "2024-03-11 08:00",
			want: want{rule: "BL-136", dueAt: "2024-03-09 16:00", due: "2024-03-09", status: followup.Overdue}},
		{name: "received 2023-12-31 23:00: Serviceloven, though due in 2024", received: "2023-12-31 23:00", now: "2024-01-01 08:00",
			want: want{rule: "SEL-155", dueAt: "2024-01-01 23:00", due: "2024-01-01", status: followup.Upcoming,
				inTexts: []string{"The law is chosen by the receipt (2023-12-31), so Serviceloven applies even though the deadline falls after 2024-01-01."}}},
		{name: "received 2024-01-01 00:00: Barnets Lov", received: "2024-01-01 00:00", now: "2024-01-01 08:00",
			want: want{rule: "BL-136", dueAt: "2024-01-02 00:00", due: "2024-01-02", status: followup.Upcoming}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := followup.Notification{Case: "sag-1", Received: intakeAt(tt.received)}
			if tt.assessed != "" {
				n.Assessed = intakeAt(tt.assessed)
			}
			it, err := followup.NotificationDeadline(n, intakeAt(tt.now))
			require.NoError(t, err)
			w := tt.want
			assert.Equal(t, followup.NotificationAssessment, it.Kind)
			assert.Equal(t, "sag-1", it.Case)
			assert.Equal(t, w.rule, it.Rule)
			assert.Equal(t, []string{w.rule}, it.Rules())
			assert.True(t, it.Statutory)
			assert.False(t, it.Conditional)
			assert.True(t, intakeAt(w.dueAt).Equal(it.DueAt), "DueAt %s", it.DueAt)
			assert.Equal(t, intakeDay(w.due), it.Due)
			assert.Equal(t, it.Due, it.WorkingDay, "the 24-hour deadline is not moved to a working day")
			assert.Equal(t, w.status, it.Status)
			assert.Equal(t, w.late, it.Late)
			assert.Equal(t, max(0, w.late), it.DaysLate())
			assert.Equal(t, w.lateBy, it.LateBy)
			if w.doneOn != "" {
				assert.Equal(t, intakeDay(w.doneOn), it.DoneOn)
				assert.True(t, n.Assessed.Equal(it.DoneAt))
			} else {
				assert.Zero(t, it.DoneOn)
				assert.True(t, it.DoneAt.IsZero())
			}
			ex := it.Why()
			require.Len(t, ex.Reasons, 1)
			r := ex.Reasons[0]
			assert.Equal(t, w.rule, r.RuleID)
			assert.Equal(t, followup.Statutory, r.Layer)
			assert.Contains(t, r.Source, "Kompendium s. 28")
			en := ex.Text(msg.English)
			for _, frag := range w.inTexts {
				assert.Contains(t, en, frag)
			}
			assert.Contains(t, ex.Text(msg.Danish), "flyttes ikke til en arbejdsdag")
		})
	}
}

func TestNotificationDeadlineRegimes(t *testing.T) {
	sel, err := followup.NotificationDeadline(followup.Notification{Received: intakeAt("2023-12-31 23:00")}, intakeAt("2024-01-01 00:00"))
	require.NoError(t, err)
	bl, err := followup.NotificationDeadline(followup.Notification{Received: intakeAt("2024-01-01 00:00")}, intakeAt("2024-01-01 00:00"))
	require.NoError(t, err)

	assert.Equal(t, "SEL-155", sel.Rule)
	assert.Equal(t, "SEL § 155, stk. 2 (til 31.12.2023); Kompendium s. 28", sel.Source)
	assert.Equal(t, "Serviceloven", sel.Why().Reasons[0].RuleSet)
	assert.Equal(t, "BL-136", bl.Rule)
	assert.Equal(t, "BL § 136 (tidl. SEL § 155, stk. 2); Kompendium s. 28", bl.Source)
	assert.Equal(t, "Barnets Lov", bl.Why().Reasons[0].RuleSet)
	assert.Equal(t, followup.BarnetsLovEffective, bl.Why().Reasons[0].Effective)
	assert.Equal(t, time.Hour, bl.DueAt.Sub(sel.DueAt), "the same 24 hours under both laws")
	assert.NotContains(t, bl.Why().Text(msg.English), "law is chosen", "no note when the deadline falls under the same law")
}

func TestNotificationDeadlineDaylightSaving(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	require.NoError(t, err)
	tests := []struct {
		name     string
		received time.Time
		wall     string // the deadline on the wall clock
	}{
		// Summer time began 31 March 2024 at 02:00: 24 hours after 12:00
		// CET the clock shows 13:00 CEST.
		{"spring forward", time.Date(2024, time.March, 30, 12, 0, 0, 0, cph), "2024-03-31 13:00 CEST"},
		// Summer time ended 27 October 2024 at 03:00: 24 hours after 12:00
		// CEST the clock shows 11:00 CET.
		{"fall back", time.Date(2024, time.October, 26, 12, 0, 0, 0, cph), "2024-10-27 11:00 CET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := followup.NotificationDeadline(followup.Notification{Received: tt.received}, tt.received)
			require.NoError(t, err)
			assert.Equal(t, 24*time.Hour, it.DueAt.Sub(tt.received))
			assert.Equal(t, tt.wall, it.DueAt.Format("2006-01-02 15:04 MST"))
			assert.Equal(t, intakeDay(tt.wall[:10]), it.Due)
		})
	}
}

func TestNotificationDeadlineErrors(t *testing.T) {
	rec := intakeAt("2024-03-04 09:30")
	tests := []struct {
		name string
		n    followup.Notification
		now  time.Time
		msg  string
	}{
		{"zero received", followup.Notification{Case: "c1"}, rec, `case "c1": zero received time`},
		{"zero now", followup.Notification{Case: "c1", Received: rec}, time.Time{}, "zero now"},
		{"received after now", followup.Notification{Received: rec}, rec.Add(-time.Minute), "received 2024-03-04 09:30 CET is after now 2024-03-04 09:29 CET"},
		{"assessed before received", followup.Notification{Received: rec, Assessed: rec.Add(-time.Hour)}, rec, "assessed 2024-03-04 08:30 CET is before received 2024-03-04 09:30 CET"},
		{"assessed after now", followup.Notification{Received: rec, Assessed: rec.Add(2 * time.Hour)}, rec.Add(time.Hour), "assessed 2024-03-04 11:30 CET is after now 2024-03-04 10:30 CET"},
		{"before the modelled law", followup.Notification{Received: intakeAt("2010-12-31 12:00")}, rec, "no notification-assessment rule in force on 2010-12-31 in the regime"},
		{"year 10000", followup.Notification{Received: rec}, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "after the year 9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := followup.NotificationDeadline(tt.n, tt.now)
			require.Error(t, err)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.True(t, strings.HasPrefix(err.Error(), "followup.NotificationDeadline: "), err.Error())
			assert.Contains(t, err.Error(), tt.msg)
			assert.Zero(t, it)
		})
	}
}

func TestAssessmentDeadlineDates(t *testing.T) {
	// 4 calendar months after the day the municipality learned of the
	// need, clamped to the month's last day.
	tests := []struct {
		learned, due, workingDay, rule string
		clamped                        bool
	}{
		{"2023-10-31", "2024-02-29", "2024-02-29", "SEL-50", true}, // 31 Feb does not exist; 2024 is a leap year
		{"2023-10-30", "2024-02-29", "2024-02-29", "SEL-50", true}, // 30 Feb neither
		{"2023-10-29", "2024-02-29", "2024-02-29", "SEL-50", false},
		{"2023-10-28", "2024-02-28", "2024-02-28", "SEL-50", false},
		{"2024-10-31", "2025-02-28", "2025-02-28", "BL-20", true},  // 2025 is no leap year
		{"2024-01-05", "2024-05-05", "2024-05-03", "BL-20", false}, // a Sunday: Friday before
		{"2024-01-01", "2024-05-01", "2024-05-01", "BL-20", false},
		{"2023-12-31", "2024-04-30", "2024-04-30", "SEL-50", true},
	}
	for _, tt := range tests {
		t.Run(tt.learned, func(t *testing.T) {
			learned := intakeDay(tt.learned)
			items, err := followup.AssessmentDeadlines(followup.Assessment{Case: "c", Learned: learned, Finished: learned}, learned, nil)
			require.NoError(t, err)
			require.Len(t, items, 1, "finished on time: no preliminary assessment")
			it := items[0]
			assert.Equal(t, followup.ChildAssessment, it.Kind)
			assert.Equal(t, tt.rule, it.Rule)
			assert.Equal(t, intakeDay(tt.due), it.Due)
			assert.Equal(t, intakeDay(tt.workingDay), it.WorkingDay)
			assert.True(t, it.DueAt.IsZero(), "date based")
			en := it.Why().Text(msg.English)
			assert.Equal(t, tt.clamped, strings.Contains(en, "the deadline is the month's last day"), en)
			switched := tt.rule == "SEL-50" && tt.due >= "2024-01-01"
			assert.Equal(t, switched, strings.Contains(en, "so Serviceloven applies even though the deadline falls after 2024-01-01"), en)
		})
	}
}

func TestAssessmentDeadlines(t *testing.T) {
	// Learned Friday 5 January 2024: due Sunday 5 May 2024, planned for
	// Friday 3 May.
	learned := intakeDay("2024-01-05")
	due, work := intakeDay("2024-05-05"), intakeDay("2024-05-03")
	type itemWant struct {
		kind        followup.Kind
		status      followup.Status
		late        int
		conditional bool
		why         string // a fragment of the English why
	}
	tests := []struct {
		name string
		a    followup.Assessment
		asOf string
		want []itemWant
	}{
		{name: "running, well before the deadline",
			a: followup.Assessment{Learned: learned}, asOf: "2024-03-01",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Upcoming},
				{kind: followup.PreliminaryAssessment, status: followup.Upcoming, conditional: true, why: "Owed only if the assessment is not finished by 2024-05-05."},
			}},
		{name: "on the deadline day it is still conditional",
			a: followup.Assessment{Learned: learned}, asOf: "2024-05-05",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Upcoming},
				{kind: followup.PreliminaryAssessment, status: followup.Upcoming, conditional: true},
			}},
		{name: "the day after the deadline both are overdue",
			a: followup.Assessment{Learned: learned}, asOf: "2024-05-06",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Overdue, why: "a preliminary assessment is owed, and the assessment is to be finished as soon as possible"},
				{kind: followup.PreliminaryAssessment, status: followup.Overdue, why: "The assessment was not finished by the deadline."},
			}},
		{name: "finished two days early",
			a: followup.Assessment{Learned: learned, Finished: intakeDay("2024-05-03")}, asOf: "2024-05-06",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Done, late: -2, why: "Finished on 2024-05-03, on time."},
			}},
		{name: "finished on the deadline; a recorded preliminary assessment is not owed",
			a: followup.Assessment{Learned: learned, Finished: due, Preliminary: intakeDay("2024-04-20")}, asOf: "2024-05-06",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Done},
			}},
		{name: "preliminary made early while running",
			a: followup.Assessment{Learned: learned, Preliminary: intakeDay("2024-04-30")}, asOf: "2024-05-01",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Upcoming},
				{kind: followup.PreliminaryAssessment, status: followup.Done, late: -5},
			}},
		{name: "late, with a preliminary assessment on the deadline",
			a: followup.Assessment{Learned: learned, Preliminary: due, Finished: intakeDay("2024-05-20")}, asOf: "2024-06-01",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Done, late: 15, why: "Finished on 2024-05-20, 15 days late."},
				{kind: followup.PreliminaryAssessment, status: followup.Done, why: "Preliminary assessment made on 2024-05-05, on time."},
			}},
		{name: "late without a preliminary assessment: it stays missed",
			a: followup.Assessment{Learned: learned, Finished: intakeDay("2024-05-06")}, asOf: "2024-06-01",
			want: []itemWant{
				{kind: followup.ChildAssessment, status: followup.Done, late: 1, why: "1 day late"},
				{kind: followup.PreliminaryAssessment, status: followup.Overdue, why: "The assessment was finished on 2024-05-06, after the deadline."},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := followup.AssessmentDeadlines(tt.a, intakeDay(tt.asOf), nil)
			require.NoError(t, err)
			require.Len(t, items, len(tt.want))
			for i, w := range tt.want {
				it := items[i]
				assert.Equal(t, w.kind, it.Kind, "item %d", i)
				assert.Equal(t, "BL-20", it.Rule)
				assert.Equal(t, "BL § 20, stk. 3 (tidl. SEL § 50, stk. 7)", it.Source)
				assert.Equal(t, due, it.Due)
				assert.Equal(t, work, it.WorkingDay)
				assert.Equal(t, w.status, it.Status, "item %d", i)
				assert.Equal(t, w.late, it.Late, "item %d", i)
				assert.Equal(t, w.conditional, it.Conditional, "item %d", i)
				assert.True(t, it.Statutory)
				if w.why != "" {
					assert.Contains(t, it.Why().Text(msg.English), w.why, "item %d", i)
				}
			}
		})
	}
}

func TestAssessmentNetworkMap(t *testing.T) {
	tests := []struct {
		name     string
		a        followup.Assessment
		required bool
	}{
		{"learned and started before 2016", followup.Assessment{Learned: intakeDay("2015-12-31")}, false},
		{"learned in 2015, started in 2016", followup.Assessment{Learned: intakeDay("2015-12-30"), Started: intakeDay("2016-01-04")}, true},
		{"learned on 1 January 2016", followup.Assessment{Learned: intakeDay("2016-01-01")}, true},
		{"made", followup.Assessment{Learned: intakeDay("2024-01-05"), NetworkMap: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := followup.AssessmentDeadlines(tt.a, intakeDay("2024-06-01"), nil)
			require.NoError(t, err)
			it := items[0]
			ex := it.Why()
			if !tt.required {
				assert.Empty(t, it.Requirements)
				assert.Equal(t, []string{"SEL-50"}, it.Rules())
				assert.Len(t, ex.Reasons, 1)
				return
			}
			require.Len(t, it.Requirements, 1)
			req := it.Requirements[0]
			assert.Equal(t, "H-NETVAERKSKORT", req.RuleID)
			assert.Equal(t, tt.a.NetworkMap, req.Met)
			assert.Contains(t, req.Source, "s. 29")
			assert.Equal(t, "Netværkskort med forældre og barn i hver ny børnefaglig undersøgelse", req.Name.Da)
			assert.Equal(t, []string{it.Rule, "H-NETVAERKSKORT"}, it.Rules())
			require.Len(t, ex.Reasons, 2)
			r := ex.Reasons[1]
			assert.Equal(t, "H-NETVAERKSKORT", r.RuleID)
			assert.Equal(t, followup.Municipal, r.Layer)
			assert.Equal(t, followup.NetworkMapEffective, r.Effective)
			if tt.a.NetworkMap {
				assert.Contains(t, r.Text(msg.English), "The requirement is recorded as met.")
				assert.Contains(t, r.Text(msg.Danish), "Kravet er registreret som opfyldt.")
			} else {
				assert.Contains(t, r.Text(msg.English), "The requirement is not recorded as met.")
			}
			// The preliminary item carries no network map.
			for _, x := range items[1:] {
				assert.Empty(t, x.Requirements)
			}
		})
	}
}

func TestAssessmentDeadlinesErrors(t *testing.T) {
	l := intakeDay("2024-01-05")
	asOf := intakeDay("2024-06-01")
	tests := []struct {
		name string
		a    followup.Assessment
		asOf date.Date
		msg  string
	}{
		{"zero learned", followup.Assessment{Case: "c2"}, asOf, `case "c2": zero learned date`},
		{"zero as-of", followup.Assessment{Learned: l}, 0, "zero as-of date"},
		{"learned after as-of", followup.Assessment{Learned: intakeDay("2024-06-02")}, asOf, "learned 2024-06-02 is after the as-of date 2024-06-01"},
		{"finished before learned", followup.Assessment{Learned: l, Finished: intakeDay("2024-01-04")}, asOf, "finished 2024-01-04 is before started 2024-01-05"},
		{"started before learned", followup.Assessment{Learned: l, Started: intakeDay("2024-01-01")}, asOf, "started 2024-01-01 is before learned 2024-01-05"},
		{"started after as-of", followup.Assessment{Learned: l, Started: intakeDay("2024-06-02")}, asOf, "started 2024-06-02 is after the as-of date"},
		{"finished after as-of", followup.Assessment{Learned: l, Finished: intakeDay("2024-06-02")}, asOf, "finished 2024-06-02 is after the as-of date"},
		{"preliminary before learned", followup.Assessment{Learned: l, Preliminary: intakeDay("2023-12-01")}, asOf, "preliminary assessment 2023-12-01 is before learned 2024-01-05"},
		{"preliminary after as-of", followup.Assessment{Learned: l, Preliminary: intakeDay("2024-06-02")}, asOf, "preliminary assessment 2024-06-02 is after the as-of date"},
		{"preliminary after finished", followup.Assessment{Learned: l, Finished: intakeDay("2024-05-20"), Preliminary: intakeDay("2024-05-21")}, asOf, "preliminary assessment 2024-05-21 is after finished 2024-05-20"},
		{"before the modelled law", followup.Assessment{Learned: intakeDay("2010-06-01")}, asOf, "no child-assessment rule in force on 2010-06-01"},
		{"as-of after 9999", followup.Assessment{Learned: l}, date.New(9999, 12, 31) + 1, "after the year 9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := followup.AssessmentDeadlines(tt.a, tt.asOf, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.True(t, strings.HasPrefix(err.Error(), "followup.AssessmentDeadlines: "), err.Error())
			assert.Contains(t, err.Error(), tt.msg)
			assert.Nil(t, items)
		})
	}
}

func TestChildsPlanDeadline(t *testing.T) {
	tests := []struct {
		name       string
		p          followup.PlanDecision
		asOf       string
		owed       bool
		rule, due  string
		workingDay string
		status     followup.Status
		late       int
		why        string // a fragment of the English why
	}{
		{name: "BL placement: 3 months, Saturday → Friday",
			p: followup.PlanDecision{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisPlacement}, asOf: "2024-04-01",
			owed: true, rule: "BL-91", due: "2024-06-15", workingDay: "2024-06-14", status: followup.Upcoming,
			why: "Placement outside the home: decided on 2024-03-15, and the plan is made at the latest 3 months later, on 2024-06-15."},
		{name: "BL placement decided 2024-01-01: due Easter Monday, planned before Maundy Thursday",
			p: followup.PlanDecision{Decided: intakeDay("2024-01-01"), Basis: ladder.BasisPlacement}, asOf: "2024-04-02",
			owed: true, rule: "BL-91", due: "2024-04-01", workingDay: "2024-03-27", status: followup.Overdue},
		{name: "BL placement: 30 Nov + 3 months clamps to 28 Feb",
			p: followup.PlanDecision{Decided: intakeDay("2024-11-30"), Basis: ladder.BasisPlacement, Made: intakeDay("2025-03-03")}, asOf: "2025-03-03",
			owed: true, rule: "BL-91", due: "2025-02-28", workingDay: "2025-02-28", status: followup.Done, late: 3,
			why: "Made on 2025-03-03, 3 days late."},
		{name: "BL § 47: before the decision",
			p: followup.PlanDecision{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisPlacement, WithoutConsent: true, Made: intakeDay("2024-03-14")}, asOf: "2024-03-15",
			owed: true, rule: "BL-91", due: "2024-03-14", workingDay: "2024-03-14", status: followup.Done,
			why: "Placement without consent (BL § 47): the plan exists before the decision (2024-03-15), that is at the latest the day before, 2024-03-14."},
		{name: "BL § 47: a plan on the decision day is a day late",
			p: followup.PlanDecision{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisPlacement, WithoutConsent: true, Made: intakeDay("2024-03-15")}, asOf: "2024-03-15",
			owed: true, rule: "BL-91", due: "2024-03-14", workingDay: "2024-03-14", status: followup.Done, late: 1},
		{name: "BL § 32 support without a chosen plan owes none",
			p:    followup.PlanDecision{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisSupport},
			asOf: "2024-04-01", owed: false},
		{name: "BL § 32 support with a chosen plan",
			p: followup.PlanDecision{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisSupport, PlanChosen: true}, asOf: "2024-04-01",
			owed: true, rule: "BL-91", due: "2024-06-15", workingDay: "2024-06-14", status: followup.Upcoming,
			why: "Support under BL § 32 where the municipality decided to make a plan: decided on 2024-03-15"},
		{name: "BL ignores Urgent",
			p: followup.PlanDecision{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisPlacement, Urgent: true}, asOf: "2024-04-01",
			owed: true, rule: "BL-91", due: "2024-06-15", workingDay: "2024-06-14", status: followup.Upcoming},
		{name: "SEL: the action plan before the decision",
			p: followup.PlanDecision{Decided: intakeDay("2023-06-01"), Basis: ladder.BasisSupport, Made: intakeDay("2023-06-01")}, asOf: "2023-07-01",
			owed: true, rule: "SEL-140", due: "2023-05-31", workingDay: "2023-05-31", status: followup.Done, late: 1,
			why: "A decision on a measure: the plan exists before the decision (2023-06-01), that is at the latest the day before, 2023-05-31."},
		{name: "SEL ignores PlanChosen: support always has an action plan",
			p: followup.PlanDecision{Decided: intakeDay("2023-06-01"), Basis: ladder.BasisSupport, PlanChosen: false}, asOf: "2023-06-01",
			owed: true, rule: "SEL-140", due: "2023-05-31", workingDay: "2023-05-31", status: followup.Overdue},
		{name: "SEL decided 2023-12-31: due Saturday 30 Dec, planned Friday",
			p: followup.PlanDecision{Decided: intakeDay("2023-12-31"), Basis: ladder.BasisPlacement}, asOf: "2023-12-01",
			owed: true, rule: "SEL-140", due: "2023-12-30", workingDay: "2023-12-29", status: followup.Upcoming},
		{name: "SEL urgent: 4 months, into 2024 under SEL",
			p: followup.PlanDecision{Decided: intakeDay("2023-11-15"), Basis: ladder.BasisPlacement, Urgent: true}, asOf: "2024-01-10",
			owed: true, rule: "SEL-140", due: "2024-03-15", workingDay: "2024-03-15", status: followup.Upcoming,
			why: "so Serviceloven applies even though the deadline falls after 2024-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.p.Case, tt.p.Measure = "sag-7", "m-1"
			it, owed, err := followup.ChildsPlanDeadline(tt.p, intakeDay(tt.asOf), nil)
			require.NoError(t, err)
			require.Equal(t, tt.owed, owed)
			if !owed {
				assert.Zero(t, it)
				return
			}
			assert.Equal(t, followup.ChildsPlan, it.Kind)
			assert.Equal(t, "sag-7", it.Case)
			assert.Equal(t, "m-1", it.Measure)
			assert.Equal(t, tt.rule, it.Rule)
			assert.Equal(t, intakeDay(tt.due), it.Due)
			assert.Equal(t, intakeDay(tt.workingDay), it.WorkingDay)
			assert.Equal(t, tt.status, it.Status)
			assert.Equal(t, tt.late, it.Late)
			if tt.why != "" {
				assert.Contains(t, it.Why().Text(msg.English), tt.why)
			}
		})
	}
}

// A plan due "before the decision" is due the day before: no month is
// added, so no day can be missing from the deadline's month, and the
// explanation must not say one is (domain.md conventions: every item says
// why, correctly). Decided 15 Mar 2024 → due 14 Mar; decided 1 Jun 2023 →
// due 31 May.
func TestChildsPlanBeforeDecisionHasNoMonthEndNote(t *testing.T) {
	for _, p := range []followup.PlanDecision{
		{Decided: intakeDay("2024-03-15"), Basis: ladder.BasisPlacement, WithoutConsent: true},
		{Decided: intakeDay("2023-06-01"), Basis: ladder.BasisSupport},
	} {
		it, owed, err := followup.ChildsPlanDeadline(p, p.Decided, nil)
		require.NoError(t, err)
		require.True(t, owed)
		assert.Equal(t, p.Decided-1, it.Due)
		assert.NotContains(t, it.Why().Text(msg.English), "does not exist")
		assert.NotContains(t, it.Why().Text(msg.Danish), "findes ikke")
	}
}

func TestChildsPlanDeadlineErrors(t *testing.T) {
	d := intakeDay("2024-03-15")
	asOf := intakeDay("2024-04-01")
	tests := []struct {
		name string
		p    followup.PlanDecision
		asOf date.Date
		msg  string
	}{
		{"zero decision", followup.PlanDecision{Case: "c3", Measure: "m3", Basis: ladder.BasisPlacement}, asOf, `case "c3", measure "m3": zero decision date`},
		{"zero as-of", followup.PlanDecision{Decided: d, Basis: ladder.BasisPlacement}, 0, "zero as-of date"},
		{"zero basis", followup.PlanDecision{Decided: d}, asOf, "basis ladder.Basis(0)"},
		{"early basis", followup.PlanDecision{Decided: d, Basis: ladder.BasisEarly}, asOf, "basis early; the plan rules cover placement and support"},
		{"without consent on support", followup.PlanDecision{Decided: d, Basis: ladder.BasisSupport, WithoutConsent: true}, asOf, "without consent, but basis support is not a placement"},
		{"made after as-of", followup.PlanDecision{Decided: d, Basis: ladder.BasisPlacement, Made: intakeDay("2024-04-02")}, asOf, "plan made 2024-04-02 is after the as-of date 2024-04-01"},
		{"before the modelled law", followup.PlanDecision{Decided: intakeDay("2010-01-01"), Basis: ladder.BasisPlacement}, asOf, "no statutory rule set in force on the decision date 2010-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, owed, err := followup.ChildsPlanDeadline(tt.p, tt.asOf, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.True(t, strings.HasPrefix(err.Error(), "followup.ChildsPlanDeadline: "), err.Error())
			assert.Contains(t, err.Error(), tt.msg)
			assert.False(t, owed)
			assert.Zero(t, it)
		})
	}
}

func TestHearingDeadline(t *testing.T) {
	tests := []struct {
		name              string
		start, heard      string
		asOf              string
		rule, due, workDy string
		status            followup.Status
		late              int
		why               string
	}{
		{name: "start Monday: due Sunday, planned Friday", start: "2024-03-04", asOf: "2024-02-20",
			rule: "BL-5", due: "2024-03-03", workDy: "2024-03-01", status: followup.Upcoming,
			why: "The deadline is the day before the start, 2024-03-03."},
		{name: "on the due day it is upcoming", start: "2024-03-04", asOf: "2024-03-03",
			rule: "BL-5", due: "2024-03-03", workDy: "2024-03-01", status: followup.Upcoming},
		{name: "on the start day, not heard: overdue", start: "2024-03-04", asOf: "2024-03-04",
			rule: "BL-5", due: "2024-03-03", workDy: "2024-03-01", status: followup.Overdue},
		{name: "heard on the start day is a day late", start: "2024-03-04", heard: "2024-03-04", asOf: "2024-03-04",
			rule: "BL-5", due: "2024-03-03", workDy: "2024-03-01", status: followup.Done, late: 1,
			why: "Child heard on 2024-03-04, 1 day late."},
		{name: "heard in good time", start: "2024-03-04", heard: "2024-02-20", asOf: "2024-03-04",
			rule: "BL-5", due: "2024-03-03", workDy: "2024-03-01", status: followup.Done, late: -12,
			why: "Child heard on 2024-02-20, on time."},
		{name: "start 2024-01-01: Barnets Lov, though due 2023-12-31", start: "2024-01-01", asOf: "2023-12-01",
			rule: "BL-5", due: "2023-12-31", workDy: "2023-12-29", status: followup.Upcoming,
			why: "The law is chosen by the measure's start (2024-01-01), so Barnets Lov applies even though the deadline falls before 2024-01-01."},
		{name: "start 2023-12-31: Serviceloven, at any age", start: "2023-12-31", asOf: "2023-12-01",
			rule: "SEL-48", due: "2023-12-30", workDy: "2023-12-29", status: followup.Upcoming,
			why: "whatever the child's age; from 12 the child is a party"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := followup.ChildHearing{Case: "sag-9", Measure: "m-9", Start: intakeDay(tt.start)}
			if tt.heard != "" {
				h.Heard = intakeDay(tt.heard)
			}
			it, err := followup.HearingDeadline(h, intakeDay(tt.asOf), nil)
			require.NoError(t, err)
			assert.Equal(t, followup.Hearing, it.Kind)
			assert.Equal(t, "m-9", it.Measure)
			assert.Equal(t, tt.rule, it.Rule)
			assert.Equal(t, intakeDay(tt.due), it.Due)
			assert.Equal(t, intakeDay(tt.workDy), it.WorkingDay)
			assert.Equal(t, tt.status, it.Status)
			assert.Equal(t, tt.late, it.Late)
			assert.Equal(t, h.Heard, it.DoneOn)
			assert.Contains(t, it.Source, "'partshøring – af barnet'")
			ex := it.Why()
			assert.Contains(t, ex.Text(msg.Danish), `"partshøring – af barnet"`)
			if tt.why != "" {
				assert.Contains(t, ex.Text(msg.English), tt.why)
			}
		})
	}
}

func TestHearingDeadlineErrors(t *testing.T) {
	asOf := intakeDay("2024-03-01")
	tests := []struct {
		name string
		h    followup.ChildHearing
		asOf date.Date
		msg  string
	}{
		{"zero start", followup.ChildHearing{Case: "c4", Measure: "m4"}, asOf, `case "c4", measure "m4": zero start date`},
		{"zero as-of", followup.ChildHearing{Start: asOf}, 0, "zero as-of date"},
		{"heard after as-of", followup.ChildHearing{Start: asOf, Heard: asOf + 1}, asOf, "heard 2024-03-02 is after the as-of date 2024-03-01"},
		{"before the modelled law", followup.ChildHearing{Start: intakeDay("2010-12-31")}, asOf, "no hearing rule in force on 2010-12-31"},
		{"start after 9999", followup.ChildHearing{Start: date.New(9999, 12, 31) + 1}, asOf, "after the year 9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := followup.HearingDeadline(tt.h, tt.asOf, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.True(t, strings.HasPrefix(err.Error(), "followup.HearingDeadline: "), err.Error())
			assert.Contains(t, err.Error(), tt.msg)
			assert.Zero(t, it)
		})
	}
}

func TestIntakeRules(t *testing.T) {
	rules := followup.IntakeRules()
	ids := map[string]bool{}
	for _, r := range rules {
		ids[r.ID] = true
		assert.True(t, r.Kind.IsValid(), r.ID)
		assert.True(t, r.Layer.IsValid(), r.ID)
		assert.NotEmpty(t, r.Name.Da, r.ID)
		assert.NotEmpty(t, r.Name.En, r.ID)
		assert.NotEmpty(t, r.Source, r.ID)
		// Exactly one kind of deadline, except the network map, which is a
		// requirement on the assessment.
		n := 0
		if r.Hours > 0 {
			n++
		}
		if !r.Within.IsZero() {
			n++
		}
		if r.Before {
			n++
		}
		if r.WorkingDays > 0 {
			n++
		}
		if !r.Ahead.IsZero() {
			n++
		}
		if r.ID == "H-NETVAERKSKORT" {
			assert.Equal(t, 0, n)
			assert.Equal(t, followup.Municipal, r.Layer)
			assert.Equal(t, intakeDay("2016-01-01"), r.Effective)
			continue
		}
		if r.ID == "H-NETVAERKSMOEDE" {
			// Kompendium s. 23–27, dated 7 Dec 2015: a week ahead.
			assert.Equal(t, 1, n)
			assert.Equal(t, followup.Municipal, r.Layer)
			assert.Equal(t, followup.Weeks(1), r.Ahead)
			assert.Equal(t, intakeDay("2015-12-07"), r.Effective)
			continue
		}
		assert.Equal(t, 1, n, r.ID)
		assert.Equal(t, followup.Statutory, r.Layer, r.ID)
		switch {
		case strings.HasPrefix(r.ID, "SEL-"):
			assert.Equal(t, "Serviceloven", r.RuleSet)
			assert.Equal(t, intakeDay("2011-01-01"), r.Effective, r.ID)
			assert.Equal(t, intakeDay("2023-12-31"), r.Until, r.ID)
			assert.True(t, r.InForce(intakeDay("2023-12-31")))
			assert.False(t, r.InForce(intakeDay("2024-01-01")))
		case strings.HasPrefix(r.ID, "BL-"):
			assert.Equal(t, "Barnets Lov", r.RuleSet)
			assert.Equal(t, followup.BarnetsLovEffective, r.Effective, r.ID)
			assert.Zero(t, r.Until, r.ID)
			assert.Contains(t, r.Source, "tidl. SEL", "cite the old paragraph too")
			assert.False(t, r.InForce(intakeDay("2023-12-31")))
		default:
			t.Errorf("unexpected rule id %q", r.ID)
		}
	}
	for _, id := range []string{"SEL-155", "BL-136", "SEL-50", "BL-20", "SEL-140", "BL-91", "SEL-48", "BL-5", "H-NETVAERKSKORT",
		// Issue 15.
		"SEL-155B", "BL-138", "SEL-155A", "BL-137", "SEL-68", "BL-100", "BL-108", "H-NETVAERKSMOEDE"} {
		assert.True(t, ids[id], id)
	}
	assert.Len(t, ids, 17)

	// IntakeRules returns a copy.
	rules[0].ID = "changed"
	assert.Equal(t, "SEL-155", followup.IntakeRules()[0].ID)
}

func TestIntakeItemWhyIsACopy(t *testing.T) {
	items, err := followup.AssessmentDeadlines(followup.Assessment{Learned: intakeDay("2024-01-05")}, intakeDay("2024-01-05"), nil)
	require.NoError(t, err)
	it := items[0]
	ex := it.Why()
	ex.Reasons[0].Parts[0] = msg.New("changed")
	ex.Reasons[0].RuleID = "changed"
	assert.NotEqual(t, "changed", it.Why().Reasons[0].RuleID)
	assert.NotEqual(t, "changed", it.Why().Reasons[0].Parts[0].Code)
}

func TestIntakeItemLineAndText(t *testing.T) {
	items, err := followup.AssessmentDeadlines(followup.Assessment{Learned: intakeDay("2023-10-31")}, intakeDay("2023-11-01"), nil)
	require.NoError(t, err)
	it := items[0]
	assert.Equal(t, "SEL-50+H-NETVAERKSKORT: Child assessment finished at the latest 4 months after the municipality learned of the need. "+
		"The municipality learned on 2023-10-31 that the child may need special support; the assessment must be finished at the latest 4 months later, on 2024-02-29. "+
		"Day 31 does not exist in the deadline's month, so the deadline is the month's last day. "+
		"The law is chosen by the day the municipality learned of the need (2023-10-31), so Serviceloven applies even though the deadline falls after 2024-01-01.",
		it.Line(msg.English))
	assert.Equal(t, "[SEL-50] Børnefaglig undersøgelse afsluttet senest 4 måneder efter kendskab. "+
		"Kommunen fik 2023-10-31 kendskab til, at barnet kan have behov for særlig støtte; undersøgelsen skal være afsluttet senest 4 måneder efter, 2024-02-29. "+
		"Den 31. findes ikke i fristens måned, så fristen er månedens sidste dag. "+
		"Loven vælges efter kendskabet (2023-10-31), så Serviceloven gælder, selv om fristen falder efter 2024-01-01. "+
		"(SEL § 50, stk. 7 (til 31.12.2023); Serviceloven, gældende fra 2011-01-01) "+
		"[H-NETVAERKSKORT] Netværkskort med forældre og barn i hver ny børnefaglig undersøgelse. "+
		"Undersøgelsen er startet 2023-10-31, og fra 2016-01-01 gælder kravet i hver ny undersøgelse. "+
		"Herning udarbejder netværkskortet sammen med forældrene og barnet eller den unge. "+
		"Kravet er ikke registreret som opfyldt. "+
		"(Herningmodellen 1.0 — kompendium, 'Bedre afklaring af netværk v. foranstaltninger' (26.11.2015), s. 29; Herning Kommune — kompendium, gældende fra 2016-01-01)",
		it.Why().Text(msg.Danish))
}

func TestNotificationLatenessWords(t *testing.T) {
	rec := intakeAt("2024-03-04 09:00")
	due := rec.Add(24 * time.Hour)
	tests := []struct {
		late   time.Duration
		da, en string
	}{
		{30 * time.Second, "1 minut efter fristen", "1 minute after the deadline"},
		{time.Minute, "1 minut efter fristen", "1 minute after the deadline"},
		{45 * time.Minute, "45 minutter efter fristen", "45 minutes after the deadline"},
		{time.Hour, "1 time efter fristen", "1 hour after the deadline"},
		{time.Hour + time.Minute, "1 time og 1 minut efter fristen", "1 hour and 1 minute after the deadline"},
		{26 * time.Hour, "26 timer efter fristen", "26 hours after the deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.late.String(), func(t *testing.T) {
			it, err := followup.NotificationDeadline(followup.Notification{Received: rec, Assessed: due.Add(tt.late)}, due.Add(48*time.Hour))
			require.NoError(t, err)
			assert.Equal(t, tt.late, it.LateBy)
			assert.Contains(t, it.Why().Text(msg.Danish), tt.da)
			assert.Contains(t, it.Why().Text(msg.English), tt.en)
		})
	}
}
