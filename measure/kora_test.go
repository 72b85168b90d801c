package measure_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

func TestRoundPercent(t *testing.T) {
	tests := []struct {
		in   float64
		want int
	}{
		{100 * 7.68 / 49.01, 16}, // 15.67
		{100 * 0.08 / 41.90, 0},  // 0.19
		{100 * 1.34 / 41.90, 3},  // 3.20
		{100 * 3.42 / 49.01, 7},  // 6.98
		{100 * 5.96 / 41.90, 14}, // 14.22
		{14.5, 15},
		{-14.5, -15},
		{0.5, 1},
		{-0.5, -1},
		{0.4999, 0},
		{2.4999999999999996, 3}, // a half that floating point nudged down
		{-14.507, -15},
		{0, 0},
		{math.NaN(), 0},
		// Saturation: converting these to int used to be undefined
		// (1e300 gave math.MinInt64 on amd64, a sign flip).
		{math.Inf(-1), math.MinInt},
		{math.Inf(1), math.MaxInt},
		{1e300, math.MaxInt},
		{-1e300, math.MinInt},
		{math.MaxFloat64, math.MaxInt},
		{9.3e18, math.MaxInt},  // just above 2^63
		{-9.3e18, math.MinInt}, // just below −2^63
		{1e18, 1e18},           // exactly representable, inside int
		{-1e18, -1e18},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, measure.RoundPercent(tt.in), "%v", tt.in)
	}
}

// published is one row of KORA 2017 as printed: child-years with two
// decimals, shares in whole percent, the change of the share in whole
// percentage points.
type published struct {
	key                   string
	before, after, change float64
	shareB, shareA, point int
}

// TestKORA2017Reproduced checks every figure KORA 2017 published in Tabel
// 2.1, 2.2, 2.3 and 4.1 (pp. 15–17, 28), entered by hand from the report,
// against what the comparison computes from the per-type inputs.
func TestKORA2017Reproduced(t *testing.T) {
	type district struct {
		name      string
		pctChange int // Tabel 2.1 "Ændring i %"
		rows      []published
	}
	home := measure.KORAHomeBasedCode
	districts := []district{
		{"Sverigesdistrikter", -15, []published{
			{"anbragte", 49.01, 41.90, -7.11, 100, 100, 0},
			{"institutionsanbragte", 12.10, 2.06, -10.04, 25, 5, -20},
			{"doegninstitution", 7.68, 0.08, -7.60, 16, 0, -15},
			{"opholdssted", 4.42, 0.64, -3.78, 9, 2, -7},
			{"sikret-institution", 0.00, 1.34, 1.34, 0, 3, 3},
			{"familieplejeanbragte", 33.49, 33.88, 0.39, 68, 81, 13},
			{"plejefamilie", 26.72, 26.27, -0.45, 55, 63, 8},
			{"netvaerkspleje", 2.2, 3.61, 1.41, 4, 9, 4},
			{"netvaerksanbragte", 2.2, 3.61, 1.41, 4, 9, 4},
			{"saerlig-plejefamilie", 4.57, 4, -0.57, 9, 10, 0},
			{"hjemmebaseret-anbragte", 3.42, 5.96, 2.54, 7, 14, 7},
			{home, 3.42, 5.96, 2.54, 7, 14, 7},
		}},
		{"Øvrige distrikter", 2, []published{
			{"anbragte", 137.93, 140.43, 2.50, 100, 100, 0},
			{"institutionsanbragte", 31.51, 33.56, 2.05, 23, 24, 1},
			{"doegninstitution", 14.70, 23.47, 8.77, 11, 17, 6},
			{"opholdssted", 15.31, 7.28, -8.03, 11, 5, -6},
			{"sikret-institution", 1.50, 2.81, 1.31, 1, 2, 1},
			{"familieplejeanbragte", 94.43, 96.87, 2.44, 68, 69, 1},
			{"plejefamilie", 76.85, 81.35, 4.5, 56, 58, 2},
			{"netvaerkspleje", 10.41, 7.71, -2.7, 8, 5, -2},
			{"saerlig-plejefamilie", 7.17, 7.81, 0.64, 5, 6, 0},
			{"hjemmebaseret-anbragte", 11.99, 10, -1.99, 9, 7, -2},
		}},
	}
	inputs := measure.KORA2017()
	require.Len(t, inputs, len(districts))
	for i, d := range districts {
		t.Run(d.name, func(t *testing.T) {
			in := inputs[i]
			require.Equal(t, d.name, in.District)
			cmp, err := in.Compare()
			require.NoError(t, err)
			rows := map[string]measure.ChildYearChange{}
			for _, r := range cmp.Rows() {
				rows[r.Key] = r
			}
			for _, p := range d.rows {
				r, ok := rows[p.key]
				require.True(t, ok, p.key)
				// The totals are sums of the inputs; equal to the printed
				// two decimals up to floating-point error.
				assert.InDelta(t, p.before, r.Before, 1e-9, "%s before", p.key)
				assert.InDelta(t, p.after, r.After, 1e-9, "%s after", p.key)
				assert.InDelta(t, p.change, r.Change(), 1e-9, "%s change", p.key)
				b, a, ok := r.Shares()
				require.True(t, ok, p.key)
				assert.Equal(t, p.shareB, measure.RoundPercent(b), "%s share before (%.4f %%)", p.key, b)
				assert.Equal(t, p.shareA, measure.RoundPercent(a), "%s share after (%.4f %%)", p.key, a)
				pts, _ := r.PointChange()
				assert.Equal(t, p.point, measure.RoundPercent(pts), "%s points (%.4f)", p.key, pts)
			}
			total := cmp.Group(measure.AllPlaced)
			pct, ok := total.ChangePercent()
			require.True(t, ok)
			assert.Equal(t, d.pctChange, measure.RoundPercent(pct), "change in %% (%.4f)", pct)
			// All placed = institution + family care + home-based.
			sum := cmp.Group(measure.InstitutionPlacements).Before + cmp.Group(measure.FamilyCare).Before + cmp.Group(measure.HomeBasedPlacements).Before
			assert.InDelta(t, total.Before, sum, 1e-9)
		})
	}
}

