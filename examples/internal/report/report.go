// Package report turns validated input into what the examples show: every
// scheduled item of every measure, the due list per worker, the findings
// (scheduler, compliance, caseload, SMART) and the key figures for the
// year. The schedule command renders a Report as text, JSON or iCalendar;
// the HTTP service returns it as JSON. The JSON form is the contract in
// examples/schedule/README.md.
package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/measure"
)

// Options are the parameters of a report.
type Options struct {
	AsOf date.Date
	// Weeks is the look-ahead, 1 to MaxWeeks.
	Weeks int
	// Worker limits the report to one worker's cases ("" for all).
	Worker string
	// Lang is "da" or "en"; it chooses the language of each item's
	// why.text.
	Lang string
	// Regime is the rule set; nil means followup.Herning().
	Regime *followup.Regime
	// Calendar is the working-day calendar; nil means workday.Danish().
	Calendar *workday.Calendar
	// Budget bounds the work; the zero Budget means CLIBudget().
	Budget Budget
}

// MaxWeeks bounds Options.Weeks: ten years of 52 weeks.
const MaxWeeks = input.MaxWeeks

// DefaultWeeks is the look-ahead when none is given.
const DefaultWeeks = 6

// Report is everything the examples show for one as-of date.
type Report struct {
	AsOf  date.Date `json:"asOf"`
	Until date.Date `json:"until"`
	Weeks int       `json:"weeks"`
	Lang  string    `json:"lang"`
	// Worker is the worker the report is limited to, if any.
	Worker  string   `json:"worker,omitempty"`
	Rules   string   `json:"rules"`
	Workers []Worker `json:"workers"`
	// Items is every item of every measure from its start up to Until, in
	// working-day order.
	Items    []Item    `json:"items"`
	Findings []Finding `json:"findings"`
	Figures  Figures   `json:"figures"`
	// Deadlines are the intake deadlines of the cases up to Until — the
	// notifications' and the young people's plans' — in working-day
	// order (deadlines.go).
	Deadlines []Deadline `json:"deadlines"`
	// Receipt says what the report was computed with: trappe's version,
	// the rule sets with their SHA-256, the calendar, AsOf and Until, and
	// the SHA-256 of the input document as read (input.Data.Bytes). With
	// the input it computes the same report again (followup.Receipt.Replay).
	Receipt followup.Receipt `json:"receipt"`

	// due is the due list: items not done that are overdue or due by
	// Until, in working-day order (indices into Items).
	due []int
}

// Worker is a worker in the report with the counts of the due list. The
// cases without a worker are listed under an entry with an empty ID.
type Worker struct {
	ID            string    `json:"id"`
	Name          string    `json:"name,omitempty"`
	Team          string    `json:"team,omitempty"`
	FTE           float64   `json:"fte"`
	EmployedSince date.Date `json:"employedSince,omitzero"`
	Cases         int       `json:"cases"`
	// SoftLimit and HardLimit are the worker's caseload limits under the
	// caseload policy (Herning: 20 and 25 per full-time worker, pro rata).
	SoftLimit float64 `json:"softLimit"`
	HardLimit float64 `json:"hardLimit"`
	Overdue   int     `json:"overdue"`
	Upcoming  int     `json:"upcoming"`
}

// Item is one scheduled follow-up or deadline of a measure.
type Item struct {
	Case              string              `json:"case"`
	Measure           string              `json:"measure"`
	Worker            string              `json:"worker,omitempty"`
	Intervention      string              `json:"intervention"`
	Due               date.Date           `json:"due"`
	WorkingDay        date.Date           `json:"workingDay"`
	Kind              followup.Kind       `json:"kind"`
	Statutory         bool                `json:"statutory"`
	ChildConversation followup.ChildTalk  `json:"childConversation"`
	Modes             followup.Modes      `json:"modes"`
	Rules             []string            `json:"rules"`
	Status            followup.Status     `json:"status"`
	Held              *Held               `json:"held,omitempty"`
	Participants      []string            `json:"participants,omitempty"`
	Place             string              `json:"place,omitempty"`
	Decides           []followup.Decision `json:"decides,omitempty"`
	Why               Why                 `json:"why"`

	it followup.Item
}

