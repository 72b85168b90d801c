package measure_test

import (
	"fmt"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

// How long placements in effect in 2024 lasted, per placement group. Open
// placements count up to 31 December 2024; an open one that has not yet
// reached a mark is left out of that mark's share.
func ExampleCountPlacementLengths() {
	ms := []ladder.Measure{
		measureOf("i1", "doegninstitution", "2024-01-01", "2024-03-31"),  // 91 days (leap February)
		measureOf("i2", "opholdssted", "2023-07-01", "2024-02-15"),       // 230 days, over 6 months
		measureOf("i3", "doegninstitution", "2024-10-01", ""),            // 92 days so far, undecided
		measureOf("f1", "plejefamilie", "2023-08-31", "2024-02-29"),      // 183 days; the mark 29 Feb is its last day
		measureOf("f2", "netvaerkspleje", "2022-12-01", ""),              // 31 + 365 + 366 = 762 days so far
		measureOf("h1", "eget-vaerelse", "2024-02-01", "2024-02-29"),     // 29 days
		measureOf("s1", "familiebehandling", "2024-01-01", "2024-06-30"), // not a placement
	}
	p, err := measure.CountPlacementLengths(ms, ladder.MustParseDate("2024-01-01"), ladder.MustParseDate("2024-12-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	pct := func(share float64, ok bool) string {
		if !ok {
			return "–"
		}
		return fmt.Sprintf("%d %%", measure.RoundPercent(100*share))
	}
	for _, g := range measure.PlacementGroups() {
		f := p.Group(g)
		fmt.Printf("%-22s n=%d open=%d median=%.1f >6m=%s >12m=%s\n", g, f.Placements, f.Open, f.MedianDays,
			pct(f.ShareOverShort()), pct(f.ShareOverLong()))
	}
	// By hand: all placed 29, 91, 92, 183, 230, 762 days, median (92+183)/2;
	// over 6 months i2, f1, f2 of the 5 settled (i3 is undecided).
	fmt.Println(p.Explain(measure.InstitutionPlacements).Message.Text(msg.Danish))
	// Output:
	// anbragte               n=6 open=2 median=137.5 >6m=60 % >12m=20 %
	// institutionsanbragte   n=3 open=1 median=92.0 >6m=50 % >12m=0 %
	// familieplejeanbragte   n=2 open=1 median=472.5 >6m=100 % >12m=50 %
	// netvaerksanbragte      n=1 open=1 median=762.0 >6m=100 % >12m=100 %
	// hjemmebaseret-anbragte n=1 open=0 median=29.0 >6m=0 % >12m=0 %
	// Institutionsanbragte i alt, i kraft i perioden 2024-01-01–2024-12-31: 3 anbringelser, median 92,0 dage (1 stadig i gang, talt med til 2024-12-31). Over 6 måneder: 50 % af 2 afgjorte; over 12 måneder: 0 % af 2 afgjorte. Hver indsats tæller for sig; en åben anbringelse, der endnu ikke har nået mærket, er ikke afgjort.
}
