package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// runCmd runs the command with args and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestSampleText(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			code, out, errs := runCmd(t, "-lang", lang)
			require.Equal(t, 0, code, errs)
			assert.Empty(t, errs)
			heads := map[string][]string{
				"da": {"pr. 2026-11-16", "Overskredet", "Forfalder de næste 6 uger", "Sagsbelastning", "SMART-mål", "Nøgletal 2026-01-01–2026-11-16"},
				"en": {"as of 2026-11-16", "Overdue", "Due in the next 6 weeks", "Caseload", "SMART goals", "Key figures 2026-01-01–2026-11-16"},
			}[lang]
			for _, h := range heads {
				assert.Contains(t, out, h)
			}
			for _, w := range []string{"w1 Anne Holm", "w2 Mikkel Lund", "w3 Sara Nielsen", "w4 Jonas Berg"} {
				assert.Contains(t, out, w)
			}
			assert.Contains(t, out, "caseload.over-hard-limit [w2]")
			assert.Contains(t, out, "smart.M.no-indicator")
			assert.Contains(t, out, "followup.statutory.overdue")
			// Issue 15: the notifications' and the young people's plans'
			// deadlines under each worker.
			for _, want := range map[string][]string{
				"da": {"Frister ved underretninger og planer", "ungeplan", "kvittering til underretter", "revurdering af sagen"},
				"en": {"Deadlines of notifications and plans", "the young person's plan", "receipt to the notifier", "case reassessed"},
			}[lang] {
				assert.Contains(t, out, want)
			}
			// The run is reproducible: "today" is in the sample.
			_, again, _ := runCmd(t, "-lang", lang)
			assert.Equal(t, out, again)
		})
	}
}

// output is the part of -format json the tests read.
type output struct {
	AsOf    string `json:"asOf"`
	Until   string `json:"until"`
	Workers []struct {
		ID        string  `json:"id"`
		FTE       float64 `json:"fte"`
		Cases     int     `json:"cases"`
		HardLimit float64 `json:"hardLimit"`
	} `json:"workers"`
	Items []struct {
		Case              string   `json:"case"`
		Measure           string   `json:"measure"`
		Worker            string   `json:"worker"`
		Intervention      string   `json:"intervention"`
		Due               string   `json:"due"`
		WorkingDay        string   `json:"workingDay"`
		Kind              string   `json:"kind"`
		Statutory         *bool    `json:"statutory"`
		ChildConversation string   `json:"childConversation"`
		Modes             []string `json:"modes"`
		Rules             []string `json:"rules"`
		Status            string   `json:"status"`
		Held              *struct {
			Date              string `json:"date"`
			DaysLate          int    `json:"daysLate"`
			ChildConversation bool   `json:"childConversation"`
		} `json:"held"`
		Why struct {
			Text        string `json:"text"`
			Reasons     []any  `json:"reasons"`
			Relaxations []struct {
				ID string `json:"id"`
			} `json:"relaxations"`
		} `json:"why"`
	} `json:"items"`
	Findings  []findingOut               `json:"findings"`
	Figures   map[string]json.RawMessage `json:"figures"`
	Deadlines []deadlineOut              `json:"deadlines"`
}

// deadlineOut is an intake deadline of the JSON output (issue 15).
type deadlineOut struct {
	Case       string   `json:"case"`
	Measure    string   `json:"measure"`
	Worker     string   `json:"worker"`
	Kind       string   `json:"kind"`
	Rules      []string `json:"rules"`
	Statutory  *bool    `json:"statutory"`
	Due        string   `json:"due"`
	DueAt      string   `json:"dueAt"`
	WorkingDay string   `json:"workingDay"`
	Status     string   `json:"status"`
	DoneOn     string   `json:"doneOn"`
	DaysLate   int      `json:"daysLate"`
	Why        struct {
		Text    string `json:"text"`
		Reasons []any  `json:"reasons"`
	} `json:"why"`
}

