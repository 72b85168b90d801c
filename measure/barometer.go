// Ankestyrelsen's Børnesagsbarometret, computed from a municipality's own
// records: the share of first follow-ups held within 3 months of a
// measure's start, and the share of child assessments finished within 4
// months of the day the municipality learned of the need. Overall, per
// case worker and per team, so a municipality sees its figure before the
// watchdog does.

package measure

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Sources of the barometer figures. The published shares are Ankestyrelsen's
// news items on ast.dk for each report.
const (
	srcBarometerPilot = "Ankestyrelsen, Børnesagsbarometret (første rapport, 2019), ast.dk-nyhed \"Børnesagsbarometret – et indblik i kommunernes sagsbehandling på børneområdet\""
	srcBarometer2024  = "Ankestyrelsen, Børnesagsbarometret 2024, ast.dk-nyhed \"Børnesagsbarometret 2024 – Der er ikke væsentlige ændringer i kvaliteten af kommunernes sagsbehandling om udsatte børn og unge\""
)

// MinYear and MaxYear bound every date the barometer and placement-length
// figures accept: 1900-01-01 to 2199-12-31, as in package caseload.
const (
	MinYear = 1900
	MaxYear = 2199
)

// checkDate validates one date field of an input: zero is allowed only
// where zeroOK (the field's doc says zero means "none").
func checkDate(field string, d date.Date, zeroOK bool) error {
	if d == 0 {
		if zeroOK {
			return nil
		}
		return fmt.Errorf("field %s: date is missing (zero)", field)
	}
	if y := d.Year(); y < MinYear || y > MaxYear {
		return fmt.Errorf("field %s: date %s is outside %d-01-01–%d-12-31", field, d, MinYear, MaxYear)
	}
	return nil
}

// BarometerDeadline is one of the two deadlines Børnesagsbarometret
// measures and this package computes. The zero value is not valid.
type BarometerDeadline uint8

const (
	// FirstFollowUpDeadline: the first follow-up on a measure at the latest
	// 3 months after the measure started (BL § 95 stk. 2, tidl. SEL § 70).
	FirstFollowUpDeadline BarometerDeadline = 1 + iota
	// AssessmentDeadline: the child assessment (børnefaglig undersøgelse)
	// finished at the latest 4 months after the municipality learned the
	// child may need special support (BL § 20 stk. 3, tidl. SEL § 50).
	AssessmentDeadline
)

// barometerRule is the data of one deadline: everything the code and the
// texts need, so the numbers are typed once. The texts themselves are in
// the catalogue (messages.go), one code per deadline.
type barometerRule struct {
	code   string // stable code of the figure
	months int    // calendar months from the clock's start to the deadline
	law    string // the paragraph that sets the deadline
	da, en string // what is due, in Danish and English (labels)
	// Message codes: the findings for a late and a missing record, the
	// figure's explanation, and its note on records ended (stopped) early
	// when they are kept or dropped.
	late, missing, explain, keep, drop string
}

var barometerRules = [...]barometerRule{
	FirstFollowUpDeadline: {
		code: "foerste-opfoelgning", months: 3, law: "BL § 95 stk. 2 (tidl. SEL § 70)",
		da: "første opfølgning", en: "first follow-up",
		late:    "barometer.first-follow-up.late",
		missing: "barometer.first-follow-up.missing",
		explain: "measure.barometer.foerste-opfoelgning",
		keep:    "measure.barometer.foerste-opfoelgning.keep",
		drop:    "measure.barometer.foerste-opfoelgning.drop",
	},
	AssessmentDeadline: {
		code: "boernefaglig-undersoegelse", months: 4, law: "BL § 20 stk. 3 (tidl. SEL § 50)",
		da: "børnefaglig undersøgelse", en: "child assessment",
		late:    "barometer.assessment.late",
		missing: "barometer.assessment.missing",
		explain: "measure.barometer.boernefaglig-undersoegelse",
		keep:    "measure.barometer.boernefaglig-undersoegelse.keep",
		drop:    "measure.barometer.boernefaglig-undersoegelse.drop",
	},
}

