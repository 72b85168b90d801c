package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Issue 10 through the command: each of these used to be accepted, fall
// back silently, or run for minutes.
func TestHostileInput(t *testing.T) {
	var longWalks []string
	for i := range 350 {
		longWalks = append(longWalks, fmt.Sprintf(`{"id": "c%d", "measures": [{"id": "m1", "intervention": "kostskole", "start": "1987-01-05",
		  "decision": {"decidedOn": "1987-01-05", "every": "P1D"}}]}`, i))
	}
	tests := []struct {
		name string
		args []string
		doc  string // written to a file given with -cases, if not empty
		want string // the whole of standard error, after "schedule: "
	}{
		// The zero date used to mean "not given": -asof fell back to the file's.
		{"zero as-of", []string{"-asof", "0001-01-01"}, "",
			`-asof "0001-01-01": outside the supported dates 1900-01-01 to 2199-12-31`},
		{"as-of far ahead", []string{"-asof", "9999-12-31", "-weeks", "520"}, "",
			`-asof "9999-12-31": outside the supported dates 1900-01-01 to 2199-12-31`},
		{"line break in a case id", nil, `{"cases": [{"id": "c1\n    ma 2026-11-17 · forged item"}]}`,
			`X: cases[0].id = "c1\n    ma 2026-11-17 · forged item" (case "c1\n    ma 2026-11-17 · forged item"): holds a control or bidirectional formatting character (U+000A), which could forge or reorder lines where it is printed`},
		{"bidi override in a measure id", nil, `{"cases": [{"id": "c1", "measures": [{"id": "m\u202e1", "intervention": "mst", "start": "2026-01-05"}]}]}`,
			`X: cases[0].measures[0].id = "m\u202e1" (case "c1", measure "m\u202e1"): holds a control or bidirectional formatting character (U+202E), which could forge or reorder lines where it is printed`},
		{"duplicate key", nil, "{\"cases\": [\n  {\"id\": \"c1\", \"id\": \"c2\"}]}",
			`X:2:16: cases[0].id: duplicate key: the key is given twice in one object (keep one)`},
		{"truncated", nil, "{\n  \"cases\": [\n    {\"id\": \"c1\"",
			`X:3:15: malformed JSON: unexpected end of the document (is it cut short?)`},
		{"start in year 0", nil, `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "0000-01-01"}]}]}`,
			`X: cases[0].measures[0].start = "0000-01-01" (case "c1", measure "m1"): outside the supported dates 1900-01-01 to 2199-12-31`},
		// 1900-01-01 to 2026-12-28 (as-of + 6 weeks): 45,990 days of
		// 126 years, 31 leap days, 361 days of 2026.
		{"a century's walk", []string{"-asof", "2026-11-16"}, `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "1900-01-01"}]}]}`,
			`X: cases[0].measures[0].start = "1900-01-01" (case "c1", measure "m1"): the schedule would walk 46382 days from the start to 2026-12-28 (the measure's end, or the report's last day if sooner); a walk may be at most 40 years: is the start right, or should the measure have ended?`},
		// 350 measures of a daily cadence over 1987-01-05 … 2026-12-28:
		// 14,602 days, so 14,602 + 8 items each, 5,113,500 in all.
		{"over budget", []string{"-asof", "2026-11-16"}, `{"cases": [` + strings.Join(longWalks, ",") + `]}`,
			`X: the report could hold up to 5113500 items (350 measures, walked over 5110700 days in all from their starts to 2026-12-28); one report may hold at most 5000000: ask for one worker's cases, fewer cases at a time or fewer weeks`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			want := tt.want
			if tt.doc != "" {
				p := file(t, tt.doc)
				args = append([]string{"-cases", p}, args...)
				want = strings.Replace(want, "X", p, 1)
			}
			code, out, errs := runCmd(t, args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Equal(t, "schedule: "+want+"\n", errs)
		})
	}
}