// Source returns the library's item.
func (i Item) Source() followup.Item { return i.it }

// Held is the follow-up that satisfied an item.
type Held struct {
	Date              date.Date     `json:"date"`
	DaysLate          int           `json:"daysLate"`
	ChildConversation bool          `json:"childConversation"`
	Mode              followup.Mode `json:"mode,omitzero"`
}

// Why is the reason an item is due: Text is the one-line form in the
// report's language (followup.Item.Line), and the structured explanation
// follows with every rule, its rule set, effective date and source, and
// every exception that relaxed the item and who approved it.
type Why struct {
	Text string `json:"text"`
	followup.Explanation
}

// Finding is a finding with where it came from: Area is "schedule",
// "compliance", "caseload" or "smart"; Worker and Case place it.
type Finding struct {
	Area   string `json:"area"`
	Worker string `json:"worker,omitempty"`
	Case   string `json:"case,omitempty"`
	finding.Finding
}

// MarshalJSON writes the place (area, worker, case) and then the finding's
// own fields, as finding.Finding writes them.
func (f Finding) MarshalJSON() ([]byte, error) {
	place, err := json.Marshal(struct {
		Area   string `json:"area"`
		Worker string `json:"worker,omitempty"`
		Case   string `json:"case,omitempty"`
	}{f.Area, f.Worker, f.Case})
	if err != nil {
		return nil, err
	}
	inner, err := json.Marshal(f.Finding)
	if err != nil {
		return nil, err
	}
	return append(append(place[:len(place)-1], ','), inner[1:]...), nil
}

