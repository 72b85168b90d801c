package followup_test

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
)

// The expected values below are worked out by hand from statutory.md,
// domain.md §3 and the sources cited on each row (issue 15), with weekdays and Danish holidays looked
// up in a calendar: Easter 2024 is 31 March (Skærtorsdag 28 March,
// Langfredag 29 March, 2. påskedag 1 April), Kristi himmelfartsdag 2024 is
// 9 May, 2025 29 May; Store Bededag is no holiday from 2024.

// ---- the receipt to a professional notifier ----

func TestNotifierReceiptDeadline(t *testing.T) {
	tests := []struct {
		name     string
		received string
		sent     string // "" not yet
		now      string
		rule     string
		due      string
		work     string
		status   followup.Status
		late     int
		inText   []string
	}{
		// Fri 8 Mar 2024 + 6 days = Thu 14 Mar, a working day.
		{name: "upcoming on the due day", received: "2024-03-08 16:00", now: "2024-03-14 20:00",
			rule: "BL-138", due: "2024-03-14", work: "2024-03-14", status: followup.Upcoming,
			inText: []string{"at the latest 6 days after receipt, on 2024-03-14", "calendar days, the reading that relaxes less"}},
		{name: "overdue the day after", received: "2024-03-08 16:00", now: "2024-03-15 08:00",
			rule: "BL-138", due: "2024-03-14", work: "2024-03-14", status: followup.Overdue},
		{name: "sent late in the evening of the due day is on time", received: "2024-03-08 16:00", sent: "2024-03-14 23:59", now: "2024-03-15 08:00",
			rule: "BL-138", due: "2024-03-14", work: "2024-03-14", status: followup.Done, late: 0,
			inText: []string{"Receipt sent on 2024-03-14, on time."}},
		{name: "sent a day late", received: "2024-03-08 16:00", sent: "2024-03-15 09:00", now: "2024-03-18 08:00",
			rule: "BL-138", due: "2024-03-14", work: "2024-03-14", status: followup.Done, late: 1,
			inText: []string{"Receipt sent on 2024-03-15, 1 day late."}},
		// Mon 11 Mar + 6 = Sun 17 Mar: planned on Fri 15 Mar.
		{name: "due on a Sunday", received: "2024-03-11 10:00", now: "2024-03-11 10:00",
			rule: "BL-138", due: "2024-03-17", work: "2024-03-15", status: followup.Upcoming},
		// Fri 22 Mar + 6 = Thu 28 Mar, Skærtorsdag: planned on Wed 27 Mar.
		{name: "due on Skærtorsdag", received: "2024-03-22 10:00", now: "2024-03-22 10:00",
			rule: "BL-138", due: "2024-03-28", work: "2024-03-27", status: followup.Upcoming},
		// Thu 28 Dec 2023 + 6 = Wed 3 Jan 2024: Serviceloven, chosen by the receipt.
		{name: "received under Serviceloven, due under Barnets Lov", received: "2023-12-28 10:00", now: "2024-01-02 08:00",
			rule: "SEL-155B", due: "2024-01-03", work: "2024-01-03", status: followup.Upcoming,
			inText: []string{"The law is chosen by the receipt (2023-12-28), so Serviceloven applies even though the deadline falls after 2024-01-01."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := followup.Notification{Case: "sag-1", Received: intakeAt(tc.received), FromProfessional: true}
			if tc.sent != "" {
				n.ReceiptSent = intakeAt(tc.sent)
			}
			it, ok, err := followup.NotifierReceiptDeadline(n, intakeAt(tc.now), nil)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, followup.NotifierReceipt, it.Kind)
			assert.Equal(t, tc.rule, it.Rule)
			assert.True(t, it.Statutory)
			assert.Equal(t, intakeDay(tc.due), it.Due)
			assert.Equal(t, intakeDay(tc.work), it.WorkingDay)
			assert.True(t, it.DueAt.IsZero(), "a date-based item")
			assert.Equal(t, tc.status, it.Status)
			assert.Equal(t, tc.late, it.Late)
			text := it.Why().Text("en")
			for _, frag := range tc.inText {
				assert.Contains(t, text, frag)
			}
			assert.Contains(t, it.Why().Text("da"), "Kvittering for modtagelsen til den fagperson, der underrettede")
		})
	}

	// A notification from a citizen owes no receipt under these rows.
	_, ok, err := followup.NotifierReceiptDeadline(followup.Notification{Case: "sag-2", Received: intakeAt("2024-03-08 16:00")}, intakeAt("2024-03-20 08:00"), nil)
	require.NoError(t, err)
	assert.False(t, ok)
}

