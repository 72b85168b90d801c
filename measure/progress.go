package measure

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// ErrNoIndicator is wrapped by Goal.Progress and SubGoal.Progress when the
// goal has no numeric indicator (only criteria, or nothing). Callers branch
// on it with errors.Is, e.g. to show the criteria as a checklist instead.
var ErrNoIndicator = errors.New("measure: goal has no numeric indicator")

// progressTolerance absorbs floating-point rounding when a share is
// compared with 1 or with the expected share.
const progressTolerance = 1e-9

// GoalStatus says where a goal stands at a follow-up. The zero value is not a
// valid status.
type GoalStatus uint8

const (
	// OnTrack: at least as far as the time elapsed leads one to expect.
	OnTrack GoalStatus = 1 + iota
	// Behind: less far than the time elapsed leads one to expect.
	Behind
	// Achieved: the target is reached or passed.
	Achieved
)

var statusCodes = [...]string{OnTrack: "paa-sporet", Behind: "bagud", Achieved: "naaet"}

// IsValid reports whether s is OnTrack, Behind or Achieved.
func (s GoalStatus) IsValid() bool { return s >= OnTrack && s <= Achieved }

// String returns the stable code ("paa-sporet", "bagud", "naaet"), or a
// diagnostic like "measure.Status(9)".
func (s GoalStatus) String() string {
	if !s.IsValid() {
		return fmt.Sprintf("measure.Status(%d)", uint8(s))
	}
	return statusCodes[s]
}

// Danish returns the Danish label ("på sporet", "bagud", "nået").
func (s GoalStatus) Danish() string {
	switch s {
	case OnTrack:
		return "på sporet"
	case Behind:
		return "bagud"
	case Achieved:
		return "nået"
	}
	return s.String()
}

// English returns the English label ("on track", "behind", "achieved").
func (s GoalStatus) English() string {
	switch s {
	case OnTrack:
		return "on track"
	case Behind:
		return "behind"
	case Achieved:
		return "achieved"
	}
	return s.String()
}

// MarshalText returns the stable code.
func (s GoalStatus) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("measure.Status.MarshalText: invalid status %d", uint8(s))
	}
	return []byte(statusCodes[s]), nil
}

// UnmarshalText parses a stable code.
func (s *GoalStatus) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseStatus parses "paa-sporet", "bagud" or "naaet".
func ParseStatus(text string) (GoalStatus, error) {
	for i, c := range statusCodes {
		if i > 0 && c == text {
			return GoalStatus(i), nil
		}
	}
	return 0, fmt.Errorf("measure.ParseStatus: unknown status %q", text)
}

// Progress is how far a goal's indicator has come at a date, against how
// far it should have come if progress were linear in time.
//
// Achieved is the share of the way from baseline to target:
// (Current − Baseline) / (Target − Baseline). It is not clamped: below 0
// means the value moved away from the target, above 1 that it passed the
// target. Expected is the share of the time from Start to Due that has
// passed on On, clamped to [0, 1] (after Due, 1).
//
// Status is Achieved when Achieved ≥ 1, OnTrack when Achieved ≥ Expected,
// Behind otherwise (with a tolerance of 1e-9 for rounding). The Met date
// of a goal is not consulted: Progress reads the numbers only.
//
// The zero value is not a computed progress (its Status is invalid).
type Progress struct {
	GoalID    string     `json:"goalId"`
	Indicator Indicator  `json:"indicator"`
	Current   float64    `json:"current"`
	Start     date.Date  `json:"start"`
	On        date.Date  `json:"on"`
	Due       date.Date  `json:"due"`
	Trend     Trend      `json:"trend"`
	Achieved  float64    `json:"achieved"`
	Expected  float64    `json:"expected"`
	Status    GoalStatus `json:"status"`
}

