package measure_test

import (
	"fmt"
	"github.com/rickb777/date/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

func TestPlacementDays(t *testing.T) {
	tests := []struct {
		name           string
		start, end, on string
		days           int
		open           bool
	}{
		// Whole leap year 2024: 366 days.
		{"leap year", "2024-01-01", "2024-12-31", "2024-12-31", 366, false},
		// 1 Mar 2023 – 29 Feb 2024: Mar–Dec 2023 = 31+30+31+30+31+31+30+31+30+31 = 306, + Jan 31 + Feb 29 = 366.
		{"year ending on a leap day", "2023-03-01", "2024-02-29", "2024-06-30", 366, false},
		// 1 Mar 2022 – 28 Feb 2023: 306 + 31 + 28 = 365.
		{"common year", "2022-03-01", "2023-02-28", "2023-02-28", 365, false},
		{"one day", "2024-05-05", "2024-05-05", "2024-05-05", 1, false},
		// Open on 1 Mar 2024 since 1 Feb: 29 days of February + 1.
		{"open", "2024-02-01", "", "2024-03-01", 30, true},
		// Ends after the date: counted up to it, and open on it.
		{"ends later", "2024-02-01", "2024-12-31", "2024-03-01", 30, true},
		{"ends on the date", "2024-02-01", "2024-03-01", "2024-03-01", 30, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mk(t, "p", "plejefamilie", tt.start, tt.end)
			days, open, err := measure.PlacementDays(m, day(tt.on))
			require.NoError(t, err)
			assert.Equal(t, tt.days, days)
			assert.Equal(t, tt.open, open)
		})
	}
	_, _, err := measure.PlacementDays(ladder.Measure{}, day("2024-01-01"))
	assert.ErrorContains(t, err, "measure.PlacementDays: invalid (zero) measure")
	m := mk(t, "p", "plejefamilie", "2024-02-01", "")
	_, _, err = measure.PlacementDays(m, 0)
	assert.ErrorContains(t, err, `measure.PlacementDays: measure "p": zero date`)
	_, _, err = measure.PlacementDays(m, day("2024-01-31"))
	assert.ErrorContains(t, err, `measure "p": date 2024-01-31 is before its start 2024-02-01`)
}

// lengthSet is the hand-worked placements of TestPlacementLengthsHandWorked,
// counted over 2024. Days are start to end (or to 31 Dec 2024) inclusive;
// the 6- and 12-month marks are start + 6 or 12 calendar months, clamped.
func lengthSet(t *testing.T) []ladder.Measure {
	return []ladder.Measure{
		// i1: 1 Jan–31 Mar 2024 = 31+29+31 = 91 days; ended before both marks.
		mk(t, "i1", "doegninstitution", "2024-01-01", "2024-03-31"),
		// i2: 1 Jul 2023–15 Feb 2024 = 184 (Jul–Dec) + 31 + 15 = 230 days;
		// 6-month mark 1 Jan 2024 passed (over); 12-month mark 1 Jul 2024 not reached.
		mk(t, "i2", "opholdssted", "2023-07-01", "2024-02-15"),
		// i3: open since 1 Oct 2024 = 31+30+31 = 92 days; both marks in 2025: undecided.
		mk(t, "i3", "sikret-institution", "2024-10-01", ""),
		// i4: open since 15 Jan 2023 = (365−14) + 366 = 717 days; over both marks.
		mk(t, "i4", "korttidsanbringelse", "2023-01-15", ""),
		// f1: 31 Aug 2023–29 Feb 2024 = 1+30+31+30+31 (Aug 31–Dec) + 31 + 29 = 183 days;
		// 6-month mark clamps to 29 Feb 2024, its last day: over.
		mk(t, "f1", "plejefamilie", "2023-08-31", "2024-02-29"),
		// f2: ends 28 Feb 2024, the day before the mark: 182 days, not over.
		mk(t, "f2", "saerlig-plejefamilie", "2023-08-31", "2024-02-28"),
		// n1: 15 Jun 2024, ends 1 Mar 2025 (after the period: open at 31 Dec):
		// 16 (15–30 Jun) + 31+31+30+31+30+31 = 200 days; 6-month mark 15 Dec 2024
		// reached; 12-month mark 15 Jun 2025 undecided.
		mk(t, "n1", "netvaerkspleje", "2024-06-15", "2025-03-01"),
		// h1: 1–29 Feb 2024 = 29 days.
		mk(t, "h1", "eget-vaerelse", "2024-02-01", "2024-02-29"),
		// h2: open since 31 Dec 2024 = 1 day; undecided.
		mk(t, "h2", "efterskole-anbragt", "2024-12-31", ""),
		// Not counted: not placements, or not in effect in 2024.
		mk(t, "x1", "efterskole", "2024-01-01", ""),
		mk(t, "x2", "doegnophold-familie", "2024-03-01", "2024-05-31"),
		mk(t, "x3", "plejefamilie", "2023-05-01", "2023-12-31"),
		mk(t, "x4", "doegninstitution", "2025-01-01", ""),
	}
}