// IsValid reports whether d is one of the defined deadlines.
func (d BarometerDeadline) IsValid() bool {
	return d >= FirstFollowUpDeadline && d <= AssessmentDeadline
}

// String returns the stable code ("foerste-opfoelgning",
// "boernefaglig-undersoegelse") or a diagnostic like
// "measure.BarometerDeadline(9)".
func (d BarometerDeadline) String() string {
	if !d.IsValid() {
		return "measure.BarometerDeadline(" + strconv.Itoa(int(d)) + ")"
	}
	return barometerRules[d].code
}

// Danish returns what is due, in Danish ("første opfølgning").
func (d BarometerDeadline) Danish() string {
	if !d.IsValid() {
		return d.String()
	}
	return barometerRules[d].da
}

// English returns what is due, in English ("first follow-up").
func (d BarometerDeadline) English() string {
	if !d.IsValid() {
		return d.String()
	}
	return barometerRules[d].en
}

// Months returns the calendar months from the clock's start to the
// deadline: 3 for the first follow-up, 4 for the assessment (0 if invalid).
func (d BarometerDeadline) Months() int {
	if !d.IsValid() {
		return 0
	}
	return barometerRules[d].months
}

// Law cites the paragraph that sets the deadline, in both laws.
func (d BarometerDeadline) Law() string {
	if !d.IsValid() {
		return ""
	}
	return barometerRules[d].law
}

// DueDate returns the deadline for a clock started on start: start plus
// Months calendar months, a day missing in the target month clamped to its
// last day (31 January + 3 months = 30 April; 30 November + 3 months = 28
// or 29 February). The deadline day itself is on time. Invalid d gives 0.
func (d BarometerDeadline) DueDate(start date.Date) date.Date {
	if !d.IsValid() || start == 0 {
		return 0
	}
	return followup.AddMonths(start, d.Months())
}

// BarometerBenchmark is a national share Ankestyrelsen published for one
// barometer year. The library holds only figures read in the source cited.
type BarometerBenchmark struct {
	Deadline BarometerDeadline
	// Year is the barometer's year (the report's title year).
	Year int
	// Percent is the national share kept, in whole percent.
	Percent int
	Source  string
}

var barometerBenchmarks = []BarometerBenchmark{
	{FirstFollowUpDeadline, 2019, 44, srcBarometerPilot},
	{FirstFollowUpDeadline, 2024, 75, srcBarometer2024},
	{AssessmentDeadline, 2021, 60, srcBarometer2024},
	{AssessmentDeadline, 2024, 50, srcBarometer2024},
}

// BarometerBenchmarks returns the national shares published by
// Ankestyrelsen that the library holds, by deadline and year. 2024 is the
// last barometer on cases decided under Serviceloven; Ankestyrelsen notes
// that the 4-month deadline and the first follow-up within 3 months carry
// over to Barnets Lov.
func BarometerBenchmarks() []BarometerBenchmark { return slices.Clone(barometerBenchmarks) }

// latestBenchmark returns the latest published share for d.
func latestBenchmark(d BarometerDeadline) (BarometerBenchmark, bool) {
	var best BarometerBenchmark
	for _, b := range barometerBenchmarks {
		if b.Deadline == d && b.Year > best.Year {
			best = b
		}
	}
	return best, best.Year != 0
}

// EndedEarly says what the barometer figures do with a record whose measure
// ended (or whose assessment was stopped) before its deadline without the
// first follow-up held (the assessment finished) on time. The sources read
// do not settle it, so it is a parameter. The zero value is not valid;
// BarometerQuery treats a zero field as KeepEndedEarly.
type EndedEarly uint8

const (
	// KeepEndedEarly counts such a record as a missed deadline (or a late
	// one, if held after the deadline). This is the default: it is the
	// reading that relaxes the protection less, because a child whose
	// measure ended after two months was never followed up.
	KeepEndedEarly EndedEarly = 1 + iota
	// DropEndedEarly leaves such a record out of the denominator (it is
	// counted as Dropped), on the reading that nothing was owed after the
	// measure ended.
	DropEndedEarly
)

