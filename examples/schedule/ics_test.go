package main

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
)

// property is one unfolded content line: NAME;PARAMS:VALUE.
type property struct {
	name, params, value string
}

// component is a BEGIN/END block with its properties and children.
type component struct {
	name     string
	props    []property
	children []*component
}

func (c *component) get(name string) []property {
	var out []property
	for _, p := range c.props {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

// parseICS is a strict RFC 5545 reader for what the tests need: every
// physical line ends in CRLF, is at most 75 octets and is valid UTF-8 on
// its own (so folding never split a character); continuation lines start
// with a space or tab; BEGIN/END nest; the calendar has VERSION:2.0 and
// PRODID; each VEVENT has UID, DTSTAMP and DTSTART, and UIDs are unique.
func parseICS(data []byte) (*component, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, errors.New("the stream does not end with CRLF")
	}
	physical := strings.Split(string(data[:len(data)-2]), "\r\n")
	var logical []string
	for i, l := range physical {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d: bare CR or LF", i+1)
		case len(l) > maxOctets:
			return nil, fmt.Errorf("line %d: %d octets, more than %d", i+1, len(l), maxOctets)
		case !utf8.ValidString(l):
			return nil, fmt.Errorf("line %d: not valid UTF-8 on its own (a character was split): %q", i+1, l)
		case l == "":
			return nil, fmt.Errorf("line %d: empty line", i+1)
		case l[0] == ' ' || l[0] == '\t':
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: continuation before any content line", i+1)
			}
			logical[len(logical)-1] += l[1:]
		default:
			logical = append(logical, l)
		}
	}
	var stack []*component
	var root *component
	for i, l := range logical {
		colon := strings.IndexByte(l, ':')
		if colon < 0 {
			return nil, fmt.Errorf("content line %d has no colon: %q", i+1, l)
		}
		name, params, _ := strings.Cut(l[:colon], ";")
		p := property{name: name, params: params, value: l[colon+1:]}
		switch name {
		case "BEGIN":
			c := &component{name: p.value}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, c)
			} else if root != nil {
				return nil, errors.New("more than one top-level component")
			} else {
				root = c
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].name != p.value {
				return nil, fmt.Errorf("content line %d: END:%s does not close the open component", i+1, p.value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("content line %d: property outside any component", i+1)
			}
			top := stack[len(stack)-1]
			top.props = append(top.props, p)
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%s is not closed", stack[len(stack)-1].name)
	}
	if root == nil || root.name != "VCALENDAR" {
		return nil, errors.New("no VCALENDAR")
	}
	if v := root.get("VERSION"); len(v) != 1 || v[0].value != "2.0" {
		return nil, errors.New("VCALENDAR needs exactly one VERSION:2.0")
	}
	if len(root.get("PRODID")) != 1 {
		return nil, errors.New("VCALENDAR needs exactly one PRODID")
	}
	uids := map[string]bool{}
	for _, c := range root.children {
		if c.name != "VEVENT" {
			continue
		}
		for _, req := range []string{"UID", "DTSTAMP", "DTSTART"} {
			if len(c.get(req)) != 1 {
				return nil, fmt.Errorf("VEVENT needs exactly one %s", req)
			}
		}
		uid := c.get("UID")[0].value
		if uids[uid] {
			return nil, fmt.Errorf("UID %s is not unique", uid)
		}
		uids[uid] = true
	}
	return root, nil
}

// unescapeText reverses escapeText, rejecting an escape RFC 5545 does not
// define.
func unescapeText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			if c == ';' || c == ',' {
				return "", fmt.Errorf("unescaped %q at %d", c, i)
			}
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", errors.New("trailing backslash")
		}
		switch s[i] {
		case '\\', ';', ',':
			b.WriteByte(s[i])
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			return "", fmt.Errorf("unknown escape \\%c", s[i])
		}
	}
	return b.String(), nil
}

func TestICS(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			code, out, errs := runCmd(t, "-format", "ics", "-lang", lang, "-weeks", "12")
			require.Equal(t, 0, code, errs)
			cal := roundTrip(t, out)
			o := jsonOutput(t, "-weeks", "12", "-lang", lang)
			due := 0
			for _, it := range o.Items {
				if (it.Status == "overdue" || it.Status == "upcoming") && it.Kind != "course-end" {
					due++
				}
			}
			require.Len(t, cal.children, due, "one event per item the worker can act on")
			for _, ev := range cal.children {
				assert.Equal(t, "VEVENT", ev.name)
				start := ev.get("DTSTART")[0]
				assert.Equal(t, "VALUE=DATE", start.params)
				assert.Len(t, start.value, 8)
				end := ev.get("DTEND")
				require.Len(t, end, 1, "an all-day event ends the next day")
				assert.Equal(t, "VALUE=DATE", end[0].params)
				d, err := date.Parse("20060102", start.value)
				require.NoError(t, err)
				assert.Equal(t, icsDate(d+1), end[0].value)
				assert.Equal(t, "20261116T000000Z", ev.get("DTSTAMP")[0].value)
				assert.True(t, strings.HasSuffix(ev.get("UID")[0].value, "@"+uidDomain))
				for _, name := range []string{"SUMMARY", "DESCRIPTION"} {
					_, err := unescapeText(ev.get(name)[0].value)
					assert.NoError(t, err, name)
				}
			}
			// Deterministic: the same bytes twice.
			_, again, _ := runCmd(t, "-format", "ics", "-lang", lang, "-weeks", "12")
			assert.Equal(t, out, again)
		})
	}
}

