package report

// The intake deadlines of issue 15 in the report: what each notification
// owes (the 24-hour assessment, the receipt to a professional notifier,
// the reassessment, the conversation with the child) and the young
// person's plan of each placement of a young person of 16 or over. Kept
// apart from report.go, which only calls deadlines.

import (
	"cmp"
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// Deadline is an intake deadline of a case (followup.IntakeItem): a
// notification's or a young person's plan's.
type Deadline struct {
	Case    string        `json:"case"`
	Measure string        `json:"measure,omitempty"`
	Worker  string        `json:"worker,omitempty"`
	Kind    followup.Kind `json:"kind"`
	Rules   []string      `json:"rules"`
	// Statutory is false for a municipal deadline.
	Statutory bool      `json:"statutory"`
	Due       date.Date `json:"due"`
	// DueAt is the exact deadline of an item that runs in hours (the
	// 24-hour items), in RFC 3339; absent for date-based ones.
	DueAt      *time.Time      `json:"dueAt,omitempty"`
	WorkingDay date.Date       `json:"workingDay"`
	Status     followup.Status `json:"status"`
	// DoneOn is the day it was done, absent if not; DaysLate counts the
	// days after Due (0 if on time or not done).
	DoneOn   date.Date `json:"doneOn,omitzero"`
	DaysLate int       `json:"daysLate"`
	Why      Why       `json:"why"`
}

// Pending reports whether the deadline is on the due list: not done, and
// overdue or due by until.
func (dl Deadline) Pending(until date.Date) bool {
	return dl.Status == followup.Overdue || (dl.Status == followup.Upcoming && dl.Due <= until)
}

// deadlines fills r.Deadlines from the cases' notifications and young
// people's placements. A notification's "now" is the end of the as-of
// date (input.EndOfDay). The young person's plan is asked of each
// placement of a child whose birth date is known, with the measure's start
// as the decision (the input has no decision date) and the recorded day
// the plan was made; support and aftercare owe one only where the
// municipality chose to make one, which the input does not record, so
// they are not asked. Deadlines due after Until are left out, like items.
func (r *Report) deadlines(d *input.Data, cases []input.Case, workerOf map[string]string, opt Options) error {
	r.Deadlines = []Deadline{}
	var errs input.Errors
	add := func(it followup.IntakeItem) {
		if it.Due > r.Until {
			return
		}
		r.Deadlines = append(r.Deadlines, newDeadline(it, workerOf[it.Case], opt.Lang))
	}
	index := caseIndex(d) // the case's position in the input, for errors
	for _, c := range cases {
		i := index[c.ID]
		for k, n := range c.Notifications {
			items, err := opt.Regime.NotificationDeadlines(n, input.EndOfDay(opt.AsOf, n.Received), opt.Calendar)
			if err != nil {
				errs = append(errs, &input.Error{File: d.File(), Field: fmt.Sprintf("cases[%d].notifications[%d]", i, k),
					Case: c.ID, Reason: err.Error()})
				continue
			}
			for _, it := range items {
				add(it)
			}
		}
		if c.BirthDate == 0 {
			continue
		}
		for j, rec := range c.Measures {
			m := rec.Measure
			if !m.IsValid() || m.Intervention().Basis != ladder.BasisPlacement {
				continue
			}
			end, _ := m.End()
			y := followup.YoungPerson{Case: c.ID, Measure: m.ID(), BirthDate: c.BirthDate, Decided: m.Start(), Ends: end,
				Basis: ladder.BasisPlacement, Made: c.YoungPersonsPlans[m.ID()]}
			it, ok, err := opt.Regime.YoungPersonsPlanDeadline(y, opt.AsOf, opt.Calendar)
			if err != nil {
				errs = append(errs, &input.Error{File: d.File(), Field: fmt.Sprintf("cases[%d].measures[%d]", i, j),
					Case: c.ID, Measure: m.ID(), Reason: err.Error()})
				continue
			}
			if ok {
				add(it)
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	slices.SortStableFunc(r.Deadlines, func(a, b Deadline) int {
		return cmp.Or(cmp.Compare(a.WorkingDay, b.WorkingDay), strings.Compare(a.Case, b.Case), cmp.Compare(a.Kind, b.Kind))
	})
	return nil
}

func newDeadline(it followup.IntakeItem, worker, lang string) Deadline {
	dl := Deadline{Case: it.Case, Measure: it.Measure, Worker: worker, Kind: it.Kind, Rules: it.Rules(), Statutory: it.Statutory,
		Due: it.Due, WorkingDay: it.WorkingDay, Status: it.Status, DoneOn: it.DoneOn, DaysLate: it.DaysLate(),
		Why: Why{Text: it.Line(msg.Lang(lang)), Explanation: it.Why()}}
	if !it.DueAt.IsZero() {
		at := it.DueAt
		dl.DueAt = &at
	}
	return dl
}
