package caseload

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// TransferOutcome is what happens to a case when the citizen moves to
// another district. The zero value is not a valid outcome.
type TransferOutcome uint8

const (
	// Moves: the case moves with the citizen to the new district.
	Moves TransferOutcome = 1 + iota
	// Stays: the case stays with its district and worker (a placement or
	// aftercare case).
	Stays
	// Unclear: the input does not settle it; the team leader clarifies it
	// in the team leaders' forum (Kompendium s. 36).
	Unclear
)

var outcomeCodes = [...]string{Moves: "moves", Stays: "stays", Unclear: "unclear"}
var outcomeDa = [...]string{Moves: "flyttes med borgeren", Stays: "bliver i distriktet", Unclear: "afklares af teamlederen"}

// IsValid reports whether o is a defined outcome.
func (o TransferOutcome) IsValid() bool { return o >= Moves && o <= Unclear }

// String returns "moves", "stays", "unclear" or a diagnostic like
// "caseload.TransferOutcome(0)".
func (o TransferOutcome) String() string {
	if !o.IsValid() {
		return "caseload.TransferOutcome(" + strconv.Itoa(int(o)) + ")"
	}
	return outcomeCodes[o]
}

// Danish returns the Danish label, e.g. "bliver i distriktet".
func (o TransferOutcome) Danish() string {
	if !o.IsValid() {
		return o.String()
	}
	return outcomeDa[o]
}

// MarshalText returns the code.
func (o TransferOutcome) MarshalText() ([]byte, error) {
	if !o.IsValid() {
		return nil, fmt.Errorf("caseload.TransferOutcome.MarshalText: invalid outcome %d", uint8(o))
	}
	return []byte(outcomeCodes[o]), nil
}

// UnmarshalText parses a code; on error o is unchanged.
func (o *TransferOutcome) UnmarshalText(b []byte) error {
	for i, c := range outcomeCodes {
		if i > 0 && c == string(b) {
			*o = TransferOutcome(i)
			return nil
		}
	}
	return fmt.Errorf("caseload.TransferOutcome.UnmarshalText: unknown outcome %q (want moves, stays or unclear)", string(b))
}

// Handover is the handover meeting (overleveringsmøde) owed when a case
// moves: the receiving team leader assigns the case to a worker and passes
// on the name; the handing-over worker then calls the meeting.
//
// Its JSON holds convenedBy, the message's code and arguments, and its
// text in Danish and English:
// {"convenedBy": "w1", "code": "caseload.handover.worker", "args": {"worker": "w1"}, "da": "…", "en": "…"}.
type Handover struct {
	// ConvenedBy is the id of the handing-over worker, who calls the
	// meeting; "" if the case had no worker.
	ConvenedBy string
	// Message says what to do, for the handing-over worker or team
	// leader: a code and its arguments (package msg).
	Message msg.Message
}

// Text renders what to do in lang with the default catalogue.
func (h Handover) Text(lang msg.Lang) string { return h.Message.Text(lang) }

// TransferDecision says whether a case moves with the citizen, why, and
// what must happen next. The zero value has no valid outcome; Transfer
// always sets one.
//
// Its JSON holds the fields below and, for the reason, its code and
// arguments ("code", "args") and its text in Danish and English ("da",
// "en").
type TransferDecision struct {
	Case    string
	On      date.Date
	Outcome TransferOutcome
	// Placements are the ids of the measures, active on the day, that are
	// placements and keep the case in its district.
	Placements []string
	// Aftercare are the ids of the measures, active on the day, that are
	// aftercare (ladder.BasisAftercare: efterværn, ungestøtte) and keep
	// the case in its district.
	Aftercare []string
	// Reason says why, for a case worker or team leader: a code and its
	// arguments (package msg); Text renders it.
	Reason msg.Message
	Source string
	// Handover is set when the case moves.
	Handover *Handover
	// Findings are problems with the input (a zero date, a zero measure,
	// a case with no id or no worker).
	Findings finding.List
}

