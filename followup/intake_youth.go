package followup

// The plans of issue 15: the young person's plan (ungeplan, BL § 108),
// due from the child's birth date and the decision on the measure, and the
// plan revised before a child returns home (BL § 100, stk. 5). The rows
// are data in the statutory sets (intake.go); the texts are the messages
// of messages_intake15.go.

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

var (
	doneYoungPlan        = Text{"Ungeplan udarbejdet", "Plan made"}
	doneRevised          = Text{"Planen revideret", "Plan revised"}
	anchorClock          = Text{"den dag fristen begynder at løbe", "the day the clock starts"}
	anchorReturnDecision = Text{"afgørelsen om hjemgivelse", "the decision to return the child home"}
	anchorReturning      = Text{"den dag barnet flytter hjem", "the day the child moves home"}
)

// AgeReached returns the day a person born on born reaches age: the
// birthday, as the age is reached at the start of it. A birthday on 29
// February in a year without one falls on 28 February — the earlier of
// the two possible days, which owes what the age brings soonest
// (unconfirmed: Danish practice may be 1 March). Born 29 February 2008, a
// child turns 16 on 29 February 2024 (a leap year); born 29 February 2084,
// on 28 February 2100 (not one).
func AgeReached(born date.Date, age int) date.Date {
	return AddMonths(born, 12*age)
}

// ---- the young person's plan ----

// YoungPerson is a young person's measure, for the young person's plan
// (ungeplan, BL § 108).
type YoungPerson struct {
	Case    string
	Measure string
	// BirthDate is the young person's birth date; required.
	BirthDate date.Date
	// Decided is the day of the decision on the measure; required. It may
	// lie after asOf (a planned decision).
	Decided date.Date
	// Ends is the measure's last day; zero if open. A measure that ends
	// before the plan's clock starts owes no plan.
	Ends date.Date
	// Basis is the measure's legal category: ladder.BasisPlacement,
	// ladder.BasisSupport or ladder.BasisAftercare.
	Basis ladder.Basis
	// WithoutConsent: a placement without consent (BL § 47).
	WithoutConsent bool
	// Reestablished: aftercare that re-establishes a døgnophold (BL §
	// 116); the plan is then mandatory.
	Reestablished bool
	// PlanChosen: where BL § 108, stk. 1, has the municipality consider a
	// plan (support, aftercare), it decided to make one.
	PlanChosen bool
	// Made is the day the plan was made; zero if not yet.
	Made date.Date
}

// facts are the facts of the measure that choose the plan's row.
func (y YoungPerson) facts() Facts {
	var f Facts
	switch y.Basis {
	case ladder.BasisPlacement:
		f = f.With(FactPlacement)
	case ladder.BasisSupport:
		f = f.With(FactSupport)
	case ladder.BasisAftercare:
		f = f.With(FactAftercare)
	}
	if y.WithoutConsent {
		f = f.With(FactWithoutConsent)
	}
	if y.Reestablished {
		f = f.With(FactReestablished)
	}
	if y.PlanChosen {
		f = f.With(FactPlanChosen)
	}
	return f
}

// YoungPersonsPlanDeadline returns when the young person's plan (ungeplan)
// is due as of asOf, and false when none is owed. Under Barnets Lov (BL §
// 108): for a placement (BL §§ 46–47) it must be made at the latest 3
// months after the later of the decision and the 16th birthday; for a
// placement without consent of a young person 16 or over at the
// decision, before the decision (due the day before, as the child's plan
// is); for a re-established stay (BL § 116) 3 months after the decision;
// for support or aftercare where the municipality considered and decided
// to make one, as for a placement. Nothing is owed where the measure ended
// before the clock starts, where the municipality did not decide to make
// a plan it was only to consider, and where the clock starts before 2024:
// Serviceloven had no separate plan for young people, and the library
// models none. The law is chosen by the day the clock starts. The 16th
// birthday is AgeReached(BirthDate, 16). A nil cal means
// workday.Danish().
func YoungPersonsPlanDeadline(y YoungPerson, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	return Herning().youngPersonsPlanDeadline("followup.YoungPersonsPlanDeadline", y, asOf, cal)
}

// YoungPersonsPlanDeadline is the package function
// YoungPersonsPlanDeadline under the regime's rules.
func (r *Regime) YoungPersonsPlanDeadline(y YoungPerson, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	return r.youngPersonsPlanDeadline("followup.Regime.YoungPersonsPlanDeadline", y, asOf, cal)
}

