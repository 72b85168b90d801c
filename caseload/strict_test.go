package caseload_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/ladder"
)

// DecodeTeam used to keep the last of two equal keys and drop fields it
// does not know, so a typo such as "startDate" or "ende" silently left a
// measure open.
func TestDecodeTeamStrict(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []string
	}{
		{"unknown field in a measure", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05", "ende": "2026-06-30"}]}]}`,
			[]string{`caseload.DecodeTeam: bad input: cases[0].measures[0].ende: unknown field (want one of assessmentEnd, decision, end, exceptions, followups, id, intervention, start)`}},
		{"unknown field at the top", `{"workers": [], "goals": []}`,
			[]string{`caseload.DecodeTeam: bad input: goals: unknown field (want one of cases, workers)`}},
		{"field with the wrong case", `{"workers": [{"ID": "w1", "fte": 1}]}`,
			[]string{`caseload.DecodeTeam: bad input: workers[0].ID: unknown field (want one of employedSince, fte, id, name, team)`}},
		{"duplicate key", `{"cases": [{"id": "c1", "id": "c2"}]}`,
			[]string{`caseload.DecodeTeam: bad input: cases[0].id: duplicate key: the key is given twice in one object`}},
		{"duplicate end", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05", "end": "2026-06-30", "end": "2027-06-30"}]}]}`,
			[]string{`caseload.DecodeTeam: bad input: cases[0].measures[0].end: duplicate key`}},
		{"duplicate list", `{"workers": [], "workers": [{"id": "w1", "fte": 1}]}`,
			[]string{`caseload.DecodeTeam: bad input: workers: duplicate key`}},
		{"unknown inside a follow-up and a decision", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "kostskole", "start": "2026-01-05",
			"followups": [{"date": "2026-02-02", "by": "x"}], "decision": {"every": "P3M", "why": "x"}}]}]}`,
			[]string{`cases[0].measures[0].followups[0].by: unknown field (want one of childConversation, date, kind, mode, noPlanReview, notAtPlacement)`,
				`cases[0].measures[0].decision.why: unknown field (want one of decidedOn, every, note)`}},
		{"control character in a worker id", `{"workers": [{"id": "w1\r\nw2", "fte": 1}]}`,
			[]string{`caseload.DecodeTeam: bad input: workers[0] "w1\r\nw2": field "id": "w1\r\nw2" holds a control or bidirectional formatting character`}},
		{"bidi override in a name and a team", `{"workers": [{"id": "w1", "name": "Anna\u202e", "team": "\u2066nord", "fte": 1}]}`,
			[]string{`workers[0] "w1": field "name": "Anna\u202e" holds a control`, `workers[0] "w1": field "team": "\u2066nord" holds a control`}},
		{"NUL in a case id, its worker and keys", `{"cases": [{"id": "c\u00001", "worker": "w\n", "keys": ["ok", "a\u2028"]}]}`,
			[]string{`cases[0] "c\x001": field "id": "c\x001" holds`, `cases[0] "c\x001": field "worker": "w\n" holds`, `cases[0] "c\x001": field "keys[1]": "a\u2028" holds`}},
		{"control character in an approver", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "plejefamilie", "start": "2026-01-05",
			"exceptions": [{"id": "X-BARNDOM", "approvedBy": "Eva\u202d", "approvedOn": "2026-01-06"}]}]}]}`,
			[]string{`cases[0] "c1": measures[0] "m1": exceptions[0]: field "approvedBy": "Eva\u202d" holds`}},
		{"control character in a measure id", `{"cases": [{"id": "c1", "measures": [{"id": "m\n1", "intervention": "plejefamilie", "start": "2026-01-05"}]}]}`,
			[]string{`cases[0] "c1": measures[0] "m\n1": ladder.Catalogue.NewMeasure: field "id": "m\n1" holds a control or bidirectional formatting character (U+000A at byte 1)`}},
		{"date out of range", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "0001-01-01"}]}]}`,
			[]string{`cases[0] "c1": measures[0] "m1": field "start": ladder.ParseDate: invalid date "0001-01-01": outside the supported dates 1900-01-01 to 2199-12-31`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := caseload.DecodeTeam([]byte(tc.json), nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, caseload.ErrInput)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestDecodeTeamStrictErrorKinds(t *testing.T) {
	_, err := caseload.DecodeTeam([]byte(`{"workers": [{"id": "w\u202e1", "fte": 1}]}`), nil)
	assert.ErrorIs(t, err, ladder.ErrUnsafeText)
	_, err = caseload.DecodeTeam([]byte(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2200-01-01"}]}]}`), nil)
	assert.ErrorIs(t, err, ladder.ErrDateRange)
}

func TestWorkerAndCaseUnmarshalStrict(t *testing.T) {
	var w caseload.Worker
	err := json.Unmarshal([]byte(`{"id": "w1", "fte": 1, "fte": 0.5}`), &w)
	assert.EqualError(t, err, `caseload.Worker.UnmarshalJSON: bad input: fte: duplicate key: the key is given twice in one object`)
	err = json.Unmarshal([]byte(`{"id": "w1", "fte": 1, "FTE": 0.5}`), &w)
	assert.EqualError(t, err, `caseload.Worker.UnmarshalJSON: bad input: FTE: unknown field (want one of employedSince, fte, id, name, team)`)
	assert.Equal(t, caseload.Worker{}, w, "unchanged on error")

	var c caseload.Case
	err = json.Unmarshal([]byte(`{"id": "c1", "child": {"birthDate": "2012-03-04", "name": "x"}}`), &c)
	assert.EqualError(t, err, `caseload.Case.UnmarshalJSON: bad input: child.name: unknown field (want one of birthDate)`)
}
