package caseload

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
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
type Handover struct {
	// ConvenedBy is the id of the handing-over worker, who calls the
	// meeting; "" if the case had no worker.
	ConvenedBy string `json:"convenedBy"`
	Da         string `json:"da"`
	En         string `json:"en"`
}

// TransferDecision says whether a case moves with the citizen, why, and
// what must happen next. The zero value has no valid outcome; Transfer
// always sets one.
type TransferDecision struct {
	Case    string          `json:"case"`
	On      date.Date       `json:"on"`
	Outcome TransferOutcome `json:"outcome"`
	// Placements are the ids of the measures, active on the day, that are
	// placements and keep the case in its district.
	Placements []string `json:"placements,omitempty"`
	// Aftercare are the ids of the measures, active on the day, that are
	// aftercare (ladder.BasisAftercare: efterværn, ungestøtte) and keep
	// the case in its district.
	Aftercare []string `json:"aftercare,omitempty"`
	// Da and En give the reason for a case worker or team leader.
	Da     string `json:"da"`
	En     string `json:"en"`
	Source string `json:"source"`
	// Handover is set when the case moves.
	Handover *Handover `json:"handover,omitempty"`
	// Findings are problems with the input (a zero date, a zero measure,
	// a case with no id or no worker).
	Findings finding.List `json:"findings,omitempty"`
}

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
		d.Findings = append(d.Findings, finding.Finding{Code: CodeMissingID, Severity: finding.Error, Subject: subj,
			Da: "Sagen har intet sagsnummer.", En: "The case has no id."})
	}
	unclear := false
	if da, en, ok := checkDay(on); !ok {
		unclear = true
		d.Findings = append(d.Findings, finding.Finding{Code: CodeInvalidDate, Severity: finding.Error, Subject: subj,
			Da: da + " Det kan ikke afgøres, hvilke indsatser der er aktive ved flytningen.",
			En: en + " Which measures are active at the move cannot be told."})
	}
	var names, aftercare []string
	for i, r := range c.Measures {
		m := r.Measure
		if !m.IsValid() {
			unclear = true
			d.Findings = append(d.Findings, finding.Finding{Code: CodeInvalidMeasure, Severity: finding.Error, Subject: subj,
				Da: fmt.Sprintf("Sag %s har en ugyldig (tom) indsats på plads %d; det kan ikke afgøres, om den er en anbringelse.", c.ID, i),
				En: fmt.Sprintf("Case %s has an invalid (zero) measure at position %d; whether it is a placement cannot be told.", c.ID, i)})
			continue
		}
		if unclear || !m.ActiveOn(on) {
			continue
		}
		switch iv := m.Intervention(); {
		case iv.Placement:
			d.Placements = append(d.Placements, m.ID())
			names = append(names, fmt.Sprintf("%s: %s", m.ID(), iv.Danish))
		case iv.Basis == ladder.BasisAftercare:
			d.Aftercare = append(d.Aftercare, m.ID())
			aftercare = append(aftercare, fmt.Sprintf("%s: %s", m.ID(), iv.Danish))
		}
	}
	switch {
	case unclear:
		d.Outcome, d.Placements, d.Aftercare = Unclear, nil, nil
		d.Da = fmt.Sprintf("Det kan ikke afgøres, om sag %s skal flyttes. Ved tvivl kontakter rådgiveren sin teamleder, som afklarer det i teamlederforum.", c.ID)
		d.En = fmt.Sprintf("Whether case %s moves cannot be decided. When in doubt the worker asks the team leader, who settles it in the team leaders' forum.", c.ID)
	case len(d.Placements) > 0 || len(d.Aftercare) > 0:
		d.Outcome = Stays
		var da, en []string
		if len(d.Placements) > 0 {
			da = append(da, fmt.Sprintf("barnet er anbragt (%s)", strings.Join(names, "; ")))
			en = append(en, fmt.Sprintf("the child is placed (%s)", strings.Join(d.Placements, ", ")))
		}
		if len(d.Aftercare) > 0 {
			da = append(da, fmt.Sprintf("den unge får ungestøtte (efterværn) (%s)", strings.Join(aftercare, "; ")))
			en = append(en, fmt.Sprintf("the young person receives aftercare (%s)", strings.Join(d.Aftercare, ", ")))
		}
		d.Da = fmt.Sprintf("Sag %s flyttes ikke med borgeren: %s. Anbringelses- og efterværnssager bliver i distriktet.", c.ID, strings.Join(da, ", og "))
		d.En = fmt.Sprintf("Case %s does not move with the citizen: %s. Placement and aftercare cases stay with their district.", c.ID, strings.Join(en, ", and "))
	default:
		d.Outcome = Moves
		d.Da = fmt.Sprintf("Sag %s flyttes med borgeren til det nye distrikt; den er hverken en anbringelses- eller en efterværnssag.", c.ID)
		d.En = fmt.Sprintf("Case %s moves with the citizen to the new district; it is neither a placement nor an aftercare case.", c.ID)
		h := &Handover{ConvenedBy: c.Worker}
		who, whoEn := "rådgiver "+c.Worker, "worker "+c.Worker
		if c.Worker == "" {
			who, whoEn = "den afgivende teamleder", "the handing-over team leader"
			d.Findings = append(d.Findings, finding.Finding{Code: CodeUnassigned, Severity: finding.Warning, Subject: subj, Source: SourceTransfer,
				Da: fmt.Sprintf("Sag %s har ingen rådgiver, der kan indkalde til overleveringsmødet.", c.ID),
				En: fmt.Sprintf("Case %s has no worker to call the handover meeting.", c.ID)})
		}
		h.Da = fmt.Sprintf("Send en mail til teamlederen i det modtagende team, som fordeler sagen til en rådgiver og giver navnet videre. Derefter indkalder %s (afgivende) til et overleveringsmøde.", who)
		h.En = fmt.Sprintf("Mail the team leader of the receiving team, who assigns the case to a worker and passes on the name. Then %s (handing over) calls a handover meeting.", whoEn)
		d.Handover = h
	}
	return d
}