// The points in Tabel 2.2 and 2.3 come from the unrounded shares: the
// rounded shares would give −16 and 5 where KORA prints −15 and 4.
func TestKORA2017PointsFromUnroundedShares(t *testing.T) {
	cmp, err := measure.KORA2017()[0].Compare()
	require.NoError(t, err)
	for _, tt := range []struct {
		code      string
		published int
	}{{"doegninstitution", -15}, {"netvaerkspleje", 4}} {
		r := cmp.Code(tt.code)
		b, a, _ := r.Shares()
		pts, _ := r.PointChange()
		assert.Equal(t, tt.published, measure.RoundPercent(pts), tt.code)
		assert.NotEqual(t, tt.published, measure.RoundPercent(a)-measure.RoundPercent(b), tt.code)
	}
}

func TestKORA2017NeedsItsCatalogue(t *testing.T) {
	in := measure.KORA2017()[0]
	_, err := measure.NewChildYearFigures(nil, in.Before)
	require.Error(t, err)
	assert.ErrorIs(t, err, ladder.ErrUnknownIntervention)
	assert.Contains(t, err.Error(), `unknown intervention "kora-hjemmebaserede-anbringelser"`)

	iv, ok := measure.KORA2017Catalogue().Get(measure.KORAHomeBasedCode)
	require.True(t, ok)
	require.NoError(t, iv.Validate())
	assert.True(t, measure.HomeBasedPlacements.Contains(iv))
	assert.Equal(t, ladder.Default().Len()+1, measure.KORA2017Catalogue().Len())

	in.After["plejefamilie"] = math.NaN()
	_, err = in.Compare()
	assert.ErrorContains(t, err, `measure.KORA2017Input.Compare: Sverigesdistrikter, after: measure.NewChildYearFigures: code "plejefamilie": child-years NaN`)
	in.Before["opholdsted"] = 1
	_, err = in.Compare()
	assert.ErrorContains(t, err, `Sverigesdistrikter, before: measure.NewChildYearFigures: unknown intervention "opholdsted"`)

	// Each call gives fresh maps.
	assert.Equal(t, 26.27, measure.KORA2017()[0].After["plejefamilie"])
}

