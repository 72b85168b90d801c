package caseload

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
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
		findings = append(findings, finding.Finding{Code: CodeMissingID, Severity: finding.Error, Subject: subj,
			Da: "Den nye sag har intet sagsnummer.", En: "The new case has no id."})
	case dup:
		findings = append(findings, finding.Finding{Code: CodeDuplicateCase, Severity: finding.Error, Subject: subj,
			Da: fmt.Sprintf("Sag %s er allerede i teamet; brug CheckReassignment for at flytte den.", newCase.ID),
			En: fmt.Sprintf("Case %s is already in the team; use CheckReassignment to move it.", newCase.ID)})
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
	if len(cands) == 0 {
		f := finding.Finding{Code: CodeNoCapacity, Severity: finding.Error, Subject: newCase.ID, Source: SourceAssignment}
		if emptiest == nil {
			f.Da = fmt.Sprintf("Ingen rådgiver i teamet har gyldige grænser, så sag %s kan ikke fordeles (%s).", newCase.ID, p.spec.Name)
			f.En = fmt.Sprintf("No worker in the team has valid limits, so case %s cannot be assigned (%s).", newCase.ID, p.spec.Name)
		} else {
			f.Da = fmt.Sprintf("Ingen rådgiver kan tage sag %s uden at komme over sin hårde grænse (%s). Mindst belastet er %s med %s af %s. Teamlederen må flytte sager eller finde kapacitet uden for teamet.",
				newCase.ID, p.spec.Name, workerLabel(emptiest.Worker), numDa(emptiest.Load), numDa(emptiest.Limits.Hard))
			f.En = fmt.Sprintf("No worker can take case %s without going over their hard limit (%s). The least loaded is %s with %s of %s. The team leader must move cases or find capacity outside the team.",
				newCase.ID, p.spec.Name, workerLabel(emptiest.Worker), numEn(emptiest.Load), numEn(emptiest.Limits.Hard))
		}
		return "", false, append(findings, f)
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
	findings = append(findings, finding.Finding{Code: CodeSuggested, Severity: finding.Info, Subject: w.Worker.ID, Source: SourceAssignment,
		Da: fmt.Sprintf("Forslag: sag %s til rådgiver %s, som med sagen har %s (bløde grænse %s, hårde grænse %s; %s). Teamlederen fordeler.",
			newCase.ID, workerLabel(w.Worker), loadText(w.Cases+1, best.after, "da"), numDa(w.Limits.Soft), numDa(w.Limits.Hard), p.spec.Name),
		En: fmt.Sprintf("Suggestion: case %s to worker %s, who would then have %s (soft limit %s, hard limit %s; %s). The team leader decides.",
			newCase.ID, workerLabel(w.Worker), loadText(w.Cases+1, best.after, "en"), numEn(w.Limits.Soft), numEn(w.Limits.Hard), p.spec.Name)})
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
		findings = append(findings, finding.Finding{Code: CodeUnknownCase, Severity: finding.Error, Subject: caseID,
			Da: fmt.Sprintf("Sag %q findes ikke i teamet.", caseID), En: fmt.Sprintf("Case %q is not in the team.", caseID)})
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
		findings = append(findings, finding.Finding{Code: CodeUnknownWorker, Severity: finding.Error, Subject: toWorker,
			Da: fmt.Sprintf("Rådgiver %q findes ikke i teamet.", toWorker), En: fmt.Sprintf("Worker %q is not in the team.", toWorker)})
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
		findings = append(findings, finding.Finding{Code: CodeSameWorker, Severity: finding.Info, Subject: caseID,
			Da: fmt.Sprintf("Sag %s ligger allerede hos rådgiver %s.", caseID, workerLabel(wl.Worker)),
			En: fmt.Sprintf("Case %s is already with worker %s.", caseID, workerLabel(wl.Worker))})
		return !findings.HasErrors(), findings
	}
	if wl.LimitsOK {
		if f, over := a.limitFinding(wl, wl.Cases+1, wl.Load+a.weightOf(c), caseID); over {
			findings = append(findings, f)
		}
	}
	return !findings.HasErrors(), findings
}
