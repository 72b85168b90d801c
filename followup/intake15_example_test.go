package followup_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// A school's notification received on Friday 22 March 2024 is owed a
// receipt within 6 days: Thursday 28 March, Skærtorsdag, so it is planned
// on Wednesday 27 March.
func ExampleNotifierReceiptDeadline() {
	cet := time.FixedZone("CET", 60*60)
	n := followup.Notification{Case: "sag-50", Received: time.Date(2024, time.March, 22, 10, 0, 0, 0, cet), FromProfessional: true}
	it, ok, err := followup.NotifierReceiptDeadline(n, time.Date(2024, time.March, 25, 8, 0, 0, 0, cet), nil)
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Println(it.Kind.Danish(), "—", it.Rule, it.Due, it.WorkingDay, it.Status)
	// Output:
	// kvittering til underretter — BL-138 2024-03-28 2024-03-27 upcoming
}

// A notification about a child in a foster family makes the case be
// reassessed by someone not involved before; BL § 137 sets no deadline,
// so the item is due with the 24-hour assessment.
func ExampleReassessmentDeadline() {
	cet := time.FixedZone("CET", 60*60)
	n := followup.Notification{Case: "sag-51", Received: time.Date(2024, time.March, 4, 9, 30, 0, 0, cet), AlreadySupported: true,
		Reassessed: time.Date(2024, time.March, 4, 15, 0, 0, 0, cet)}
	it, ok, err := followup.ReassessmentDeadline(n, time.Date(2024, time.March, 6, 8, 0, 0, 0, cet))
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Println(it.Rule, it.DueAt.Format("2006-01-02 15:04"), it.Status, it.LateBy)
	// Output:
	// BL-137 2024-03-05 09:30 done -18h30m0s
}

// A notification about abuse received on a Friday afternoon: the
// conversation with the child is due with the assessment on Saturday
// afternoon, and is not moved to a working day.
func ExampleNotificationConversationDeadline() {
	cet := time.FixedZone("CET", 60*60)
	n := followup.Notification{Case: "sag-52", Received: time.Date(2024, time.March, 8, 16, 0, 0, 0, cet), Abuse: true}
	it, ok, err := followup.NotificationConversationDeadline(n, time.Date(2024, time.March, 9, 17, 0, 0, 0, cet))
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Println(it.Kind, it.Rule, it.DueAt.Format("Mon 2006-01-02 15:04"), it.Status)
	// Output:
	// notification-conversation BL-137 Sat 2024-03-09 16:00 overdue
}

// Everything a notification owes: from a professional, about a child
// already supported, about abuse.
func ExampleNotificationDeadlines() {
	cet := time.FixedZone("CET", 60*60)
	n := followup.Notification{Case: "sag-53", Received: time.Date(2024, time.March, 4, 9, 30, 0, 0, cet),
		Assessed: time.Date(2024, time.March, 4, 12, 0, 0, 0, cet), FromProfessional: true, AlreadySupported: true, Abuse: true}
	items, err := followup.NotificationDeadlines(n, time.Date(2024, time.March, 4, 13, 0, 0, 0, cet), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range items {
		fmt.Println(it.Rule, it.Kind, it.Due, it.Status)
	}
	// Output:
	// BL-136 notification-assessment 2024-03-05 done
	// BL-138 notifier-receipt 2024-03-10 upcoming
	// BL-137 reassessment 2024-03-05 upcoming
	// BL-137 notification-conversation 2024-03-05 upcoming
}

// Time for a network meeting is reserved on Thursday 16 May 2024; CBF's
// staff are to be invited a week before, on Kristi himmelfartsdag, so by
// Wednesday 8 May. Not invited by 10 May, the time is released.
func ExampleNetworkMeetingDeadline() {
	m := followup.NetworkMeeting{Case: "sag-54", Slot: date.New(2024, time.May, 16)}
	it, ok, err := followup.NetworkMeetingDeadline(m, date.New(2024, time.May, 10), nil)
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Println(it.Rule, it.Due, it.WorkingDay, it.Status, "statutory:", it.Statutory)
	// Output:
	// H-NETVAERKSMOEDE 2024-05-09 2024-05-08 overdue statutory: false
}

// Born on a leap day, a child turns 16 on the leap day (16 years is a
// multiple of 4), and 18 on 28 February, the earlier of the possible days.
func ExampleAgeReached() {
	born := date.New(2008, time.February, 29)
	fmt.Println(followup.AgeReached(born, 16), followup.AgeReached(born, 18))
	// Output:
	// 2024-02-29 2026-02-28
}

// A young person placed at 15 turns 16 on 29 February 2024: the young
// person's plan is due 3 months later.
func ExampleYoungPersonsPlanDeadline() {
	y := followup.YoungPerson{Case: "sag-55", Measure: "m-1", BirthDate: date.New(2008, time.February, 29),
		Decided: date.New(2023, time.August, 14), Basis: ladder.BasisPlacement}
	it, ok, err := followup.YoungPersonsPlanDeadline(y, date.New(2024, time.March, 1), nil)
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Println(it.Kind.Danish(), "—", it.Rule, it.Due, it.Status)
	// Output:
	// ungeplan — BL-108 2024-05-29 upcoming
}

// A decision to return the child home on Thursday 2 May 2024: the plan is
// revised by the day before.
func ExampleReturnHomePlanDeadline() {
	h := followup.ReturnHome{Case: "sag-56", Measure: "m-2", Decided: date.New(2024, time.May, 2), Returns: date.New(2024, time.June, 1)}
	it, err := followup.ReturnHomePlanDeadline(h, date.New(2024, time.April, 15), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(it.Rule, it.Due, it.Status)
	// Output:
	// BL-100 2024-05-01 upcoming
}

// A municipality that reads the receipt deadline as 6 working days
// changes one row of data: the same Friday notification is then due on
// Thursday 4 April 2024, after Easter.
func ExampleRegime_NotifierReceiptDeadline() {
	bl := followup.BarnetsLov().Spec()
	for i, row := range bl.Statutory.Intake {
		if row.Kind == followup.NotifierReceipt {
			bl.Statutory.Intake[i].Within, bl.Statutory.Intake[i].WorkingDays = followup.Span{}, 6
		}
	}
	set, err := followup.NewRuleSet(bl)
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := followup.NewRegime(followup.HerningRules(), followup.ServiceLoven(), set)
	if err != nil {
		fmt.Println(err)
		return
	}
	cet := time.FixedZone("CET", 60*60)
	n := followup.Notification{Case: "sag-57", Received: time.Date(2024, time.March, 22, 10, 0, 0, 0, cet), FromProfessional: true}
	it, _, err := reg.NotifierReceiptDeadline(n, time.Date(2024, time.March, 22, 10, 0, 0, 0, cet), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(it.Due)
	// Output:
	// 2024-04-04
}
