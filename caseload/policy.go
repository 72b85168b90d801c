package caseload

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Sources cited by the shipped policies and the findings.
const (
	SourceHerning    = "KORA 2017 §1 og §5.2; Herningmodellen 1.0 — kompendium s. 32–35"
	SourceDS2020     = "Dansk Socialrådgiverforening, vejledende sagstal (feb. 2020)"
	SourceAssignment = "Herningmodellen 1.0 — kompendium s. 28; KORA 2017 §5.2"
	SourceTransfer   = "Herningmodellen 1.0 — kompendium s. 36"
	SourceMixed      = "KORA 2017 §5.2"
)

// MaxLimit bounds the limits of a policy: no worker holds more than 1,000
// children's cases.
const MaxLimit = 1000

// MaxNewHireMonths bounds a policy's new-hire period: two years.
const MaxNewHireMonths = 24

// PolicySpec is the data of a caseload policy (sagstalspolitik), as a
// vendor writes it in Go or JSON. NewPolicy validates it.
//
// The limits are numbers of children's cases (a case is one child) for one
// full-time worker. A worker's own limits are the policy's limits × the
// worker's FTE (årsværk), × NewHireFactor during the first NewHireMonths
// after the worker's employment date, rounded down to whole cases. With
// Weights, cases are counted by their weight (sagstyngde) instead of one
// each.
type PolicySpec struct {
	// Name is short: it appears in every message, e.g. "Herning".
	Name   string `json:"name"`
	Source string `json:"source,omitempty"`
	// Soft is the load a full-time worker should stay within; above it is
	// a warning.
	Soft float64 `json:"soft"`
	// Hard is the load a full-time worker must never exceed; above it is an
	// error, and no case is suggested that would take a worker over it.
	Hard float64 `json:"hard"`
	// TeamAverage is the ceiling on a team's load per full-time
	// equivalent: the team's cases ÷ the sum of its workers' FTE.
	TeamAverage float64 `json:"teamAverage"`
	// NewHireMonths is how long a new hire's limits are reduced; 0 for no
	// reduction.
	NewHireMonths int `json:"newHireMonths,omitempty"`
	// NewHireFactor multiplies a new hire's limits, in (0, 1]; 1 (or 0 when
	// NewHireMonths is 0) is no reduction. A factor rather than a fixed
	// number of cases, so that it combines with FTE: a half-time new hire
	// at factor 0.75 has 0.5 × 0.75 of the full limits.
	NewHireFactor float64 `json:"newHireFactor,omitempty"`
	// Weights are the case weights; the zero value counts every case as 1.
	Weights Weights `json:"weights,omitzero"`
}

// Policy is a validated, immutable caseload policy: per-worker soft and
// hard limits, a team-average ceiling, a reduction for new hires, pro-rata
// limits for part-timers and optional case weights. Build one with
// NewPolicy, or use Herning or DS2020.
//
// The zero Policy has no name and no limits and is not valid: Validate and
// Suggest report it as caseload.invalid-policy instead of checking limits.
type Policy struct {
	spec PolicySpec
}

// NewPolicy validates spec and returns the policy. Every problem is
// reported at once in a *finding.ListError naming the value: an empty
// name, a limit or ceiling that is not a positive finite number of at most
// MaxLimit, a soft limit above the hard limit, a new-hire factor outside
// (0, 1] or a new-hire period outside 0–MaxNewHireMonths months. (Weights
// are validated by NewWeights.)
func NewPolicy(spec PolicySpec) (Policy, error) {
	spec.Weights = Weights{spec: spec.Weights.spec.clone()}
	if err := checkPolicy(spec).Err("caseload.NewPolicy"); err != nil {
		return Policy{}, err
	}
	if spec.NewHireMonths == 0 && spec.NewHireFactor == 0 {
		spec.NewHireFactor = 1
	}
	return Policy{spec: spec}, nil
}

// MustPolicy is NewPolicy for tests and literals; it panics on error.
func MustPolicy(spec PolicySpec) Policy {
	p, err := NewPolicy(spec)
	if err != nil {
		panic(err)
	}
	return p
}

