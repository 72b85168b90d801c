package followup

// The handling of a notification beyond the 24-hour assessment (issue
// 15): the receipt to a professional notifier, the reassessment of a case
// where the child already receives support, and the conversation with the
// child on a notification about abuse; and Herning's network meeting,
// whose reserved time is released unless CBF's staff are invited in time.
// Each is a row of data in the rule sets (intake.go); the texts are the
// messages of messages_intake15.go.

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// The words for how an item was done, as data for the messages.
var (
	doneReceipt      = Text{"Kvittering sendt", "Receipt sent"}
	doneReassessed   = Text{"Revurderet", "Reassessed"}
	doneConversation = Text{"Samtale holdt", "Conversation held"}
	doneInvited      = Text{"Indkaldt", "Invited"}
	anchorReceipt    = Text{"modtagelsen", "the receipt"}
	anchorSlot       = Text{"den reserverede tid", "the reserved time"}
)

// facts are the facts of the notification that choose its rows.
func (n Notification) facts() Facts {
	var f Facts
	if n.FromProfessional {
		f = f.With(FactProfessional)
	}
	if n.AlreadySupported {
		f = f.With(FactAlreadySupported)
	}
	if n.Abuse {
		f = f.With(FactAbuse)
	}
	return f
}

// checkNotification reports a notification the functions cannot read: no
// receipt time, no now, a time after the year 9999, a receipt after now,
// or anything done before the receipt or after now. It names the field and
// quotes the value.
func checkNotification(op string, n Notification, now time.Time) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s: %w: case %q: %s", op, ErrInput, n.Case, fmt.Sprintf(format, args...))
	}
	done := []struct {
		field string
		t     time.Time
	}{{"Assessed", n.Assessed}, {"ReceiptSent", n.ReceiptSent}, {"Reassessed", n.Reassessed}, {"ChildTalked", n.ChildTalked}}
	switch {
	case n.Received.IsZero():
		return fail("field Received: zero time")
	case now.IsZero():
		return fail("zero now")
	case intakeTooLate(n.Received) || intakeTooLate(now):
		return fail("a time after the year 9999 (Received %s, now %s)", intakeClock(n.Received), intakeClock(now))
	case n.Received.After(now):
		return fail("field Received: %s is after now %s", intakeClock(n.Received), intakeClock(now))
	}
	for _, d := range done {
		switch {
		case d.t.IsZero():
		case intakeTooLate(d.t):
			return fail("field %s: %s is after the year 9999", d.field, intakeClock(d.t))
		case d.t.Before(n.Received):
			return fail("field %s: %s is before Received %s", d.field, intakeClock(d.t), intakeClock(n.Received))
		case d.t.After(now):
			return fail("field %s: %s is after now %s", d.field, intakeClock(d.t), intakeClock(now))
		}
	}
	return nil
}

// ---- the receipt to a professional notifier ----

// NotifierReceiptDeadline returns when the receipt of a notification from
// a professional is due to be confirmed to the notifier, as of now (SEL §
// 155 b; under Barnets Lov probably § 138 — unconfirmed), and false when
// no receipt is owed (the notifier is not a professional: no row fits).
// The clock starts on the day of receipt, in the receipt time's location.
// The shipped rows count 6 calendar days (due on the receipt day + 6, a
// due date on a closed day planned on the working day before); whether
// the law means days or working days is unconfirmed, and calendar days
// relax less. A row with WorkingDays counts working days in cal instead.
// A nil cal means workday.Danish().
func NotifierReceiptDeadline(n Notification, now time.Time, cal *workday.Calendar) (IntakeItem, bool, error) {
	return Herning().notifierReceiptDeadline("followup.NotifierReceiptDeadline", n, now, cal)
}

// NotifierReceiptDeadline is the package function NotifierReceiptDeadline
// under the regime's rules.
func (r *Regime) NotifierReceiptDeadline(n Notification, now time.Time, cal *workday.Calendar) (IntakeItem, bool, error) {
	return r.notifierReceiptDeadline("followup.Regime.NotifierReceiptDeadline", n, now, cal)
}

