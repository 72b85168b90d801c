package measure_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

var day = ladder.MustParseDate

// mk builds a measure from the Default catalogue; end "" is open.
func mk(t testing.TB, id, code, start, end string) ladder.Measure {
	t.Helper()
	var e date.Date
	if end != "" {
		e = day(end)
	}
	m, err := ladder.Default().NewMeasure(id, code, day(start), e)
	require.NoError(t, err)
	return m
}

func TestChildYearsHalvesSumToOne(t *testing.T) {
	tests := []struct {
		year             string
		firstH, secondH  float64 // hand-worked: days / days in year
		firstD, secondDs string
	}{
		// 2015: Jan–Jun = 31+28+31+30+31+30 = 181 days, Jul–Dec = 184 days.
		{"2015", 181.0 / 365, 184.0 / 365, "2015-06-30", "2015-07-01"},
		// 2016 (leap): Jan–Jun = 182 days, Jul–Dec = 184 days.
		{"2016", 182.0 / 366, 184.0 / 366, "2016-06-30", "2016-07-01"},
	}
	for _, tt := range tests {
		t.Run(tt.year, func(t *testing.T) {
			from, to := day(tt.year+"-01-01"), day(tt.year+"-12-31")
			// One child, the same placement type in both halves.
			same := []ladder.Measure{
				mk(t, "h1", "plejefamilie", tt.year+"-01-01", tt.firstD),
				mk(t, "h2", "plejefamilie", tt.secondDs, tt.year+"-12-31"),
			}
			f, err := measure.ChildYears(same, from, to)
			require.NoError(t, err)
			assert.Equal(t, 1.0, f.Code("plejefamilie"), "exactly one child-year")
			assert.Equal(t, 1.0, f.Group(measure.AllPlaced))
			assert.Equal(t, 1.0, f.Years())

			first, err := measure.ChildYears(same[:1], from, to)
			require.NoError(t, err)
			assert.InDelta(t, tt.firstH, first.Code("plejefamilie"), 1e-15)
			second, err := measure.ChildYears(same[1:], from, to)
			require.NoError(t, err)
			assert.InDelta(t, tt.secondH, second.Code("plejefamilie"), 1e-15)

			// Two placement types: each group still sums exactly.
			mixed := []ladder.Measure{
				mk(t, "m1", "plejefamilie", tt.year+"-01-01", tt.firstD),
				mk(t, "m2", "netvaerkspleje", tt.secondDs, ""),
			}
			f, err = measure.ChildYears(mixed, from, to)
			require.NoError(t, err)
			assert.Equal(t, 1.0, f.Group(measure.FamilyCare))
			assert.Equal(t, 1.0, f.Group(measure.AllPlaced))
			assert.InDelta(t, tt.secondH, f.Group(measure.NetworkCare), 1e-15)
		})
	}
}

// "A child placed six months of a year counts 0.5": six calendar months are
// 181 to 184 days, each 1/365 or 1/366, so between 181/366 = 0.49454 and
// 184/365 = 0.50411: within 0.0055 of 0.5.
func TestChildYearsSixMonthsIsAboutHalf(t *testing.T) {
	from, to := day("2014-01-01"), day("2017-12-31")
	for _, y := range []int{2015, 2016} {
		for m := 1; m <= 12; m++ {
			start := date.New(y, 1, 1).AddDate(0, m-1, 0)
			end := start.AddDate(0, 6, 0) - 1
			meas, err := ladder.NewMeasure("six", ladder.MustParseIntervention("opholdssted"), start, end)
			require.NoError(t, err)
			f, err := measure.ChildYears([]ladder.Measure{meas}, from, to)
			require.NoError(t, err)
			assert.InDelta(t, 0.5, f.Code("opholdssted"), 0.0055, "%s–%s", start, end)
		}
	}
}