// The unit of the receipt deadline is data: a municipality that reads the
// law as 6 working days changes the rows, not the code.
func TestNotifierReceiptInWorkingDays(t *testing.T) {
	reg := workingDayReceiptRegime(t)
	// Fri 22 Mar 2024: working days after are Mon 25 (1), Tue 26 (2), Wed
	// 27 (3); Thu 28 Skærtorsdag, Fri 29 Langfredag, the weekend and Mon 1
	// Apr 2. påskedag are closed; Tue 2 Apr (4), Wed 3 (5), Thu 4 (6).
	n := followup.Notification{Case: "sag-3", Received: intakeAt("2024-03-22 10:00"), FromProfessional: true}
	it, ok, err := reg.NotifierReceiptDeadline(n, intakeAt("2024-03-22 10:00"), nil)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, intakeDay("2024-04-04"), it.Due)
	assert.Equal(t, it.Due, it.WorkingDay, "the n-th working day is a working day")
	assert.Contains(t, it.Why().Text("en"), "by 2024-04-04, working day number 6 after receipt")
	// The shipped calendar-day reading is due a week earlier, on the
	// working day before Skærtorsdag: it relaxes less.
	herning, _, err := followup.NotifierReceiptDeadline(n, intakeAt("2024-03-22 10:00"), nil)
	require.NoError(t, err)
	assert.Equal(t, intakeDay("2024-03-27"), herning.WorkingDay)

	// A calendar with an extra closed day moves the count.
	cal, err := workday.New(workday.Options{ExtraClosed: []date.Date{intakeDay("2024-03-25")}})
	require.NoError(t, err)
	it, _, err = reg.NotifierReceiptDeadline(n, intakeAt("2024-03-22 10:00"), cal)
	require.NoError(t, err)
	assert.Equal(t, intakeDay("2024-04-05"), it.Due, "Mon 25 Mar closed: the sixth working day is Fri 5 Apr")
}

// workingDayReceiptRegime is Herning's regime with Barnets Lov's receipt
// row counting 6 working days.
func workingDayReceiptRegime(t *testing.T) *followup.Regime {
	t.Helper()
	bl := followup.BarnetsLov().Spec()
	found := false
	for i, row := range bl.Statutory.Intake {
		if row.Kind == followup.NotifierReceipt {
			bl.Statutory.Intake[i].Within, bl.Statutory.Intake[i].WorkingDays = followup.Span{}, 6
			found = true
		}
	}
	require.True(t, found)
	set, err := followup.NewRuleSet(bl)
	require.NoError(t, err)
	reg, err := followup.NewRegime(followup.HerningRules(), followup.ServiceLoven(), set)
	require.NoError(t, err)
	return reg
}

// ---- BL § 137: the reassessment and the conversation with the child ----

func TestNotification137Items(t *testing.T) {
	type fn func(followup.Notification, time.Time) (followup.IntakeItem, bool, error)
	tests := []struct {
		name     string
		f        fn
		kind     followup.Kind
		n        followup.Notification
		now      string
		rule     string
		dueAt    string
		due      string
		status   followup.Status
		lateBy   time.Duration
		inText   []string
		notOwned bool
	}{
		{name: "reassessment upcoming at the deadline", f: followup.ReassessmentDeadline, kind: followup.Reassessment,
			n: followup.Notification{Received: intakeAt("2024-03-04 09:30"), AlreadySupported: true}, now: "2024-03-05 09:30",
			rule: "BL-137", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Upcoming,
			inText: []string{"who have not taken part in the case before", "within 24 hours of receipt: by 2024-03-05 09:30 CET", "The paragraph sets no deadline."}},
		{name: "reassessment overdue a minute later", f: followup.ReassessmentDeadline, kind: followup.Reassessment,
			n: followup.Notification{Received: intakeAt("2024-03-04 09:30"), AlreadySupported: true}, now: "2024-03-05 09:31",
			rule: "BL-137", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Overdue},
		{name: "reassessed early", f: followup.ReassessmentDeadline, kind: followup.Reassessment,
			n:   followup.Notification{Received: intakeAt("2024-03-04 09:30"), AlreadySupported: true, Reassessed: intakeAt("2024-03-04 15:00")},
			now: "2024-03-06 08:00", rule: "BL-137", dueAt: "2024-03-05 09:30", due: "2024-03-05", status: followup.Done,
			lateBy: -(18*time.Hour + 30*time.Minute), inText: []string{"Reassessed at 2024-03-04 15:00 CET, within the deadline."}},
		// Friday 16:00 + 24 hours = Saturday 16:00: not moved to a working day.
		{name: "conversation held late on a Saturday", f: followup.NotificationConversationDeadline, kind: followup.ChildConversationOnNotification,
			n:   followup.Notification{Received: intakeAt("2024-03-08 16:00"), Abuse: true, ChildTalked: intakeAt("2024-03-09 18:30")},
			now: "2024-03-11 08:00", rule: "BL-137", dueAt: "2024-03-09 16:00", due: "2024-03-09", status: followup.Done,
			lateBy: 2*time.Hour + 30*time.Minute,
			inText: []string{"is about abuse", "without their consent and presence", "Conversation held at 2024-03-09 18:30 CET, 2 hours and 30 minutes after the deadline."}},
		{name: "received under Serviceloven", f: followup.NotificationConversationDeadline, kind: followup.ChildConversationOnNotification,
			n: followup.Notification{Received: intakeAt("2023-12-31 23:00"), Abuse: true}, now: "2024-01-01 08:00",
			rule: "SEL-155A", dueAt: "2024-01-01 23:00", due: "2024-01-01", status: followup.Upcoming,
			inText: []string{"so Serviceloven applies even though the deadline falls after 2024-01-01"}},
		{name: "no reassessment for a child not yet supported", f: followup.ReassessmentDeadline,
			n: followup.Notification{Received: intakeAt("2024-03-04 09:30"), Abuse: true}, now: "2024-03-05 09:30", notOwned: true},
		{name: "no conversation unless about abuse", f: followup.NotificationConversationDeadline,
			n: followup.Notification{Received: intakeAt("2024-03-04 09:30"), AlreadySupported: true}, now: "2024-03-05 09:30", notOwned: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.n.Case = "sag-5"
			it, ok, err := tc.f(tc.n, intakeAt(tc.now))
			require.NoError(t, err)
			if tc.notOwned {
				assert.False(t, ok)
				assert.Equal(t, followup.IntakeItem{}.Kind, it.Kind)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tc.kind, it.Kind)
			assert.Equal(t, tc.rule, it.Rule)
			assert.True(t, it.Statutory)
			assert.True(t, intakeAt(tc.dueAt).Equal(it.DueAt), "DueAt %s", it.DueAt)
			assert.Equal(t, intakeDay(tc.due), it.Due)
			assert.Equal(t, it.Due, it.WorkingDay, "runs in hours, not moved")
			assert.Equal(t, tc.status, it.Status)
			assert.Equal(t, tc.lateBy, it.LateBy)
			text := it.Why().Text("en")
			for _, frag := range tc.inText {
				assert.Contains(t, text, frag)
			}
		})
	}
}

