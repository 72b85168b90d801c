package followup_test

import (
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup"
)

// A notification received on a Friday afternoon must be assessed by
// Saturday afternoon: the 24-hour deadline runs in hours, not working days.
func ExampleNotificationDeadline() {
	cet := time.FixedZone("CET", 60*60)
	n := followup.Notification{
		Case:     "sag-42",
		Received: time.Date(2024, time.March, 8, 16, 0, 0, 0, cet),
		Assessed: time.Date(2024, time.March, 9, 18, 30, 0, 0, cet),
	}
	now := time.Date(2024, time.March, 11, 8, 0, 0, 0, cet)
	it, err := followup.NotificationDeadline(n, now)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(it.Kind.Danish(), "—", it.Rule)
	fmt.Println("due:", it.DueAt.Format("2006-01-02 15:04 MST"), "working day:", it.WorkingDay)
	fmt.Println("status:", it.Status, "late by:", it.LateBy)
	fmt.Println(it.Why().Text(msg.English))
	// Output:
	// vurdering af underretning — BL-136
	// due: 2024-03-09 16:00 CET working day: 2024-03-09
	// status: done late by: 2h30m0s
	// [BL-136] The notification is assessed within 24 hours. The notification was received at 2024-03-08 16:00 CET. Within 24 hours the municipality assesses whether the child's health or development is in danger and acute measures are needed: by 2024-03-09 16:00 CET. The deadline runs in hours and is not moved to a working day; in Herning the area's duty case worker makes the assessment. Assessed at 2024-03-09 18:30 CET, 2 hours and 30 minutes after the deadline. (BL § 136 (tidl. SEL § 155, stk. 2); Kompendium s. 28; Barnets Lov, in force from 2024-01-01)
}

// A child assessment the municipality learned of on 31 October 2023 is due
// on 29 February 2024 (31 February does not exist; 2024 is a leap year).
// Not finished by then, it owes a preliminary assessment on the same day.
func ExampleAssessmentDeadlines() {
	a := followup.Assessment{Case: "sag-43", Learned: date.New(2023, time.October, 31)}
	items, err := followup.AssessmentDeadlines(a, date.New(2024, time.March, 4), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range items {
		fmt.Printf("%s %s due %s (working day %s): %s\n", it.Rules(), it.Kind.Danish(), it.Due, it.WorkingDay, it.Status.Danish())
	}
	fmt.Println(items[1].Line(msg.Danish))
	// Output:
	// [SEL-50 H-NETVAERKSKORT] børnefaglig undersøgelse due 2024-02-29 (working day 2024-02-29): overskredet
	// [SEL-50] foreløbig vurdering due 2024-02-29 (working day 2024-02-29): overskredet
	// SEL-50: Børnefaglig undersøgelse afsluttet senest 4 måneder efter kendskab. Kan undersøgelsen undtagelsesvis ikke afsluttes inden fristen 2024-02-29, skal der på fristen foreligge en foreløbig vurdering, og undersøgelsen afsluttes hurtigst muligt. Undersøgelsen er ikke afsluttet inden fristen. Loven vælges efter kendskabet (2023-10-31), så Serviceloven gælder, selv om fristen falder efter 2024-01-01.
}

// Hearing the child is due the day before the measure starts, planned on
// the last working day before that.
func ExampleHearingDeadline() {
	h := followup.ChildHearing{Case: "sag-44", Measure: "m-1", Start: date.New(2024, time.March, 4)}
	it, err := followup.HearingDeadline(h, date.New(2024, time.February, 26), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(it.Rule, it.Due, it.WorkingDay, it.Status)
	// Output:
	// BL-5 2024-03-03 2024-03-01 upcoming
}