func TestPlacementLengthsHandWorked(t *testing.T) {
	p, err := measure.CountPlacementLengths(lengthSet(t), day("2024-01-01"), day("2024-12-31"))
	require.NoError(t, err)
	from, to := p.Period()
	assert.Equal(t, day("2024-01-01"), from)
	assert.Equal(t, day("2024-12-31"), to)

	tests := []struct {
		g    measure.PlacementGroup
		want measure.PlacementLength
	}{
		// Lengths 91, 92, 230, 717: median (92+230)/2 = 161; ended 91, 230: 160.5.
		// Over 6: i2, i4 of settled i1, i2, i4. Over 12: i4 of i1, i2, i4.
		{measure.InstitutionPlacements, measure.PlacementLength{Placements: 4, Ended: 2, Open: 2,
			MedianDays: 161, MedianEndedDays: 160.5, OverShort: 2, SettledShort: 3, OverLong: 1, SettledLong: 3}},
		// Lengths 182, 183, 200: median 183; ended 182, 183: 182.5.
		// Over 6: f1, n1 of f1, f2, n1. Over 12: none of f1, f2 (n1 undecided).
		{measure.FamilyCare, measure.PlacementLength{Placements: 3, Ended: 2, Open: 1,
			MedianDays: 183, MedianEndedDays: 182.5, OverShort: 2, SettledShort: 3, OverLong: 0, SettledLong: 2}},
		{measure.NetworkCare, measure.PlacementLength{Placements: 1, Ended: 0, Open: 1,
			MedianDays: 200, MedianEndedDays: 0, OverShort: 1, SettledShort: 1, OverLong: 0, SettledLong: 0}},
		// Lengths 1, 29: median 15; ended 29.
		{measure.HomeBasedPlacements, measure.PlacementLength{Placements: 2, Ended: 1, Open: 1,
			MedianDays: 15, MedianEndedDays: 29, OverShort: 0, SettledShort: 1, OverLong: 0, SettledLong: 1}},
		// Lengths 1, 29, 91, 92, 182, 183, 200, 230, 717: median 182;
		// ended 29, 91, 182, 183, 230: median 182.
		{measure.AllPlaced, measure.PlacementLength{Placements: 9, Ended: 5, Open: 4,
			MedianDays: 182, MedianEndedDays: 182, OverShort: 4, SettledShort: 7, OverLong: 1, SettledLong: 6}},
	}
	for _, tt := range tests {
		t.Run(tt.g.String(), func(t *testing.T) {
			tt.want.Group = tt.g
			assert.Equal(t, tt.want, p.Group(tt.g))
		})
	}

	inst := p.Group(measure.InstitutionPlacements)
	s, ok := inst.ShareOverShort()
	require.True(t, ok)
	assert.InDelta(t, 2.0/3, s, 1e-15)
	s, ok = inst.ShareOverLong()
	require.True(t, ok)
	assert.InDelta(t, 1.0/3, s, 1e-15)
	_, ok = p.Group(measure.NetworkCare).ShareOverLong()
	assert.False(t, ok, "nothing settled at 12 months")
	assert.Equal(t, measure.PlacementLength{}, p.Group(0))

	e := p.Explain(measure.InstitutionPlacements)
	assert.Equal(t, "anbringelsesvarighed.institutionsanbragte", e.Figure)
	assert.Contains(t, e.Source, "Kompendium s. 14")
	assert.Contains(t, e.Message.Text(msg.English), "4 placements, median 161.0 days (2 still open, counted up to 2024-12-31)")
	assert.Contains(t, e.Message.Text(msg.English), "Over 6 months: 67 % of 3 settled; over 12 months: 33 % of 3 settled")
	assert.Contains(t, e.Message.Text(msg.Danish), "median 161,0 dage")
	assert.Contains(t, p.Explain(measure.NetworkCare).Message.Text(msg.English), "over 12 months: – of 0 settled")
	assert.Equal(t, "anbringelsesvarighed.measure.PlacementGroup(9)", p.Explain(9).Figure)
}

