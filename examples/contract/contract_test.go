package contract_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/contract"
	"github.com/trappe-dk/trappe/examples/contract/contracttest"
	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/measure"
)

func schemas(t *testing.T) *contracttest.Schemas {
	t.Helper()
	s, err := contracttest.Shared()
	require.NoError(t, err)
	return s
}

func TestSchemasCompile(t *testing.T) {
	// Compile checks each schema against the draft 2020-12 meta-schema.
	_, err := contracttest.Compile()
	require.NoError(t, err)
	for name, b := range map[string][]byte{"input": contract.InputSchema(), "answer": contract.AnswerSchema()} {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(b, &doc), name)
		assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", doc["$schema"], name)
		assert.Contains(t, doc["title"], "contract "+contract.Version, name)
	}
	// The copies are the caller's.
	b := contract.InputSchema()
	b[0] = 'x'
	assert.Equal(t, byte('{'), contract.InputSchema()[0])
	assert.Error(t, schemas(t).Validate("nope", []byte(`{}`)))
}

func TestSampleIsValidInput(t *testing.T) {
	b, err := os.ReadFile("../schedule/sample.json")
	require.NoError(t, err)
	require.NoError(t, schemas(t).Validate(contracttest.Input, b))
}

// caseWith is a document with one measure whose JSON is m.
func caseWith(m string) string {
	return `{"cases": [{"id": "c1", "measures": [` + m + `]}]}`
}

const okMeasure = `{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05"}`

