package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

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
// counted.
const maxOctets = 75

// writeICS writes an RFC 5545 calendar of the due list: one all-day event
// on the working day of every item not done (overdue or due by the end of
// the look-ahead), with the reason in DESCRIPTION. UIDs derive from case,
// measure, due date and kind, so a re-export updates the same events;
// DTSTAMP derives from the as-of date, so the output is reproducible. The
// calendar names no person: not the child (no name, birth date or age —
// the case id stands for the child), not the worker, not who approved an
// exception.
func writeICS(b *bytes.Buffer, rep *report.Report, lang string) {
	w := wordsFor(lang)
	stamp := icsDate(rep.AsOf) + "T000000Z"
	line := func(s string) { foldLine(b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//trappe-dk//trappe examples/schedule//" + strings.ToUpper(lang))
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	name := "Opfølgninger"
	if lang == "en" {
		name = "Follow-ups"
	}
	line("X-WR-CALNAME:" + escapeText(name))
	for _, it := range rep.Due() {
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
		line("BEGIN:VEVENT")
		line("UID:" + eventUID(it))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + icsDate(it.WorkingDay))
		line("DTEND;VALUE=DATE:" + icsDate(it.WorkingDay+1))
		line("SUMMARY:" + escapeText(summary))
		line("DESCRIPTION:" + escapeText(desc.String()))
		line("CATEGORIES:" + escapeText(it.Kind.String()))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
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

// icsDate formats a date as RFC 5545 DATE (YYYYMMDD).
func icsDate(d date.Date) string {
	return strings.ReplaceAll(d.String(), "-", "")
}

// escapeText escapes an RFC 5545 TEXT value (§3.3.11): backslash,
// semicolon, comma and newline. Carriage returns are dropped, and any other
// character TEXT may not hold or that could reorder the text
// (ladder.UnsafeRune: controls, bidirectional formatting characters) is
// written as U+FFFD.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			if ladder.UnsafeRune(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldLine writes one content line ended by CRLF, folded (§3.1) so that no
// physical line is longer than 75 octets: each continuation starts with a
// space, and a multi-byte UTF-8 sequence is never split.
func foldLine(b *bytes.Buffer, s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}
