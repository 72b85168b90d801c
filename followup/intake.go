package followup

// Intake deadlines: what is owed before and around a measure, beside the
// follow-up schedule. A notification (underretning) is assessed within 24
// hours; the child assessment (børnefaglig undersøgelse) is finished within 4
// months, or a preliminary assessment (foreløbig vurdering) is owed; the
// child's plan (barnets plan, before 2024 the action plan, handleplan) is
// made in time; the child is heard (partshøring af barnet) before a measure
// starts. Issue 15 adds, in intake_notification.go and intake_youth.go: the
// receipt to a professional notifier, the reassessment and the
// conversation with the child on a notification (BL § 137), Herning's
// network meeting, the young person's plan (ungeplan, BL § 108) and the
// plan revised before a child returns home (BL § 100, stk. 5).
//
// Each deadline is an IntakeItem, shaped like the schedule's Item (kind, due
// date, working day, status, lateness, rule ids and a Why in Danish and
// English) so a vendor can list both together. The rules behind them are
// data in the rule sets: each statutory set carries the law's rows
// (StatutoryRules.Intake), the municipal set its own requirements and
// deadlines (RuleSetSpec.Intake: Herning's network map). Which row applies
// is data too: of the rows of a kind in force on the day the clock starts,
// the first whose facts (If, Unless) fit the case. The numbers in the texts
// come from the row. The Regime methods use the regime's sets; the package
// functions of the same names use Herning's regime.
//
// The law is chosen by the event that starts the clock (the notification's
// receipt, the day the municipality learned of the need, the decision, the
// measure's start), not by the due date: Serviceloven before 1 January 2024,
// Barnets Lov from then on. The rules are modelled from 1 January 2011, as
// the shipped Serviceloven rule set is.

import (
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
)

// IntakeRule is one rule behind an intake deadline. Some ids have more than
// one row, one for each case the rule distinguishes (When says which): BL §
// 91 gives the child's plan 3 months after a placement decision, but before
// the decision for a placement without consent. The zero value is no rule.
type IntakeRule struct {
	ID      string `json:"id"`   // e.g. "BL-136", "H-NETVAERKSKORT"
	Kind    Kind   `json:"kind"` // the kind of item the rule gives
	Layer   Layer  `json:"layer"`
	RuleSet string `json:"ruleSet"` // "Serviceloven", "Barnets Lov" or the municipality's
	Name    Text   `json:"name"`
	When    Text   `json:"when,omitzero"` // the case the row covers; empty: every case
	Source  string `json:"source"`
	// Effective is the first day the rule is in force; Until the last (zero:
	// still in force). The law is chosen by the day the clock starts.
	Effective date.Date `json:"effective"`
	Until     date.Date `json:"until,omitzero"`
	// The deadline: Hours after the moment the clock starts (the 24-hour
	// assessment), or Within after the day it starts (month arithmetic
	// clamps to the month's last day), or WorkingDays: on the n-th Danish
	// working day after it (the calendar passed in decides), or Before: at
	// the latest the day before it, or Ahead: at the latest this long
	// before it (Herning's network meeting: CBF's staff invited a week
	// before the reserved time). A rule with none of them is a requirement
	// on another item (the network map). Which forms a kind's function
	// reads is checked when the rule set is built.
	Hours       int  `json:"hours,omitempty"`
	Within      Span `json:"within,omitzero"`
	WorkingDays int  `json:"workingDays,omitempty"`
	Before      bool `json:"before,omitempty"`
	Ahead       Span `json:"ahead,omitzero"`
	// FromAge is the age from which the young person's plan is owed (BL §
	// 108: 16): a Within row's clock starts on the later of the decision
	// and the day the young person reaches it, and a Before row applies
	// only when the young person has reached it by the decision. Zero for
	// every other row.
	FromAge int `json:"fromAge,omitempty"`
	// If and Unless are the facts of the case the row needs and excludes.
	// Of the rows of one kind in force on the day the clock starts, the
	// first whose facts fit applies: which deadline applies when is data.
	If     []Fact `json:"if,omitempty"`
	Unless []Fact `json:"unless,omitempty"`
	// Requirement: the row is something the item of its Kind must include
	// (Herning's network map in a child assessment), not a deadline.
	Requirement bool `json:"requirement,omitempty"`
	// Note is added to the explanation (e.g. from which age the child is a
	// party to the case under this law).
	Note Text `json:"note,omitzero"`
}

func (r IntakeRule) clone() IntakeRule {
	r.If, r.Unless = slices.Clone(r.If), slices.Clone(r.Unless)
	return r
}

// fits reports whether the row's facts fit the case.
func (r *IntakeRule) fits(facts Facts) bool {
	for _, f := range r.If {
		if !facts.Has(f) {
			return false
		}
	}
	for _, f := range r.Unless {
		if facts.Has(f) {
			return false
		}
	}
	return true
}

// InForce reports whether the rule is in force on d.
func (r IntakeRule) InForce(d date.Date) bool {
	return d >= r.Effective && (r.Until == 0 || d <= r.Until)
}

const (
	lawSEL      = "Serviceloven"
	lawBL       = "Barnets Lov"
	lawHerning  = "Herning Kommune — kompendium"
	srcHearing  = "Kompendium s. 32–35 ('partshøring – af barnet')"
	srcNotifKom = "Kompendium s. 28"
)

var (
	// selIntakeFrom is the first day the intake rules of Serviceloven are
	// modelled from: the shipped Serviceloven rule set's effective date.
	selIntakeFrom = serviceLovenEffective
	selIntakeTo   = BarnetsLovEffective - 1
	// NetworkMapEffective is the day Herning began requiring a network map
	// (netværkskort) in every new child assessment: 1 January 2016
	// (Kompendium s. 29).
	NetworkMapEffective = date.New(2016, time.January, 1)
	// NetworkMeetingEffective is the date of the Kompendium's description
	// of network meetings, from which CBF's reserved time is released if
	// its staff are not invited in time: 7 December 2015 (s. 23).
	NetworkMeetingEffective = date.New(2015, time.December, 7)
	// maxIntakeDay bounds every date and time the intake functions accept.
	maxIntakeDay = date.New(9999, time.December, 31)
)