func (r *Regime) notifierReceiptDeadline(op string, n Notification, now time.Time, cal *workday.Calendar) (IntakeItem, bool, error) {
	if err := checkNotification(op, n, now); err != nil {
		return IntakeItem{}, false, err
	}
	loc := n.Received.Location()
	received := date.NewAt(n.Received)
	rule, err := r.optionalIntakeRule(op, NotifierReceipt, received, n.facts(), n.Case)
	if rule == nil || err != nil {
		return IntakeItem{}, false, err
	}
	due := intakeDueOn(rule, received, cal)
	it := r.newIntakeItem(rule, n.Case, "", due, cal)
	var sent date.Date
	if !n.ReceiptSent.IsZero() {
		sent = date.NewAt(n.ReceiptSent.In(loc))
	}
	it.Status, it.DoneOn, it.Late = intakeStatus(due, sent, date.NewAt(now.In(loc)))
	var body msg.Message
	if rule.WorkingDays > 0 {
		body = intake15Text("followup.intake.receipt.working-days", "when", textValue(upperText(rule.When)),
			"received", msg.String(intakeClock(n.Received)), "n", msg.Int(rule.WorkingDays), "due", msg.Date(due))
	} else {
		body = intake15Text("followup.intake.receipt.within", "when", textValue(upperText(rule.When)),
			"received", msg.String(intakeClock(n.Received)), "within", spanValue(rule.Within), "due", msg.Date(due))
	}
	it.reasons = []Reason{intake15Reason(rule, body, noteOf(rule), lawNote15(rule, anchorReceipt, received, due), outcome15(it, doneReceipt))}
	return it, true, nil
}

// ---- the reassessment and the conversation with the child (BL § 137) ----

// ReassessmentDeadline returns the reassessment owed when a notification
// concerns a child who already receives support, is placed or has a
// youth-crime measure: the case is reassessed with someone from the
// children's authority not involved before (BL § 137, stk. 1, tidl. SEL §
// 155 a). It returns false when the child is not already supported (no
// row fits). The law sets no deadline; the shipped rows make the item due
// with the 24-hour assessment, as an item of its own that stays overdue
// until it is done (the reading that protects the child more;
// unconfirmed). Like the assessment, it runs in hours and is not moved to
// a working day.
func ReassessmentDeadline(n Notification, now time.Time) (IntakeItem, bool, error) {
	return Herning().timedNotificationItem("followup.ReassessmentDeadline", Reassessment, n, now)
}

// ReassessmentDeadline is the package function ReassessmentDeadline under
// the regime's rules.
func (r *Regime) ReassessmentDeadline(n Notification, now time.Time) (IntakeItem, bool, error) {
	return r.timedNotificationItem("followup.Regime.ReassessmentDeadline", Reassessment, n, now)
}

// NotificationConversationDeadline returns the conversation with the child
// owed on a notification about abuse; where the parents are the abusers,
// it is held without their consent and presence (BL § 137, stk. 3, tidl.
// SEL § 155 a). It returns false when the notification is not about abuse
// (no row fits). The law sets no deadline; the shipped rows make it due
// with the 24-hour assessment, as for ReassessmentDeadline. The
// conversation may be left out where the child's maturity or the nature of
// the case speaks against it (stk. 4): that is the case worker's judgement,
// and the library does not model it.
func NotificationConversationDeadline(n Notification, now time.Time) (IntakeItem, bool, error) {
	return Herning().timedNotificationItem("followup.NotificationConversationDeadline", ChildConversationOnNotification, n, now)
}

// NotificationConversationDeadline is the package function
// NotificationConversationDeadline under the regime's rules.
func (r *Regime) NotificationConversationDeadline(n Notification, now time.Time) (IntakeItem, bool, error) {
	return r.timedNotificationItem("followup.Regime.NotificationConversationDeadline", ChildConversationOnNotification, n, now)
}

// timedNotificationItem is a § 137 item: due Hours after the receipt.
func (r *Regime) timedNotificationItem(op string, kind Kind, n Notification, now time.Time) (IntakeItem, bool, error) {
	if err := checkNotification(op, n, now); err != nil {
		return IntakeItem{}, false, err
	}
	received := date.NewAt(n.Received)
	rule, err := r.optionalIntakeRule(op, kind, received, n.facts(), n.Case)
	if rule == nil || err != nil {
		return IntakeItem{}, false, err
	}
	done, what, body := n.Reassessed, doneReassessed, "followup.intake.reassessment"
	if kind == ChildConversationOnNotification {
		done, what, body = n.ChildTalked, doneConversation, "followup.intake.conversation"
	}
	dueAt := n.Received.Add(time.Duration(rule.Hours) * time.Hour)
	due := date.NewAt(dueAt)
	it := r.newIntakeItem(rule, n.Case, "", due, nil)
	it.DueAt, it.WorkingDay = dueAt, due
	switch {
	case !done.IsZero():
		it.Status, it.DoneAt = Done, done
		it.DoneOn = date.NewAt(done.In(n.Received.Location()))
		it.Late = int(it.DoneOn - due)
		it.LateBy = done.Sub(dueAt)
	case now.After(dueAt):
		it.Status = Overdue
	default:
		it.Status = Upcoming
	}
	var b, w msg.Message
	b = intake15Text(body, "received", msg.String(intakeClock(n.Received)))
	w = intake15Text("followup.intake.with-assessment", "within", msg.Duration(time.Duration(rule.Hours)*time.Hour),
		"dueAt", msg.String(intakeClock(dueAt)))
	it.reasons = []Reason{intake15Reason(rule, b, w, noteOf(rule), lawNote15(rule, anchorReceipt, received, due), outcomeAt15(it, what))}
	return it, true, nil
}