func TestCompareChildYearsRows(t *testing.T) {
	before, err := measure.NewChildYearFigures(nil, map[string]float64{"opholdssted": 2, "mst": 5, "plejefamilie": 2})
	require.NoError(t, err)
	after, err := measure.NewChildYearFigures(nil, map[string]float64{"plejefamilie": 3, "kostskole": 1, "fft": 1})
	require.NoError(t, err)
	cmp, err := measure.CompareChildYears(before, after)
	require.NoError(t, err)
	var keys []string
	for _, r := range cmp.Rows() {
		keys = append(keys, r.Key)
	}
	assert.Equal(t, []string{
		"anbragte", "institutionsanbragte", "familieplejeanbragte", "netvaerksanbragte", "hjemmebaseret-anbragte",
		"opholdssted", "plejefamilie", "kostskole", // placements, top step first
		"fft", "mst", // then other measures, by code on the same step
	}, keys)

	r := cmp.Code("opholdssted")
	assert.Equal(t, "Socialpædagogisk opholdssted", r.Danish)
	assert.Equal(t, "KORA 2017, Tabel 2.2, p. 16", r.Source)
	assert.Equal(t, -2.0, r.Change())
	pct, ok := r.ChangePercent()
	assert.True(t, ok)
	assert.Equal(t, -100.0, pct)
	b, a, ok := r.Shares()
	assert.True(t, ok)
	assert.Equal(t, 50.0, b)
	assert.Equal(t, 0.0, a)

	r = cmp.Code("kostskole")
	_, ok = r.ChangePercent()
	assert.False(t, ok, "nothing before: no relative change")
	assert.Equal(t, "KORA 2017, Tabel 4.1, p. 28", r.Source)

	r = cmp.Code("mst")
	_, _, ok = r.Shares()
	assert.False(t, ok, "not a placement")
	_, ok = r.PointChange()
	assert.False(t, ok)

	r = cmp.Code("ukendt")
	assert.Equal(t, "ukendt", r.Danish)
	assert.Zero(t, r.Before)
	assert.False(t, r.Placement)

	assert.Equal(t, 4.0, cmp.Before().Group(measure.AllPlaced))
	assert.Equal(t, 4.0, cmp.After().Group(measure.AllPlaced))

	e := cmp.Group(measure.FamilyCare).Explain()
	assert.Equal(t, "KORA 2017, Tabel 2.3, p. 17", e.Source)
	assert.Equal(t, "Familieplejeanbragte i alt: 2,00 → 3,00 årsbørn, ændring 1,00 (50 %); andel af alle anbragte 50 % → 75 % (25 procentpoint).", e.Message.Text(msg.Danish))
	assert.Equal(t, "Family care placements: 2.00 → 3.00 child-years, change 1.00 (50 %); share of all placed 50 % → 75 % (25 points).", e.Message.Text(msg.English))
	e = cmp.Group(measure.AllPlaced).Explain()
	assert.Equal(t, "All placements: 4.00 → 4.00 child-years, change 0.00 (0 %).", e.Message.Text(msg.English))

	var zero measure.ChildYearComparison
	_, _, ok = zero.Group(measure.AllPlaced).Shares()
	assert.False(t, ok, "nothing placed: no shares")
}

func TestCompareChildYearsConflictingCodes(t *testing.T) {
	vendor, err := ladder.Default().Extend(ladder.Intervention{
		Code: "opholdssted", Danish: "Opholdssted (hjemmebaseret hos leverandøren)", Step: ladder.HomeBased,
		Placement: true, Basis: ladder.BasisPlacement,
	})
	require.NoError(t, err)
	before, err := measure.NewChildYearFigures(nil, map[string]float64{"opholdssted": 1})
	require.NoError(t, err)
	after, err := measure.NewChildYearFigures(vendor, map[string]float64{"opholdssted": 1})
	require.NoError(t, err)
	_, err = measure.CompareChildYears(before, after)
	assert.ErrorContains(t, err, `measure.CompareChildYears: code "opholdssted" stands for different interventions before (step institution, placement true) and after (step hjemmebaseret, placement true)`)
}

// Two snapshots counted from measures compare like the published ones.
func TestCompareChildYearsFromMeasures(t *testing.T) {
	ms := []ladder.Measure{
		mk(t, "a", "doegninstitution", "2014-01-01", "2015-06-30"), // 2014: 1; 2015: 181/365
		mk(t, "b", "plejefamilie", "2015-07-01", ""),               // 2015: 184/365
		mk(t, "c", "netvaerkspleje", "2014-07-01", ""),             // 2014: 184/365; 2015: 1
	}
	y14, err := measure.ChildYears(ms, day("2014-01-01"), day("2014-12-31"))
	require.NoError(t, err)
	y15, err := measure.ChildYears(ms, day("2015-01-01"), day("2015-12-31"))
	require.NoError(t, err)
	cmp, err := measure.CompareChildYears(y14, y15)
	require.NoError(t, err)
	inst := cmp.Group(measure.InstitutionPlacements)
	assert.Equal(t, 1.0, inst.Before)
	assert.InDelta(t, 181.0/365, inst.After, 1e-12)
	all := cmp.Group(measure.AllPlaced)
	assert.InDelta(t, 549.0/365, all.Before, 1e-12) // 365+184
	assert.Equal(t, 2.0, all.After)                 // 181+184+365 = 730 days
	b, a, ok := inst.Shares()
	require.True(t, ok)
	assert.InDelta(t, 100*365.0/549, b, 1e-9) // 66.5 %
	assert.InDelta(t, 100*181.0/730, a, 1e-9) // 24.8 %
}
