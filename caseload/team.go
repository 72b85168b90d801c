package caseload

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/jsonstrict"
)

// ErrInput is wrapped by every error about bad input to this package; it
// is ladder.ErrInput, shared by all of trappe.
var ErrInput = ladder.ErrInput

// Worker is a case worker (socialrådgiver) with authority (myndighed).
// The zero value has no id and an FTE of 0, which Validate reports.
type Worker struct {
	ID   string
	Name string
	// Team is the name of the worker's team, e.g. "nord"; the team average
	// is checked per team name.
	Team string
	// FTE is the worker's share of full time (årsværk), in (0, 1].
	FTE float64
	// EmployedSince is the first day of employment; zero if not recorded
	// (the worker then counts as experienced).
	EmployedSince date.Date
}

// Child is the child a case is about. BirthDate may be zero (not
// recorded) and may lie after today: a case can open before the child is
// born.
type Child struct {
	BirthDate date.Date
}

// Case is one child's case (børnesag). However many measures the child
// has, it is one case; a case with no active measure — under assessment,
// advice under § 11, early prevention — is a case too (KORA 2017 §5.2).
// The zero value has no id, which Validate reports (caseload.missing-id).
type Case struct {
	ID string
	// Worker is the id of the case worker who holds the case; "" means the
	// case is not assigned yet.
	Worker string
	Child  Child
	// Measures are the child's measures, each with the follow-ups held, the
	// exceptions granted and the cadence decision, as the follow-up
	// scheduler takes them. Record.Case is ignored: the case's ID is used.
	Measures []followup.Record
	// Keys are the vendor's own weight categories for the case (see
	// WeightSpec.Keys), e.g. "akut".
	Keys []string
}

// ActiveMeasures returns the case's measures in effect on on, in the order
// given. Invalid (zero) measures are left out.
func (c Case) ActiveMeasures(on date.Date) []ladder.Measure {
	var out []ladder.Measure
	for _, r := range c.Measures {
		if r.Measure.ActiveOn(on) {
			out = append(out, r.Measure)
		}
	}
	return out
}

// Team is a set of workers and the open cases they hold or that wait to be
// assigned. It may span several teams (Worker.Team); Subteam picks one.
// The zero value is an empty team.
type Team struct {
	Workers []Worker
	Cases   []Case
}

// Worker returns the first worker with the given id.
func (t Team) Worker(id string) (Worker, bool) {
	for _, w := range t.Workers {
		if w.ID == id {
			return w, true
		}
	}
	return Worker{}, false
}

// Case returns the first case with the given id.
func (t Team) Case(id string) (Case, bool) {
	for _, c := range t.Cases {
		if c.ID == id {
			return c, true
		}
	}
	return Case{}, false
}

// Subteam returns the workers whose Team is name and the cases they hold,
// in the original order. Unassigned cases are left out: which team gets
// them is what Suggest is for. The slices are new; the cases share their
// measures with t.
func (t Team) Subteam(name string) Team {
	var out Team
	ids := map[string]bool{}
	for _, w := range t.Workers {
		if w.Team == name {
			out.Workers = append(out.Workers, w)
			ids[w.ID] = true
		}
	}
	for _, c := range t.Cases {
		if c.Worker != "" && ids[c.Worker] {
			out.Cases = append(out.Cases, c)
		}
	}
	return out
}

// ---- JSON ----
//
// The format is in the package documentation. Dates are strict ISO dates
// in ladder.MinDate–ladder.MaxDate ("2023-02-30" is an error); a field the
// format does not have, a key given twice and an id or a name holding a
// control or bidirectional formatting character are errors too.

type workerJSON struct {
	ID            string  `json:"id"`
	Name          string  `json:"name,omitempty"`
	Team          string  `json:"team,omitempty"`
	FTE           float64 `json:"fte"`
	EmployedSince string  `json:"employedSince,omitempty"`
}

type childJSON struct {
	BirthDate string `json:"birthDate,omitempty"`
}

type grantJSON struct {
	ID         string `json:"id"`
	ApprovedBy string `json:"approvedBy"`
	ApprovedOn string `json:"approvedOn,omitempty"`
}