// Progress computes g's progress on the date on, with the indicator's value
// current, measured against a linear path from start (usually g.PlanFrom)
// to g.Due. See the Progress type for the arithmetic.
//
// It returns an error naming the function and the value for a goal with
// no numeric indicator (wrapping ErrNoIndicator), a target equal to the
// baseline, a NaN or infinite number, a current value outside the declared
// scale, a date outside ladder.MinDate–ladder.MaxDate (the zero date
// among them; wrapping ladder.ErrDateRange), on before start, a due date
// not after start, or numbers so far apart that the share Achieved is not
// a finite float64. A nil error means every field of the result is finite.
func (g Goal) Progress(current float64, on, start date.Date) (Progress, error) {
	return progressOf("measure.Goal.Progress", g.ID, g.Indicator, g.Due, current, on, start)
}

// Progress is Goal.Progress for a delmål, with its own indicator and due
// date.
func (s SubGoal) Progress(current float64, on, start date.Date) (Progress, error) {
	return progressOf("measure.SubGoal.Progress", s.ID, s.Indicator, s.Due, current, on, start)
}

func progressOf(op, id string, ind Indicator, due date.Date, current float64, on, start date.Date) (Progress, error) {
	if ind.IsZero() {
		return Progress{}, fmt.Errorf("%s: goal %q: %w", op, id, ErrNoIndicator)
	}
	if bad := nonFinite(ind); len(bad) > 0 {
		return Progress{}, fmt.Errorf("%s: goal %q: indicator %s is not a finite number", op, id, strings.Join(bad, ", "))
	}
	if !isFinite(current) {
		return Progress{}, fmt.Errorf("%s: goal %q: current value %v is not a finite number", op, id, current)
	}
	if ind.Target == ind.Baseline {
		return Progress{}, fmt.Errorf("%s: goal %q: target %v equals baseline, nothing to measure against", op, id, ind.Target)
	}
	if !ind.Scale.IsZero() {
		if ind.Scale.Min >= ind.Scale.Max {
			return Progress{}, fmt.Errorf("%s: goal %q: scale %v–%v is empty or reversed", op, id, ind.Scale.Min, ind.Scale.Max)
		}
		if !ind.Scale.Contains(current) {
			return Progress{}, fmt.Errorf("%s: goal %q: current value %v is outside the scale %v–%v", op, id, current, ind.Scale.Min, ind.Scale.Max)
		}
	}
	where := fmt.Sprintf("%s: goal %q", op, id)
	if due == 0 {
		return Progress{}, fmt.Errorf("%s: the goal has no due date", where)
	}
	if err := errors.Join(ladder.CheckDate(where, "on", on), ladder.CheckDate(where, "start", start), ladder.CheckDate(where, "due", due)); err != nil {
		return Progress{}, err
	}
	switch {
	case on < start:
		return Progress{}, fmt.Errorf("%s: goal %q: date %s is before the start %s", op, id, on, start)
	case due <= start:
		return Progress{}, fmt.Errorf("%s: goal %q: due date %s is not after the start %s", op, id, due, start)
	}

	p := Progress{
		GoalID: id, Indicator: ind, Current: current,
		Start: start, On: on, Due: due, Trend: ind.Trend(),
	}
	p.Achieved = achieved(current, ind.Baseline, ind.Target)
	if !isFinite(p.Achieved) {
		return Progress{}, fmt.Errorf("%s: goal %q: current value %v is too far from the baseline %v for target %v: the share of the way is not a finite number", op, id, current, ind.Baseline, ind.Target)
	}
	p.Expected = math.Min(1, float64(on-start)/float64(due-start))
	switch {
	case p.Achieved >= 1-progressTolerance:
		p.Status = Achieved
	case p.Achieved >= p.Expected-progressTolerance:
		p.Status = OnTrack
	default:
		p.Status = Behind
	}
	return p, nil
}

// achieved is (current − baseline) / (target − baseline) for finite
// numbers with target ≠ baseline. When a difference overflows to ±Inf
// (baseline −1e308, target 1e308), it works with halves, which cannot
// overflow, instead of returning Inf/Inf = NaN. The result can still be
// ±Inf when the way is tiny and the distance huge; the caller checks.
func achieved(current, baseline, target float64) float64 {
	num, den := current-baseline, target-baseline
	if math.IsInf(num, 0) || math.IsInf(den, 0) {
		num, den = current/2-baseline/2, target/2-baseline/2
	}
	return num / den
}

