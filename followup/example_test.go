package followup_test

import (
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// Scheduling one institution placement under Herning's rules and Barnets
// Lov. 1 April 2024 is 2. påskedag, so the working day is the Wednesday
// before Easter. Barnets Lov's first deadline is 5 May (start + 3 months):
// the latest follow-up due on or before it, 1 April, is the statutory one,
// and, the measure being a placement, also the supervision visit (BL § 156,
// stk. 5). The next deadline, 1 October (1 April + 6 months, Herning's
// decision and the visit alike), lies after the horizon.
func ExampleRegime_Schedule() {
	m, _ := ladder.Default().NewMeasure("m1", "doegninstitution", ladder.MustParseDate("2024-02-05"), 0)
	plan, err := followup.Herning().Schedule(followup.Record{Case: "c1", Measure: m},
		followup.Options{AsOf: ladder.MustParseDate("2024-02-01"), Until: ladder.MustParseDate("2024-09-01")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range plan.Items() {
		fmt.Println(it.Due, it.WorkingDay, it.Kind, it.Statutory, it.Rules())
	}
	// Output:
	// 2024-02-19 2024-02-19 followup false [H-INST]
	// 2024-04-01 2024-03-27 followup true [H-INST BL-95 BL-156]
	// 2024-05-13 2024-05-13 followup false [H-INST]
	// 2024-06-24 2024-06-24 followup false [H-INST]
	// 2024-08-05 2024-08-05 followup false [H-INST]
}

// Explaining why an item is due, for a case worker.
func ExampleItem_Why() {
	m, _ := ladder.Default().NewMeasure("m1", "plejefamilie", ladder.MustParseDate("2024-01-31"), 0)
	plan, _ := followup.Herning().Schedule(followup.Record{Case: "c1", Measure: m},
		followup.Options{AsOf: ladder.MustParseDate("2024-02-01"), Until: ladder.MustParseDate("2024-05-01")})
	it := plan.At(1)
	fmt.Println(it.Due, it.Rules())
	for _, r := range it.Why().Reasons {
		fmt.Println(r.RuleID, "—", r.Text(msg.English))
	}
	// Output:
	// 2024-03-27 [H-PLEJE BL-95 BL-156]
	// H-PLEJE — Placement in a professional or network foster family: 6 weeks after the previous follow-up, due on 2024-02-14.
	// BL-95 — First follow-up at the latest 3 months after the start (or when an assessment run alongside ends); then as the municipality decided. The latest follow-up on or before the statutory deadline 2024-04-30 is statutory and must have the statutory content (child conversation, in person); no exception relaxes it. It is the first statutory follow-up. Here it is decided how follow-up is organised from now on (BL § 95).
	// BL-156 — At least two supervision visits a year at the placement with a conversation with the child. The statutory follow-up is also the supervision visit: in person at the placement with a conversation with the child, as far as possible without staff present.
}

// Checking compliance: the first follow-up was held 3 days late and
// without a child conversation, and the statutory one, due 4 April (22
// February + 6 weeks), has not been held by 15 April.
func ExamplePlan_Compliance() {
	m, _ := ladder.Default().NewMeasure("m1", "doegninstitution", ladder.MustParseDate("2024-02-05"), 0)
	rec := followup.Record{Case: "c1", Measure: m, Held: []followup.Held{
		{On: ladder.MustParseDate("2024-02-22"), ChildConversation: false, Mode: followup.InPerson},
	}}
	plan, _ := followup.Herning().Schedule(rec, followup.Options{AsOf: ladder.MustParseDate("2024-04-15")})
	c := plan.Compliance()
	fmt.Printf("due %d, on time %d, late %d, overdue %d\n", c.Due, c.DoneOnTime, c.DoneLate, c.Overdue)
	for _, h := range c.Held {
		fmt.Println(h.Held.On, "late", h.Late, "days; child conversation ok:", h.ChildConversationOK)
	}
	for _, f := range c.Findings {
		fmt.Println(f.Code, f.Severity)
	}
	// Output:
	// due 2, on time 0, late 1, overdue 1
	// 2024-02-22 late 3 days; child conversation ok: false
	// followup.content.unmet warning
	// followup.statutory.overdue error
}

// A receipt records what an answer was computed with: the rule sets with
// the SHA-256 of their data, the calendar, the as-of date and horizon, and
// the SHA-256 of the input. Replay checks a regime and an input against it
// and gives the options to compute the answer again.
func ExampleRegime_Receipt() {
	input := []byte(`{"cases": []}`)
	asOf := ladder.MustParseDate("2026-11-16")
	rc := followup.Herning().Receipt(followup.Options{AsOf: asOf, Until: asOf + 42}, input)
	for _, s := range rc.RuleSets {
		until := "open"
		if s.Until != 0 {
			until = s.Until.String()
		}
		fmt.Println(s.Layer, s.Effective, until, len(s.SHA256), s.Name)
	}
	fmt.Println(rc.Calendar.Holidays, rc.AsOf, rc.Until, rc.InputSHA256[:12])

	opt, err := rc.Replay(followup.Herning(), input)
	fmt.Println(opt.AsOf, opt.Until, err)
	_, err = rc.Replay(followup.Herning(), []byte(`{"cases": [{}]}`))
	fmt.Println(err != nil)
	// Output:
	// municipal 2015-11-26 open 64 Herning Kommune — opfølgningskrav
	// statutory 2011-01-01 2023-12-31 64 Serviceloven — opfølgning (SEL § 70, § 148)
	// statutory 2024-01-01 open 64 Barnets Lov — opfølgning (BL §§ 95–96, § 156)
	// dk 2026-11-16 2026-12-28 4fb3f1e0285f
	// 2026-11-16 2026-12-28 <nil>
	// true
}
