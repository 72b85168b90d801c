package caseload

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Finding codes. Each finding has one of these codes, a severity, the
// subject it is about (a worker id, a case id, a team name, a policy name)
// and its message's arguments as data, which the catalogue (package msg;
// this package's texts are in messages.go) renders in Danish or English.
const (
	CodeOverHardLimit    = "caseload.over-hard-limit"    // Error: a worker's load is above the hard limit
	CodeOverSoftLimit    = "caseload.over-soft-limit"    // Warning: above the soft limit, within the hard one
	CodeTeamAverage      = "caseload.team-average"       // Warning: a team's load per FTE is above the ceiling
	CodeUnassigned       = "caseload.unassigned"         // Warning: a case with no worker
	CodeUnknownWorker    = "caseload.unknown-worker"     // Error: a case names a worker not in the team
	CodeDuplicateCase    = "caseload.duplicate-case"     // Error: two cases with one id
	CodeDuplicateWorker  = "caseload.duplicate-worker"   // Error: two workers with one id
	CodeInvalidFTE       = "caseload.invalid-fte"        // Error: FTE not in (0, 1]
	CodeMissingID        = "caseload.missing-id"         // Error: a worker or case with an empty id
	CodeInvalidMeasure   = "caseload.invalid-measure"    // Error: a zero measure, or one dated outside MinYear–MaxYear
	CodeDuplicateMeasure = "caseload.duplicate-measure"  // Error: two measures with one id in a case
	CodeInvalidPolicy    = "caseload.invalid-policy"     // Error: the policy is not valid
	CodeInvalidDate      = "caseload.invalid-date"       // Error: the date is zero or out of range
	CodeNewHire          = "caseload.new-hire"           // Info: a worker's limits are reduced as a new hire
	CodeNoEmploymentDate = "caseload.no-employment-date" // Info: the policy reduces for new hires and the date is missing
	CodeNoCapacity       = "caseload.no-capacity"        // Error: Suggest found nobody with room
	CodeUnknownCase      = "caseload.unknown-case"       // Error: CheckReassignment names a case not in the team
	CodeSameWorker       = "caseload.same-worker"        // Info: the case already is with that worker
)

// MinYear and MaxYear bound the dates this package accepts as "today".
const (
	MinYear = 1900
	MaxYear = 2199
)

// checkDay says what is wrong with d as "today", if anything.
func checkDay(d date.Date) (problem msg.Message, ok bool) {
	if d == 0 {
		return msg.New("caseload.date.missing"), false
	}
	if y := d.Year(); y < MinYear || y > MaxYear {
		return msg.New("caseload.date.out-of-range", "date", msg.Date(d), "min", msg.Int(MinYear), "max", msg.Int(MaxYear)), false
	}
	return msg.Message{}, true
}

// WorkerLoad is one worker's caseload on a date.
type WorkerLoad struct {
	Worker Worker
	// Cases is the number of cases the worker holds (children).
	Cases int
	// Load is the weighted number: the sum of the cases' weights (equal to
	// Cases without weights).
	Load float64
	// Limits are the worker's limits; LimitsOK is false when they could
	// not be worked out (invalid policy, date or FTE).
	Limits   Limits
	LimitsOK bool
}

// analysis is what Validate, Loads, Suggest and CheckReassignment share.
type analysis struct {
	p        Policy
	policyOK bool
	on       date.Date
	dateOK   bool
	workers  []WorkerLoad   // first occurrence of each id, sorted by id
	byID     map[string]int // worker id → index in workers
	caseAt   map[string]int // case id → index in team.Cases (first occurrence)

	head, workerF, caseF finding.List
}

func subjectOr(id string, what string, i int) string {
	if id == "" {
		return fmt.Sprintf("%s[%d]", what, i)
	}
	return id
}