// IsValid reports whether e is KeepEndedEarly or DropEndedEarly.
func (e EndedEarly) IsValid() bool { return e == KeepEndedEarly || e == DropEndedEarly }

// String returns "keep" or "drop", or a diagnostic like
// "measure.EndedEarly(9)".
func (e EndedEarly) String() string {
	switch e {
	case KeepEndedEarly:
		return "keep"
	case DropEndedEarly:
		return "drop"
	}
	return "measure.EndedEarly(" + strconv.Itoa(int(e)) + ")"
}

// BarometerQuery selects the records a barometer figure counts.
//
// The cohort is the records whose clock started in [From, To], both days
// inclusive: measures that started in the period, or assessments whose
// municipality learned of the need in the period. Of these, a record is in
// the denominator (Due) when its deadline is on or before AsOf: the records
// are read as they stood at the end of AsOf, so a deadline on AsOf has
// passed. A record whose deadline is after AsOf is Pending and not in the
// share, even if it was already held, so that a recent cohort's early
// successes do not count before its misses can.
type BarometerQuery struct {
	From, To date.Date
	AsOf     date.Date
	// EndedEarly is the treatment of a measure ended (an assessment
	// stopped) before its deadline with nothing done on time; zero means
	// KeepEndedEarly.
	EndedEarly EndedEarly
}

func (q BarometerQuery) endedEarly() EndedEarly {
	if q.EndedEarly == 0 {
		return KeepEndedEarly
	}
	return q.EndedEarly
}

func (q BarometerQuery) check(op string) []error {
	var errs []error
	for _, f := range []struct {
		name string
		d    date.Date
	}{{"From", q.From}, {"To", q.To}, {"AsOf", q.AsOf}} {
		if err := checkDate(f.name, f.d, false); err != nil {
			errs = append(errs, fmt.Errorf("%s: query: %w", op, err))
		}
	}
	if len(errs) == 0 {
		if err := checkPeriod(op, q.From, q.To); err != nil {
			errs = append(errs, err)
		}
	}
	if q.EndedEarly != 0 && !q.EndedEarly.IsValid() {
		errs = append(errs, fmt.Errorf("%s: query: field EndedEarly: unknown value %d", op, uint8(q.EndedEarly)))
	}
	return errs
}

// BarometerFollowUp is one measure for the first follow-up figure, as plain
// values. Build it from a ladder.Measure with NewBarometerFollowUp, or fill
// it from a vendor's own records.
//
// The zero value has no ids or dates and is rejected.
type BarometerFollowUp struct {
	// Case is the child's case id, Measure the measure's id: together they
	// identify the record. Required.
	Case, Measure string
	// Worker and Team are the responsible case worker and the team that
	// the figures are broken down by. Required.
	Worker, Team string
	// Start is the day the measure started (was iværksat): the clock
	// starts. Required.
	Start date.Date
	// End is the last day the measure was in effect; zero means open.
	End date.Date
	// Held is the day the first follow-up in the law's sense was held (the
	// measure and the plan followed up, BL § 95 stk. 4; see
	// followup.Held.InLawsSense); zero means none held yet.
	Held date.Date
	// ByLaw: the law requires follow-up on the measure
	// (ladder.Intervention.FollowUpByLaw). Records without it are left out
	// and counted as NotByLaw.
	ByLaw bool
}

// NewBarometerFollowUp fills a record from a measure: its id, start, end
// and whether the law requires follow-up on it.
func NewBarometerFollowUp(caseID, worker, team string, m ladder.Measure, held date.Date) BarometerFollowUp {
	end, _ := m.End()
	return BarometerFollowUp{
		Case: caseID, Measure: m.ID(), Worker: worker, Team: team,
		Start: m.Start(), End: end, Held: held,
		ByLaw: m.Intervention().FollowUpByLaw(),
	}
}

