package followup

// The wire format of what a vendor stores or sends: held follow-ups,
// approved exceptions, records, items and plans. Names are lowerCamelCase
// and one per concept across the packages ("followups", "exceptions",
// "decision", "measure"); codes are the stable codes of the enums; dates
// are "YYYY-MM-DD" and read strictly (an existing date in 1900–2199).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// strictDecoder decodes b into v, refusing unknown fields.
func strictDecode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// dateJSON parses an optional strict date field.
func dateJSON(op, field, s string) (date.Date, error) {
	if s == "" {
		return 0, nil
	}
	d, err := ladder.ParseDate(s)
	if err != nil {
		return 0, fmt.Errorf("%s: field %q: %w", op, field, err)
	}
	return d, nil
}

func dateText(d date.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

type heldJSON struct {
	Date              string `json:"date"`
	Kind              Kind   `json:"kind,omitzero"`
	ChildConversation bool   `json:"childConversation"`
	Mode              Mode   `json:"mode,omitzero"`
	NotAtPlacement    bool   `json:"notAtPlacement,omitempty"`
	NoPlanReview      bool   `json:"noPlanReview,omitempty"`
}

// MarshalJSON writes the held follow-up; the zero value writes an empty
// date.
func (h Held) MarshalJSON() ([]byte, error) {
	return json.Marshal(heldJSON{dateText(h.On), h.Kind, h.ChildConversation, h.Mode, h.NotAtPlacement, h.NoPlanReview})
}

// UnmarshalJSON reads a held follow-up strictly; on error h is unchanged.
func (h *Held) UnmarshalJSON(b []byte) error {
	const op = "followup.Held.UnmarshalJSON"
	var j heldJSON
	if err := strictDecode(b, &j); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	on, err := dateJSON(op, "date", j.Date)
	if err != nil {
		return err
	}
	*h = Held{On: on, Kind: j.Kind, ChildConversation: j.ChildConversation, Mode: j.Mode, NotAtPlacement: j.NotAtPlacement, NoPlanReview: j.NoPlanReview}
	return nil
}

type grantJSON struct {
	ID         string `json:"id"`
	ApprovedBy string `json:"approvedBy"`
	ApprovedOn string `json:"approvedOn"`
}

// MarshalJSON writes the grant.
func (g Grant) MarshalJSON() ([]byte, error) {
	return json.Marshal(grantJSON{g.ID, g.ApprovedBy, dateText(g.ApprovedOn)})
}

// UnmarshalJSON reads a grant strictly; on error g is unchanged.
func (g *Grant) UnmarshalJSON(b []byte) error {
	const op = "followup.Grant.UnmarshalJSON"
	var j grantJSON
	if err := strictDecode(b, &j); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	on, err := dateJSON(op, "approvedOn", j.ApprovedOn)
	if err != nil {
		return err
	}
	*g = Grant{ID: j.ID, ApprovedBy: j.ApprovedBy, ApprovedOn: on}
	return nil
}

// MarshalJSON writes the decision (a zero DecidedOn is left out).
func (d CadenceDecision) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		DecidedOn string `json:"decidedOn,omitempty"`
		Every     Span   `json:"every"`
		Source    string `json:"source,omitempty"`
		Note      string `json:"note,omitempty"`
	}{dateText(d.DecidedOn), d.Every, d.Source, d.Note})
}

type recordJSON struct {
	Case          string           `json:"case"`
	Measure       json.RawMessage  `json:"measure"`
	Followups     []Held           `json:"followups,omitempty"`
	Exceptions    []Grant          `json:"exceptions,omitempty"`
	Decision      *CadenceDecision `json:"decision,omitempty"`
	AssessmentEnd string           `json:"assessmentEnd,omitempty"`
}

// MarshalJSON writes the record: "case", "measure" (as ladder.Measure
// writes it), "followups", "exceptions", "decision", "assessmentEnd". A
// record with a zero measure is an error.
func (r Record) MarshalJSON() ([]byte, error) {
	m, err := json.Marshal(r.Measure)
	if err != nil {
		return nil, fmt.Errorf("followup.Record.MarshalJSON: case %q: %w", r.Case, err)
	}
	return json.Marshal(recordJSON{r.Case, m, r.Held, r.Grants, r.Decision, dateText(r.AssessmentEnd)})
}

