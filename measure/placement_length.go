// Placement lengths (anbringelsernes varighed) per placement group: the
// median length and the share of placements that lasted over 6 and over 12
// months. Herning treats a placement in an institution as a state of
// emergency to be ended from the day it starts (Kompendium,
// "Programfilosofien omkring institutionsanbringelser", p. 14), and the
// largest change in an institution placement comes in its first six months
// (Andreassen, cited in Strategisk ramme, "Viden vi bygger på").

package measure

import (
	"errors"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

const srcPlacementLength = "Kompendium s. 14 (\"fokus på udskrivning fra indskrivningens start\"); Strategisk ramme, \"Viden vi bygger på\" (de første seks måneder)"

// The marks of the placement-length figures, in calendar months. Six is
// the period in which an institution placement changes the most
// (Strategisk ramme, "Viden vi bygger på"); twelve marks a placement that
// has gone on for a year.
const (
	PlacementMarkShort = 6
	PlacementMarkLong  = 12
)

// PlacementDays returns how many days of the placement lie from its start
// to on, both inclusive, and whether it was still in effect after on
// (open): an ended placement counts its whole length, start to end; one
// still in effect after on counts its length so far. Errors: an invalid
// measure, a zero on, or on before the start.
func PlacementDays(m ladder.Measure, on date.Date) (days int, open bool, err error) {
	const op = "measure.PlacementDays"
	switch {
	case !m.IsValid():
		return 0, false, fmt.Errorf("%s: invalid (zero) measure", op)
	case on == 0:
		return 0, false, fmt.Errorf("%s: measure %q: zero date", op, m.ID())
	case on < m.Start():
		return 0, false, fmt.Errorf("%s: measure %q: date %s is before its start %s", op, m.ID(), on, m.Start())
	}
	last, open := on, true
	if end, ok := m.End(); ok && end <= on {
		last, open = end, false
	}
	return int(last-m.Start()) + 1, open, nil
}

// PlacementLength is the length figures of one placement group over one
// period, counted as PlacementLengths describes. The zero value counts no
// placements.
type PlacementLength struct {
	Group PlacementGroup `json:"group"`
	// Placements is the number counted: measures of the group in effect on
	// at least one day of the period. Ended + Open = Placements.
	Placements int `json:"placements"`
	// Ended counts those that ended in the period, Open those still in
	// effect after its last day.
	Ended int `json:"ended"`
	Open  int `json:"open"`
	// MedianDays is the median length in days of all counted placements,
	// open ones at their length so far (so it is a lower bound while any
	// are open); 0 with none.
	MedianDays float64 `json:"medianDays"`
	// MedianEndedDays is the median full length of those that ended in the
	// period; 0 with none.
	MedianEndedDays float64 `json:"medianEndedDays"`
	// OverShort counts placements in effect on the day PlacementMarkShort
	// (6) calendar months after their start, that day falling in or before
	// the period; SettledShort counts those whose answer is known by the
	// period's end (they reached the mark, or ended before it). Open
	// placements younger than the mark are left out of both.
	OverShort    int `json:"overShort"`
	SettledShort int `json:"settledShort"`
	// OverLong and SettledLong are the same for PlacementMarkLong (12).
	OverLong    int `json:"overLong"`
	SettledLong int `json:"settledLong"`
}

// ShareOverShort returns OverShort / SettledShort in [0, 1]: the share of
// placements that lasted over 6 months, of those whose answer is known;
// ok is false when none is.
func (l PlacementLength) ShareOverShort() (share float64, ok bool) {
	return shareOf(l.OverShort, l.SettledShort)
}

// ShareOverLong returns OverLong / SettledLong, as ShareOverShort for 12
// months.
func (l PlacementLength) ShareOverLong() (share float64, ok bool) {
	return shareOf(l.OverLong, l.SettledLong)
}

func shareOf(n, d int) (float64, bool) {
	if d == 0 {
		return 0, false
	}
	return float64(n) / float64(d), true
}

// PlacementLengths holds the placement-length figures of every placement
// group over one period. It is an immutable value; the zero value counts
// nothing and has no period.
type PlacementLengths struct {
	from, to date.Date
	groups   [groupCount]PlacementLength
}

// lengthAcc collects one group's lengths.
type lengthAcc struct {
	fig        PlacementLength
	all, ended []int
}

// CountPlacementLengths returns the length figures of the placements in
// effect on at least one day of [from, to], both inclusive, per placement
// group (PlacementGroup.Contains: institution, family care, network,
// home-based placements and all placed). Non-placement measures are left
// out.
//
// Definitions:
//   - Every measure is one placement, measured on its own, as ChildYears
//     counts them: a child moved from one institution to another has two
//     placements. Pass each measure once.
//   - Length is counted in days, start and last day both inclusive. A
//     placement that ended on or before to has its full length; one still
//     in effect after to (open, or ending later) is counted, at its length
//     from its start to to, and is Open.
//   - The median of all counted placements is therefore a lower bound
//     while some are open; MedianEndedDays is the median over the
//     placements that ended in the period, each at its full length.
//   - A placement lasted over 6 (12) months when it was still in effect on
//     the day 6 (12) calendar months after its start, a day missing in the
//     month clamped to its last day (start 31 August 2023: the mark is 29
//     February 2024). Its answer is settled once that day is on or before
//     to, or once it ended on or before to. An open placement that has not
//     reached the mark by to is undecided and left out of the share,
//     rather than counted as short: of the two readings this one shows
//     the larger share of long placements, which relaxes the Kompendium's
//     aim of ending placements early less.
//
// Errors, all reported at once: a zero date or one outside 1900–2199, to
// before from, a period of MaxPeriodYears years or more, an invalid (zero)
// measure, a placement dated outside 1900–2199.
func CountPlacementLengths(measures []ladder.Measure, from, to date.Date) (PlacementLengths, error) {
	const op = "measure.CountPlacementLengths"
	var errs []error
	for _, f := range []struct {
		name string
		d    date.Date
	}{{"from", from}, {"to", to}} {
		if err := checkDate(f.name, f.d, false); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", op, err))
		}
	}
	if len(errs) == 0 {
		if err := checkPeriod(op, from, to); err != nil {
			errs = append(errs, err)
		}
	}
	for i, m := range measures {
		if !m.IsValid() {
			errs = append(errs, fmt.Errorf("%s: measure %d is invalid (zero); build measures with ladder.NewMeasure", op, i))
			continue
		}
		end, _ := m.End()
		for _, f := range []struct {
			name string
			d    date.Date
			zero bool
		}{{"start", m.Start(), false}, {"end", end, true}} {
			if err := checkDate(f.name, f.d, f.zero); err != nil {
				errs = append(errs, fmt.Errorf("%s: measure %q: %w", op, m.ID(), err))
			}
		}
	}
	if len(errs) > 0 {
		return PlacementLengths{}, errors.Join(errs...)
	}
	var acc [groupCount]lengthAcc
	for _, m := range measures {
		iv := m.Intervention()
		if !iv.Placement || !m.Overlaps(from, to) {
			continue
		}
		pl := placementOn(m, to)
		for _, g := range PlacementGroups() {
			if g.Contains(iv) {
				acc[g].add(pl)
			}
		}
	}
	p := PlacementLengths{from: from, to: to}
	for _, g := range PlacementGroups() {
		p.groups[g] = acc[g].figure(g)
	}
	return p, nil
}