func TestNotificationDeadlines(t *testing.T) {
	n := followup.Notification{Case: "sag-6", Received: intakeAt("2024-03-04 09:30"), Assessed: intakeAt("2024-03-04 12:00"),
		FromProfessional: true, AlreadySupported: true, Abuse: true}
	items, err := followup.NotificationDeadlines(n, intakeAt("2024-03-05 12:00"), nil)
	require.NoError(t, err)
	var kinds []followup.Kind
	for _, it := range items {
		kinds = append(kinds, it.Kind)
		assert.Equal(t, "sag-6", it.Case)
	}
	assert.Equal(t, []followup.Kind{followup.NotificationAssessment, followup.NotifierReceipt, followup.Reassessment, followup.ChildConversationOnNotification}, kinds)
	assert.Equal(t, followup.Done, items[0].Status)
	// 4 Mar + 6 days = 10 Mar, a Sunday: planned on Fri 8 Mar.
	assert.Equal(t, intakeDay("2024-03-10"), items[1].Due)
	assert.Equal(t, intakeDay("2024-03-08"), items[1].WorkingDay)
	assert.Equal(t, followup.Upcoming, items[1].Status)
	assert.Equal(t, followup.Overdue, items[2].Status, "due 2024-03-05 09:30, not reassessed by 12:00")
	assert.Equal(t, followup.Overdue, items[3].Status)

	// A citizen's notification about a child not known: the assessment only.
	items, err = followup.NotificationDeadlines(followup.Notification{Case: "sag-7", Received: intakeAt("2024-03-04 09:30")}, intakeAt("2024-03-04 10:00"), nil)
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, followup.NotificationAssessment, items[0].Kind)
}

func TestNotificationIssue15Errors(t *testing.T) {
	base := followup.Notification{Case: "sag-8", Received: intakeAt("2024-03-04 09:30"), FromProfessional: true, AlreadySupported: true, Abuse: true}
	with := func(f func(*followup.Notification)) followup.Notification {
		n := base
		f(&n)
		return n
	}
	now := intakeAt("2024-03-06 08:00")
	far := time.Date(10000, time.January, 1, 0, 0, 0, 0, cet)
	tests := []struct {
		name string
		n    followup.Notification
		now  time.Time
		want string
	}{
		{"zero receipt", with(func(n *followup.Notification) { n.Received = time.Time{} }), now, `case "sag-8": field Received: zero time`},
		{"zero now", base, time.Time{}, `case "sag-8": zero now`},
		{"received after now", base, intakeAt("2024-03-04 09:00"), "field Received: 2024-03-04 09:30 CET is after now 2024-03-04 09:00 CET"},
		{"receipt sent before receipt", with(func(n *followup.Notification) { n.ReceiptSent = intakeAt("2024-03-04 09:00") }), now,
			"field ReceiptSent: 2024-03-04 09:00 CET is before Received 2024-03-04 09:30 CET"},
		{"reassessed after now", with(func(n *followup.Notification) { n.Reassessed = intakeAt("2024-03-07 09:00") }), now,
			"field Reassessed: 2024-03-07 09:00 CET is after now 2024-03-06 08:00 CET"},
		{"talked after the year 9999", with(func(n *followup.Notification) { n.ChildTalked = far }), far,
			"a time after the year 9999"},
	}
	fns := map[string]func(followup.Notification, time.Time) error{
		"followup.NotifierReceiptDeadline": func(n followup.Notification, now time.Time) error {
			_, _, err := followup.NotifierReceiptDeadline(n, now, nil)
			return err
		},
		"followup.ReassessmentDeadline": func(n followup.Notification, now time.Time) error {
			_, _, err := followup.ReassessmentDeadline(n, now)
			return err
		},
		"followup.NotificationConversationDeadline": func(n followup.Notification, now time.Time) error {
			_, _, err := followup.NotificationConversationDeadline(n, now)
			return err
		},
		"followup.NotificationDeadlines": func(n followup.Notification, now time.Time) error {
			_, err := followup.NotificationDeadlines(n, now, nil)
			return err
		},
	}
	for _, tc := range tests {
		for op, f := range fns {
			t.Run(tc.name+"/"+op, func(t *testing.T) {
				err := f(tc.n, tc.now)
				require.Error(t, err)
				assert.True(t, errors.Is(err, followup.ErrInput))
				assert.Contains(t, err.Error(), op+": bad input")
				assert.Contains(t, err.Error(), tc.want)
			})
		}
	}
	// A nil regime is an error, never a panic.
	var nilReg *followup.Regime
	_, _, err := nilReg.NotifierReceiptDeadline(base, now, nil)
	assert.ErrorIs(t, err, followup.ErrInput)
	_, _, err = nilReg.ReassessmentDeadline(base, now)
	assert.ErrorIs(t, err, followup.ErrInput)
	_, _, err = nilReg.NetworkMeetingDeadline(followup.NetworkMeeting{Slot: intakeDay("2024-05-16")}, intakeDay("2024-05-01"), nil)
	assert.ErrorIs(t, err, followup.ErrInput)
	_, _, err = nilReg.YoungPersonsPlanDeadline(followup.YoungPerson{BirthDate: intakeDay("2008-01-01"), Decided: intakeDay("2024-05-01"), Basis: ladder.BasisPlacement}, intakeDay("2024-05-01"), nil)
	assert.ErrorIs(t, err, followup.ErrInput)
	_, err = nilReg.ReturnHomePlanDeadline(followup.ReturnHome{Decided: intakeDay("2024-05-01")}, intakeDay("2024-05-01"), nil)
	assert.ErrorIs(t, err, followup.ErrInput)
}

