package caseload

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// CodeSuggested is the Info finding that says whom Suggest chose and why.
const CodeSuggested = "caseload.suggested"

// weightOf is the weight of c under the policy (1 without weights).
func (a *analysis) weightOf(c Case) float64 {
	if a.p.spec.Weights.IsZero() {
		return 1
	}
	return a.p.spec.Weights.Of(c, a.on)
}

type candidate struct {
	wl    WorkerLoad
	after float64 // weighted load with the new case
	tier  int     // 0: within the soft limit afterwards; 1: within the hard limit only
	rel   float64 // current load ÷ own hard limit
}

// Suggest proposes who should get a new case. After the 24-hour assessment
// the team leader distributes new cases among the team (Kompendium s. 28;
// KORA 2017 §5.2); Suggest is a proposal for that decision, not the
// decision.
//
// A worker is eligible if taking the case keeps the worker's weighted load
// within the worker's own hard limit (policy limits × FTE × the new-hire
// factor). Among the eligible, a worker who stays within the soft limit is
// preferred; then the one whose current load is the smallest share of the
// worker's own hard limit (so a half-time worker with 10 cases is as full
// as a full-time worker with 20); then the smaller weighted load; then the
// larger headroom under the hard limit after taking the case; then the
// smaller worker id. The order does not depend on the order of the team.
//
// ok is false, with a caseload.no-capacity finding for the team leader,
// when nobody is eligible, and with the reason when the policy, the date
// or the new case is unusable (no id, an id already in the team, a zero
// measure). Otherwise the findings hold a caseload.suggested Info finding
// with the chosen worker's load, a caseload.over-soft-limit Warning if the
// case takes that worker over the soft limit, and any problem with the
// team's workers (invalid FTE, duplicate ids) that kept one out.
// newCase.Worker is ignored. Suggest changes neither team nor newCase.
func Suggest(team Team, p Policy, newCase Case, on date.Date) (workerID string, ok bool, findings finding.List) {
	a := analyse(team, p, on)
	findings = slices.Clone(a.head)
	if !a.policyOK || !a.dateOK {
		return "", false, findings
	}
	subj := subjectOr(newCase.ID, "newCase", 0)
	before := len(findings)
	switch _, dup := a.caseAt[newCase.ID]; {
	case newCase.ID == "":
		findings = append(findings, detailed(CodeMissingID, finding.Error, subj, "", msg.New("caseload.missing-id.new-case")))
	case dup:
		findings = append(findings, detailed(CodeDuplicateCase, finding.Error, subj, "",
			msg.New("caseload.duplicate-case.new-case", "case", msg.String(newCase.ID))))
	}
	n := len(a.caseF)
	a.checkMeasures(&newCase, subj)
	findings = append(findings, a.caseF[n:]...)
	caseBad := len(findings) > before // every finding about the new case is an Error
	for _, f := range a.workerF {
		if f.Severity >= finding.Warning {
			findings = append(findings, f)
		}
	}
	if caseBad {
		return "", false, findings
	}

	weight := a.weightOf(newCase)
	var cands []candidate
	var emptiest *WorkerLoad
	for i := range a.workers {
		wl := a.workers[i]
		if !wl.LimitsOK || wl.Limits.Hard == 0 {
			continue
		}
		if emptiest == nil || wl.Load/wl.Limits.Hard < emptiest.Load/emptiest.Limits.Hard {
			emptiest = &a.workers[i] // named in the no-capacity finding
		}
		after := wl.Load + weight
		if after > wl.Limits.Hard {
			continue
		}
		c := candidate{wl: wl, after: after, rel: wl.Load / wl.Limits.Hard}
		if after > wl.Limits.Soft {
			c.tier = 1
		}
		cands = append(cands, c)
	}
	id, policy := msg.String(newCase.ID), msg.String(p.spec.Name)
	if len(cands) == 0 {
		d := msg.New("caseload.no-capacity.no-limits", "case", id, "policy", policy)
		if emptiest != nil {
			d = msg.New("caseload.no-capacity.full", "case", id, "policy", policy,
				"worker", workerArg(emptiest.Worker), "load", num(emptiest.Load), "hard", num(emptiest.Limits.Hard))
		}
		return "", false, append(findings, detailed(CodeNoCapacity, finding.Error, newCase.ID, SourceAssignment, d))
	}
	best := slices.MinFunc(cands, func(x, y candidate) int {
		return cmp.Or(
			cmp.Compare(x.tier, y.tier),
			cmp.Compare(x.rel, y.rel),
			cmp.Compare(x.wl.Load, y.wl.Load),
			cmp.Compare(y.wl.Limits.Hard-y.after, x.wl.Limits.Hard-x.after),
			strings.Compare(x.wl.Worker.ID, y.wl.Worker.ID),
		)
	})
	w := best.wl
	findings = append(findings, finding.New(CodeSuggested, finding.Info, w.Worker.ID, SourceAssignment,
		"case", id, "worker", workerArg(w.Worker), "load", loadArg(w.Cases+1, best.after),
		"soft", num(w.Limits.Soft), "hard", num(w.Limits.Hard), "policy", policy))
	if f, over := a.limitFinding(w, w.Cases+1, best.after, newCase.ID); over {
		findings = append(findings, f)
	}
	return w.Worker.ID, true, findings
}