// The intake rows of each shipped rule set. The rows of one kind are
// tried in order; the first in force whose facts fit applies.
func selIntakeRows() []IntakeRule {
	return []IntakeRule{
		{ID: "SEL-155", Kind: NotificationAssessment, Layer: Statutory, RuleSet: lawSEL, Hours: 24,
			Name:      Text{"Underretningen vurderes inden 24 timer", "The notification is assessed within 24 hours"},
			Source:    "SEL § 155, stk. 2 (til 31.12.2023); " + srcNotifKom,
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-50", Kind: ChildAssessment, Layer: Statutory, RuleSet: lawSEL, Within: Months(4),
			Name:      Text{"Børnefaglig undersøgelse afsluttet senest 4 måneder efter kendskab", "Child assessment finished at the latest 4 months after the municipality learned of the need"},
			Source:    "SEL § 50, stk. 7 (til 31.12.2023)",
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-140", Kind: ChildsPlan, Layer: Statutory, RuleSet: lawSEL, Within: Months(4), If: []Fact{FactUrgent},
			Name:      Text{"Den fulde handleplan senest 4 måneder efter afgørelsen", "The full action plan at the latest 4 months after the decision"},
			When:      Text{"akut sag: før afgørelsen kun en kort angivelse af formålet", "urgent case: before the decision only a short statement of purpose"},
			Source:    "SEL § 140 (til 31.12.2023)",
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-140", Kind: ChildsPlan, Layer: Statutory, RuleSet: lawSEL, Before: true,
			Name:      Text{"Handleplan udarbejdet, før der træffes afgørelse", "The action plan made before the decision"},
			When:      Text{"afgørelse om en foranstaltning", "a decision on a measure"},
			Source:    "SEL § 140 (til 31.12.2023)",
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-48", Kind: Hearing, Layer: Statutory, RuleSet: lawSEL, Before: true,
			Name:      Text{"Samtale med barnet, før indsatsen starter (partshøring af barnet)", "A conversation with the child before the measure starts (hearing the child)"},
			Note:      Text{"Samtalen holdes uanset barnets alder; fra 12 år er barnet part i sagen.", "The conversation is held whatever the child's age; from 12 the child is a party to the case."},
			Source:    "SEL § 48 (til 31.12.2023); " + srcHearing,
			Effective: selIntakeFrom, Until: selIntakeTo},
		// Issue 15: the notification's handling and the plan before the
		// return home.
		{ID: "SEL-155B", Kind: NotifierReceipt, Layer: Statutory, RuleSet: lawSEL, Within: Span{Days: 6}, If: []Fact{FactProfessional},
			Name:      Text{"Kvittering for modtagelsen til den fagperson, der underrettede", "Receipt confirmed to the professional who notified"},
			When:      Text{"underretning fra en fagperson med skærpet underretningspligt (SEL § 153)", "a notification from a professional with the heightened duty to notify (SEL § 153)"},
			Note:      noteReceiptDays,
			Source:    "SEL § 155 b (til 31.12.2023)",
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-155A", Kind: Reassessment, Layer: Statutory, RuleSet: lawSEL, Hours: 24, If: []Fact{FactAlreadySupported},
			Name:      Text{"Sagen revurderes af nogen, der ikke før har været involveret", "The case reassessed by someone not involved before"},
			Note:      note137Deadline,
			Source:    "SEL § 155 a (til 31.12.2023; the origin the paragraph map gives BL § 137, its text not read)",
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-155A", Kind: ChildConversationOnNotification, Layer: Statutory, RuleSet: lawSEL, Hours: 24, If: []Fact{FactAbuse},
			Name:      Text{"Samtale med barnet ved underretning om overgreb", "A conversation with the child on a notification about abuse"},
			Note:      note137Deadline,
			Source:    "SEL § 155 a (til 31.12.2023; the origin the paragraph map gives BL § 137, its text not read)",
			Effective: selIntakeFrom, Until: selIntakeTo},
		{ID: "SEL-68", Kind: ReturnHomePlan, Layer: Statutory, RuleSet: lawSEL, Before: true,
			Name:      Text{"Handleplanen revideret før hjemgivelsen", "The action plan revised before the return home"},
			Note:      noteReturnHome,
			Source:    "SEL § 68, stk. 2 (til 31.12.2023; the origin lovguiden names for BL § 100, its text not read)",
			Effective: selIntakeFrom, Until: selIntakeTo},
	}
}

// srcBL108 cites BL § 108 at the given subsections. Serviceloven had no
// separate plan for young people; the handleplan of SEL § 140 is the
// closest origin, unconfirmed.
func srcBL108(stk string) string {
	return "BL § 108, " + stk + " (tidl. SEL § 140, the handleplan — origin unconfirmed)"
}

// Notes of the issue 15 rows: how a source was read where it did not
// settle a detail. The numbers they speak of are on the rows.
var (
	noteReceiptDays = Text{
		"Hverken paragraffen i barnets lov (formodentlig § 138) eller om fristen regnes i dage eller hverdage er bekræftet; kommunale sider skriver hverdage. Fristen regnes i kalenderdage, den læsning der lemper mindst; en kommune, der læser hverdage, angiver fristen som arbejdsdage (workingDays).",
		"Neither the paragraph of Barnets Lov (probably § 138) nor whether the deadline counts days or working days is confirmed; municipal pages write working days. The deadline counts calendar days, the reading that relaxes less; a municipality that reads working days gives the deadline as working days (workingDays)."}
	note137Deadline = Text{
		"Paragraffen sætter ingen frist. Punktet forfalder sammen med vurderingen af underretningen (BL § 136) som et selvstændigt punkt, der står som overskredet, til det er gjort — et krav på vurderingen ville forsvinde, når vurderingen er foretaget. Den læsning beskytter barnet mest (ikke bekræftet).",
		"The paragraph sets no deadline. The item is due with the assessment of the notification (BL § 136) as an item of its own, which stays overdue until it is done — a requirement on the assessment would vanish once the assessment is made. That reading protects the child more (unconfirmed)."}
	noteReturnHome = Text{
		"Loven siger »forud for hjemgivelse« uden et antal dage. Fristen regnes fra afgørelsen om hjemgivelse, når den er registreret, ellers fra den dag barnet flytter hjem: den tidligste af dagene, så den reviderede plan ligger til grund for afgørelsen (ikke bekræftet).",
		"The law says 'before the return home' with no number of days. The deadline runs from the decision to return the child home when it is recorded, else from the day the child moves home: the earlier day, so that the revised plan is there for the decision (unconfirmed)."}
	noteNetworkMeeting = Text{
		"Kompendiet siger ikke, hvorfra fristen regnes; den læses som regnet bagud fra den reserverede tid, så indkaldelsen kommer i god tid (ikke bekræftet).",
		"The Kompendium does not say from when the period runs; it is read as counted back from the reserved time, so that the invitation comes in good time (unconfirmed)."}
)