func checkPolicy(s PolicySpec) finding.List {
	var l finding.List
	bad := func(f finding.Finding) { l = append(l, f) }
	if strings.TrimSpace(s.Name) == "" {
		bad(finding.New("caseload.policy.name", finding.Error, s.Name, ""))
	}
	limit := func(code, field string, v float64) bool {
		f := msg.Nested(msg.New(field))
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			bad(detailed(code, finding.Error, s.Name, "", msg.New("caseload.policy.limit.not-a-number", "field", f, "value", num(v))))
		case v <= 0:
			bad(detailed(code, finding.Error, s.Name, "", msg.New("caseload.policy.limit.not-positive", "field", f, "value", num(v))))
		case v > MaxLimit:
			bad(detailed(code, finding.Error, s.Name, "", msg.New("caseload.policy.limit.too-large", "field", f, "value", num(v), "max", msg.Int(MaxLimit))))
		default:
			return true
		}
		return false
	}
	okSoft := limit("caseload.policy.soft", "caseload.policy.field.soft", s.Soft)
	okHard := limit("caseload.policy.hard", "caseload.policy.field.hard", s.Hard)
	limit("caseload.policy.teamAverage", "caseload.policy.field.teamAverage", s.TeamAverage)
	if okSoft && okHard && s.Soft > s.Hard {
		bad(finding.New("caseload.policy.soft-above-hard", finding.Error, s.Name, "", "soft", num(s.Soft), "hard", num(s.Hard)))
	}
	if s.NewHireMonths < 0 || s.NewHireMonths > MaxNewHireMonths {
		bad(finding.New("caseload.policy.newHireMonths", finding.Error, s.Name, "", "months", msg.Int(s.NewHireMonths), "max", msg.Int(MaxNewHireMonths)))
	}
	f := s.NewHireFactor
	switch {
	case s.NewHireMonths == 0 && (f == 0 || f == 1):
	case math.IsNaN(f) || f <= 0 || f > 1:
		bad(detailed("caseload.policy.newHireFactor", finding.Error, s.Name, "", msg.New("caseload.policy.newHireFactor.range", "factor", num(f))))
	case s.NewHireMonths == 0:
		bad(detailed("caseload.policy.newHireFactor", finding.Error, s.Name, "", msg.New("caseload.policy.newHireFactor.no-period", "factor", num(f))))
	}
	return l
}

// Herning returns Herning's policy for its Sverige teams: at most 20–25
// children's cases per worker (soft 20, hard 25) against 45–50 in the
// other districts (KORA 2017 §1), a target of at most 25 on average (KORA
// 2017 §5.2), the level at which the follow-up table can be kept
// (Kompendium s. 32–35). The sources say nothing about new hires, so there
// is no new-hire reduction; part-timers get limits pro rata. No weights.
func Herning() Policy {
	return MustPolicy(PolicySpec{Name: "Herning", Source: SourceHerning, Soft: 20, Hard: 25, TeamAverage: 25})
}

// DS2020 returns Dansk Socialrådgiverforening's guiding caseload for the
// children's area (feb. 2020): about 20–30 children per full-time worker
// (soft 20, hard 30), lower for about the first 6 months of a new hire and
// for part-timers. DS gives no figure for the new-hire reduction: the
// factor 0.75 is this library's choice (set your own with NewPolicy). DS
// sets no team ceiling either; the team average is capped at the top of
// the range, 30, which a team can only pass if someone is over the hard
// limit.
func DS2020() Policy {
	return MustPolicy(PolicySpec{Name: "DS 2020", Source: SourceDS2020, Soft: 20, Hard: 30, TeamAverage: 30,
		NewHireMonths: 6, NewHireFactor: 0.75})
}

// Name returns the policy's name ("" for the zero value).
func (p Policy) Name() string { return p.spec.Name }

// Source returns the policy's source.
func (p Policy) Source() string { return p.spec.Source }

// Soft returns the soft limit for one full-time worker.
func (p Policy) Soft() float64 { return p.spec.Soft }

// Hard returns the hard limit for one full-time worker.
func (p Policy) Hard() float64 { return p.spec.Hard }

// TeamAverage returns the ceiling on a team's load per full-time equivalent.
func (p Policy) TeamAverage() float64 { return p.spec.TeamAverage }

// NewHire returns the new-hire period in months and the factor on the limits.
func (p Policy) NewHire() (months int, factor float64) {
	return p.spec.NewHireMonths, p.spec.NewHireFactor
}

// Weights returns the case weights.
func (p Policy) Weights() Weights { return p.spec.Weights }

// Spec returns a copy of the policy's data; change it and call NewPolicy
// for a variant.
func (p Policy) Spec() PolicySpec {
	s := p.spec
	s.Weights = Weights{spec: s.Weights.spec.clone()}
	return s
}

// WithWeights returns a copy of p that counts cases by w; p is unchanged.
func (p Policy) WithWeights(w Weights) Policy {
	p.spec.Weights = w
	return p
}

// IsValid reports whether p was built by NewPolicy (or is a shipped policy).
func (p Policy) IsValid() bool { return checkPolicy(p.spec) == nil }

// Equal reports whether p and q are the same policy.
func (p Policy) Equal(q Policy) bool {
	a, b := p.spec, q.spec
	return a.Name == b.Name && a.Source == b.Source && a.Soft == b.Soft && a.Hard == b.Hard &&
		a.TeamAverage == b.TeamAverage && a.NewHireMonths == b.NewHireMonths &&
		a.NewHireFactor == b.NewHireFactor && a.Weights.Equal(b.Weights)
}

