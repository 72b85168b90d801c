package report

import (
	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/examples/internal/input"
)

// Team returns the data as a caseload team: every worker and every case.
// A worker named by a case but not listed in "workers" (the input allows
// that only when the list is empty) counts as full-time.
func Team(d *input.Data) caseload.Team {
	var t caseload.Team
	known := map[string]bool{}
	for _, w := range d.Workers {
		t.Workers = append(t.Workers, caseload.Worker{ID: w.ID, Name: w.Name, Team: w.Team, FTE: w.FTE, EmployedSince: w.EmployedSince})
		known[w.ID] = true
	}
	for _, c := range d.Cases {
		if c.Worker != "" && !known[c.Worker] {
			t.Workers = append(t.Workers, caseload.Worker{ID: c.Worker, FTE: 1})
			known[c.Worker] = true
		}
	}
	for _, c := range d.Cases {
		t.Cases = append(t.Cases, caseload.Case{ID: c.ID, Worker: c.Worker, Child: caseload.Child{BirthDate: c.BirthDate}, Measures: c.Measures})
	}
	return t
}

// caseload validates the whole data's caseloads against Herning's policy
// (limits are per worker and per team, so the -worker selection does not
// narrow what is checked, only what is shown) and sets each worker's
// limits.
func (r *Report) caseload(d *input.Data, asOf date.Date) {
	team := Team(d)
	policy := caseload.Herning()
	caseWorker := map[string]string{}
	teamOf := map[string]string{}
	isWorker := map[string]bool{}
	for _, c := range d.Cases {
		caseWorker[c.ID] = c.Worker
	}
	for _, w := range d.Workers {
		teamOf[w.ID] = w.Team
		isWorker[w.ID] = true
	}
	selTeam := teamOf[r.Worker]
	for _, f := range caseload.Validate(team, policy, asOf) {
		out := Finding{Area: "caseload", Finding: f}
		switch {
		case caseWorker[f.Subject] != "":
			out.Case, out.Worker = f.Subject, caseWorker[f.Subject]
		case isWorker[f.Subject]:
			out.Worker = f.Subject
		}
		if r.Worker != "" {
			keep := out.Worker == r.Worker || (out.Worker == "" && out.Case == "" && f.Subject == selTeam)
			if !keep {
				continue
			}
		}
		r.Findings = append(r.Findings, out)
	}
	limits := map[string]caseload.WorkerLoad{}
	for _, wl := range caseload.Loads(team, policy, asOf) {
		limits[wl.Worker.ID] = wl
	}
	for i := range r.Workers {
		if wl, ok := limits[r.Workers[i].ID]; ok && wl.LimitsOK {
			r.Workers[i].SoftLimit, r.Workers[i].HardLimit = wl.Limits.Soft, wl.Limits.Hard
		}
	}
}