type findingOut struct {
	Area     string `json:"area"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Subject  string `json:"subject"`
	Worker   string `json:"worker"`
	Da, En   string
}

func jsonOutput(t *testing.T, args ...string) output {
	t.Helper()
	code, out, errs := runCmd(t, append([]string{"-format", "json"}, args...)...)
	require.Equal(t, 0, code, errs)
	require.Empty(t, errs)
	var o output
	require.NoError(t, json.Unmarshal([]byte(out), &o))
	return o
}

// TestSampleCovers checks that the embedded sample shows what issue #6
// asks of it, whatever the generator did.
func TestSampleCovers(t *testing.T) {
	var f struct {
		AsOf    string `json:"asOf"`
		Workers []struct {
			ID, Team string
			FTE      float64
		} `json:"workers"`
		Cases []struct {
			ID, Worker string
			Measures   []struct {
				ID, Intervention, Start, End string
				Exceptions                   []struct{ ID string }
				Followups                    []struct {
					ChildConversation bool
				}
			}
			Goals []any
		} `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(sample, &f))
	assert.Equal(t, "2026-11-16", f.AsOf)
	teams := map[string]bool{}
	for _, w := range f.Workers {
		teams[w.Team] = true
	}
	assert.GreaterOrEqual(t, len(f.Workers), 3)
	assert.GreaterOrEqual(t, len(teams), 2)
	assert.Len(t, f.Cases, 43)

	codes := map[string]bool{}
	exceptions := map[string]string{}
	var combos, ended, before2024, goals int
	for _, c := range f.Cases {
		steps := map[ladder.Step]bool{}
		for _, m := range c.Measures {
			iv := ladder.MustParseIntervention(m.Intervention)
			codes[m.Intervention] = true
			steps[iv.Step] = true
			for _, x := range m.Exceptions {
				exceptions[x.ID] = m.Intervention
			}
			if m.End != "" && m.End < f.AsOf {
				ended++
			}
			if m.Start < "2024-01-01" {
				before2024++
			}
		}
		if len(steps) > 1 {
			combos++
		}
		goals += len(c.Goals)
	}
	for _, iv := range ladder.Default().All() {
		assert.True(t, codes[iv.Code], "no measure of %s", iv.Code)
	}
	assert.Contains(t, []string{"plejefamilie", "netvaerkspleje", "saerlig-plejefamilie"}, exceptions["X-BARNDOM"])
	assert.Equal(t, ladder.Institution, ladder.MustParseIntervention(exceptions["X-FJERN"]).Step)
	assert.Equal(t, "efterskole", exceptions["X-EFTERSKOLE"])
	assert.GreaterOrEqual(t, combos, 3, "combinations across steps")
	assert.GreaterOrEqual(t, ended, 3, "ended measures")
	assert.GreaterOrEqual(t, before2024, 3, "measures under Serviceloven")
	assert.GreaterOrEqual(t, goals, 5)

	o := jsonOutput(t)
	var overdue, late, noChild, relaxed int
	rules := map[string]bool{}
	for _, it := range o.Items {
		for _, r := range it.Rules {
			rules[r] = true
		}
		switch {
		case it.Status == "overdue":
			overdue++
		case it.Held != nil && it.Held.DaysLate > 0:
			late++
		}
		if it.Held != nil && !it.Held.ChildConversation && it.ChildConversation == "required" {
			noChild++
		}
		if len(it.Why.Relaxations) > 0 {
			relaxed++
		}
	}
	assert.GreaterOrEqual(t, overdue, 2, "overdue items")
	assert.LessOrEqual(t, overdue, 6, "only a couple of overdue items")
	assert.GreaterOrEqual(t, late, 1, "follow-ups held late")
	assert.GreaterOrEqual(t, noChild, 1, "follow-ups held without a required child conversation")
	assert.Positive(t, relaxed)
	for _, r := range []string{"SEL-70", "SEL-148", "BL-95", "BL-156", "H-INST", "H-PLEJE", "H-KORT", "H-EGET", "H-FOREB", "H-MST", "H-KONTAKT", "H-FAMCENTER", "H-PRIVKONTAKT", "H-EFTERSKOLE"} {
		assert.True(t, rules[r], "no item under %s", r)
	}
	over := false
	for _, w := range o.Workers {
		if float64(w.Cases) > 25*w.FTE {
			over = true
			assert.Less(t, w.HardLimit, float64(w.Cases))
		}
	}
	assert.True(t, over, "a worker over Herning's hard limit")
	codesFound := map[string]bool{}
	for _, fi := range o.Findings {
		codesFound[fi.Code] = true
	}
	for _, c := range []string{"caseload.over-hard-limit", "smart.S.vague", "smart.M.no-indicator", "smart.T.no-due", "followup.content.unmet", "followup.statutory.overdue", "followup.bl.no-decision"} {
		assert.True(t, codesFound[c], "no finding %s", c)
	}

	// Issue 15: an aftercare measure (every catalogue code is above, the
	// ungestøtte ones included), a professional's notification and a
	// 16-year-old's young person's plan.
	births := map[string]string{}
	var raw struct {
		Cases []struct {
			ID    string `json:"id"`
			Child struct {
				BirthDate string `json:"birthDate"`
			} `json:"child"`
		} `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(sample, &raw))
	for _, c := range raw.Cases {
		births[c.ID] = c.Child.BirthDate
	}
	kinds := map[string]int{}
	sixteen := false
	for _, dl := range o.Deadlines {
		kinds[dl.Kind]++
		if dl.Kind == "young-persons-plan" {
			born := ladder.MustParseDate(births[dl.Case])
			asOf := ladder.MustParseDate(o.AsOf)
			if followup.AgeReached(born, 16) <= asOf && followup.AgeReached(born, 17) > asOf {
				sixteen = true
			}
		}
	}
	assert.True(t, sixteen, "a 16-year-old's young person's plan")
	for _, k := range []string{"notification-assessment", "notifier-receipt", "reassessment", "notification-conversation", "young-persons-plan"} {
		assert.Positive(t, kinds[k], "no deadline of kind %s", k)
	}
}

func TestJSONContract(t *testing.T) {
	o := jsonOutput(t, "-weeks", "8", "-lang", "en")
	assert.Equal(t, "2026-11-16", o.AsOf)
	assert.Equal(t, "2027-01-11", o.Until)
	require.NotEmpty(t, o.Items)
	kinds := []string{"followup", "status", "status-report", "course-end", "supervision-visit"}
	for _, it := range o.Items {
		assert.NotEmpty(t, it.Case)
		assert.NotEmpty(t, it.Measure)
		assert.NotEmpty(t, it.Worker)
		assert.Contains(t, kinds, it.Kind)
		assert.Contains(t, []string{"done", "overdue", "upcoming", "missed"}, it.Status)
		assert.Contains(t, []string{"required", "optional"}, it.ChildConversation)
		require.NotNil(t, it.Statutory)
		require.NotNil(t, it.Modes, "modes is a list, never null")
		for _, m := range it.Modes {
			assert.Contains(t, []string{"in-person", "phone", "mail"}, m)
		}
		assert.NotEmpty(t, it.Rules)
		assert.NotEmpty(t, it.Why.Text)
		assert.NotEmpty(t, it.Why.Reasons)
		d := ladder.MustParseDate(it.Due)
		wd := ladder.MustParseDate(it.WorkingDay)
		assert.LessOrEqual(t, wd, d)
		assert.LessOrEqual(t, it.Due, o.Until)
	}
	for _, f := range o.Findings {
		assert.Contains(t, []string{"schedule", "compliance", "caseload", "smart"}, f.Area)
		assert.NotEmpty(t, f.Code)
		assert.Contains(t, []string{"info", "warning", "error"}, f.Severity)
		assert.NotEmpty(t, f.Da)
		assert.NotEmpty(t, f.En)
	}
	for _, k := range []string{"childYears", "steps", "moves", "casesPerWorker", "followUpRates", "deadlines"} {
		assert.Contains(t, o.Figures, k)
	}
	require.NotEmpty(t, o.Deadlines)
	intake := []string{"notification-assessment", "notifier-receipt", "reassessment", "notification-conversation", "network-meeting-invite", "young-persons-plan", "return-home-plan"}
	for _, dl := range o.Deadlines {
		assert.NotEmpty(t, dl.Case)
		assert.NotEmpty(t, dl.Worker)
		assert.Contains(t, intake, dl.Kind)
		assert.Contains(t, []string{"done", "overdue", "upcoming"}, dl.Status)
		require.NotNil(t, dl.Statutory)
		assert.NotEmpty(t, dl.Rules)
		assert.NotEmpty(t, dl.Why.Text)
		assert.NotEmpty(t, dl.Why.Reasons)
		assert.LessOrEqual(t, ladder.MustParseDate(dl.WorkingDay), ladder.MustParseDate(dl.Due))
		assert.LessOrEqual(t, dl.Due, o.Until)
		if dl.DueAt != "" {
			at, err := time.Parse(time.RFC3339, dl.DueAt)
			require.NoError(t, err, "dueAt is RFC 3339")
			assert.Equal(t, dl.Due, at.Format("2006-01-02"))
		}
		assert.Equal(t, dl.Status == "done", dl.DoneOn != "")
	}
}

func TestWorkerFilter(t *testing.T) {
	o := jsonOutput(t, "-worker", "w3")
	require.Len(t, o.Workers, 1)
	assert.Equal(t, "w3", o.Workers[0].ID)
	require.NotEmpty(t, o.Items)
	for _, it := range o.Items {
		assert.Equal(t, "w3", it.Worker)
	}
	for _, f := range o.Findings {
		assert.Equal(t, "w3", f.Worker, f.Code)
	}
	o = jsonOutput(t, "-worker", "w2")
	assert.True(t, slices.ContainsFunc(o.Findings, func(f findingOut) bool { return f.Code == "caseload.over-hard-limit" }))
}

func TestAsOfFlag(t *testing.T) {
	// An earlier as-of date than the sample's is bad input: the sample has
	// follow-ups held after it.
	code, out, errs := runCmd(t, "-asof", "2026-01-01")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "after the as-of date 2026-01-01")
	// A later one works, and more is overdue.
	before := jsonOutput(t)
	after := jsonOutput(t, "-asof", "2026-12-15")
	count := func(o output) int {
		n := 0
		for _, it := range o.Items {
			if it.Status == "overdue" {
				n++
			}
		}
		return n
	}
	assert.Equal(t, "2026-12-15", after.AsOf)
	assert.Greater(t, count(after), count(before))
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

// caseDoc is a valid document with one measure whose JSON is m.
func caseDoc(m string) string {
	return `{"asOf": "2026-11-16",
  "workers": [{"id": "w1", "name": "Anne", "team": "nord", "fte": 1.0, "employedSince": "2020-01-01"}],
  "cases": [{"id": "c1", "worker": "w1", "child": {"birthDate": "2012-03-04"},
    "measures": [` + m + `], "goals": []}]}`
}

func TestCasesFile(t *testing.T) {
	p := writeFile(t, "cases.json", caseDoc(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "end": "2026-06-30",
	  "exceptions": [{"id": "X-FJERN", "approvedBy": "Lone", "approvedOn": "2026-01-10"}],
	  "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}]}`))
	code, out, errs := runCmd(t, "-cases", p, "-format", "json")
	require.Equal(t, 0, code, errs)
	var o output
	require.NoError(t, json.Unmarshal([]byte(out), &o))
	require.NotEmpty(t, o.Items)
	assert.Equal(t, "done", o.Items[0].Status)
	assert.Equal(t, "2026-01-19", o.Items[0].Due) // +2 weeks
	for _, it := range o.Items {
		assert.LessOrEqual(t, it.Due, "2026-06-30", "nothing after the measure's end")
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // in stderr besides the file name
	}{
		{"malformed JSON", `{"cases": [ {"id": "c1",, } ]}`, []string{":1:", "malformed JSON"}},
		{"unknown intervention", caseDoc(`{"id": "m7", "intervention": "plejefamilje", "start": "2026-01-05"}`),
			[]string{"cases[0].measures[0].intervention", `"plejefamilje"`, `measure "m7"`, "unknown intervention"}},
		{"unknown exception", caseDoc(`{"id": "m7", "intervention": "plejefamilie", "start": "2026-01-05", "exceptions": [{"id": "X-NEJ", "approvedBy": "L", "approvedOn": "2026-01-06"}]}`),
			[]string{"cases[0].measures[0].exceptions[0].id", `"X-NEJ"`, `measure "m7"`, "unknown exception"}},
		{"impossible date", caseDoc(`{"id": "m7", "intervention": "mst", "start": "2026-02-30"}`),
			[]string{"cases[0].measures[0].start", `"2026-02-30"`, `measure "m7"`}},
		{"end before start", caseDoc(`{"id": "m7", "intervention": "mst", "start": "2026-03-02", "end": "2026-03-01"}`),
			[]string{"cases[0].measures[0].end", `"2026-03-01"`, `measure "m7"`, "before it starts"}},
		{"follow-up before start", caseDoc(`{"id": "m7", "intervention": "mst", "start": "2026-03-02", "followups": [{"date": "2026-03-01", "childConversation": true}]}`),
			[]string{"cases[0].measures[0].followups[0].date", `"2026-03-01"`, `measure "m7"`, "before the measure's start"}},
		{"follow-up after as-of", caseDoc(`{"id": "m7", "intervention": "mst", "start": "2026-03-02", "followups": [{"date": "2026-11-17", "childConversation": true}]}`),
			[]string{"cases[0].measures[0].followups[0].date", `"2026-11-17"`, `measure "m7"`, "after the as-of date"}},
		{"exception after as-of", caseDoc(`{"id": "m7", "intervention": "efterskole", "start": "2026-08-10", "exceptions": [{"id": "X-EFTERSKOLE", "approvedBy": "L", "approvedOn": "2026-12-01"}]}`),
			[]string{"cases[0].measures[0].exceptions[0].approvedOn", `"2026-12-01"`, `measure "m7"`}},
		{"wrong exception", caseDoc(`{"id": "m7", "intervention": "opholdssted", "start": "2026-08-10", "exceptions": [{"id": "X-EFTERSKOLE", "approvedBy": "L", "approvedOn": "2026-08-11"}]}`),
			[]string{"cases[0].measures[0].exceptions[0].id", `"X-EFTERSKOLE"`, `measure "m7"`, "does not apply"}},
		{"typo in a field", caseDoc(`{"id": "m7", "intervention": "mst", "start": "2026-03-02", "endDate": "2026-04-01"}`),
			[]string{"cases[0].measures[0].endDate", "unknown field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, "cases.json", tt.doc)
			for _, format := range []string{"text", "json", "ics"} {
				code, out, errs := runCmd(t, "-cases", p, "-format", format)
				assert.Equal(t, 2, code)
				assert.Empty(t, out, "nothing on stdout")
				assert.Contains(t, errs, p)
				for _, w := range tt.want {
					assert.Contains(t, errs, w)
				}
			}
		})
	}
}

func TestBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-weeks", "0"}, "-weeks 0"},
		{[]string{"-weeks", "521"}, "-weeks 521"},
		{[]string{"-weeks", "six"}, "invalid value"},
		{[]string{"-format", "pdf"}, `-format "pdf"`},
		{[]string{"-lang", "sv"}, `-lang "sv"`},
		{[]string{"-asof", "2026-02-30"}, `-asof "2026-02-30"`},
		{[]string{"-worker", "w9"}, `"w9"`},
		{[]string{"-cases", "/nonexistent/cases.json"}, "/nonexistent/cases.json"},
		{[]string{"-nope"}, "flag provided but not defined"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCmd(t, tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, tt.want)
		})
	}
	code, out, errs := runCmd(t, "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "-format")
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	var errb bytes.Buffer
	assert.Equal(t, 1, run(nil, failWriter{}, &errb))
	assert.Contains(t, errb.String(), "writing output")
}