func blIntakeRows() []IntakeRule {
	return []IntakeRule{
		{ID: "BL-136", Kind: NotificationAssessment, Layer: Statutory, RuleSet: lawBL, Hours: 24,
			Name:      Text{"Underretningen vurderes inden 24 timer", "The notification is assessed within 24 hours"},
			Source:    "BL § 136 (tidl. SEL § 155, stk. 2); " + srcNotifKom,
			Effective: BarnetsLovEffective},
		{ID: "BL-20", Kind: ChildAssessment, Layer: Statutory, RuleSet: lawBL, Within: Months(4),
			Name:      Text{"Børnefaglig undersøgelse afsluttet senest 4 måneder efter kendskab", "Child assessment finished at the latest 4 months after the municipality learned of the need"},
			Source:    "BL § 20, stk. 3 (tidl. SEL § 50, stk. 7)",
			Effective: BarnetsLovEffective},
		{ID: "BL-91", Kind: ChildsPlan, Layer: Statutory, RuleSet: lawBL, Before: true, If: []Fact{FactWithoutConsent},
			Name:      Text{"Barnets plan foreligger før afgørelsen", "The child's plan exists before the decision"},
			When:      Text{"anbringelse uden samtykke (BL § 47)", "placement without consent (BL § 47)"},
			Source:    "BL § 91 og § 47 (tidl. SEL § 140 og § 58)",
			Effective: BarnetsLovEffective},
		{ID: "BL-91", Kind: ChildsPlan, Layer: Statutory, RuleSet: lawBL, Within: Months(3), If: []Fact{FactPlacement},
			Name:      Text{"Barnets plan senest 3 måneder efter afgørelsen", "The child's plan at the latest 3 months after the decision"},
			When:      Text{"anbringelse uden for hjemmet", "placement outside the home"},
			Source:    "BL § 91 (tidl. SEL § 140)",
			Effective: BarnetsLovEffective},
		{ID: "BL-91", Kind: ChildsPlan, Layer: Statutory, RuleSet: lawBL, Within: Months(3), If: []Fact{FactSupport, FactPlanChosen},
			Name:      Text{"Barnets plan senest 3 måneder efter afgørelsen", "The child's plan at the latest 3 months after the decision"},
			When:      Text{"støtte efter BL § 32, når kommunen har besluttet at udarbejde en plan", "support under BL § 32 where the municipality decided to make a plan"},
			Source:    "BL § 91 (tidl. SEL § 140)",
			Effective: BarnetsLovEffective},
		{ID: "BL-5", Kind: Hearing, Layer: Statutory, RuleSet: lawBL, Before: true,
			Name:      Text{"Samtale med barnet, før indsatsen starter (partshøring af barnet)", "A conversation with the child before the measure starts (hearing the child)"},
			Note:      Text{"Fra 10 år er barnet part i sagen (BL § 3).", "From 10 the child is a party to the case (BL § 3)."},
			Source:    "BL § 5, stk. 3 (tidl. SEL § 48); " + srcHearing,
			Effective: BarnetsLovEffective},
		// Issue 15: the notification's handling (BL §§ 137–138, SEL § 155 a–b).
		{ID: "BL-138", Kind: NotifierReceipt, Layer: Statutory, RuleSet: lawBL, Within: Span{Days: 6}, If: []Fact{FactProfessional},
			Name:      Text{"Kvittering for modtagelsen til den fagperson, der underrettede", "Receipt confirmed to the professional who notified"},
			When:      Text{"underretning fra en fagperson med skærpet underretningspligt (BL § 133)", "a notification from a professional with the heightened duty to notify (BL § 133)"},
			Note:      noteReceiptDays,
			Source:    "BL § 138 (unconfirmed paragraph; tidl. SEL § 155 b)",
			Effective: BarnetsLovEffective},
		{ID: "BL-137", Kind: Reassessment, Layer: Statutory, RuleSet: lawBL, Hours: 24, If: []Fact{FactAlreadySupported},
			Name:      Text{"Sagen revurderes af nogen, der ikke før har været involveret", "The case reassessed by someone not involved before"},
			Note:      note137Deadline,
			Source:    "BL § 137, stk. 1 (tidl. SEL § 155 a)",
			Effective: BarnetsLovEffective},
		{ID: "BL-137", Kind: ChildConversationOnNotification, Layer: Statutory, RuleSet: lawBL, Hours: 24, If: []Fact{FactAbuse},
			Name:      Text{"Samtale med barnet ved underretning om overgreb", "A conversation with the child on a notification about abuse"},
			Note:      note137Deadline,
			Source:    "BL § 137, stk. 3–4 (tidl. SEL § 155 a)",
			Effective: BarnetsLovEffective},
		// The young person's plan (BL § 108): the rows
		// are tried in order, the first whose facts fit applies.
		{ID: "BL-108", Kind: YoungPersonsPlan, Layer: Statutory, RuleSet: lawBL, Before: true, FromAge: 16, If: []Fact{FactPlacement, FactWithoutConsent},
			Name:      Text{"Ungeplanen foreligger før afgørelsen", "The young person's plan exists before the decision"},
			When:      Text{"anbringelse uden samtykke (BL § 47) af en ung, der har nået alderen ved afgørelsen", "placement without consent (BL § 47) of a young person who has reached the age by the decision"},
			Source:    srcBL108("stk. 2 og 4"),
			Effective: BarnetsLovEffective},
		{ID: "BL-108", Kind: YoungPersonsPlan, Layer: Statutory, RuleSet: lawBL, Within: Months(3), FromAge: 16, If: []Fact{FactPlacement},
			Name:      Text{"Ungeplan senest 3 måneder efter afgørelsen eller 16-årsdagen", "The young person's plan at the latest 3 months after the decision or the 16th birthday"},
			When:      Text{"anbringelse (BL §§ 46–47), hvor ungeplanen skal udarbejdes", "placement (BL §§ 46–47), where the plan is mandatory"},
			Source:    srcBL108("stk. 2–3"),
			Effective: BarnetsLovEffective},
		{ID: "BL-108", Kind: YoungPersonsPlan, Layer: Statutory, RuleSet: lawBL, Within: Months(3), FromAge: 16, If: []Fact{FactAftercare, FactReestablished},
			Name:      Text{"Ungeplan senest 3 måneder efter afgørelsen", "The young person's plan at the latest 3 months after the decision"},
			When:      Text{"genetableret døgnophold (BL § 116), hvor ungeplanen skal udarbejdes", "re-established stay (BL § 116), where the plan is mandatory"},
			Source:    srcBL108("stk. 2–3"),
			Effective: BarnetsLovEffective},
		{ID: "BL-108", Kind: YoungPersonsPlan, Layer: Statutory, RuleSet: lawBL, Within: Months(3), FromAge: 16, If: []Fact{FactPlanChosen},
			Name:      Text{"Ungeplan senest 3 måneder efter afgørelsen eller 16-årsdagen", "The young person's plan at the latest 3 months after the decision or the 16th birthday"},
			When:      Text{"støtte (BL §§ 32, 114, 115), hvor kommunen har overvejet og besluttet at udarbejde en ungeplan", "support (BL §§ 32, 114, 115) where the municipality considered and decided to make a plan"},
			Source:    srcBL108("stk. 1 og 3"),
			Effective: BarnetsLovEffective},
		{ID: "BL-100", Kind: ReturnHomePlan, Layer: Statutory, RuleSet: lawBL, Before: true,
			Name:      Text{"Barnets plan revideret før hjemgivelsen", "The child's plan revised before the return home"},
			Note:      noteReturnHome,
			Source:    "BL § 100, stk. 5 (tidl. SEL § 68, stk. 2)",
			Effective: BarnetsLovEffective},
	}
}