// BarometerAssessment is one child assessment (børnefaglig undersøgelse)
// for the assessment figure, as plain values.
//
// The zero value has no ids or dates and is rejected.
type BarometerAssessment struct {
	// Case is the child's case id, Assessment the assessment's id: together
	// they identify the record (a case can have several). Required.
	Case, Assessment string
	// Worker and Team as for BarometerFollowUp. Required.
	Worker, Team string
	// Learned is the day the municipality learned that the child may need
	// special support: the 4-month clock starts (BL § 20 stk. 3).
	// Required.
	Learned date.Date
	// Finished is the day the assessment was finished; zero means not yet.
	Finished date.Date
	// Stopped is the day the assessment was stopped unfinished (the case
	// closed, the family moved away); zero means not stopped. A record has
	// at most one of Finished and Stopped.
	Stopped date.Date
}

// clockRecord is one record of either kind in the shape the tally needs.
type clockRecord struct {
	kase, id, worker, team string
	start, stop, done      date.Date
}

// outcome is where one record falls in a figure.
type outcome uint8

const (
	outside outcome = iota // not in the cohort
	onTime
	late
	missing
	pending
	dropped
)

func (r clockRecord) outcome(d BarometerDeadline, q BarometerQuery) (outcome, date.Date) {
	if r.start < q.From || r.start > q.To {
		return outside, 0
	}
	due := d.DueDate(r.start)
	switch {
	case due > q.AsOf:
		return pending, due
	case r.done != 0 && r.done <= due:
		return onTime, due
	case q.endedEarly() == DropEndedEarly && r.stop != 0 && r.stop < due:
		return dropped, due
	case r.done != 0:
		return late, due
	}
	return missing, due
}

// BarometerCount is the tally of one barometer figure for everyone (Key
// ""), one worker or one team. OnTime + Late + Missing = Due.
type BarometerCount struct {
	// Key is the worker or team id; "" for the total.
	Key string `json:"key,omitempty"`
	// Due is the denominator: records of the cohort whose deadline is on
	// or before AsOf.
	Due int `json:"due"`
	// OnTime: held (finished) on or before the deadline.
	OnTime int `json:"onTime"`
	// Late: held (finished) after the deadline, on or before AsOf.
	Late int `json:"late"`
	// Missing: not held (finished) by AsOf.
	Missing int `json:"missing"`
	// Pending: the deadline is after AsOf; not in Due.
	Pending int `json:"pending"`
	// Dropped: ended (stopped) before the deadline with nothing done on
	// time, left out under DropEndedEarly; not in Due.
	Dropped int `json:"dropped"`
}

// Share returns OnTime / Due in [0, 1]; ok is false when nothing was due.
func (c BarometerCount) Share() (share float64, ok bool) {
	if c.Due == 0 {
		return 0, false
	}
	return float64(c.OnTime) / float64(c.Due), true
}

func (c *BarometerCount) add(o outcome) {
	switch o {
	case onTime:
		c.Due++
		c.OnTime++
	case late:
		c.Due++
		c.Late++
	case missing:
		c.Due++
		c.Missing++
	case pending:
		c.Pending++
	case dropped:
		c.Dropped++
	}
}

// BarometerReport is one barometer figure over a cohort: the total, per
// worker and per team, and the records that missed the deadline. It is an
// immutable value; the zero value counts nothing.
type BarometerReport struct {
	deadline BarometerDeadline
	query    BarometerQuery
	total    BarometerCount
	workers  []BarometerCount // sorted by Key
	teams    []BarometerCount // sorted by Key
	notByLaw int
	misses   []miss // sorted by case, then id
}

// miss is a record in the denominator that missed its deadline.
type miss struct {
	r   clockRecord
	o   outcome
	due date.Date
}

