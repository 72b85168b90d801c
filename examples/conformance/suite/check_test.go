package suite

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func vector(t *testing.T, expected string) Vector {
	t.Helper()
	var e Expected
	dec := json.NewDecoder(strings.NewReader(expected))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&e))
	return Vector{ID: "x/y", Level: "x", Expected: e}
}

const answer = `{
  "items": [
    {"case": "c1", "measure": "m1", "due": "2024-03-18", "workingDay": "2024-03-18", "kind": "followup", "statutory": false, "rules": ["H-INST"], "modes": ["in-person"]},
    {"case": "c1", "measure": "m1", "due": "2024-04-29", "workingDay": "2024-04-29", "kind": "followup", "statutory": true, "rules": ["H-INST", "BL-95", "BL-156"], "held": {"date": "2024-04-29", "daysLate": 0}},
    {"case": "c1", "measure": "m1", "due": "2024-06-30", "workingDay": "2024-06-28", "kind": "course-end", "statutory": false, "rules": ["H-MST"]}
  ],
  "findings": [{"area": "schedule", "case": "c1", "code": "followup.rule.ended", "severity": "warning", "subject": "m1"}],
  "figures": {"steps": {"counts": [{"step": "institution", "children": 1}, {"step": "hverdagsliv", "children": 0}]}, "rate": 0.4958904},
  "dueAt": "2024-03-31T11:00:00+02:00"
}`

func TestCheckPasses(t *testing.T) {
	for name, exp := range map[string]string{
		"item by its keys, rules in any order": `{"items": [{"measure": "m1", "due": "2024-04-29", "rules": ["BL-156", "H-INST", "BL-95"], "statutory": true}]}`,
		"nested object by its fields":          `{"items": [{"due": "2024-04-29", "held": {"daysLate": 0}}]}`,
		"complete list":                        `{"complete": true, "items": [{"due": "2024-03-18"}, {"due": "2024-04-29"}, {"due": "2024-06-30", "kind": "course-end"}]}`,
		"absent":                               `{"absent": [{"due": "2024-05-01"}]}`,
		"null is a missing field":              `{"items": [{"due": "2024-03-18", "held": null}]}`,
		"finding by its fields":                `{"findings": [{"code": "followup.rule.ended", "case": "c1"}]}`,
		"no such finding":                      `{"noFindings": [{"code": "followup.bl.no-decision"}, {"code": "followup.rule.ended", "case": "c2"}]}`,
		"value by a selector":                  `{"values": [{"path": "figures.steps.counts[step=institution].children", "equals": 1}]}`,
		"value by an index":                    `{"values": [{"path": "items[2].kind", "equals": "course-end"}]}`,
		"number within its tolerance":          `{"values": [{"path": "figures.rate", "equals": 0.5, "tolerance": 0.006}]}`,
		"moments compare as instants":          `{"values": [{"path": "dueAt", "equals": "2024-03-31T10:00:00+01:00"}]}`,
		"null equals a missing field":          `{"values": [{"path": "figures.missing", "equals": null}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			assert.Empty(t, Check(vector(t, exp), 200, []byte(answer)))
		})
	}
}

func TestCheckFails(t *testing.T) {
	for name, c := range map[string]struct{ exp, want string }{
		"wrong field":           {`{"items": [{"due": "2024-04-29", "statutory": false}]}`, "statutory = true, want false"},
		"missing item":          {`{"items": [{"due": "2024-05-01"}]}`, "no item with due \"2024-05-01\""},
		"rules differ":          {`{"items": [{"due": "2024-04-29", "rules": ["H-INST", "BL-95"]}]}`, "rules = "},
		"extra item":            {`{"complete": true, "items": [{"due": "2024-03-18"}, {"due": "2024-04-29"}]}`, "not in the vector's list"},
		"present but absent":    {`{"absent": [{"due": "2024-04-29", "statutory": true}]}`, "must not be there"},
		"null but held":         {`{"items": [{"due": "2024-04-29", "held": null}]}`, "held = "},
		"missing finding":       {`{"findings": [{"code": "followup.bl.no-decision"}]}`, "no finding"},
		"unwanted finding":      {`{"noFindings": [{"code": "followup.rule.ended"}]}`, "must not be there"},
		"value differs":         {`{"values": [{"path": "figures.steps.counts[step=institution].children", "equals": 2}]}`, "want 2"},
		"outside the tolerance": {`{"values": [{"path": "figures.rate", "equals": 0.5, "tolerance": 0.001}]}`, "± 0.001"},
		"no element":            {`{"values": [{"path": "figures.steps.counts[step=almen].children", "equals": 0}]}`, "no element with step"},
		"another moment":        {`{"values": [{"path": "dueAt", "equals": "2024-03-31T11:00:00+01:00"}]}`, "want"},
		"status":                {`{"status": 400}`, "status 200, want 400"},
	} {
		t.Run(name, func(t *testing.T) {
			problems := Check(vector(t, c.exp), 200, []byte(answer))
			require.NotEmpty(t, problems)
			assert.Contains(t, strings.Join(problems, "\n"), c.want)
		})
	}
}

func TestCheckStatusOnly(t *testing.T) {
	v := vector(t, `{"status": 400}`)
	assert.Empty(t, Check(v, 400, []byte(`{"error": "bad input"}`)))
	assert.NotEmpty(t, Check(v, 200, []byte(`{}`)))
	assert.NotEmpty(t, Check(vector(t, `{"items": [{"due": "2024-01-01"}]}`), 200, []byte(`not json`)))
}

func TestParsePath(t *testing.T) {
	steps, err := parsePath("a.b[c=d.e][2].f")
	require.NoError(t, err)
	require.Len(t, steps, 5)
	assert.Equal(t, "d.e", steps[2].value) // a selector's value may hold dots
	assert.Equal(t, 2, steps[3].index)
	for _, bad := range []string{"", ".a", "a.", "a[", "a[x]", "a[=1]", "a[-1]"} {
		_, err := parsePath(bad)
		assert.Error(t, err, bad)
	}
}

// FuzzCheck runs the checks on any answer and any path: they report
// problems, never panic.
func FuzzCheck(f *testing.F) {
	f.Add(answer, "figures.steps.counts[step=institution].children")
	f.Add(`{"items": null, "findings": [1, "x"]}`, "items[0]")
	f.Add(`[]`, "a[b=c].d[1]")
	f.Fuzz(func(t *testing.T, body, path string) {
		v := Vector{Expected: Expected{
			Items:      []map[string]any{{"due": "2024-04-29", "rules": []any{"H-INST"}}},
			Complete:   true,
			Absent:     []map[string]any{{"due": "2024-01-01"}},
			Findings:   []map[string]any{{"code": "x"}},
			NoFindings: []map[string]any{{"code": "y"}},
			Values:     []ValueCheck{{Path: path, Equals: 1.0}},
		}}
		_ = Check(v, 200, []byte(body))
	})
}
