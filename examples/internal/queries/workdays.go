package queries

import (
	"fmt"
	"io"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup/workday"
)

// MaxWorkdayDates bounds the dates of one POST /v1/workdays.
const MaxWorkdayDates = 1000

// WorkdaysRequest is the body of POST /v1/workdays.
type WorkdaysRequest struct {
	Dates []string `json:"dates"`
}

// WorkdaysAnswer is the answer of POST /v1/workdays: each date in request
// order.
type WorkdaysAnswer struct {
	// Calendar names the calendar's options, e.g. "Danish (24 Dec closed)".
	Calendar string `json:"calendar"`
	Days     []Day  `json:"days"`
}

// Day is one date on the calendar.
type Day struct {
	Date date.Date `json:"date"`
	// Closed: not a working day (arbejdsdag).
	Closed bool `json:"closed"`
	// Reason names why it is closed: the holiday's Danish name (e.g.
	// "Store bededag"), "juleaftensdag", "nytårsaftensdag", "lørdag" or
	// "søndag"; "" for a working day.
	Reason string `json:"reason,omitempty"`
	// WorkingDay is the latest working day on or before the date: the day
	// an item due on it is planned.
	WorkingDay date.Date `json:"workingDay"`
}

// Workdays decodes the body of POST /v1/workdays and answers it on cal.
func Workdays(file string, body io.Reader, cal *workday.Calendar) (*WorkdaysAnswer, error) {
	var req WorkdaysRequest
	if errs := decode(file, body, &req); errs != nil {
		return nil, errs
	}
	f := &fields{file: file}
	if len(req.Dates) > MaxWorkdayDates {
		return nil, input.Errors{{File: file, Field: "dates", Reason: fmt.Sprintf("%d dates is more than %d", len(req.Dates), MaxWorkdayDates)}}
	}
	out := &WorkdaysAnswer{Calendar: cal.String(), Days: []Day{}}
	for i, s := range req.Dates {
		d := f.date(fmt.Sprintf("dates[%d]", i), s, "", true)
		if d == 0 {
			continue
		}
		reason, closed := cal.Closed(d)
		out.Days = append(out.Days, Day{Date: d, Closed: closed, Reason: reason, WorkingDay: cal.OnOrBefore(d)})
	}
	if f.errs != nil {
		return nil, f.errs
	}
	return out, nil
}