// ---- Herning's network meeting ----

func TestNetworkMeetingDeadline(t *testing.T) {
	// Reserved time Thu 16 May 2024; a week before is Thu 9 May, Kristi
	// himmelfartsdag: planned on Wed 8 May.
	slot := intakeDay("2024-05-16")
	tests := []struct {
		name    string
		invited string
		asOf    string
		status  followup.Status
		late    int
		inText  []string
		outText []string
	}{
		{name: "upcoming", asOf: "2024-05-08", status: followup.Upcoming,
			inText: []string{"at the latest 1 week before, on 2024-05-09", "counted back from the reserved time"}, outText: []string{"released"}},
		{name: "on the due day, still upcoming", asOf: "2024-05-09", status: followup.Upcoming},
		{name: "not invited: the time is released", asOf: "2024-05-10", status: followup.Overdue,
			inText: []string{"The deadline passed without an invitation: the time on 2024-05-16 is released."}},
		{name: "invited in time", invited: "2024-05-08", asOf: "2024-05-10", status: followup.Done, late: -1,
			inText: []string{"Invited on 2024-05-08, on time."}},
		{name: "invited a day late", invited: "2024-05-10", asOf: "2024-05-10", status: followup.Done, late: 1,
			inText: []string{"Invited on 2024-05-10, 1 day late."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := followup.NetworkMeeting{Case: "sag-9", Slot: slot}
			if tc.invited != "" {
				m.Invited = intakeDay(tc.invited)
			}
			it, ok, err := followup.NetworkMeetingDeadline(m, intakeDay(tc.asOf), nil)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, followup.NetworkMeetingInvite, it.Kind)
			assert.Equal(t, "H-NETVAERKSMOEDE", it.Rule)
			assert.False(t, it.Statutory, "Herning's own deadline, not the law's")
			assert.Equal(t, intakeDay("2024-05-09"), it.Due)
			assert.Equal(t, intakeDay("2024-05-08"), it.WorkingDay)
			assert.Equal(t, tc.status, it.Status)
			assert.Equal(t, tc.late, it.Late)
			text := it.Why().Text("en")
			for _, frag := range tc.inText {
				assert.Contains(t, text, frag)
			}
			for _, frag := range tc.outText {
				assert.NotContains(t, text, frag)
			}
			require.Len(t, it.Why().Reasons, 1)
			assert.Equal(t, followup.Municipal, it.Why().Reasons[0].Layer)
			assert.Contains(t, it.Source, "s. 23–27")
		})
	}

	// Before Herning's description (7 Dec 2015) there is no row; nor under
	// the law alone.
	_, ok, err := followup.NetworkMeetingDeadline(followup.NetworkMeeting{Case: "sag-9", Slot: intakeDay("2015-12-01")}, intakeDay("2015-11-20"), nil)
	require.NoError(t, err)
	assert.False(t, ok)
	law, err := followup.NewRegime(nil, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	_, ok, err = law.NetworkMeetingDeadline(followup.NetworkMeeting{Case: "sag-9", Slot: slot}, intakeDay("2024-05-01"), nil)
	require.NoError(t, err)
	assert.False(t, ok, "the network meeting is Herning's, not the law's")

	for _, tc := range []struct {
		m    followup.NetworkMeeting
		asOf string
		want string
	}{
		{followup.NetworkMeeting{Case: "c"}, "2024-05-01", `followup.NetworkMeetingDeadline: bad input: case "c": field Slot: zero date`},
		{followup.NetworkMeeting{Case: "c", Slot: slot, Invited: intakeDay("2024-05-17")}, "2024-05-20", "field Invited: 2024-05-17 is after the reserved time 2024-05-16"},
		{followup.NetworkMeeting{Case: "c", Slot: slot, Invited: intakeDay("2024-05-10")}, "2024-05-09", "field Invited: 2024-05-10 is after the as-of date 2024-05-09"},
	} {
		_, _, err := followup.NetworkMeetingDeadline(tc.m, intakeDay(tc.asOf), nil)
		assert.ErrorIs(t, err, followup.ErrInput)
		assert.ErrorContains(t, err, tc.want)
	}
}

