// Package input decodes and validates the JSON that the examples read: a
// municipality's workers and children's cases with their measures,
// follow-ups held, approved exceptions and goals. The schedule command and
// the HTTP service share it, so both accept the same documents and reject
// bad ones with the same messages.
//
// Decode reports every problem at once as Errors; each Error names the file
// (or "request body"), the field as a JSON path, the bad value, and the case
// and measure it belongs to. The contract is documented in
// examples/schedule/README.md.
package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/jsonstrict"
	"github.com/trappe-dk/trappe/measure"
)

// Data is a validated input document.
type Data struct {
	// AsOf is the document's "asOf" date, zero if it has none.
	AsOf date.Date
	// Weeks is the document's "weeks" look-ahead, 0 if it has none.
	Weeks   int
	Workers []Worker
	Cases   []Case

	file string
	raw  []byte
}

// File returns the name the data was read from.
func (d *Data) File() string { return d.file }

// Bytes returns the document as it was read, byte for byte: what an
// answer's receipt hashes (followup.Receipt.InputSHA256). The caller must
// not modify it.
func (d *Data) Bytes() []byte { return d.raw }

// Worker is a case worker (rådgiver).
type Worker struct {
	ID   string
	Name string
	Team string
	// FTE is the worker's share of full time, in (0, 1]; 1 when not given.
	FTE float64
	// EmployedSince is zero when not given.
	EmployedSince date.Date
}

// Case is one child's case (børnesag).
type Case struct {
	ID string
	// Worker is the responsible worker's id, "" if unassigned.
	Worker string
	// BirthDate is the child's birth date, zero when not given.
	BirthDate date.Date
	// Measures holds one scheduler record per measure, in input order;
	// each Record's Held and Grants are in input order too.
	Measures []followup.Record
	// Goals are the goals of the child's plan, in input order; a goal tied
	// to an ended measure carries that measure's end as MeasureEnd.
	Goals []measure.Goal
	// Notifications are the notifications received in the case, in input
	// order (see notifications.go).
	Notifications []followup.Notification
	// YoungPersonsPlans maps a measure's id to the day its young person's
	// plan (ungeplan) was made; nil when none is recorded.
	YoungPersonsPlans map[string]date.Date
}

// Options choose what the codes of a document are checked against.
type Options struct {
	// Catalogue resolves intervention codes; nil means ladder.Default().
	Catalogue *ladder.Catalogue
	// Rules resolves exception ids and which rules they apply to; nil means
	// followup.HerningRules().
	Rules *followup.RuleSet
}

// MaxWeeks bounds the "weeks" look-ahead: ten years of 52 weeks.
const MaxWeeks = 520

// MaxDocumentBytes bounds what Decode reads.
const MaxDocumentBytes = 32 << 20

type decoder struct {
	file string
	errs Errors
	opt  Options
}

func (d *decoder) add(e *Error) {
	if len(d.errs) >= MaxErrors {
		return
	}
	e.File = d.file
	d.errs = append(d.errs, e)
}

// Decode reads one JSON document from r and validates it. file names the
// source in error messages ("sample.json", "request body"). On any problem
// it returns nil and Errors holding every problem found (at most
// MaxErrors).
func Decode(file string, r io.Reader, opt Options) (*Data, error) {
	if opt.Catalogue == nil {
		opt.Catalogue = ladder.Default()
	}
	if opt.Rules == nil {
		opt.Rules = followup.HerningRules()
	}
	d := &decoder{file: file, opt: opt}
	raw, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		d.add(&Error{Reason: "cannot read: " + err.Error()})
		return nil, d.errs
	}
	if len(raw) > MaxDocumentBytes {
		d.add(&Error{Reason: fmt.Sprintf("document is larger than %d bytes", MaxDocumentBytes)})
		return nil, d.errs
	}
	// Pass 1: syntax, one document.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		d.syntax(raw, err, dec.InputOffset())
		return nil, d.errs
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := position(raw, dec.InputOffset())
		d.add(&Error{Line: line, Column: col, Reason: "malformed JSON: more than one JSON value in the document"})
		return nil, d.errs
	}
	if _, ok := tree.(map[string]any); !ok {
		d.add(&Error{Value: describe(tree), Reason: "malformed JSON: the document must be an object with \"workers\" and \"cases\""})
		return nil, d.errs
	}
	// Pass 2: the shape, every duplicate key, unknown field and wrong type
	// at once. Decoding into a map kept the last of two equal keys.
	d.duplicates(raw)
	d.checkShape(tree, fileShape, "")
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	// Pass 3: typed decode, then the meaning of every field.
	var f fileJSON
	if err := json.Unmarshal(raw, &f); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			line, col := position(raw, te.Offset)
			d.add(&Error{Field: te.Field, Value: te.Value, Line: line, Column: col, Reason: "value out of range"})
		} else {
			d.add(&Error{Reason: "malformed JSON: " + err.Error()})
		}
		return nil, d.errs
	}
	data := d.validate(&f)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	data.raw = raw
	return data, nil
}

