// SMART goals in the child's plan (mål i barnets plan / handleplan).
//
// Herning follows up every measure against the goals of the action plan,
// written after SMART (Kompendium s. 32): S specifik, M målbart, A accepterede
// og attraktive for barnet, R realistiske, T tidsfaste. The Kompendium's
// guiding questions — what is the goal, who works on it, how can progress be
// seen, when is it expected met — map onto the fields of Goal. Socialstyrelsen
// asks for concrete goals, sub-goals (delmål) and a time frame set together
// with the child and the family (Strategisk ramme, "Kontinuerlig vurdering af
// progression"), and Barnets Lov § 92 has the child's plan hold concrete goals
// set with the child and the parents.
//
// This file holds the Goal value and ValidateGoal; progress.go holds goal
// progress and the follow-up review.

package measure

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder/finding"
)

// Sources cited by the SMART findings.
const (
	srcKompendium = "Kompendium s. 32"
	srcFollowUp   = "Kompendium s. 32–35"
	srcStrategisk = "Strategisk ramme, \"Kontinuerlig vurdering af progression\""
	srcBL92       = "BL § 92; Kompendium s. 32"
)

// Goal is one goal in the child's plan (mål i barnets plan / handleplan),
// tied to the measure (indsats) it belongs to.
//
// The fields answer the Kompendium's guiding questions: What (what is the
// goal?), Who (who works on it?), Indicator or Criteria (how can progress be
// seen?) and Due (when is it expected met?). Acceptance records that the
// child accepted the goal, SubGoals are its delmål.
//
// The zero value is an empty goal with no id, text, indicator or dates;
// ValidateGoal reports everything it lacks. A zero date field means "not
// set". Goal is a value: copy it freely, but do not mutate the slices of a
// Goal that someone else holds.
type Goal struct {
	// ID identifies the goal within the case; findings use it as Subject.
	ID string `json:"id"`
	// What states the goal in words, in Danish ("Hvad er målet?").
	What string `json:"what"`
	// Who names the people or roles that work on the goal ("Hvem arbejder
	// med det?"), e.g. "Mathias", "mor", "kontaktperson", "skolen".
	Who []string `json:"who,omitempty"`
	// Indicator is the measurable indicator, if any. The zero Indicator
	// means none.
	Indicator Indicator `json:"indicator,omitzero"`
	// Criteria are observable criteria, used instead of or beside an
	// indicator, e.g. "spiser morgenmad hjemme før skole".
	Criteria []string `json:"criteria,omitempty"`
	// Due is when the goal is expected met ("Hvornår forventes det
	// opfyldt?"). Zero means not set.
	Due date.Date `json:"due,omitzero"`
	// Met is the date the goal was recorded as met. Zero means not met.
	Met date.Date `json:"met,omitzero"`
	// Acceptance records the child's acceptance of the goal.
	Acceptance Acceptance `json:"acceptance,omitzero"`
	// SubGoals are the goal's delmål, in the order the plan lists them.
	SubGoals []SubGoal `json:"subGoals,omitempty"`
	// MeasureID is the id of the measure (indsats) the goal belongs to.
	MeasureID string `json:"measureId,omitempty"`
	// PlanFrom and PlanTo bound the plan period. Zero means not set.
	PlanFrom date.Date `json:"planFrom,omitzero"`
	PlanTo   date.Date `json:"planTo,omitzero"`
	// MeasureEnd is the measure's end date. Zero means the measure is open.
	MeasureEnd date.Date `json:"measureEnd,omitzero"`
}

// SubGoal is a delmål: a step on the way to its Goal, with its own text,
// indicator or criteria and due date. Who works on it and the child's
// acceptance are those of the parent goal.
//
// The zero value is an empty sub-goal; ValidateGoal reports what it lacks.
type SubGoal struct {
	ID        string    `json:"id"`
	What      string    `json:"what"`
	Indicator Indicator `json:"indicator,omitzero"`
	Criteria  []string  `json:"criteria,omitempty"`
	Due       date.Date `json:"due,omitzero"`
	Met       date.Date `json:"met,omitzero"`
}

