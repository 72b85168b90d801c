package queries

import (
	"cmp"
	"fmt"
	"net/url"
	"strconv"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// ReportOptions reads the report's options of POST /v1/schedule from the
// query, which wins over the document: asof (else the document's asOf,
// else today), weeks, worker and lang, then the optional settings
// (ScheduleOptions). The service and the conformance suite's library
// target share it, so both read a request alike. Every problem is
// returned at once.
func ReportOptions(q url.Values, data *input.Data, today date.Date) (report.Options, input.Errors) {
	var problems input.Errors
	bad := func(field, value, reason string) {
		problems = append(problems, &input.Error{File: "query", Field: field, Value: strconv.Quote(value), Reason: reason})
	}
	opt := report.Options{AsOf: data.AsOf, Weeks: cmp.Or(data.Weeks, report.DefaultWeeks), Worker: q.Get("worker"),
		Lang: cmp.Or(q.Get("lang"), "da"), Budget: report.ServiceBudget()}
	if s := q.Get("asof"); s != "" {
		d, err := ladder.ParseDate(s)
		if err != nil {
			bad("asof", s, input.DateReason(err))
		}
		opt.AsOf = d
	}
	if opt.AsOf == 0 {
		opt.AsOf = today
	}
	if s := q.Get("weeks"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > report.MaxWeeks {
			bad("weeks", s, fmt.Sprintf("want a whole number from 1 to %d", report.MaxWeeks))
		}
		opt.Weeks = n
	}
	if _, err := msg.ParseLang(opt.Lang); err != nil {
		bad("lang", opt.Lang, "want da or en")
	}
	problems = append(problems, ScheduleOptions(q, &opt)...)
	return opt, problems
}
