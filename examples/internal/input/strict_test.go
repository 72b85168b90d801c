package input

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 10: what the decoder used to accept silently, or report at the
// wrong place.

func TestDecodeDuplicateKeys(t *testing.T) {
	tests := []struct {
		name, doc, field string
		line, col        int
	}{
		{"top level", `{"asOf": "2026-01-01", "asOf": "2026-06-01", "cases": []}`, "asOf", 1, 24},
		{"case id", "{\"cases\": [\n  {\"id\": \"c1\", \"id\": \"c2\"}]}", "cases[0].id", 2, 16},
		{"measure end", doc(`{"id": "m1", "intervention": "mst", "start": "2026-01-05", "end": "2026-03-01", "end": "2026-06-01"}`),
			"cases[0].measures[0].end", 3, 98},
		{"follow-up date", doc(`{"id": "m1", "intervention": "mst", "start": "2026-01-05", "followups": [{"date": "2026-02-02", "date": "2026-02-03"}]}`),
			"cases[0].measures[0].followups[0].date", 3, 114},
		{"whole list", `{"cases": [], "cases": [{"id": "c1"}]}`, "cases", 1, 15},
		{"escaped spelling", `{"cases": [{"id": "c1", "\u0069d": "c2"}]}`, "cases[0].id", 1, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("x.json", strings.NewReader(tt.doc), Options{})
			require.Error(t, err)
			assert.Nil(t, d)
			l := AsErrors(err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, tt.field, l[0].Field)
			assert.Equal(t, []int{tt.line, tt.col}, []int{l[0].Line, l[0].Column})
			assert.Contains(t, l[0].Reason, "duplicate key")
			assert.Equal(t, byte('"'), []byte(strings.Split(tt.doc, "\n")[tt.line-1])[tt.col-1], "the column points at the key")
		})
	}
}

