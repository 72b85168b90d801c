package main

// The intake deadlines of issue 15 in the text output: under each worker,
// the notifications' and young people's plans' deadlines that are overdue
// or due in the coming weeks. Kept apart from text.go, which only calls
// writeDeadlines.

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
)

// deadlineWords are the labels of the deadlines in one language.
type deadlineWords struct {
	heading  string
	overdue  string
	upcoming string
}

var deadlineLabels = map[string]deadlineWords{
	"da": {heading: "Frister ved underretninger og planer", overdue: "overskredet", upcoming: "kommende"},
	"en": {heading: "Deadlines of notifications and plans", overdue: "overdue", upcoming: "upcoming"},
}

// writeDeadlines writes the worker's pending deadlines, if any, on two
// lines each like the follow-ups: what and when, then why.
func writeDeadlines(b *bytes.Buffer, rep *report.Report, worker string, births map[string]date.Date, w words, lang string) {
	dw := deadlineLabels[lang]
	var pending []report.Deadline
	for _, dl := range rep.Deadlines {
		if dl.Worker == worker && dl.Pending(rep.Until) {
			pending = append(pending, dl)
		}
	}
	if len(pending) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s\n", dw.heading)
	for _, dl := range pending {
		day := w.weekdays[dl.WorkingDay.Weekday()] + " " + dl.WorkingDay.String()
		if dl.DueAt != nil {
			day = w.weekdays[dl.Due.Weekday()] + " " + dl.DueAt.Format("2006-01-02 15:04")
		} else if dl.Due != dl.WorkingDay {
			day += fmt.Sprintf(" (%s %s %s)", w.deadline, w.weekdays[dl.Due.Weekday()], dl.Due)
		}
		who := dl.Case
		if bd := births[dl.Case]; bd != 0 && bd <= rep.AsOf {
			who += fmt.Sprintf(" (%d %s)", age(bd, rep.AsOf), w.age)
		}
		kind, layer, status := dl.Kind.Danish(), w.municipal, dw.upcoming
		if lang == "en" {
			kind = dl.Kind.English()
		}
		if dl.Statutory {
			layer = w.statutory
		}
		if dl.Status == followup.Overdue {
			status = dw.overdue
		}
		fields := []string{day, who}
		if dl.Measure != "" {
			fields = append(fields, dl.Measure)
		}
		fields = append(fields, kind, layer, status)
		fmt.Fprintf(b, "    %s\n", strings.Join(fields, " · "))
		fmt.Fprintf(b, "        %s\n", dl.Why.Text)
	}
}