func (d *decoder) syntax(raw []byte, err error, off int64) {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	reason := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.EOF) {
		reason = "empty document"
	} else if errors.Is(err, io.ErrUnexpectedEOF) {
		// The decoder's offset is the start of the value it gave up on
		// (1:1 for a truncated document); the problem is where it ends.
		off = int64(len(raw))
		reason = "unexpected end of the document (is it cut short?)"
	}
	line, col := position(raw, off)
	d.add(&Error{Line: line, Column: col, Reason: "malformed JSON: " + reason})
}

// duplicates reports every key given twice in one object, with its path
// and where it is.
func (d *decoder) duplicates(raw []byte) {
	problems, _ := jsonstrict.Check(raw, nil, MaxErrors) // the syntax is checked already
	for _, p := range problems {
		line, col := position(raw, p.Offset+1)
		d.add(&Error{Field: p.Path, Line: line, Column: col,
			Reason: "duplicate key: the key is given twice in one object (keep one)"})
	}
}

// position turns a byte offset into a 1-based line and column (in bytes).
func position(raw []byte, off int64) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	if off > int64(len(raw)) {
		off = int64(len(raw))
	}
	before := raw[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1)
	if col == 0 {
		col = 1
	}
	return line, col
}

// ---- wire format ----

type fileJSON struct {
	AsOf    string       `json:"asOf"`
	Weeks   *float64     `json:"weeks"`
	Workers []workerJSON `json:"workers"`
	Cases   []caseJSON   `json:"cases"`
}

type workerJSON struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Team          string   `json:"team"`
	FTE           *float64 `json:"fte"`
	EmployedSince string   `json:"employedSince"`
}

type caseJSON struct {
	ID       string        `json:"id"`
	Worker   string        `json:"worker"`
	Child    childJSON     `json:"child"`
	Measures []measureJSON `json:"measures"`
	Goals    []goalJSON    `json:"goals"`

	Notifications []notificationJSON `json:"notifications"`
}

type childJSON struct {
	BirthDate string `json:"birthDate"`
}

type measureJSON struct {
	ID            string          `json:"id"`
	Intervention  string          `json:"intervention"`
	Start         string          `json:"start"`
	End           string          `json:"end"`
	AssessmentEnd string          `json:"assessmentEnd"`
	Exceptions    []exceptionJSON `json:"exceptions"`
	Followups     []followupJSON  `json:"followups"`
	Cadence       *cadenceJSON    `json:"decision"`

	YoungPersonsPlan string `json:"youngPersonsPlan"`
}

type exceptionJSON struct {
	ID         string `json:"id"`
	ApprovedBy string `json:"approvedBy"`
	ApprovedOn string `json:"approvedOn"`
}

type followupJSON struct {
	Date              string `json:"date"`
	ChildConversation bool   `json:"childConversation"`
	Mode              string `json:"mode"`
	Kind              string `json:"kind"`
	NotAtPlacement    bool   `json:"notAtPlacement"`
	NoPlanReview      bool   `json:"noPlanReview"`
}

type cadenceJSON struct {
	DecidedOn string `json:"decidedOn"`
	Every     string `json:"every"`
	Note      string `json:"note"`
}

type indicatorJSON struct {
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	Baseline float64  `json:"baseline"`
	Target   float64  `json:"target"`
	Scale    *scaleJS `json:"scale"`
}

type scaleJS struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

