package input

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// doc builds a one-case document around one measure's JSON.
func doc(measure string) string {
	return `{"workers": [{"id": "w1", "name": "Anne", "team": "nord", "fte": 1.0, "employedSince": "2020-01-01"}],
  "cases": [{"id": "c1", "worker": "w1", "child": {"birthDate": "2012-03-04"},
    "measures": [` + measure + `]}]}`
}

const good = `{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "end": "2026-06-30",
  "exceptions": [{"id": "X-FJERN", "approvedBy": "Lone", "approvedOn": "2026-01-10"}],
  "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}]}`

func TestDecodeGood(t *testing.T) {
	d, err := Decode("cases.json", strings.NewReader(doc(good)), Options{})
	require.NoError(t, err)
	require.Len(t, d.Cases, 1)
	c := d.Cases[0]
	assert.Equal(t, "c1", c.ID)
	assert.Equal(t, "w1", c.Worker)
	assert.Equal(t, ladder.MustParseDate("2012-03-04"), c.BirthDate)
	require.Len(t, c.Measures, 1)
	rec := c.Measures[0]
	assert.Equal(t, "c1", rec.Case)
	assert.Equal(t, "m1", rec.Measure.ID())
	assert.Equal(t, "doegninstitution", rec.Measure.Intervention().Code)
	end, ok := rec.Measure.End()
	assert.True(t, ok)
	assert.Equal(t, ladder.MustParseDate("2026-06-30"), end)
	require.Len(t, rec.Held, 1)
	assert.Equal(t, followup.Held{On: ladder.MustParseDate("2026-01-19"), ChildConversation: true, Mode: followup.InPerson}, rec.Held[0])
	require.Len(t, rec.Grants, 1)
	assert.Equal(t, "X-FJERN", rec.Grants[0].ID)
	assert.Equal(t, 1.0, d.Workers[0].FTE)
	assert.Equal(t, "cases.json", d.File())
	assert.NoError(t, d.CheckAsOf(ladder.MustParseDate("2026-02-01")))
}