func TestDecodeUnknownFieldsNamed(t *testing.T) {
	tests := []struct{ name, doc, field string }{
		{"wrong case", `{"cases": [{"ID": "c1"}]}`, "cases[0].ID"},
		{"typo", doc(`{"id": "m1", "intervention": "mst", "start": "2026-01-05", "ende": "2026-06-01"}`), "cases[0].measures[0].ende"},
		// A key with a line break is quoted, so the message stays one line.
		{"key with a newline", `{"cases": [{"id": "c1", "x\n    forged": 1}]}`, `cases[0]["x\n    forged"]`},
		{"key with a bidi override", `{"cases": [{"id": "c1", "a\u202eb": 1}]}`, `cases[0]["a\u202eb"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("x.json", strings.NewReader(tt.doc), Options{})
			l := AsErrors(err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, tt.field, l[0].Field)
			assert.Contains(t, l[0].Reason, "unknown field")
			assert.NotContains(t, err.Error(), "\n")
			assert.NotContains(t, err.Error(), "\u202e")
		})
	}
}

func TestDecodeUnsafeIDsAndNames(t *testing.T) {
	const nl = "holds a control or bidirectional formatting character (U+000A)"
	const rlo = "holds a control or bidirectional formatting character (U+202E)"
	tests := []struct{ name, doc, field, value, reason string }{
		{"worker id", `{"workers": [{"id": "w1\n    forged"}], "cases": []}`, "workers[0].id", `"w1\n    forged"`, nl},
		{"worker name", `{"workers": [{"id": "w1", "name": "Anne\u202e"}], "cases": []}`, "workers[0].name", `"Anne\u202e"`, rlo},
		{"worker team", `{"workers": [{"id": "w1", "team": "nord\r"}], "cases": []}`, "workers[0].team", `"nord\r"`, "(U+000D)"},
		{"case id", `{"cases": [{"id": "c\u00001"}]}`, "cases[0].id", `"c\x001"`, "(U+0000)"},
		{"case worker", `{"cases": [{"id": "c1", "worker": "w\u2066"}]}`, "cases[0].worker", `"w\u2066"`, "(U+2066)"},
		{"measure id", doc(`{"id": "m\n1", "intervention": "mst", "start": "2026-01-05"}`), "cases[0].measures[0].id", `"m\n1"`, nl},
		{"approver", doc(`{"id": "m1", "intervention": "plejefamilie", "start": "2026-01-05", "exceptions": [{"id": "X-BARNDOM", "approvedBy": "Lone\u202e", "approvedOn": "2026-01-06"}]}`),
			"cases[0].measures[0].exceptions[0].approvedBy", `"Lone\u202e"`, rlo},
		{"goal id", `{"cases": [{"id": "c1", "goals": [{"id": "g\n1"}]}]}`, "cases[0].goals[0].id", `"g\n1"`, nl},
		{"goal who", `{"cases": [{"id": "c1", "goals": [{"id": "g1", "who": ["ok", "x\u2069"]}]}]}`, "cases[0].goals[0].who[1]", `"x\u2069"`, "(U+2069)"},
		{"indicator name", `{"cases": [{"id": "c1", "goals": [{"id": "g1", "indicator": {"name": "a\nb"}}]}]}`, "cases[0].goals[0].indicator.name", `"a\nb"`, nl},
		{"sub-goal id", `{"cases": [{"id": "c1", "goals": [{"id": "g1", "subGoals": [{"id": "d\u202e"}]}]}]}`, "cases[0].goals[0].subGoals[0].id", `"d\u202e"`, rlo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("x.json", strings.NewReader(tt.doc), Options{})
			l := AsErrors(err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, tt.field, l[0].Field)
			assert.Equal(t, tt.value, l[0].Value)
			assert.Contains(t, l[0].Reason, tt.reason)
			assert.NotContains(t, err.Error(), "\n", "the message is one line")
		})
	}
	// Free text may hold a line break: it is escaped where it is printed.
	_, err := Decode("x.json", strings.NewReader(`{"cases": [{"id": "c1", "goals": [{"id": "g1", "what": "line one\nline two"}]}]}`), Options{})
	assert.NoError(t, err)
}

func TestDecodeTruncatedPosition(t *testing.T) {
	tests := []struct {
		doc       string
		line, col int
	}{
		{`{"cases": [`, 1, 11},
		{"{\n  \"cases\": [\n    {\"id\": \"c1\"", 3, 15},
		{"{\n  \"cases\": [\n", 3, 1},
		{`{"cases": [{"id": "c`, 1, 20},
	}
	for _, tt := range tests {
		_, err := Decode("cut.json", strings.NewReader(tt.doc), Options{})
		l := AsErrors(err)
		require.Len(t, l, 1, "%v", err)
		assert.Equal(t, []int{tt.line, tt.col}, []int{l[0].Line, l[0].Column}, "%q", tt.doc)
		assert.Contains(t, l[0].Reason, "unexpected end of the document")
	}
}

func TestDecodeDatesOutOfRange(t *testing.T) {
	tests := []struct{ name, doc, field, value string }{
		// The zero date used to be read as "not given": asOf fell back.
		{"asOf zero", `{"asOf": "0001-01-01", "cases": []}`, "asOf", `"0001-01-01"`},
		{"start zero", doc(`{"id": "m1", "intervention": "mst", "start": "0001-01-01"}`), "cases[0].measures[0].start", `"0001-01-01"`},
		{"start year 0", doc(`{"id": "m1", "intervention": "mst", "start": "0000-01-01"}`), "cases[0].measures[0].start", `"0000-01-01"`},
		{"end 9999", doc(`{"id": "m1", "intervention": "mst", "start": "2026-01-05", "end": "9999-12-31"}`), "cases[0].measures[0].end", `"9999-12-31"`},
		{"birth date 1899", `{"cases": [{"id": "c1", "child": {"birthDate": "1899-12-31"}}]}`, "cases[0].child.birthDate", `"1899-12-31"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("x.json", strings.NewReader(tt.doc), Options{})
			assert.Nil(t, d)
			l := AsErrors(err)
			require.NotEmpty(t, l, "%v", err)
			assert.Equal(t, tt.field, l[0].Field)
			assert.Equal(t, tt.value, l[0].Value)
			assert.Equal(t, "outside the supported dates 1900-01-01 to 2199-12-31", l[0].Reason)
		})
	}
}
