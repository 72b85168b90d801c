package followup

// Which deadline forms each intake kind's function reads, and the bounds
// of the numbers an intake row holds. Checked when a rule set is built, so
// that a row the function would misread (a child assessment "before" the
// day the municipality learned of the need) is refused, not ignored.

import (
	"strings"

	"github.com/trappe-dk/trappe/ladder/msg"
)

// intakeForm is one way an intake row gives its deadline.
type intakeForm uint8

const (
	formHours intakeForm = 1 + iota
	formWithin
	formWorkingDays
	formBefore
	formAhead
)

var intakeFormNames = [...]string{formHours: "hours", formWithin: "within", formWorkingDays: "workingDays", formBefore: "before", formAhead: "ahead"}

// form returns the row's deadline form; the row has exactly one (checked
// before).
func (r IntakeRule) form() intakeForm {
	switch {
	case r.Hours > 0:
		return formHours
	case !r.Within.IsZero():
		return formWithin
	case r.WorkingDays > 0:
		return formWorkingDays
	case r.Before:
		return formBefore
	}
	return formAhead
}

// intakeForms lists, per kind, the forms its function reads: the 24-hour
// items run in hours from the receipt; the receipt to the notifier in days
// or working days; the plans within a period or before the decision.
var intakeForms = map[Kind][]intakeForm{
	NotificationAssessment:          {formHours},
	ChildAssessment:                 {formWithin},
	PreliminaryAssessment:           {formWithin},
	ChildsPlan:                      {formWithin, formBefore},
	Hearing:                         {formBefore},
	NotifierReceipt:                 {formWithin, formWorkingDays},
	Reassessment:                    {formHours},
	ChildConversationOnNotification: {formHours},
	NetworkMeetingInvite:            {formAhead},
	YoungPersonsPlan:                {formWithin, formBefore},
	ReturnHomePlan:                  {formBefore},
}

// The bounds of an intake row's numbers.
const (
	maxIntakeWorkingDays = 366
	maxIntakeAge         = 25
)

// checkIntakeForm reports a deadline form the kind's function does not
// read.
func (c *specChecker) checkIntakeForm(subj string, r IntakeRule) {
	allowed := intakeForms[r.Kind]
	f := r.form()
	for _, a := range allowed {
		if a == f {
			return
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = intakeFormNames[a]
	}
	c.add("ruleset.intake.form", subj, "form", msg.String(intakeFormNames[f]), "kind", msg.String(r.Kind.String()),
		"allowed", msg.String(strings.Join(names, ", ")))
}

// intakeNumbersOK reports, and returns false for, a working-day count or
// an age outside its bounds.
func (c *specChecker) intakeNumbersOK(subj string, r IntakeRule) bool {
	switch {
	case r.WorkingDays < 0 || r.WorkingDays > maxIntakeWorkingDays:
		c.add("ruleset.intake.working-days", subj, "n", msg.Int(r.WorkingDays), "max", msg.Int(maxIntakeWorkingDays))
		return false
	case r.FromAge < 0 || r.FromAge > maxIntakeAge:
		c.add("ruleset.intake.age", subj, "age", msg.Int(r.FromAge), "max", msg.Int(maxIntakeAge))
		return false
	case r.FromAge != 0 && r.Kind != YoungPersonsPlan:
		c.add("ruleset.intake.age-kind", subj, "kind", msg.String(r.Kind.String()))
		return false
	}
	return true
}
