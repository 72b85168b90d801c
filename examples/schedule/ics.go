package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// uidDomain ends every event's UID (RFC 5545 §3.8.4.7 recommends a domain
// on the right-hand side). .example is reserved for examples.
const uidDomain = "schedule.trappe.example"

// maxOctets is the longest content line RFC 5545 §3.1 allows, CRLF not
// counted. golang-ical folds at it by default; it is passed anyway so the
// calendar does not depend on that default.
const maxOctets = 75

// writeICS writes an RFC 5545 calendar of the items (the report's due
// list; see calendar). golang-ical serializes it: TEXT values escaped (§3.3.11), lines folded
// at 75 octets without splitting a UTF-8 character (§3.1). Its default
// line ending is the platform's ("\n" on Unix), so CRLF, which §3.1
// requires, is asked for.
func writeICS(w io.Writer, asOf date.Date, items []report.Item, lang string) error {
	return calendar(asOf, items, lang).SerializeTo(w, ics.WithNewLineWindows, ics.WithLineLength(maxOctets))
}

// calendar is one all-day event for each item, on its working day, with
// the reason in DESCRIPTION. UIDs derive from case, measure, kind and due
// date, so a re-export updates the same events; DTSTAMP derives from the
// as-of date, so the output is reproducible.
//
// All-day is DTSTART;VALUE=DATE with DTEND;VALUE=DATE the next day. RFC
// 5545 §3.6.1 also lets DTEND be left out (the event then lasts one day),
// but DTEND is non-inclusive (§3.6.1, as in RFC 2445), so the next day
// says "this one day" explicitly, to clients built on RFC 2445 too, which
// was unclear about a date with no end.
//
// The calendar names no person: not the child (no name, birth date or age
// — the case id stands for the child), not the worker, not who approved an
// exception. It is synced to phones and shared.
func calendar(asOf date.Date, items []report.Item, lang string) *ics.Calendar {
	w := wordsFor(lang)
	cal := ics.NewCalendar()
	cal.SetProductId("-//trappe-dk//trappe examples/schedule//" + strings.ToUpper(lang))
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	name := "Opfølgninger"
	if lang == "en" {
		name = "Follow-ups"
	}
	cal.SetXWRCalName(name)
	for _, it := range items {
		kind := it.Kind.Danish()
		if lang == "en" {
			kind = it.Kind.English()
		}
		summary := fmt.Sprintf("%s: %s/%s (%s)", capitalize(kind), it.Case, it.Measure, it.Intervention)
		if it.Statutory {
			summary += " · " + w.statutory
		}
		if it.Status == followup.Overdue {
			summary = strings.ToUpper(w.overdue) + " · " + summary
		}
		var desc strings.Builder
		desc.WriteString(reasonLine(it, lang))
		fmt.Fprintf(&desc, "\n\n%s: %s (%s)", capitalize(w.deadline), it.Due, strings.Join(it.Rules, "+"))
		if it.Kind.IsMeeting() {
			talk := it.ChildConversation.Danish()
			if lang == "en" {
				talk = it.ChildConversation.English()
			}
			fmt.Fprintf(&desc, "\n%s; %s", capitalize(talk), modeWords(it.Modes, lang))
		}
		ev := cal.AddEvent(eventUID(it))
		ev.SetDtStampTime(asOf.MidnightUTC())
		ev.SetAllDayStartAt(it.WorkingDay.MidnightUTC())
		ev.SetAllDayEndAt((it.WorkingDay + 1).MidnightUTC())
		ev.SetSummary(plainText(summary))
		ev.SetDescription(plainText(desc.String()))
		ev.AddCategory(plainText(it.Kind.String()))
		ev.SetTimeTransparency(ics.TransparencyTransparent)
	}
	return cal
}

// reasonLine is the item's reason on one line as in Why.Text — the rules,
// then the first reason — but each exception that relaxed the item is
// named by its id alone: Why.Text also names who approved it, and a
// calendar, which is synced to phones and shared, carries no one's name.
func reasonLine(it report.Item, lang string) string {
	var b strings.Builder
	b.WriteString(strings.Join(it.Rules, "+"))
	b.WriteString(": ")
	if len(it.Why.Reasons) > 0 {
		b.WriteString(it.Why.Reasons[0].Text(msg.Lang(lang)))
	}
	for _, x := range it.Why.Relaxations {
		b.WriteString(" [" + x.ID + "]")
	}
	return b.String()
}

// eventUID is stable for an item: a hash of case, measure, due date and
// kind, which do not change when the item is held or becomes overdue.
func eventUID(it report.Item) string {
	h := sha256.Sum256([]byte(strings.Join([]string{it.Case, it.Measure, it.Due.String(), it.Kind.String()}, "\x00")))
	return hex.EncodeToString(h[:16]) + "@" + uidDomain
}

// plainText prepares a value for golang-ical, which escapes backslash,
// semicolon, comma and newline (RFC 5545 §3.3.11) but passes everything
// else through: carriage returns are dropped (a line break is "\n"), and
// any other character TEXT may not hold or that could reorder the text
// (ladder.UnsafeRune: controls, bidirectional formatting characters) is
// written as U+FFFD.
func plainText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return -1
		case ladder.UnsafeRune(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}