// ---- the young person's plan (BL § 108) ----

func TestAgeReached(t *testing.T) {
	for _, tc := range []struct {
		born string
		age  int
		want string
	}{
		{"2010-09-21", 16, "2026-09-21"},
		// A leap-day child turns 16 in a leap year: 2008 + 16 = 2024.
		{"2008-02-29", 16, "2024-02-29"},
		// ... and 18 in a year without 29 February: the earlier day, 28 Feb.
		{"2008-02-29", 18, "2026-02-28"},
		// 16 years is a multiple of 4, so a leap-day child turns 16 on a
		// non-leap year only across a century: 2100 is not a leap year.
		{"2084-02-29", 16, "2100-02-28"},
		{"2000-02-29", 100, "2100-02-28"},
		{"2004-02-29", 0, "2004-02-29"},
	} {
		assert.Equal(t, intakeDay(tc.want), followup.AgeReached(intakeDay(tc.born), tc.age), "%s + %d", tc.born, tc.age)
	}
}

func TestYoungPersonsPlanDeadline(t *testing.T) {
	tests := []struct {
		name   string
		y      followup.YoungPerson
		asOf   string
		due    string
		work   string
		status followup.Status
		late   int
		inText []string
	}{
		// Placed at 15; 16 on 29 Feb 2024 (a leap year) + 3 months = Wed
		// 29 May 2024.
		{name: "leap-day child placed before 16",
			y:    followup.YoungPerson{BirthDate: intakeDay("2008-02-29"), Decided: intakeDay("2023-08-14"), Basis: ladder.BasisPlacement},
			asOf: "2024-03-01", due: "2024-05-29", work: "2024-05-29", status: followup.Upcoming,
			inText: []string{"turns 16 on 2024-02-29", "the later of the decision (2023-08-14) and the day the young person turns 16 (2024-02-29), that is 2024-02-29: by 2024-05-29"}},
		// Placed at 16: 31 Jan 2026 + 3 months = 30 Apr 2026 (Thu; April
		// has no 31st).
		{name: "placed after 16, month end",
			y:    followup.YoungPerson{BirthDate: intakeDay("2009-06-30"), Decided: intakeDay("2026-01-31"), Basis: ladder.BasisPlacement},
			asOf: "2026-05-04", due: "2026-04-30", work: "2026-04-30", status: followup.Overdue,
			inText: []string{"that is 2026-01-31: by 2026-04-30", "Day 31 does not exist in the deadline's month"}},
		// Without consent at 17: before the decision on Mon 10 Mar 2025,
		// the day before is Sun 9 Mar, planned on Fri 7 Mar.
		{name: "without consent at 17: before the decision",
			y:    followup.YoungPerson{BirthDate: intakeDay("2008-01-15"), Decided: intakeDay("2025-03-10"), Basis: ladder.BasisPlacement, WithoutConsent: true, Made: intakeDay("2025-03-10")},
			asOf: "2025-03-12", due: "2025-03-09", work: "2025-03-07", status: followup.Done, late: 1,
			inText: []string{"exists before the decision (2025-03-10), that is at the latest the day before, 2025-03-09", "Plan made on 2025-03-10, 1 day late."}},
		// Without consent at 14: the barnets plan came before the decision;
		// the ungeplan is due from the 16th birthday, 21 Sep 2026 + 3
		// months = Mon 21 Dec 2026.
		{name: "without consent before 16: from the birthday",
			y:    followup.YoungPerson{BirthDate: intakeDay("2010-09-21"), Decided: intakeDay("2025-06-02"), Basis: ladder.BasisPlacement, WithoutConsent: true},
			asOf: "2026-11-16", due: "2026-12-21", work: "2026-12-21", status: followup.Upcoming},
		// § 32 support where a plan was chosen: 16 on 30 Nov 2025 + 3
		// months = 28 Feb 2026 (clamped), a Saturday: planned Fri 27 Feb.
		{name: "support with a plan chosen",
			y:    followup.YoungPerson{BirthDate: intakeDay("2009-11-30"), Decided: intakeDay("2024-01-10"), Basis: ladder.BasisSupport, PlanChosen: true, Made: intakeDay("2026-02-20")},
			asOf: "2026-03-02", due: "2026-02-28", work: "2026-02-27", status: followup.Done, late: -8,
			inText: []string{"Day 30 does not exist", "Plan made on 2026-02-20, on time."}},
		// A re-established stay at 19: Mon 17 Feb 2025 + 3 months = Sat 17
		// May 2025, planned Fri 16 May.
		{name: "re-established stay",
			y:    followup.YoungPerson{BirthDate: intakeDay("2005-05-05"), Decided: intakeDay("2025-02-17"), Basis: ladder.BasisAftercare, Reestablished: true},
			asOf: "2025-02-17", due: "2025-05-17", work: "2025-05-16", status: followup.Upcoming,
			inText: []string{"Re-established stay (BL § 116), where the plan is mandatory"}},
		// Born 29 Feb 2084: 16 on 28 Feb 2100 (no 29 Feb in 2100) + 3
		// months = Fri 28 May 2100 (Easter 2100 is 28 March, Kristi
		// himmelfart 6 May, 2. pinsedag 17 May).
		{name: "leap-day child turning 16 in 2100",
			y:    followup.YoungPerson{BirthDate: intakeDay("2084-02-29"), Decided: intakeDay("2099-06-01"), Basis: ladder.BasisPlacement},
			asOf: "2100-01-04", due: "2100-05-28", work: "2100-05-28", status: followup.Upcoming,
			inText: []string{"turns 16 on 2100-02-28", "which 2100 does not have; the age is reached at the start of 28 February", "unconfirmed: Danish practice may be 1 March"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.y.Case, tc.y.Measure = "sag-10", "m-1"
			it, ok, err := followup.YoungPersonsPlanDeadline(tc.y, intakeDay(tc.asOf), nil)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, followup.YoungPersonsPlan, it.Kind)
			assert.Equal(t, "BL-108", it.Rule)
			assert.Equal(t, "m-1", it.Measure)
			assert.True(t, it.Statutory)
			assert.Equal(t, intakeDay(tc.due), it.Due)
			assert.Equal(t, intakeDay(tc.work), it.WorkingDay)
			assert.Equal(t, tc.status, it.Status)
			assert.Equal(t, tc.late, it.Late)
			text := it.Why().Text("en")
			for _, frag := range tc.inText {
				assert.Contains(t, text, frag)
			}
			assert.Contains(t, it.Why().Text("da"), "Ungeplan")
		})
	}
}