// FirstFollowUps computes the share of first follow-ups held within 3
// months of the measure's start, as Børnesagsbarometret does (BL § 95 stk.
// 2, tidl. SEL § 70): the records whose measure started in [q.From, q.To]
// and whose deadline is on or before q.AsOf (see BarometerQuery), overall,
// per worker and per team. Records whose measure the law does not require
// follow-up on are left out (NotByLaw).
//
// The barometer's 3 months are counted from the start; BL § 95 stk. 2 nr. 1
// can make the first follow-up due earlier (when an assessment run
// alongside ends first), which this figure, like the barometer, does not
// measure — package followup schedules it.
//
// Errors, all reported at once, each naming the record, the field and the
// value: a query date that is zero or outside 1900–2199, To before From, an
// unknown EndedEarly; an empty Case, Measure, Worker or Team; a zero or
// out-of-range Start; an End before Start; a Held before Start or after
// AsOf; two records with the same case and measure.
func FirstFollowUps(records []BarometerFollowUp, q BarometerQuery) (BarometerReport, error) {
	const op = "measure.FirstFollowUps"
	errs := q.check(op)
	type key struct{ c, m string }
	seen := make(map[key]bool, len(records))
	recs := make([]clockRecord, 0, len(records))
	notByLaw := 0
	for i, r := range records {
		var fe fieldErrs
		fe.ids("Measure", r.Case, r.Measure, r.Worker, r.Team)
		startOK := fe.start("Start", r.Start)
		fe.after("Start", r.Start, startOK, "End", r.End, 0)
		fe.after("Start", r.Start, startOK, "Held", r.Held, q.AsOf)
		if k := (key{r.Case, r.Measure}); r.Case != "" && r.Measure != "" {
			if seen[k] {
				fe = append(fe, errors.New("the same case and measure appear twice"))
			}
			seen[k] = true
		}
		if len(fe) > 0 {
			errs = append(errs, fe.in(fmt.Sprintf("%s: record %d (case %q, measure %q)", op, i, r.Case, r.Measure))...)
		}
		if !r.ByLaw {
			if r.Start >= q.From && r.Start <= q.To {
				notByLaw++
			}
			continue
		}
		recs = append(recs, clockRecord{kase: r.Case, id: r.Measure, worker: r.Worker, team: r.Team, start: r.Start, stop: r.End, done: r.Held})
	}
	if len(errs) > 0 {
		return BarometerReport{}, errors.Join(errs...)
	}
	rep := tallyBarometer(FirstFollowUpDeadline, q, recs)
	rep.notByLaw = notByLaw
	return rep, nil
}

// Assessments computes the share of child assessments finished within 4
// months of the day the municipality learned of the need, as
// Børnesagsbarometret does (BL § 20 stk. 3, tidl. SEL § 50): the records
// whose Learned is in [q.From, q.To] and whose deadline is on or before
// q.AsOf (see BarometerQuery), overall, per worker and per team.
//
// A preliminary assessment (foreløbig vurdering), which the law asks for
// when the deadline exceptionally cannot be kept, does not make the
// assessment on time: the barometer counts the 4-month deadline itself.
//
// Errors, all reported at once, as for FirstFollowUps; in addition a record
// with both Finished and Stopped, and a Stopped before Learned or after
// AsOf.
func Assessments(records []BarometerAssessment, q BarometerQuery) (BarometerReport, error) {
	const op = "measure.Assessments"
	errs := q.check(op)
	type key struct{ c, a string }
	seen := make(map[key]bool, len(records))
	recs := make([]clockRecord, 0, len(records))
	for i, r := range records {
		var fe fieldErrs
		fe.ids("Assessment", r.Case, r.Assessment, r.Worker, r.Team)
		startOK := fe.start("Learned", r.Learned)
		fe.after("Learned", r.Learned, startOK, "Finished", r.Finished, q.AsOf)
		fe.after("Learned", r.Learned, startOK, "Stopped", r.Stopped, q.AsOf)
		if r.Finished != 0 && r.Stopped != 0 {
			fe = append(fe, fmt.Errorf("fields Finished %s and Stopped %s: an assessment is either finished or stopped", r.Finished, r.Stopped))
		}
		if k := (key{r.Case, r.Assessment}); r.Case != "" && r.Assessment != "" {
			if seen[k] {
				fe = append(fe, errors.New("the same case and assessment appear twice"))
			}
			seen[k] = true
		}
		if len(fe) > 0 {
			errs = append(errs, fe.in(fmt.Sprintf("%s: record %d (case %q, assessment %q)", op, i, r.Case, r.Assessment))...)
		}
		recs = append(recs, clockRecord{kase: r.Case, id: r.Assessment, worker: r.Worker, team: r.Team, start: r.Learned, stop: r.Stopped, done: r.Finished})
	}
	if len(errs) > 0 {
		return BarometerReport{}, errors.Join(errs...)
	}
	return tallyBarometer(AssessmentDeadline, q, recs), nil
}

