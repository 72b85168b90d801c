// Comparing two child-year snapshots the way KORA 2017 does (Tabel 2.1–2.3
// and 4.1), and the child-years it published for Herning's districts.

package measure

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// RoundPercent rounds a percentage to a whole number the way KORA 2017
// prints its tables: to the nearest whole percent, a half away from zero
// (14.5 → 15, −14.5 → −15). The value is first rounded to six decimals so
// that binary floating-point error in a computed share (14.4999999…) does
// not move a half.
//
// It saturates: a value beyond what an int holds, +Inf and −Inf included,
// gives math.MaxInt or math.MinInt (converting such a float64 to int is
// undefined in Go, and gave math.MinInt64 for 1e300 on amd64). NaN gives
// 0. A share computed by this package is never any of these.
func RoundPercent(pct float64) int {
	if math.IsNaN(pct) {
		return 0
	}
	r := math.Round(math.Round(pct*1e6) / 1e6) // ±Inf for |pct| > ~1.8e302
	switch {
	case r >= float64(math.MaxInt): // 2^63 on 64-bit: no int holds it
		return math.MaxInt
	case r <= float64(math.MinInt):
		return math.MinInt
	}
	return int(r)
}

// ChildYearChange is one row of a comparison of two child-year snapshots:
// a placement group or an intervention code, its child-years before and
// after, and the all-placed totals its shares are taken of.
//
// Change, ChangePercent, Shares and PointChange compute from the unrounded
// child-years; round with RoundPercent for a published table. KORA 2017
// computes the change in percentage points from the unrounded shares, which
// is why Tabel 2.2 shows 16 % → 0 % as −15 points.
type ChildYearChange struct {
	// Key is the group code (e.g. "institutionsanbragte") or the
	// intervention code (e.g. "doegninstitution").
	Key string
	// Group is the placement group, or 0 for an intervention code.
	Group PlacementGroup
	// Danish and English name the row.
	Danish, English string
	// Placement is true for a group and for a placement code: the row is
	// part of all placed child-years and has shares.
	Placement bool
	// Before and After are the row's child-years.
	Before, After float64
	// PlacedBefore and PlacedAfter are all placed child-years of each
	// snapshot, which the shares are taken of.
	PlacedBefore, PlacedAfter float64
	// Source cites the table that reports the row.
	Source string
}

// Change returns After − Before in child-years.
func (c ChildYearChange) Change() float64 { return c.After - c.Before }

// ChangePercent returns the change in percent of Before; ok is false when
// Before is 0.
func (c ChildYearChange) ChangePercent() (pct float64, ok bool) {
	if c.Before == 0 {
		return 0, false
	}
	return 100 * c.Change() / c.Before, true
}

// Shares returns the row's share of all placed child-years before and after,
// in percent (0–100). ok is false for a row that is not a placement or when
// either snapshot has no placed child-years.
func (c ChildYearChange) Shares() (before, after float64, ok bool) {
	if !c.Placement || c.PlacedBefore <= 0 || c.PlacedAfter <= 0 {
		return 0, 0, false
	}
	return 100 * c.Before / c.PlacedBefore, 100 * c.After / c.PlacedAfter, true
}

// PointChange returns the change of the share in percentage points, from
// the unrounded shares; ok as for Shares.
func (c ChildYearChange) PointChange() (points float64, ok bool) {
	b, a, ok := c.Shares()
	return a - b, ok
}

// Explain says what the row compares.
func (c ChildYearChange) Explain() FigureExplanation {
	pct, pctOK := c.ChangePercent()
	b, a, shareOK := c.Shares()
	points, _ := c.PointChange()
	return FigureExplanation{
		Figure: "aarsboern-aendring." + c.Key,
		Source: c.Source,
		Message: msg.New("measure.childyears.change", "name", labels(c.Danish, c.English),
			"before", msg.Float(c.Before, 2), "after", msg.Float(c.After, 2), "change", msg.Float(c.Change(), 2),
			"percent", optional(pctOK, msg.New("measure.childyears.change.percent", "percent", msg.Int(RoundPercent(pct)))),
			"share", optional(shareOK && c.Group != AllPlaced, msg.New("measure.childyears.change.share",
				"before", msg.Int(RoundPercent(b)), "after", msg.Int(RoundPercent(a)), "points", msg.Int(RoundPercent(points))))),
	}
}