func TestChildYearsHandWorked(t *testing.T) {
	ms := []ladder.Measure{
		mk(t, "m1", "doegninstitution", "2014-10-01", "2015-03-31"),     // Jan–Mar 2015: 31+28+31 = 90
		mk(t, "m2", "opholdssted", "2015-04-01", ""),                    // Apr–Dec: 365−90 = 275
		mk(t, "m3", "korttidsanbringelse", "2015-02-01", "2015-02-28"),  // 28
		mk(t, "m4", "doegnophold-familie", "2015-01-01", "2015-01-31"),  // 31, not a placement
		mk(t, "m5", "plejefamilie", "2015-07-01", "2016-06-30"),         // Jul–Dec: 184
		mk(t, "m6", "netvaerkspleje", "2015-01-01", "2015-12-31"),       // 365
		mk(t, "m7", "saerlig-plejefamilie", "2013-01-01", "2014-12-31"), // outside: 0
		mk(t, "m8", "eget-vaerelse", "2015-12-01", "2015-12-31"),        // 31
		mk(t, "m9", "kontaktperson", "2010-05-01", ""),                  // 365, not a placement
	}
	f, err := measure.ChildYears(ms, day("2015-01-01"), day("2015-12-31"))
	require.NoError(t, err)

	assert.Equal(t, []string{"doegninstitution", "doegnophold-familie", "eget-vaerelse", "kontaktperson",
		"korttidsanbringelse", "netvaerkspleje", "opholdssted", "plejefamilie"}, f.Codes())
	codes := map[string]float64{
		"doegninstitution": 90.0 / 365, "opholdssted": 275.0 / 365, "korttidsanbringelse": 28.0 / 365,
		"doegnophold-familie": 31.0 / 365, "plejefamilie": 184.0 / 365, "netvaerkspleje": 1,
		"saerlig-plejefamilie": 0, "eget-vaerelse": 31.0 / 365, "kontaktperson": 1,
	}
	for code, want := range codes {
		assert.InDelta(t, want, f.Code(code), 1e-12, code)
	}
	groups := map[measure.PlacementGroup]float64{
		measure.InstitutionPlacements: 393.0 / 365, // 90+275+28; døgnophold-familie is not a placement
		measure.FamilyCare:            549.0 / 365, // 184+365
		measure.NetworkCare:           1,
		measure.HomeBasedPlacements:   31.0 / 365, // kontaktperson is not a placement
		measure.AllPlaced:             973.0 / 365,
	}
	for g, want := range groups {
		assert.InDelta(t, want, f.Group(g), 1e-12, g.String())
	}
	pct, ok := f.GroupPercent(measure.InstitutionPlacements)
	require.True(t, ok)
	assert.InDelta(t, 100*393.0/973, pct, 1e-9) // 40.39 %
	pct, ok = f.CodePercent("plejefamilie")
	require.True(t, ok)
	assert.InDelta(t, 100*184.0/973, pct, 1e-9)
	pct, ok = f.CodePercent("saerlig-plejefamilie") // a placement with no child-years
	assert.True(t, ok)
	assert.Zero(t, pct)
	_, ok = f.CodePercent("doegnophold-familie")
	assert.False(t, ok, "not a placement: no share of placed child-years")
	_, ok = f.GroupPercent(measure.PlacementGroup(0))
	assert.False(t, ok)
	assert.Zero(t, f.Group(measure.PlacementGroup(42)))

	iv, ok := f.Intervention("opholdssted")
	require.True(t, ok)
	assert.Equal(t, ladder.Institution, iv.Step)
	_, ok = f.Intervention("saerlig-plejefamilie")
	assert.False(t, ok)

	from, to, ok := f.Period()
	assert.True(t, ok)
	assert.Equal(t, day("2015-01-01"), from)
	assert.Equal(t, day("2015-12-31"), to)
	assert.Equal(t, 1.0, f.Years())
}

