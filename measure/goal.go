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
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Sources cited by the SMART findings. The Kompendium (s. 32) gives the
// five letters and the four guiding questions, nothing more; a threshold
// trappe chose to make a letter checkable (MinGoalWords, the vague words,
// SteepShare and SteepDays) is cited as trappe's own rule, and so is a
// check of the input's own consistency.
const (
	srcKompendium = "Kompendium s. 32"
	srcFollowUp   = "Kompendium s. 32–35"
	srcStrategisk = "Strategisk ramme, \"Kontinuerlig vurdering af progression\""
	srcBL92       = "BL § 92; Kompendium s. 32"
	srcTrappe     = "trappe's rule (not in the Kompendium, whose s. 32 gives only the SMART letters and guiding questions)"
	srcInput      = "trappe's input check (not in the Kompendium)"
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

// Trend is the direction of change from Baseline to Target.
func (i Indicator) Trend() Trend {
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

// Trend is the direction an indicator should move (ladder.Direction is a
// move on the ladder, another thing). The zero value,
// Unchanged, is meaningful: target equals baseline, nothing to achieve.
type Trend int8

const (
	// Decrease: the target is below the baseline (fewer problems).
	Decrease Trend = -1
	// Unchanged: the target equals the baseline.
	Unchanged Trend = 0
	// Increase: the target is above the baseline.
	Increase Trend = 1
)

// IsValid reports whether d is Decrease, Unchanged or Increase.
func (d Trend) IsValid() bool { return d >= Decrease && d <= Increase }

// String returns the stable code "decrease", "unchanged" or "increase",
// or a diagnostic like "measure.Trend(5)".
func (d Trend) String() string {
	switch d {
	case Decrease:
		return "decrease"
	case Unchanged:
		return "unchanged"
	case Increase:
		return "increase"
	}
	return fmt.Sprintf("measure.Trend(%d)", int8(d))
}

// Danish returns the Danish label: "ned", "uændret" or "op".
func (d Trend) Danish() string {
	switch d {
	case Decrease:
		return "ned"
	case Unchanged:
		return "uændret"
	case Increase:
		return "op"
	}
	return d.String()
}

// MarshalText returns the stable code.
func (d Trend) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("measure.Trend.MarshalText: invalid trend %d", int8(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses a stable code.
func (d *Trend) UnmarshalText(b []byte) error {
	for _, v := range []Trend{Decrease, Unchanged, Increase} {
		if v.String() == string(b) {
			*d = v
			return nil
		}
	}
	return fmt.Errorf("measure.Trend.UnmarshalText: unknown trend %q", string(b))
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
	// goal text needs to count as specific (rule smart.S.too-short). It
	// is trappe's threshold; the Kompendium sets none.
	MinGoalWords = 3
	// SteepShare and SteepDays define an unrealistic target (rule
	// smart.R.steep-target): a change of more than SteepShare of the
	// declared scale in fewer than SteepDays days from the plan start
	// (91 days = 13 weeks, about three months). These are trappe's
	// thresholds; the Kompendium sets none.
	SteepShare = 0.5
	SteepDays  = 91
)

// vagueWords are Danish words that say a direction without saying what or
// how much (rule smart.S.vague): trappe's list, not the Kompendium's. Kept
// sorted.
var vagueWords = []string{
	"bedre", "forbedre", "forbedring", "generel", "generelt", "god", "gode",
	"godt", "mere", "mindre", "positiv", "positive", "positivt", "styrke",
	"styrket", "trives", "trivsel", "tryg", "tryghed", "udvikle", "udvikling",
	"øge", "øget",
}

// VagueWords returns the Danish words that make a goal text vague (rule
// smart.S.vague), sorted. The caller owns the returned slice.
func VagueWords() []string { return slices.Clone(vagueWords) }

// SmartRule describes one finding code that ValidateGoal or CheckReview can
// report: its code, SMART letter ("" for input and review codes),
// severity, source and a one-line summary as a message (package msg),
// whose numbers come from the rule's thresholds.
//
// As JSON a SmartRule is {"code", "letter", "severity", "source", "summary":
// {"code", "args"}, "da", "en"}: the summary's message as data and
// rendered in Danish and English.
type SmartRule struct {
	Code     string
	Letter   string
	Severity finding.Severity
	Source   string
	Summary  msg.Message
}

// Text renders the rule's summary in lang with the default catalogue.
func (r SmartRule) Text(lang msg.Lang) string { return render(r.Summary, lang) }

// MarshalJSON writes the rule with its summary as data and in Danish and
// English.
func (r SmartRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Code     string           `json:"code"`
		Letter   string           `json:"letter,omitempty"`
		Severity finding.Severity `json:"severity"`
		Source   string           `json:"source"`
		Summary  msg.Message      `json:"summary"`
		Da       string           `json:"da"`
		En       string           `json:"en"`
	}{r.Code, r.Letter, r.Severity, r.Source, r.Summary, r.Text(msg.Danish), r.Text(msg.English)})
}

// rules lists every code, in the order ValidateGoal and CheckReview sort
// their findings (input, S, M, A, R, T, review; by code within each).
var rules = []SmartRule{
	{"smart.input.bad-answer", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.bad-answer")},
	{"smart.input.duplicate-id", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.duplicate-id")},
	{"smart.input.met-after-as-of", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.met-after-as-of")},
	{"smart.input.no-as-of", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.no-as-of")},
	{"smart.input.no-id", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.no-id")},
	{"smart.input.no-review-date", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.no-review-date")},
	{"smart.input.not-finite", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.not-finite")},
	{"smart.input.plan-inverted", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.plan-inverted")},
	{"smart.input.review-goal-mismatch", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.review-goal-mismatch")},
	{"smart.input.scale-inverted", "", finding.Error, srcInput, msg.New("measure.rule.smart.input.scale-inverted")},

	{"smart.S.no-text", "S", finding.Error, srcKompendium, msg.New("measure.rule.smart.S.no-text")},
	{"smart.S.no-who", "S", finding.Warning, srcKompendium, msg.New("measure.rule.smart.S.no-who")},
	{"smart.S.too-short", "S", finding.Warning, srcTrappe, msg.New("measure.rule.smart.S.too-short", "min", msg.Int(MinGoalWords))},
	{"smart.S.vague", "S", finding.Warning, srcTrappe, msg.New("measure.rule.smart.S.vague")},

	{"smart.M.baseline-out-of-scale", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.baseline-out-of-scale")},
	{"smart.M.blank-criterion", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.blank-criterion")},
	{"smart.M.indicator-no-name", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.indicator-no-name")},
	{"smart.M.indicator-no-unit", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.indicator-no-unit")},
	{"smart.M.no-indicator", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.no-indicator")},
	{"smart.M.target-equals-baseline", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.target-equals-baseline")},
	{"smart.M.target-out-of-scale", "M", finding.Error, srcKompendium, msg.New("measure.rule.smart.M.target-out-of-scale")},

	{"smart.A.accepted-after-as-of", "A", finding.Error, srcBL92, msg.New("measure.rule.smart.A.accepted-after-as-of")},
	{"smart.A.attractive-unknown", "A", finding.Info, srcKompendium, msg.New("measure.rule.smart.A.attractive-unknown")},
	{"smart.A.no-acceptance-date", "A", finding.Error, srcBL92, msg.New("measure.rule.smart.A.no-acceptance-date")},
	{"smart.A.no-acceptance-how", "A", finding.Warning, srcBL92, msg.New("measure.rule.smart.A.no-acceptance-how")},
	{"smart.A.not-accepted", "A", finding.Error, srcBL92, msg.New("measure.rule.smart.A.not-accepted")},
	{"smart.A.not-attractive", "A", finding.Warning, srcKompendium, msg.New("measure.rule.smart.A.not-attractive")},

	{"smart.R.due-before-plan", "R", finding.Error, srcKompendium, msg.New("measure.rule.smart.R.due-before-plan")},
	{"smart.R.steep-target", "R", finding.Warning, srcTrappe, msg.New("measure.rule.smart.R.steep-target",
		"share", msg.Int(int(math.Round(100*SteepShare))), "within", msg.Period(0, SteepDays))},

	{"smart.T.due-after-measure-end", "T", finding.Error, srcStrategisk, msg.New("measure.rule.smart.T.due-after-measure-end")},
	{"smart.T.due-after-plan", "T", finding.Error, srcKompendium, msg.New("measure.rule.smart.T.due-after-plan")},
	{"smart.T.due-passed", "T", finding.Warning, srcFollowUp, msg.New("measure.rule.smart.T.due-passed")},
	{"smart.T.no-due", "T", finding.Error, srcKompendium, msg.New("measure.rule.smart.T.no-due")},
	{"smart.T.sub-due-after-goal", "T", finding.Error, srcStrategisk, msg.New("measure.rule.smart.T.sub-due-after-goal")},

	{"smart.review.no-decision", "", finding.Error, srcFollowUp, msg.New("measure.rule.smart.review.no-decision")},
	{"smart.review.no-measurement", "", finding.Warning, srcStrategisk, msg.New("measure.rule.smart.review.no-measurement")},
	{"smart.review.overdue-no-new-goal", "", finding.Warning, srcFollowUp, msg.New("measure.rule.smart.review.overdue-no-new-goal")},
}

var rulesByCode = func() map[string]SmartRule {
	m := make(map[string]SmartRule, len(rules))
	for _, r := range rules {
		m[r.Code] = r
	}
	return m
}()

// Rules returns every finding code ValidateGoal and CheckReview can
// report, in the order they sort. The caller owns the returned slice and
// the summaries' arguments.
func Rules() []SmartRule {
	out := slices.Clone(rules)
	for i := range out {
		out[i].Summary.Args = slices.Clone(out[i].Summary.Args)
	}
	return out
}

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

// add appends a finding; args alternate names and msg.Values, as
// finding.New takes them.
func (c *collector) add(code, subject string, args ...any) {
	r, ok := rulesByCode[code]
	if !ok { // a code missing from rules is a bug; the tests catch it
		r = SmartRule{Severity: finding.Error}
	}
	c.list = append(c.list, finding.New(code, r.Severity, subject, r.Source, args...))
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
// The thresholds of smart.S.too-short, smart.S.vague and
// smart.R.steep-target are trappe's, not the Kompendium's (which gives the
// letters and guiding questions only), and their findings cite them so;
// the smart.input.… checks cite trappe's input checks.
//
// Each finding's message is its code with arguments as data (see
// messages.go for the arguments and texts of each code).
func ValidateGoal(g Goal, asOf date.Date) finding.List {
	var c collector
	id := strings.TrimSpace(g.ID)
	if asOf == 0 {
		c.add("smart.input.no-as-of", id)
	}
	if id == "" {
		c.add("smart.input.no-id", id, "item", msg.Nested(goalNoun.start), "noun", msg.Nested(goalNoun.inside))
	}
	planOK := true
	if g.PlanFrom != 0 && g.PlanTo != 0 && g.PlanTo < g.PlanFrom {
		planOK = false
		c.add("smart.input.plan-inverted", id, "planTo", msg.Date(g.PlanTo), "planFrom", msg.Date(g.PlanFrom))
	}

	ctx := itemContext{asOf: asOf, planOK: planOK, planFrom: g.PlanFrom, planTo: g.PlanTo, measureEnd: g.MeasureEnd}
	checkItem(&c, ctx, item{subject: id, what: g.What, ind: g.Indicator, criteria: g.Criteria, due: g.Due, met: g.Met})

	if countNonBlank(g.Who) == 0 {
		c.add("smart.S.no-who", id)
	}
	checkAcceptance(&c, id, g.Acceptance, asOf)

	seen := map[string]bool{}
	for i, s := range g.SubGoals {
		sid := strings.TrimSpace(s.ID)
		subject := id + "/" + sid
		if sid == "" {
			subject = fmt.Sprintf("%s/#%d", id, i+1)
			c.add("smart.input.no-id", subject,
				"item", msg.Nested(msg.New("measure.smart.sub-goal.no", "no", msg.Int(i+1))), "noun", msg.Nested(subGoalNoun.inside))
		} else if seen[sid] {
			c.add("smart.input.duplicate-id", subject, "id", msg.String(sid))
		}
		seen[sid] = true
		checkItem(&c, ctx, item{subject: subject, what: s.What, ind: s.Indicator, criteria: s.Criteria, due: s.Due, met: s.Met, sub: true})
		if s.Due != 0 && g.Due != 0 && s.Due > g.Due {
			c.add("smart.T.sub-due-after-goal", subject, "due", msg.Date(s.Due), "goalDue", msg.Date(g.Due))
		}
	}
	return c.sorted()
}

// Validate is ValidateGoal(g, asOf).
func (g Goal) Validate(asOf date.Date) finding.List { return ValidateGoal(g, asOf) }

// noun names a goal or a sub-goal in a finding: at the start of a sentence
// ("Målet", "The goal") and inside one ("målet", "the goal").
type noun struct{ start, inside msg.Message }

var (
	goalNoun    = noun{msg.New("measure.smart.goal"), msg.New("measure.smart.goal.lower")}
	subGoalNoun = noun{msg.New("measure.smart.sub-goal"), msg.New("measure.smart.sub-goal.lower")}
)

// item is what a goal and a sub-goal have in common.
type item struct {
	subject  string
	what     string
	ind      Indicator
	criteria []string
	due, met date.Date
	sub      bool
}

func (it item) noun() noun {
	if it.sub {
		return subGoalNoun
	}
	return goalNoun
}

type itemContext struct {
	asOf                         date.Date
	planOK                       bool
	planFrom, planTo, measureEnd date.Date
}

// checkItem applies the rules shared by goals and sub-goals, letter by
// letter.
func checkItem(c *collector, ctx itemContext, it item) {
	scaleOK := checkItemInput(c, ctx, it)
	checkItemS(c, it)
	checkItemM(c, it, scaleOK)
	checkItemR(c, ctx, it, scaleOK)
	checkItemT(c, ctx, it)
}

// checkItemInput reports numbers and dates that cannot be right, and
// whether the indicator has a usable declared scale.
func checkItemInput(c *collector, ctx itemContext, it item) (scaleOK bool) {
	s := it.subject
	if bad := nonFinite(it.ind); len(bad) > 0 {
		c.add("smart.input.not-finite", s,
			"problem", msg.Nested(msg.New("measure.smart.not-finite.indicator", "fields", msg.List(bad...))))
	}
	scaleFinite := isFinite(it.ind.Scale.Min) && isFinite(it.ind.Scale.Max)
	scaleOK = !it.ind.Scale.IsZero() && scaleFinite && it.ind.Scale.Min < it.ind.Scale.Max
	if !it.ind.Scale.IsZero() && scaleFinite && !scaleOK {
		c.add("smart.input.scale-inverted", s, "min", num(it.ind.Scale.Min), "max", num(it.ind.Scale.Max))
	}
	if it.met != 0 && ctx.asOf != 0 && it.met > ctx.asOf {
		c.add("smart.input.met-after-as-of", s, "item", msg.Nested(it.noun().start), "met", msg.Date(it.met), "asOf", msg.Date(ctx.asOf))
	}
	return scaleOK
}

// checkItemS checks that the text is specific.
func checkItemS(c *collector, it item) {
	s := it.subject
	what := strings.TrimSpace(it.what)
	if what == "" {
		c.add("smart.S.no-text", s, "item", msg.Nested(it.noun().start))
		return
	}
	if n := len(strings.Fields(what)); n < MinGoalWords {
		c.add("smart.S.too-short", s, "text", msg.String(what), "words", msg.Int(n), "min", msg.Int(MinGoalWords))
	}
	hasBacking := !it.ind.IsZero() || countNonBlank(it.criteria) > 0
	if vague, digit := scanText(what); len(vague) > 0 && !digit && !hasBacking {
		c.add("smart.S.vague", s, "words", msg.List(vague...))
	}
}

// checkItemM checks that progress can be measured.
func checkItemM(c *collector, it item, scaleOK bool) {
	s := it.subject
	hasInd := !it.ind.IsZero()
	if !hasInd && countNonBlank(it.criteria) == 0 {
		c.add("smart.M.no-indicator", s, "item", msg.Nested(it.noun().start))
	}
	if hasInd {
		ind := it.ind
		if strings.TrimSpace(ind.Name) == "" {
			c.add("smart.M.indicator-no-name", s)
		}
		if strings.TrimSpace(ind.Unit) == "" {
			c.add("smart.M.indicator-no-unit", s, "indicator", msg.String(ind.Name))
		}
		if ind.Target == ind.Baseline {
			c.add("smart.M.target-equals-baseline", s, "target", num(ind.Target))
		}
		if scaleOK {
			sc := ind.Scale
			if isFinite(ind.Baseline) && !sc.Contains(ind.Baseline) {
				c.add("smart.M.baseline-out-of-scale", s, "baseline", num(ind.Baseline), "min", num(sc.Min), "max", num(sc.Max))
			}
			if isFinite(ind.Target) && !sc.Contains(ind.Target) {
				c.add("smart.M.target-out-of-scale", s, "target", num(ind.Target), "min", num(sc.Min), "max", num(sc.Max))
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
		c.add("smart.M.blank-criterion", s, "numbers", msg.List(blank...))
	}
}

// checkItemR checks that the goal can be reached in the time it has.
func checkItemR(c *collector, ctx itemContext, it item, scaleOK bool) {
	s := it.subject
	if it.due != 0 && ctx.planOK && ctx.planFrom != 0 && it.due < ctx.planFrom {
		c.add("smart.R.due-before-plan", s, "due", msg.Date(it.due), "planFrom", msg.Date(ctx.planFrom))
	}
	if !it.ind.IsZero() && scaleOK && isFinite(it.ind.Baseline) && isFinite(it.ind.Target) &&
		it.due != 0 && ctx.planOK && ctx.planFrom != 0 && it.due >= ctx.planFrom {
		days := int(it.due - ctx.planFrom)
		change := math.Abs(it.ind.Target - it.ind.Baseline)
		span := it.ind.Scale.Max - it.ind.Scale.Min
		if days < SteepDays && change > SteepShare*span {
			pct := int(math.Round(100 * change / span))
			c.add("smart.R.steep-target", s, "change", num(change), "span", num(span), "percent", msg.Int(pct), "days", msg.Days(days))
		}
	}
}

// checkItemT checks the due date.
func checkItemT(c *collector, ctx itemContext, it item) {
	s := it.subject
	if it.due == 0 {
		c.add("smart.T.no-due", s, "item", msg.Nested(it.noun().start))
		return
	}
	if ctx.asOf != 0 && it.met == 0 && it.due < ctx.asOf {
		c.add("smart.T.due-passed", s, "due", msg.Date(it.due), "item", msg.Nested(it.noun().inside))
	}
	if ctx.planOK && ctx.planTo != 0 && it.due > ctx.planTo {
		c.add("smart.T.due-after-plan", s, "due", msg.Date(it.due), "planTo", msg.Date(ctx.planTo))
	}
	if ctx.measureEnd != 0 && it.due > ctx.measureEnd {
		c.add("smart.T.due-after-measure-end", s, "due", msg.Date(it.due), "measureEnd", msg.Date(ctx.measureEnd))
	}
}

func checkAcceptance(c *collector, s string, a Acceptance, asOf date.Date) {
	switch {
	case !a.Accepted && a.RecordedOn == 0:
		c.add("smart.A.not-accepted", s, "problem", msg.Nested(msg.New("measure.smart.not-accepted.unrecorded")))
	case !a.Accepted:
		c.add("smart.A.not-accepted", s,
			"problem", msg.Nested(msg.New("measure.smart.not-accepted.refused", "recorded", msg.Date(a.RecordedOn))))
	default:
		if a.RecordedOn == 0 {
			c.add("smart.A.no-acceptance-date", s)
		}
		if strings.TrimSpace(a.How) == "" {
			c.add("smart.A.no-acceptance-how", s)
		}
	}
	if a.RecordedOn != 0 && asOf != 0 && a.RecordedOn > asOf {
		c.add("smart.A.accepted-after-as-of", s, "recorded", msg.Date(a.RecordedOn), "asOf", msg.Date(asOf))
	}
	switch a.Attractive {
	case Yes:
	case No:
		c.add("smart.A.not-attractive", s)
	case Unset:
		c.add("smart.A.attractive-unknown", s)
	default:
		c.add("smart.input.bad-answer", s,
			"problem", msg.Nested(msg.New("measure.smart.bad-answer.attractive", "value", msg.String(a.Attractive.String()))))
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

// num is a number from the input as a message argument, shown the
// shortest way that gives it back (2.5, 24; 2,5 in Danish). A NaN or
// infinity, which JSON cannot hold as a number, is its Go spelling as a
// string ("NaN", "+Inf").
func num(x float64) msg.Value {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !isFinite(x) {
		return msg.String(s)
	}
	prec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		prec = len(s) - i - 1
	}
	return msg.Float(x, prec)
}

// render renders m in lang with the default catalogue; a zero message
// (no code) renders as nothing.
func render(m msg.Message, lang msg.Lang) string {
	if m.Code == "" {
		return ""
	}
	return msg.Default().Text(m, lang)
}