type acceptanceJSON struct {
	Accepted   bool   `json:"accepted"`
	RecordedOn string `json:"recordedOn"`
	How        string `json:"how"`
	Attractive string `json:"attractive"`
}

type subGoalJSON struct {
	ID        string         `json:"id"`
	What      string         `json:"what"`
	Indicator *indicatorJSON `json:"indicator"`
	Criteria  []string       `json:"criteria"`
	Due       string         `json:"due"`
	Met       string         `json:"met"`
}

type goalJSON struct {
	ID         string          `json:"id"`
	What       string          `json:"what"`
	Who        []string        `json:"who"`
	Indicator  *indicatorJSON  `json:"indicator"`
	Criteria   []string        `json:"criteria"`
	Due        string          `json:"due"`
	Met        string          `json:"met"`
	Measure    string          `json:"measure"`
	PlanFrom   string          `json:"planFrom"`
	PlanTo     string          `json:"planTo"`
	Acceptance *acceptanceJSON `json:"acceptance"`
	SubGoals   []subGoalJSON   `json:"subGoals"`
}

// ---- meaning ----

// at is the location of a field: its path and the case and measure ids.
type at struct {
	path, caseID, measure string
}

func (a at) field(name string) at { a.path = join(a.path, name); return a }
func (a at) index(name string, i int) at {
	a.path = join(a.path, name) + "[" + strconv.Itoa(i) + "]"
	return a
}

func (d *decoder) bad(a at, value, reason string) {
	d.add(&Error{Field: a.path, Value: value, Case: a.caseID, Measure: a.measure, Reason: reason})
}

// date parses a required (req) or optional date strictly.
func (d *decoder) date(a at, s string, req bool) date.Date {
	if s == "" {
		if req {
			d.bad(a, "", "missing: give a date as YYYY-MM-DD")
		}
		return 0
	}
	v, err := ladder.ParseDate(s)
	if err != nil {
		d.bad(a, quote(s), DateReason(err))
		return 0
	}
	return v
}

// DateReason is the reason for a date ladder.ParseDate rejected: out of
// range (the zero date 0001-01-01 among them), or not a date at all.
func DateReason(err error) string {
	if errors.Is(err, ladder.ErrDateRange) {
		return "outside the supported dates 1900-01-01 to 2199-12-31"
	}
	return "not an existing date as YYYY-MM-DD"
}

// unsafeReason says why an id or a name with a character that
// ladder.UnsafeRune rejects is bad input, naming the character, or returns
// "" for a safe one.
func unsafeReason(s string) string {
	for _, r := range s {
		if ladder.UnsafeRune(r) {
			return fmt.Sprintf("holds a control or bidirectional formatting character (U+%04X), which could forge or reorder lines where it is printed", r)
		}
	}
	return ""
}

// name reports an id or a name holding an unsafe character.
func (d *decoder) name(a at, s string) {
	if r := unsafeReason(s); r != "" {
		d.bad(a, quote(s), r)
	}
}

func (d *decoder) id(a at, s, what string) string {
	switch {
	case strings.TrimSpace(s) == "":
		d.bad(a, quote(s), "missing: every "+what+" needs an id")
	case len(s) > 128:
		d.bad(a, quote(s), "id is longer than 128 bytes")
	default:
		d.name(a, s)
	}
	return s
}