func TestChildYearsAcrossNewYear(t *testing.T) {
	// 1 Jul 2015 – 30 Jun 2016: 184 days of 2015 and 182 of leap year 2016.
	from, to := day("2015-07-01"), day("2016-06-30")
	f, err := measure.ChildYears([]ladder.Measure{mk(t, "a", "plejefamilie", "2014-01-01", "")}, from, to)
	require.NoError(t, err)
	want := 184.0/365 + 182.0/366 // 1.00138
	assert.InDelta(t, want, f.Code("plejefamilie"), 1e-12)
	assert.InDelta(t, want, f.Years(), 1e-12)
	assert.InDelta(t, 1.0, f.Group(measure.AllPlaced)/f.Years(), 1e-12, "one child in care all along: average 1")

	// Two whole years count 2.
	f, err = measure.ChildYears([]ladder.Measure{mk(t, "a", "plejefamilie", "2014-01-01", "")}, day("2015-01-01"), day("2016-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 2.0, f.Code("plejefamilie"))
}

func TestChildYearsOverlappingPlacementsEachCount(t *testing.T) {
	// One child in a foster family all year, and placed at a boarding school
	// from 15 August: 17+30+31+30+31 = 139 days count twice.
	ms := []ladder.Measure{
		mk(t, "p", "plejefamilie", "2015-01-01", "2015-12-31"),
		mk(t, "k", "kostskole", "2015-08-15", "2015-12-31"),
	}
	f, err := measure.ChildYears(ms, day("2015-01-01"), day("2015-12-31"))
	require.NoError(t, err)
	assert.InDelta(t, 1+139.0/365, f.Group(measure.AllPlaced), 1e-12)
	assert.InDelta(t, 139.0/365, f.Group(measure.HomeBasedPlacements), 1e-12)
}

func TestChildYearsEmpty(t *testing.T) {
	f, err := measure.ChildYears(nil, day("2015-01-01"), day("2015-01-01"))
	require.NoError(t, err)
	assert.Empty(t, f.Codes())
	assert.Zero(t, f.Group(measure.AllPlaced))
	_, ok := f.GroupPercent(measure.FamilyCare)
	assert.False(t, ok, "nothing placed: no shares")
	assert.InDelta(t, 1.0/365, f.Years(), 1e-15)

	var zero measure.ChildYearFigures
	_, _, ok = zero.Period()
	assert.False(t, ok)
	assert.Zero(t, zero.Code("plejefamilie"))
}

func TestChildYearsErrors(t *testing.T) {
	good := []ladder.Measure{mk(t, "a", "plejefamilie", "2015-01-01", "")}
	vendor, err := ladder.Default().Extend(ladder.Intervention{
		Code: "plejefamilie", Danish: "Plejefamilie (leverandørens egen)", Step: ladder.Network,
		Placement: true, Basis: ladder.BasisPlacement,
	})
	require.NoError(t, err)
	other, err := vendor.NewMeasure("b", "plejefamilie", day("2015-01-01"), 0)
	require.NoError(t, err)

	tests := []struct {
		name     string
		measures []ladder.Measure
		from, to date.Date
		want     []string
	}{
		{"zero from", good, 0, day("2015-12-31"), []string{"measure.ChildYears: zero date"}},
		{"zero to", good, day("2015-01-01"), 0, []string{"zero date"}},
		{"inverted", good, day("2015-12-31"), day("2015-01-01"), []string{"period end 2015-01-01 is before its start 2015-12-31"}},
		{"100 years", good, day("2000-01-01"), day("2100-01-01"), []string{"longer than 100 years"}},
		{"invalid measure", []ladder.Measure{good[0], {}}, day("2015-01-01"), day("2015-12-31"), []string{"measure 1 is invalid"}},
		{"all at once", []ladder.Measure{{}}, day("2015-12-31"), day("2015-01-01"), []string{"before its start", "measure 0 is invalid"}},
		{"one code, two interventions", []ladder.Measure{good[0], other}, day("2015-01-01"), day("2015-12-31"),
			[]string{`measure "b": code "plejefamilie" stands for two different interventions`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := measure.ChildYears(tt.measures, tt.from, tt.to)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	// Just under 100 years is accepted.
	_, err = measure.ChildYears(good, day("2000-01-01"), day("2099-12-31"))
	assert.NoError(t, err)
}

func TestNewChildYearFigures(t *testing.T) {
	f, err := measure.NewChildYearFigures(nil, map[string]float64{
		"doegninstitution": 1.5, "korttidsanbringelse": 0.5, "doegnophold-familie": 2,
		"plejefamilie": 3, "netvaerkspleje": 1, "efterskole-anbragt": 2, "efterskole": 7,
	})
	require.NoError(t, err)
	assert.Equal(t, 2.0, f.Group(measure.InstitutionPlacements), "døgnophold for hele familien is not a placement")
	assert.Equal(t, 4.0, f.Group(measure.FamilyCare))
	assert.Equal(t, 1.0, f.Group(measure.NetworkCare))
	assert.Equal(t, 2.0, f.Group(measure.HomeBasedPlacements), "efterskole as support is not a placement")
	assert.Equal(t, 8.0, f.Group(measure.AllPlaced))
	pct, ok := f.GroupPercent(measure.FamilyCare)
	require.True(t, ok)
	assert.Equal(t, 50.0, pct)
	_, _, ok = f.Period()
	assert.False(t, ok)
	assert.Zero(t, f.Years())
}

func TestNewChildYearFiguresVendorInterventionsFallIntoGroups(t *testing.T) {
	cat, err := ladder.Default().Extend(
		ladder.Intervention{Code: "akut-plejefamilie", Danish: "Akut plejefamilie", Step: ladder.FosterFamily, Placement: true, Basis: ladder.BasisPlacement},
		ladder.Intervention{Code: "bofaellesskab", Danish: "Bofællesskab", Step: ladder.HomeBased, Placement: true, Basis: ladder.BasisPlacement},
		ladder.Intervention{Code: "weekendophold", Danish: "Weekendophold", Step: ladder.HomeBased, Basis: ladder.BasisSupport},
	)
	require.NoError(t, err)
	f, err := measure.NewChildYearFigures(cat, map[string]float64{"akut-plejefamilie": 0.25, "bofaellesskab": 0.75, "weekendophold": 4})
	require.NoError(t, err)
	assert.Equal(t, 0.25, f.Group(measure.FamilyCare))
	assert.Equal(t, 0.75, f.Group(measure.HomeBasedPlacements))
	assert.Equal(t, 1.0, f.Group(measure.AllPlaced))

	// The same codes are unknown to the Default catalogue.
	_, err = measure.NewChildYearFigures(nil, map[string]float64{"bofaellesskab": 1})
	require.Error(t, err)
	assert.ErrorIs(t, err, ladder.ErrUnknownIntervention)
	assert.Contains(t, err.Error(), `measure.NewChildYearFigures: unknown intervention "bofaellesskab"`)
}

func TestNewChildYearFiguresErrors(t *testing.T) {
	_, err := measure.NewChildYearFigures(nil, map[string]float64{
		"plejefamilie": math.NaN(), "opholdssted": -0.5, "kostskole": math.Inf(1), "plejefamilje": 1,
	})
	require.Error(t, err)
	for _, w := range []string{
		`code "kostskole": child-years +Inf`, `code "opholdssted": child-years -0.5`,
		`code "plejefamilie": child-years NaN`, `unknown intervention "plejefamilje"`,
	} {
		assert.Contains(t, err.Error(), w)
	}
	assert.ErrorIs(t, err, ladder.ErrUnknownIntervention)
}

func TestPlacementGroup(t *testing.T) {
	iv := ladder.MustParseIntervention
	tests := []struct {
		code string
		in   []measure.PlacementGroup
	}{
		{"doegninstitution", []measure.PlacementGroup{measure.AllPlaced, measure.InstitutionPlacements}},
		{"opholdssted", []measure.PlacementGroup{measure.AllPlaced, measure.InstitutionPlacements}},
		{"sikret-institution", []measure.PlacementGroup{measure.AllPlaced, measure.InstitutionPlacements}},
		{"korttidsanbringelse", []measure.PlacementGroup{measure.AllPlaced, measure.InstitutionPlacements}},
		{"doegnophold-familie", nil},
		{"plejefamilie", []measure.PlacementGroup{measure.AllPlaced, measure.FamilyCare}},
		{"saerlig-plejefamilie", []measure.PlacementGroup{measure.AllPlaced, measure.FamilyCare}},
		{"netvaerkspleje", []measure.PlacementGroup{measure.AllPlaced, measure.FamilyCare, measure.NetworkCare}},
		{"eget-vaerelse", []measure.PlacementGroup{measure.AllPlaced, measure.HomeBasedPlacements}},
		{"kostskole", []measure.PlacementGroup{measure.AllPlaced, measure.HomeBasedPlacements}},
		{"efterskole-anbragt", []measure.PlacementGroup{measure.AllPlaced, measure.HomeBasedPlacements}},
		{"opgangsfaellesskab", []measure.PlacementGroup{measure.AllPlaced, measure.HomeBasedPlacements}},
		{"efterskole", nil},
		{"mst", nil},
		{"tidlig-forebyggende", nil},
		{"sundhedspleje-behovsbesoeg", nil},
	}
	for _, tt := range tests {
		var got []measure.PlacementGroup
		for _, g := range measure.PlacementGroups() {
			if g.Contains(iv(tt.code)) {
				got = append(got, g)
			}
		}
		assert.Equal(t, tt.in, got, tt.code)
	}
	assert.False(t, measure.PlacementGroup(0).Contains(iv("plejefamilie")))

	for _, g := range measure.PlacementGroups() {
		require.True(t, g.IsValid())
		b, err := g.MarshalText()
		require.NoError(t, err)
		var back measure.PlacementGroup
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, g, back)
		j, err := json.Marshal(map[string]measure.PlacementGroup{"g": g})
		require.NoError(t, err)
		var m map[string]measure.PlacementGroup
		require.NoError(t, json.Unmarshal(j, &m))
		assert.Equal(t, g, m["g"])
		assert.NotEmpty(t, g.Danish())
		assert.NotEmpty(t, g.English())
		assert.Contains(t, g.Source(), "KORA 2017, Tabel")
	}
	assert.Equal(t, "familieplejeanbragte", measure.FamilyCare.String())
	assert.Equal(t, "Institutionsanbragte i alt", measure.InstitutionPlacements.Danish())
	bad := measure.PlacementGroup(9)
	assert.False(t, bad.IsValid())
	assert.Equal(t, "measure.PlacementGroup(9)", bad.String())
	assert.Equal(t, "measure.PlacementGroup(9)", bad.Danish())
	assert.Equal(t, "measure.PlacementGroup(9)", bad.English())
	assert.Empty(t, bad.Source())
	_, err := bad.MarshalText()
	assert.ErrorContains(t, err, "measure.PlacementGroup.MarshalText: invalid group 9")
	g := measure.NetworkCare
	assert.ErrorContains(t, g.UnmarshalText([]byte("netvaerk")), `measure.ParsePlacementGroup: unknown placement group "netvaerk"`)
	assert.Equal(t, measure.NetworkCare, g, "unchanged on error")
}

func TestChildYearExplanations(t *testing.T) {
	ms := []ladder.Measure{
		mk(t, "a", "plejefamilie", "2015-01-01", "2015-06-30"),
		mk(t, "b", "doegninstitution", "2015-07-01", "2015-12-31"),
		mk(t, "c", "mst", "2015-07-01", "2015-12-31"),
	}
	f, err := measure.ChildYears(ms, day("2015-01-01"), day("2015-12-31"))
	require.NoError(t, err)

	e := f.ExplainGroup(measure.InstitutionPlacements)
	assert.Equal(t, "aarsboern.institutionsanbragte", e.Figure)
	assert.Equal(t, "KORA 2017, Tabel 2.2, p. 16", e.Source)
	// 184/365 = 0.504 → "0,50"; 184/365 of 365/365 placed = 50.4 % → 50 %.
	assert.Contains(t, e.Message.Text(msg.Danish), "Institutionsanbragte i alt: 0,50 årsbørn, i perioden 2015-01-01–2015-12-31")
	assert.Contains(t, e.Message.Text(msg.Danish), "50 % af alle anbragte årsbørn")
	assert.Contains(t, e.Message.Text(msg.English), "Placements in institutions: 0.50 child-years")
	assert.Contains(t, e.Text(msg.Danish), "(KORA 2017, Tabel 2.2, p. 16)")
	assert.Equal(t, e.Text(msg.English), e.String())

	e = f.ExplainGroup(measure.AllPlaced)
	assert.Equal(t, "KORA 2017, Tabel 2.1, p. 15", e.Source)
	assert.Contains(t, e.Message.Text(msg.English), "All placements: 1.00 child-years")
	assert.NotContains(t, e.Message.Text(msg.English), "of all placed", "the total has no share of itself")

	e = f.ExplainCode("plejefamilie")
	assert.Equal(t, "KORA 2017, Tabel 2.3, p. 17", e.Source)
	assert.Contains(t, e.Message.Text(msg.Danish), "Plejefamilie (almindelig/professionel) (plejefamilie, en anbringelse): 0,50 årsbørn")
	assert.Contains(t, e.Message.Text(msg.English), "Foster family (ordinary/professional) (plejefamilie, a placement): 0.50 child-years", "the English text names the intervention in English")
	e = f.ExplainCode("mst")
	assert.Contains(t, e.Message.Text(msg.English), "not a placement")
	e = f.ExplainCode("unknown")
	assert.Contains(t, e.Message.Text(msg.English), "unknown (unknown, not a placement")
	assert.Equal(t, "aarsboern.measure.PlacementGroup(0)", f.ExplainGroup(0).Figure)

	g, err := measure.NewChildYearFigures(nil, map[string]float64{"plejefamilie": 1})
	require.NoError(t, err)
	assert.Contains(t, g.ExplainGroup(measure.FamilyCare).Message.Text(msg.Danish), "indtastet pr. indsatstype")
	assert.Equal(t, "entered per intervention type", measure.FigureExplanation{Message: msg.New("measure.childyears.entered")}.Text(msg.English), "no source, no parentheses")
	assert.Empty(t, measure.FigureExplanation{Source: "KORA 2017"}.Text(msg.English), "no message, no text")
}

func TestCountSteps(t *testing.T) {
	on := day("2015-06-30")
	children := []measure.ChildCase{
		{ID: "a", Measures: []ladder.Measure{mk(t, "a1", "plejefamilie", "2014-01-01", ""), mk(t, "a2", "efterskole", "2014-08-01", "2015-06-30")}},
		{ID: "b"},
		{ID: "c", Measures: []ladder.Measure{mk(t, "c1", "mst", "2015-01-01", "2015-06-29")}},
		{ID: "d", Measures: []ladder.Measure{mk(t, "d1", "tidlig-forebyggende", "2015-06-30", "")}},
		{ID: "e", Measures: []ladder.Measure{mk(t, "e1", "doegnophold-familie", "2015-06-01", "")}},
		{ID: "f", Measures: []ladder.Measure{mk(t, "f1", "mst", "2015-03-01", ""), mk(t, "f2", "kontaktperson", "2015-01-01", "")}},
	}
	sc, err := measure.CountSteps(children, on)
	require.NoError(t, err)
	want := map[ladder.Step]int{
		ladder.EverydayLife: 2, // b: no measures; c: ended the day before
		ladder.Preventive:   1,
		ladder.HomeBased:    1, // f counts once with two home-based measures
		ladder.FosterFamily: 1, // a: the efterskole does not count again
		ladder.Institution:  1, // e: on the institution step, though not placed
	}
	for _, s := range ladder.Steps() {
		assert.Equal(t, want[s], sc.Count(s), s.String())
	}
	assert.Equal(t, 6, sc.Total())
	assert.Equal(t, on, sc.On())
	assert.Zero(t, sc.Count(ladder.Step(7)))
	e := sc.Explain()
	assert.Equal(t, "KORA 2017, Figur 2.1, p. 14", e.Source)
	assert.Contains(t, e.Message.Text(msg.Danish), "6 børn pr. 2015-06-30")
	assert.Contains(t, e.Message.Text(msg.English), "6 children on 2015-06-30")

	_, err = measure.CountSteps([]measure.ChildCase{{ID: ""}, {ID: "x"}, {ID: "x"}, {ID: "y", Measures: []ladder.Measure{{}}}}, 0)
	require.Error(t, err)
	for _, w := range []string{"measure.CountSteps: zero date", "child 0 has an empty id", `duplicate child id "x"`, `child "y": measure 0 is invalid`} {
		assert.Contains(t, err.Error(), w)
	}
}

func TestCountMoves(t *testing.T) {
	children := []measure.ChildCase{
		// Institution → foster family on 1 April.
		{ID: "A", Measures: []ladder.Measure{mk(t, "A1", "doegninstitution", "2014-01-01", "2015-03-31"), mk(t, "A2", "plejefamilie", "2015-04-01", "")}},
		// Home-based → network on 1 June, network → everyday life on 1 September.
		{ID: "B", Measures: []ladder.Measure{mk(t, "B1", "mst", "2015-01-01", "2015-05-31"), mk(t, "B2", "netvaerkspleje", "2015-06-01", "2015-08-31")}},
		// Lateral only: døgninstitution → opholdssted is no move.
		{ID: "C", Measures: []ladder.Measure{mk(t, "C1", "doegninstitution", "2014-01-01", "2015-05-31"), mk(t, "C2", "opholdssted", "2015-06-01", "")}},
		// Everyday life → preventive on 1 February and back on 1 May.
		{ID: "D", Measures: []ladder.Measure{mk(t, "D1", "tidlig-forebyggende", "2015-02-01", "2015-04-30")}},
		{ID: "E"},
	}
	mm, err := measure.CountMoves(children, day("2015-01-01"), day("2015-12-31"))
	require.NoError(t, err)
	assert.Equal(t, []measure.MoveCell{
		{From: ladder.EverydayLife, To: ladder.Preventive, Direction: ladder.Up, Count: 1},
		{From: ladder.Preventive, To: ladder.EverydayLife, Direction: ladder.Down, Count: 1},
		{From: ladder.HomeBased, To: ladder.Network, Direction: ladder.Up, Count: 1},
		{From: ladder.Network, To: ladder.EverydayLife, Direction: ladder.Down, Count: 1},
		{From: ladder.Institution, To: ladder.FosterFamily, Direction: ladder.Down, Count: 1},
	}, mm.Cells())
	assert.Equal(t, 1, mm.Count(ladder.Institution, ladder.FosterFamily))
	assert.Zero(t, mm.Count(ladder.Institution, ladder.Institution))
	assert.Zero(t, mm.Count(ladder.Step(8), ladder.Institution))
	assert.Equal(t, 2, mm.Up())
	assert.Equal(t, 3, mm.Down())
	assert.Equal(t, 5, mm.Total())
	assert.Equal(t, 3, mm.Children(), "A, B and D moved; B and D twice")
	from, to := mm.Period()
	assert.Equal(t, day("2015-01-01"), from)
	assert.Equal(t, day("2015-12-31"), to)
	e := mm.Explain()
	assert.Equal(t, "KORA 2017, Figur 4.1, p. 26", e.Source)
	assert.Contains(t, e.Message.Text(msg.English), "5 moves between ladder steps over 2015-01-01–2015-12-31 (3 down, 2 up) by 3 children")
	assert.Contains(t, e.Message.Text(msg.Danish), "5 flytninger")

	// A child's own measures must have distinct ids (ladder.Moves).
	dup := []measure.ChildCase{{ID: "Z", Measures: []ladder.Measure{mk(t, "z", "mst", "2015-01-01", ""), mk(t, "z", "fft", "2015-02-01", "")}}}
	_, err = measure.CountMoves(dup, day("2015-01-01"), day("2015-12-31"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `measure.CountMoves: child "Z": ladder.Moves:`)
	assert.Contains(t, err.Error(), `duplicate measure id "z"`)

	_, err = measure.CountMoves([]measure.ChildCase{{}}, day("2015-12-31"), day("2015-01-01"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "period end 2015-01-01 is before its start 2015-12-31")
	assert.Contains(t, err.Error(), "child 0 has an empty id")
	_, err = measure.CountMoves(nil, day("1900-01-01"), day("2015-01-01"))
	assert.ErrorContains(t, err, "longer than 100 years")

	var zero measure.MoveMatrix
	assert.Empty(t, zero.Cells())
	assert.Zero(t, zero.Total())
}

func TestCasesPerWorker(t *testing.T) {
	cc, err := measure.CasesPerWorker(map[string]string{"c1": "w1", "c2": "w1", "c3": "w2", "c4": "w1"})
	require.NoError(t, err)
	assert.Equal(t, []string{"w1", "w2"}, cc.Workers())
	assert.Equal(t, 3, cc.Cases("w1"))
	assert.Equal(t, 1, cc.Cases("w2"))
	assert.Zero(t, cc.Cases("w3"))
	assert.Equal(t, 4, cc.Children())
	assert.Equal(t, 2.0, cc.Mean())
	e := cc.Explain()
	assert.Equal(t, "KORA 2017 §1, p. 8, and §5.2, p. 33", e.Source)
	assert.Contains(t, e.Message.Text(msg.Danish), "4 børnesager fordelt på 2 rådgivere, i gennemsnit 2,0 sager")

	var zero measure.CaseCounts
	assert.Zero(t, zero.Mean())
	assert.Empty(t, zero.Workers())

	_, err = measure.CasesPerWorker(map[string]string{"": "w1", "c9": ""})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `measure.CasesPerWorker: empty child id (worker "w1")`)
	assert.Contains(t, err.Error(), `child "c9" has an empty worker id`)
}

func TestBreakdownRate(t *testing.T) {
	// KORA 2017 Tabel 3.1, 2015, with the 2015 placed child-years of Tabel 2.1:
	// Sverigesdistrikter 0 breakdowns over 41.90 → 0.0 %; øvrige distrikter
	// 2 over 140.43 → 1.424 % → published 1.4 %.
	r, err := measure.NewBreakdownRate(0, 41.90)
	require.NoError(t, err)
	assert.Zero(t, r.Percent())
	r, err = measure.NewBreakdownRate(2, 140.43)
	require.NoError(t, err)
	assert.InDelta(t, 0.014242, r.PerChildYear(), 1e-6)
	assert.Equal(t, "1.4", strconvOneDecimal(r.Percent()))
	assert.Equal(t, 2, r.Breakdowns())
	assert.Equal(t, 140.43, r.ChildYears())
	e := r.Explain()
	assert.Equal(t, "KORA 2017, Tabel 3.1, p. 22", e.Source)
	assert.Contains(t, e.Message.Text(msg.Danish), "2 sammenbrud i anbringelser over 140,43 anbragte årsbørn: 1,4 %")

	assert.Zero(t, measure.BreakdownRate{}.PerChildYear())

	for _, tt := range []struct {
		n    int
		cy   float64
		want string
	}{
		{-1, 10, "negative number of breakdowns -1"},
		{1, 0, "placed child-years 0 is not a finite number above 0"},
		{1, -2, "placed child-years -2"},
		{1, math.NaN(), "placed child-years NaN"},
		{1, math.Inf(1), "placed child-years +Inf"},
	} {
		_, err := measure.NewBreakdownRate(tt.n, tt.cy)
		assert.ErrorContains(t, err, "measure.NewBreakdownRate: "+tt.want)
	}
}

func strconvOneDecimal(x float64) string {
	b, _ := json.Marshal(math.Round(x*10) / 10)
	return string(b)
}

func TestSDQ(t *testing.T) {
	for _, n := range []int{0, 1, 39, 40} {
		s, err := measure.NewSDQ(n)
		require.NoError(t, err)
		assert.Equal(t, n, s.Score())
		assert.True(t, s.IsValid())
	}
	for _, n := range []int{-1, 41, 1000} {
		_, err := measure.NewSDQ(n)
		assert.ErrorContains(t, err, "measure.NewSDQ: SDQ total difficulties score")
		assert.ErrorContains(t, err, "is outside 0–40")
	}
	assert.Equal(t, "12", measure.SDQ(12).String())
	assert.Equal(t, "measure.SDQ(41)", measure.SDQ(41).String())
	assert.False(t, measure.SDQ(41).IsValid())
	assert.Equal(t, -4, measure.SDQ(16).ChangeTo(12), "fewer difficulties: an improvement")
	assert.Equal(t, 3, measure.SDQ(12).ChangeTo(15))
	assert.Equal(t, 3, measure.SDQPair{Before: 12, After: 15}.Change())
}

func TestSDQJSON(t *testing.T) {
	in := measure.SDQPair{Before: 0, After: 40}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"before":0,"after":40}`, string(b))
	var back measure.SDQPair
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, in, back)

	_, err = json.Marshal(measure.SDQ(41))
	assert.ErrorContains(t, err, "measure.SDQ.MarshalJSON: SDQ total difficulties score 41 is outside 0–40")
	for _, bad := range []string{`41`, `-1`, `12.5`, `"12"`} {
		s := measure.SDQ(7)
		err := json.Unmarshal([]byte(bad), &s)
		assert.ErrorContains(t, err, "measure.SDQ.UnmarshalJSON", bad)
		assert.Equal(t, measure.SDQ(7), s, "unchanged on error")
	}
	s := measure.SDQ(7)
	require.NoError(t, json.Unmarshal([]byte(`null`), &s))
	assert.Equal(t, measure.SDQ(7), s)
}

func TestSummarizeSDQ(t *testing.T) {
	// Hand-worked to KORA 2017 Tabel 3.3's means: before 44/4 = 11.0, after
	// 54/4 = 13.5, a change of +2.5 points (more difficulties).
	pairs := []measure.SDQPair{{10, 14}, {12, 12}, {8, 13}, {14, 15}}
	s, err := measure.SummarizeSDQ(pairs)
	require.NoError(t, err)
	assert.Equal(t, measure.SDQSummary{N: 4, MeanBefore: 11, MeanAfter: 13.5, MeanChange: 2.5, Improved: 0, Unchanged: 1, Worsened: 3}, s)
	e := s.Explain()
	assert.Equal(t, "KORA 2017, Tabel 3.3, p. 24", e.Source)
	assert.Contains(t, e.Message.Text(msg.Danish), "gennemsnit 11,0 før og 13,5 efter, ændring 2,5 point")
	assert.Contains(t, e.Message.Text(msg.English), "0 better, 1 unchanged, 3 worse")

	s, err = measure.SummarizeSDQ([]measure.SDQPair{{20, 10}, {5, 6}})
	require.NoError(t, err)
	assert.Equal(t, -4.5, s.MeanChange, "(−10 + 1) / 2")
	assert.Equal(t, 1, s.Improved)

	_, err = measure.SummarizeSDQ(nil)
	assert.ErrorContains(t, err, "measure.SummarizeSDQ: no pairs of scores")
	_, err = measure.SummarizeSDQ([]measure.SDQPair{{1, 2}, {41, 3}})
	assert.ErrorContains(t, err, "measure.SummarizeSDQ: pair 1: score measure.SDQ(41) → 3 is outside 0–40")
}

func TestErrorsNeverPanic(t *testing.T) {
	// Zero values of every figure answer without panicking.
	assert.NotPanics(t, func() {
		var f measure.ChildYearFigures
		_ = f.ExplainGroup(measure.AllPlaced)
		_ = f.ExplainCode("x")
		var sc measure.StepCounts
		_ = sc.Explain()
		var mm measure.MoveMatrix
		_ = mm.Explain()
		var cc measure.CaseCounts
		_ = cc.Explain()
		_ = measure.BreakdownRate{}.Explain()
		_ = measure.SDQSummary{}.Explain()
	})
}

// Property: child-years over several calendar years equal the sum of the
// child-years of each year, and within one year they equal ladder's
// DaysIn divided by the year's length.
func TestChildYearsAdditiveOverYears(t *testing.T) {
	ms, _ := benchChildren(t, 2000)
	whole, err := measure.ChildYears(ms, day("2013-01-01"), day("2016-12-31"))
	require.NoError(t, err)
	sums := map[string]float64{}
	var placed float64
	for _, y := range []int{2013, 2014, 2015, 2016} {
		from, to := date.New(y, 1, 1), date.New(y, 12, 31)
		f, err := measure.ChildYears(ms, from, to)
		require.NoError(t, err)
		yearLen := float64(to - from + 1)
		days := map[string]int{}
		for _, m := range ms {
			days[m.Intervention().Code] += m.DaysIn(from, to)
		}
		for code, n := range days {
			assert.InDelta(t, float64(n)/yearLen, f.Code(code), 1e-9, "%d %s", y, code)
			sums[code] += f.Code(code)
		}
		placed += f.Group(measure.AllPlaced)
	}
	for code, v := range sums {
		assert.InDelta(t, v, whole.Code(code), 1e-9, code)
	}
	assert.InDelta(t, placed, whole.Group(measure.AllPlaced), 1e-9)
	assert.Equal(t, 4.0, whole.Years())
}

func FuzzSDQUnmarshalJSON(f *testing.F) {
	for _, s := range []string{"0", "40", "41", "-1", "12.5", "null", `"7"`, "1e1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var s measure.SDQ
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			return
		}
		require.True(t, s.IsValid(), "accepted %q as %d", in, s)
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back measure.SDQ
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, s, back)
	})
}

func FuzzParsePlacementGroup(f *testing.F) {
	for _, g := range measure.PlacementGroups() {
		f.Add(g.String())
	}
	f.Add("netvaerk")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := measure.ParsePlacementGroup(in)
		if err != nil {
			require.Contains(t, err.Error(), "measure.ParsePlacementGroup")
			return
		}
		require.True(t, g.IsValid())
		require.Equal(t, in, g.String())
	})
}
