package ladder

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"
)

// Measure is one intervention given to one child (an indsats or
// foranstaltning) over a span of days: its id, its intervention, the first
// day it is in effect and, optionally, the last.
//
// End is inclusive: a measure with End 30 June is in effect on 30 June and
// not on 1 July. A zero End means the measure is open (not ended). Build a
// Measure with NewMeasure or Catalogue.NewMeasure; the zero value has no
// intervention and is not valid.
type Measure struct {
	id    string
	iv    Intervention
	start date.Date
	end   date.Date // zero: open
}

// NewMeasure validates and returns a measure. The id must be non-empty, at
// most 128 bytes and safe to print (CheckText); iv must be a valid
// intervention; start must lie in MinDate–MaxDate; end is zero (open) or
// in MinDate–MaxDate and on or after start. A date out of range is an
// error wrapping ErrDateRange that names the measure and the field.
func NewMeasure(id string, iv Intervention, start, end date.Date) (Measure, error) {
	return newMeasure("ladder.NewMeasure", id, iv, start, end)
}

// NewMeasure looks the intervention code up in c and returns the measure.
func (c *Catalogue) NewMeasure(id, code string, start, end date.Date) (Measure, error) {
	iv, ok := c.Get(code)
	if !ok {
		return Measure{}, fmt.Errorf("ladder.Catalogue.NewMeasure: measure %q: %w %q", id, ErrUnknownIntervention, code)
	}
	return newMeasure("ladder.Catalogue.NewMeasure", id, iv, start, end)
}

func newMeasure(op, id string, iv Intervention, start, end date.Date) (Measure, error) {
	var errs []error
	if id == "" {
		errs = append(errs, fmt.Errorf("%s: empty measure id", op))
	} else if len(id) > 128 {
		errs = append(errs, fmt.Errorf("%s: measure id %.20q… is longer than 128 bytes", op, id))
	} else if err := CheckText(op, "id", id); err != nil {
		errs = append(errs, err)
	}
	if err := iv.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("%s: measure %q: invalid intervention %s: %w", op, id, iv, err))
	}
	where := fmt.Sprintf("%s: measure %q", op, id)
	if err := CheckDate(where, "start", start); err != nil {
		errs = append(errs, err)
	}
	if end != 0 { // zero: open
		if err := CheckDate(where, "end", end); err != nil {
			errs = append(errs, err)
		} else if end < start {
			errs = append(errs, fmt.Errorf("%s: measure %q: end %s is before start %s", op, id, end, start))
		}
	}
	if len(errs) > 0 {
		return Measure{}, errors.Join(errs...)
	}
	return Measure{id: id, iv: iv, start: start, end: end}, nil
}

// ID returns the measure's id.
func (m Measure) ID() string { return m.id }

// Intervention returns the measure's intervention.
func (m Measure) Intervention() Intervention { return m.iv }

// Step returns the intervention's step.
func (m Measure) Step() Step { return m.iv.Step }

// Start returns the first day the measure is in effect.
func (m Measure) Start() date.Date { return m.start }

// End returns the last day the measure is in effect and true, or the zero
// date and false for an open measure.
func (m Measure) End() (date.Date, bool) { return m.end, m.end != 0 }

// IsValid reports whether m was built by a constructor.
func (m Measure) IsValid() bool { return m.id != "" && m.start != 0 && m.iv.Code != "" }

// ActiveOn reports whether the measure is in effect on d (start ≤ d ≤ end).
func (m Measure) ActiveOn(d date.Date) bool {
	return m.IsValid() && d >= m.start && (m.end == 0 || d <= m.end)
}

// Overlaps reports whether the measure is in effect on any day of [from, to].
func (m Measure) Overlaps(from, to date.Date) bool {
	return m.IsValid() && m.start <= to && (m.end == 0 || m.end >= from) && from <= to
}