type heldJSON struct {
	Date              string        `json:"date"`
	Kind              followup.Kind `json:"kind,omitzero"`
	ChildConversation bool          `json:"childConversation"`
	Mode              followup.Mode `json:"mode,omitzero"`
	NotAtPlacement    bool          `json:"notAtPlacement,omitempty"`
	NoPlanReview      bool          `json:"noPlanReview,omitempty"`
}

type decisionJSON struct {
	DecidedOn string        `json:"decidedOn,omitempty"`
	Every     followup.Span `json:"every"`
	Note      string        `json:"note,omitempty"`
}

type measureJSON struct {
	ID            string        `json:"id"`
	Intervention  string        `json:"intervention"`
	Start         string        `json:"start"`
	End           string        `json:"end,omitempty"`
	Exceptions    []grantJSON   `json:"exceptions,omitempty"`
	Followups     []heldJSON    `json:"followups,omitempty"`
	Decision      *decisionJSON `json:"decision,omitempty"`
	AssessmentEnd string        `json:"assessmentEnd,omitempty"`
}

type caseJSON struct {
	ID       string        `json:"id"`
	Worker   string        `json:"worker,omitempty"`
	Child    childJSON     `json:"child"`
	Measures []measureJSON `json:"measures"`
	// Aftercare is the flag an earlier format had; DecodeTeam refuses it
	// set, since an aftercare case is now told by its measures.
	Aftercare bool     `json:"aftercare,omitempty"`
	Keys      []string `json:"keys,omitempty"`
}

type teamJSON struct {
	Workers []workerJSON `json:"workers"`
	Cases   []caseJSON   `json:"cases"`
}

// errs collects decoding errors with a path prefix.
type errs struct {
	op   string
	list []error
}

func (e *errs) add(path string, err error) {
	e.list = append(e.list, fmt.Errorf("%s: %w: %s: %w", e.op, ErrInput, path, err))
}

func (e *errs) err() error { return errors.Join(e.list...) }

// maxStrictProblems bounds how many duplicate keys and unknown fields one
// decode reports.
const maxStrictProblems = 50

// strict reports every duplicate key and every field the format does not
// have in data, decoded into a value of type t, naming its JSON path.
func (e *errs) strict(data []byte, t reflect.Type) {
	problems, _ := jsonstrict.Check(data, t, maxStrictProblems) // syntax: json.Unmarshal reports it
	for _, p := range problems {
		switch p.Kind {
		case jsonstrict.Duplicate:
			e.add(p.Path, errors.New("duplicate key: the key is given twice in one object"))
		default:
			e.add(p.Path, fmt.Errorf("unknown field (want one of %s)", strings.Join(p.Known, ", ")))
		}
	}
}

// text reports an id or a name that holds a character ladder.UnsafeRune
// rejects, one that could forge or reorder lines where it is printed.
func (e *errs) text(path, field, s string) {
	if i := strings.IndexFunc(s, ladder.UnsafeRune); i >= 0 {
		e.add(path+`: field "`+field+`"`, fmt.Errorf("%q %w", s, ladder.ErrUnsafeText))
	}
}

// optDate parses an optional strict ISO date ("" is the zero date).
func optDate(e *errs, path, s string) date.Date {
	if s == "" {
		return 0
	}
	d, err := ladder.ParseDate(s)
	if err != nil {
		e.add(path, err)
		return 0
	}
	return d
}