func TestPlacementLengthMarks(t *testing.T) {
	// One placement each, counted up to `to`; the mark is start + 6 months.
	tests := []struct {
		name                 string
		start, end, to       string
		over, settled        bool
		overLong, settledLng bool
	}{
		// 31 Aug 2022 + 6 months = 28 Feb 2023 (no leap day).
		{"ends on a clamped mark", "2022-08-31", "2023-02-28", "2023-12-31", true, true, false, true},
		{"ends the day before", "2022-08-31", "2023-02-27", "2023-12-31", false, true, false, true},
		// 31 Aug 2023 + 6 months = 29 Feb 2024.
		{"leap-day mark", "2023-08-31", "2024-02-29", "2024-12-31", true, true, false, true},
		// Open, mark on `to` itself: reached.
		{"open, mark on the last day", "2024-06-30", "", "2024-12-30", true, true, false, false},
		// Open, mark the day after `to`: undecided.
		{"open, mark after the period", "2024-07-01", "", "2024-12-31", false, false, false, false},
		// 29 Feb 2024 + 12 months = 28 Feb 2025; in effect that day.
		{"a year from a leap day", "2024-02-29", "2025-02-28", "2025-12-31", true, true, true, true},
		{"a year less a day", "2024-02-29", "2025-02-27", "2025-12-31", true, true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mk(t, "p", "doegninstitution", tt.start, tt.end)
			p, err := measure.CountPlacementLengths([]ladder.Measure{m}, day(tt.start), day(tt.to))
			require.NoError(t, err)
			g := p.Group(measure.InstitutionPlacements)
			b := func(x bool) int {
				if x {
					return 1
				}
				return 0
			}
			assert.Equal(t, b(tt.over), g.OverShort, "over 6")
			assert.Equal(t, b(tt.settled), g.SettledShort, "settled 6")
			assert.Equal(t, b(tt.overLong), g.OverLong, "over 12")
			assert.Equal(t, b(tt.settledLng), g.SettledLong, "settled 12")
		})
	}
}

func TestPlacementLengthsErrors(t *testing.T) {
	ok := mk(t, "p", "plejefamilie", "2024-01-01", "")
	tests := []struct {
		name     string
		ms       []ladder.Measure
		from, to date.Date
		want     []string
	}{
		{"to before from", []ladder.Measure{ok}, day("2024-02-01"), day("2024-01-31"), []string{"measure.CountPlacementLengths: period end 2024-01-31 is before its start 2024-02-01"}},
		{"out of range", nil, date.New(1899, 12, 31), date.New(2200, 1, 1), []string{"field from: date 1899-12-31 is outside 1900-01-01–2199-12-31", "field to: date 2200-01-01"}},
		{"invalid measure", []ladder.Measure{ok, {}}, day("2024-01-01"), day("2024-12-31"), []string{"measure 1 is invalid (zero)"}},
		// A measure's own dates cannot lie outside the range: ladder.NewMeasure refuses them.
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := measure.CountPlacementLengths(tt.ms, tt.from, tt.to)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	_, err := measure.CountPlacementLengths(nil, 0, day("2024-01-01"))
	assert.ErrorContains(t, err, "field from: date is missing (zero)")
}

func TestPlacementLengthsProperties(t *testing.T) {
	ms, _ := benchChildren(t, 5_000)
	for _, year := range []int{2013, 2014, 2015, 2016, 2017} {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			p, err := measure.CountPlacementLengths(ms, day(fmt.Sprintf("%d-01-01", year)), day(fmt.Sprintf("%d-12-31", year)))
			require.NoError(t, err)
			for _, g := range measure.PlacementGroups() {
				f := p.Group(g)
				assert.Equal(t, f.Placements, f.Ended+f.Open, g)
				assert.LessOrEqual(t, f.OverShort, f.SettledShort, g)
				assert.LessOrEqual(t, f.SettledShort, f.Placements, g)
				assert.LessOrEqual(t, f.OverLong, f.SettledLong, g)
				assert.LessOrEqual(t, f.OverLong, f.OverShort, "a placement over 12 months is over 6", g)
				for _, share := range []func() (float64, bool){f.ShareOverShort, f.ShareOverLong} {
					if s, ok := share(); ok {
						assert.GreaterOrEqual(t, s, 0.0)
						assert.LessOrEqual(t, s, 1.0)
					}
				}
				if f.Placements > 0 {
					assert.GreaterOrEqual(t, f.MedianDays, 1.0)
				}
			}
			all := p.Group(measure.AllPlaced)
			inst, fam, home := p.Group(measure.InstitutionPlacements), p.Group(measure.FamilyCare), p.Group(measure.HomeBasedPlacements)
			// Every placement of the Default catalogue is on one of these steps.
			assert.Equal(t, all.Placements, inst.Placements+fam.Placements+home.Placements)
			assert.Equal(t, all.OverShort, inst.OverShort+fam.OverShort+home.OverShort)
			assert.Equal(t, all.SettledLong, inst.SettledLong+fam.SettledLong+home.SettledLong)
			assert.LessOrEqual(t, p.Group(measure.NetworkCare).Placements, fam.Placements)
		})
	}
}

// BenchmarkPlacementLengths100k computes the placement-length figures of
// one year over 100,000 measures.
func BenchmarkPlacementLengths100k(b *testing.B) {
	ms, _ := benchChildren(b, 100_000)
	from, to := day("2015-01-01"), day("2015-12-31")
	b.ReportAllocs()
	for b.Loop() {
		p, err := measure.CountPlacementLengths(ms, from, to)
		if err != nil || p.Group(measure.AllPlaced).Placements == 0 {
			b.Fatal("no figures", err)
		}
	}
}