// Indicator is a measurable indicator: what is measured (Name) in which
// Unit, where the child stands at the start (Baseline) and the value to
// reach (Target), optionally on a declared Scale.
//
// The direction of change is inferred: a Target above the Baseline means
// the value should go up (fremmøde 2 → 5 dage pr. uge), below means down
// (SDQ totalscore 24 → 16).
//
// The zero value (no name, no unit, no scale, baseline and target 0) means
// "no indicator"; see IsZero.
type Indicator struct {
	Name     string  `json:"name,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	Scale    Scale   `json:"scale,omitzero"`
	Baseline float64 `json:"baseline"`
	Target   float64 `json:"target"`
}

// IsZero reports whether i is the zero Indicator, that is no indicator.
func (i Indicator) IsZero() bool { return i == Indicator{} }

// Direction is the direction of change from Baseline to Target.
func (i Indicator) Direction() Direction {
	switch {
	case i.Target > i.Baseline:
		return Increase
	case i.Target < i.Baseline:
		return Decrease
	}
	return Unchanged
}

// Scale is the declared range [Min, Max] of an indicator, e.g. 0–40 for
// the SDQ total difficulties score or 0–5 for school days a week. The zero
// value (0–0) means no scale is declared. A declared scale needs Min < Max.
type Scale struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// IsZero reports whether no scale is declared.
func (s Scale) IsZero() bool { return s == Scale{} }

// Contains reports whether x lies in [Min, Max]. A zero Scale contains
// every number.
func (s Scale) Contains(x float64) bool {
	return s.IsZero() || (x >= s.Min && x <= s.Max)
}

// Acceptance records whether and how the child accepted a goal (A in SMART:
// accepterede og attraktive for barnet).
//
// The zero value means no acceptance is recorded.
type Acceptance struct {
	// Accepted is true when the child accepted the goal.
	Accepted bool `json:"accepted"`
	// RecordedOn is the date the acceptance (or refusal) was recorded.
	RecordedOn date.Date `json:"recordedOn,omitzero"`
	// How says how it was recorded, e.g. "børnesamtale 2026-03-02".
	How string `json:"how,omitempty"`
	// Attractive says whether the child finds the goal attractive; Unset
	// means nobody asked or noted it.
	Attractive Answer `json:"attractive,omitzero"`
}

// Direction is the direction an indicator should move. The zero value,
// Unchanged, is meaningful: target equals baseline, nothing to achieve.
type Direction int8

const (
	// Decrease: the target is below the baseline (fewer problems).
	Decrease Direction = -1
	// Unchanged: the target equals the baseline.
	Unchanged Direction = 0
	// Increase: the target is above the baseline.
	Increase Direction = 1
)

// IsValid reports whether d is Decrease, Unchanged or Increase.
func (d Direction) IsValid() bool { return d >= Decrease && d <= Increase }

// String returns the stable code "ned", "uaendret" or "op", or a
// diagnostic like "measure.Direction(5)".
func (d Direction) String() string {
	switch d {
	case Decrease:
		return "ned"
	case Unchanged:
		return "uaendret"
	case Increase:
		return "op"
	}
	return fmt.Sprintf("measure.Direction(%d)", int8(d))
}

// Danish returns the Danish label.
func (d Direction) Danish() string {
	if d == Unchanged {
		return "uændret"
	}
	return d.String()
}

// MarshalText returns the stable code.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("measure.Direction.MarshalText: invalid direction %d", int8(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses a stable code.
func (d *Direction) UnmarshalText(b []byte) error {
	for _, v := range []Direction{Decrease, Unchanged, Increase} {
		if v.String() == string(b) {
			*d = v
			return nil
		}
	}
	return fmt.Errorf("measure.Direction.UnmarshalText: unknown direction %q", string(b))
}

// Answer is a recorded yes or no, or none. The zero value, Unset, is
// meaningful: nothing has been recorded.
type Answer uint8

const (
	// Unset: no answer recorded.
	Unset Answer = iota
	// Yes: answered yes (ja).
	Yes
	// No: answered no (nej).
	No
)

var answerCodes = [...]string{Unset: "ikke-besvaret", Yes: "ja", No: "nej"}

// IsValid reports whether a is Unset, Yes or No.
func (a Answer) IsValid() bool { return a <= No }

// String returns the stable code "ikke-besvaret", "ja" or "nej", or a
// diagnostic like "measure.Answer(7)".
func (a Answer) String() string {
	if !a.IsValid() {
		return fmt.Sprintf("measure.Answer(%d)", uint8(a))
	}
	return answerCodes[a]
}

// Danish returns the Danish label.
func (a Answer) Danish() string {
	if a == Unset {
		return "ikke besvaret"
	}
	return a.String()
}

// MarshalText returns the stable code.
func (a Answer) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, fmt.Errorf("measure.Answer.MarshalText: invalid answer %d", uint8(a))
	}
	return []byte(answerCodes[a]), nil
}

// UnmarshalText parses a stable code; the empty text is Unset.
func (a *Answer) UnmarshalText(b []byte) error {
	v, err := ParseAnswer(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// ParseAnswer parses "ja", "nej", "ikke-besvaret" or "" (Unset).
func ParseAnswer(text string) (Answer, error) {
	if text == "" {
		return Unset, nil
	}
	for i, c := range answerCodes {
		if c == text {
			return Answer(i), nil
		}
	}
	return Unset, fmt.Errorf("measure.ParseAnswer: unknown answer %q", text)
}

// Thresholds of the SMART rules. They are constants so that a finding means
// the same thing in every vendor's system.
const (
	// MinGoalWords is the fewest words (runs of non-space characters) a
	// goal text needs to count as specific (rule smart.S.too-short).
	MinGoalWords = 3
	// SteepShare and SteepDays define an unrealistic target (rule
	// smart.R.steep-target): a change of more than SteepShare of the
	// declared scale in fewer than SteepDays days from the plan start
	// (91 days = 13 weeks, about three months).
	SteepShare = 0.5
	SteepDays  = 91
)

// vagueWords are Danish words that say a direction without saying what or
// how much (rule smart.S.vague). Kept sorted.
var vagueWords = []string{
	"bedre", "forbedre", "forbedring", "generel", "generelt", "god", "gode",
	"godt", "mere", "mindre", "positiv", "positive", "positivt", "styrke",
	"styrket", "trives", "trivsel", "tryg", "tryghed", "udvikle", "udvikling",
	"øge", "øget",
}

// VagueWords returns the Danish words that make a goal text vague (rule
// smart.S.vague), sorted. The caller owns the returned slice.
func VagueWords() []string { return slices.Clone(vagueWords) }

// Rule describes one finding code that ValidateGoal or CheckReview can
// report: its code, SMART letter ("" for input and review codes),
// severity, source and a one-line description.
type Rule struct {
	Code     string           `json:"code"`
	Letter   string           `json:"letter,omitempty"`
	Severity finding.Severity `json:"severity"`
	Source   string           `json:"source"`
	Da       string           `json:"da"`
	En       string           `json:"en"`
}

// rules lists every code, in the order ValidateGoal and CheckReview sort
// their findings (input, S, M, A, R, T, review; by code within each).
var rules = []Rule{
	{"smart.input.bad-answer", "", finding.Error, srcKompendium, "Et ja/nej-felt har en ukendt værdi.", "A yes/no field has an unknown value."},
	{"smart.input.duplicate-id", "", finding.Error, srcKompendium, "To delmål har samme id.", "Two sub-goals share an id."},
	{"smart.input.met-after-as-of", "", finding.Error, srcKompendium, "Målet er nået på en dato efter vurderingsdatoen.", "The goal is met on a date after the as-of date."},
	{"smart.input.no-as-of", "", finding.Error, srcKompendium, "Vurderingsdatoen mangler.", "The as-of date is missing."},
	{"smart.input.no-id", "", finding.Error, srcKompendium, "Målet eller delmålet har intet id.", "The goal or sub-goal has no id."},
	{"smart.input.no-review-date", "", finding.Error, srcFollowUp, "Opfølgningen har ingen dato.", "The review has no date."},
	{"smart.input.not-finite", "", finding.Error, srcKompendium, "Et tal er NaN eller uendeligt.", "A number is NaN or infinite."},
	{"smart.input.plan-inverted", "", finding.Error, srcKompendium, "Planperioden slutter før den begynder.", "The plan period ends before it starts."},
	{"smart.input.review-goal-mismatch", "", finding.Error, srcFollowUp, "Opfølgningen gælder et andet mål.", "The review is about another goal."},
	{"smart.input.scale-inverted", "", finding.Error, srcKompendium, "Skalaens min er ikke mindre end maks.", "The scale's min is not below its max."},

	{"smart.S.no-text", "S", finding.Error, srcKompendium, "Målet har ingen tekst.", "The goal has no text."},
	{"smart.S.no-who", "S", finding.Warning, srcKompendium, "Ingen er nævnt som dem der arbejder med målet.", "Nobody is named as working on the goal."},
	{"smart.S.too-short", "S", finding.Warning, srcKompendium, "Målteksten har færre end 3 ord.", "The goal text has fewer than 3 words."},
	{"smart.S.vague", "S", finding.Warning, srcKompendium, "Målteksten har vage ord og hverken tal, indikator eller kriterier.", "The goal text has vague words and no number, indicator or criteria."},

	{"smart.M.baseline-out-of-scale", "M", finding.Error, srcKompendium, "Udgangspunktet ligger uden for skalaen.", "The baseline lies outside the scale."},
	{"smart.M.blank-criterion", "M", finding.Error, srcKompendium, "Et kriterie er tomt.", "A criterion is blank."},
	{"smart.M.indicator-no-name", "M", finding.Error, srcKompendium, "Indikatoren har intet navn.", "The indicator has no name."},
	{"smart.M.indicator-no-unit", "M", finding.Error, srcKompendium, "Indikatoren har ingen enhed.", "The indicator has no unit."},
	{"smart.M.no-indicator", "M", finding.Error, srcKompendium, "Målet har hverken indikator eller kriterier.", "The goal has neither indicator nor criteria."},
	{"smart.M.target-equals-baseline", "M", finding.Error, srcKompendium, "Målværdien er lig udgangspunktet.", "The target equals the baseline."},
	{"smart.M.target-out-of-scale", "M", finding.Error, srcKompendium, "Målværdien ligger uden for skalaen.", "The target lies outside the scale."},

	{"smart.A.accepted-after-as-of", "A", finding.Error, srcBL92, "Accepten er dateret efter vurderingsdatoen.", "The acceptance is dated after the as-of date."},
	{"smart.A.attractive-unknown", "A", finding.Info, srcKompendium, "Det er ikke noteret om barnet finder målet attraktivt.", "Whether the child finds the goal attractive is not noted."},
	{"smart.A.no-acceptance-date", "A", finding.Error, srcBL92, "Accepten har ingen dato.", "The acceptance has no date."},
	{"smart.A.no-acceptance-how", "A", finding.Warning, srcBL92, "Der står ikke hvordan accepten blev givet.", "How the acceptance was given is not recorded."},
	{"smart.A.not-accepted", "A", finding.Error, srcBL92, "Barnets accept er ikke registreret.", "The child's acceptance is not recorded."},
	{"smart.A.not-attractive", "A", finding.Warning, srcKompendium, "Barnet finder ikke målet attraktivt.", "The child does not find the goal attractive."},

	{"smart.R.due-before-plan", "R", finding.Error, srcKompendium, "Fristen ligger før planperioden begynder.", "The due date is before the plan starts."},
	{"smart.R.steep-target", "R", finding.Warning, srcKompendium, "Målet kræver over halvdelen af skalaen på under 13 uger.", "The goal needs over half the scale in under 13 weeks."},

	{"smart.T.due-after-measure-end", "T", finding.Error, srcStrategisk, "Fristen ligger efter indsatsens slut.", "The due date is after the measure ends."},
	{"smart.T.due-after-plan", "T", finding.Error, srcKompendium, "Fristen ligger efter planperiodens slut.", "The due date is after the plan period."},
	{"smart.T.due-passed", "T", finding.Warning, srcFollowUp, "Fristen er overskredet og målet er ikke nået.", "The due date has passed and the goal is not met."},
	{"smart.T.no-due", "T", finding.Error, srcKompendium, "Målet har ingen frist.", "The goal has no due date."},
	{"smart.T.sub-due-after-goal", "T", finding.Error, srcStrategisk, "Delmålets frist ligger efter målets.", "The sub-goal is due after its goal."},

	{"smart.review.no-decision", "", finding.Error, srcFollowUp, "Der er ikke taget stilling til nye mål.", "No decision on new goals was recorded."},
	{"smart.review.no-measurement", "", finding.Warning, srcStrategisk, "Indikatorens værdi er ikke målt ved opfølgningen.", "The indicator was not measured at the review."},
	{"smart.review.overdue-no-new-goal", "", finding.Warning, srcFollowUp, "Fristen er overskredet, men der er besluttet ingen nye mål.", "The goal is overdue but no new goals were decided."},
}

var rulesByCode = func() map[string]Rule {
	m := make(map[string]Rule, len(rules))
	for _, r := range rules {
		m[r.Code] = r
	}
	return m
}()

// Rules returns every finding code ValidateGoal and CheckReview can
// report, in the order they sort. The caller owns the returned slice.
func Rules() []Rule { return slices.Clone(rules) }

// Letter returns the SMART letter ("S", "M", "A", "R" or "T") of a finding
// code like "smart.M.no-indicator", or "" for any other code (input and
// review codes, codes of other packages).
func Letter(code string) string {
	rest, ok := strings.CutPrefix(code, "smart.")
	if !ok {
		return ""
	}
	l, _, ok := strings.Cut(rest, ".")
	if !ok {
		return ""
	}
	switch l {
	case "S", "M", "A", "R", "T":
		return l
	}
	return ""
}

// rank orders findings: input first, then S, M, A, R, T, then review.
func rank(code string) int {
	if l := Letter(code); l != "" {
		return 1 + strings.Index("SMART", l)
	}
	if strings.HasPrefix(code, "smart.input.") {
		return 0
	}
	return 6
}

// collector gathers findings in emission order and sorts them at the end.
type collector struct{ list finding.List }

func (c *collector) add(code, subject, da, en string) {
	r, ok := rulesByCode[code]
	if !ok { // a code missing from rules is a bug; the tests catch it
		r = Rule{Severity: finding.Error}
	}
	c.list = append(c.list, finding.Finding{
		Code: code, Severity: r.Severity, Subject: subject, Da: da, En: en, Source: r.Source,
	})
}

// sorted returns the findings by rank, then code; findings with the same
// code keep their emission order (goal before its sub-goals, sub-goals in
// plan order).
func (c *collector) sorted() finding.List {
	slices.SortStableFunc(c.list, func(a, b finding.Finding) int {
		if d := rank(a.Code) - rank(b.Code); d != 0 {
			return d
		}
		return strings.Compare(a.Code, b.Code)
	})
	return c.list
}

// ValidateGoal checks g against Herning's SMART reading (Kompendium s. 32)
// as of the date asOf and returns every finding at once, sorted by letter
// (input problems first, then S, M, A, R, T) and by code within a letter.
// Each finding's Subject is the goal's ID, or "goalID/subID" for a
// sub-goal ("goalID/#2" when the second sub-goal has no id). A nil list
// means the goal passes. ValidateGoal never panics.
//
// Rules ("all" = the goal and each sub-goal; "goal" = the goal only):
//
//	code                              sev  on    fires when
//	smart.input.no-as-of              E    goal  asOf is zero (rules needing asOf are skipped)
//	smart.input.no-id                 E    all   ID is blank
//	smart.input.duplicate-id          E    sub   two sub-goals share a non-blank ID
//	smart.input.plan-inverted         E    goal  PlanTo before PlanFrom (plan rules are skipped)
//	smart.input.scale-inverted        E    all   a declared Scale has Min >= Max
//	smart.input.not-finite            E    all   Baseline, Target, Min or Max is NaN or ±Inf
//	smart.input.met-after-as-of       E    all   Met is after asOf
//	smart.input.bad-answer            E    goal  Acceptance.Attractive is not a valid Answer
//	smart.S.no-text                   E    all   What is blank
//	smart.S.too-short                 W    all   What has fewer than MinGoalWords (3) words
//	smart.S.vague                     W    all   What holds a word of VagueWords, no digit,
//	                                             and there is no indicator and no non-blank criterion
//	smart.S.no-who                    W    goal  Who names nobody (blank entries do not count)
//	smart.M.no-indicator              E    all   zero Indicator and no non-blank criterion
//	smart.M.indicator-no-name         E    all   an indicator with a blank Name
//	smart.M.indicator-no-unit         E    all   an indicator with a blank Unit
//	smart.M.target-equals-baseline    E    all   an indicator with Target == Baseline
//	smart.M.baseline-out-of-scale     E    all   Baseline outside a declared, valid Scale
//	smart.M.target-out-of-scale       E    all   Target outside a declared, valid Scale
//	smart.M.blank-criterion           E    all   a criterion is blank (one finding lists them all)
//	smart.A.not-accepted              E    goal  Acceptance.Accepted is false
//	smart.A.no-acceptance-date        E    goal  accepted, but RecordedOn is zero
//	smart.A.no-acceptance-how         W    goal  accepted, but How is blank
//	smart.A.accepted-after-as-of      E    goal  RecordedOn is after asOf
//	smart.A.not-attractive            W    goal  Acceptance.Attractive is No
//	smart.A.attractive-unknown        I    goal  Acceptance.Attractive is Unset
//	smart.R.due-before-plan           E    all   Due before PlanFrom
//	smart.R.steep-target              W    all   a declared Scale, |Target−Baseline| > SteepShare (½)
//	                                             of Max−Min, and Due−PlanFrom < SteepDays (91) days
//	smart.T.no-due                    E    all   Due is zero
//	smart.T.due-passed                W    all   Due before asOf and Met is zero
//	smart.T.due-after-plan            E    all   Due after PlanTo
//	smart.T.due-after-measure-end     E    all   Due after MeasureEnd (when the measure has an end)
//	smart.T.sub-due-after-goal        E    sub   the sub-goal is due after its goal
//
// Choices behind the rules: "Who works on it?" is one of the Kompendium's
// guiding questions rather than a letter of its own; it is filed under S
// because a goal is not specific until it says who does the work, and it
// is a Warning because the Kompendium offers the questions as help. A
// goal counts as "only vague" when its text has a vague word and nothing
// concrete backs it: no digit in the text, no indicator, no criterion;
// number words ("fem") do not count as digits. Acceptance and Who belong
// to the goal, and its sub-goals inherit them. Realism is a judgement, so
// smart.R.steep-target is a Warning; a due date before the plan starts
// cannot be worked towards, so smart.R.due-before-plan is an Error. A
// passed due date is a Warning: the goal was well formed, and the next
// follow-up must decide on a new goal or date. Dates on a boundary pass:
// Due on PlanFrom, PlanTo, MeasureEnd, asOf or the goal's own Due is fine.
func ValidateGoal(g Goal, asOf date.Date) finding.List {
	var c collector
	id := strings.TrimSpace(g.ID)
	if asOf == 0 {
		c.add("smart.input.no-as-of", id,
			"Vurderingsdatoen mangler (asOf er nul). Angiv den dato målet skal vurderes på; regler der afhænger af dagens dato er sprunget over.",
			"The as-of date is missing (zero). Pass the date to judge the goal on; rules that depend on today's date were skipped.")
	}
	if id == "" {
		c.add("smart.input.no-id", id,
			"Målet har intet id. Giv målet et id, så fund og opfølgninger kan henføres til det.",
			"The goal has no id. Give it an id so that findings and follow-ups can refer to it.")
	}
	planOK := true
	if g.PlanFrom != 0 && g.PlanTo != 0 && g.PlanTo < g.PlanFrom {
		planOK = false
		c.add("smart.input.plan-inverted", id,
			fmt.Sprintf("Planperioden slutter %s, før den begynder %s. Ret planperiodens start- og slutdato; reglerne om planperioden er sprunget over.", g.PlanTo, g.PlanFrom),
			fmt.Sprintf("The plan period ends on %s, before it starts on %s. Correct the plan period's start and end; the plan-period rules were skipped.", g.PlanTo, g.PlanFrom))
	}

	ctx := itemContext{asOf: asOf, planOK: planOK, planFrom: g.PlanFrom, planTo: g.PlanTo, measureEnd: g.MeasureEnd}
	checkItem(&c, ctx, item{subject: id, what: g.What, ind: g.Indicator, criteria: g.Criteria, due: g.Due, met: g.Met})

	if countNonBlank(g.Who) == 0 {
		c.add("smart.S.no-who", id,
			"Der står ikke, hvem der arbejder med målet. Skriv navn eller rolle på dem, der arbejder med det, fx barnet, forældrene, kontaktpersonen eller skolen.",
			"Nobody is named as working on the goal. Add the names or roles of those who work on it, e.g. the child, the parents, the contact person or the school.")
	}
	checkAcceptance(&c, id, g.Acceptance, asOf)

	seen := map[string]bool{}
	for i, s := range g.SubGoals {
		sid := strings.TrimSpace(s.ID)
		subject := id + "/" + sid
		if sid == "" {
			subject = fmt.Sprintf("%s/#%d", id, i+1)
			c.add("smart.input.no-id", subject,
				fmt.Sprintf("Delmål nr. %d har intet id. Giv delmålet et id, så fund og opfølgninger kan henføres til det.", i+1),
				fmt.Sprintf("Sub-goal no. %d has no id. Give it an id so that findings and follow-ups can refer to it.", i+1))
		} else if seen[sid] {
			c.add("smart.input.duplicate-id", subject,
				fmt.Sprintf("Delmål-id %q bruges mere end én gang under målet. Giv hvert delmål sit eget id.", sid),
				fmt.Sprintf("Sub-goal id %q is used more than once under the goal. Give each sub-goal its own id.", sid))
		}
		seen[sid] = true
		checkItem(&c, ctx, item{subject: subject, what: s.What, ind: s.Indicator, criteria: s.Criteria, due: s.Due, met: s.Met, sub: true})
		if s.Due != 0 && g.Due != 0 && s.Due > g.Due {
			c.add("smart.T.sub-due-after-goal", subject,
				fmt.Sprintf("Delmålets frist %s ligger efter målets frist %s. Sæt delmålets frist senest samme dag som målets.", s.Due, g.Due),
				fmt.Sprintf("The sub-goal is due on %s, after its goal's due date %s. Set the sub-goal's due date on or before the goal's.", s.Due, g.Due))
		}
	}
	return c.sorted()
}

// Validate is ValidateGoal(g, asOf).
func (g Goal) Validate(asOf date.Date) finding.List { return ValidateGoal(g, asOf) }

// item is what a goal and a sub-goal have in common.
type item struct {
	subject  string
	what     string
	ind      Indicator
	criteria []string
	due, met date.Date
	sub      bool
}

type itemContext struct {
	asOf                         date.Date
	planOK                       bool
	planFrom, planTo, measureEnd date.Date
}

// checkItem applies the rules shared by goals and sub-goals.
func checkItem(c *collector, ctx itemContext, it item) {
	noun := [2]string{"Målet", "The goal"}
	if it.sub {
		noun = [2]string{"Delmålet", "The sub-goal"}
	}
	s := it.subject
	hasCriteria := countNonBlank(it.criteria) > 0
	hasInd := !it.ind.IsZero()

	// Input.
	if bad := nonFinite(it.ind); len(bad) > 0 {
		c.add("smart.input.not-finite", s,
			fmt.Sprintf("Indikatoren har et ugyldigt tal (NaN eller uendeligt) i: %s. Angiv endelige tal.", strings.Join(bad, ", ")),
			fmt.Sprintf("The indicator has an invalid number (NaN or infinite) in: %s. Give finite numbers.", strings.Join(bad, ", ")))
	}
	scaleFinite := isFinite(it.ind.Scale.Min) && isFinite(it.ind.Scale.Max)
	scaleOK := !it.ind.Scale.IsZero() && scaleFinite && it.ind.Scale.Min < it.ind.Scale.Max
	if !it.ind.Scale.IsZero() && scaleFinite && !scaleOK {
		c.add("smart.input.scale-inverted", s,
			fmt.Sprintf("Indikatorens skala er tom eller vendt: min %s er ikke mindre end maks %s. Ret skalaens min og maks, eller fjern skalaen.", numDa(it.ind.Scale.Min), numDa(it.ind.Scale.Max)),
			fmt.Sprintf("The indicator's scale is empty or reversed: min %s is not below max %s. Correct the scale's min and max, or remove the scale.", numEn(it.ind.Scale.Min), numEn(it.ind.Scale.Max)))
	}
	if it.met != 0 && ctx.asOf != 0 && it.met > ctx.asOf {
		c.add("smart.input.met-after-as-of", s,
			fmt.Sprintf("%s er registreret som nået %s, efter vurderingsdatoen %s. Ret datoen for, hvornår målet blev nået.", noun[0], it.met, ctx.asOf),
			fmt.Sprintf("%s is recorded as met on %s, after the as-of date %s. Correct the date it was met.", noun[1], it.met, ctx.asOf))
	}

	// S.
	what := strings.TrimSpace(it.what)
	if what == "" {
		c.add("smart.S.no-text", s,
			fmt.Sprintf("%s har ingen tekst. Skriv i ét konkret udsagn, hvad der skal være opnået, fx \"Mathias møder i skole 5 dage om ugen\".", noun[0]),
			fmt.Sprintf("%s has no text. Write in one concrete statement what is to be achieved, e.g. \"Mathias attends school 5 days a week\".", noun[1]))
	} else {
		if n := len(strings.Fields(what)); n < MinGoalWords {
			c.add("smart.S.too-short", s,
				fmt.Sprintf("Teksten %q har kun %d ord og er for kort til at være specifik (mindst %d). Beskriv, hvad barnet skal gøre eller kunne, og i hvilken situation.", what, n, MinGoalWords),
				fmt.Sprintf("The text %q has only %d words, too few to be specific (at least %d). Describe what the child will do or be able to do, and in which situation.", what, n, MinGoalWords))
		}
		if vague, digit := scanText(what); len(vague) > 0 && !digit && !hasInd && !hasCriteria {
			list := strings.Join(vague, ", ")
			c.add("smart.S.vague", s,
				fmt.Sprintf("Teksten bruger vage ord (%s) og har hverken tal, indikator eller kriterier. Skriv, hvad der konkret skal ændre sig, fx hvor ofte eller hvor meget, eller tilføj en indikator eller kriterier, der kan observeres.", list),
				fmt.Sprintf("The text uses vague words (%s) and has no number, indicator or criteria. Say what concretely should change, e.g. how often or how much, or add an indicator or criteria that can be observed.", list))
		}
	}

	// M.
	if !hasInd && !hasCriteria {
		c.add("smart.M.no-indicator", s,
			fmt.Sprintf("%s har hverken en indikator eller kriterier, så fremskridt ikke kan ses. Tilføj en målbar indikator (navn, enhed, udgangspunkt og målværdi) eller kriterier, der kan observeres.", noun[0]),
			fmt.Sprintf("%s has neither an indicator nor criteria, so progress cannot be seen. Add a measurable indicator (name, unit, baseline and target) or criteria that can be observed.", noun[1]))
	}
	if hasInd {
		ind := it.ind
		if strings.TrimSpace(ind.Name) == "" {
			c.add("smart.M.indicator-no-name", s,
				"Indikatoren har intet navn. Skriv, hvad der måles, fx \"fremmøde i skole\" eller \"SDQ totalscore\".",
				"The indicator has no name. Say what is measured, e.g. \"school attendance\" or \"SDQ total score\".")
		}
		if strings.TrimSpace(ind.Unit) == "" {
			c.add("smart.M.indicator-no-unit", s,
				fmt.Sprintf("Indikatoren %q har ingen enhed. Angiv enheden, fx \"dage pr. uge\" eller \"point\".", ind.Name),
				fmt.Sprintf("The indicator %q has no unit. Give the unit, e.g. \"days a week\" or \"points\".", ind.Name))
		}
		if ind.Target == ind.Baseline {
			c.add("smart.M.target-equals-baseline", s,
				fmt.Sprintf("Indikatorens målværdi %s er den samme som udgangspunktet, så der er intet at nå. Angiv den værdi, barnet skal nå.", numDa(ind.Target)),
				fmt.Sprintf("The indicator's target %s equals its baseline, so there is nothing to reach. Give the value the child is to reach.", numEn(ind.Target)))
		}
		if scaleOK {
			sc := ind.Scale
			if isFinite(ind.Baseline) && !sc.Contains(ind.Baseline) {
				c.add("smart.M.baseline-out-of-scale", s,
					fmt.Sprintf("Udgangspunktet %s ligger uden for skalaen %s–%s. Ret udgangspunktet eller skalaen.", numDa(ind.Baseline), numDa(sc.Min), numDa(sc.Max)),
					fmt.Sprintf("The baseline %s lies outside the scale %s–%s. Correct the baseline or the scale.", numEn(ind.Baseline), numEn(sc.Min), numEn(sc.Max)))
			}
			if isFinite(ind.Target) && !sc.Contains(ind.Target) {
				c.add("smart.M.target-out-of-scale", s,
					fmt.Sprintf("Målværdien %s ligger uden for skalaen %s–%s. Ret målværdien eller skalaen.", numDa(ind.Target), numDa(sc.Min), numDa(sc.Max)),
					fmt.Sprintf("The target %s lies outside the scale %s–%s. Correct the target or the scale.", numEn(ind.Target), numEn(sc.Min), numEn(sc.Max)))
			}
		}
	}
	var blank []string
	for i, cr := range it.criteria {
		if strings.TrimSpace(cr) == "" {
			blank = append(blank, strconv.Itoa(i+1))
		}
	}
	if len(blank) > 0 {
		nos := strings.Join(blank, ", ")
		c.add("smart.M.blank-criterion", s,
			fmt.Sprintf("Kriterie nr. %s er tomt. Skriv, hvad der kan observeres, eller fjern kriteriet.", nos),
			fmt.Sprintf("Criterion no. %s is blank. Write what can be observed, or remove the criterion.", nos))
	}

	// R.
	if it.due != 0 && ctx.planOK && ctx.planFrom != 0 && it.due < ctx.planFrom {
		c.add("smart.R.due-before-plan", s,
			fmt.Sprintf("Fristen %s ligger før planperioden begynder %s, så der er ingen tid til at arbejde mod målet. Sæt en frist inden for planperioden.", it.due, ctx.planFrom),
			fmt.Sprintf("The due date %s is before the plan period starts on %s, leaving no time to work towards it. Set a due date within the plan period.", it.due, ctx.planFrom))
	}
	if hasInd && scaleOK && isFinite(it.ind.Baseline) && isFinite(it.ind.Target) &&
		it.due != 0 && ctx.planOK && ctx.planFrom != 0 && it.due >= ctx.planFrom {
		days := int64(it.due - ctx.planFrom)
		change := math.Abs(it.ind.Target - it.ind.Baseline)
		span := it.ind.Scale.Max - it.ind.Scale.Min
		if days < SteepDays && change > SteepShare*span {
			pct := int(math.Round(100 * change / span))
			c.add("smart.R.steep-target", s,
				fmt.Sprintf("Målet kræver en ændring på %s af skalaens %s (%d %%) på %d dage fra planens start. Overvej om det er realistisk; sæt eventuelt et delmål eller en senere frist.", numDa(change), numDa(span), pct, days),
				fmt.Sprintf("The goal needs a change of %s of the scale's %s (%d %%) in %d days from the plan start. Consider whether that is realistic; perhaps set a sub-goal or a later due date.", numEn(change), numEn(span), pct, days))
		}
	}

	// T.
	if it.due == 0 {
		c.add("smart.T.no-due", s,
			fmt.Sprintf("%s har ingen frist. Angiv, hvornår det forventes opfyldt.", noun[0]),
			fmt.Sprintf("%s has no due date. Give the date it is expected to be met.", noun[1]))
		return
	}
	if ctx.asOf != 0 && it.met == 0 && it.due < ctx.asOf {
		c.add("smart.T.due-passed", s,
			fmt.Sprintf("Fristen %s er overskredet, og %s er ikke registreret som nået. Tag stilling til, om det er nået, og skriv et nyt mål eller en ny frist ind i handleplanen.", it.due, strings.ToLower(noun[0])),
			fmt.Sprintf("The due date %s has passed and %s is not recorded as met. Decide whether it is met, and write a new goal or a new due date into the plan.", it.due, strings.ToLower(noun[1])))
	}
	if ctx.planOK && ctx.planTo != 0 && it.due > ctx.planTo {
		c.add("smart.T.due-after-plan", s,
			fmt.Sprintf("Fristen %s ligger efter planperiodens slut %s. Sæt en frist inden for planperioden, eller forlæng planen.", it.due, ctx.planTo),
			fmt.Sprintf("The due date %s is after the plan period ends on %s. Set a due date within the plan period, or extend the plan.", it.due, ctx.planTo))
	}
	if ctx.measureEnd != 0 && it.due > ctx.measureEnd {
		c.add("smart.T.due-after-measure-end", s,
			fmt.Sprintf("Fristen %s ligger efter indsatsens slutdato %s. Sæt en frist senest den dag, indsatsen slutter.", it.due, ctx.measureEnd),
			fmt.Sprintf("The due date %s is after the measure ends on %s. Set a due date no later than the day the measure ends.", it.due, ctx.measureEnd))
	}
}

func checkAcceptance(c *collector, s string, a Acceptance, asOf date.Date) {
	switch {
	case !a.Accepted && a.RecordedOn == 0:
		c.add("smart.A.not-accepted", s,
			"Det er ikke registreret, at barnet har accepteret målet. Tal med barnet om målet, fx i en børnesamtale, og notér accept, dato og hvordan.",
			"The child's acceptance of the goal is not recorded. Talk with the child about the goal, e.g. in a child conversation, and record the acceptance, its date and how it was given.")
	case !a.Accepted:
		c.add("smart.A.not-accepted", s,
			fmt.Sprintf("Barnet har ikke accepteret målet (registreret %s). Formulér målet sammen med barnet, så barnet kan acceptere det, og registrér accepten.", a.RecordedOn),
			fmt.Sprintf("The child has not accepted the goal (recorded on %s). Word the goal together with the child so the child can accept it, and record the acceptance.", a.RecordedOn))
	default:
		if a.RecordedOn == 0 {
			c.add("smart.A.no-acceptance-date", s,
				"Barnets accept er registreret uden dato. Angiv datoen, hvor barnet accepterede målet.",
				"The child's acceptance is recorded without a date. Give the date the child accepted the goal.")
		}
		if strings.TrimSpace(a.How) == "" {
			c.add("smart.A.no-acceptance-how", s,
				"Der står ikke, hvordan barnets accept blev givet. Notér hvordan, fx \"børnesamtale 2026-03-02\".",
				"It is not recorded how the child's acceptance was given. Note how, e.g. \"child conversation 2026-03-02\".")
		}
	}
	if a.RecordedOn != 0 && asOf != 0 && a.RecordedOn > asOf {
		c.add("smart.A.accepted-after-as-of", s,
			fmt.Sprintf("Barnets accept er dateret %s, efter vurderingsdatoen %s. Ret datoen for accepten.", a.RecordedOn, asOf),
			fmt.Sprintf("The child's acceptance is dated %s, after the as-of date %s. Correct the date of the acceptance.", a.RecordedOn, asOf))
	}
	switch a.Attractive {
	case Yes:
	case No:
		c.add("smart.A.not-attractive", s,
			"Barnet finder ikke målet attraktivt. Tal med barnet om, hvordan målet kan formuleres, så barnet har lyst til at arbejde med det.",
			"The child does not find the goal attractive. Talk with the child about how to word the goal so the child wants to work on it.")
	case Unset:
		c.add("smart.A.attractive-unknown", s,
			"Det er ikke noteret, om barnet finder målet attraktivt. Spørg barnet, og notér svaret.",
			"It is not noted whether the child finds the goal attractive. Ask the child and note the answer.")
	default:
		c.add("smart.input.bad-answer", s,
			fmt.Sprintf("Feltet \"attraktivt for barnet\" har den ukendte værdi %s. Angiv ja, nej eller ikke besvaret.", a.Attractive),
			fmt.Sprintf("The field \"attractive to the child\" has the unknown value %s. Give yes, no or unset.", a.Attractive))
	}
}

// scanText returns the vague words in text (lower case, in order of first
// appearance, without repeats) and whether text holds a digit.
func scanText(text string) (vague []string, digit bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		if unicode.IsDigit(r) {
			digit = true
		}
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for _, w := range words {
		if _, ok := slices.BinarySearch(vagueWords, w); ok && !slices.Contains(vague, w) {
			vague = append(vague, w)
		}
	}
	return vague, digit
}

func countNonBlank(ss []string) int {
	n := 0
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			n++
		}
	}
	return n
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// nonFinite names the indicator's fields that are NaN or infinite.
func nonFinite(i Indicator) []string {
	var bad []string
	for _, f := range []struct {
		name string
		v    float64
	}{{"baseline", i.Baseline}, {"target", i.Target}, {"scale.min", i.Scale.Min}, {"scale.max", i.Scale.Max}} {
		if !isFinite(f.v) {
			bad = append(bad, f.name)
		}
	}
	return bad
}

// numEn formats x the shortest way, e.g. 2.5; numDa uses a decimal comma.
func numEn(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
func numDa(x float64) string { return strings.Replace(numEn(x), ".", ",", 1) }
