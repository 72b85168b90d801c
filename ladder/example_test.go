package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder"
)

func ExampleStep() {
	for _, s := range ladder.Steps() {
		fmt.Printf("%d %-13s %s\n", s.Rank(), s, s.Danish())
	}
	// Steps order by intrusiveness, never by cost.
	fmt.Println(ladder.FosterFamily > ladder.Network)
	fmt.Println(ladder.HomeBased.Compare(ladder.Institution))
	// The work aims down the ladder.
	down, _ := ladder.Institution.Down()
	fmt.Println(down)
	// Output:
	// 0 hverdagsliv   Almindeligt hverdagsliv
	// 1 almen         Tidlige indsatser i almenområdet
	// 2 forebyggende  Forebyggende indsatser
	// 3 hjemmebaseret Hjemmebaserede foranstaltninger
	// 4 netvaerk      Anbringelse i slægt eller netværk
	// 5 plejefamilie  Anbringelse i plejefamilie
	// 6 institution   Anbringelse på institution
	// true
	// -1
	// plejefamilie
}

func ExampleParseStep() {
	s, err := ladder.ParseStep("plejefamilie")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Danish(), s.IsPlacementStep())

	// Codes are exact: no case folding.
	_, err = ladder.ParseStep("Plejefamilie")
	fmt.Println(err)
	// Output:
	// Anbringelse i plejefamilie true
	// ladder.ParseStep: unknown step "Plejefamilie" (want one of hverdagsliv, almen, forebyggende, hjemmebaseret, netvaerk, plejefamilie, institution)
}

func ExampleCatalogue_Lookup() {
	cat := ladder.Default()
	for _, code := range []string{"efterskole-anbragt", "doegnophold-familie", "plejefamilie", "ungestoette-plejefamilie"} {
		iv, err := cat.Lookup(code)
		if err != nil {
			fmt.Println(err)
			return
		}
		// Which follow-up rule applies is for a municipality's rule set
		// (package followup), not the catalogue.
		fmt.Printf("%s: step %s, placement %t, basis %s, follow-up by law %t\n", iv.Code, iv.Step, iv.Placement, iv.Basis, iv.FollowUpByLaw())
	}

	_, err := cat.Lookup("plejefamilje")
	fmt.Println(errors.Is(err, ladder.ErrUnknownIntervention))
	fmt.Println(err)
	// Output:
	// efterskole-anbragt: step hjemmebaseret, placement true, basis placement, follow-up by law true
	// doegnophold-familie: step institution, placement false, basis support, follow-up by law true
	// plejefamilie: step plejefamilie, placement true, basis placement, follow-up by law true
	// ungestoette-plejefamilie: step plejefamilie, placement false, basis aftercare, follow-up by law true
	// true
	// ladder.Catalogue.Lookup: unknown intervention "plejefamilje"
}

func ExampleCatalogue_Extend() {
	// A vendor's own intervention type, on the home-based step. A prefix
	// keeps the vendor's codes apart from the default ones. The municipality's
	// rule set (package followup), not the catalogue, binds it to a rule.
	mentor := ladder.Intervention{
		Code:    "acme-mentorordning",
		Danish:  "Mentorordning",
		English: "Mentor scheme",
		Step:    ladder.HomeBased,
		Basis:   ladder.BasisSupport,
	}
	cat, err := ladder.Default().Extend(mentor)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cat.Len(), ladder.Default().Len())

	iv, _ := cat.Lookup("acme-mentorordning")
	fmt.Println(iv.Danish, iv.Step, iv.FollowUpByLaw())

	m, err := cat.NewMeasure("sag-17/m-3", "acme-mentorordning", ladder.MustParseDate("2024-09-01"), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)

	// A malformed entry is refused, with every problem reported.
	_, err = ladder.Default().Extend(ladder.Intervention{Code: "Acme_Mentor", Danish: "Mentor", Step: ladder.EverydayLife, Basis: ladder.BasisSupport})
	fmt.Println(err)
	// Output:
	// 32 31
	// Mentorordning hjemmebaseret true
	// sag-17/m-3 (acme-mentorordning, 2024-09-01–open)
	// ladder.Catalogue.Extend: entry 0: ladder.Intervention.Validate: intervention "Acme_Mentor": byte 0 ('A') is not allowed: codes are lower-case a-z, 0-9 and single hyphens
	// ladder.Intervention.Validate: intervention "Acme_Mentor": step hverdagsliv is not a step a measure can sit on
}