// NotificationDeadlines returns every deadline a notification owes as of
// now, in this order: the 24-hour assessment (NotificationDeadline), then
// those whose rows fit its facts — the receipt to a professional notifier,
// the reassessment, the conversation with the child. A nil cal means
// workday.Danish().
func NotificationDeadlines(n Notification, now time.Time, cal *workday.Calendar) ([]IntakeItem, error) {
	return Herning().notificationDeadlines("followup.NotificationDeadlines", n, now, cal)
}

// NotificationDeadlines is the package function NotificationDeadlines
// under the regime's rules.
func (r *Regime) NotificationDeadlines(n Notification, now time.Time, cal *workday.Calendar) ([]IntakeItem, error) {
	return r.notificationDeadlines("followup.Regime.NotificationDeadlines", n, now, cal)
}

func (r *Regime) notificationDeadlines(op string, n Notification, now time.Time, cal *workday.Calendar) ([]IntakeItem, error) {
	if err := checkNotification(op, n, now); err != nil {
		return nil, err
	}
	first, err := r.notificationDeadline(op, n, now)
	if err != nil {
		return nil, err
	}
	items := []IntakeItem{first}
	add := func(it IntakeItem, ok bool, err error) error {
		if ok {
			items = append(items, it)
		}
		return err
	}
	if err := add(r.notifierReceiptDeadline(op, n, now, cal)); err != nil {
		return nil, err
	}
	if err := add(r.timedNotificationItem(op, Reassessment, n, now)); err != nil {
		return nil, err
	}
	if err := add(r.timedNotificationItem(op, ChildConversationOnNotification, n, now)); err != nil {
		return nil, err
	}
	return items, nil
}

// ---- Herning's network meeting ----

// NetworkMeeting is a network meeting (netværksmøde) for which time is
// reserved in the calendars of the family centre's (CBF's) staff.
type NetworkMeeting struct {
	Case string
	// Slot is the day of the reserved time; required. It chooses the rule.
	Slot date.Date
	// Invited is the day CBF's staff were invited; zero if not yet.
	Invited date.Date
}

// NetworkMeetingDeadline returns when CBF's staff must be invited to a
// network meeting in the time reserved for it, as of asOf: Herning's
// Kompendium (s. 23–27) releases the time to the staff if they are not
// invited within a week. The shipped row reads that as at the latest one
// week before the reserved time (unconfirmed: the Kompendium does not say
// from when the week runs). It is a municipal deadline, not the law's
// (Statutory is false), and false is returned under a regime whose
// municipal set has no such row. A nil cal means workday.Danish().
func NetworkMeetingDeadline(m NetworkMeeting, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	return Herning().networkMeetingDeadline("followup.NetworkMeetingDeadline", m, asOf, cal)
}

// NetworkMeetingDeadline is the package function NetworkMeetingDeadline
// under the regime's rules.
func (r *Regime) NetworkMeetingDeadline(m NetworkMeeting, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	return r.networkMeetingDeadline("followup.Regime.NetworkMeetingDeadline", m, asOf, cal)
}

func (r *Regime) networkMeetingDeadline(op string, m NetworkMeeting, asOf date.Date, cal *workday.Calendar) (IntakeItem, bool, error) {
	fail := func(format string, args ...any) (IntakeItem, bool, error) {
		return IntakeItem{}, false, fmt.Errorf("%s: %w: case %q: %s", op, ErrInput, m.Case, fmt.Sprintf(format, args...))
	}
	switch {
	case m.Slot == 0:
		return fail("field Slot: zero date")
	case asOf == 0:
		return fail("zero as-of date")
	case asOf > maxIntakeDay || m.Slot > maxIntakeDay:
		return fail("a date after the year 9999 (Slot %s, as-of %s)", m.Slot, asOf)
	case m.Invited > asOf:
		return fail("field Invited: %s is after the as-of date %s", m.Invited, asOf)
	case m.Invited > m.Slot:
		return fail("field Invited: %s is after the reserved time %s", m.Invited, m.Slot)
	}
	rule, err := r.optionalIntakeRule(op, NetworkMeetingInvite, m.Slot, 0, m.Case)
	if rule == nil || err != nil {
		return IntakeItem{}, false, err
	}
	due := intakeDueOn(rule, m.Slot, cal)
	it := r.newIntakeItem(rule, m.Case, "", due, cal)
	it.Status, it.DoneOn, it.Late = intakeStatus(due, m.Invited, asOf)
	var b, released msg.Message
	b = intake15Text("followup.intake.network", "slot", msg.Date(m.Slot), "ahead", spanValue(rule.Ahead), "due", msg.Date(due))
	if it.Status == Overdue {
		released = intake15Text("followup.intake.network.released", "slot", msg.Date(m.Slot))
	}
	it.reasons = []Reason{intake15Reason(rule, b, released, noteOf(rule), lawNote15(rule, anchorSlot, m.Slot, due), outcome15(it, doneInvited))}
	return it, true, nil
}

