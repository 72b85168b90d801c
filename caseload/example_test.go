package caseload_test

import (
	"fmt"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// teamJSON is a small team in the format the examples program reads.
const teamJSON = `{
 "workers": [
  {"id": "w1", "name": "Anna", "team": "nord", "fte": 1.0, "employedSince": "2019-08-01"},
  {"id": "w2", "name": "Bo", "team": "nord", "fte": 0.8, "employedSince": "2021-02-01"},
  {"id": "w3", "name": "Cai", "team": "nord", "fte": 1.0, "employedSince": "2026-01-01"}],
 "cases": [
  {"id": "c1", "worker": "w1", "child": {"birthDate": "2012-03-04"},
   "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05",
     "exceptions": [{"id": "X-FJERN", "approvedBy": "Teamleder Eva", "approvedOn": "2026-01-10"}],
     "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}]}]},
  {"id": "c2", "worker": "w2", "child": {"birthDate": "2015-06-01"},
   "measures": [{"id": "m2", "intervention": "aflastning", "start": "2026-01-05"}]},
  {"id": "c3", "worker": "w9", "child": {"birthDate": "2019-11-30"}, "measures": []},
  {"id": "c4", "child": {"birthDate": "2020-01-15"}, "measures": []}]}`

// busy adds n cases with no measure to the worker.
func busy(t caseload.Team, workerID string, n int) caseload.Team {
	for i := range n {
		t.Cases = append(t.Cases, caseload.Case{ID: fmt.Sprintf("%s-%02d", workerID, i+1), Worker: workerID})
	}
	return t
}

func ExampleValidate() {
	team, err := caseload.DecodeTeam([]byte(teamJSON), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	team = busy(team, "w1", 26) // 27 with c1
	team = busy(team, "w2", 16) // 17 with c2; 0.8 FTE: limits 16/20
	for _, f := range caseload.Validate(team, caseload.Herning(), ladder.MustParseDate("2026-03-02")) {
		fmt.Printf("%-7s %-25s %s\n", f.Severity, f.Code, f.Text(msg.Danish))
	}
	// Output:
	// error   caseload.unknown-worker   Sag c3 står på rådgiver w9, som ikke er i teamet; sagen tælles ikke med.
	// warning caseload.unassigned       Sag c4 er ikke fordelt til en rådgiver. Teamlederen fordeler nye sager efter 24-timersvurderingen.
	// error   caseload.over-hard-limit  Rådgiver w1 (Anna) har 27 sager; den hårde grænse er 25 (Herning). Fordel ikke flere sager til rådgiveren, og flyt sager.
	// warning caseload.over-soft-limit  Rådgiver w2 (Bo) har 17 sager; den bløde grænse er 16 = 20 × 0,8 årsværk (Herning).
}

func ExampleSuggest() {
	team, err := caseload.DecodeTeam([]byte(teamJSON), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	team = busy(team, "w1", 19) // 20 cases: at the soft limit
	team = busy(team, "w2", 11) // 12 cases at 0.8 FTE
	team = busy(team, "w3", 13) // 13 cases, hired 2026-01-01
	on := ladder.MustParseDate("2026-03-02")
	newCase := caseload.Case{ID: "c9"}

	// Herning: w1 20/25 would pass the soft limit; w2 12/20 = 0.6 and w3
	// 13/25 = 0.52 of their hard limits: w3. DS 2020 lowers a new hire's
	// limits for 6 months (× 0.75: 15/22): w3 13/22 = 0.59 against w2
	// 12/24 = 0.5: w2.
	for _, p := range []caseload.Policy{caseload.Herning(), caseload.DS2020()} {
		id, ok, findings := caseload.Suggest(team, p, newCase, on)
		fmt.Println(p.Name()+":", id, ok)
		for _, f := range findings {
			fmt.Println(" ", f.Code, "—", f.Text(msg.English))
		}
	}
	// Output:
	// Herning: w3 true
	//   caseload.suggested — Suggestion: case c9 to worker w3 (Cai), who would then have 14 cases (soft limit 20, hard limit 25; Herning). The team leader decides.
	// DS 2020: w2 true
	//   caseload.suggested — Suggestion: case c9 to worker w2 (Bo), who would then have 13 cases (soft limit 16, hard limit 24; DS 2020). The team leader decides.
}

func ExampleSuggest_noCapacity() {
	team := caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}, {ID: "w2", FTE: 0.5}}}
	team = busy(team, "w1", 25)
	team = busy(team, "w2", 12)
	_, ok, findings := caseload.Suggest(team, caseload.Herning(), caseload.Case{ID: "c9"}, ladder.MustParseDate("2026-03-02"))
	fmt.Println(ok)
	fmt.Println(findings[0].Code)
	fmt.Println(findings[0].Text(msg.Danish))
	// Output:
	// false
	// caseload.no-capacity
	// Ingen rådgiver kan tage sag c9 uden at komme over sin hårde grænse (Herning). Mindst belastet er w1 med 25 af 25. Teamlederen må flytte sager eller finde kapacitet uden for teamet.
}