// ChildYearComparison compares two child-year snapshots, row by row, as
// KORA 2017 compares mid-2013 with end-2015. The zero value compares two
// empty snapshots.
type ChildYearComparison struct {
	before, after ChildYearFigures
}

// CompareChildYears compares the snapshots. Error: a code that stands for
// different interventions in the two (another step or placement flag),
// which would put it in different groups.
func CompareChildYears(before, after ChildYearFigures) (ChildYearComparison, error) {
	for _, c := range before.codes {
		if iv, ok := after.Intervention(c.iv.Code); ok && iv != c.iv {
			return ChildYearComparison{}, fmt.Errorf("measure.CompareChildYears: code %q stands for different interventions before (step %s, placement %t) and after (step %s, placement %t)",
				c.iv.Code, c.iv.Step, c.iv.Placement, iv.Step, iv.Placement)
		}
	}
	return ChildYearComparison{before: before, after: after}, nil
}

// Before returns the earlier snapshot.
func (c ChildYearComparison) Before() ChildYearFigures { return c.before }

// After returns the later snapshot.
func (c ChildYearComparison) After() ChildYearFigures { return c.after }

// Group returns the row of a placement group.
func (c ChildYearComparison) Group(g PlacementGroup) ChildYearChange {
	return ChildYearChange{
		Key: g.String(), Group: g, Danish: g.Danish(), English: g.English(), Placement: g.IsValid(),
		Before: c.before.Group(g), After: c.after.Group(g),
		PlacedBefore: c.before.Group(AllPlaced), PlacedAfter: c.after.Group(AllPlaced),
		Source: g.Source(),
	}
}

// Code returns the row of an intervention code. A code in neither snapshot
// gives a row of zeros named by the code, with no shares.
func (c ChildYearComparison) Code(code string) ChildYearChange {
	row := ChildYearChange{
		Key: code, Danish: code, English: code,
		Before: c.before.Code(code), After: c.after.Code(code),
		PlacedBefore: c.before.Group(AllPlaced), PlacedAfter: c.after.Group(AllPlaced),
		Source: srcAllPlaced,
	}
	iv, ok := c.after.Intervention(code)
	if !ok {
		iv, ok = c.before.Intervention(code)
	}
	if ok {
		row.Danish, row.English, row.Placement = iv.Danish, iv.English, iv.Placement
		row.Source = sourceOf(iv)
	}
	return row
}

// Rows returns every group (in PlacementGroups order), then every code of
// either snapshot: placements first, then other measures, each by step
// from the top of the ladder and then by code.
func (c ChildYearComparison) Rows() []ChildYearChange {
	var rows []ChildYearChange
	for _, g := range PlacementGroups() {
		rows = append(rows, c.Group(g))
	}
	var codes []codeYears
	for _, f := range []ChildYearFigures{c.after, c.before} {
		for _, cy := range f.codes {
			if !slices.ContainsFunc(codes, func(x codeYears) bool { return x.iv.Code == cy.iv.Code }) {
				codes = append(codes, cy)
			}
		}
	}
	slices.SortFunc(codes, func(a, b codeYears) int {
		if a.iv.Placement != b.iv.Placement {
			if a.iv.Placement {
				return -1
			}
			return 1
		}
		if s := b.iv.Step.Compare(a.iv.Step); s != 0 {
			return s
		}
		return strings.Compare(a.iv.Code, b.iv.Code)
	})
	for _, cy := range codes {
		rows = append(rows, c.Code(cy.iv.Code))
	}
	return rows
}

// KORAHomeBasedCode is the intervention code KORA2017Catalogue adds for
// home-based placements (own room, boarding school, efterskole as a
// placement, opgangsfællesskab), which KORA 2017 Tabel 4.1 reports only as
// a total. It is a placement on the home-based step, so it counts in
// HomeBasedPlacements and AllPlaced like any vendor intervention would.
const KORAHomeBasedCode = "kora-hjemmebaserede-anbringelser"