func (d *decoder) validate(f *fileJSON) *Data {
	data := &Data{file: d.file}
	data.AsOf = d.date(at{path: "asOf"}, f.AsOf, false)
	if f.Weeks != nil {
		w := *f.Weeks
		if w != math.Trunc(w) || w < 1 || w > MaxWeeks {
			d.bad(at{path: "weeks"}, strconv.FormatFloat(w, 'g', -1, 64), fmt.Sprintf("want a whole number of weeks from 1 to %d", MaxWeeks))
		} else {
			data.Weeks = int(w)
		}
	}

	workers := map[string]bool{}
	for i, w := range f.Workers {
		a := at{}.index("workers", i)
		id := d.id(a.field("id"), w.ID, "worker")
		if id != "" && workers[id] {
			d.bad(a.field("id"), quote(id), "duplicate worker id")
		}
		workers[id] = true
		fte := 1.0
		if w.FTE != nil {
			fte = *w.FTE
			if math.IsNaN(fte) || fte <= 0 || fte > 1 {
				d.bad(a.field("fte"), strconv.FormatFloat(fte, 'g', -1, 64), "want a share of full time above 0 and at most 1")
			}
		}
		d.name(a.field("name"), w.Name)
		d.name(a.field("team"), w.Team)
		data.Workers = append(data.Workers, Worker{ID: id, Name: w.Name, Team: w.Team, FTE: fte,
			EmployedSince: d.date(a.field("employedSince"), w.EmployedSince, false)})
	}

	cases := map[string]bool{}
	for i := range f.Cases {
		c := &f.Cases[i]
		a := at{caseID: c.ID}.index("cases", i)
		id := d.id(a.field("id"), c.ID, "case")
		if id != "" && cases[id] {
			d.bad(a.field("id"), quote(id), "duplicate case id")
		}
		cases[id] = true
		d.name(a.field("worker"), c.Worker)
		if c.Worker != "" && len(f.Workers) > 0 && !workers[c.Worker] {
			d.bad(a.field("worker"), quote(c.Worker), "no worker with this id in \"workers\"")
		}
		data.Cases = append(data.Cases, d.caseOf(a, c))
	}
	return data
}

func (d *decoder) caseOf(a at, c *caseJSON) Case {
	out := Case{ID: c.ID, Worker: c.Worker}
	out.BirthDate = d.date(a.field("child").field("birthDate"), c.Child.BirthDate, false)
	ids := map[string]int{}
	for j := range c.Measures {
		mj := &c.Measures[j]
		ma := a.index("measures", j)
		ma.measure = mj.ID
		if _, dup := ids[mj.ID]; dup && mj.ID != "" {
			d.bad(ma.field("id"), quote(mj.ID), "duplicate measure id in the case")
		}
		ids[mj.ID] = j
		rec, ok := d.measureOf(ma, c.ID, mj)
		if ok && out.BirthDate != 0 && rec.Measure.Start() < out.BirthDate {
			d.bad(ma.field("start"), quote(mj.Start), "before the child's birth date "+out.BirthDate.String())
		}
		out.Measures = append(out.Measures, rec)
	}
	goals := map[string]bool{}
	for k := range c.Goals {
		g := &c.Goals[k]
		ga := a.index("goals", k)
		ga.measure = g.Measure
		if g.ID != "" && goals[g.ID] {
			d.bad(ga.field("id"), quote(g.ID), "duplicate goal id in the case")
		}
		goals[g.ID] = true
		var end date.Date
		if g.Measure != "" {
			j, ok := ids[g.Measure]
			if !ok {
				d.bad(ga.field("measure"), quote(g.Measure), "no measure with this id in the case")
			} else if m := out.Measures[j].Measure; m.IsValid() {
				end, _ = m.End()
			}
		}
		out.Goals = append(out.Goals, d.goalOf(ga, g, end))
	}
	d.intakeOf(a, c, &out)
	return out
}