func ExampleCapacity() {
	// Stated inputs: 4 hours per follow-up meeting (preparation, travel,
	// the meeting, the journal note), 1 hour per status report, 15 minutes
	// to record a course's end; 30 hours a week; 44 working weeks.
	minutes := caseload.Minutes{followup.FollowUp: 240, followup.StatusFollowUp: 240, followup.SupervisionVisit: 240,
		followup.StatusReport: 60, followup.CourseEnd: 15}
	from := ladder.MustParseDate("2026-01-05")
	mixes := []struct {
		name string
		mix  []caseload.MixEntry
	}{
		{"mixed (9 of 25 placed)", []caseload.MixEntry{
			{Code: "plejefamilie", Share: 0.20, Months: 36}, {Code: "netvaerkspleje", Share: 0.04, Months: 24},
			{Code: "opholdssted", Share: 0.04}, {Code: "eget-vaerelse", Share: 0.04},
			{Code: "praktisk-stoette", Share: 0.08}, {Code: "aflastning", Share: 0.08}, {Code: "kontaktperson", Share: 0.08},
			{Code: "familiebehandling", Share: 0.04, Months: 8}, {Code: "mst", Share: 0.04, Months: 5},
			{Code: "tidlig-forebyggende", Share: 0.12, Months: 4}, {Code: "", Share: 0.24},
		}},
		{"placements (16 of 25)", []caseload.MixEntry{
			{Code: "plejefamilie", Share: 0.28, Months: 36}, {Code: "netvaerkspleje", Share: 0.08, Months: 24},
			{Code: "opholdssted", Share: 0.12}, {Code: "doegninstitution", Share: 0.08}, {Code: "eget-vaerelse", Share: 0.08},
			{Code: "korttidsanbringelse", Share: 0.04, Months: 6},
			{Code: "praktisk-stoette", Share: 0.08}, {Code: "kontaktperson", Share: 0.08}, {Code: "", Share: 0.16},
		}},
	}
	for _, m := range mixes {
		model := caseload.CapacityModel{Regime: followup.Herning(), From: from, Mix: m.mix, Minutes: minutes, HoursPerWeek: 30}
		r, err := caseload.Capacity(model)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %.2f follow-ups and %.1f h per case a year; 20–25 cases take %.1f–%.1f h a week\n",
			m.name, r.ItemsPerCaseYear, r.HoursPerCaseYear, r.HoursPerWeekAt(20), r.HoursPerWeekAt(25))
		fmt.Printf("  follow-ups alone: capacity %d cases\n", r.Cases)
		fmt.Printf("  20–25 cases leave %.1f–%.1f h per case a year for other case work\n", r.OtherHoursFor(25), r.OtherHoursFor(20))
		// Stated assumption: 40 h a year of other case work per case.
		model.OtherHoursPerCaseYear = 40
		if r, err = caseload.Capacity(model); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("  with 40 h of other case work per case a year: capacity %d cases\n", r.Cases)
	}
	// Output:
	// mixed (9 of 25 placed): 3.54 follow-ups and 14.2 h per case a year; 20–25 cases take 6.4–8.0 h a week
	//   follow-ups alone: capacity 93 cases
	//   20–25 cases leave 38.6–51.8 h per case a year for other case work
	//   with 40 h of other case work per case a year: capacity 24 cases
	// placements (16 of 25): 5.75 follow-ups and 23.0 h per case a year; 20–25 cases take 10.4–13.1 h a week
	//   follow-ups alone: capacity 57 cases
	//   20–25 cases leave 29.8–43.0 h per case a year for other case work
	//   with 40 h of other case work per case a year: capacity 20 cases
}