// Text renders the reason in lang with the default catalogue.
func (d TransferDecision) Text(lang msg.Lang) string { return d.Reason.Text(lang) }

// Transfer decides what happens to case c when the citizen moves to
// another district on date on (Kompendium s. 36). As a rule the case moves
// with the citizen, except
//
//   - placement cases: any measure active on the day whose intervention is
//     a placement (Intervention.Placement) — home-based placements such as
//     own room or kostskole included, residential family treatment
//     (døgnophold for hele familien) not, as the child is not placed;
//   - aftercare cases (efterværn; ungestøtte under Barnets Lov): any
//     measure active on the day whose intervention has the aftercare basis
//     (ladder.BasisAftercare), such as a continued stay in the foster
//     family after 18 — not a placement, but kept in the district all the
//     same.
//
// Both are read from the case's measures; nothing needs setting by hand.
// When the case moves, the receiving team leader assigns it to a worker
// and passes on the name, and the handing-over worker calls a handover
// meeting (Handover). When the input does not settle the question — a zero
// or out-of-range date, a zero measure that might be a placement — the
// outcome is Unclear: the Kompendium sends doubtful cases to the team
// leader, who settles them in the team leaders' forum. Transfer never
// changes c.
func Transfer(c Case, on date.Date) TransferDecision {
	d := TransferDecision{Case: c.ID, On: on, Source: SourceTransfer}
	subj := subjectOr(c.ID, "case", 0)
	if c.ID == "" {
		d.Findings = append(d.Findings, detailed(CodeMissingID, finding.Error, subj, "", msg.New("caseload.missing-id.transfer")))
	}
	unclear := false
	if problem, ok := checkDay(on); !ok {
		unclear = true
		d.Findings = append(d.Findings, finding.New(CodeInvalidDate, finding.Error, subj, "",
			"problem", msg.Nested(problem), "consequence", msg.Nested(msg.New("caseload.invalid-date.transfer"))))
	}
	var placed, after []msg.Message
	for i, r := range c.Measures {
		m := r.Measure
		if !m.IsValid() {
			unclear = true
			d.Findings = append(d.Findings, detailed(CodeInvalidMeasure, finding.Error, subj, "",
				msg.New("caseload.invalid-measure.transfer", "case", msg.String(c.ID), "position", msg.Int(i))))
			continue
		}
		if unclear || !m.ActiveOn(on) {
			continue
		}
		switch iv := m.Intervention(); {
		case iv.Placement:
			d.Placements = append(d.Placements, m.ID())
			placed = append(placed, msg.New("caseload.transfer.placement", "measure", msg.String(m.ID()), "intervention", interventionName(iv)))
		case iv.Basis == ladder.BasisAftercare:
			d.Aftercare = append(d.Aftercare, m.ID())
			after = append(after, msg.New("caseload.transfer.placement", "measure", msg.String(m.ID()), "intervention", interventionName(iv)))
		}
	}
	id := msg.String(c.ID)
	switch {
	case unclear:
		d.Outcome, d.Placements, d.Aftercare = Unclear, nil, nil
		d.Reason = msg.New("caseload.transfer.unclear", "case", id)
	case len(placed) > 0 && len(after) > 0:
		d.Outcome = Stays
		d.Reason = msg.New("caseload.transfer.stays.placed-aftercare", "case", id, "placements", msg.Nested(joined("caseload.join.items", placed)),
			"aftercare", msg.Nested(joined("caseload.join.items", after)))
	case len(placed) > 0:
		d.Outcome = Stays
		d.Reason = msg.New("caseload.transfer.stays.placed", "case", id, "placements", msg.Nested(joined("caseload.join.items", placed)))
	case len(after) > 0:
		d.Outcome = Stays
		d.Reason = msg.New("caseload.transfer.stays.aftercare", "case", id, "aftercare", msg.Nested(joined("caseload.join.items", after)))
	default:
		d.Outcome = Moves
		d.Reason = msg.New("caseload.transfer.moves", "case", id)
		h := &Handover{ConvenedBy: c.Worker, Message: msg.New("caseload.handover.worker", "worker", msg.String(c.Worker))}
		if c.Worker == "" {
			h.Message = msg.New("caseload.handover.team-leader")
			d.Findings = append(d.Findings, detailed(CodeUnassigned, finding.Warning, subj, SourceTransfer,
				msg.New("caseload.unassigned.handover", "case", id)))
		}
		d.Handover = h
	}
	return d
}

