package measure_test

import (
	"fmt"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

// A municipality's own first follow-ups in the first half of 2024, as
// Børnesagsbarometret counts them, read on 31 October 2024: every measure
// started in the half-year whose 3-month deadline has passed.
func ExampleFirstFollowUps() {
	d := ladder.MustParseDate
	rows := []measure.BarometerFollowUp{
		// 31 Jan + 3 months = 30 Apr (April has no 31st): held on the deadline.
		{Case: "c1", Measure: "m1", Worker: "anne", Team: "nord", Start: d("2024-01-31"), Held: d("2024-04-30"), ByLaw: true},
		// Held 2 days late.
		{Case: "c2", Measure: "m2", Worker: "anne", Team: "nord", Start: d("2024-02-15"), Held: d("2024-05-17"), ByLaw: true},
		// Never held; the measure ended after 2 months, which still counts.
		{Case: "c3", Measure: "m3", Worker: "bo", Team: "syd", Start: d("2024-03-01"), End: d("2024-04-30"), ByLaw: true},
		{Case: "c4", Measure: "m4", Worker: "bo", Team: "syd", Start: d("2024-06-03"), Held: d("2024-08-20"), ByLaw: true},
		// Early help: the law requires no follow-up, so it is left out.
		{Case: "c5", Measure: "m5", Worker: "bo", Team: "syd", Start: d("2024-04-01"), ByLaw: false},
		// Started 1 Sep: outside the half-year.
		{Case: "c6", Measure: "m6", Worker: "anne", Team: "nord", Start: d("2024-09-01"), ByLaw: true},
	}
	q := measure.BarometerQuery{From: d("2024-01-01"), To: d("2024-06-30"), AsOf: d("2024-10-31")}
	rep, err := measure.FirstFollowUps(rows, q)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range append([]measure.BarometerCount{rep.Total()}, rep.Teams()...) {
		if c.Key == "" {
			c.Key = "alle"
		}
		share, _ := c.Share()
		fmt.Printf("%-5s %d of %d on time (%.0f %%), %d late, %d missing\n", c.Key, c.OnTime, c.Due, 100*share, c.Late, c.Missing)
	}
	fmt.Println("not by law:", rep.NotByLaw())
	for _, f := range rep.Misses() {
		fmt.Println(f.Code, f.Subject)
	}
	fmt.Println(rep.Explain().Da)
	// Output:
	// alle  2 of 4 on time (50 %), 1 late, 1 missing
	// nord  1 of 2 on time (50 %), 1 late, 0 missing
	// syd   1 of 2 on time (50 %), 0 late, 1 missing
	// not by law: 1
	// barometer.first-follow-up.late c2/m2
	// barometer.first-follow-up.missing c3/m3
	// Første opfølgning inden for 3 måneder efter indsatsens start: 2 af 4 (50 %) for indsatser med fristens start 2024-01-01–2024-06-30 og frist senest 2024-10-31; 1 for sent, 1 mangler, 0 har fristen endnu til gode. En indsats, der sluttede før fristen uden første opfølgning, tæller som overskredet. Landstal (Ankestyrelsen, Børnesagsbarometret 2024): 75 %.
}

// Child assessments finished within 4 months of the day the municipality
// learned of the need, per case worker.
func ExampleAssessments() {
	d := ladder.MustParseDate
	rows := []measure.BarometerAssessment{
		// 30 Oct + 4 months = 28 Feb 2023 (2023 is no leap year): on time.
		{Case: "c1", Assessment: "u1", Worker: "anne", Team: "nord", Learned: d("2022-10-30"), Finished: d("2023-02-28")},
		// 31 Oct 2023 + 4 months = 29 Feb 2024 (leap year): 1 March is late.
		{Case: "c2", Assessment: "u1", Worker: "anne", Team: "nord", Learned: d("2023-10-31"), Finished: d("2024-03-01")},
		// Not finished by the as-of date: missing.
		{Case: "c3", Assessment: "u1", Worker: "bo", Team: "nord", Learned: d("2023-11-15")},
	}
	q := measure.BarometerQuery{From: d("2022-07-01"), To: d("2023-12-31"), AsOf: d("2024-03-31")}
	rep, err := measure.Assessments(rows, q)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range rep.Workers() {
		share, _ := c.Share()
		fmt.Printf("%-4s %d of %d (%.0f %%)\n", c.Key, c.OnTime, c.Due, 100*share)
	}
	for _, f := range rep.Misses() {
		fmt.Println(f.Text(msg.English))
	}
	// Output:
	// anne 1 of 2 (50 %)
	// bo   0 of 1 (0 %)
	// Assessment u1: child assessment finished 2024-03-01, after the deadline 2024-02-29 (4 months after the municipality learned of the child's possible need, 2023-10-31).
	// Assessment u1: child assessment not finished; the deadline was 2024-03-15 (4 months after the municipality learned of the child's possible need, 2023-11-15).
}