// measureOf validates one measure; ok is false when the measure itself
// could not be built.
func (d *decoder) measureOf(a at, caseID string, m *measureJSON) (followup.Record, bool) {
	rec := followup.Record{Case: caseID}
	d.id(a.field("id"), m.ID, "measure")
	iv, known := d.opt.Catalogue.Get(m.Intervention)
	if !known {
		reason := "unknown intervention code (see ladder.Default(): e.g. doegninstitution, plejefamilie, familiebehandling)"
		if m.Intervention == "" {
			reason = "missing: give an intervention code"
		}
		d.bad(a.field("intervention"), quote(m.Intervention), reason)
	}
	start := d.date(a.field("start"), m.Start, true)
	end := d.date(a.field("end"), m.End, false)
	if start != 0 && end != 0 && end < start {
		d.bad(a.field("end"), quote(m.End), "the measure ends before it starts ("+start.String()+")")
		end = 0
	}
	ok := known && start != 0 && m.ID != "" && len(m.ID) <= 128 && unsafeReason(m.ID) == ""
	if ok {
		lm, err := ladder.NewMeasure(m.ID, iv, start, end)
		if err != nil { // every cause is checked above; keep the library's word
			d.bad(a, "", err.Error())
			ok = false
		}
		rec.Measure = lm
	}
	if ae := d.date(a.field("assessmentEnd"), m.AssessmentEnd, false); ae != 0 {
		if start != 0 && ae < start {
			d.bad(a.field("assessmentEnd"), quote(m.AssessmentEnd), "before the measure's start "+start.String())
		}
		rec.AssessmentEnd = ae
	}

	seen := map[string]bool{}
	for k, x := range m.Exceptions {
		xa := a.index("exceptions", k)
		e, found := d.opt.Rules.Exception(x.ID)
		switch {
		case x.ID == "":
			d.bad(xa.field("id"), quote(x.ID), "missing: give an exception id (X-BARNDOM, X-FJERN or X-EFTERSKOLE)")
		case !found:
			d.bad(xa.field("id"), quote(x.ID), "unknown exception (want one of "+exceptionIDs(d.opt.Rules)+")")
		case seen[x.ID]:
			d.bad(xa.field("id"), quote(x.ID), "exception recorded twice on the measure")
		case known && !slices.Contains(e.AppliesTo(), boundRule(d.opt.Rules, iv.Code)):
			rule := boundRule(d.opt.Rules, iv.Code)
			if rule == "" {
				rule = "none"
			}
			d.bad(xa.field("id"), quote(x.ID), fmt.Sprintf("does not apply to intervention %q (rule %s); it applies to %s", iv.Code, rule, strings.Join(e.AppliesTo(), ", ")))
		}
		seen[x.ID] = true
		if strings.TrimSpace(x.ApprovedBy) == "" {
			d.bad(xa.field("approvedBy"), quote(x.ApprovedBy), "missing: an exception needs the team leader's approval (who)")
		}
		d.name(xa.field("approvedBy"), x.ApprovedBy)
		on := d.date(xa.field("approvedOn"), x.ApprovedOn, true)
		rec.Grants = append(rec.Grants, followup.Grant{ID: x.ID, ApprovedBy: x.ApprovedBy, ApprovedOn: on})
	}

	for k, h := range m.Followups {
		ha := a.index("followups", k)
		on := d.date(ha.field("date"), h.Date, true)
		switch {
		case on == 0:
		case start != 0 && on < start:
			d.bad(ha.field("date"), quote(h.Date), "before the measure's start "+start.String())
		case end != 0 && on > end:
			d.bad(ha.field("date"), quote(h.Date), "after the measure's end "+end.String())
		}
		held := followup.Held{On: on, ChildConversation: h.ChildConversation, NotAtPlacement: h.NotAtPlacement, NoPlanReview: h.NoPlanReview}
		if h.Mode != "" {
			md, err := followup.ParseMode(h.Mode)
			if err != nil {
				d.bad(ha.field("mode"), quote(h.Mode), "unknown mode (want in-person, phone or mail)")
			}
			held.Mode = md
		}
		if h.Kind != "" {
			k, err := followup.ParseKind(h.Kind)
			if err != nil || !(k.IsMeeting() || k == followup.StatusReport) {
				d.bad(ha.field("kind"), quote(h.Kind), "want followup, status, supervision-visit or status-report")
			}
			held.Kind = k
		}
		rec.Held = append(rec.Held, held)
	}

	if c := m.Cadence; c != nil {
		ca := a.field("decision")
		every, err := followup.ParseSpan(c.Every)
		if err != nil || every.IsZero() {
			d.bad(ca.field("every"), quote(c.Every), "want a positive ISO 8601 period of whole days, weeks, months or years, e.g. P3M")
		}
		on := d.date(ca.field("decidedOn"), c.DecidedOn, false)
		if on != 0 && start != 0 && on < start {
			d.bad(ca.field("decidedOn"), quote(c.DecidedOn), "before the measure's start "+start.String())
		}
		rec.Decision = &followup.CadenceDecision{DecidedOn: on, Every: every, Note: c.Note}
	}
	return rec, ok
}