func (r *Regime) youngPersonsPlanDeadline(op string, y YoungPerson, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	fail := func(format string, args ...any) (IntakeItem, bool, error) {
		return IntakeItem{}, false, fmt.Errorf("%s: %w: case %q, measure %q: %s", op, ErrInput, y.Case, y.Measure, fmt.Sprintf(format, args...))
	}
	switch {
	case y.BirthDate == 0:
		return fail("field BirthDate: zero date")
	case y.Decided == 0:
		return fail("field Decided: zero date")
	case asOf == 0:
		return fail("zero as-of date")
	case asOf > maxIntakeDay || y.Decided > maxIntakeDay || y.BirthDate > maxIntakeDay || y.Ends > maxIntakeDay:
		return fail("a date after the year 9999 (BirthDate %s, Decided %s, Ends %s, as-of %s)", y.BirthDate, y.Decided, y.Ends, asOf)
	case y.BirthDate < minAgeDay:
		return fail("field BirthDate: %s is before %s", y.BirthDate, minAgeDay)
	case y.Basis != ladder.BasisPlacement && y.Basis != ladder.BasisSupport && y.Basis != ladder.BasisAftercare:
		return fail("field Basis: %s; the young person's plan covers placement, support and aftercare", y.Basis)
	case y.WithoutConsent && y.Basis != ladder.BasisPlacement:
		return fail("field WithoutConsent set, but basis %s is not a placement", y.Basis)
	case y.Reestablished && y.Basis != ladder.BasisAftercare:
		return fail("field Reestablished set, but basis %s is not aftercare", y.Basis)
	case y.Ends != 0 && y.Ends < y.Decided:
		return fail("field Ends: %s is before Decided %s", y.Ends, y.Decided)
	case y.Made > asOf:
		return fail("field Made: %s is after the as-of date %s", y.Made, asOf)
	}
	rule, anchor, birthday := r.youngPersonsRow(y)
	if rule == nil {
		if r.usable(op) != nil || r.StatutoryAt(y.Decided) == nil {
			return fail("no statutory rule set in force on the decision date %s", y.Decided)
		}
		return IntakeItem{}, false, nil
	}
	if y.Ends != 0 && y.Ends < anchor {
		return IntakeItem{}, false, nil // the measure ended before the clock started
	}
	due := intakeDueOn(rule, anchor, cal)
	it := r.newIntakeItem(rule, y.Case, y.Measure, due, cal)
	it.Status, it.DoneOn, it.Late = intakeStatus(due, y.Made, asOf)
	var age, leap, body, monthEnd msg.Message
	age = intake15Text("followup.intake.youth.birthday", "born", msg.Date(y.BirthDate), "age", msg.Int(rule.FromAge), "birthday", msg.Date(birthday))
	if y.BirthDate.Month() == time.February && y.BirthDate.Day() == 29 && birthday.Day() == 28 {
		leap = intake15Text("followup.intake.youth.leap-day", "year", msg.Int(birthday.Year()))
	}
	when := textValue(upperText(rule.When))
	if rule.Before {
		body = intake15Text("followup.intake.youth.before", "when", when, "decided", msg.Date(y.Decided), "due", msg.Date(due))
	} else {
		body = intake15Text("followup.intake.youth.within", "when", when, "within", spanValue(rule.Within),
			"decided", msg.Date(y.Decided), "age", msg.Int(rule.FromAge), "birthday", msg.Date(birthday), "anchor", msg.Date(anchor), "due", msg.Date(due))
		monthEnd = monthEnd15(anchor, due)
	}
	it.reasons = []Reason{intake15Reason(rule, age, leap, body, monthEnd, noteOf(rule), lawNote15(rule, anchorClock, anchor, due), outcome15(it, doneYoungPlan))}
	return it, true, nil
}

// minAgeDay bounds birth dates: 1 January 1900, as the scheduler's dates.
var minAgeDay = date.New(1900, time.January, 1)

// youngPersonsRow returns the first row of the young person's plan whose
// facts fit and which is in force on the day its clock starts, with that
// day and the birthday of the row's age; nil if none. A Before row applies
// only when the young person has reached the age by the decision; a
// Within row's clock starts on the later of the decision and the
// birthday.
func (r *Regime) youngPersonsRow(y YoungPerson) (*IntakeRule, date.Date, date.Date) {
	facts := y.facts()
	for _, row := range r.intakeRows() {
		if row.Kind != YoungPersonsPlan || row.Requirement || !row.fits(facts) {
			continue
		}
		birthday := AgeReached(y.BirthDate, row.FromAge)
		anchor := max(y.Decided, birthday)
		if row.Before {
			if y.Decided < birthday {
				continue
			}
			anchor = y.Decided
		}
		if row.InForce(anchor) {
			return row, anchor, birthday
		}
	}
	return nil, 0, 0
}

