package caseload

import (
	"errors"
	"fmt"
	"math"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// DefaultWeeksPerYear is the working weeks of a Danish full-time year used
// when CapacityModel.WeeksPerYear is 0: 52 weeks less 6 weeks of holiday
// (5 ferieuger and the feriefridage) and about 2 weeks of public holidays.
const DefaultWeeksPerYear = 44

// DefaultMeasureMonths is the length of a measure in a mix entry that does
// not give one: a year.
const DefaultMeasureMonths = 12

// MixEntry is one part of a case mix: the share of cases whose measure is
// of one intervention type, and how long such a measure typically runs.
// The zero value (no code, share 0) is an invalid entry.
type MixEntry struct {
	// Code is the intervention code; "" stands for cases with no measure
	// (under assessment, advice, early help without a measure), which the
	// follow-up rules give no items.
	Code  string  `json:"intervention"`
	Share float64 `json:"share"`
	// Months is how long one measure runs, 1–120; 0 means
	// DefaultMeasureMonths. The case is assumed to be followed by a like
	// one when it ends (a steady state), so a 5-month MST course counts
	// 12/5 courses a year.
	Months int `json:"months,omitempty"`
}

// CapacityModel is the input to Capacity. The zero value has no regime and
// no mix, which Capacity reports.
type CapacityModel struct {
	Regime *followup.Regime
	// From is the first day of the simulated year; the rules in force then
	// apply (Barnets Lov from 2024).
	From date.Date
	Mix  []MixEntry
	// Catalogue resolves the mix's codes; nil means ladder.Default().
	Catalogue *ladder.Catalogue
	// Minutes is the time one item of each kind takes.
	Minutes Minutes
	// HoursPerWeek is the time a full-time worker has for case work each
	// week. With OtherHoursPerCaseYear zero it must be the time for the
	// follow-up work alone; with it set, it is the whole case-work week.
	HoursPerWeek float64
	// OtherHoursPerCaseYear is the case work per case and year outside the
	// follow-up schedule — notifications and the 24-hour assessment, child
	// assessments, plans, hearings, contact with school and family, the
	// journal. Zero leaves it out (a follow-up-only capacity). No source
	// gives it: it is an input, and CapacityResult.OtherHoursFor shows what
	// a given caseload implies.
	OtherHoursPerCaseYear float64
	// WeeksPerYear is the working weeks a year; 0 means
	// DefaultWeeksPerYear.
	WeeksPerYear float64
}

// CapacityLine is the simulation of one mix entry.
type CapacityLine struct {
	Code   string  `json:"intervention"`
	Share  float64 `json:"share"`
	Months int     `json:"months"`
	// Items is the number of items one measure of Months gets, by kind.
	Items       int                   `json:"items"`
	ItemsByKind map[followup.Kind]int `json:"itemsByKind,omitempty"`
	// ItemsPerCaseYear and MinutesPerCaseYear are per case slot and year
	// in the steady state: Items × 12 / Months.
	ItemsPerCaseYear   float64 `json:"itemsPerCaseYear"`
	MinutesPerCaseYear float64 `json:"minutesPerCaseYear"`
}

// CapacityResult is the largest caseload at which every follow-up can be
// held on time, and how it came about.
type CapacityResult struct {
	// Cases is the capacity: floor(HoursAvailable / HoursPerCaseYear).
	Cases int `json:"cases"`
	// Unbounded is set when the mix needs no follow-up time at all, so
	// follow-ups set no limit (Cases is then 0).
	Unbounded bool `json:"unbounded,omitempty"`
	// HoursAvailable is HoursPerWeek × WeeksPerYear.
	HoursAvailable float64 `json:"hoursAvailable"`
	WeeksPerYear   float64 `json:"weeksPerYear"`
	// ItemsPerCaseYear and HoursPerCaseYear are the mix's averages,
	// weighted by the shares.
	ItemsPerCaseYear float64 `json:"itemsPerCaseYear"`
	HoursPerCaseYear float64 `json:"hoursPerCaseYear"`
	// OtherHoursPerCaseYear is the model's input; TotalHoursPerCaseYear is
	// HoursPerCaseYear + OtherHoursPerCaseYear, the divisor of Cases.
	OtherHoursPerCaseYear float64        `json:"otherHoursPerCaseYear"`
	TotalHoursPerCaseYear float64        `json:"totalHoursPerCaseYear"`
	Lines                 []CapacityLine `json:"lines"`
}

// OtherHoursFor returns the case work per case and year outside the
// follow-ups at which n cases exactly fill the hours available:
// HoursAvailable / n − HoursPerCaseYear. Read it as what a stated caseload
// (the Kompendium's 20–25) implies about the rest of the work; negative
// means the follow-ups alone need more than the hours available.
func (r CapacityResult) OtherHoursFor(n int) float64 {
	if n <= 0 {
		return 0
	}
	return r.HoursAvailable/float64(n) - r.HoursPerCaseYear
}

// HoursPerWeekAt returns the follow-up hours a week that n cases of the
// mix need.
func (r CapacityResult) HoursPerWeekAt(n int) float64 {
	if r.WeeksPerYear == 0 {
		return 0
	}
	return float64(n) * r.HoursPerCaseYear / r.WeeksPerYear
}

// Capacity computes the largest caseload of the given mix at which a
// full-time worker can keep every follow-up deadline of the regime.
//
// The model: for each mix entry one representative measure starts on From
// and runs Months months with nothing held yet; the regime schedules it
// (municipal rules, statutory layer) and every item due within the measure
// counts, at Minutes for its kind. A case slot is refilled with a like
// measure when one ends, so the items per case and year are Items × 12 /
// Months. The mix weights these by share; entries with Code "" add cases
// with no follow-up items. Hours per case-year = minutes / 60, plus
// OtherHoursPerCaseYear for the work outside the schedule; hours available
// = HoursPerWeek × WeeksPerYear; capacity = floor(available / per case).
//
// Assumptions, plainly: every item takes the same time whatever its mode
// (an exception that allows a phone follow-up is not counted as quicker);
// no item is held late (a late follow-up would move the chain and give
// fewer items); two measures of one child are not modelled (each slot
// holds one measure); work outside the schedule — notifications and the
// 24-hour assessment, child assessments, plans, hearings before a measure
// starts, contact beyond follow-ups — is not in the items: give it as
// OtherHoursPerCaseYear, or leave it out of HoursPerWeek; measures that the municipal table does not cover
// get what the statutory layer schedules without a recorded cadence
// decision (under Barnets Lov the first follow-up and, for placements, the
// supervision visits).
//
// Errors, all at once and wrapping ErrInput: a nil regime, a zero or
// out-of-range From, an empty mix, shares that are not in (0, 1] or do not
// sum to 1 (±1e-6), unknown codes, Months outside 0–120, the same code
// and months twice, invalid minutes, HoursPerWeek not in (0, 168],
// OtherHoursPerCaseYear not in [0, 2000],
// WeeksPerYear not in [0, 53], and scheduler errors.
func Capacity(m CapacityModel) (CapacityResult, error) {
	const op = "caseload.Capacity"
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %w: "+format, append([]any{op, ErrInput}, args...)...))
	}
	if m.Regime == nil {
		bad("nil regime")
	}
	if problem, ok := checkDay(m.From); !ok {
		bad("from date: %s", problem.Text(msg.English))
	}
	if len(m.Mix) == 0 {
		bad("empty case mix")
	}
	cat := m.Catalogue
	if cat == nil {
		cat = ladder.Default()
	}
	sum := 0.0
	seen := map[MixEntry]int{}
	for i, e := range m.Mix {
		if math.IsNaN(e.Share) || e.Share <= 0 || e.Share > 1 {
			bad("mix[%d] %q: share %s is not in (0, 1]", i, e.Code, numEn(e.Share))
		} else {
			sum += e.Share
		}
		if e.Code != "" {
			if _, ok := cat.Get(e.Code); !ok {
				bad("mix[%d]: %w %q", i, ladder.ErrUnknownIntervention, e.Code)
			}
		}
		if e.Months < 0 || e.Months > followup.MaxHorizonMonths {
			bad("mix[%d] %q: months %d is not in 0–%d", i, e.Code, e.Months, followup.MaxHorizonMonths)
		}
		key := MixEntry{Code: e.Code, Months: months0(e.Months)}
		if j, dup := seen[key]; dup {
			bad("mix[%d] %q: the same intervention and months as mix[%d]", i, e.Code, j)
		}
		seen[key] = i
	}
	if len(m.Mix) > 0 && math.Abs(sum-1) > 1e-6 {
		bad("the shares sum to %s, not 1", numEn(sum))
	}
	errs = append(errs, m.Minutes.check(op)...)
	if math.IsNaN(m.HoursPerWeek) || m.HoursPerWeek <= 0 || m.HoursPerWeek > 168 {
		bad("hours per week %s is not in (0, 168]", numEn(m.HoursPerWeek))
	}
	if o := m.OtherHoursPerCaseYear; math.IsNaN(o) || math.IsInf(o, 0) || o < 0 || o > 2000 {
		bad("other hours per case-year %s is not in [0, 2000]", numEn(o))
	}
	weeks := m.WeeksPerYear
	if math.IsNaN(weeks) || weeks < 0 || weeks > 53 {
		bad("weeks per year %s is not in [0, 53]", numEn(weeks))
	}
	if weeks == 0 {
		weeks = DefaultWeeksPerYear
	}
	if len(errs) > 0 {
		return CapacityResult{}, errors.Join(errs...)
	}

	r := CapacityResult{WeeksPerYear: weeks, HoursAvailable: m.HoursPerWeek * weeks}
	minutesPerYear := 0.0
	for i, e := range m.Mix {
		line := CapacityLine{Code: e.Code, Share: e.Share, Months: months0(e.Months)}
		if e.Code != "" {
			iv, _ := cat.Get(e.Code)
			end := followup.AddMonths(m.From, line.Months) - 1
			ms, err := ladder.NewMeasure(fmt.Sprintf("mix-%d", i), iv, m.From, end)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w: mix[%d] %q: %w", op, ErrInput, i, e.Code, err))
				continue
			}
			plan, err := m.Regime.Schedule(followup.Record{Case: "capacity", Measure: ms}, followup.Options{AsOf: m.From, Until: end})
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w: mix[%d] %q: %w", op, ErrInput, i, e.Code, err))
				continue
			}
			minutes := 0
			for j := 0; j < plan.Len(); j++ {
				it := plan.At(j)
				if it.Due < m.From || it.Due > end {
					continue
				}
				if line.ItemsByKind == nil {
					line.ItemsByKind = map[followup.Kind]int{}
				}
				line.Items++
				line.ItemsByKind[it.Kind]++
				minutes += m.Minutes[it.Kind]
			}
			perYear := 12 / float64(line.Months)
			line.ItemsPerCaseYear = float64(line.Items) * perYear
			line.MinutesPerCaseYear = float64(minutes) * perYear
		}
		r.ItemsPerCaseYear += e.Share * line.ItemsPerCaseYear
		minutesPerYear += e.Share * line.MinutesPerCaseYear
		r.Lines = append(r.Lines, line)
	}
	if len(errs) > 0 {
		return CapacityResult{}, errors.Join(errs...)
	}
	r.HoursPerCaseYear = minutesPerYear / 60
	r.OtherHoursPerCaseYear = m.OtherHoursPerCaseYear
	r.TotalHoursPerCaseYear = r.HoursPerCaseYear + r.OtherHoursPerCaseYear
	if r.TotalHoursPerCaseYear <= 0 {
		r.Unbounded = true
		return r, nil
	}
	// The epsilon keeps an exact fit (e.g. 1320 / 52.8 = 25) from rounding to 24.
	r.Cases = int(math.Floor(r.HoursAvailable/r.TotalHoursPerCaseYear + 1e-9))
	return r, nil
}

func months0(m int) int {
	if m == 0 {
		return DefaultMeasureMonths
	}
	return m
}