func ExampleCatalogue_DecodeMeasure() {
	// A vendor's catalogue: the default codes and one of its own.
	cat, err := ladder.Default().Extend(ladder.Intervention{
		Code:    "acme-mentorordning",
		Danish:  "Mentorordning",
		English: "Mentor scheme",
		Step:    ladder.HomeBased,
		Basis:   ladder.BasisSupport,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	data := []byte(`{"id":"sag-17/m-3","intervention":"acme-mentorordning","start":"2024-09-01","end":"2025-02-28"}`)

	m, err := cat.DecodeMeasure(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m, m.Intervention().Danish, m.Step())

	// It writes back the same JSON.
	out, err := json.Marshal(m)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out) == string(data))

	// json.Unmarshal knows only the Default catalogue.
	var viaDefault ladder.Measure
	err = json.Unmarshal(data, &viaDefault)
	fmt.Println(errors.Is(err, ladder.ErrUnknownIntervention))
	fmt.Println(err)

	// The dates are checked as NewMeasure checks them.
	_, err = cat.DecodeMeasure([]byte(`{"id":"sag-17/m-4","intervention":"acme-mentorordning","start":"2023-02-30"}`))
	fmt.Println(err)
	// Output:
	// sag-17/m-3 (acme-mentorordning, 2024-09-01–2025-02-28) Mentorordning hjemmebaseret
	// true
	// true
	// ladder.Measure.UnmarshalJSON: measure "sag-17/m-3": field "intervention": unknown intervention "acme-mentorordning" in the Default catalogue; decode with Catalogue.DecodeMeasure for a vendor's own codes
	// ladder.Catalogue.DecodeMeasure: measure "sag-17/m-4": field "start": ladder.ParseDate: invalid date "2023-02-30" (want an existing date as YYYY-MM-DD)
}

