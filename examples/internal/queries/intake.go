package queries

import (
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// IntakeRequest is the body of POST /v1/intake: the events that start the
// intake clocks of one or more cases. Dates are YYYY-MM-DD; the moments of
// a notification are RFC 3339 with their offset (Danish local time).
type IntakeRequest struct {
	// AsOf decides done, overdue and upcoming for the date-based items;
	// the query's asof wins.
	AsOf string `json:"asOf"`
	// Now is the moment the 24-hour assessments are judged at; required
	// when there are notifications.
	Now           string             `json:"now"`
	Notifications []NotificationJSON `json:"notifications"`
	Assessments   []AssessmentJSON   `json:"assessments"`
	Plans         []PlanJSON         `json:"plans"`
	Hearings      []HearingJSON      `json:"hearings"`
	// YoungPeople ask for the young person's plan (ungeplan, BL § 108).
	YoungPeople []YoungPersonJSON `json:"youngPeople"`
	// ReturnHomes ask for the plan revised before the return home.
	ReturnHomes []ReturnHomeJSON `json:"returnHomes"`
	// NetworkMeetings ask for the invitation of CBF's staff (Herning).
	NetworkMeetings []NetworkMeetingJSON `json:"networkMeetings"`
}

// NotificationJSON is a notification (underretning) and what it owes
// beyond the 24-hour assessment: a receipt to a professional notifier, a
// reassessment where the child already receives support, a conversation
// with the child on a notification about abuse.
type NotificationJSON struct {
	Case             string `json:"case"`
	Received         string `json:"received"`
	Assessed         string `json:"assessed"`
	FromProfessional bool   `json:"fromProfessional"`
	ReceiptSent      string `json:"receiptSent"`
	AlreadySupported bool   `json:"alreadySupported"`
	Reassessed       string `json:"reassessed"`
	Abuse            bool   `json:"abuse"`
	ChildTalked      string `json:"childTalked"`
}

// YoungPersonJSON is a young person's measure, for the young person's
// plan.
type YoungPersonJSON struct {
	Case           string `json:"case"`
	Measure        string `json:"measure"`
	BirthDate      string `json:"birthDate"`
	Decided        string `json:"decided"`
	Ends           string `json:"ends"`
	Basis          string `json:"basis"` // "placement", "support" or "aftercare"
	WithoutConsent bool   `json:"withoutConsent"`
	Reestablished  bool   `json:"reestablished"`
	PlanChosen     bool   `json:"planChosen"`
	Made           string `json:"made"`
}

// ReturnHomeJSON is the end of a placement by the child's return home.
type ReturnHomeJSON struct {
	Case    string `json:"case"`
	Measure string `json:"measure"`
	Decided string `json:"decided"`
	Returns string `json:"returns"`
	Revised string `json:"revised"`
}

// NetworkMeetingJSON is a network meeting with time reserved for CBF's
// staff.
type NetworkMeetingJSON struct {
	Case    string `json:"case"`
	Slot    string `json:"slot"`
	Invited string `json:"invited"`
}

// AssessmentJSON is a child assessment (børnefaglig undersøgelse).
type AssessmentJSON struct {
	Case        string `json:"case"`
	Learned     string `json:"learned"`
	Started     string `json:"started"`
	Finished    string `json:"finished"`
	Preliminary string `json:"preliminary"`
	NetworkMap  bool   `json:"networkMap"`
}

// PlanJSON is a decision that may call for the child's plan.
type PlanJSON struct {
	Case           string `json:"case"`
	Measure        string `json:"measure"`
	Decided        string `json:"decided"`
	Basis          string `json:"basis"` // "placement" or "support"
	WithoutConsent bool   `json:"withoutConsent"`
	Urgent         bool   `json:"urgent"`
	PlanChosen     bool   `json:"planChosen"`
	Made           string `json:"made"`
}

// HearingJSON is a measure about to start, for hearing the child.
type HearingJSON struct {
	Case    string `json:"case"`
	Measure string `json:"measure"`
	Start   string `json:"start"`
	Heard   string `json:"heard"`
}

// IntakeAnswer is the answer of POST /v1/intake.
type IntakeAnswer struct {
	AsOf date.Date `json:"asOf"`
	// Now is the request's now, if it gave one.
	Now *time.Time `json:"now,omitempty"`
	// Items holds the deadlines in request order: the notifications (each
	// with what it owes beyond the 24-hour assessment), the assessments
	// (each followed by its preliminary assessment where one is listed),
	// the plans that are owed, the hearings, the young people's plans that
	// are owed, the return homes, the network meetings.
	Items []IntakeItem `json:"items"`
}

// IntakeItem is one intake deadline, shaped like a schedule item.
type IntakeItem struct {
	Case        string          `json:"case"`
	Measure     string          `json:"measure,omitempty"`
	Kind        followup.Kind   `json:"kind"`
	Rule        string          `json:"rule"`
	Rules       []string        `json:"rules"`
	Source      string          `json:"source"`
	Statutory   bool            `json:"statutory"`
	Conditional bool            `json:"conditional"`
	Due         date.Date       `json:"due"`
	DueAt       *time.Time      `json:"dueAt,omitempty"`
	WorkingDay  date.Date       `json:"workingDay"`
	Status      followup.Status `json:"status"`
	DoneOn      date.Date       `json:"doneOn,omitzero"`
	DoneAt      *time.Time      `json:"doneAt,omitempty"`
	// Late is done − due in days (negative: early); LateBySeconds the same
	// in seconds for the 24-hour assessment.
	Late          int                    `json:"late"`
	LateBySeconds int64                  `json:"lateBySeconds,omitempty"`
	Requirements  []followup.Requirement `json:"requirements,omitempty"`
	Why           IntakeWhy              `json:"why"`
}

// IntakeWhy is the reason an intake item is due, as a line and as data.
type IntakeWhy struct {
	Text string `json:"text"`
	followup.Explanation
}

// Intake decodes the body of POST /v1/intake and answers it under
// Herning's regime on the Danish calendar (cal nil) or cal. lang ("da" or
// "en") chooses the language of why.text.
func Intake(file string, body io.Reader, q url.Values, cal *workday.Calendar, lang string) (*IntakeAnswer, error) {
	var req IntakeRequest
	if errs := decode(file, body, &req); errs != nil {
		return nil, errs
	}
	f := &fields{file: file}
	out := &IntakeAnswer{AsOf: f.asOf(q, req.AsOf), Items: []IntakeItem{}}
	var now time.Time
	if req.Now != "" {
		t, err := time.Parse(time.RFC3339, req.Now)
		if err != nil {
			f.bad("now", strconv.Quote(req.Now), "", "not a moment as RFC 3339, e.g. 2024-03-01T14:30:00+01:00")
		} else {
			now = t
			out.Now = &now
		}
	} else if len(req.Notifications) > 0 {
		f.bad("now", "", "", "missing: the 24-hour assessments need the moment they are judged at")
	}
	reg := followup.Herning()
	type job func() ([]followup.IntakeItem, error)
	var jobs []struct {
		field, caseID string
		run           job
	}
	add := func(field, caseID string, run job) {
		jobs = append(jobs, struct {
			field, caseID string
			run           job
		}{field, caseID, run})
	}
	for i, n := range req.Notifications {
		field := fmt.Sprintf("notifications[%d]", i)
		rec := f.moment(field+".received", n.Received, n.Case, true)
		ass := f.moment(field+".assessed", n.Assessed, n.Case, false)
		v := followup.Notification{Case: n.Case, Received: rec, Assessed: ass,
			FromProfessional: n.FromProfessional, ReceiptSent: f.moment(field+".receiptSent", n.ReceiptSent, n.Case, false),
			AlreadySupported: n.AlreadySupported, Reassessed: f.moment(field+".reassessed", n.Reassessed, n.Case, false),
			Abuse: n.Abuse, ChildTalked: f.moment(field+".childTalked", n.ChildTalked, n.Case, false)}
		add(field, n.Case, func() ([]followup.IntakeItem, error) {
			return reg.NotificationDeadlines(v, now, cal)
		})
	}
	for i, a := range req.Assessments {
		field := fmt.Sprintf("assessments[%d]", i)
		v := followup.Assessment{Case: a.Case, NetworkMap: a.NetworkMap,
			Learned:     f.date(field+".learned", a.Learned, a.Case, true),
			Started:     f.date(field+".started", a.Started, a.Case, false),
			Finished:    f.date(field+".finished", a.Finished, a.Case, false),
			Preliminary: f.date(field+".preliminary", a.Preliminary, a.Case, false)}
		add(field, a.Case, func() ([]followup.IntakeItem, error) {
			return reg.AssessmentDeadlines(v, out.AsOf, cal)
		})
	}
	for i, p := range req.Plans {
		field := fmt.Sprintf("plans[%d]", i)
		var basis ladder.Basis
		if err := basis.UnmarshalText([]byte(p.Basis)); err != nil || (basis != ladder.BasisPlacement && basis != ladder.BasisSupport) {
			f.bad(field+".basis", strconv.Quote(p.Basis), p.Case, "want placement or support")
		}
		v := followup.PlanDecision{Case: p.Case, Measure: p.Measure, Basis: basis,
			WithoutConsent: p.WithoutConsent, Urgent: p.Urgent, PlanChosen: p.PlanChosen,
			Decided: f.date(field+".decided", p.Decided, p.Case, true),
			Made:    f.date(field+".made", p.Made, p.Case, false)}
		add(field, p.Case, func() ([]followup.IntakeItem, error) {
			it, owed, err := reg.ChildsPlanDeadline(v, out.AsOf, cal)
			if !owed {
				return nil, err
			}
			return []followup.IntakeItem{it}, err
		})
	}
	for i, h := range req.Hearings {
		field := fmt.Sprintf("hearings[%d]", i)
		v := followup.ChildHearing{Case: h.Case, Measure: h.Measure,
			Start: f.date(field+".start", h.Start, h.Case, true),
			Heard: f.date(field+".heard", h.Heard, h.Case, false)}
		add(field, h.Case, func() ([]followup.IntakeItem, error) {
			it, err := reg.HearingDeadline(v, out.AsOf, cal)
			return []followup.IntakeItem{it}, err
		})
	}
	for i, y := range req.YoungPeople {
		field := fmt.Sprintf("youngPeople[%d]", i)
		var basis ladder.Basis
		if err := basis.UnmarshalText([]byte(y.Basis)); err != nil || (basis != ladder.BasisPlacement && basis != ladder.BasisSupport && basis != ladder.BasisAftercare) {
			f.bad(field+".basis", strconv.Quote(y.Basis), y.Case, "want placement, support or aftercare")
		}
		v := followup.YoungPerson{Case: y.Case, Measure: y.Measure, Basis: basis,
			WithoutConsent: y.WithoutConsent, Reestablished: y.Reestablished, PlanChosen: y.PlanChosen,
			BirthDate: f.date(field+".birthDate", y.BirthDate, y.Case, true),
			Decided:   f.date(field+".decided", y.Decided, y.Case, true),
			Ends:      f.date(field+".ends", y.Ends, y.Case, false),
			Made:      f.date(field+".made", y.Made, y.Case, false)}
		add(field, y.Case, func() ([]followup.IntakeItem, error) {
			it, owed, err := reg.YoungPersonsPlanDeadline(v, out.AsOf, cal)
			if !owed {
				return nil, err
			}
			return []followup.IntakeItem{it}, err
		})
	}
	for i, h := range req.ReturnHomes {
		field := fmt.Sprintf("returnHomes[%d]", i)
		v := followup.ReturnHome{Case: h.Case, Measure: h.Measure,
			Decided: f.date(field+".decided", h.Decided, h.Case, false),
			Returns: f.date(field+".returns", h.Returns, h.Case, false),
			Revised: f.date(field+".revised", h.Revised, h.Case, false)}
		add(field, h.Case, func() ([]followup.IntakeItem, error) {
			it, err := reg.ReturnHomePlanDeadline(v, out.AsOf, cal)
			return []followup.IntakeItem{it}, err
		})
	}
	for i, nm := range req.NetworkMeetings {
		field := fmt.Sprintf("networkMeetings[%d]", i)
		v := followup.NetworkMeeting{Case: nm.Case,
			Slot:    f.date(field+".slot", nm.Slot, nm.Case, true),
			Invited: f.date(field+".invited", nm.Invited, nm.Case, false)}
		add(field, nm.Case, func() ([]followup.IntakeItem, error) {
			it, owed, err := reg.NetworkMeetingDeadline(v, out.AsOf, cal)
			if !owed {
				return nil, err
			}
			return []followup.IntakeItem{it}, err
		})
	}
	if f.errs != nil {
		return nil, f.errs
	}
	for _, j := range jobs {
		items, err := j.run()
		if err != nil {
			f.bad(j.field, "", j.caseID, err.Error())
			continue
		}
		for _, it := range items {
			out.Items = append(out.Items, intakeItem(it, lang))
		}
	}
	if f.errs != nil {
		return nil, f.errs
	}
	return out, nil
}

// moment parses a required (req) or optional RFC 3339 time.
func (f *fields) moment(field, s, caseID string, req bool) time.Time {
	if s == "" {
		if req {
			f.bad(field, "", caseID, "missing: give a moment as RFC 3339, e.g. 2024-03-01T14:30:00+01:00")
		}
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		f.bad(field, strconv.Quote(s), caseID, "not a moment as RFC 3339, e.g. 2024-03-01T14:30:00+01:00")
	}
	return t
}

func intakeItem(it followup.IntakeItem, lang string) IntakeItem {
	out := IntakeItem{Case: it.Case, Measure: it.Measure, Kind: it.Kind, Rule: it.Rule, Rules: it.Rules(), Source: it.Source,
		Statutory: it.Statutory, Conditional: it.Conditional, Due: it.Due, WorkingDay: it.WorkingDay, Status: it.Status,
		DoneOn: it.DoneOn, Late: it.Late, LateBySeconds: int64(it.LateBy / time.Second), Requirements: it.Requirements,
		Why: IntakeWhy{Text: it.Line(msg.Lang(lang)), Explanation: it.Why()}}
	if !it.DueAt.IsZero() {
		t := it.DueAt
		out.DueAt = &t
	}
	if !it.DoneAt.IsZero() {
		t := it.DoneAt
		out.DoneAt = &t
	}
	return out
}