// approvers matches what Why.Text adds for each relaxation: the
// exception's id and who approved it.
var approvers = regexp.MustCompile(`\[(X-[A-Z]+), [^]]*\]`)

func TestICSDescriptionIsTheWhy(t *testing.T) {
	code, out, _ := runCmd(t, "-format", "ics", "-lang", "da")
	require.Equal(t, 0, code)
	cal, err := parseICS([]byte(out))
	require.NoError(t, err)
	o := jsonOutput(t, "-lang", "da")
	whys := map[string]bool{}
	for _, it := range o.Items {
		// The calendar names the exception but not its approver.
		whys[approvers.ReplaceAllString(it.Why.Text, "[$1]")] = true
	}
	require.NotEmpty(t, cal.children)
	for _, ev := range cal.children {
		desc, err := unescapeText(ev.get("DESCRIPTION")[0].value)
		require.NoError(t, err)
		first, _, _ := strings.Cut(desc, "\n")
		assert.True(t, whys[first], "DESCRIPTION starts with the item's why: %q", first)
	}
}

// sampleReport is the report on the embedded sample.
func sampleReport(t *testing.T, opt report.Options) (*input.Data, *report.Report) {
	t.Helper()
	data, err := input.Decode(sampleName, bytes.NewReader(sample), input.Options{})
	require.NoError(t, err)
	opt.AsOf = data.AsOf
	rep, err := report.Build(data, opt)
	require.NoError(t, err)
	return data, rep
}

// reasonLine is Why.Text less the approvers' names, for every item of
// the sample, in both languages.
func TestReasonLine(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		_, rep := sampleReport(t, report.Options{Weeks: report.MaxWeeks, Lang: lang})
		relaxed := 0
		for _, it := range rep.Items {
			assert.Equal(t, approvers.ReplaceAllString(it.Why.Text, "[$1]"), reasonLine(it, lang))
			if len(it.Why.Relaxations) > 0 {
				relaxed++
			}
		}
		assert.NotZero(t, relaxed, "the sample has items relaxed by an exception")
	}
}

// The calendar holds no personal data: no child's birth date or age, no
// worker's name or id, no approver's name. The case id stands for the
// child.
func TestICSNoPersonalData(t *testing.T) {
	data, _ := sampleReport(t, report.Options{Weeks: 6})
	var personal []string
	for _, w := range data.Workers {
		personal = append(personal, w.ID, w.Name)
	}
	for _, c := range data.Cases {
		if c.BirthDate != 0 {
			personal = append(personal, c.BirthDate.String(), icsDate(c.BirthDate))
		}
		for _, m := range c.Measures {
			for _, g := range m.Grants {
				personal = append(personal, g.ApprovedBy)
			}
		}
	}
	require.NotEmpty(t, personal)
	for _, lang := range []string{"da", "en"} {
		for _, worker := range []string{"", "w1", "w2", "w3", "w4"} {
			code, out, errs := runCmd(t, "-format", "ics", "-lang", lang, "-weeks", "520", "-worker", worker)
			require.Equal(t, 0, code, errs)
			cal, err := parseICS([]byte(out))
			require.NoError(t, err)
			require.NotEmpty(t, cal.children)
			var text strings.Builder
			for _, c := range append([]*component{cal}, cal.children...) {
				for _, p := range c.props {
					v, err := unescapeText(p.value)
					require.NoError(t, err, "%s:%s", p.name, p.value)
					text.WriteString(p.name + ":" + v + "\n")
				}
			}
			all := text.String()
			for _, s := range personal {
				assert.NotContains(t, all, s, "lang %s, worker %q", lang, worker)
			}
			age := map[string]string{"da": " år)", "en": " yrs)"}[lang]
			assert.NotContains(t, all, age, "the child's age as the text output shows it")
		}
	}
}

// icsDate is a date as RFC 5545 DATE (YYYYMMDD).
func icsDate(d date.Date) string {
	return strings.ReplaceAll(d.String(), "-", "")
}