func herningIntakeRows() []IntakeRule {
	return []IntakeRule{
		{ID: "H-NETVAERKSKORT", Kind: ChildAssessment, Layer: Municipal, RuleSet: lawHerning, Requirement: true,
			Name:      Text{"Netværkskort med forældre og barn i hver ny børnefaglig undersøgelse", "A network map with parents and child in every new child assessment"},
			Note:      Text{"Herning udarbejder netværkskortet sammen med forældrene og barnet eller den unge.", "Herning makes the network map together with the parents and the child or young person."},
			Source:    "Herningmodellen 1.0 — kompendium, 'Bedre afklaring af netværk v. foranstaltninger' (26.11.2015), s. 29",
			Effective: NetworkMapEffective},
		{ID: "H-NETVAERKSMOEDE", Kind: NetworkMeetingInvite, Layer: Municipal, RuleSet: lawHerning, Ahead: Weeks(1),
			Name:      Text{"Medarbejderne fra CBF indkaldt til netværksmødet i den reserverede tid", "CBF's staff invited to the network meeting in the reserved time"},
			Note:      noteNetworkMeeting,
			Source:    "Herningmodellen 1.0 — kompendium, 'Netværksmøder og inddragende netværksmøder' (07.12.2015), s. 23–27",
			Effective: NetworkMeetingEffective},
	}
}

// IntakeRules returns the intake rules of Herning's regime, a copy: the
// statutory sets' rows, oldest law first, then Herning's.
func IntakeRules() []IntakeRule { return Herning().IntakeRules() }

// IntakeRules returns the regime's intake rules, a copy: the statutory
// sets' rows, oldest law first, then the municipal set's.
func (r *Regime) IntakeRules() []IntakeRule {
	var out []IntakeRule
	for _, row := range r.intakeRows() {
		out = append(out, row.clone())
	}
	return out
}

// intakeRows lists the regime's rows without copying.
func (r *Regime) intakeRows() []*IntakeRule {
	if r == nil {
		return nil
	}
	var out []*IntakeRule
	for _, s := range r.statutory {
		for i := range s.spec.Statutory.Intake {
			out = append(out, &s.spec.Statutory.Intake[i])
		}
	}
	if m := r.municipal; m != nil {
		for i := range m.spec.Intake {
			out = append(out, &m.spec.Intake[i])
		}
	}
	return out
}

// intakeRuleFor returns the first deadline row of kind in force on d whose
// facts fit, or an error naming op when there is none and a deadline is
// required; with optional, no row is (nil, nil).
func (r *Regime) intakeRuleFor(op string, kind Kind, d date.Date, facts Facts, optional bool) (*IntakeRule, error) {
	if err := r.usable(op); err != nil {
		return nil, err
	}
	for _, row := range r.intakeRows() {
		if row.Kind == kind && !row.Requirement && row.InForce(d) && row.fits(facts) {
			return row, nil
		}
	}
	if optional {
		return nil, nil
	}
	return nil, fmt.Errorf("%s: %w: no %s rule in force on %s in the regime; intake rules come with its statutory sets", op, ErrInput, kind, d)
}

// requirementsFor returns the requirement rows on items of kind in force
// on d.
func (r *Regime) requirementsFor(kind Kind, d date.Date) []*IntakeRule {
	var out []*IntakeRule
	for _, row := range r.intakeRows() {
		if row.Kind == kind && row.Requirement && row.InForce(d) {
			out = append(out, row)
		}
	}
	return out
}

// Requirement is something an intake item must include beyond meeting its
// deadline, such as Herning's network map in a child assessment.
type Requirement struct {
	RuleID string `json:"rule"`
	Source string `json:"source"`
	// Name is the requirement's name in Danish and English, from the rule.
	Name Text `json:"name"`
	// Met: the input records it as done.
	Met bool `json:"met"`
}

// IntakeItem is one intake deadline as of a date (or, for the 24-hour
// items, a moment). It has the shape of the schedule's Item. The zero
// value is no item: ChildsPlanDeadline and the other functions that return
// a bool return it, with false, when nothing is owed, and every function
// returns it with an error.
type IntakeItem struct {
	Case    string
	Measure string // the measure's id for the plan and the hearing, if given
	Kind    Kind
	Rule    string // the rule id, e.g. "BL-136"
	Source  string // the legal or municipal source
	// Statutory: the law requires the item. Every intake deadline is
	// statutory but Herning's network meeting, a municipal deadline; the
	// municipality's other requirements ride on the law's items as
	// Requirements.
	Statutory bool
	// Conditional: the item is owed only if something else fails. A
	// preliminary assessment is conditional while the child assessment can
	// still be finished by its deadline.
	Conditional bool
	// Due is the due date. For the 24-hour assessment it is the date of
	// DueAt in the location of the notification's receipt time.
	Due date.Date
	// DueAt is the exact deadline of a timestamp-based item (the 24-hour
	// assessment); zero for date-based items.
	DueAt time.Time
	// WorkingDay is the latest working day on or before Due. The 24-hour
	// deadline runs in hours and is not moved: there WorkingDay is Due,
	// even on a weekend or holiday.
	WorkingDay date.Date
	Status     Status
	// DoneOn is the day it was done (zero if not); DoneAt the moment, for a
	// timestamp-based item.
	DoneOn date.Date
	DoneAt time.Time
	// Late is DoneOn − Due in days (negative: early; 0 if not done). LateBy
	// is DoneAt − DueAt for a timestamp-based item (negative: early; 0 if
	// not done or date-based).
	Late   int
	LateBy time.Duration
	// Requirements are what the item must include besides its deadline.
	Requirements []Requirement

	reasons []Reason
}