func TestDecodeOptionalFields(t *testing.T) {
	d, err := Decode("x", strings.NewReader(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05", "end": null}]}]}`), Options{})
	require.NoError(t, err)
	_, open := d.Cases[0].Measures[0].Measure.End()
	assert.False(t, open)
	assert.Empty(t, d.Workers)
	assert.Zero(t, d.AsOf)
}

func TestDecodeBad(t *testing.T) {
	tests := []struct {
		name, doc                     string
		field, value, measure, reason string
	}{
		{"unknown intervention", doc(`{"id": "m1", "intervention": "plejefamilje", "start": "2026-01-05"}`),
			"cases[0].measures[0].intervention", `"plejefamilje"`, "m1", "unknown intervention"},
		{"impossible start", doc(`{"id": "m1", "intervention": "mst", "start": "2026-02-30"}`),
			"cases[0].measures[0].start", `"2026-02-30"`, "m1", "not an existing date"},
		{"not ISO", doc(`{"id": "m1", "intervention": "mst", "start": "5/1/2026"}`),
			"cases[0].measures[0].start", `"5/1/2026"`, "m1", "YYYY-MM-DD"},
		{"missing start", doc(`{"id": "m1", "intervention": "mst"}`),
			"cases[0].measures[0].start", "", "m1", "missing"},
		{"end before start", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01", "end": "2026-02-01"}`),
			"cases[0].measures[0].end", `"2026-02-01"`, "m1", "ends before it starts"},
		{"follow-up before start", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01", "followups": [{"date": "2026-02-27"}]}`),
			"cases[0].measures[0].followups[0].date", `"2026-02-27"`, "m1", "before the measure's start"},
		{"follow-up after end", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01", "end": "2026-04-01", "followups": [{"date": "2026-04-02"}]}`),
			"cases[0].measures[0].followups[0].date", `"2026-04-02"`, "m1", "after the measure's end"},
		{"unknown exception", doc(`{"id": "m1", "intervention": "plejefamilie", "start": "2026-03-01", "exceptions": [{"id": "X-LANGT", "approvedBy": "L", "approvedOn": "2026-03-02"}]}`),
			"cases[0].measures[0].exceptions[0].id", `"X-LANGT"`, "m1", "unknown exception"},
		{"exception not for intervention", doc(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-03-01", "exceptions": [{"id": "X-BARNDOM", "approvedBy": "L", "approvedOn": "2026-03-02"}]}`),
			"cases[0].measures[0].exceptions[0].id", `"X-BARNDOM"`, "m1", "does not apply"},
		{"exception without approver", doc(`{"id": "m1", "intervention": "efterskole", "start": "2026-03-01", "exceptions": [{"id": "X-EFTERSKOLE", "approvedOn": "2026-03-02"}]}`),
			"cases[0].measures[0].exceptions[0].approvedBy", `""`, "m1", "approval"},
		{"bad mode", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01", "followups": [{"date": "2026-03-20", "mode": "video"}]}`),
			"cases[0].measures[0].followups[0].mode", `"video"`, "m1", "unknown mode"},
		{"bad kind", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01", "followups": [{"date": "2026-03-20", "kind": "course-end"}]}`),
			"cases[0].measures[0].followups[0].kind", `"course-end"`, "m1", "want followup"},
		{"bad cadence", doc(`{"id": "m1", "intervention": "kostskole", "start": "2026-03-01", "decision": {"every": "P3H"}}`),
			"cases[0].measures[0].decision.every", `"P3H"`, "m1", "ISO 8601 period"},
		{"unknown field", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01", "endDate": "2026-04-01"}`),
			"cases[0].measures[0].endDate", "", "", "unknown field"},
		{"wrong type", doc(`{"id": "m1", "intervention": "mst", "start": 20260301}`),
			"cases[0].measures[0].start", "20260301", "", "want a string"},
		{"duplicate measure", doc(`{"id": "m1", "intervention": "mst", "start": "2026-03-01"}, {"id": "m1", "intervention": "fft", "start": "2026-03-01"}`),
			"cases[0].measures[1].id", `"m1"`, "m1", "duplicate measure id"},
		{"empty measure id", doc(`{"id": "", "intervention": "mst", "start": "2026-03-01"}`),
			"cases[0].measures[0].id", `""`, "", "needs an id"},
		{"unknown worker", `{"workers": [{"id": "w1"}], "cases": [{"id": "c1", "worker": "w9"}]}`,
			"cases[0].worker", `"w9"`, "", "no worker"},
		{"bad fte", `{"workers": [{"id": "w1", "fte": 1.5}], "cases": []}`,
			"workers[0].fte", "1.5", "", "share of full time"},
		{"bad weeks", `{"weeks": 0, "cases": []}`, "weeks", "0", "", "whole number of weeks"},
		{"goal measure unknown", `{"cases": [{"id": "c1", "goals": [{"id": "g1", "measure": "m9"}]}]}`,
			"cases[0].goals[0].measure", `"m9"`, "m9", "no measure"},
		{"goal date", `{"cases": [{"id": "c1", "goals": [{"id": "g1", "due": "2026-13-01"}]}]}`,
			"cases[0].goals[0].due", `"2026-13-01"`, "", "not an existing date"},
		{"measure before birth", doc(`{"id": "m1", "intervention": "mst", "start": "2011-03-01"}`),
			"cases[0].measures[0].start", `"2011-03-01"`, "m1", "birth date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("cases.json", strings.NewReader(tt.doc), Options{})
			require.Error(t, err)
			assert.Nil(t, d)
			l := AsErrors(err)
			require.NotEmpty(t, l, "%v", err)
			e := l[0]
			assert.Equal(t, "cases.json", e.File)
			assert.Equal(t, tt.field, e.Field)
			assert.Equal(t, tt.value, e.Value)
			assert.Equal(t, tt.measure, e.Measure)
			assert.Contains(t, e.Reason, tt.reason)
			msg := err.Error()
			assert.Contains(t, msg, "cases.json: "+tt.field)
			if tt.value != "" {
				assert.Contains(t, msg, tt.value)
			}
			if tt.measure != "" {
				assert.Contains(t, msg, `measure "`+tt.measure+`"`)
			}
		})
	}
}

func TestDecodeReportsEveryProblem(t *testing.T) {
	_, err := Decode("x.json", strings.NewReader(doc(`{"id": "m1", "intervention": "nope", "start": "2026-02-30", "end": "2026-02-31"}`)), Options{})
	l := AsErrors(err)
	require.Len(t, l, 3, "%v", err)
	assert.Equal(t, []string{"cases[0].measures[0].intervention", "cases[0].measures[0].start", "cases[0].measures[0].end"},
		[]string{l[0].Field, l[1].Field, l[2].Field})
	assert.Len(t, strings.Split(err.Error(), "\n"), 3)
}

func TestDecodeMalformed(t *testing.T) {
	tests := []struct{ name, doc, reason string }{
		{"syntax", "{\n  \"cases\": [\n    {\"id\": \"c1\",}\n  ]\n}", "malformed JSON"},
		{"truncated", `{"cases": [`, "unexpected end"},
		{"empty", ``, "empty document"},
		{"two values", `{} {}`, "more than one JSON value"},
		{"not an object", `[1, 2]`, "must be an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("bad.json", strings.NewReader(tt.doc), Options{})
			l := AsErrors(err)
			require.Len(t, l, 1)
			assert.Contains(t, l[0].Reason, tt.reason)
			assert.Contains(t, err.Error(), "bad.json")
		})
	}
	_, err := Decode("bad.json", strings.NewReader("{\n  \"cases\": [\n    {\"id\": \"c1\",}\n  ]\n}"), Options{})
	l := AsErrors(err)
	require.Len(t, l, 1)
	assert.Equal(t, 3, l[0].Line)
	assert.Positive(t, l[0].Column)
	assert.Contains(t, err.Error(), "bad.json:3:")
}

func TestDecodeMaxErrors(t *testing.T) {
	var ms []string
	for range MaxErrors + 10 {
		ms = append(ms, `{"id": "m", "intervention": "x", "start": "2026-01-01"}`)
	}
	_, err := Decode("x", strings.NewReader(`{"cases": [{"id": "c", "measures": [`+strings.Join(ms, ",")+`]}]}`), Options{})
	assert.Len(t, AsErrors(err), MaxErrors)
}

func TestCheckAsOf(t *testing.T) {
	d, err := Decode("cases.json", strings.NewReader(doc(good)), Options{})
	require.NoError(t, err)
	err = d.CheckAsOf(ladder.MustParseDate("2026-01-15"))
	l := AsErrors(err)
	require.Len(t, l, 1, "%v", err)
	assert.Equal(t, "cases[0].measures[0].followups[0].date", l[0].Field)
	assert.Equal(t, `"2026-01-19"`, l[0].Value)
	assert.Equal(t, "m1", l[0].Measure)
	assert.Contains(t, l[0].Reason, "after the as-of date 2026-01-15")
}

func TestErrorString(t *testing.T) {
	e := &Error{File: "f.json", Field: "cases[0].measures[0].start", Value: `"2026-02-30"`, Case: "c1", Measure: "m1", Reason: "not an existing date"}
	assert.Equal(t, `f.json: cases[0].measures[0].start = "2026-02-30" (case "c1", measure "m1"): not an existing date`, e.Error())
	e = &Error{File: "f.json", Line: 3, Column: 7, Reason: "malformed JSON: x"}
	assert.Equal(t, "f.json:3:7: malformed JSON: x", e.Error())
	assert.Equal(t, `"`+strings.Repeat("é", 40)+`"…`, quote(strings.Repeat("é", 50)))
}

// FuzzDecodeInput feeds arbitrary bytes to the decoder the schedule
// command and the service share. Nothing may panic; a rejection names the
// file and prints every problem on one line of its own, with no control or
// bidirectional character from the input; an accepted document holds only
// dates in 1900–2199 and ids and names that are safe to print.
func FuzzDecodeInput(f *testing.F) {
	if sample, err := os.ReadFile("../../schedule/sample.json"); err == nil {
		f.Add(string(sample))
	}
	f.Add(doc(good))
	f.Add(`{"cases": [{"id": "c1", "goals": [{"id": "g1", "indicator": {"baseline": 1e400}}]}]}`)
	f.Add(`{"weeks": 6.5}`)
	f.Add(`{"asOf": "0001-01-01", "cases": [{"id": "c1", "id": "c2", "measures": [{"id": "m1", "intervention": "mst", "start": "0000-01-01"}]}]}`)
	f.Add(`{"cases": [{"id": "c\u202e1", "worker": "w\n1", "x\ny": 1}]}`)
	f.Add("{\n  \"cases\": [\n    {\"id\": \"c1\"")
	f.Add(doc(`{"id": "m1", "intervention": "mst", "start": "2199-12-31", "end": "2199-12-31", "followups": [{"date": "2199-12-31"}]}`))
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Decode("fuzz.json", strings.NewReader(s), Options{})
		if err != nil {
			require.Nil(t, d)
			l := AsErrors(err)
			require.NotEmpty(t, l)
			require.LessOrEqual(t, len(l), MaxErrors)
			for _, e := range l {
				require.Equal(t, "fuzz.json", e.File)
				msg := e.Error()
				require.False(t, strings.ContainsFunc(msg, printsUnsafely), "unsafe character in %q", msg)
			}
			return
		}
		require.NotNil(t, d)
		inRange := func(what string, v date.Date) {
			require.True(t, v == 0 || ladder.InDateRange(v), "%s %d", what, v)
		}
		safe := func(what, s string) {
			require.False(t, strings.ContainsFunc(s, ladder.UnsafeRune), "%s %q", what, s)
		}
		inRange("asOf", d.AsOf)
		for _, w := range d.Workers {
			safe("worker id", w.ID)
			safe("worker name", w.Name)
			safe("team", w.Team)
			inRange("employedSince", w.EmployedSince)
		}
		for _, c := range d.Cases {
			safe("case id", c.ID)
			safe("case worker", c.Worker)
			inRange("birthDate", c.BirthDate)
			for _, r := range c.Measures {
				if !r.Measure.IsValid() {
					continue
				}
				safe("measure id", r.Measure.ID())
				inRange("start", r.Measure.Start())
				end, _ := r.Measure.End()
				inRange("end", end)
				for _, h := range r.Held {
					inRange("held", h.On)
				}
				for _, g := range r.Grants {
					safe("approvedBy", g.ApprovedBy)
				}
			}
			for _, g := range c.Goals {
				safe("goal id", g.ID)
				for _, w := range g.Who {
					safe("who", w)
				}
			}
		}
	})
}

// printsUnsafely reports a character that must not reach a message raw. A
// U+FFFD may: encoding/json puts it for bytes that are not UTF-8 (in a key,
// say), and it prints as itself. ladder.UnsafeRune counts it, to refuse
// such bytes in ids and names.
func printsUnsafely(r rune) bool { return r != utf8.RuneError && ladder.UnsafeRune(r) }