// fieldErrs collects one record's problems, each naming its field and
// value; the caller names the record only when there are any, so valid
// input costs no formatting.
type fieldErrs []error

// in prefixes every problem with where (function and record).
func (fe fieldErrs) in(where string) []error {
	out := make([]error, len(fe))
	for i, err := range fe {
		out[i] = fmt.Errorf("%s: %w", where, err)
	}
	return out
}

// ids reports empty ids, naming the field.
func (fe *fieldErrs) ids(idField, kase, id, worker, team string) {
	for _, f := range [...]struct{ name, v string }{{"Case", kase}, {idField, id}, {"Worker", worker}, {"Team", team}} {
		if f.v == "" {
			*fe = append(*fe, fmt.Errorf("field %s is empty", f.name))
		}
	}
}

// start validates a required start date and reports whether it can be
// compared with.
func (fe *fieldErrs) start(field string, d date.Date) bool {
	if err := checkDate(field, d, false); err != nil {
		*fe = append(*fe, err)
		return false
	}
	return true
}

// after validates an optional date (zero means none) that must not be
// before the start (when startOK) nor, when asOf is not zero, after asOf.
func (fe *fieldErrs) after(startField string, start date.Date, startOK bool, field string, d, asOf date.Date) {
	if err := checkDate(field, d, true); err != nil {
		*fe = append(*fe, err)
		return
	}
	if d != 0 && startOK && d < start {
		*fe = append(*fe, fmt.Errorf("field %s: %s is before %s %s", field, d, startField, start))
	}
	if d != 0 && asOf != 0 && d > asOf {
		*fe = append(*fe, fmt.Errorf("field %s: %s is after the query's AsOf %s", field, d, asOf))
	}
}

// tallyBarometer counts validated records into a report.
func tallyBarometer(d BarometerDeadline, q BarometerQuery, recs []clockRecord) BarometerReport {
	rep := BarometerReport{deadline: d, query: q}
	rep.query.EndedEarly = q.endedEarly()
	byWorker := map[string]*BarometerCount{}
	byTeam := map[string]*BarometerCount{}
	get := func(m map[string]*BarometerCount, k string) *BarometerCount {
		c := m[k]
		if c == nil {
			c = &BarometerCount{Key: k}
			m[k] = c
		}
		return c
	}
	for _, r := range recs {
		o, due := r.outcome(d, q)
		if o == outside {
			continue
		}
		rep.total.add(o)
		get(byWorker, r.worker).add(o)
		get(byTeam, r.team).add(o)
		if o == late || o == missing {
			rep.misses = append(rep.misses, miss{r, o, due})
		}
	}
	rep.workers = sortedCounts(byWorker)
	rep.teams = sortedCounts(byTeam)
	slices.SortFunc(rep.misses, func(a, b miss) int {
		if c := strings.Compare(a.r.kase, b.r.kase); c != 0 {
			return c
		}
		return strings.Compare(a.r.id, b.r.id)
	})
	return rep
}