// serialize is writeICS into a string.
func serialize(t *testing.T, asOf date.Date, items []report.Item, lang string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, writeICS(&b, asOf, items, lang))
	return b.String()
}

// textProps are the properties whose value is TEXT, escaped by §3.3.11.
var textProps = map[string]bool{"PRODID": true, "CALSCALE": true, "METHOD": true, "X-WR-CALNAME": true,
	"UID": true, "SUMMARY": true, "DESCRIPTION": true, "CATEGORIES": true, "TRANSP": true}

// roundTrip parses out strictly (parseICS) and with golang-ical, checks
// that both read the same value for every property of the calendar and of
// every event, and that golang-ical writes the same bytes again. It
// returns the strict reading.
func roundTrip(t *testing.T, out string) *component {
	t.Helper()
	strict, err := parseICS([]byte(out))
	require.NoError(t, err)
	lib, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	value := func(p property) string {
		if !textProps[p.name] {
			return p.value
		}
		v, err := unescapeText(p.value)
		require.NoError(t, err, "%s:%s", p.name, p.value)
		return v
	}
	require.Len(t, lib.CalendarProperties, len(strict.props))
	for i, p := range strict.props {
		assert.Equal(t, p.name, lib.CalendarProperties[i].IANAToken)
		assert.Equal(t, value(p), lib.CalendarProperties[i].Value, p.name)
	}
	events := lib.Events()
	require.Len(t, events, len(strict.children))
	for i, c := range strict.children {
		require.Equal(t, "VEVENT", c.name)
		require.Len(t, events[i].Properties, len(c.props))
		for k, p := range c.props {
			got := events[i].Properties[k]
			assert.Equal(t, p.name, got.IANAToken)
			assert.Equal(t, value(p), got.Value, p.name)
		}
	}
	var again bytes.Buffer
	require.NoError(t, lib.SerializeTo(&again, ics.WithNewLineWindows, ics.WithLineLength(maxOctets)))
	assert.Equal(t, out, again.String(), "golang-ical writes what it read back byte for byte")
	return strict
}

// Every event is the report's due item in the same place: parsed back
// strictly and by golang-ical, each property is what the item says.
func TestICSRoundTrip(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			_, rep := sampleReport(t, report.Options{Weeks: report.MaxWeeks, Lang: lang})
			due := rep.Due()
			require.NotEmpty(t, due)
			out := serialize(t, rep.AsOf, due, lang)
			roundTrip(t, out)
			lib, err := ics.ParseCalendar(strings.NewReader(out))
			require.NoError(t, err)
			events := lib.Events()
			require.Len(t, events, len(due))
			for i, it := range due {
				ev := events[i]
				prop := func(name ics.ComponentProperty) *ics.IANAProperty {
					p := ev.GetProperty(name)
					require.NotNil(t, p, "%s of %s/%s", name, it.Case, it.Measure)
					return p
				}
				assert.Equal(t, eventUID(it), ev.Id())
				for name, d := range map[ics.ComponentProperty]date.Date{ics.ComponentPropertyDtStart: it.WorkingDay, ics.ComponentPropertyDtEnd: it.WorkingDay + 1} {
					p := prop(name)
					assert.Equal(t, map[string][]string{"VALUE": {"DATE"}}, p.ICalParameters, name)
					assert.Equal(t, icsDate(d), p.Value, name)
				}
				start, err := ev.GetAllDayStartAt()
				require.NoError(t, err)
				assert.Equal(t, it.WorkingDay.String(), start.Format("2006-01-02"))
				end, err := ev.GetAllDayEndAt()
				require.NoError(t, err)
				assert.Equal(t, (it.WorkingDay + 1).String(), end.Format("2006-01-02"))
				stamp, err := ev.GetDtStampTime()
				require.NoError(t, err)
				assert.Equal(t, rep.AsOf.MidnightUTC(), stamp)
				summary := prop(ics.ComponentPropertySummary).Value
				assert.Contains(t, summary, it.Case+"/"+it.Measure+" ("+it.Intervention+")")
				desc := prop(ics.ComponentPropertyDescription).Value
				assert.True(t, strings.HasPrefix(desc, reasonLine(it, lang)+"\n\n"), desc)
				assert.Contains(t, desc, it.Due.String()+" ("+strings.Join(it.Rules, "+")+")")
				assert.Equal(t, it.Kind.String(), prop(ics.ComponentPropertyCategories).Value)
				assert.Equal(t, "TRANSPARENT", prop(ics.ComponentPropertyTransp).Value)
			}
		})
	}
}

