package followup

import (
	"bytes"
	"encoding/json"

	"fmt"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
)

// Held is a follow-up that took place (or a report that was received).
type Held struct {
	On date.Date `json:"date"`
	// Kind is FollowUp (the zero value means FollowUp too), StatusFollowUp,
	// SupervisionVisit, or StatusReport for a report received.
	Kind Kind `json:"kind,omitzero"`
	// ChildConversation: a conversation with the child was held (and noted
	// in the journal as "børnesamtale").
	ChildConversation bool `json:"childConversation"`
	Mode              Mode `json:"mode,omitzero"`
	// NotAtPlacement: an in-person follow-up on a placement that was not
	// held at the placement (so it is no supervision visit).
	NotAtPlacement bool `json:"notAtPlacement,omitempty"`
	// NoPlanReview: the action plan / the child's plan was not followed up.
	NoPlanReview bool `json:"noPlanReview,omitempty"`
}

func (h Held) kind() Kind {
	if h.Kind == 0 {
		return FollowUp
	}
	return h.Kind
}

// InLawsSense reports whether the follow-up counts as one in the law's
// sense: a meeting with a child conversation where the plan was followed
// up (KORA 2017, Figur 2.2).
func (h Held) InLawsSense() bool {
	return h.kind().IsMeeting() && h.ChildConversation && !h.NoPlanReview
}

// Grant records an exception approved for one measure by the team leader.
type Grant struct {
	ID         string    `json:"id"`
	ApprovedBy string    `json:"approvedBy"`
	ApprovedOn date.Date `json:"approvedOn"`
}

// CadenceDecision is a decision under BL § 95, stk. 3 on how follow-up goes
// on after the first statutory follow-up, where the law sets no interval.
// A municipality records its standing decision in its rule set
// (RuleSetSpec.Decision: Herning keeps the half-yearly follow-ups it kept
// under SEL § 70); a case worker records a case's own decision on the
// measure (Record.Decision). Where both apply the earlier deadline counts:
// a case's decision can make follow-up more frequent than the standing
// one, never less.
type CadenceDecision struct {
	// DecidedOn is the day of the decision (zero if not recorded).
	DecidedOn date.Date `json:"decidedOn,omitzero"`
	// Every is the longest gap between two statutory follow-ups.
	Every Span `json:"every"`
	// Source cites the decision (a rule set's decision must cite one).
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// UnmarshalJSON reads a decision, parsing decidedOn strictly (an existing
// date as YYYY-MM-DD); on error d is unchanged.
func (d *CadenceDecision) UnmarshalJSON(b []byte) error {
	type plain CadenceDecision
	var j struct {
		plain
		DecidedOn string `json:"decidedOn,omitempty"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("followup.CadenceDecision.UnmarshalJSON: %w", err)
	}
	v := CadenceDecision(j.plain)
	if j.DecidedOn != "" {
		on, err := ladder.ParseDate(j.DecidedOn)
		if err != nil {
			return fmt.Errorf("followup.CadenceDecision.UnmarshalJSON: field \"decidedOn\": %w", err)
		}
		v.DecidedOn = on
	}
	*d = v
	return nil
}

// Record is one measure with what has happened on it: the input to the
// scheduler.
type Record struct {
	Case    string         // the child's case id
	Measure ladder.Measure // the measure and its span
	Held    []Held         // follow-ups held, any order
	Grants  []Grant        // approved exceptions
	// Decision is the case's own recorded decision under BL § 95, if any.
	Decision *CadenceDecision
	// AssessmentEnd is the end of a child assessment run alongside the
	// measure (BL § 95: the first follow-up is due then if earlier than 3
	// months); zero if none.
	AssessmentEnd date.Date
}

// Options are the scheduling parameters.
type Options struct {
	AsOf date.Date // "today": decides done/overdue/upcoming
	// Until is the last due date to include; zero means AsOf + 1 year. At
	// most 10 years after AsOf.
	Until    date.Date
	Calendar *workday.Calendar // nil: workday.Danish()
}

// Limits on the scheduler's input, so that no input makes unbounded work.
const (
	// MaxHorizonMonths bounds Options.Until: 10 years after AsOf.
	MaxHorizonMonths = 120
	// MaxWalkMonths bounds the walk from a measure's start to the last
	// date the plan covers (its end or the horizon): 40 years, longer than
	// any child's case.
	MaxWalkMonths = 480
	// MaxPlanItems bounds the items of one plan. Herning's most frequent
	// rule (every 4 weeks) gives about 520 items in 40 years; a vendor rule
	// that would give more than this is refused rather than walked.
	MaxPlanItems = 10000
)

// The dates the scheduler accepts: 1 January 1900 to 31 December 2199.
// They are ladder's range (ladder.MinDate, ladder.MaxDate).
var (
	minDate = ladder.MinDate
	maxDate = ladder.MaxDate
)

// ErrInput is wrapped by every error about bad scheduler input; it is
// ladder.ErrInput, shared by all of trappe.
var ErrInput = ladder.ErrInput

// checkDate reports a date outside minDate…maxDate (the zero date among
// them), naming the field and the value.
func checkDate(field string, d date.Date) error {
	if d < minDate || d > maxDate {
		return fmt.Errorf("%w: %s %s is outside %s…%s", ErrInput, field, d, minDate, maxDate)
	}
	return nil
}
