package measure_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

// A goal written in a hurry: vague words and no indicator, no record that
// the child accepted it, and a due date after the plan period.
func ExampleValidateGoal() {
	g := measure.Goal{
		ID:        "G1",
		What:      "Mathias skal trives bedre i skolen",
		Who:       []string{"Mathias", "kontaktperson"},
		Due:       date.New(2026, time.September, 30),
		MeasureID: "M7",
		PlanFrom:  date.New(2026, time.March, 1),
		PlanTo:    date.New(2026, time.August, 31),
	}
	for _, f := range g.Validate(date.New(2026, time.March, 15)) {
		fmt.Printf("%s %s %s\n  %s\n", measure.Letter(f.Code), f.Severity, f.Code, f.Text(msg.Danish))
	}
	// Output:
	// S warning smart.S.vague
	//   Teksten bruger vage ord (trives, bedre) og har hverken tal, indikator eller kriterier. Skriv, hvad der konkret skal ændre sig, fx hvor ofte eller hvor meget, eller tilføj en indikator eller kriterier, der kan observeres.
	// M error smart.M.no-indicator
	//   Målet har hverken en indikator eller kriterier, så fremskridt ikke kan ses. Tilføj en målbar indikator (navn, enhed, udgangspunkt og målværdi) eller kriterier, der kan observeres.
	// A info smart.A.attractive-unknown
	//   Det er ikke noteret, om barnet finder målet attraktivt. Spørg barnet, og notér svaret.
	// A error smart.A.not-accepted
	//   Det er ikke registreret, at barnet har accepteret målet. Tal med barnet om målet, fx i en børnesamtale, og notér accept, dato og hvordan.
	// T error smart.T.due-after-plan
	//   Fristen 2026-09-30 ligger efter planperiodens slut 2026-08-31. Sæt en frist inden for planperioden, eller forlæng planen.
}

// School attendance from 2 to 5 days a week over 90 days: half way there
// after 45 days is on track.
func ExampleGoal_Progress() {
	g := measure.Goal{
		ID:   "G1",
		What: "Mathias møder i skole 5 dage om ugen",
		Indicator: measure.Indicator{
			Name: "Fremmøde i skole", Unit: "dage pr. uge",
			Scale: measure.Scale{Min: 0, Max: 5}, Baseline: 2, Target: 5,
		},
		PlanFrom: date.New(2026, time.January, 5),
		Due:      date.New(2026, time.April, 5),
	}
	p, err := g.Progress(3.5, date.New(2026, time.February, 19), g.PlanFrom)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Status, p.Achieved, p.Expected)
	fmt.Println(p.Explain().Text(msg.Danish))
	fmt.Println(p.Explain().Text(msg.English))
	// Output:
	// paa-sporet 0.5 0.5
	// Fremmøde i skole: 3,5 dage pr. uge (udgangspunkt 2, mål 5). 50 % af vejen er nået; efter 45 af 90 dage forventes 50 %. Status: på sporet.
	// Fremmøde i skole: 3.5 dage pr. uge (baseline 2, target 5). 50 % of the way reached; after 45 of 90 days 50 % is expected. Status: on track.
}

// At every follow-up the case worker decides whether new goals must be
// written into the plan; a review without that decision is flagged.
func ExampleCheckReview() {
	g := measure.Goal{
		ID:        "G1",
		Indicator: measure.Indicator{Name: "Fremmøde i skole", Unit: "dage pr. uge", Baseline: 2, Target: 5},
		Due:       date.New(2026, time.April, 5),
	}
	r := measure.GoalReview{GoalID: "G1", On: date.New(2026, time.February, 19), Current: 3.5, Measured: true}
	for _, f := range measure.CheckReview(g, r) {
		fmt.Println(f.Code)
		fmt.Println(f.Text(msg.English))
	}
	// Output:
	// smart.review.no-decision
	// No decision is recorded on whether new goals must be written into the plan. Record the decision (yes or no) at this follow-up.
}