func ExamplePositionAt() {
	cat := ladder.Default()
	foster, err := cat.NewMeasure("m1", "plejefamilie", ladder.MustParseDate("2023-01-01"), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	school, err := cat.NewMeasure("m2", "efterskole", ladder.MustParseDate("2023-08-14"), ladder.MustParseDate("2024-06-30"))
	if err != nil {
		fmt.Println(err)
		return
	}
	measures := []ladder.Measure{school, foster}

	// The end date is inclusive: on 1 July 2024 the efterskole is over.
	for _, day := range []string{"2023-09-01", "2024-07-01"} {
		p := ladder.PositionAt(measures, ladder.MustParseDate(day))
		fmt.Printf("%s: %s (%s)\n", p.On, p.Step, p.Step.Danish())
		for _, m := range p.Active {
			fmt.Printf("  %s\n", m)
		}
	}
	// Output:
	// 2023-09-01: plejefamilie (Anbringelse i plejefamilie)
	//   m1 (plejefamilie, 2023-01-01–open)
	//   m2 (efterskole, 2023-08-14–2024-06-30)
	// 2024-07-01: plejefamilie (Anbringelse i plejefamilie)
	//   m1 (plejefamilie, 2023-01-01–open)
}

// StepAt is the step of PositionAt alone, for counting many children on a
// date without building each child's list of active measures.
func ExampleStepAt() {
	measures := exampleMeasures()
	for _, day := range []string{"2022-09-30", "2022-12-31", "2023-06-01", "2023-09-01"} {
		on := ladder.MustParseDate(day)
		s := ladder.StepAt(measures, on)
		fmt.Println(day, s, s == ladder.PositionAt(measures, on).Step)
	}
	// Output:
	// 2022-09-30 hverdagsliv true
	// 2022-12-31 hjemmebaseret true
	// 2023-06-01 institution true
	// 2023-09-01 plejefamilie true
}

// exampleMeasures is one child's year: a contact person, then a
// døgninstitution, moved to an opholdssted the day after, efterskole from
// August, and a foster family from September.
func exampleMeasures() []ladder.Measure {
	cat := ladder.Default()
	var ms []ladder.Measure
	for _, r := range []struct{ id, code, start, end string }{
		{"m1", "kontaktperson", "2022-10-01", "2023-03-14"},
		{"m2", "doegninstitution", "2023-03-15", "2023-05-31"},
		{"m3", "opholdssted", "2023-06-01", "2023-08-31"},
		{"m4", "efterskole", "2023-08-14", "2024-06-30"},
		{"m5", "plejefamilie", "2023-09-01", ""},
	} {
		var end date.Date
		if r.end != "" {
			end = ladder.MustParseDate(r.end)
		}
		m, err := cat.NewMeasure(r.id, r.code, ladder.MustParseDate(r.start), end)
		if err != nil {
			panic(err)
		}
		ms = append(ms, m)
	}
	return ms
}

func ExampleTrajectoryOf() {
	tr, err := ladder.TrajectoryOf(exampleMeasures(), ladder.MustParseDate("2023-01-01"), ladder.MustParseDate("2023-12-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s start   %s\n", tr.Start.On, tr.Start.Step)
	for _, c := range tr.Changes {
		fmt.Printf("%s %-7s %s → %s %v → %v\n", c.On, c.Direction, c.From, c.To, c.FromCodes, c.ToCodes)
	}
	// Output:
	// 2023-01-01 start   hjemmebaseret
	// 2023-03-15 up      hjemmebaseret → institution [kontaktperson] → [doegninstitution]
	// 2023-06-01 lateral institution → institution [doegninstitution] → [opholdssted]
	// 2023-09-01 down    institution → plejefamilie [opholdssted] → [plejefamilie]
}

func ExampleMoves() {
	from, to := ladder.MustParseDate("2023-01-01"), ladder.MustParseDate("2023-12-31")

	// The lateral change from døgninstitution to opholdssted is not a move.
	moves, err := ladder.Moves(exampleMeasures(), from, to)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, mv := range moves {
		fmt.Printf("%s %s: %s → %s\n", mv.On, mv.Direction.Danish(), mv.From, mv.To)
	}

	// A gap between two measures passes through everyday life.
	cat := ladder.Default()
	treat, _ := cat.NewMeasure("f1", "familiebehandling", ladder.MustParseDate("2023-01-10"), ladder.MustParseDate("2023-04-30"))
	network, _ := cat.NewMeasure("f2", "netvaerkspleje", ladder.MustParseDate("2023-06-01"), 0)
	moves, err = ladder.Moves([]ladder.Measure{treat, network}, from, to)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, mv := range moves {
		fmt.Printf("%s %s: %s → %s\n", mv.On, mv.Direction.Danish(), mv.From, mv.To)
	}
	// Output:
	// 2023-03-15 op: hjemmebaseret → institution
	// 2023-09-01 ned: institution → plejefamilie
	// 2023-01-10 op: hverdagsliv → hjemmebaseret
	// 2023-05-01 ned: hjemmebaseret → hverdagsliv
	// 2023-06-01 op: hverdagsliv → netvaerk
}

// AppendMoves gives the moves Moves gives; passing the same slice back for
// each child counts many children without allocating per child.
func ExampleAppendMoves() {
	from, to := ladder.MustParseDate("2023-01-01"), ladder.MustParseDate("2023-12-31")
	cat := ladder.Default()
	treat, _ := cat.NewMeasure("f1", "familiebehandling", ladder.MustParseDate("2023-01-10"), ladder.MustParseDate("2023-04-30"))
	network, _ := cat.NewMeasure("f2", "netvaerkspleje", ladder.MustParseDate("2023-06-01"), 0)
	children := [][]ladder.Measure{exampleMeasures(), {treat, network}}

	var up, down int
	var moves []ladder.Move
	for _, measures := range children {
		var err error
		moves, err = ladder.AppendMoves(moves[:0], measures, from, to)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, mv := range moves {
			if mv.Direction == ladder.Up {
				up++
			} else {
				down++
			}
		}
	}
	fmt.Printf("%d up, %d down\n", up, down)
	// Output:
	// 3 up, 2 down
}