// CheckReassignment checks moving case caseID to worker toWorker against
// the same limits as Suggest: the target worker's weighted load with the
// case must stay within the hard limit (else caseload.over-hard-limit, an
// Error) and should stay within the soft limit (else
// caseload.over-soft-limit, a Warning). ok is false when any finding is an
// Error: an invalid policy or date, a case not in the team
// (caseload.unknown-case) or duplicated, a target not in the team
// (caseload.unknown-worker) or without valid limits. Moving a case to the
// worker who already holds it is allowed (caseload.same-worker, Info), and
// so is moving a case away from a worker who is not in the team.
// CheckReassignment never changes team.
func CheckReassignment(team Team, p Policy, caseID, toWorker string, on date.Date) (ok bool, findings finding.List) {
	a := analyse(team, p, on)
	findings = slices.Clone(a.head)
	if !a.policyOK || !a.dateOK {
		return false, findings
	}
	ci, known := a.caseAt[caseID]
	if !known {
		findings = append(findings, finding.New(CodeUnknownCase, finding.Error, caseID, "", "case", msg.String(caseID)))
	} else {
		for _, f := range a.caseF {
			// A case held by a worker not in the team is what a
			// reassignment mends, so that finding does not stop it.
			if f.Subject == caseID && f.Severity == finding.Error && f.Code != CodeUnknownWorker {
				findings = append(findings, f)
			}
		}
	}
	wi, wknown := a.byID[toWorker]
	if !wknown {
		findings = append(findings, detailed(CodeUnknownWorker, finding.Error, toWorker, "",
			msg.New("caseload.unknown-worker.target", "worker", msg.String(toWorker))))
	} else {
		for _, f := range a.workerF {
			if f.Subject == toWorker && f.Severity == finding.Error {
				findings = append(findings, f)
			}
		}
	}
	if !known || !wknown {
		return false, findings
	}
	c := team.Cases[ci]
	wl := a.workers[wi]
	if c.Worker == toWorker {
		findings = append(findings, finding.New(CodeSameWorker, finding.Info, caseID, "",
			"case", msg.String(caseID), "worker", workerArg(wl.Worker)))
		return !findings.HasErrors(), findings
	}
	if wl.LimitsOK {
		if f, over := a.limitFinding(wl, wl.Cases+1, wl.Load+a.weightOf(c), caseID); over {
			findings = append(findings, f)
		}
	}
	return !findings.HasErrors(), findings
}