// Build schedules every measure in d and gathers findings and figures.
// Input problems come back as input.Errors; a report over opt.Budget is
// refused before anything is scheduled, with input.Errors wrapping
// ErrOverBudget when it has too many items; anything else is a bug.
func Build(d *input.Data, opt Options) (*Report, error) {
	if err := ladder.CheckDate("report.Build", "AsOf", opt.AsOf); err != nil {
		return nil, err // the callers check it where it enters
	}
	if opt.Weeks == 0 {
		opt.Weeks = DefaultWeeks
	}
	if opt.Weeks < 1 || opt.Weeks > MaxWeeks {
		return nil, fmt.Errorf("report.Build: weeks %d is outside 1–%d", opt.Weeks, MaxWeeks)
	}
	if opt.Lang != "en" {
		opt.Lang = "da"
	}
	if opt.Regime == nil {
		opt.Regime = followup.Herning()
	}
	if opt.Calendar == nil {
		opt.Calendar = workday.Danish()
	}
	if err := d.CheckAsOf(opt.AsOf); err != nil {
		return nil, err
	}
	r := &Report{AsOf: opt.AsOf, Until: opt.AsOf + date.Date(7*opt.Weeks), Weeks: opt.Weeks, Lang: opt.Lang,
		Worker: opt.Worker, Items: []Item{}, Findings: []Finding{}}
	if r.Until > ladder.MaxDate {
		return nil, input.Errors{{File: d.File(), Field: "weeks", Value: strconv.Itoa(opt.Weeks),
			Reason: fmt.Sprintf("the report would run from %s to %s, after the last supported date %s: give fewer weeks or an earlier as-of date", r.AsOf, r.Until, ladder.MaxDate)}}
	}
	if m := opt.Regime.Municipal(); m != nil {
		r.Rules = m.Name()
	} else {
		r.Rules = "statutory only"
	}

	cases := d.Cases
	if opt.Worker != "" {
		if _, ok := d.Worker(opt.Worker); !ok && !slices.ContainsFunc(d.Cases, func(c input.Case) bool { return c.Worker == opt.Worker }) {
			return nil, input.Errors{{File: d.File(), Field: "-worker", Value: fmt.Sprintf("%q", opt.Worker), Reason: "no worker with this id in the data"}}
		}
		cases = nil
		for _, c := range d.Cases {
			if c.Worker == opt.Worker {
				cases = append(cases, c)
			}
		}
	}

	if opt.Budget == (Budget{}) {
		opt.Budget = CLIBudget()
	}
	if err := opt.Budget.check(d, cases, r.Until); err != nil {
		return nil, err
	}

	// Schedule. Everything below indexes by case and measure, so the
	// report takes time and memory linear in the items.
	var plans []followup.Plan
	var records []followup.Record
	workerOf := map[string]string{}
	codeOf := map[measureKey]string{}
	index := caseIndex(d)
	var errs input.Errors
schedule:
	for _, c := range cases {
		workerOf[c.ID] = c.Worker
		for j, rec := range c.Measures {
			p, err := opt.Regime.Schedule(rec, followup.Options{AsOf: opt.AsOf, Until: r.Until, Calendar: opt.Calendar})
			if err != nil {
				errs = append(errs, &input.Error{File: d.File(), Field: fmt.Sprintf("cases[%d].measures[%d]", index[c.ID], j),
					Case: c.ID, Measure: rec.Measure.ID(), Reason: err.Error()})
				if len(errs) >= input.MaxErrors {
					break schedule
				}
				continue
			}
			plans = append(plans, p)
			records = append(records, rec)
			codeOf[measureKey{rec.Case, rec.Measure.ID()}] = rec.Measure.Intervention().Code
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, p := range plans {
		for _, it := range p.Items() {
			r.Items = append(r.Items, newItem(it, workerOf[it.Case], codeOf[measureKey{it.Case, it.Measure}], opt.Lang))
		}
	}
	sortItems(r.Items)

	// The due list: everything not done that is overdue or due by Until.
	// DueIn skips an upcoming item whose working day falls before its
	// window (as-of on a weekend, due that day): start the window on the
	// working day on or before the as-of date so that it is kept.
	due, err := followup.DueIn(plans, opt.Calendar.OnOrBefore(opt.AsOf), r.Until)
	if err != nil {
		return nil, fmt.Errorf("report.Build: %w", err)
	}
	idx := map[itemKey]int{}
	for i, it := range r.Items {
		idx[keyOf(it.it)] = i
	}
	for _, it := range due {
		if i, ok := idx[keyOf(it)]; ok {
			r.due = append(r.due, i)
		}
	}

	r.workers(d, cases)
	if err := r.deadlines(d, cases, workerOf, opt); err != nil {
		return nil, err
	}
	r.findings(d, plans, cases, workerOf, opt)
	slices.SortStableFunc(r.Findings, func(a, b Finding) int { return cmp.Compare(areaRank(a.Area), areaRank(b.Area)) })
	if err := r.figures(cases, records, plans, opt.AsOf); err != nil {
		return nil, err
	}
	r.Receipt = opt.Regime.Receipt(followup.Options{AsOf: opt.AsOf, Until: r.Until, Calendar: opt.Calendar}, d.Bytes())
	return r, nil
}

// caseIndex maps each case id to its index in the document (the first,
// should an id repeat).
func caseIndex(d *input.Data) map[string]int {
	index := make(map[string]int, len(d.Cases))
	for i := len(d.Cases) - 1; i >= 0; i-- {
		index[d.Cases[i].ID] = i
	}
	return index
}

// measureKey is a measure in a case: measure ids are unique per case only.
type measureKey struct{ caseID, measure string }

type itemKey struct {
	caseID, measure string
	due             date.Date
	kind            followup.Kind
}

func keyOf(it followup.Item) itemKey { return itemKey{it.Case, it.Measure, it.Due, it.Kind} }

// sortItems sorts items by compareItems, keeping the order of equal ones.
// It sorts their indices and then moves each item once: sorting the large
// structs themselves (slices.SortStableFunc, a merge by rotations) moved
// each of them O(log² n) times and cost more than scheduling a million
// items.
func sortItems(items []Item) {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Or(compareItems(&items[a], &items[b]), cmp.Compare(a, b)) })
	// items[k] becomes the old items[idx[k]]: follow each cycle of the
	// permutation once, marking the places done with -1.
	for i := range idx {
		if idx[i] < 0 || idx[i] == i {
			continue
		}
		first, j := items[i], i
		for {
			k := idx[j]
			idx[j] = -1
			if k == i {
				items[j] = first
				break
			}
			items[j] = items[k]
			j = k
		}
	}
}