func sortedCounts(m map[string]*BarometerCount) []BarometerCount {
	out := make([]BarometerCount, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b BarometerCount) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// Deadline returns which figure the report holds.
func (r BarometerReport) Deadline() BarometerDeadline { return r.deadline }

// Query returns the query the report was computed for, with EndedEarly
// filled in.
func (r BarometerReport) Query() BarometerQuery { return r.query }

// Total returns the tally over every record of the cohort.
func (r BarometerReport) Total() BarometerCount { return r.total }

// Workers returns the tally per worker, sorted by worker id. Every worker
// with a record in the cohort is listed, even with nothing due yet.
func (r BarometerReport) Workers() []BarometerCount { return slices.Clone(r.workers) }

// Teams returns the tally per team, sorted by team id.
func (r BarometerReport) Teams() []BarometerCount { return slices.Clone(r.teams) }

// Worker returns one worker's tally, and false if the worker has no record
// in the cohort.
func (r BarometerReport) Worker(id string) (BarometerCount, bool) { return findCount(r.workers, id) }

// Team returns one team's tally, and false if the team has no record in
// the cohort.
func (r BarometerReport) Team(id string) (BarometerCount, bool) { return findCount(r.teams, id) }

func findCount(cs []BarometerCount, key string) (BarometerCount, bool) {
	i, ok := slices.BinarySearchFunc(cs, key, func(c BarometerCount, k string) int { return strings.Compare(c.Key, k) })
	if !ok {
		return BarometerCount{}, false
	}
	return cs[i], true
}

// NotByLaw returns how many records of the cohort were left out because
// the law does not require follow-up on their measure (always 0 for
// assessments).
func (r BarometerReport) NotByLaw() int { return r.notByLaw }

// Misses returns one Warning finding for every record in the denominator
// that missed its deadline (late or still missing), with the case and the
// record's id as Subject ("case/measure"), sorted by case, then id. Codes:
// "barometer.first-follow-up.late", "barometer.first-follow-up.missing",
// "barometer.assessment.late", "barometer.assessment.missing".
func (r BarometerReport) Misses() finding.List {
	if len(r.misses) == 0 {
		return nil
	}
	out := make(finding.List, len(r.misses))
	for i, m := range r.misses {
		out[i] = missFinding(r.deadline, m.o, m.r, m.due)
	}
	return out
}

func missFinding(d BarometerDeadline, o outcome, r clockRecord, due date.Date) finding.Finding {
	rule := barometerRules[d]
	subject, months := r.kase+"/"+r.id, msg.Period(int32(rule.months), 0)
	if o == missing {
		return finding.New(rule.missing, finding.Warning, subject, rule.law,
			"id", msg.String(r.id), "deadline", msg.Date(due), "months", months, "start", msg.Date(r.start))
	}
	return finding.New(rule.late, finding.Warning, subject, rule.law,
		"id", msg.String(r.id), "done", msg.Date(r.done), "deadline", msg.Date(due), "months", months, "start", msg.Date(r.start))
}

// Explain says what the total counted, with the latest national share
// Ankestyrelsen published for the same deadline.
func (r BarometerReport) Explain() FigureExplanation { return r.explain(r.total) }

// ExplainCount says what one tally (the total, a worker's or a team's)
// counted.
func (r BarometerReport) ExplainCount(c BarometerCount) FigureExplanation { return r.explain(c) }

func (r BarometerReport) explain(c BarometerCount) FigureExplanation {
	if !r.deadline.IsValid() {
		return FigureExplanation{Figure: "barometer"}
	}
	rule := barometerRules[r.deadline]
	share := msg.New("measure.barometer.nothing-due")
	if s, ok := c.Share(); ok {
		share = percent(100 * s)
	}
	endedEarly := msg.New(rule.keep)
	if r.query.EndedEarly == DropEndedEarly {
		endedEarly = msg.New(rule.drop, "dropped", msg.Int(c.Dropped))
	}
	src := rule.law
	b, benchOK := latestBenchmark(r.deadline)
	if benchOK {
		src += "; " + b.Source
	}
	return FigureExplanation{
		Figure: "barometer." + rule.code,
		Source: src,
		Message: msg.New(rule.explain, "months", msg.Period(int32(rule.months), 0),
			"onTime", msg.Int(c.OnTime), "due", msg.Int(c.Due), "share", msg.Nested(share),
			"from", msg.Date(r.query.From), "to", msg.Date(r.query.To), "asOf", msg.Date(r.query.AsOf),
			"late", msg.Int(c.Late), "missing", msg.Int(c.Missing), "pending", msg.Int(c.Pending),
			"endedEarly", msg.Nested(endedEarly),
			"national", optional(benchOK, msg.New("measure.barometer.national", "year", msg.Int(b.Year), "percent", msg.Int(b.Percent)))),
	}
}