// Explain describes p for a case worker as a message (package msg), e.g.
// in Danish "Fremmøde i skole: 3,5 dage pr. uge (udgangspunkt 2, mål 5).
// 50 % af vejen er nået; efter 45 af 90 dage forventes 50 %. Status: på
// sporet." Render it with its Text method or a vendor's catalogue.
func (p Progress) Explain() msg.Message {
	pct := func(x float64) msg.Value { return msg.Int(int(math.Round(100 * x))) }
	ind := p.Indicator
	return msg.New("measure.progress",
		"name", msg.String(ind.Name), "current", num(p.Current), "unit", msg.String(ind.Unit),
		"baseline", num(ind.Baseline), "target", num(ind.Target), "achieved", pct(p.Achieved),
		"elapsed", msg.Int(int(p.On-p.Start)), "total", msg.Int(int(p.Due-p.Start)), "expected", pct(p.Expected),
		"status", msg.Text(map[msg.Lang]string{msg.Danish: p.Status.Danish(), msg.English: p.Status.English()}))
}

// GoalReview is what a follow-up (opfølgning) records about one goal: the
// indicator's value if measured, and the decision the Kompendium requires
// at every follow-up — whether new goals must be written into the plan
// (Kompendium s. 32–35).
//
// The zero value is an empty review: no goal, no date, nothing measured,
// no decision.
type GoalReview struct {
	GoalID string    `json:"goalId"`
	On     date.Date `json:"on,omitzero"`
	// Current is the indicator's value at the review; it counts only when
	// Measured is true.
	Current  float64 `json:"current,omitempty"`
	Measured bool    `json:"measured,omitempty"`
	// NewGoalsNeeded is the decision whether new goals must be written into
	// the plan; Unset means no decision was recorded.
	NewGoalsNeeded Answer `json:"newGoalsNeeded,omitzero"`
	// Note gives the reason for the decision, in the case worker's words.
	Note string `json:"note,omitempty"`
}

// CheckReview checks a follow-up review r of goal g and returns every
// finding at once, sorted like ValidateGoal's (input codes first, then
// review codes, by code). Subject is the goal's ID.
//
//	code                                sev  fires when
//	smart.input.review-goal-mismatch    E    r.GoalID differs from g.ID
//	smart.input.no-review-date          E    r.On is zero
//	smart.input.not-finite              E    r.Measured and r.Current is NaN or ±Inf
//	smart.input.bad-answer              E    r.NewGoalsNeeded is not a valid Answer
//	smart.review.no-decision            E    r.NewGoalsNeeded is Unset
//	smart.review.no-measurement         W    g has an indicator and r.Measured is false
//	smart.review.overdue-no-new-goal    W    r.On is after g.Due, g is not met on r.On
//	                                         (Met zero or after r.On), and the decision is No
func CheckReview(g Goal, r GoalReview) finding.List {
	var c collector
	s := strings.TrimSpace(g.ID)
	if strings.TrimSpace(r.GoalID) != s {
		c.add("smart.input.review-goal-mismatch", s, "review", msg.String(r.GoalID), "goal", msg.String(g.ID))
	}
	if r.On == 0 {
		c.add("smart.input.no-review-date", s)
	}
	if r.Measured && !isFinite(r.Current) {
		c.add("smart.input.not-finite", s,
			"problem", msg.Nested(msg.New("measure.smart.not-finite.measured", "value", num(r.Current))))
	}
	switch r.NewGoalsNeeded {
	case Yes, No:
	case Unset:
		c.add("smart.review.no-decision", s)
	default:
		c.add("smart.input.bad-answer", s,
			"problem", msg.Nested(msg.New("measure.smart.bad-answer.new-goals", "value", msg.String(r.NewGoalsNeeded.String()))))
	}
	if !g.Indicator.IsZero() && !r.Measured {
		c.add("smart.review.no-measurement", s, "indicator", msg.String(g.Indicator.Name))
	}
	if r.On != 0 && g.Due != 0 && r.On > g.Due && (g.Met == 0 || g.Met > r.On) && r.NewGoalsNeeded == No {
		c.add("smart.review.overdue-no-new-goal", s, "due", msg.Date(g.Due))
	}
	return c.sorted()
}