func dateText(d date.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

func (j workerJSON) build(e *errs, path string) Worker {
	e.text(path, "id", j.ID)
	e.text(path, "name", j.Name)
	e.text(path, "team", j.Team)
	return Worker{ID: j.ID, Name: j.Name, Team: j.Team, FTE: j.FTE, EmployedSince: optDate(e, path+`: field "employedSince"`, j.EmployedSince)}
}

func toWorkerJSON(w Worker) workerJSON {
	return workerJSON{ID: w.ID, Name: w.Name, Team: w.Team, FTE: w.FTE, EmployedSince: dateText(w.EmployedSince)}
}

func (j caseJSON) build(e *errs, path string, cat *ladder.Catalogue) Case {
	c := Case{ID: j.ID, Worker: j.Worker}
	e.text(path, "id", j.ID)
	e.text(path, "worker", j.Worker)
	if j.Aftercare {
		// Ignoring it would move an aftercare case recorded the old way
		// with the citizen: refuse it and say what to record instead.
		e.add(path+`: field "aftercare"`, errors.New(`true is no longer read: record the aftercare measure (an "ungestoette-…" intervention), which keeps the case in its district`))
	}
	for i, k := range j.Keys {
		e.text(path, fmt.Sprintf("keys[%d]", i), k)
	}
	c.Child.BirthDate = optDate(e, path+`: field "child.birthDate"`, j.Child.BirthDate)
	if len(j.Keys) > 0 {
		c.Keys = append([]string(nil), j.Keys...)
	}
	for i, mj := range j.Measures {
		mp := fmt.Sprintf("%s: measures[%d] %q", path, i, mj.ID)
		n := len(e.list)
		start := optDate(e, mp+`: field "start"`, mj.Start)
		end := optDate(e, mp+`: field "end"`, mj.End)
		if mj.Start == "" {
			e.add(mp, errors.New(`field "start" is missing`))
		}
		rec := followup.Record{Case: j.ID, AssessmentEnd: optDate(e, mp+`: field "assessmentEnd"`, mj.AssessmentEnd)}
		for k, g := range mj.Exceptions {
			e.text(fmt.Sprintf("%s: exceptions[%d]", mp, k), "id", g.ID)
			e.text(fmt.Sprintf("%s: exceptions[%d]", mp, k), "approvedBy", g.ApprovedBy)
			rec.Grants = append(rec.Grants, followup.Grant{ID: g.ID, ApprovedBy: g.ApprovedBy,
				ApprovedOn: optDate(e, fmt.Sprintf(`%s: exceptions[%d]: field "approvedOn"`, mp, k), g.ApprovedOn)})
		}
		for k, h := range mj.Followups {
			hp := fmt.Sprintf(`%s: followups[%d]: field "date"`, mp, k)
			if h.Date == "" {
				e.add(hp, errors.New("missing"))
			}
			rec.Held = append(rec.Held, followup.Held{On: optDate(e, hp, h.Date), Kind: h.Kind, ChildConversation: h.ChildConversation,
				Mode: h.Mode, NotAtPlacement: h.NotAtPlacement, NoPlanReview: h.NoPlanReview})
		}
		if d := mj.Decision; d != nil {
			rec.Decision = &followup.CadenceDecision{DecidedOn: optDate(e, mp+`: field "decision.decidedOn"`, d.DecidedOn), Every: d.Every, Note: d.Note}
		}
		if len(e.list) == n {
			m, err := cat.NewMeasure(mj.ID, mj.Intervention, start, end)
			if err != nil {
				e.add(mp, err)
			}
			rec.Measure = m
		}
		c.Measures = append(c.Measures, rec)
	}
	return c
}

func toCaseJSON(c Case) (caseJSON, error) {
	j := caseJSON{ID: c.ID, Worker: c.Worker, Child: childJSON{BirthDate: dateText(c.Child.BirthDate)},
		Keys: c.Keys, Measures: make([]measureJSON, 0, len(c.Measures))}
	for i, r := range c.Measures {
		m := r.Measure
		if !m.IsValid() {
			return caseJSON{}, fmt.Errorf("case %q: measures[%d] is invalid (zero)", c.ID, i)
		}
		end, _ := m.End()
		mj := measureJSON{ID: m.ID(), Intervention: m.Intervention().Code, Start: m.Start().String(), End: dateText(end),
			AssessmentEnd: dateText(r.AssessmentEnd)}
		for _, g := range r.Grants {
			mj.Exceptions = append(mj.Exceptions, grantJSON{ID: g.ID, ApprovedBy: g.ApprovedBy, ApprovedOn: dateText(g.ApprovedOn)})
		}
		for _, h := range r.Held {
			mj.Followups = append(mj.Followups, heldJSON{Date: dateText(h.On), Kind: h.Kind, ChildConversation: h.ChildConversation,
				Mode: h.Mode, NotAtPlacement: h.NotAtPlacement, NoPlanReview: h.NoPlanReview})
		}
		if d := r.Decision; d != nil {
			mj.Decision = &decisionJSON{DecidedOn: dateText(d.DecidedOn), Every: d.Every, Note: d.Note}
		}
		j.Measures = append(j.Measures, mj)
	}
	return j, nil
}

// DecodeTeam reads a team from JSON (see the package documentation for the
// format), resolving intervention codes in cat (nil: ladder.Default()).
// Every problem is reported at once, each naming where it is, e.g.
// `cases[0] "c1": measures[0] "m1": field "start": …`; a key given twice
// or a field the format does not have is named by its JSON path, e.g.
// `cases[0].measures[0].endDate: unknown field (want one of …)`.
// DecodeTeam checks the form of the data only; Validate checks the
// caseload.
func DecodeTeam(data []byte, cat *ladder.Catalogue) (Team, error) {
	const op = "caseload.DecodeTeam"
	if cat == nil {
		cat = ladder.Default()
	}
	var j teamJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Team{}, fmt.Errorf("%s: %w: %w", op, ErrInput, err)
	}
	e := &errs{op: op}
	e.strict(data, reflect.TypeFor[teamJSON]())
	t := Team{}
	for i, wj := range j.Workers {
		t.Workers = append(t.Workers, wj.build(e, fmt.Sprintf("workers[%d] %q", i, wj.ID)))
	}
	for i, cj := range j.Cases {
		t.Cases = append(t.Cases, cj.build(e, fmt.Sprintf("cases[%d] %q", i, cj.ID), cat))
	}
	if err := e.err(); err != nil {
		return Team{}, err
	}
	return t, nil
}

