package input

// The intake facts of issue 15 in the input: the notifications received
// in a case ("notifications") and the day a measure's young person's plan
// was made ("youngPersonsPlan"). Kept apart from input.go, which only
// calls intakeOf and notificationsAfter.

import (
	"github.com/trappe-dk/trappe/ladder"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup"
)

// notificationShape is the JSON of one notification.
var notificationShape = object(map[string]*shape{
	"received": str, "assessed": str,
	"fromProfessional": boolean, "receiptSent": str,
	"alreadySupported": boolean, "reassessed": str,
	"abuse": boolean, "childTalked": str,
})

type notificationJSON struct {
	Received         string `json:"received"`
	Assessed         string `json:"assessed"`
	FromProfessional bool   `json:"fromProfessional"`
	ReceiptSent      string `json:"receiptSent"`
	AlreadySupported bool   `json:"alreadySupported"`
	Reassessed       string `json:"reassessed"`
	Abuse            bool   `json:"abuse"`
	ChildTalked      string `json:"childTalked"`
}

// intakeOf reads a case's notifications and its measures' young person's
// plans into out.
func (d *decoder) intakeOf(a at, c *caseJSON, out *Case) {
	for k, nj := range c.Notifications {
		na := a.index("notifications", k)
		n := followup.Notification{Case: c.ID,
			Received:         d.moment(na.field("received"), nj.Received, true),
			Assessed:         d.moment(na.field("assessed"), nj.Assessed, false),
			FromProfessional: nj.FromProfessional,
			ReceiptSent:      d.moment(na.field("receiptSent"), nj.ReceiptSent, false),
			AlreadySupported: nj.AlreadySupported,
			Reassessed:       d.moment(na.field("reassessed"), nj.Reassessed, false),
			Abuse:            nj.Abuse,
			ChildTalked:      d.moment(na.field("childTalked"), nj.ChildTalked, false),
		}
		for _, f := range []struct {
			name string
			t    time.Time
		}{{"assessed", n.Assessed}, {"receiptSent", n.ReceiptSent}, {"reassessed", n.Reassessed}, {"childTalked", n.ChildTalked}} {
			if !f.t.IsZero() && !n.Received.IsZero() && f.t.Before(n.Received) {
				d.bad(na.field(f.name), quote(f.t.Format(time.RFC3339)), "before the notification was received ("+n.Received.Format(time.RFC3339)+")")
			}
		}
		out.Notifications = append(out.Notifications, n)
	}
	for j := range c.Measures {
		mj := &c.Measures[j]
		ma := a.index("measures", j)
		ma.measure = mj.ID
		made := d.date(ma.field("youngPersonsPlan"), mj.YoungPersonsPlan, false)
		if made == 0 {
			continue
		}
		if out.YoungPersonsPlans == nil {
			out.YoungPersonsPlans = map[string]date.Date{}
		}
		out.YoungPersonsPlans[mj.ID] = made
	}
}

// moment parses a required (req) or optional time in RFC 3339 with its
// UTC offset, e.g. "2026-11-10T09:15:00+01:00".
func (d *decoder) moment(a at, s string, req bool) time.Time {
	if s == "" {
		if req {
			d.bad(a, "", "missing: give a time as YYYY-MM-DDThh:mm:ss+01:00 (RFC 3339, with the UTC offset)")
		}
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	_, offset := t.Zone()
	if err != nil || offset <= -24*3600 || offset >= 24*3600 || t.Format(time.RFC3339Nano) != s && t.Format(time.RFC3339) != s {
		// time.Parse is lenient (a one-digit hour, an offset of +24:00):
		// accept only a time that formats back to itself.
		d.bad(a, quote(s), "not a time as YYYY-MM-DDThh:mm:ss+01:00 (RFC 3339, with the UTC offset)")
		return time.Time{}
	}
	if !ladder.InDateRange(date.NewAt(t)) {
		// The zero time (0001-01-01) would read as "not given".
		d.bad(a, quote(s), "outside the supported dates 1900-01-01 to 2199-12-31")
		return time.Time{}
	}
	return t
}

// EndOfDay is the last second of the as-of date in the location of t: the
// "now" of a case's notifications, so that what was done on the as-of
// date counts and what is due later that day is overdue.
func EndOfDay(asOf date.Date, t time.Time) time.Time {
	y, m, dd := asOf.Date()
	return time.Date(y, m, dd, 23, 59, 59, 0, t.Location())
}

// notificationsAfter reports notification times after the end of the
// as-of date.
func (d *decoder) notificationsAfter(a at, c Case, asOf date.Date) {
	for k, n := range c.Notifications {
		na := a.index("notifications", k)
		for _, f := range []struct {
			name string
			t    time.Time
		}{{"received", n.Received}, {"assessed", n.Assessed}, {"receiptSent", n.ReceiptSent}, {"reassessed", n.Reassessed}, {"childTalked", n.ChildTalked}} {
			if !f.t.IsZero() && f.t.After(EndOfDay(asOf, f.t)) {
				d.bad(na.field(f.name), quote(f.t.Format(time.RFC3339)), "after the as-of date "+asOf.String())
			}
		}
	}
}
