package caseload_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// benchTeam generates, deterministically, a district of the given size:
// workers in teams of 10, about a third of the cases with no measure, the
// rest with one or two measures started in the two years before asOf, and
// a held follow-up two weeks after the start of half the measures.
func benchTeam(tb testing.TB, workers, casesN int, asOf date.Date) caseload.Team {
	rng := rand.New(rand.NewPCG(2026, 1))
	codes := []string{"plejefamilie", "netvaerkspleje", "opholdssted", "doegninstitution", "eget-vaerelse", "kostskole",
		"praktisk-stoette", "aflastning", "kontaktperson", "familiebehandling", "mst", "efterskole", "tidlig-forebyggende"}
	t := caseload.Team{Workers: make([]caseload.Worker, workers), Cases: make([]caseload.Case, casesN)}
	for i := range t.Workers {
		fte := 1.0
		if i%7 == 0 {
			fte = 0.8
		}
		t.Workers[i] = caseload.Worker{ID: fmt.Sprintf("w%04d", i), Name: fmt.Sprintf("Rådgiver %d", i), Team: fmt.Sprintf("team-%03d", i/10),
			FTE: fte, EmployedSince: asOf - date.Date(rng.IntN(3650))}
	}
	for i := range t.Cases {
		c := caseload.Case{ID: fmt.Sprintf("c%06d", i), Worker: t.Workers[i%workers].ID}
		n := rng.IntN(3) // 0, 1 or 2 measures
		for j := range n {
			iv := ladder.MustParseIntervention(codes[rng.IntN(len(codes))])
			start := asOf - date.Date(30+rng.IntN(700))
			m, err := ladder.NewMeasure(fmt.Sprintf("m%06d-%d", i, j), iv, start, 0)
			if err != nil {
				tb.Fatal(err)
			}
			r := followup.Record{Measure: m}
			if rng.IntN(2) == 0 {
				r.Held = []followup.Held{{On: start + 14, ChildConversation: true, Mode: followup.InPerson}}
			}
			c.Measures = append(c.Measures, r)
		}
		t.Cases[i] = c
	}
	return t
}

// BenchmarkValidateAndWorkload validates and computes the workload of
// 1,000 workers holding 25,000 cases, over one month and over a year.
func BenchmarkValidateAndWorkload(b *testing.B) {
	asOf := ladder.MustParseDate("2026-03-02")
	team := benchTeam(b, 1000, 25000, asOf)
	minutes := caseload.Minutes{followup.FollowUp: 240, followup.StatusFollowUp: 240, followup.SupervisionVisit: 240, followup.StatusReport: 60}
	regime := followup.Herning()
	for _, h := range []struct {
		name  string
		until date.Date
	}{{"month", followup.AddMonths(asOf, 1) - 1}, {"year", followup.AddMonths(asOf, 12) - 1}} {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				// 25 cases each: the part-timers are over Herning's hard
				// limit and everyone over the soft one, so every worker
				// has a finding to write.
				if fs := caseload.Validate(team, caseload.Herning(), asOf); len(fs) < 1000 {
					b.Fatalf("%d findings", len(fs))
				}
				if _, err := caseload.Workload(team, regime, asOf, h.until, minutes); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSuggest(b *testing.B) {
	asOf := ladder.MustParseDate("2026-03-02")
	team := benchTeam(b, 1000, 25000, asOf)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, _ := caseload.Suggest(team, caseload.DS2020(), caseload.Case{ID: "new"}, asOf); !ok {
			b.Fatal("no suggestion")
		}
	}
}
