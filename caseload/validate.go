package caseload

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// Finding codes. Each finding has one of these codes, a severity, the
// subject it is about (a worker id, a case id, a team name, a policy name)
// and a message in Danish and English.
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

func checkDay(d date.Date) (da, en string, ok bool) {
	if d == 0 {
		return "Datoen mangler (nul).", "The date is missing (zero).", false
	}
	if y := d.Year(); y < MinYear || y > MaxYear {
		return fmt.Sprintf("Datoen %s ligger uden for %d–%d.", d, MinYear, MaxYear),
			fmt.Sprintf("The date %s is outside %d–%d.", d, MinYear, MaxYear), false
	}
	return "", "", true
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

func workerLabel(w Worker) string {
	if w.Name != "" {
		return fmt.Sprintf("%s (%s)", w.ID, w.Name)
	}
	return w.ID
}

func analyse(t Team, p Policy, on date.Date) *analysis {
	a := &analysis{p: p, on: on, byID: make(map[string]int, len(t.Workers)), caseAt: make(map[string]int, len(t.Cases))}
	add := func(l *finding.List, code string, sev finding.Severity, subj, src, da, en string) {
		*l = append(*l, finding.Finding{Code: code, Severity: sev, Subject: subj, Source: src, Da: da, En: en})
	}
	if fs := checkPolicy(p.spec); fs != nil {
		var ens, das []string
		for _, f := range fs {
			das, ens = append(das, f.Da), append(ens, f.En)
		}
		add(&a.head, CodeInvalidPolicy, finding.Error, p.spec.Name, "",
			"Sagstalspolitikken er ugyldig, så grænserne kan ikke kontrolleres: "+strings.Join(das, " "),
			"The caseload policy is invalid, so the limits cannot be checked: "+strings.Join(ens, " "))
	} else {
		a.policyOK = true
	}
	if da, en, ok := checkDay(on); !ok {
		add(&a.head, CodeInvalidDate, finding.Error, "", "", da+" Grænserne kan ikke kontrolleres.", en+" The limits cannot be checked.")
	} else {
		a.dateOK = true
	}
	name := p.spec.Name

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
			add(&a.workerF, CodeMissingID, finding.Error, subj, "",
				fmt.Sprintf("Rådgiveren på plads %d i listen (%q) har intet id og tælles ikke med.", i, w.Name),
				fmt.Sprintf("The worker at position %d of the list (%q) has no id and is left out.", i, w.Name))
			continue
		}
		if n > 1 {
			add(&a.workerF, CodeDuplicateWorker, finding.Error, subj, "",
				fmt.Sprintf("Rådgiver-id %s forekommer %d gange; kun den første tælles med.", w.ID, n),
				fmt.Sprintf("Worker id %s occurs %d times; only the first counts.", w.ID, n))
		}
		wl := WorkerLoad{Worker: w}
		if !validFTE(w.FTE) {
			add(&a.workerF, CodeInvalidFTE, finding.Error, subj, "",
				fmt.Sprintf("Rådgiver %s har årsværk %s; det skal være over 0 og højst 1. Grænserne kan ikke beregnes.", workerLabel(w), numDa(w.FTE)),
				fmt.Sprintf("Worker %s has FTE %s; it must be above 0 and at most 1. The limits cannot be worked out.", workerLabel(w), numEn(w.FTE)))
		} else if a.policyOK && a.dateOK {
			wl.Limits, wl.LimitsOK = p.limits(w, on), true
			months, _ := p.NewHire()
			switch {
			case wl.Limits.NewHire():
				add(&a.workerF, CodeNewHire, finding.Info, subj, p.spec.Source,
					fmt.Sprintf("Rådgiver %s er nyansat (fra %s); grænserne er %s/%s sager til og med %s (%s).", workerLabel(w), w.EmployedSince,
						numDa(wl.Limits.Soft), numDa(wl.Limits.Hard), wl.Limits.NewHireUntil, name),
					fmt.Sprintf("Worker %s is a new hire (from %s); the limits are %s/%s cases until %s (%s).", workerLabel(w), w.EmployedSince,
						numEn(wl.Limits.Soft), numEn(wl.Limits.Hard), wl.Limits.NewHireUntil, name))
			case months > 0 && w.EmployedSince == 0:
				add(&a.workerF, CodeNoEmploymentDate, finding.Info, subj, p.spec.Source,
					fmt.Sprintf("Rådgiver %s har ingen ansættelsesdato og regnes derfor ikke som nyansat (%s nedsætter grænserne de første %d måneder).", workerLabel(w), name, months),
					fmt.Sprintf("Worker %s has no employment date and so is not treated as a new hire (%s lowers the limits in the first %d months).", workerLabel(w), name, months))
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
			add(&a.caseF, CodeMissingID, finding.Error, subj, "",
				fmt.Sprintf("Sagen på plads %d i listen har intet sagsnummer og tælles ikke med.", i),
				fmt.Sprintf("The case at position %d of the list has no id and is left out.", i))
			continue
		}
		if n > 1 {
			add(&a.caseF, CodeDuplicateCase, finding.Error, subj, "",
				fmt.Sprintf("Sagsnummer %s forekommer %d gange; en sag er ét barn og tælles kun én gang (den første).", c.ID, n),
				fmt.Sprintf("Case id %s occurs %d times; a case is one child and counts once (the first).", c.ID, n))
		}
		a.caseAt[c.ID] = i
		a.checkMeasures(c, subj)
		switch j, known := a.byID[c.Worker]; {
		case c.Worker == "":
			add(&a.caseF, CodeUnassigned, finding.Warning, subj, SourceAssignment,
				fmt.Sprintf("Sag %s er ikke fordelt til en rådgiver. Teamlederen fordeler nye sager efter 24-timersvurderingen.", c.ID),
				fmt.Sprintf("Case %s is not assigned to a worker. The team leader assigns new cases after the 24-hour assessment.", c.ID))
		case !known:
			add(&a.caseF, CodeUnknownWorker, finding.Error, subj, "",
				fmt.Sprintf("Sag %s står på rådgiver %s, som ikke er i teamet; sagen tælles ikke med.", c.ID, c.Worker),
				fmt.Sprintf("Case %s names worker %s, who is not in the team; the case is not counted.", c.ID, c.Worker))
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
			a.caseF = append(a.caseF, finding.Finding{Code: CodeInvalidMeasure, Severity: finding.Error, Subject: subj,
				Da: fmt.Sprintf("Sag %s har en ugyldig (tom) indsats på plads %d; opret indsatser med ladder.NewMeasure.", c.ID, i),
				En: fmt.Sprintf("Case %s has an invalid (zero) measure at position %d; build measures with ladder.NewMeasure.", c.ID, i)})
			continue
		}
		end, _ := m.End()
		for _, x := range []date.Date{m.Start(), end} {
			if y := x.Year(); x != 0 && (y < MinYear || y > MaxYear) {
				a.caseF = append(a.caseF, finding.Finding{Code: CodeInvalidMeasure, Severity: finding.Error, Subject: subj,
					Da: fmt.Sprintf("Sag %s: indsats %s har datoen %s, uden for %d–%d.", c.ID, m.ID(), x, MinYear, MaxYear),
					En: fmt.Sprintf("Case %s: measure %s has the date %s, outside %d–%d.", c.ID, m.ID(), x, MinYear, MaxYear)})
				break
			}
		}
		if len(c.Measures) < 2 {
			continue
		}
		if seen == nil {
			seen = make(map[string]bool, len(c.Measures))
		}
		if seen[m.ID()] {
			a.caseF = append(a.caseF, finding.Finding{Code: CodeDuplicateMeasure, Severity: finding.Error, Subject: subj,
				Da: fmt.Sprintf("Sag %s har indsats-id %s mere end én gang.", c.ID, m.ID()),
				En: fmt.Sprintf("Case %s has measure id %s more than once.", c.ID, m.ID())})
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
	var code, whichDa, whichEn string
	var limit, base float64
	var sev finding.Severity
	switch {
	case load > lim.Hard:
		code, sev, whichDa, whichEn, limit, base = CodeOverHardLimit, finding.Error, "den hårde grænse", "the hard limit", lim.Hard, p.spec.Hard
	case load > lim.Soft:
		code, sev, whichDa, whichEn, limit, base = CodeOverSoftLimit, finding.Warning, "den bløde grænse", "the soft limit", lim.Soft, p.spec.Soft
	default:
		return finding.Finding{}, false
	}
	has := func(lang string) string {
		num, noun := numEn, plural(float64(cases), "case", "cases")
		if lang == "da" {
			num, noun = numDa, plural(float64(cases), "sag", "sager")
		}
		s := fmt.Sprintf("%d %s", cases, noun)
		if load != float64(cases) {
			if lang == "da" {
				s += " (vægtet " + num(load) + ")"
			} else {
				s += " (weighted " + num(load) + ")"
			}
		}
		return s
	}
	lim2 := func(lang string) string {
		num := numEn
		if lang == "da" {
			num = numDa
		}
		s := num(limit)
		if x := p.explain(lim, base, lang); x != "" {
			s += " = " + x
		}
		return s
	}
	w := workerLabel(wl.Worker)
	f := finding.Finding{Code: code, Severity: sev, Subject: wl.Worker.ID, Source: p.spec.Source}
	if caseID == "" {
		f.Da = fmt.Sprintf("Rådgiver %s har %s; %s er %s (%s).", w, has("da"), whichDa, lim2("da"), p.spec.Name)
		f.En = fmt.Sprintf("Worker %s has %s; %s is %s (%s).", w, has("en"), whichEn, lim2("en"), p.spec.Name)
	} else {
		f.Da = fmt.Sprintf("Med sag %s får rådgiver %s %s; %s er %s (%s).", caseID, w, has("da"), whichDa, lim2("da"), p.spec.Name)
		f.En = fmt.Sprintf("With case %s, worker %s would have %s; %s is %s (%s).", caseID, w, has("en"), whichEn, lim2("en"), p.spec.Name)
	}
	if sev == finding.Error && caseID == "" {
		f.Da += " Fordel ikke flere sager til rådgiveren, og flyt sager."
		f.En += " Assign no more cases to the worker, and move cases."
	}
	return f, true
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
		label, labelEn := "Team "+n, "Team "+n
		if n == "" {
			label, labelEn = "Rådgivere uden team", "Workers with no team"
		}
		f := finding.Finding{Code: CodeTeamAverage, Severity: finding.Warning, Subject: n, Source: a.p.spec.Source}
		f.Da = fmt.Sprintf("%s har i gennemsnit %s sager pr. årsværk (%s på %s årsværk); loftet er %s i gennemsnit (%s).",
			label, numDa(avg), loadText(g.cases, g.load, "da"), numDa(g.fte), numDa(ceil), a.p.spec.Name)
		f.En = fmt.Sprintf("%s averages %s cases per FTE (%s on %s FTE); the ceiling is %s on average (%s).",
			labelEn, numEn(avg), loadText(g.cases, g.load, "en"), numEn(g.fte), numEn(ceil), a.p.spec.Name)
		l = append(l, f)
	}
	return l
}

func loadText(cases int, load float64, lang string) string {
	if lang == "da" {
		s := fmt.Sprintf("%d %s", cases, plural(float64(cases), "sag", "sager"))
		if load != float64(cases) {
			s += ", vægtet " + numDa(load)
		}
		return s
	}
	s := fmt.Sprintf("%d %s", cases, plural(float64(cases), "case", "cases"))
	if load != float64(cases) {
		s += ", weighted " + numEn(load)
	}
	return s
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