func analyse(t Team, p Policy, on date.Date) *analysis {
	a := &analysis{p: p, on: on, byID: make(map[string]int, len(t.Workers)), caseAt: make(map[string]int, len(t.Cases))}
	if fs := checkPolicy(p.spec); fs != nil {
		problems := make([]msg.Message, len(fs))
		for i, f := range fs {
			problems[i] = f.Message()
		}
		a.head = append(a.head, finding.New(CodeInvalidPolicy, finding.Error, p.spec.Name, "",
			"problems", msg.Nested(joined("caseload.join.sentences", problems))))
	} else {
		a.policyOK = true
	}
	if problem, ok := checkDay(on); !ok {
		a.head = append(a.head, finding.New(CodeInvalidDate, finding.Error, "", "",
			"problem", msg.Nested(problem), "consequence", msg.Nested(msg.New("caseload.invalid-date.limits"))))
	} else {
		a.dateOK = true
	}
	policy := msg.String(p.spec.Name)

	// Workers, by id then input order.
	wi := sortedIdx(len(t.Workers), func(i int) string { return t.Workers[i].ID })
	for k := 0; k < len(wi); {
		i := wi[k]
		w := t.Workers[i]
		n := 1
		for k+n < len(wi) && t.Workers[wi[k+n]].ID == w.ID && w.ID != "" {
			n++
		}
		k += n
		subj := subjectOr(w.ID, "workers", i)
		if w.ID == "" {
			a.workerF = append(a.workerF, detailed(CodeMissingID, finding.Error, subj, "",
				msg.New("caseload.missing-id.worker", "position", msg.Int(i), "name", msg.String(w.Name))))
			continue
		}
		if n > 1 {
			a.workerF = append(a.workerF, finding.New(CodeDuplicateWorker, finding.Error, subj, "",
				"worker", msg.String(w.ID), "count", msg.Int(n)))
		}
		wl := WorkerLoad{Worker: w}
		if !validFTE(w.FTE) {
			a.workerF = append(a.workerF, finding.New(CodeInvalidFTE, finding.Error, subj, "",
				"worker", workerArg(w), "fte", num(w.FTE)))
		} else if a.policyOK && a.dateOK {
			wl.Limits, wl.LimitsOK = p.limits(w, on), true
			months, _ := p.NewHire()
			switch {
			case wl.Limits.NewHire():
				a.workerF = append(a.workerF, finding.New(CodeNewHire, finding.Info, subj, p.spec.Source,
					"worker", workerArg(w), "from", msg.Date(w.EmployedSince), "soft", num(wl.Limits.Soft), "hard", num(wl.Limits.Hard),
					"until", msg.Date(wl.Limits.NewHireUntil), "policy", policy))
			case months > 0 && w.EmployedSince == 0:
				a.workerF = append(a.workerF, finding.New(CodeNoEmploymentDate, finding.Info, subj, p.spec.Source,
					"worker", workerArg(w), "policy", policy, "period", msg.Period(int32(months), 0)))
			}
		}
		a.byID[w.ID] = len(a.workers)
		a.workers = append(a.workers, wl)
	}

	// Cases, by id then input order.
	weights := p.spec.Weights
	ci := sortedIdx(len(t.Cases), func(i int) string { return t.Cases[i].ID })
	for k := 0; k < len(ci); {
		i := ci[k]
		c := &t.Cases[i]
		n := 1
		for k+n < len(ci) && t.Cases[ci[k+n]].ID == c.ID && c.ID != "" {
			n++
		}
		k += n
		subj := subjectOr(c.ID, "cases", i)
		if c.ID == "" {
			a.caseF = append(a.caseF, detailed(CodeMissingID, finding.Error, subj, "",
				msg.New("caseload.missing-id.case", "position", msg.Int(i))))
			continue
		}
		if n > 1 {
			a.caseF = append(a.caseF, detailed(CodeDuplicateCase, finding.Error, subj, "",
				msg.New("caseload.duplicate-case.count", "case", msg.String(c.ID), "count", msg.Int(n))))
		}
		a.caseAt[c.ID] = i
		a.checkMeasures(c, subj)
		switch j, known := a.byID[c.Worker]; {
		case c.Worker == "":
			a.caseF = append(a.caseF, detailed(CodeUnassigned, finding.Warning, subj, SourceAssignment,
				msg.New("caseload.unassigned.assign", "case", msg.String(c.ID))))
		case !known:
			a.caseF = append(a.caseF, detailed(CodeUnknownWorker, finding.Error, subj, "",
				msg.New("caseload.unknown-worker.case", "case", msg.String(c.ID), "worker", msg.String(c.Worker))))
		default:
			wl := &a.workers[j]
			wl.Cases++
			if weights.IsZero() {
				wl.Load++
			} else {
				wl.Load += weights.Of(*c, on)
			}
		}
	}
	return a
}

func (a *analysis) checkMeasures(c *Case, subj string) {
	var seen map[string]bool
	for i := range c.Measures {
		m := c.Measures[i].Measure
		if !m.IsValid() {
			a.caseF = append(a.caseF, detailed(CodeInvalidMeasure, finding.Error, subj, "",
				msg.New("caseload.invalid-measure.zero", "case", msg.String(c.ID), "position", msg.Int(i))))
			continue
		}
		// A measure's dates lie in 1900–2199: ladder.NewMeasure checks them.
		if len(c.Measures) < 2 {
			continue
		}
		if seen == nil {
			seen = make(map[string]bool, len(c.Measures))
		}
		if seen[m.ID()] {
			a.caseF = append(a.caseF, finding.New(CodeDuplicateMeasure, finding.Error, subj, "",
				"case", msg.String(c.ID), "measure", msg.String(m.ID())))
		}
		seen[m.ID()] = true
	}
}

// sortedIdx returns 0..n-1 ordered by key, then by index.
func sortedIdx(n int, key func(int) string) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(key(a), key(b)) })
	return idx
}