// ---- the plan revised before the return home ----

// ReturnHome is the end of a placement by the child's return home
// (hjemgivelse, BL §§ 99–102).
type ReturnHome struct {
	Case    string
	Measure string
	// Decided is the day of the decision to return the child home (BL §
	// 100, stk. 1); zero if not recorded.
	Decided date.Date
	// Returns is the day the child moves home; zero if not known. At least
	// one of Decided and Returns is required.
	Returns date.Date
	// Revised is the day the plan was revised; zero if not yet.
	Revised date.Date
}

// ReturnHomePlanDeadline returns when the child's plan (or the young
// person's plan, or the relevant parts of the coordinated plan) must be
// revised before the child returns home, as of asOf (BL § 100, stk. 5;
// under Serviceloven SEL § 68, stk. 2, unconfirmed). The law gives no
// number of days: the plan is due the day before the decision to return
// the child home when that is recorded, else the day before the child
// moves home — the earlier day, so the revised plan is there for the
// decision (unconfirmed). A date cannot show that a revision on the day
// itself came first, so that counts as 1 day late. The law is chosen by
// that day. A nil cal means workday.Danish().
func ReturnHomePlanDeadline(h ReturnHome, asOf date.Date, cal *workday.Calendar) (IntakeItem, error) {
	return Herning().returnHomePlanDeadline("followup.ReturnHomePlanDeadline", h, asOf, cal)
}

// ReturnHomePlanDeadline is the package function ReturnHomePlanDeadline
// under the regime's rules.
func (r *Regime) ReturnHomePlanDeadline(h ReturnHome, asOf date.Date, cal *workday.Calendar) (IntakeItem, error) {
	return r.returnHomePlanDeadline("followup.Regime.ReturnHomePlanDeadline", h, asOf, cal)
}

func (r *Regime) returnHomePlanDeadline(op string, h ReturnHome, asOf date.Date, cal *workday.Calendar) (IntakeItem, error) {
	fail := func(format string, args ...any) (IntakeItem, error) {
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q, measure %q: %s", op, ErrInput, h.Case, h.Measure, fmt.Sprintf(format, args...))
	}
	switch {
	case h.Decided == 0 && h.Returns == 0:
		return fail("fields Decided and Returns: both zero; give the decision to return the child home or the day the child moves home")
	case asOf == 0:
		return fail("zero as-of date")
	case asOf > maxIntakeDay || h.Decided > maxIntakeDay || h.Returns > maxIntakeDay:
		return fail("a date after the year 9999 (Decided %s, Returns %s, as-of %s)", h.Decided, h.Returns, asOf)
	case h.Decided != 0 && h.Returns != 0 && h.Returns < h.Decided:
		return fail("field Returns: %s is before Decided %s", h.Returns, h.Decided)
	case h.Revised > asOf:
		return fail("field Revised: %s is after the as-of date %s", h.Revised, asOf)
	}
	anchor, what := h.Decided, anchorReturnDecision
	if anchor == 0 {
		anchor, what = h.Returns, anchorReturning
	}
	rule, err := r.intakeRuleFor(op, ReturnHomePlan, anchor, 0, false)
	if err != nil {
		return IntakeItem{}, fmt.Errorf("%w (case %q, measure %q, %s)", err, h.Case, h.Measure, anchor)
	}
	due := intakeDueOn(rule, anchor, cal)
	it := r.newIntakeItem(rule, h.Case, h.Measure, due, cal)
	it.Status, it.DoneOn, it.Late = intakeStatus(due, h.Revised, asOf)
	var body, moves msg.Message
	body = intake15Text("followup.intake.return-home", "anchorWhat", textValue(what), "anchor", msg.Date(anchor), "due", msg.Date(due))
	if h.Decided != 0 && h.Returns != 0 {
		moves = intake15Text("followup.intake.return-home.moves", "returns", msg.Date(h.Returns))
	}
	it.reasons = []Reason{intake15Reason(rule, body, moves, noteOf(rule), lawNote15(rule, what, anchor, due), outcome15(it, doneRevised))}
	return it, nil
}
