package followup_test

import (
	"encoding/json"
	"fmt"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// A team leader's list: what is due or overdue across a caseload.
func ExampleDueIn() {
	day := ladder.MustParseDate
	var plans []followup.Plan
	for i, code := range []string{"doegninstitution", "aflastning"} {
		m, _ := ladder.Default().NewMeasure(fmt.Sprintf("m%d", i+1), code, day("2025-01-06"), 0)
		p, err := followup.Herning().Schedule(followup.Record{Case: fmt.Sprintf("c%d", i+1), Measure: m}, followup.Options{AsOf: day("2025-02-03")})
		if err != nil {
			fmt.Println(err)
			return
		}
		plans = append(plans, p)
	}
	due, _ := followup.DueIn(plans, day("2025-02-03"), day("2025-03-07"))
	for _, it := range due {
		fmt.Println(it.Case, it.Measure, it.WorkingDay, it.Kind, it.Status)
	}
	// Output:
	// c1 m1 2025-01-20 followup overdue
	// c2 m2 2025-02-03 followup upcoming
	// c1 m1 2025-03-03 followup upcoming
}

// Another municipality's rules, read from JSON and layered on the law.
func ExampleNewRegime() {
	var rs followup.RuleSet
	err := json.Unmarshal([]byte(`{
	  "name": "Eksempel Kommune", "layer": "municipal", "effective": "2024-01-01", "source": "Byrådet 2023",
	  "rules": [{"id": "E-INST", "source": "pkt. 4", "name": {"da": "Institution", "en": "Institution"},
	    "fixed": [{"at": "P2W", "kind": "followup", "content": {"childConversation": "required", "modes": ["in-person"]}}],
	    "recurring": [{"every": "P8W", "kind": "followup", "cycle": [{"childConversation": "required", "modes": ["in-person"]}]}]}],
	  "bindings": [{"code": "opholdssted", "rule": "E-INST"}],
	  "decision": {"every": "P4M", "source": "pkt. 5 (BL § 95, stk. 3)"}
	}`), &rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	regime, err := followup.NewRegime(&rs, followup.ServiceLoven(), followup.BarnetsLov())
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := ladder.Default().NewMeasure("m1", "opholdssted", ladder.MustParseDate("2024-02-05"), 0)
	plan, _ := regime.Schedule(followup.Record{Case: "c1", Measure: m},
		followup.Options{AsOf: ladder.MustParseDate("2024-02-01"), Until: ladder.MustParseDate("2024-10-01")})
	for _, it := range plan.Items() {
		fmt.Println(it.Due, it.Statutory, it.Rules())
	}
	// Output:
	// 2024-02-19 false [E-INST]
	// 2024-04-15 true [E-INST BL-95 BL-156]
	// 2024-06-10 false [E-INST]
	// 2024-08-05 true [E-INST BL-95 BL-156]
	// 2024-09-30 false [E-INST]
}

// Storing a plan and reading it back: the regime schedules the stored
// record again and gives the same plan, or says the rules changed.
func ExampleRegime_DecodePlan() {
	m, _ := ladder.Default().NewMeasure("m1", "plejefamilie", ladder.MustParseDate("2025-01-06"), 0)
	p, _ := followup.Herning().Schedule(followup.Record{Case: "c1", Measure: m}, followup.Options{AsOf: ladder.MustParseDate("2025-06-02")})
	stored, _ := json.Marshal(p)
	back, err := followup.Herning().DecodePlan(stored, nil)
	fmt.Println(err, back.Len() == p.Len(), back.Equal(p))
	// Output: <nil> true true
}

// The next follow-up from the raw record, without building the plan.
func ExampleRegime_NextDue() {
	m, _ := ladder.Default().NewMeasure("m1", "plejefamilie", ladder.MustParseDate("2024-01-31"), 0)
	rec := followup.Record{Case: "c1", Measure: m, Held: []followup.Held{
		{On: ladder.MustParseDate("2024-02-14"), ChildConversation: true},
		{On: ladder.MustParseDate("2024-03-27"), ChildConversation: true},
	}}
	next, ok, err := followup.Herning().NextDue(rec, followup.Options{AsOf: ladder.MustParseDate("2024-06-01")})
	fmt.Println(next.Due, next.Statutory, next.Status, ok, err)
	// Output: 2024-05-08 false overdue true <nil>
}
