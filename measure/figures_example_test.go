package measure_test

import (
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

// measureOf builds a measure from the Default catalogue for the examples;
// end "" is open.
func measureOf(id, code, start, end string) ladder.Measure {
	var e date.Date
	if end != "" {
		e = ladder.MustParseDate(end)
	}
	m, err := ladder.Default().NewMeasure(id, code, ladder.MustParseDate(start), e)
	if err != nil {
		panic(err)
	}
	return m
}

// Child-years in 2015 for three children. Each day in a measure counts
// 1/365 of a child-year (1/366 in a leap year).
func ExampleChildYears() {
	ms := []ladder.Measure{
		measureOf("a1", "doegninstitution", "2014-09-01", "2015-03-31"),    // 90 days in 2015
		measureOf("a2", "plejefamilie", "2015-04-01", ""),                  // 275 days
		measureOf("b1", "netvaerkspleje", "2015-01-01", "2015-06-30"),      // 181 days
		measureOf("b2", "eget-vaerelse", "2015-07-01", ""),                 // 184 days
		measureOf("c1", "doegnophold-familie", "2015-03-01", "2015-05-31"), // 92 days, not a placement
	}
	f, err := measure.ChildYears(ms, ladder.MustParseDate("2015-01-01"), ladder.MustParseDate("2015-12-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, code := range f.Codes() {
		fmt.Printf("%-22s %.4f\n", code, f.Code(code))
	}
	for _, g := range measure.PlacementGroups() {
		pct, _ := f.GroupPercent(g)
		fmt.Printf("%-22s %.4f %3d %%\n", g, f.Group(g), measure.RoundPercent(pct))
	}
	fmt.Println(f.ExplainGroup(measure.HomeBasedPlacements).Text(msg.Danish))
	// Output:
	// doegninstitution       0.2466
	// doegnophold-familie    0.2521
	// eget-vaerelse          0.5041
	// netvaerkspleje         0.4959
	// plejefamilie           0.7534
	// anbragte               2.0000 100 %
	// institutionsanbragte   0.2466  12 %
	// familieplejeanbragte   1.2493  62 %
	// netvaerksanbragte      0.4959  25 %
	// hjemmebaseret-anbragte 0.5041  25 %
	// Hjemmebaserede anbringelser i alt: 0,50 årsbørn, i perioden 2015-01-01–2015-12-31; hver indsats tæller sine dage i perioden, hver dag 1/365 årsbarn (1/366 i skudår); 25 % af alle anbragte årsbørn. (KORA 2017, Tabel 4.1, p. 28)
}

// KORA 2017's comparison of placed child-years in Herning's Sverige
// districts, mid-2013 against end-2015, from the child-years per placement
// type it published (Tabel 2.1–2.3 and 4.1). Shares are of all placed
// child-years, rounded to whole percent as published; points are the
// change of the unrounded share.
func ExampleCompareChildYears() {
	rows := []string{
		"anbragte",
		"institutionsanbragte", "doegninstitution", "opholdssted", "sikret-institution",
		"familieplejeanbragte", "plejefamilie", "netvaerkspleje", "saerlig-plejefamilie",
		"hjemmebaseret-anbragte",
	}
	for _, in := range measure.KORA2017() {
		cmp, err := in.Compare()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(in.District)
		for _, key := range rows {
			var r measure.ChildYearChange
			if g, err := measure.ParsePlacementGroup(key); err == nil {
				r = cmp.Group(g)
			} else {
				r = cmp.Code(key)
			}
			if r.Group == measure.AllPlaced {
				pct, _ := r.ChangePercent()
				fmt.Printf("  %-22s %6.2f %6.2f %+7.2f %+4d %%\n", key, r.Before, r.After, r.Change(), measure.RoundPercent(pct))
				continue
			}
			b, a, _ := r.Shares()
			pts, _ := r.PointChange()
			fmt.Printf("  %-22s %6.2f %6.2f %+7.2f %3d %% %3d %% %+4d\n", key, r.Before, r.After, r.Change(),
				measure.RoundPercent(b), measure.RoundPercent(a), measure.RoundPercent(pts))
		}
	}
	// Output:
	// Sverigesdistrikter
	//   anbragte                49.01  41.90   -7.11  -15 %
	//   institutionsanbragte    12.10   2.06  -10.04  25 %   5 %  -20
	//   doegninstitution         7.68   0.08   -7.60  16 %   0 %  -15
	//   opholdssted              4.42   0.64   -3.78   9 %   2 %   -7
	//   sikret-institution       0.00   1.34   +1.34   0 %   3 %   +3
	//   familieplejeanbragte    33.49  33.88   +0.39  68 %  81 %  +13
	//   plejefamilie            26.72  26.27   -0.45  55 %  63 %   +8
	//   netvaerkspleje           2.20   3.61   +1.41   4 %   9 %   +4
	//   saerlig-plejefamilie     4.57   4.00   -0.57   9 %  10 %   +0
	//   hjemmebaseret-anbragte   3.42   5.96   +2.54   7 %  14 %   +7
	// Øvrige distrikter
	//   anbragte               137.93 140.43   +2.50   +2 %
	//   institutionsanbragte    31.51  33.56   +2.05  23 %  24 %   +1
	//   doegninstitution        14.70  23.47   +8.77  11 %  17 %   +6
	//   opholdssted             15.31   7.28   -8.03  11 %   5 %   -6
	//   sikret-institution       1.50   2.81   +1.31   1 %   2 %   +1
	//   familieplejeanbragte    94.43  96.87   +2.44  68 %  69 %   +1
	//   plejefamilie            76.85  81.35   +4.50  56 %  58 %   +2
	//   netvaerkspleje          10.41   7.71   -2.70   8 %   5 %   -2
	//   saerlig-plejefamilie     7.17   7.81   +0.64   5 %   6 %   +0
	//   hjemmebaseret-anbragte  11.99  10.00   -1.99   9 %   7 %   -2
}

// Children per ladder step on a date, as in KORA 2017 Figur 2.1: each child
// once, on its highest active step.
func ExampleCountSteps() {
	children := []measure.ChildCase{
		{ID: "a", Measures: []ladder.Measure{
			measureOf("a1", "plejefamilie", "2014-01-01", ""),
			measureOf("a2", "efterskole", "2015-08-01", ""), // combined across steps
		}},
		{ID: "b", Measures: []ladder.Measure{measureOf("b1", "mst", "2015-09-01", "")}},
		{ID: "c", Measures: []ladder.Measure{measureOf("c1", "familiecentral", "2015-10-01", "2016-01-31")}},
		{ID: "d", Measures: []ladder.Measure{measureOf("d1", "opholdssted", "2014-01-01", "2015-06-30")}},
	}
	sc, err := measure.CountSteps(children, ladder.MustParseDate("2015-12-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range ladder.Steps() {
		fmt.Printf("%-13s %d\n", s, sc.Count(s))
	}
	fmt.Println(sc.Explain())
	// Output:
	// hverdagsliv   1
	// almen         0
	// forebyggende  1
	// hjemmebaseret 1
	// netvaerk      0
	// plejefamilie  1
	// institution   0
	// 4 children on 2015-12-01 by ladder step; each child counts once, on the highest step among its active measures (everyday life with none active). (KORA 2017, Figur 2.1, p. 14)
}

// Moves between ladder steps in a period, as in KORA 2017 Figur 4.1.
func ExampleCountMoves() {
	children := []measure.ChildCase{
		{ID: "a", Measures: []ladder.Measure{
			measureOf("a1", "doegninstitution", "2013-01-01", "2014-05-31"),
			measureOf("a2", "plejefamilie", "2014-06-01", ""),
		}},
		{ID: "b", Measures: []ladder.Measure{
			measureOf("b1", "opholdssted", "2013-01-01", "2014-02-28"),
			measureOf("b2", "eget-vaerelse", "2014-03-01", "2015-02-28"),
			measureOf("b3", "kontaktperson", "2014-03-01", "2015-08-31"),
		}},
		{ID: "c", Measures: []ladder.Measure{
			measureOf("c1", "tidlig-forebyggende", "2013-06-01", "2014-09-30"),
			measureOf("c2", "fft", "2014-10-01", "2015-03-31"),
		}},
	}
	mm, err := measure.CountMoves(children, ladder.MustParseDate("2013-08-01"), ladder.MustParseDate("2015-12-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range mm.Cells() {
		fmt.Printf("%-13s → %-13s %-4s %d\n", c.From, c.To, c.Direction, c.Count)
	}
	fmt.Printf("down %d, up %d, children %d\n", mm.Down(), mm.Up(), mm.Children())
	// Output:
	// forebyggende  → hjemmebaseret up   1
	// hjemmebaseret → hverdagsliv   down 2
	// institution   → hjemmebaseret down 1
	// institution   → plejefamilie  down 1
	// down 4, up 1, children 3
}

// Placement breakdowns as a share of placed child-years (KORA 2017 Tabel 3.1).
func ExampleNewBreakdownRate() {
	r, err := measure.NewBreakdownRate(2, 140.43)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f %%\n", r.Percent())
	// Output:
	// 1.4 %
}

// The mean change of paired SDQ scores; positive means more difficulties.
func ExampleSummarizeSDQ() {
	score := func(n int) measure.SDQ {
		s, err := measure.NewSDQ(n)
		if err != nil {
			panic(err)
		}
		return s
	}
	s, err := measure.SummarizeSDQ([]measure.SDQPair{
		{Before: score(10), After: score(14)},
		{Before: score(12), After: score(12)},
		{Before: score(8), After: score(13)},
		{Before: score(14), After: score(15)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f → %.1f (%+.1f)\n", s.MeanBefore, s.MeanAfter, s.MeanChange)
	// Output:
	// 11.0 → 13.5 (+2.5)
}

// Cases per worker, and the average the Herning model aims to keep at 25
// or below.
func ExampleCasesPerWorker() {
	cc, err := measure.CasesPerWorker(map[string]string{"c1": "anne", "c2": "anne", "c3": "bo"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range cc.Workers() {
		fmt.Println(w, cc.Cases(w))
	}
	fmt.Printf("mean %.1f\n", cc.Mean())
	// Output:
	// anne 2
	// bo 1
	// mean 1.5
}