// DaysIn returns how many days of [from, to] (both inclusive) the measure is
// in effect; 0 if it does not overlap or to < from. A measure is never in
// effect outside MinDate–MaxDate, so from and to are first clamped to that
// range: the count is at most 109,573 and never overflows, whatever dates
// are given.
func (m Measure) DaysIn(from, to date.Date) int {
	if to < from || to < MinDate || from > MaxDate {
		return 0
	}
	from, to = clampDate(from), clampDate(to)
	if !m.Overlaps(from, to) {
		return 0
	}
	lo, hi := max(from, m.start), to
	if m.end != 0 && m.end < hi {
		hi = m.end
	}
	return int(hi-lo) + 1
}

// WithEnd returns a copy of m ending on end (zero reopens it); m is unchanged.
func (m Measure) WithEnd(end date.Date) (Measure, error) {
	return newMeasure("ladder.Measure.WithEnd", m.id, m.iv, m.start, end)
}

// String renders "id (code, start–end)".
func (m Measure) String() string {
	if !m.IsValid() {
		return "ladder.Measure(<invalid>)"
	}
	end := "open"
	if m.end != 0 {
		end = m.end.String()
	}
	return fmt.Sprintf("%s (%s, %s–%s)", m.id, m.iv.Code, m.start, end)
}

type measureJSON struct {
	ID           string `json:"id"`
	Intervention string `json:"intervention"`
	Start        string `json:"start"`
	End          string `json:"end,omitempty"`
}

// MarshalJSON writes {"id","intervention","start","end"} with ISO dates;
// "end" is left out for an open measure.
func (m Measure) MarshalJSON() ([]byte, error) {
	if !m.IsValid() {
		return nil, errors.New("ladder.Measure.MarshalJSON: invalid (zero) measure")
	}
	j := measureJSON{ID: m.id, Intervention: m.iv.Code, Start: m.start.String()}
	if m.end != 0 {
		j.End = m.end.String()
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, resolving the intervention in
// the Default catalogue (the error says so when the code is not there) and
// validating like NewMeasure. A vendor with codes of its own decodes with
// Catalogue.DecodeMeasure instead. On error m is unchanged. JSON null leaves
// m unchanged, as encoding/json does for other types.
func (m *Measure) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	v, err := decodeMeasure("ladder.Measure.UnmarshalJSON", b, Default(), "the Default catalogue; decode with Catalogue.DecodeMeasure for a vendor's own codes")
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// decodeMeasure reads a measure's JSON, resolving its intervention in cat;
// catName says which catalogue in an error.
func decodeMeasure(op string, b []byte, cat *Catalogue, catName string) (Measure, error) {
	var j measureJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return Measure{}, fmt.Errorf("%s: %w", op, err)
	}
	iv, ok := cat.Get(j.Intervention)
	if !ok {
		return Measure{}, fmt.Errorf("%s: measure %q: field \"intervention\": %w %q in %s", op, j.ID, ErrUnknownIntervention, j.Intervention, catName)
	}
	start, err := ParseDate(j.Start)
	if err != nil {
		return Measure{}, fmt.Errorf("%s: measure %q: field \"start\": %w", op, j.ID, err)
	}
	var end date.Date
	if j.End != "" {
		if end, err = ParseDate(j.End); err != nil {
			return Measure{}, fmt.Errorf("%s: measure %q: field \"end\": %w", op, j.ID, err)
		}
	}
	return newMeasure(op, j.ID, iv, start, end)
}

// ParseDate parses an ISO 8601 calendar date "YYYY-MM-DD" strictly: unlike
// date.ParseISO it rejects dates that do not exist ("2023-02-30") by
// requiring the result to format back to the input, and dates outside
// MinDate–MaxDate, among them "0001-01-01", the zero date that callers
// read as "not given" (that error wraps ErrDateRange). A nil error means
// the date is real and in range.
func ParseDate(s string) (date.Date, error) {
	d, err := date.ParseISO(s)
	if err != nil || len(s) != 10 || d.String() != s {
		return 0, fmt.Errorf("ladder.ParseDate: invalid date %q (want an existing date as YYYY-MM-DD)", s)
	}
	if !InDateRange(d) {
		return 0, fmt.Errorf("ladder.ParseDate: invalid date %q: %w", s, ErrDateRange)
	}
	return d, nil
}

// MustParseDate is ParseDate for tests and literals; it panics on error.
func MustParseDate(s string) date.Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