// The schema and the decoder agree on the documents below: where the
// decoder rejects the shape (an unknown field, a wrong type, a missing
// field, an unknown code, a malformed date or period, an unsafe
// character) the schema rejects it too. The rows marked decoderOnly are
// what a schema cannot see (two equal ids, a reference to a missing
// worker, a follow-up outside its measure): the decoder alone rejects
// them.
func TestSchemaAndDecoderAgree(t *testing.T) {
	tests := []struct {
		name        string
		doc         string
		ok          bool
		decoderOnly bool
	}{
		{"empty", `{}`, true, false},
		{"nulls mean not given", `{"asOf": null, "weeks": null, "workers": null, "cases": null}`, true, false},
		{"one measure", caseWith(okMeasure), true, false},
		{"full measure", caseWith(`{"id": "m1", "intervention": "plejefamilie", "start": "2026-01-05", "end": "2026-12-31", "assessmentEnd": "2026-03-01",
			"exceptions": [{"id": "X-BARNDOM", "approvedBy": "Lone", "approvedOn": "2026-02-01"}],
			"followups": [{"date": "2026-01-19", "childConversation": true, "mode": "phone", "kind": "", "notAtPlacement": false, "noPlanReview": null}],
			"decision": {"decidedOn": "", "every": "P1Y2M", "note": null}}`), true, false},
		{"aftercare measure", caseWith(`{"id": "m1", "intervention": "ungestoette-kontaktperson", "start": "2026-01-05"}`), true, false},
		{"young person's plan", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "youngPersonsPlan": "2026-03-01"}`), true, false},
		{"notifications", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-11-10T09:15:00+01:00", "assessed": "2026-11-10T15:00:00.5+01:00",
			"fromProfessional": true, "receiptSent": "", "alreadySupported": null, "reassessed": null, "abuse": false, "childTalked": "2026-11-11T08:00:00Z"}]}]}`, true, false},
		{"weeks 3.0 is whole", `{"weeks": 3.0}`, true, false},
		{"goal with nulls", `{"cases": [{"id": "c1", "goals": [null, {"id": "g1", "who": ["mor", null], "acceptance": {"attractive": ""}, "subGoals": [null]}]}]}`, true, false},

		{"not an object", `[]`, false, false},
		{"unknown field", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "endDate": "2026-06-30"}`), false, false},
		{"unknown top field", `{"case": []}`, false, false},
		{"wrong type", `{"cases": [{"id": 7}]}`, false, false},
		{"weeks fraction", `{"weeks": 3.5}`, false, false},
		{"weeks too many", `{"weeks": 521}`, false, false},
		{"fte zero", `{"workers": [{"id": "w1", "fte": 0}]}`, false, false},
		{"fte over one", `{"workers": [{"id": "w1", "fte": 1.5}]}`, false, false},
		{"missing id", `{"cases": [{"worker": "w1"}]}`, false, false},
		{"blank id", `{"cases": [{"id": "  "}]}`, false, false},
		{"long id", `{"cases": [{"id": "` + strings.Repeat("c", 129) + `"}]}`, false, false},
		{"bidi in a name", `{"workers": [{"id": "w1", "name": "Anne` + "\u202e" + `"}]}`, false, false},
		{"control in an id", `{"cases": [{"id": "c\u0007"}]}`, false, false},
		{"missing start", caseWith(`{"id": "m1", "intervention": "doegninstitution"}`), false, false},
		{"unknown intervention", caseWith(`{"id": "m1", "intervention": "plejefamilje", "start": "2026-01-05"}`), false, false},
		{"no such day", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-02-30"}`), false, false},
		{"not a date", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "5/1/2026"}`), false, false},
		{"before 1900", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "1899-12-31"}`), false, false},
		{"unknown exception", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "exceptions": [{"id": "X-NOPE", "approvedBy": "L", "approvedOn": "2026-01-06"}]}`), false, false},
		{"exception not approved", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "exceptions": [{"id": "X-FJERN", "approvedOn": "2026-01-06"}]}`), false, false},
		{"unknown mode", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "followups": [{"date": "2026-01-19", "mode": "video"}]}`), false, false},
		{"course end is not held", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "followups": [{"date": "2026-01-19", "kind": "course-end"}]}`), false, false},
		{"period with time", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "decision": {"every": "PT24H"}}`), false, false},
		{"period lower case", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "decision": {"every": "p3m"}}`), false, false},
		{"the decision was cadence", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "cadence": {"every": "P3M"}}`), false, false},
		{"plan not a date", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "youngPersonsPlan": "2026-13-01"}`), false, false},
		{"notification not received", `{"cases": [{"id": "c1", "notifications": [{"assessed": "2026-11-10T15:00:00+01:00"}]}]}`, false, false},
		{"notification received null", `{"cases": [{"id": "c1", "notifications": [{"received": null}]}]}`, false, false},
		{"notification null", `{"cases": [{"id": "c1", "notifications": [null]}]}`, false, false},
		{"notification without offset", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-11-10T09:15:00"}]}]}`, false, false},
		{"notification date only", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-11-10"}]}]}`, false, false},
		{"notification no such day", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-02-30T09:15:00+01:00"}]}]}`, false, false},
		{"notification flag not a bool", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-11-10T09:15:00+01:00", "abuse": "yes"}]}]}`, false, false},
		{"notification unknown field", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-11-10T09:15:00+01:00", "notifier": "school"}]}]}`, false, false},
		{"unknown answer", `{"cases": [{"id": "c1", "goals": [{"acceptance": {"attractive": "måske"}}]}]}`, false, false},

		{"duplicate case id", `{"cases": [{"id": "c1"}, {"id": "c1"}]}`, false, true},
		{"worker not listed", `{"workers": [{"id": "w1"}], "cases": [{"id": "c1", "worker": "w2"}]}`, false, true},
		{"end before start", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "end": "2026-01-01"}`), false, true},
		{"exception for another rule", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "exceptions": [{"id": "X-BARNDOM", "approvedBy": "L", "approvedOn": "2026-01-06"}]}`), false, true},
		{"assessed before received", `{"cases": [{"id": "c1", "notifications": [{"received": "2026-11-10T09:15:00+01:00", "assessed": "2026-11-10T08:00:00+01:00"}]}]}`, false, true},
		{"zero period", caseWith(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "decision": {"every": "P0D"}}`), false, true},
		{"id of 128 bytes in 64 letters", `{"cases": [{"id": "` + strings.Repeat("æ", 65) + `"}]}`, false, true},
	}
	s := schemas(t)
	for _, tt := range tests {
		_, decErr := input.Decode("test", strings.NewReader(tt.doc), input.Options{})
		schemaErr := s.Validate(contracttest.Input, []byte(tt.doc))
		assert.Equal(t, tt.ok, decErr == nil, "%s: decoder: %v", tt.name, decErr)
		if tt.decoderOnly {
			assert.NoError(t, schemaErr, "%s: the schema cannot see this", tt.name)
			continue
		}
		assert.Equal(t, tt.ok, schemaErr == nil, "%s: schema: %v", tt.name, schemaErr)
	}
}

// defs returns the schema's $defs.
func defs(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var doc struct {
		Defs map[string]any `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	return doc.Defs
}

// enum returns the enum of a definition, or of its property prop.
func enum(t *testing.T, def map[string]any, prop ...string) []string {
	t.Helper()
	for _, p := range prop {
		def = def["properties"].(map[string]any)[p].(map[string]any)
	}
	var out []string
	for _, v := range def["enum"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

// codes returns String() of every valid value from first on.
func codes[T interface {
	~uint8
	IsValid() bool
	String() string
}](first T) []string {
	var out []string
	for v := first; v.IsValid(); v++ {
		out = append(out, v.String())
	}
	return out
}

// The schemas' enums are the library's stable codes. Where the library has
// a code an answer never carries (the intake kinds in an item), the schema
// leaves it out; where the contract has announced a code the library does
// not emit yet ("missed"), the library's codes are a subset.
func TestEnumsAreTheLibrarysCodes(t *testing.T) {
	in, ans := defs(t, contract.InputSchema()), defs(t, contract.AnswerSchema())
	def := func(m map[string]any, name string) map[string]any { return m[name].(map[string]any) }

	var ivs []string
	for _, iv := range ladder.Default().All() {
		ivs = append(ivs, iv.Code)
	}
	assert.ElementsMatch(t, ivs, enum(t, def(in, "measure"), "intervention"))
	var excs []string
	for _, e := range followup.HerningRules().Exceptions() {
		excs = append(excs, e.ID)
	}
	assert.ElementsMatch(t, excs, enum(t, def(in, "exception"), "id"))

	assert.ElementsMatch(t, codes(followup.Mode(1)), enum(t, def(ans, "mode")))
	assert.ElementsMatch(t, codes(followup.ChildTalk(1)), enum(t, def(ans, "childConversation")))
	assert.ElementsMatch(t, codes(followup.Decision(1)), enum(t, def(ans, "decision")))
	assert.ElementsMatch(t, codes(followup.Fact(1)), enum(t, def(ans, "fact")))
	assert.ElementsMatch(t, codes(followup.Layer(1)), enum(t, def(ans, "layer")))
	assert.ElementsMatch(t, codes(ladder.Step(0)), enum(t, def(ans, "step")))
	assert.Subset(t, enum(t, def(ans, "status")), codes(followup.Status(1)))
	assert.Subset(t, []string{"done", "overdue", "upcoming", "missed"}, enum(t, def(ans, "status")))
	kinds := codes(followup.Kind(1))
	assert.Equal(t, kinds, append(enum(t, def(ans, "kind")), enum(t, def(ans, "intakeKind"))...))
	var groups []string
	for _, g := range measure.PlacementGroups() {
		groups = append(groups, g.String())
	}
	assert.ElementsMatch(t, groups, enum(t, def(def(def(ans, "figures")["properties"].(map[string]any), "childYears"), "items"), "group"))

	// The input's kinds of follow-up held are the meeting kinds and a
	// status report, or "" for the default.
	var held []string
	for _, k := range kinds {
		if kk, _ := followup.ParseKind(k); kk.IsMeeting() || kk == followup.StatusReport {
			held = append(held, k)
		}
	}
	assert.ElementsMatch(t, append([]string{""}, held...), enum(t, anyOfFirst(def(def(in, "followup")["properties"].(map[string]any), "kind"))))
	assert.True(t, slices.Contains(enum(t, anyOfFirst(def(def(in, "followup")["properties"].(map[string]any), "mode"))), "in-person"))
}

// anyOfFirst returns the first branch of a nullable definition.
func anyOfFirst(def map[string]any) map[string]any {
	return def["anyOf"].([]any)[0].(map[string]any)
}