// String renders "Herning (soft 20, hard 25, team average 25)".
func (p Policy) String() string {
	if p.spec.Name == "" {
		return "caseload.Policy(<zero>)"
	}
	s := fmt.Sprintf("%s (soft %s, hard %s, team average %s", p.spec.Name, numEn(p.spec.Soft), numEn(p.spec.Hard), numEn(p.spec.TeamAverage))
	if p.spec.NewHireMonths > 0 {
		s += fmt.Sprintf(", new hires × %s for %d months", numEn(p.spec.NewHireFactor), p.spec.NewHireMonths)
	}
	if !p.spec.Weights.IsZero() {
		s += ", weighted"
	}
	return s + ")"
}

// MarshalJSON writes the spec; the zero policy is an error.
func (p Policy) MarshalJSON() ([]byte, error) {
	if !p.IsValid() {
		return nil, fmt.Errorf("caseload.Policy.MarshalJSON: invalid policy %s", p)
	}
	return json.Marshal(p.spec)
}

// UnmarshalJSON reads a spec and validates it like NewPolicy; on error p is
// unchanged.
func (p *Policy) UnmarshalJSON(b []byte) error {
	var s PolicySpec
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("caseload.Policy.UnmarshalJSON: %w", err)
	}
	v, err := NewPolicy(s)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Limits are one worker's limits on a date: the policy's limits adjusted
// for the worker's FTE and, in the new-hire period, the new-hire factor,
// rounded down to whole cases. The zero value is no limits at all (nothing
// fits under them).
type Limits struct {
	Soft, Hard float64
	FTE        float64
	// Factor is the product of FTE and the new-hire factor that applies.
	Factor float64
	// NewHireUntil is the last day of the new-hire period if the worker is
	// in it on the date, else zero.
	NewHireUntil date.Date
}

// NewHire reports whether the worker was in the new-hire period.
func (l Limits) NewHire() bool { return l.NewHireUntil != 0 }

// LimitsFor returns worker w's limits on date on. Errors: an invalid
// policy, a zero date, an FTE that is not a number in (0, 1].
//
// A worker whose EmployedSince is zero (not recorded) or on or before
// on − NewHireMonths gets no new-hire reduction; a worker employed after on
// (not started yet) is treated as a new hire.
func (p Policy) LimitsFor(w Worker, on date.Date) (Limits, error) {
	const op = "caseload.Policy.LimitsFor"
	if !p.IsValid() {
		return Limits{}, fmt.Errorf("%s: %w: invalid policy %s", op, ErrInput, p)
	}
	if on == 0 {
		return Limits{}, fmt.Errorf("%s: %w: worker %q: zero date", op, ErrInput, w.ID)
	}
	if !validFTE(w.FTE) {
		return Limits{}, fmt.Errorf("%s: %w: worker %q: FTE %s is not in (0, 1]", op, ErrInput, w.ID, numEn(w.FTE))
	}
	return p.limits(w, on), nil
}

// limits assumes a valid policy and FTE.
func (p Policy) limits(w Worker, on date.Date) Limits {
	l := Limits{FTE: w.FTE, Factor: w.FTE}
	if m := p.spec.NewHireMonths; m > 0 && w.EmployedSince != 0 {
		if until := followup.AddMonths(w.EmployedSince, m); on < until {
			l.NewHireUntil = until - 1
			l.Factor *= p.spec.NewHireFactor
		}
	}
	// Round down to whole cases; the epsilon keeps 20 × 0.9 at 18.
	l.Soft = math.Floor(p.spec.Soft*l.Factor + 1e-9)
	l.Hard = math.Floor(p.spec.Hard*l.Factor + 1e-9)
	return l
}

func validFTE(f float64) bool { return f > 0 && f <= 1 } // false for NaN

// limitMsg says how a worker's limit came about from the policy's base
// limit: "20 = 25 × 0,8 årsværk", or just "25" for a full-time worker
// outside the new-hire period.
func (p Policy) limitMsg(l Limits, limit, base float64) msg.Message {
	switch {
	case l.Factor == 1:
		return msg.New("caseload.limit", "limit", num(limit))
	case l.NewHire() && l.FTE != 1:
		return msg.New("caseload.limit.fte-new-hire", "limit", num(limit), "base", num(base), "fte", num(l.FTE),
			"factor", num(p.spec.NewHireFactor), "until", msg.Date(l.NewHireUntil))
	case l.NewHire():
		return msg.New("caseload.limit.new-hire", "limit", num(limit), "base", num(base),
			"factor", num(p.spec.NewHireFactor), "until", msg.Date(l.NewHireUntil))
	}
	return msg.New("caseload.limit.fte", "limit", num(limit), "base", num(base), "fte", num(l.FTE))
}