func compareItems(a, b *Item) int {
	return cmp.Or(
		cmp.Compare(a.WorkingDay, b.WorkingDay),
		strings.Compare(a.Case, b.Case),
		strings.Compare(a.Measure, b.Measure),
		cmp.Compare(a.Due, b.Due),
		cmp.Compare(a.Kind, b.Kind),
	)
}

func newItem(it followup.Item, worker, code, lang string) Item {
	out := Item{
		Case: it.Case, Measure: it.Measure, Worker: worker, Intervention: code,
		Due: it.Due, WorkingDay: it.WorkingDay, Kind: it.Kind, Statutory: it.Statutory,
		ChildConversation: it.ChildConversation, Modes: it.Modes, Rules: it.Rules(), Status: it.Status,
		Participants: it.Participants(), Place: it.Place(), Decides: it.Decides(),
		Why: Why{Text: it.Line(msg.Lang(lang)), Explanation: it.Why()},
		it:  it,
	}
	if h, ok := it.Held(); ok {
		out.Held = &Held{Date: h.On, DaysLate: it.DaysLate(), ChildConversation: h.ChildConversation, Mode: h.Mode}
	}
	if out.Rules == nil {
		out.Rules = []string{}
	}
	return out
}

// Due returns the due list: the items not done that are overdue or due by
// Until, in working-day order.
func (r *Report) Due() []Item {
	out := make([]Item, len(r.due))
	for k, i := range r.due {
		out[k] = r.Items[i]
	}
	return out
}

func (r *Report) workers(d *input.Data, cases []input.Case) {
	count := map[string]int{}
	for _, c := range cases {
		count[c.Worker]++
	}
	add := func(w input.Worker) {
		r.Workers = append(r.Workers, Worker{ID: w.ID, Name: w.Name, Team: w.Team, FTE: w.FTE, EmployedSince: w.EmployedSince, Cases: count[w.ID]})
	}
	seen := map[string]bool{}
	for _, w := range d.Workers {
		if r.Worker == "" || w.ID == r.Worker {
			add(w)
			seen[w.ID] = true
		}
	}
	// Workers named only by the cases.
	for _, c := range cases {
		if !seen[c.Worker] {
			seen[c.Worker] = true
			fte := 1.0
			if c.Worker == "" {
				fte = 0 // the unassigned cases are nobody's time
			}
			add(input.Worker{ID: c.Worker, FTE: fte})
		}
	}
	pos := map[string]int{}
	for i, w := range r.Workers {
		pos[w.ID] = i
	}
	for _, it := range r.Due() {
		w := &r.Workers[pos[it.Worker]]
		if it.Status == followup.Overdue {
			w.Overdue++
		} else {
			w.Upcoming++
		}
	}
	if r.Workers == nil {
		r.Workers = []Worker{}
	}
}

func (r *Report) findings(d *input.Data, plans []followup.Plan, cases []input.Case, workerOf map[string]string, opt Options) {
	add := func(area, caseID string, l finding.List) {
		for _, f := range l {
			r.Findings = append(r.Findings, Finding{Area: area, Worker: workerOf[caseID], Case: caseID, Finding: f})
		}
	}
	r.caseload(d, opt.AsOf)
	for _, p := range plans {
		add("schedule", p.Case(), p.Findings())
	}
	for _, p := range plans {
		add("compliance", p.Case(), p.Compliance().Findings)
	}
	for _, c := range cases {
		for _, g := range c.Goals {
			add("smart", c.ID, measure.ValidateGoal(g, opt.AsOf))
		}
	}
}