// interventionName is an intervention's name in the languages the
// catalogue gives it.
func interventionName(iv ladder.Intervention) msg.Value {
	names := map[msg.Lang]string{msg.Danish: iv.Danish}
	if iv.English != "" {
		names[msg.English] = iv.English
	}
	return msg.Text(names)
}

// transferJSON and handoverJSON are the JSON forms; messageJSON holds a
// message's code, arguments and texts.
type transferJSON struct {
	Case       string          `json:"case"`
	On         date.Date       `json:"on"`
	Outcome    TransferOutcome `json:"outcome"`
	Placements []string        `json:"placements,omitempty"`
	Aftercare  []string        `json:"aftercare,omitempty"`
	messageJSON
	Source   string       `json:"source"`
	Handover *Handover    `json:"handover,omitempty"`
	Findings finding.List `json:"findings,omitempty"`
}

type handoverJSON struct {
	ConvenedBy string `json:"convenedBy"`
	messageJSON
}

// MarshalJSON writes the decision with its reason's code, arguments and
// Danish and English texts.
func (d TransferDecision) MarshalJSON() ([]byte, error) {
	m, err := toMessageJSON(d.Reason)
	if err != nil {
		return nil, fmt.Errorf("caseload.TransferDecision.MarshalJSON: %w", err)
	}
	return json.Marshal(transferJSON{Case: d.Case, On: d.On, Outcome: d.Outcome, Placements: d.Placements, Aftercare: d.Aftercare,
		messageJSON: m, Source: d.Source, Handover: d.Handover, Findings: d.Findings})
}

// UnmarshalJSON reads what MarshalJSON writes; the reason comes from the
// code and arguments (the texts are ignored). On error d is unchanged.
func (d *TransferDecision) UnmarshalJSON(b []byte) error {
	var j transferJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("caseload.TransferDecision.UnmarshalJSON: %w", err)
	}
	reason, err := j.message()
	if err != nil {
		return fmt.Errorf("caseload.TransferDecision.UnmarshalJSON: %w", err)
	}
	*d = TransferDecision{Case: j.Case, On: j.On, Outcome: j.Outcome, Placements: j.Placements, Aftercare: j.Aftercare,
		Reason: reason, Source: j.Source, Handover: j.Handover, Findings: j.Findings}
	return nil
}

// MarshalJSON writes convenedBy and the message's code, arguments and
// Danish and English texts.
func (h Handover) MarshalJSON() ([]byte, error) {
	m, err := toMessageJSON(h.Message)
	if err != nil {
		return nil, fmt.Errorf("caseload.Handover.MarshalJSON: %w", err)
	}
	return json.Marshal(handoverJSON{ConvenedBy: h.ConvenedBy, messageJSON: m})
}

// UnmarshalJSON reads what MarshalJSON writes; on error h is unchanged.
func (h *Handover) UnmarshalJSON(b []byte) error {
	var j handoverJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("caseload.Handover.UnmarshalJSON: %w", err)
	}
	m, err := j.message()
	if err != nil {
		return fmt.Errorf("caseload.Handover.UnmarshalJSON: %w", err)
	}
	*h = Handover{ConvenedBy: j.ConvenedBy, Message: m}
	return nil
}
