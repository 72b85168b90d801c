package report

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/measure"
)

// Figures are the key figures (nøgletal) for the year to the as-of date:
// 1 January of its year up to and including the as-of date.
type Figures struct {
	From date.Date `json:"from"`
	To   date.Date `json:"to"`
	// ChildYears per placement group (årsbørn, KORA 2017 Tabel 2.1–2.3, 4.1).
	ChildYears []GroupYears `json:"childYears"`
	// ChildYearsByIntervention per intervention code with any days in the
	// period.
	ChildYearsByIntervention []CodeYears `json:"childYearsByIntervention"`
	// Steps counts the children on each ladder step on the as-of date
	// (KORA 2017 Figur 2.1).
	Steps Steps `json:"steps"`
	// Moves counts moves between steps over the period (Figur 4.1).
	Moves Moves `json:"moves"`
	// CasesPerWorker counts children's cases per worker.
	CasesPerWorker Cases `json:"casesPerWorker"`
	// FollowUpRates are follow-ups in the law's sense per case per
	// half-year by case type (Figur 2.2).
	FollowUpRates []Rate `json:"followUpRates"`
	// Deadlines is the share of items due by the as-of date (over the
	// measures' whole lives) that were held on time.
	Deadlines Deadlines `json:"deadlines"`
}

// GroupYears is the child-years of one placement group.
type GroupYears struct {
	Group       measure.PlacementGroup    `json:"group"`
	ChildYears  float64                   `json:"childYears"`
	Percent     *float64                  `json:"percent,omitempty"`
	Explanation measure.FigureExplanation `json:"explanation"`
}

// CodeYears is the child-years of one intervention code.
type CodeYears struct {
	Intervention string                    `json:"intervention"`
	ChildYears   float64                   `json:"childYears"`
	Explanation  measure.FigureExplanation `json:"explanation"`
}

// Steps is the count of children per ladder step on a date.
type Steps struct {
	On          date.Date                 `json:"on"`
	Counts      []StepCount               `json:"counts"`
	Explanation measure.FigureExplanation `json:"explanation"`
}

// StepCount is the number of children on one step.
type StepCount struct {
	Step     ladder.Step `json:"step"`
	Children int         `json:"children"`
}

// Moves is the moves between steps over the period.
type Moves struct {
	Up          int                       `json:"up"`
	Down        int                       `json:"down"`
	Children    int                       `json:"children"`
	Cells       []measure.MoveCell        `json:"cells"`
	Explanation measure.FigureExplanation `json:"explanation"`
}

// Cases is the number of cases per worker.
type Cases struct {
	Mean        float64                   `json:"mean"`
	Workers     []WorkerCases             `json:"workers"`
	Explanation measure.FigureExplanation `json:"explanation"`
}

// WorkerCases is one worker's number of cases.
type WorkerCases struct {
	Worker string `json:"worker"`
	Cases  int    `json:"cases"`
}

// Rate is the follow-up rate of one case type.
type Rate struct {
	Type        string                    `json:"type"`
	Cases       int                       `json:"cases"`
	FollowUps   int                       `json:"followUps"`
	PerHalfYear float64                   `json:"perHalfYear"`
	Ratio       float64                   `json:"ratioToStatutoryMinimum"`
	Explanation measure.FigureExplanation `json:"explanation"`

	english string
}

// English returns the case type's English label.
func (r Rate) English() string { return r.english }

// Deadlines is deadline compliance over the plans.
type Deadlines struct {
	Due             int     `json:"due"`
	OnTime          int     `json:"onTime"`
	Late            int     `json:"late"`
	Overdue         int     `json:"overdue"`
	Rate            float64 `json:"rate"`
	StatutoryDue    int     `json:"statutoryDue"`
	StatutoryOnTime int     `json:"statutoryOnTime"`
	StatutoryRate   float64 `json:"statutoryRate"`
	ContentFailures int     `json:"contentFailures"`
}

func (r *Report) figures(cases []input.Case, records []followup.Record, plans []followup.Plan, asOf date.Date) error {
	from := date.New(asOf.Year(), time.January, 1)
	f := Figures{From: from, To: asOf}
	var all []ladder.Measure
	var children []measure.ChildCase
	workerOf := map[string]string{}
	for _, c := range cases {
		ch := measure.ChildCase{ID: c.ID}
		for _, rec := range c.Measures {
			all = append(all, rec.Measure)
			ch.Measures = append(ch.Measures, rec.Measure)
		}
		children = append(children, ch)
		if c.Worker != "" {
			workerOf[c.ID] = c.Worker
		}
	}
	cy, err := measure.ChildYears(all, from, asOf)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for _, g := range measure.PlacementGroups() {
		gy := GroupYears{Group: g, ChildYears: cy.Group(g), Explanation: cy.ExplainGroup(g)}
		if pct, ok := cy.GroupPercent(g); ok && g != measure.AllPlaced {
			gy.Percent = &pct
		}
		f.ChildYears = append(f.ChildYears, gy)
	}
	f.ChildYearsByIntervention = []CodeYears{}
	for _, code := range cy.Codes() {
		f.ChildYearsByIntervention = append(f.ChildYearsByIntervention, CodeYears{Intervention: code, ChildYears: cy.Code(code), Explanation: cy.ExplainCode(code)})
	}

	sc, err := measure.CountSteps(children, asOf)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	f.Steps = Steps{On: asOf, Explanation: sc.Explain()}
	for _, s := range ladder.Steps() {
		f.Steps.Counts = append(f.Steps.Counts, StepCount{Step: s, Children: sc.Count(s)})
	}

	mm, err := measure.CountMoves(children, from, asOf)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	f.Moves = Moves{Up: mm.Up(), Down: mm.Down(), Children: mm.Children(), Cells: mm.Cells(), Explanation: mm.Explain()}
	if f.Moves.Cells == nil {
		f.Moves.Cells = []measure.MoveCell{}
	}

	cc, err := measure.CasesPerWorker(workerOf)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	f.CasesPerWorker = Cases{Mean: cc.Mean(), Explanation: cc.Explain(), Workers: []WorkerCases{}}
	for _, w := range cc.Workers() {
		f.CasesPerWorker.Workers = append(f.CasesPerWorker.Workers, WorkerCases{Worker: w, Cases: cc.Cases(w)})
	}

	rates, err := measure.FollowUpRates(records, from, asOf)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	f.FollowUpRates = []Rate{}
	for _, x := range rates {
		f.FollowUpRates = append(f.FollowUpRates, Rate{Type: x.Type.String(), Cases: x.Cases, FollowUps: x.FollowUps,
			PerHalfYear: x.PerHalfYear, Ratio: x.Ratio, Explanation: x.Explanation, english: x.Type.English()})
	}

	dc := measure.ComplianceRates(plans)
	f.Deadlines = Deadlines{Due: dc.Due, OnTime: dc.OnTime, Late: dc.Late, Overdue: dc.Overdue, Rate: dc.Rate,
		StatutoryDue: dc.StatutoryDue, StatutoryOnTime: dc.StatutoryOnTime, StatutoryRate: dc.StatutoryRate,
		ContentFailures: dc.ContentFailures}
	r.Figures = f
	return nil
}

// areaRank orders findings in the report: caseload, compliance, schedule,
// smart.
func areaRank(area string) int {
	switch area {
	case "caseload":
		return 0
	case "compliance":
		return 1
	case "schedule":
		return 2
	}
	return 3
}