// hostileItem is a due item of the sample whose ids and intervention hold
// what RFC 5545 TEXT must escape or may not hold. The input decoder does
// not accept such ids, so the writer is fed the item directly.
func hostileItem(t *testing.T) (date.Date, report.Item) {
	t.Helper()
	_, rep := sampleReport(t, report.Options{Weeks: 6, Lang: "da"})
	due := rep.Due()
	require.NotEmpty(t, due)
	it := due[0]
	it.Case = `c,1;x\y`
	it.Measure = "m1\r\nz\u202e"
	it.Intervention = `a:b"c` + "\tq"
	return rep.AsOf, it
}

// golang-ical escapes backslash, semicolon, comma and newline in TEXT
// (§3.3.11); carriage returns, tabs and bidirectional overrides never
// reach it.
func TestICSEscaping(t *testing.T) {
	asOf, it := hostileItem(t)
	out := serialize(t, asOf, []report.Item{it}, "da")
	cal := roundTrip(t, out)
	require.Len(t, cal.children, 1)
	ev := cal.children[0]
	raw := ev.get("SUMMARY")[0].value
	assert.Contains(t, raw, `c\,1\;x\\y/m1\nz`+"\uFFFD"+` (a:b"c`+"\uFFFD"+`q)`)
	summary, err := unescapeText(raw)
	require.NoError(t, err)
	assert.Contains(t, summary, `c,1;x\y/m1`+"\nz\uFFFD (a:b\"c\uFFFDq)")
	assert.NotContains(t, out, "\u202e")
	assert.NotContains(t, out, "\t")
	// The UID is a hash: nothing in it to escape.
	assert.Regexp(t, `^[0-9a-f]{32}@`+regexp.QuoteMeta(uidDomain)+`$`, ev.get("UID")[0].value)
	assert.Equal(t, eventUID(it), ev.get("UID")[0].value)

	// plainText leaves the escaping to golang-ical.
	assert.Equal(t, "a\\b;c,d\ne\nf\uFFFD\uFFFD\uFFFD", plainText("a\\b;c,d\ne\r\nf\u2066\x00\t"))
}

// Long values fold at 75 octets (parseICS checks every physical line and
// that none splits a UTF-8 character) and unfold to what was written.
func TestICSFolding(t *testing.T) {
	asOf, it := hostileItem(t)
	var items []report.Item
	for k, iv := range []string{
		strings.Repeat("a", 200),
		strings.Repeat("æøå", 60),
		strings.Repeat("x", 62) + "€" + strings.Repeat("ø", 100),
		strings.Repeat("😀", 80),
		strings.Repeat("ord ", 50),
		strings.Repeat(",;\\", 40),
	} {
		x := it
		x.Case, x.Measure, x.Intervention = fmt.Sprintf("c%d", k), "m", iv
		items = append(items, x)
	}
	out := serialize(t, asOf, items, "en")
	cal := roundTrip(t, out)
	require.Len(t, cal.children, len(items))
	assert.Greater(t, strings.Count(out, "\r\n "), len(items), "long lines were folded")
	for k, ev := range cal.children {
		summary, err := unescapeText(ev.get("SUMMARY")[0].value)
		require.NoError(t, err)
		assert.Contains(t, summary, fmt.Sprintf("c%d/m (%s)", k, items[k].Intervention))
	}
}

func TestParseICSRejects(t *testing.T) {
	good := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	_, err := parseICS([]byte(good))
	require.NoError(t, err)
	bad := map[string]string{
		"LF only":       strings.ReplaceAll(good, "\r\n", "\n"),
		"long line":     strings.Replace(good, "UID:1@x", "UID:"+strings.Repeat("x", 80), 1),
		"split rune":    strings.Replace(good, "UID:1@x", "UID:\xc3\r\n \xa6", 1),
		"no version":    strings.Replace(good, "VERSION:2.0\r\n", "", 1),
		"old version":   strings.Replace(good, "VERSION:2.0", "VERSION:1.0", 1),
		"no prodid":     strings.Replace(good, "PRODID:-//x//y//EN\r\n", "", 1),
		"no uid":        strings.Replace(good, "UID:1@x\r\n", "", 1),
		"no dtstamp":    strings.Replace(good, "DTSTAMP:20260101T000000Z\r\n", "", 1),
		"no dtstart":    strings.Replace(good, "DTSTART;VALUE=DATE:20260101\r\n", "", 1),
		"bad nesting":   strings.Replace(good, "END:VEVENT\r\nEND:VCALENDAR", "END:VCALENDAR\r\nEND:VEVENT", 1),
		"unclosed":      strings.Replace(good, "END:VCALENDAR\r\n", "", 1),
		"duplicate uid": strings.Replace(good, "END:VCALENDAR", "BEGIN:VEVENT\r\nUID:1@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR", 1),
	}
	for name, s := range bad {
		_, err := parseICS([]byte(s))
		assert.Error(t, err, name)
	}
}