// UnmarshalJSON reads a record, resolving its intervention in the Default
// catalogue (DecodeRecord takes a vendor's); on error r is unchanged.
func (r *Record) UnmarshalJSON(b []byte) error {
	v, err := DecodeRecord(b, ladder.Default())
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// DecodeRecord reads a record's JSON, resolving its intervention code in
// cat (a vendor's catalogue; nothing is looked up in ladder.Default()
// behind the caller's back).
func DecodeRecord(b []byte, cat *ladder.Catalogue) (Record, error) {
	const op = "followup.DecodeRecord"
	var j recordJSON
	if err := strictDecode(b, &j); err != nil {
		return Record{}, fmt.Errorf("%s: %w", op, err)
	}
	m, err := cat.DecodeMeasure(j.Measure)
	if err != nil {
		return Record{}, fmt.Errorf("%s: case %q: field \"measure\": %w", op, j.Case, err)
	}
	ae, err := dateJSON(op, "assessmentEnd", j.AssessmentEnd)
	if err != nil {
		return Record{}, err
	}
	return Record{Case: j.Case, Measure: m, Held: j.Followups, Grants: j.Exceptions, Decision: j.Decision, AssessmentEnd: ae}, nil
}

// clone is a deep copy of the record's slices and decision.
func (r Record) clone() Record {
	r.Held, r.Grants = slices.Clone(r.Held), slices.Clone(r.Grants)
	if r.Decision != nil {
		d := *r.Decision
		r.Decision = &d
	}
	return r
}

// itemJSON is an item on the wire: its data, what it satisfies and why.
type itemJSON struct {
	Case              string      `json:"case"`
	Measure           string      `json:"measure"`
	Due               string      `json:"due"`
	WorkingDay        string      `json:"workingDay"`
	Kind              string      `json:"kind"`
	Statutory         bool        `json:"statutory"`
	ChildConversation string      `json:"childConversation,omitempty"`
	Modes             []string    `json:"modes"`
	Status            string      `json:"status"`
	DaysLate          int         `json:"daysLate"`
	Held              *Held       `json:"held,omitempty"`
	Rules             []string    `json:"rules"`
	Participants      []string    `json:"participants,omitempty"`
	Place             string      `json:"place,omitempty"`
	Decides           []Decision  `json:"decides,omitempty"`
	Why               Explanation `json:"why"`
}

// MarshalJSON writes the item with its rules, its reasons and relaxations
// (as data and rendered), and the follow-up that satisfied it. The zero
// Item writes empty codes and no reasons.
func (it Item) MarshalJSON() ([]byte, error) {
	j := itemJSON{Case: it.Case, Measure: it.Measure, Due: dateText(it.Due), WorkingDay: dateText(it.WorkingDay),
		Statutory: it.Statutory, DaysLate: it.DaysLate(), Rules: it.Rules(), Participants: it.Participants(),
		Place: it.Place(), Decides: it.Decides(), Why: it.Why(), Modes: []string{}}
	if it.Kind.IsValid() {
		j.Kind = it.Kind.String()
	}
	if it.ChildConversation.IsValid() {
		j.ChildConversation = it.ChildConversation.String()
	}
	for _, m := range it.Modes.List() {
		j.Modes = append(j.Modes, m.String())
	}
	if it.Status.IsValid() {
		j.Status = it.Status.String()
	}
	if h, ok := it.Held(); ok {
		j.Held = &h
	}
	if j.Rules == nil {
		j.Rules = []string{}
	}
	if j.Why.Reasons == nil {
		j.Why.Reasons = []Reason{} // never null: the zero Item has no reasons
	}
	return json.Marshal(j)
}

type planJSON struct {
	Case     string          `json:"case"`
	Measure  string          `json:"measure"`
	AsOf     string          `json:"asOf"`
	Until    string          `json:"until"`
	Calendar calendarJSON    `json:"calendar"`
	Record   json.RawMessage `json:"record"`
	Items    []Item          `json:"items"`
	Extra    []Held          `json:"extra,omitempty"`
	Findings finding.List    `json:"findings,omitempty"`
}

type calendarJSON struct {
	Holidays    string   `json:"holidays"`
	Closed24Dec bool     `json:"closed24Dec"`
	Closed31Dec bool     `json:"closed31Dec"`
	ExtraClosed []string `json:"extraClosed,omitempty"`
}

// MarshalJSON writes the plan: its case and measure, as-of date and
// horizon, the calendar it used, the record it was scheduled from, its
// items, the extra follow-ups no item took, and its findings. Read it back
// with Regime.DecodePlan, which schedules the record again and checks that
// the answer is the same. The zero Plan is an error (it has no record).
func (p Plan) MarshalJSON() ([]byte, error) {
	if p.ctx == nil {
		return nil, fmt.Errorf("followup.Plan.MarshalJSON: the zero Plan has no record; build plans with Regime.Schedule")
	}
	rec, err := json.Marshal(p.ctx.rec)
	if err != nil {
		return nil, fmt.Errorf("followup.Plan.MarshalJSON: %w", err)
	}
	o := p.ctx.cal.Options()
	cj := calendarJSON{Holidays: "dk", Closed24Dec: o.ChristmasEveClosed, Closed31Dec: o.NewYearsEveClosed}
	for _, d := range o.ExtraClosed {
		cj.ExtraClosed = append(cj.ExtraClosed, d.String())
	}
	items := p.items
	if items == nil {
		items = []Item{}
	}
	return json.Marshal(planJSON{Case: p.caseID, Measure: p.measure, AsOf: p.asOf.String(), Until: p.until.String(), Calendar: cj,
		Record: rec, Items: items, Extra: p.extra, Findings: p.Findings()})
}

// DecodePlan reads a stored plan (as Plan.MarshalJSON writes it): it reads
// the record with the vendor's catalogue cat (nil: ladder.Default()),
// schedules it again under this regime with the stored as-of date,
// horizon and calendar, and returns the plan if it gives the same answer —
// else an error, because the rules or the law changed since it was stored.
func (r *Regime) DecodePlan(b []byte, cat *ladder.Catalogue) (Plan, error) {
	const op = "followup.Regime.DecodePlan"
	if cat == nil {
		cat = ladder.Default()
	}
	var j struct {
		planJSON
		Items    json.RawMessage `json:"items"`
		Extra    json.RawMessage `json:"extra"`
		Findings json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return Plan{}, fmt.Errorf("%s: %w", op, err)
	}
	rec, err := DecodeRecord(j.Record, cat)
	if err != nil {
		return Plan{}, fmt.Errorf("%s: field \"record\": %w", op, err)
	}
	asOf, err := dateJSON(op, "asOf", j.AsOf)
	if err != nil {
		return Plan{}, err
	}
	until, err := dateJSON(op, "until", j.Until)
	if err != nil {
		return Plan{}, err
	}
	opts := workday.Options{ChristmasEveClosed: j.Calendar.Closed24Dec, NewYearsEveClosed: j.Calendar.Closed31Dec}
	for i, s := range j.Calendar.ExtraClosed {
		d, err := dateJSON(op, fmt.Sprintf("calendar.extraClosed[%d]", i), s)
		if err != nil {
			return Plan{}, err
		}
		opts.ExtraClosed = append(opts.ExtraClosed, d)
	}
	cal, err := workday.New(opts)
	if err != nil {
		return Plan{}, fmt.Errorf("%s: field \"calendar\": %w", op, err)
	}
	p, err := r.Schedule(rec, Options{AsOf: asOf, Until: until, Calendar: cal})
	if err != nil {
		return Plan{}, fmt.Errorf("%s: %w", op, err)
	}
	again, err := json.Marshal(p)
	if err != nil {
		return Plan{}, fmt.Errorf("%s: %w", op, err)
	}
	if !jsonEqual(b, again) {
		return Plan{}, fmt.Errorf("%s: %w: case %q, measure %q: the plan does not replay under this regime (its rules, law or calendar differ from those it was made with)", op, ErrInput, j.Case, j.Measure)
	}
	return p, nil
}

// Equal reports whether two plans are the same answer: the same JSON.
func (p Plan) Equal(q Plan) bool {
	a, err1 := json.Marshal(p)
	b, err2 := json.Marshal(q)
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// jsonEqual compares two JSON documents by their compact form.
func jsonEqual(a, b []byte) bool {
	var x, y bytes.Buffer
	if json.Compact(&x, a) != nil || json.Compact(&y, b) != nil {
		return false
	}
	return bytes.Equal(x.Bytes(), y.Bytes())
}