// MarshalJSON writes the team in the format DecodeTeam reads.
func (t Team) MarshalJSON() ([]byte, error) {
	j := teamJSON{Workers: make([]workerJSON, 0, len(t.Workers)), Cases: make([]caseJSON, 0, len(t.Cases))}
	for _, w := range t.Workers {
		j.Workers = append(j.Workers, toWorkerJSON(w))
	}
	for _, c := range t.Cases {
		cj, err := toCaseJSON(c)
		if err != nil {
			return nil, fmt.Errorf("caseload.Team.MarshalJSON: %w", err)
		}
		j.Cases = append(j.Cases, cj)
	}
	return json.Marshal(j)
}

// UnmarshalJSON is DecodeTeam with the default catalogue; on error t is
// unchanged.
func (t *Team) UnmarshalJSON(b []byte) error {
	v, err := DecodeTeam(b, nil)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// MarshalJSON writes the worker: {"id","name","team","fte","employedSince"}.
func (w Worker) MarshalJSON() ([]byte, error) { return json.Marshal(toWorkerJSON(w)) }

// UnmarshalJSON reads what MarshalJSON writes; on error w is unchanged.
func (w *Worker) UnmarshalJSON(b []byte) error {
	const op = "caseload.Worker.UnmarshalJSON"
	var j workerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%s: %w: %w", op, ErrInput, err)
	}
	e := &errs{op: op}
	e.strict(b, reflect.TypeFor[workerJSON]())
	v := j.build(e, fmt.Sprintf("worker %q", j.ID))
	if err := e.err(); err != nil {
		return err
	}
	*w = v
	return nil
}

// MarshalJSON writes the case in the format of the package documentation.
func (c Case) MarshalJSON() ([]byte, error) {
	j, err := toCaseJSON(c)
	if err != nil {
		return nil, fmt.Errorf("caseload.Case.MarshalJSON: %w", err)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a case, resolving intervention codes in the default
// catalogue; on error c is unchanged.
func (c *Case) UnmarshalJSON(b []byte) error {
	const op = "caseload.Case.UnmarshalJSON"
	var j caseJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%s: %w: %w", op, ErrInput, err)
	}
	e := &errs{op: op}
	e.strict(b, reflect.TypeFor[caseJSON]())
	v := j.build(e, fmt.Sprintf("case %q", j.ID), ladder.Default())
	if err := e.err(); err != nil {
		return err
	}
	*c = v
	return nil
}