func TestYoungPersonsPlanNotOwed(t *testing.T) {
	for _, tc := range []struct {
		name string
		y    followup.YoungPerson
	}{
		{"support, no plan chosen (the municipality only considers one)",
			followup.YoungPerson{BirthDate: intakeDay("2009-11-30"), Decided: intakeDay("2024-01-10"), Basis: ladder.BasisSupport}},
		{"aftercare, not re-established, no plan chosen",
			followup.YoungPerson{BirthDate: intakeDay("2005-05-05"), Decided: intakeDay("2025-02-17"), Basis: ladder.BasisAftercare}},
		// 16 on 21 Sep 2026, after the placement's last day 30 Jun 2026.
		{"placement ended before 16",
			followup.YoungPerson{BirthDate: intakeDay("2010-09-21"), Decided: intakeDay("2020-01-06"), Ends: intakeDay("2026-06-30"), Basis: ladder.BasisPlacement}},
		// 16 on 1 May 2023: the clock starts under Serviceloven, which has
		// no separate plan for young people in the library.
		{"clock started before 2024",
			followup.YoungPerson{BirthDate: intakeDay("2007-05-01"), Decided: intakeDay("2022-01-10"), Basis: ladder.BasisPlacement}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.y.Case = "sag-11"
			it, ok, err := followup.YoungPersonsPlanDeadline(tc.y, intakeDay("2026-11-16"), nil)
			require.NoError(t, err)
			assert.False(t, ok)
			assert.Zero(t, it.Due)
		})
	}
}

func TestYoungPersonsPlanErrors(t *testing.T) {
	ok := followup.YoungPerson{Case: "c", Measure: "m", BirthDate: intakeDay("2009-01-01"), Decided: intakeDay("2025-01-06"), Basis: ladder.BasisPlacement}
	with := func(f func(*followup.YoungPerson)) followup.YoungPerson {
		y := ok
		f(&y)
		return y
	}
	for _, tc := range []struct {
		y    followup.YoungPerson
		asOf date.Date
		want string
	}{
		{with(func(y *followup.YoungPerson) { y.BirthDate = 0 }), intakeDay("2025-02-01"), "field BirthDate: zero date"},
		{with(func(y *followup.YoungPerson) { y.Decided = 0 }), intakeDay("2025-02-01"), "field Decided: zero date"},
		{ok, 0, "zero as-of date"},
		{with(func(y *followup.YoungPerson) { y.Basis = ladder.BasisEarly }), intakeDay("2025-02-01"), "field Basis: early"},
		{with(func(y *followup.YoungPerson) { y.Basis, y.WithoutConsent = ladder.BasisSupport, true }), intakeDay("2025-02-01"), "field WithoutConsent set, but basis support"},
		{with(func(y *followup.YoungPerson) { y.Reestablished = true }), intakeDay("2025-02-01"), "field Reestablished set, but basis placement"},
		{with(func(y *followup.YoungPerson) { y.Ends = intakeDay("2024-12-31") }), intakeDay("2025-02-01"), "field Ends: 2024-12-31 is before Decided 2025-01-06"},
		{with(func(y *followup.YoungPerson) { y.Made = intakeDay("2025-03-01") }), intakeDay("2025-02-01"), "field Made: 2025-03-01 is after the as-of date 2025-02-01"},
		{with(func(y *followup.YoungPerson) { y.BirthDate = intakeDay("1899-12-31") }), intakeDay("2025-02-01"), "field BirthDate: 1899-12-31 is before 1900-01-01"},
	} {
		_, _, err := followup.YoungPersonsPlanDeadline(tc.y, tc.asOf, nil)
		require.Error(t, err, tc.want)
		assert.ErrorIs(t, err, followup.ErrInput)
		assert.ErrorContains(t, err, `followup.YoungPersonsPlanDeadline: bad input: case "c", measure "m": `+tc.want)
	}
}