// DaysLate is how many days after the due date the item was done (0 if on
// time, early, or not done).
func (it IntakeItem) DaysLate() int { return max(0, it.Late) }

// Rules returns the ids of the rules behind the item: its own, then those
// of its requirements, e.g. ["BL-20", "H-NETVAERKSKORT"].
func (it IntakeItem) Rules() []string {
	out := make([]string, 0, 1+len(it.Requirements))
	if it.Rule != "" {
		out = append(out, it.Rule)
	}
	for _, r := range it.Requirements {
		out = append(out, r.RuleID)
	}
	return out
}

// Why returns the reasons behind the item. Render it with
// Explanation.Text.
func (it IntakeItem) Why() Explanation {
	rs := slices.Clone(it.reasons)
	for i := range rs {
		rs[i].Parts = slices.Clone(rs[i].Parts)
	}
	return Explanation{Reasons: rs}
}

// Line is a one-line why for lists: the rule ids and the first reason.
func (it IntakeItem) Line(lang msg.Lang) string {
	var b strings.Builder
	b.WriteString(strings.Join(it.Rules(), "+"))
	b.WriteString(": ")
	if len(it.reasons) > 0 {
		b.WriteString(it.reasons[0].Text(lang))
	}
	return b.String()
}

// ---- the notification ----

// Notification is a notification (underretning) the municipality received.
// Pass times in Danish local time: the receipt's date, in the receipt
// time's own location, chooses the law and the due date.
type Notification struct {
	Case     string
	Received time.Time // when the municipality received it; required
	// Assessed is when it was assessed for the need of acute measures (the
	// "24 timers vurdering"); zero if not yet.
	Assessed time.Time

	// FromProfessional: the notifier is a professional with the heightened
	// duty to notify (BL § 133, tidl. SEL § 153), who is owed a receipt
	// (NotifierReceiptDeadline).
	FromProfessional bool
	// ReceiptSent is when the receipt was sent to the notifier; zero if
	// not yet.
	ReceiptSent time.Time
	// AlreadySupported: the child already receives support, is placed or
	// has a youth-crime measure, so the case is reassessed (BL § 137, stk.
	// 1; ReassessmentDeadline).
	AlreadySupported bool
	// Reassessed is when the case was reassessed by someone not involved
	// before; zero if not yet.
	Reassessed time.Time
	// Abuse: the notification is about abuse of the child, so a
	// conversation with the child is held (BL § 137, stk. 3;
	// NotificationConversationDeadline).
	Abuse bool
	// ChildTalked is when the conversation with the child was held; zero
	// if not yet.
	ChildTalked time.Time
}

// NotificationDeadline returns the 24-hour assessment of a notification as
// of now: whether the child's health or development is in danger and acute
// measures are needed (BL § 136, tidl. SEL § 155, stk. 2; Kompendium s.
// 28). The deadline is exactly 24 hours after receipt, counted in elapsed
// time (across a change to or from summer time the wall clock at the
// deadline reads an hour later or earlier than at receipt), and no working
// day softens it: a notification received on a Friday afternoon is due on
// Saturday afternoon. It is overdue when now is after the
// deadline and no assessment is recorded; an assessment after the deadline
// is done late by LateBy.
func NotificationDeadline(n Notification, now time.Time) (IntakeItem, error) {
	return Herning().notificationDeadline("followup.NotificationDeadline", n, now)
}

// NotificationDeadline is the package function NotificationDeadline under
// the regime's rules.
func (r *Regime) NotificationDeadline(n Notification, now time.Time) (IntakeItem, error) {
	return r.notificationDeadline("followup.Regime.NotificationDeadline", n, now)
}

func (r *Regime) notificationDeadline(op string, n Notification, now time.Time) (IntakeItem, error) {
	switch {
	case n.Received.IsZero():
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q: zero received time", op, ErrInput, n.Case)
	case now.IsZero():
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q: zero now", op, ErrInput, n.Case)
	case intakeTooLate(n.Received) || intakeTooLate(now) || intakeTooLate(n.Assessed):
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q: a time after the year 9999 (received %s, assessed %s, now %s)", op, ErrInput, n.Case, intakeClock(n.Received), intakeClock(n.Assessed), intakeClock(now))
	case n.Received.After(now):
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q: received %s is after now %s", op, ErrInput, n.Case, intakeClock(n.Received), intakeClock(now))
	case !n.Assessed.IsZero() && n.Assessed.Before(n.Received):
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q: assessed %s is before received %s", op, ErrInput, n.Case, intakeClock(n.Assessed), intakeClock(n.Received))
	case n.Assessed.After(now):
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q: assessed %s is after now %s", op, ErrInput, n.Case, intakeClock(n.Assessed), intakeClock(now))
	}
	received := date.NewAt(n.Received)
	rule, err := r.intakeRuleFor(op, NotificationAssessment, received, 0, false)
	if err != nil {
		return IntakeItem{}, fmt.Errorf("%w (case %q, received %s)", err, n.Case, intakeClock(n.Received))
	}
	dueAt := n.Received.Add(time.Duration(rule.Hours) * time.Hour)
	due := date.NewAt(dueAt)
	it := IntakeItem{Case: n.Case, Kind: NotificationAssessment, Rule: rule.ID, Source: rule.Source, Statutory: true,
		Due: due, DueAt: dueAt, WorkingDay: due}
	switch {
	case !n.Assessed.IsZero():
		it.Status = Done
		it.DoneAt = n.Assessed
		it.DoneOn = date.NewAt(n.Assessed.In(n.Received.Location()))
		it.Late = int(it.DoneOn - due)
		it.LateBy = n.Assessed.Sub(dueAt)
	case now.After(dueAt):
		it.Status = Overdue
	default:
		it.Status = Upcoming
	}
	parts := []msg.Message{msg.New("followup.intake.notification", "received", msg.String(intakeClock(n.Received)),
		"hours", msg.Int(rule.Hours), "due", msg.String(intakeClock(dueAt)))}
	parts = append(parts, intakeLawNote(rule, "followup.intake.by.receipt", received, due)...)
	switch {
	case it.Status != Done:
	case it.LateBy > 0:
		parts = append(parts, msg.New("followup.intake.done-at.late", "what", msg.Nested(msg.New("followup.intake.verb.assessed")),
			"at", msg.String(intakeClock(n.Assessed)), "by", msg.Duration(it.LateBy)))
	default:
		parts = append(parts, msg.New("followup.intake.done-at.on-time", "what", msg.Nested(msg.New("followup.intake.verb.assessed")),
			"at", msg.String(intakeClock(n.Assessed))))
	}
	it.reasons = []Reason{intakeReason(rule, parts...)}
	return it, nil
}