var koraCatalogue = sync.OnceValue(func() *ladder.Catalogue {
	iv := ladder.MustParseIntervention("eget-vaerelse")
	iv.Code = KORAHomeBasedCode
	iv.Danish = "Hjemmebaserede anbringelser (KORA 2017 opgør kun det samlede antal)"
	iv.English = "Home-based placements (KORA 2017 gives only the total)"
	iv.Note = "Stands for the home-based placements of KORA 2017 Tabel 4.1, which are not broken down by type."
	cat, err := ladder.Default().Extend(iv)
	if err != nil {
		// The entry above is checked by the tests; reaching this is a
		// programming error in this file, not bad input.
		panic(err)
	}
	return cat
})

// KORA2017Catalogue returns ladder.Default() plus the intervention
// KORAHomeBasedCode, which the KORA 2017 inputs need. It is shared and
// immutable.
func KORA2017Catalogue() *ladder.Catalogue { return koraCatalogue() }

// KORA2017Input is the child-years per placement type that KORA 2017
// published for one group of Herning's districts, at the two points it
// compares: the columns "medio 2013" and "ultimo 2015" (the latter counts
// the calendar year 2015). Codes are those of KORA2017Catalogue.
type KORA2017Input struct {
	// District is "Sverigesdistrikter" (the districts working by the
	// Herning model) or "Øvrige distrikter" (the rest of the municipality).
	District string
	// Before is "medio 2013", After "ultimo 2015".
	Before, After map[string]float64
}

// KORA2017 returns the child-years per placement type from KORA 2017
// Tabel 2.2 (institutions), 2.3 (family care) and 4.1 (home-based
// placements), Sverigesdistrikter first. The totals of Tabel 2.1 and the
// group totals are not inputs: they follow from these. The maps are new on
// every call.
func KORA2017() []KORA2017Input {
	return []KORA2017Input{
		{
			District: "Sverigesdistrikter",
			Before: map[string]float64{
				"doegninstitution": 7.68, "opholdssted": 4.42, "sikret-institution": 0.00,
				"plejefamilie": 26.72, "netvaerkspleje": 2.2, "saerlig-plejefamilie": 4.57,
				KORAHomeBasedCode: 3.42,
			},
			After: map[string]float64{
				"doegninstitution": 0.08, "opholdssted": 0.64, "sikret-institution": 1.34,
				"plejefamilie": 26.27, "netvaerkspleje": 3.61, "saerlig-plejefamilie": 4,
				KORAHomeBasedCode: 5.96,
			},
		},
		{
			District: "Øvrige distrikter",
			Before: map[string]float64{
				"doegninstitution": 14.70, "opholdssted": 15.31, "sikret-institution": 1.50,
				"plejefamilie": 76.85, "netvaerkspleje": 10.41, "saerlig-plejefamilie": 7.17,
				KORAHomeBasedCode: 11.99,
			},
			After: map[string]float64{
				"doegninstitution": 23.47, "opholdssted": 7.28, "sikret-institution": 2.81,
				"plejefamilie": 81.35, "netvaerkspleje": 7.71, "saerlig-plejefamilie": 7.81,
				KORAHomeBasedCode: 10,
			},
		},
	}
}

// Compare builds both snapshots with KORA2017Catalogue and compares them.
func (in KORA2017Input) Compare() (ChildYearComparison, error) {
	before, err := NewChildYearFigures(KORA2017Catalogue(), in.Before)
	if err != nil {
		return ChildYearComparison{}, fmt.Errorf("measure.KORA2017Input.Compare: %s, before: %w", in.District, err)
	}
	after, err := NewChildYearFigures(KORA2017Catalogue(), in.After)
	if err != nil {
		return ChildYearComparison{}, fmt.Errorf("measure.KORA2017Input.Compare: %s, after: %w", in.District, err)
	}
	return CompareChildYears(before, after)
}