// placement is one placement's length and marks as of a date.
type placement struct {
	days                    int
	open                    bool
	overShort, settledShort bool
	overLong, settledLong   bool
}

// placementOn measures a validated placement that starts on or before on.
func placementOn(m ladder.Measure, on date.Date) placement {
	start := m.Start()
	end, ended := m.End()
	ended = ended && end <= on
	last := on
	if ended {
		last = end
	}
	p := placement{days: int(last-start) + 1, open: !ended}
	mark := func(months int) (over, settled bool) {
		at := followup.AddMonths(start, months)
		reached := at <= on && (!ended || end >= at)
		return reached, reached || ended
	}
	p.overShort, p.settledShort = mark(PlacementMarkShort)
	p.overLong, p.settledLong = mark(PlacementMarkLong)
	return p
}

func (a *lengthAcc) add(p placement) {
	a.all = append(a.all, p.days)
	if p.open {
		a.fig.Open++
	} else {
		a.fig.Ended++
		a.ended = append(a.ended, p.days)
	}
	count := func(over, settled bool, o, s *int) {
		if settled {
			*s++
		}
		if over {
			*o++
		}
	}
	count(p.overShort, p.settledShort, &a.fig.OverShort, &a.fig.SettledShort)
	count(p.overLong, p.settledLong, &a.fig.OverLong, &a.fig.SettledLong)
}

func (a *lengthAcc) figure(g PlacementGroup) PlacementLength {
	f := a.fig
	f.Group = g
	f.Placements = len(a.all)
	f.MedianDays = median(a.all)
	f.MedianEndedDays = median(a.ended)
	return f
}

// median returns the median of xs (the mean of the two middle values for
// an even count), or 0 for none. xs is sorted in place.
func median(xs []int) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	slices.Sort(xs)
	if n%2 == 1 {
		return float64(xs[n/2])
	}
	return (float64(xs[n/2-1]) + float64(xs[n/2])) / 2
}

// Period returns the period counted.
func (p PlacementLengths) Period() (from, to date.Date) { return p.from, p.to }

// Group returns the figures of one placement group (the zero value for an
// invalid group).
func (p PlacementLengths) Group(g PlacementGroup) PlacementLength {
	if !g.IsValid() {
		return PlacementLength{}
	}
	return p.groups[g]
}

// Explain says what one group's figures counted.
func (p PlacementLengths) Explain(g PlacementGroup) FigureExplanation {
	if !g.IsValid() {
		return FigureExplanation{Figure: "anbringelsesvarighed." + g.String()}
	}
	f := p.groups[g]
	share := func(n, d int) msg.Value {
		if s, ok := shareOf(n, d); ok {
			return msg.Nested(percent(100 * s))
		}
		return msg.Nested(msg.New("measure.placement-length.no-share"))
	}
	return FigureExplanation{
		Figure: "anbringelsesvarighed." + g.String(),
		Source: srcPlacementLength,
		Message: msg.New("measure.placement-length", "group", labels(g.Danish(), g.English()),
			"placements", msg.Int(f.Placements), "from", msg.Date(p.from), "to", msg.Date(p.to),
			"median", msg.Float(f.MedianDays, 1), "open", msg.Int(f.Open),
			"shortMark", msg.Period(PlacementMarkShort, 0), "shortShare", share(f.OverShort, f.SettledShort), "shortSettled", msg.Int(f.SettledShort),
			"longMark", msg.Period(PlacementMarkLong, 0), "longShare", share(f.OverLong, f.SettledLong), "longSettled", msg.Int(f.SettledLong)),
	}
}