// ---- the plan revised before the return home (BL § 100, stk. 5) ----

func TestReturnHomePlanDeadline(t *testing.T) {
	tests := []struct {
		name   string
		h      followup.ReturnHome
		asOf   string
		rule   string
		due    string
		work   string
		status followup.Status
		late   int
		inText []string
	}{
		// The decision on Thu 2 May 2024 comes first: due Wed 1 May.
		{name: "from the decision", h: followup.ReturnHome{Decided: intakeDay("2024-05-02"), Returns: intakeDay("2024-06-01")},
			asOf: "2024-04-15", rule: "BL-100", due: "2024-05-01", work: "2024-05-01", status: followup.Upcoming,
			inText: []string{"runs from the decision to return the child home (2024-05-02): at the latest the day before, 2024-05-01", "The child moves home on 2024-06-01."}},
		// Only the day the child moves home, Mon 3 Jun 2024: due Sun 2
		// Jun, planned Fri 31 May.
		{name: "from the day the child moves home", h: followup.ReturnHome{Returns: intakeDay("2024-06-03")},
			asOf: "2024-06-04", rule: "BL-100", due: "2024-06-02", work: "2024-05-31", status: followup.Overdue,
			inText: []string{"runs from the day the child moves home (2024-06-03)"}},
		{name: "revised on the decision day is a day late", h: followup.ReturnHome{Decided: intakeDay("2024-05-02"), Revised: intakeDay("2024-05-02")},
			asOf: "2024-05-03", rule: "BL-100", due: "2024-05-01", work: "2024-05-01", status: followup.Done, late: 1,
			inText: []string{"Plan revised on 2024-05-02, 1 day late."}},
		// Serviceloven's row, chosen by the decision on 15 Jun 2023.
		{name: "under Serviceloven", h: followup.ReturnHome{Decided: intakeDay("2023-06-15")},
			asOf: "2023-06-01", rule: "SEL-68", due: "2023-06-14", work: "2023-06-14", status: followup.Upcoming},
		// Decided on 1 Jan 2024 under Barnets Lov; due Sun 31 Dec 2023,
		// before the law took effect, planned Fri 29 Dec.
		{name: "decided on the day Barnets Lov took effect", h: followup.ReturnHome{Decided: intakeDay("2024-01-01")},
			asOf: "2023-12-01", rule: "BL-100", due: "2023-12-31", work: "2023-12-29", status: followup.Upcoming,
			inText: []string{"so Barnets Lov applies even though the deadline falls before 2024-01-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.h.Case, tc.h.Measure = "sag-12", "m-2"
			it, err := followup.ReturnHomePlanDeadline(tc.h, intakeDay(tc.asOf), nil)
			require.NoError(t, err)
			assert.Equal(t, followup.ReturnHomePlan, it.Kind)
			assert.Equal(t, tc.rule, it.Rule)
			assert.Equal(t, "m-2", it.Measure)
			assert.True(t, it.Statutory)
			assert.Equal(t, intakeDay(tc.due), it.Due)
			assert.Equal(t, intakeDay(tc.work), it.WorkingDay)
			assert.Equal(t, tc.status, it.Status)
			assert.Equal(t, tc.late, it.Late)
			text := it.Why().Text("en")
			for _, frag := range tc.inText {
				assert.Contains(t, text, frag)
			}
		})
	}
	for _, tc := range []struct {
		h    followup.ReturnHome
		want string
	}{
		{followup.ReturnHome{Case: "c", Measure: "m"}, "fields Decided and Returns: both zero"},
		{followup.ReturnHome{Case: "c", Measure: "m", Decided: intakeDay("2024-05-02"), Returns: intakeDay("2024-05-01")}, "field Returns: 2024-05-01 is before Decided 2024-05-02"},
		{followup.ReturnHome{Case: "c", Measure: "m", Decided: intakeDay("2024-05-02"), Revised: intakeDay("2024-06-01")}, "field Revised: 2024-06-01 is after the as-of date 2024-05-15"},
	} {
		_, err := followup.ReturnHomePlanDeadline(tc.h, intakeDay("2024-05-15"), nil)
		assert.ErrorIs(t, err, followup.ErrInput)
		assert.ErrorContains(t, err, `followup.ReturnHomePlanDeadline: bad input: case "c", measure "m": `+tc.want)
	}
}

// ---- the rows are data, checked when the set is built ----