func (d *decoder) indicatorOf(a at, in *indicatorJSON) measure.Indicator {
	if in == nil {
		return measure.Indicator{}
	}
	d.name(a.field("name"), in.Name)
	d.name(a.field("unit"), in.Unit)
	out := measure.Indicator{Name: in.Name, Unit: in.Unit, Baseline: in.Baseline, Target: in.Target}
	if in.Scale != nil {
		out.Scale = measure.Scale{Min: in.Scale.Min, Max: in.Scale.Max}
	}
	return out
}

func (d *decoder) goalOf(a at, g *goalJSON, measureEnd date.Date) measure.Goal {
	d.name(a.field("id"), g.ID)
	for i, w := range g.Who {
		d.name(a.index("who", i), w)
	}
	out := measure.Goal{
		ID: g.ID, What: g.What, Who: g.Who, Criteria: g.Criteria, MeasureID: g.Measure, MeasureEnd: measureEnd,
		Indicator: d.indicatorOf(a.field("indicator"), g.Indicator),
		Due:       d.date(a.field("due"), g.Due, false),
		Met:       d.date(a.field("met"), g.Met, false),
		PlanFrom:  d.date(a.field("planFrom"), g.PlanFrom, false),
		PlanTo:    d.date(a.field("planTo"), g.PlanTo, false),
	}
	if acc := g.Acceptance; acc != nil {
		aa := a.field("acceptance")
		ans, err := measure.ParseAnswer(acc.Attractive)
		if err != nil {
			d.bad(aa.field("attractive"), quote(acc.Attractive), "want \"ja\", \"nej\" or \"ikke-besvaret\"")
		}
		out.Acceptance = measure.Acceptance{Accepted: acc.Accepted, How: acc.How, Attractive: ans,
			RecordedOn: d.date(aa.field("recordedOn"), acc.RecordedOn, false)}
	}
	for k, s := range g.SubGoals {
		sa := a.index("subGoals", k)
		d.name(sa.field("id"), s.ID)
		out.SubGoals = append(out.SubGoals, measure.SubGoal{ID: s.ID, What: s.What, Criteria: s.Criteria,
			Indicator: d.indicatorOf(sa.field("indicator"), s.Indicator),
			Due:       d.date(sa.field("due"), s.Due, false),
			Met:       d.date(sa.field("met"), s.Met, false)})
	}
	return out
}

func exceptionIDs(rs *followup.RuleSet) string {
	var ids []string
	for _, e := range rs.Exceptions() {
		ids = append(ids, e.ID)
	}
	return strings.Join(ids, ", ")
}

// CheckAsOf reports what in the data cannot be true on the as-of date: a
// follow-up held after it, an exception approved after it, a worker employed
// after it, a child born after it. The schedule needs these checked before
// it runs, and the as-of date may come from outside the document.
func (d *Data) CheckAsOf(asOf date.Date) error {
	dec := &decoder{file: d.file}
	after := func(a at, v date.Date) {
		if v != 0 && v > asOf {
			dec.bad(a, quote(v.String()), "after the as-of date "+asOf.String())
		}
	}
	for i, w := range d.Workers {
		after(at{}.index("workers", i).field("employedSince"), w.EmployedSince)
	}
	for i, c := range d.Cases {
		a := at{caseID: c.ID}.index("cases", i)
		after(a.field("child").field("birthDate"), c.BirthDate)
		for j, rec := range c.Measures {
			ma := a.index("measures", j)
			ma.measure = rec.Measure.ID()
			for k, h := range rec.Held {
				after(ma.index("followups", k).field("date"), h.On)
			}
			for k, g := range rec.Grants {
				after(ma.index("exceptions", k).field("approvedOn"), g.ApprovedOn)
			}
			after(ma.field("youngPersonsPlan"), c.YoungPersonsPlans[rec.Measure.ID()])
		}
		dec.notificationsAfter(a, c, asOf)
	}
	if len(dec.errs) > 0 {
		return dec.errs
	}
	return nil
}

// Worker returns the worker with the given id.
func (d *Data) Worker(id string) (Worker, bool) {
	for _, w := range d.Workers {
		if w.ID == id {
			return w, true
		}
	}
	return Worker{}, false
}

// boundRule is the id of the rule the municipal set binds code to, or "".
func boundRule(rs *followup.RuleSet, code string) string {
	if r, ok := rs.RuleFor(code); ok {
		return r.ID
	}
	return ""
}