// limitFindings reports workers over their limits, by worker id.
func (a *analysis) limitFindings() finding.List {
	var l finding.List
	for _, wl := range a.workers {
		if f, ok := a.limitFinding(wl, wl.Cases, wl.Load, ""); ok {
			l = append(l, f)
		}
	}
	return l
}

// limitFinding is the over-hard or over-soft finding for a worker holding
// cases cases of weighted load load; ok is false when within the soft limit.
// caseID, if set, is the case whose assignment would bring that load.
func (a *analysis) limitFinding(wl WorkerLoad, cases int, load float64, caseID string) (finding.Finding, bool) {
	if !wl.LimitsOK {
		return finding.Finding{}, false
	}
	lim, p := wl.Limits, a.p
	var (
		code, holds, withCase string
		sev                   finding.Severity
		limit                 msg.Message
	)
	switch {
	case load > lim.Hard:
		code, sev, holds, withCase = CodeOverHardLimit, finding.Error, "caseload.over-hard-limit.holds", "caseload.over-hard-limit.with-case"
		limit = p.limitMsg(lim, lim.Hard, p.spec.Hard)
	case load > lim.Soft:
		code, sev, holds, withCase = CodeOverSoftLimit, finding.Warning, "caseload.over-soft-limit.holds", "caseload.over-soft-limit.with-case"
		limit = p.limitMsg(lim, lim.Soft, p.spec.Soft)
	default:
		return finding.Finding{}, false
	}
	args := []any{"worker", workerArg(wl.Worker), "load", loadArg(cases, load), "limit", msg.Nested(limit), "policy", msg.String(p.spec.Name)}
	d := msg.New(holds, args...)
	if caseID != "" {
		d = msg.New(withCase, append([]any{"case", msg.String(caseID)}, args...)...)
	}
	return detailed(code, sev, wl.Worker.ID, p.spec.Source, d), true
}

// averageFindings reports teams above the policy's team-average ceiling,
// by team name. Workers whose limits could not be worked out are left out.
func (a *analysis) averageFindings() finding.List {
	if !a.policyOK || !a.dateOK {
		return nil
	}
	type agg struct {
		cases       int
		load, fte   float64
		workerCount int
	}
	teams := map[string]*agg{}
	for _, wl := range a.workers {
		if !wl.LimitsOK {
			continue
		}
		g := teams[wl.Worker.Team]
		if g == nil {
			g = &agg{}
			teams[wl.Worker.Team] = g
		}
		g.cases += wl.Cases
		g.load += wl.Load
		g.fte += wl.Worker.FTE
		g.workerCount++
	}
	names := make([]string, 0, len(teams))
	for n := range teams {
		names = append(names, n)
	}
	slices.Sort(names)
	var l finding.List
	ceil := a.p.spec.TeamAverage
	for _, n := range names {
		g := teams[n]
		avg := g.load / g.fte
		if avg <= ceil {
			continue
		}
		team := msg.New("caseload.team", "name", msg.String(n))
		if n == "" {
			team = msg.New("caseload.team.none")
		}
		l = append(l, finding.New(CodeTeamAverage, finding.Warning, n, a.p.spec.Source,
			"team", msg.Nested(team), "average", num(avg), "load", loadArg(g.cases, g.load), "fte", num(g.fte),
			"ceiling", num(ceil), "policy", msg.String(a.p.spec.Name)))
	}
	return l
}

// Validate checks a team's caseload against policy p on date on and
// returns every finding at once, in this order: the policy and the date;
// the workers, by id (missing id, duplicate id, FTE, new hires); the cases,
// by id (missing id, duplicates, invalid measures, unassigned, unknown
// worker); the workers over their limits, by id; the teams over the
// average ceiling, by team name.
//
// A case counts once, whatever number of measures it has, and a case with
// no active measure counts too (KORA 2017 §5.2). With weights in the policy
// a case counts by its weight. Each worker's limits are the policy's,
// adjusted for FTE and the new-hire period (Policy.LimitsFor). A worker
// above the hard limit is an Error (over-hard-limit); above the soft limit
// only a Warning (over-soft-limit). The team average — the cases of the
// workers of one team name divided by their FTE — above the policy's
// ceiling is a Warning (team-average): Herning's 25 is a target for the
// average (KORA 2017 §5.2), and the per-worker hard limit is the rule that
// must not be broken.
//
// A duplicated worker or case id counts once (the first); a case naming an
// unknown worker counts for nobody. Validate never changes team.
func Validate(team Team, p Policy, on date.Date) finding.List {
	a := analyse(team, p, on)
	l := slices.Concat(a.head, a.workerF, a.caseF, a.limitFindings(), a.averageFindings())
	if len(l) == 0 {
		return nil
	}
	return l
}

// Loads returns every worker's caseload on date on under policy p, by
// worker id (the first of a duplicated id only). Invalid input gives loads
// with LimitsOK false; Validate says why.
func Loads(team Team, p Policy, on date.Date) []WorkerLoad {
	a := analyse(team, p, on)
	return a.workers
}
