package workday_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup/workday"
)

func ExampleCalendar_OnOrBefore() {
	c := workday.Danish()
	// A follow-up due on Anden påskedag 2024 is planned on the Wednesday
	// before Skærtorsdag.
	due := date.New(2024, time.April, 1)
	fmt.Println(c.OnOrBefore(due), c.OnOrBefore(due).Weekday())
	// A working day is its own answer.
	fmt.Println(c.OnOrBefore(date.New(2024, time.April, 2)))
	// Output:
	// 2024-03-27 Wednesday
	// 2024-04-02
}

func ExampleCalendar_Closed() {
	c := workday.Danish()
	for _, d := range []date.Date{
		date.New(2024, time.March, 29), // Langfredag
		date.New(2023, time.May, 5),    // Store bededag, last time
		date.New(2024, time.April, 26), // would have been Store bededag
		date.New(2024, time.June, 8),   // a Saturday
	} {
		reason, closed := c.Closed(d)
		fmt.Printf("%s %v %q\n", d, closed, reason)
	}
	// Output:
	// 2024-03-29 true "Langfredag"
	// 2023-05-05 true "Store bededag"
	// 2024-04-26 false ""
	// 2024-06-08 true "lørdag"
}

func ExampleNew() {
	c, err := workday.New(workday.Options{
		ChristmasEveClosed: true,
		ExtraClosed:        []date.Date{date.New(2024, time.May, 10)}, // klemmedag
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.OnOrBefore(date.New(2025, time.December, 24)))
	fmt.Println(c.OnOrBefore(date.New(2024, time.May, 12)))

	_, err = workday.New(workday.Options{ExtraClosed: []date.Date{date.Zero}})
	fmt.Println(err)
	// Output:
	// 2025-12-23
	// 2024-05-08
	// workday.New: zero date in ExtraClosed[0]
}

func ExampleCalendar_OnOrAfter() {
	c := workday.Danish()
	fmt.Println(c.OnOrAfter(date.New(2024, time.March, 28))) // Skærtorsdag
	// Output: 2024-04-02
}

func ExampleCalendar_WorkingDaysBetween() {
	c := workday.Danish()
	// The week of Easter 2024, Monday to Sunday.
	fmt.Println(c.WorkingDaysBetween(date.New(2024, time.March, 25), date.New(2024, time.March, 31)))
	// Output: 3
}