// ---- the child assessment ----

// Assessment is a child assessment (børnefaglig undersøgelse).
type Assessment struct {
	Case string
	// Learned is the day the municipality learned that the child may need
	// special support: the clock starts. Required.
	Learned date.Date
	// Started is the day the assessment was started; zero means Learned.
	// It decides whether Herning's network map is required (from 1 January
	// 2016).
	Started date.Date
	// Finished is the day the assessment was finished; zero if not yet.
	Finished date.Date
	// Preliminary is the day a preliminary assessment (foreløbig vurdering)
	// was made; zero if none.
	Preliminary date.Date
	// NetworkMap: the municipality's requirements on the assessment are
	// recorded as met — in Herning's regime the one requirement is the
	// network map (netværkskort) made with the parents and the child.
	NetworkMap bool
}

// AssessmentDeadlines returns the deadlines of a child assessment as of
// asOf: the assessment finished at the latest 4 months after the
// municipality learned of the need (BL § 20, stk. 3; tidl. SEL § 50, stk.
// 7), and, unless it was finished by then, a preliminary assessment due on
// the same day, after which the assessment is finished as soon as possible.
//
// The preliminary item is listed whenever the assessment was not finished
// by its deadline: as Conditional while it still can be (not finished,
// asOf on or before the deadline, no preliminary assessment recorded),
// then as an ordinary item, overdue until a preliminary assessment is
// recorded — also when the assessment was finished late without one. An
// assessment finished on time owes none, so none is listed (a recorded
// preliminary assessment is then ignored).
//
// An assessment started on or after 1 January 2016 carries Herning's
// network-map requirement (H-NETVAERKSKORT). A nil cal means
// workday.Danish().
func AssessmentDeadlines(a Assessment, asOf date.Date, cal *workday.Calendar) ([]IntakeItem, error) {
	return Herning().assessmentDeadlines("followup.AssessmentDeadlines", a, asOf, cal)
}

// AssessmentDeadlines is the package function AssessmentDeadlines under
// the regime's rules: its statutory sets' deadline and its municipal set's
// requirements.
func (r *Regime) AssessmentDeadlines(a Assessment, asOf date.Date, cal *workday.Calendar) ([]IntakeItem, error) {
	return r.assessmentDeadlines("followup.Regime.AssessmentDeadlines", a, asOf, cal)
}

func (r *Regime) assessmentDeadlines(op string, a Assessment, asOf date.Date, cal *workday.Calendar) ([]IntakeItem, error) {
	started := a.Started
	if started == 0 {
		started = a.Learned
	}
	fail := func(format string, args ...any) ([]IntakeItem, error) {
		return nil, fmt.Errorf("%s: %w: case %q: %s", op, ErrInput, a.Case, fmt.Sprintf(format, args...))
	}
	switch {
	case a.Learned == 0:
		return fail("zero learned date")
	case asOf == 0:
		return fail("zero as-of date")
	case asOf > maxIntakeDay:
		return fail("as-of date %s is after the year 9999", asOf)
	case a.Learned > asOf:
		return fail("learned %s is after the as-of date %s", a.Learned, asOf)
	case started < a.Learned:
		return fail("started %s is before learned %s", started, a.Learned)
	case started > asOf:
		return fail("started %s is after the as-of date %s", started, asOf)
	case a.Finished != 0 && a.Finished < started:
		return fail("finished %s is before started %s", a.Finished, started)
	case a.Finished > asOf:
		return fail("finished %s is after the as-of date %s", a.Finished, asOf)
	case a.Preliminary != 0 && a.Preliminary < a.Learned:
		return fail("preliminary assessment %s is before learned %s", a.Preliminary, a.Learned)
	case a.Preliminary > asOf:
		return fail("preliminary assessment %s is after the as-of date %s", a.Preliminary, asOf)
	case a.Preliminary != 0 && a.Finished != 0 && a.Preliminary > a.Finished:
		return fail("preliminary assessment %s is after finished %s", a.Preliminary, a.Finished)
	}
	rule, err := r.intakeRuleFor(op, ChildAssessment, a.Learned, 0, false)
	if err != nil {
		return nil, fmt.Errorf("%w (case %q, learned %s)", err, a.Case, a.Learned)
	}
	due := rule.Within.AddTo(a.Learned)
	work := cal.OnOrBefore(due)

	main := IntakeItem{Case: a.Case, Kind: ChildAssessment, Rule: rule.ID, Source: rule.Source, Statutory: true, Due: due, WorkingDay: work}
	main.Status, main.DoneOn, main.Late = intakeStatus(due, a.Finished, asOf)
	parts := []msg.Message{msg.New("followup.intake.assessment", "learned", msg.Date(a.Learned), "within", spanValue(rule.Within), "due", msg.Date(due))}
	parts = append(parts, intakeMonthEnd(a.Learned, due)...)
	parts = append(parts, intakeLawNote(rule, "followup.intake.by.learned", a.Learned, due)...)
	if main.Status == Overdue {
		parts = append(parts, msg.New("followup.intake.assessment-overdue"))
	}
	parts = append(parts, intakeOutcome(main, "followup.intake.verb.finished")...)
	main.reasons = []Reason{intakeReason(rule, parts...)}

	for _, req := range r.requirementsFor(ChildAssessment, started) {
		rparts := []msg.Message{msg.New("followup.intake.requirement", "started", msg.Date(started), "from", msg.Date(req.Effective))}
		if req.Note.En != "" {
			rparts = append(rparts, msg.New("followup.why.note", "note", textOf(req.Note)))
		}
		if a.NetworkMap {
			rparts = append(rparts, msg.New("followup.intake.requirement-met"))
		} else {
			rparts = append(rparts, msg.New("followup.intake.requirement-unmet"))
		}
		main.Requirements = append(main.Requirements, Requirement{RuleID: req.ID, Source: req.Source, Met: a.NetworkMap, Name: req.Name})
		main.reasons = append(main.reasons, intakeReason(req, rparts...))
	}
	items := []IntakeItem{main}
	if a.Finished != 0 && a.Finished <= due {
		return items, nil
	}

	pre := IntakeItem{Case: a.Case, Kind: PreliminaryAssessment, Rule: rule.ID, Source: rule.Source, Statutory: true, Due: due, WorkingDay: work}
	pre.Status, pre.DoneOn, pre.Late = intakeStatus(due, a.Preliminary, asOf)
	pre.Conditional = a.Finished == 0 && a.Preliminary == 0 && asOf <= due
	parts = []msg.Message{msg.New("followup.intake.preliminary", "due", msg.Date(due))}
	switch {
	case pre.Conditional:
		parts = append(parts, msg.New("followup.intake.preliminary-conditional", "due", msg.Date(due)))
	case a.Finished != 0:
		parts = append(parts, msg.New("followup.intake.finished-late", "finished", msg.Date(a.Finished)))
	default:
		parts = append(parts, msg.New("followup.intake.not-finished"))
	}
	parts = append(parts, intakeLawNote(rule, "followup.intake.by.learned", a.Learned, due)...)
	parts = append(parts, intakeOutcome(pre, "followup.intake.verb.preliminary")...)
	pre.reasons = []Reason{intakeReason(rule, parts...)}
	return append(items, pre), nil
}