func ExampleWorkload() {
	team, err := caseload.DecodeTeam([]byte(teamJSON), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	team.Cases = team.Cases[:2] // c1 (w1) and c2 (w2)
	minutes := caseload.Minutes{followup.FollowUp: 240, followup.StatusFollowUp: 240, followup.SupervisionVisit: 240}
	r, err := caseload.Workload(team, followup.Herning(), ladder.MustParseDate("2026-02-02"), ladder.MustParseDate("2026-04-30"), minutes)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range r.Workers {
		fmt.Printf("%s: %d owed (%d statutory), %.0f h;", w.Worker, w.Owed.Items, w.Owed.Statutory, w.Owed.Hours())
		for i, m := range w.Monthly {
			fmt.Printf(" %s: %d", r.Months[i].Label, m.Items)
		}
		fmt.Println()
	}
	// Output:
	// w1: 2 owed (1 statutory), 8 h; 2026-02: 0 2026-03: 1 2026-04: 1
	// w2: 2 owed (1 statutory), 8 h; 2026-02: 1 2026-03: 0 2026-04: 1
	// w3: 0 owed (0 statutory), 0 h; 2026-02: 0 2026-03: 0 2026-04: 0
}

func ExampleTransfer() {
	team, err := caseload.DecodeTeam([]byte(teamJSON), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	on := ladder.MustParseDate("2026-03-02")
	for _, c := range team.Cases[:2] {
		d := caseload.Transfer(c, on)
		fmt.Println(d.Outcome, "—", d.Text(msg.Danish))
		if d.Handover != nil {
			fmt.Println("  ", d.Handover.Text(msg.Danish))
		}
	}
	// A young person who turned 18 on 1 December 2025 and stays on in the
	// foster family under ungestøtte: no placement, but an aftercare case,
	// told by its measure.
	stay, err := ladder.Default().NewMeasure("m9", "ungestoette-plejefamilie", ladder.MustParseDate("2025-12-01"), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := caseload.Transfer(caseload.Case{ID: "c9", Worker: "w1", Measures: []followup.Record{{Measure: stay}}}, on)
	fmt.Println(d.Outcome, d.Placements, d.Aftercare, "—", d.Text(msg.English))
	// Output:
	// stays — Sag c1 flyttes ikke med borgeren: barnet er anbragt (m1: Døgninstitution). Anbringelses- og efterværnssager bliver i distriktet.
	// moves — Sag c2 flyttes med borgeren til det nye distrikt; den er hverken en anbringelses- eller en efterværnssag.
	//    Send en mail til teamlederen i det modtagende team, som fordeler sagen til en rådgiver og giver navnet videre. Derefter indkalder rådgiver w2 (afgivende) til et overleveringsmøde.
	// stays [] [m9] — Case c9 does not move with the citizen: the young person receives aftercare (m9: Aftercare: continued stay in the foster family). Placement and aftercare cases stay with their district.
}