// ---- helpers of the issue 15 items ----

// optionalIntakeRule is the first deadline row of kind in force on d whose
// facts fit; nil (and no error) when none fits, and an error when no
// statutory set is in force on d at all.
func (r *Regime) optionalIntakeRule(op string, kind Kind, d date.Date, facts Facts, caseID string) (*IntakeRule, error) {
	rule, err := r.intakeRuleFor(op, kind, d, facts, true)
	if err != nil {
		return nil, fmt.Errorf("%w (case %q, %s)", err, caseID, d)
	}
	if rule == nil && r.StatutoryAt(d) == nil {
		return nil, fmt.Errorf("%s: %w: case %q: no statutory rule set in force on %s", op, ErrInput, caseID, d)
	}
	return rule, nil
}

// newIntakeItem starts an item of rule due on due, planned on the working
// day on or before it.
func (r *Regime) newIntakeItem(rule *IntakeRule, caseID, measure string, due date.Date, cal *workday.Calendar) IntakeItem {
	return IntakeItem{Case: caseID, Measure: measure, Kind: rule.Kind, Rule: rule.ID, Source: rule.Source,
		Statutory: rule.Layer == Statutory, Due: due, WorkingDay: cal.OnOrBefore(due)}
}

// intakeDueOn is the due date of a date-based row from the day the clock
// starts: Within after it, on the WorkingDays-th working day after it, the
// day before it, or Ahead before it.
func intakeDueOn(r *IntakeRule, anchor date.Date, cal *workday.Calendar) date.Date {
	switch {
	case r.Before:
		return anchor - 1
	case r.WorkingDays > 0:
		return nthWorkingDayAfter(anchor, r.WorkingDays, cal)
	case !r.Ahead.IsZero():
		d := anchor
		if r.Ahead.Months != 0 {
			d = AddMonths(d, -int(r.Ahead.Months))
		}
		return d - date.Date(r.Ahead.Days)
	}
	return r.Within.AddTo(anchor)
}

// nthWorkingDayAfter returns the n-th working day after d (n ≥ 1). A
// calendar closes at most workday.MaxClosedRun days in a row, so the walk
// is bounded.
func nthWorkingDayAfter(d date.Date, n int, cal *workday.Calendar) date.Date {
	for n > 0 {
		d = cal.OnOrAfter(d + 1)
		n--
	}
	return d
}

// intake15Reason joins the parts of an item's explanation (empty parts
// are left out) into the rule's reason.
func intake15Reason(rule *IntakeRule, parts ...msg.Message) Reason {
	var keep []msg.Message
	for _, p := range parts {
		if p.Code != "" {
			keep = append(keep, p)
		}
	}
	return intakeReason(rule, keep...)
}

// noteOf is the row's note, as a message (none if the row has no note).
func noteOf(rule *IntakeRule) msg.Message {
	if rule.Note.En == "" && rule.Note.Da == "" {
		return msg.Message{}
	}
	return msg.New("followup.why.note", "note", textOf(rule.Note))
}

// lawNote15 explains the choice of law when the deadline falls under the
// other law than the day the clock started.
func lawNote15(r *IntakeRule, anchorWhat Text, anchor, due date.Date) msg.Message {
	return lawNote(r, textValue(anchorWhat), anchor, due)
}

// monthEnd15 explains a due date clamped to the month's last day.
func monthEnd15(anchor, due date.Date) msg.Message {
	if m := intakeMonthEnd(anchor, due); len(m) > 0 {
		return m[0]
	}
	return msg.Message{}
}

// outcome15 describes a done date-based item.
func outcome15(it IntakeItem, what Text) msg.Message { return outcome(it, textValue(what)) }

// outcomeAt15 describes a done timestamp-based item.
func outcomeAt15(it IntakeItem, what Text) msg.Message {
	var out msg.Message
	switch {
	case it.Status != Done:
	case it.LateBy <= 0:
		out = intake15Text("followup.intake.done-at.on-time", "what", textValue(what), "at", msg.String(intakeClock(it.DoneAt)))
	default:
		out = intake15Text("followup.intake.done-at.late", "what", textValue(what), "at", msg.String(intakeClock(it.DoneAt)),
			"by", msg.Duration(it.LateBy))
	}
	return out
}

// upperText capitalises both languages of a row's When.
func upperText(t Text) Text { return Text{upperFirst(t.Da), upperFirst(t.En)} }