func TestIssue15IntakeRowsAreChecked(t *testing.T) {
	build := func(edit func(*followup.IntakeRule)) error {
		bl := followup.BarnetsLov().Spec()
		for i := range bl.Statutory.Intake {
			if bl.Statutory.Intake[i].Kind == followup.NotifierReceipt {
				edit(&bl.Statutory.Intake[i])
			}
		}
		_, err := followup.NewRuleSet(bl)
		return err
	}
	tests := []struct {
		name string
		edit func(*followup.IntakeRule)
		want string
	}{
		{"a form the kind's function does not read", func(r *followup.IntakeRule) { r.Within, r.Before = followup.Span{}, true },
			"ruleset.intake.form"},
		{"two forms", func(r *followup.IntakeRule) { r.WorkingDays = 6 }, "ruleset.intake.deadline"},
		{"too many working days", func(r *followup.IntakeRule) { r.Within, r.WorkingDays = followup.Span{}, 400 }, "ruleset.intake.working-days"},
		{"an age on a row that is not the young person's plan", func(r *followup.IntakeRule) { r.FromAge = 16 }, "ruleset.intake.age-kind"},
		{"an age out of range", func(r *followup.IntakeRule) { r.FromAge = 30 }, "ruleset.intake.age"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := build(tc.edit)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	err := build(func(r *followup.IntakeRule) { r.Within, r.Before = followup.Span{}, true })
	assert.ErrorContains(t, err, "A deadline given as before is not read for kind notifier-receipt; use within, workingDays.")
	require.NoError(t, build(func(*followup.IntakeRule) {}))
}

// FuzzIntake15 drives the issue 15 functions with arbitrary dates and
// flags: never a panic, and whatever is owed is due by the rule — the
// receipt 6 days after the receipt day, the young person's plan 3 months
// after the later of the decision and the 16th birthday (or the day before
// the decision), the return-home plan the day before its anchor — and
// planned on a working day no later than the due date.
func FuzzIntake15(f *testing.F) {
	f.Add(int64(19790), int64(600), int64(100), uint8(0xff), int32(6000), int32(5000), int32(30))
	f.Add(int64(12477), int64(-50), int64(3), uint8(0x01), int32(-3), int32(7000), int32(0))
	f.Fuzz(func(t *testing.T, day int64, minutes, doneMin int64, flags uint8, born, decided, ends int32) {
		base := time.Date(1970, time.January, 1, 0, 0, 0, 0, cet)
		received := base.Add(time.Duration(day%40000) * 24 * time.Hour).Add(time.Duration(minutes%100000) * time.Minute)
		now := received.Add(time.Duration(doneMin%100000) * time.Minute)
		n := followup.Notification{Case: "f", Received: received, FromProfessional: flags&1 != 0, AlreadySupported: flags&2 != 0, Abuse: flags&4 != 0}
		if flags&8 != 0 {
			n.ReceiptSent = now
		}
		items, err := followup.NotificationDeadlines(n, now, nil)
		if err == nil {
			for _, it := range items {
				if it.WorkingDay > it.Due || !it.Status.IsValid() {
					t.Fatalf("%v: working day %s, due %s, status %s", it.Kind, it.WorkingDay, it.Due, it.Status)
				}
				if it.Kind == followup.NotifierReceipt && it.Due != date.NewAt(received)+6 {
					t.Fatalf("receipt due %s for a receipt on %s", it.Due, date.NewAt(received))
				}
			}
		} else if !errors.Is(err, followup.ErrInput) {
			t.Fatal(err)
		}

		asOf := date.Date(day % 40000)
		y := followup.YoungPerson{Case: "f", BirthDate: date.Date(born) + date.Date(day%20000), Decided: date.Date(born) + date.Date(day%20000) + date.Date(decided%10000),
			Basis:          []ladder.Basis{ladder.BasisPlacement, ladder.BasisSupport, ladder.BasisAftercare}[int(flags>>4)%3],
			WithoutConsent: flags&16 != 0 && flags&32 == 0, PlanChosen: flags&64 != 0}
		if ends != 0 {
			y.Ends = y.Decided + date.Date(ends&0xffff)
		}
		it, ok, err := followup.YoungPersonsPlanDeadline(y, asOf, nil)
		switch {
		case err != nil && !errors.Is(err, followup.ErrInput):
			t.Fatal(err)
		case err == nil && ok:
			sixteen := followup.AgeReached(y.BirthDate, 16)
			want := followup.AddMonths(max(y.Decided, sixteen), 3)
			if y.WithoutConsent && y.Decided >= sixteen {
				want = y.Decided - 1
			}
			if it.Due != want || it.WorkingDay > it.Due || max(y.Decided, sixteen) < followup.BarnetsLovEffective {
				t.Fatalf("%+v: due %s (working day %s), want %s", y, it.Due, it.WorkingDay, want)
			}
		}

		h := followup.ReturnHome{Case: "f", Decided: date.Date(decided), Returns: date.Date(decided) + date.Date(ends&0xff)}
		if rh, err := followup.ReturnHomePlanDeadline(h, asOf, nil); err == nil {
			anchor := h.Decided
			if anchor == 0 {
				anchor = h.Returns
			}
			if rh.Due != anchor-1 || rh.WorkingDay > rh.Due {
				t.Fatalf("%+v: due %s, working day %s", h, rh.Due, rh.WorkingDay)
			}
		} else if !errors.Is(err, followup.ErrInput) {
			t.Fatal(err)
		}
	})
}