// ---- the child's plan ----

// PlanDecision is a decision on a measure that may call for the child's
// plan (barnets plan; before 2024 the action plan, handleplan).
type PlanDecision struct {
	Case    string
	Measure string
	// Decided is the day of the decision; required. It may lie after asOf
	// (a planned decision). It chooses the law.
	Decided date.Date
	// Basis is the measure's legal category: ladder.BasisPlacement or
	// ladder.BasisSupport.
	Basis ladder.Basis
	// WithoutConsent: a placement without consent (BL § 47, tidl. SEL §
	// 58). Under Barnets Lov its plan exists before the decision.
	WithoutConsent bool
	// Urgent: under Serviceloven, an urgent case where only a short
	// statement of purpose preceded the decision; the full action plan is
	// due 4 months after it. Ignored under Barnets Lov.
	Urgent bool
	// PlanChosen: for support under BL § 32 the municipality decided to make
	// a child's plan. Ignored for placements and under Serviceloven.
	PlanChosen bool
	// Made is the day the plan was made; zero if not yet.
	Made date.Date
}

// ChildsPlanDeadline returns when the child's plan is due as of asOf, and
// false if no plan is owed (support under BL § 32 where the municipality
// did not decide to make one). The law follows the decision date:
//
//   - Barnets Lov (decided on or after 1 January 2024), BL § 91: a
//     placement's plan at the latest 3 months after the decision; for a
//     placement without consent (§ 47) before the decision; for § 32
//     support, if the municipality decided to make one, within 3 months.
//   - Serviceloven (decided before), SEL § 140: the action plan before the
//     decision, or in an urgent case within 4 months after it.
//
// "Before the decision" is due the day before the decision date: a date
// cannot show that a plan made on the decision day came first, so that
// plan counts as 1 day late. A nil cal means workday.Danish().
func ChildsPlanDeadline(p PlanDecision, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	return Herning().childsPlanDeadline("followup.ChildsPlanDeadline", p, asOf, cal)
}

// ChildsPlanDeadline is the package function ChildsPlanDeadline under the
// regime's rules.
func (r *Regime) ChildsPlanDeadline(p PlanDecision, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	return r.childsPlanDeadline("followup.Regime.ChildsPlanDeadline", p, asOf, cal)
}

func (r *Regime) childsPlanDeadline(op string, p PlanDecision, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	fail := func(format string, args ...any) (IntakeItem, bool, error) {
		return IntakeItem{}, false, fmt.Errorf("%s: %w: case %q, measure %q: %s", op, ErrInput, p.Case, p.Measure, fmt.Sprintf(format, args...))
	}
	switch {
	case p.Decided == 0:
		return fail("zero decision date")
	case asOf == 0:
		return fail("zero as-of date")
	case asOf > maxIntakeDay || p.Decided > maxIntakeDay:
		return fail("a date after the year 9999 (decided %s, as-of %s)", p.Decided, asOf)
	case p.Basis != ladder.BasisPlacement && p.Basis != ladder.BasisSupport:
		return fail("basis %s; the plan rules cover placement and support", p.Basis)
	case p.WithoutConsent && p.Basis != ladder.BasisPlacement:
		return fail("without consent, but basis %s is not a placement", p.Basis)
	case p.Made > asOf:
		return fail("plan made %s is after the as-of date %s", p.Made, asOf)
	}
	rule, err := r.intakeRuleFor(op, ChildsPlan, p.Decided, p.facts(), true)
	if err != nil {
		return IntakeItem{}, false, fmt.Errorf("%w (case %q, measure %q, decided %s)", err, p.Case, p.Measure, p.Decided)
	}
	if rule == nil {
		if r.StatutoryAt(p.Decided) == nil {
			return fail("no statutory rule set in force on the decision date %s", p.Decided)
		}
		return IntakeItem{}, false, nil // no row fits: no plan is owed
	}
	due := intakeDue(rule, p.Decided)
	it := IntakeItem{Case: p.Case, Measure: p.Measure, Kind: ChildsPlan, Rule: rule.ID, Source: rule.Source, Statutory: true,
		Due: due, WorkingDay: cal.OnOrBefore(due)}
	it.Status, it.DoneOn, it.Late = intakeStatus(due, p.Made, asOf)
	when := textOf(Text{Da: upperFirst(rule.When.Da), En: upperFirst(rule.When.En)})
	var parts []msg.Message
	if rule.Before {
		parts = append(parts, msg.New("followup.intake.plan-before", "when", when, "decided", msg.Date(p.Decided), "due", msg.Date(due)))
	} else {
		parts = append(parts, msg.New("followup.intake.plan-within", "when", when, "decided", msg.Date(p.Decided), "within", spanValue(rule.Within), "due", msg.Date(due)))
		parts = append(parts, intakeMonthEnd(p.Decided, due)...) // a clamp only happens when months are added
	}
	parts = append(parts, intakeLawNote(rule, "followup.intake.by.decision", p.Decided, due)...)
	parts = append(parts, intakeOutcome(it, "followup.intake.verb.made")...)
	it.reasons = []Reason{intakeReason(rule, parts...)}
	return it, true, nil
}

