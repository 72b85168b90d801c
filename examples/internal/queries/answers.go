package queries

import (
	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// Validation is the answer of POST /v1/caseload/validate: the team's
// caseloads against Herning's policy (caseload.Herning) on the as-of date.
// The service and the conformance suite's library target share it.
type Validation struct {
	AsOf     date.Date    `json:"asOf"`
	Policy   string       `json:"policy"`
	Source   string       `json:"source"`
	Workers  []WorkerLoad `json:"workers"`
	Findings finding.List `json:"findings"`
	// OK is true when no finding is an error.
	OK bool `json:"ok"`
	// Receipt: the caseloads are those of one day, so its horizon is the
	// as-of date itself. The service sets it; nil leaves it out.
	Receipt *followup.Receipt `json:"receipt,omitempty"`
}

// WorkerLoad is one worker's cases and limits in a Validation.
type WorkerLoad struct {
	ID        string  `json:"id"`
	Team      string  `json:"team,omitempty"`
	FTE       float64 `json:"fte"`
	Cases     int     `json:"cases"`
	SoftLimit float64 `json:"softLimit"`
	HardLimit float64 `json:"hardLimit"`
}

// Validate validates the document's team on asOf.
func Validate(data *input.Data, asOf date.Date) Validation {
	team := report.Team(data)
	p := caseload.Herning()
	l := caseload.Validate(team, p, asOf)
	if l == nil {
		l = finding.List{}
	}
	out := Validation{AsOf: asOf, Policy: p.String(), Source: p.Source(), Findings: l, OK: !l.HasErrors(), Workers: []WorkerLoad{}}
	for _, wl := range caseload.Loads(team, p, asOf) {
		out.Workers = append(out.Workers, WorkerLoad{ID: wl.Worker.ID, Team: wl.Worker.Team, FTE: wl.Worker.FTE, Cases: wl.Cases,
			SoftLimit: wl.Limits.Soft, HardLimit: wl.Limits.Hard})
	}
	return out
}

// Intervention is one entry of the catalogue in GET /v1/rules, with the
// rule the municipal set binds it to.
type Intervention struct {
	Code      string      `json:"code"`
	Danish    string      `json:"danish"`
	English   string      `json:"english"`
	Step      ladder.Step `json:"step"`
	Placement bool        `json:"placement"`
	Rule      string      `json:"rule,omitempty"`
}

// Interventions lists the default catalogue with the rules municipal binds.
func Interventions(municipal *followup.RuleSet) []Intervention {
	var ivs []Intervention
	for _, iv := range ladder.Default().All() {
		var rule string
		if r, ok := municipal.RuleFor(iv.Code); ok {
			rule = r.ID
		}
		ivs = append(ivs, Intervention{Code: iv.Code, Danish: iv.Danish, English: iv.English, Step: iv.Step, Placement: iv.Placement, Rule: rule})
	}
	return ivs
}