// facts are the facts of the decision that choose the plan's row.
func (p PlanDecision) facts() Facts {
	var f Facts
	if p.Basis == ladder.BasisPlacement {
		f = f.With(FactPlacement)
	}
	if p.Basis == ladder.BasisSupport {
		f = f.With(FactSupport)
	}
	if p.WithoutConsent {
		f = f.With(FactWithoutConsent)
	}
	if p.Urgent {
		f = f.With(FactUrgent)
	}
	if p.PlanChosen {
		f = f.With(FactPlanChosen)
	}
	return f
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

// ---- hearing the child ----

// ChildHearing is a measure about to start, for hearing the child
// (partshøring af barnet).
type ChildHearing struct {
	Case    string
	Measure string
	// Start is the day the measure starts; required. It may lie after asOf.
	// It chooses the law.
	Start date.Date
	// Heard is the day the child was heard (journal note "partshøring – af
	// barnet"); zero if not yet.
	Heard date.Date
}

// HearingDeadline returns when the child is to be heard before a measure
// starts (BL § 5, stk. 3, tidl. SEL § 48; Kompendium: journal note
// "partshøring – af barnet"). It is due the day before the start: a date
// cannot show that a hearing on the start day came first, so that hearing
// counts as 1 day late. The law follows the start date. A nil cal means
// workday.Danish().
func HearingDeadline(h ChildHearing, asOf date.Date, cal *workday.Calendar) (IntakeItem, error) {
	return Herning().hearingDeadline("followup.HearingDeadline", h, asOf, cal)
}

// HearingDeadline is the package function HearingDeadline under the
// regime's rules.
func (r *Regime) HearingDeadline(h ChildHearing, asOf date.Date, cal *workday.Calendar) (IntakeItem, error) {
	return r.hearingDeadline("followup.Regime.HearingDeadline", h, asOf, cal)
}

func (r *Regime) hearingDeadline(op string, h ChildHearing, asOf date.Date, cal *workday.Calendar) (IntakeItem, error) {
	fail := func(format string, args ...any) (IntakeItem, error) {
		return IntakeItem{}, fmt.Errorf("%s: %w: case %q, measure %q: %s", op, ErrInput, h.Case, h.Measure, fmt.Sprintf(format, args...))
	}
	switch {
	case h.Start == 0:
		return fail("zero start date")
	case asOf == 0:
		return fail("zero as-of date")
	case asOf > maxIntakeDay || h.Start > maxIntakeDay:
		return fail("a date after the year 9999 (start %s, as-of %s)", h.Start, asOf)
	case h.Heard > asOf:
		return fail("heard %s is after the as-of date %s", h.Heard, asOf)
	}
	rule, err := r.intakeRuleFor(op, Hearing, h.Start, 0, false)
	if err != nil {
		return IntakeItem{}, fmt.Errorf("%w (case %q, measure %q, start %s)", err, h.Case, h.Measure, h.Start)
	}
	due := intakeDue(rule, h.Start)
	it := IntakeItem{Case: h.Case, Measure: h.Measure, Kind: Hearing, Rule: rule.ID, Source: rule.Source, Statutory: true,
		Due: due, WorkingDay: cal.OnOrBefore(due)}
	it.Status, it.DoneOn, it.Late = intakeStatus(due, h.Heard, asOf)
	parts := []msg.Message{msg.New("followup.intake.hearing", "start", msg.Date(h.Start), "due", msg.Date(due))}
	if rule.Note.En != "" {
		parts = append(parts, msg.New("followup.why.note", "note", textOf(rule.Note)))
	}
	parts = append(parts, intakeLawNote(rule, "followup.intake.by.start", h.Start, due)...)
	parts = append(parts, intakeOutcome(it, "followup.intake.verb.heard")...)
	it.reasons = []Reason{intakeReason(rule, parts...)}
	return it, nil
}

// ---- helpers ----

func intakeDue(r *IntakeRule, anchor date.Date) date.Date {
	if r.Before {
		return anchor - 1
	}
	return r.Within.AddTo(anchor)
}

// intakeStatus is the status of a date-based item: done if done is set
// (late by done − due days), overdue if due before asOf, else upcoming.
func intakeStatus(due, done, asOf date.Date) (Status, date.Date, int) {
	switch {
	case done != 0:
		return Done, done, int(done - due)
	case due < asOf:
		return Overdue, 0, 0
	}
	return Upcoming, 0, 0
}

func intakeReason(r *IntakeRule, parts ...msg.Message) Reason {
	all := append([]msg.Message{msg.New("followup.why.law", "name", textOf(r.Name))}, parts...)
	return Reason{RuleID: r.ID, RuleSet: r.RuleSet, Layer: r.Layer, Effective: r.Effective, Source: r.Source, Parts: all}
}

// intakeLawNote explains the choice of law when the deadline falls under the
// other law than the day the clock started; by names that day (a message
// code such as "followup.intake.by.receipt").
func intakeLawNote(r *IntakeRule, by string, anchor, due date.Date) []msg.Message {
	if m := lawNote(r, msg.Nested(msg.New(by)), anchor, due); m.Code != "" {
		return []msg.Message{m}
	}
	return nil
}

// lawNote is the note on the law chosen by the day the clock started
// (what that day is: by), or no message when the deadline falls under the
// same law.
func lawNote(r *IntakeRule, by msg.Value, anchor, due date.Date) msg.Message {
	switch {
	case r.Until != 0 && due > r.Until:
		return msg.New("followup.intake.law.after", "anchor", by, "day", msg.Date(anchor), "law", msg.String(r.RuleSet), "boundary", msg.Date(r.Until+1))
	case due < r.Effective:
		return msg.New("followup.intake.law.before", "anchor", by, "day", msg.Date(anchor), "law", msg.String(r.RuleSet), "boundary", msg.Date(r.Effective))
	}
	return msg.Message{}
}

// intakeMonthEnd explains a due date clamped to the month's last day.
func intakeMonthEnd(anchor, due date.Date) []msg.Message {
	if anchor.Day() == due.Day() {
		return nil
	}
	return []msg.Message{msg.New("followup.intake.month-end", "day", msg.Int(anchor.Day()))}
}

// intakeOutcome describes a done date-based item; verb is a message code
// such as "followup.intake.verb.made".
func intakeOutcome(it IntakeItem, verb string) []msg.Message {
	if m := outcome(it, msg.Nested(msg.New(verb))); m.Code != "" {
		return []msg.Message{m}
	}
	return nil
}

// outcome describes a done date-based item (what was done: what), or no
// message for one not done.
func outcome(it IntakeItem, what msg.Value) msg.Message {
	switch {
	case it.Status != Done:
		return msg.Message{}
	case it.Late <= 0:
		return msg.New("followup.intake.done.on-time", "what", what, "on", msg.Date(it.DoneOn))
	}
	return msg.New("followup.intake.done.late", "what", what, "on", msg.Date(it.DoneOn), "late", msg.Days(it.Late))
}

// intakeClock formats a moment for a case worker, in its own location; "" for
// the zero time.
func intakeClock(t time.Time) string {
	if t.IsZero() {
		return `""`
	}
	return t.Format("2006-01-02 15:04 MST")
}

func intakeTooLate(t time.Time) bool { return t.Year() > 9999 }
