package followup_test

// The wire format (issue 11): every value a vendor stores or sends makes a
// round trip, dates are read strictly, and a stored plan reads back equal
// under the regime that made it and is refused under another.

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func TestV2JSONRoundTrips(t *testing.T) {
	held := followup.Held{On: d("2024-02-29"), Kind: followup.SupervisionVisit, ChildConversation: true, Mode: followup.Phone, NotAtPlacement: true}
	b, err := json.Marshal(held)
	require.NoError(t, err)
	assert.JSONEq(t, `{"date":"2024-02-29","kind":"supervision-visit","childConversation":true,"mode":"phone","notAtPlacement":true}`, string(b))
	var h followup.Held
	require.NoError(t, json.Unmarshal(b, &h))
	assert.Equal(t, held, h)
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"date":"2023-02-29"}`), &h), `field "date"`, "2023 is no leap year")
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"date":"2024-01-01","extra":1}`), &h), "unknown field")
	assert.Equal(t, held, h, "unchanged on error")

	g := followup.Grant{ID: "X-FJERN", ApprovedBy: "Teamleder A", ApprovedOn: d("2025-01-06")}
	b, err = json.Marshal(g)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"X-FJERN","approvedBy":"Teamleder A","approvedOn":"2025-01-06"}`, string(b))
	var g2 followup.Grant
	require.NoError(t, json.Unmarshal(b, &g2))
	assert.Equal(t, g, g2)

	dec := followup.CadenceDecision{DecidedOn: d("2025-04-04"), Every: followup.Months(3), Note: "efter aftale"}
	b, err = json.Marshal(dec)
	require.NoError(t, err)
	assert.JSONEq(t, `{"decidedOn":"2025-04-04","every":"P3M","note":"efter aftale"}`, string(b))
	var dec2 followup.CadenceDecision
	require.NoError(t, json.Unmarshal(b, &dec2))
	assert.Equal(t, dec, dec2)

	rec := followup.Record{Case: "c1", Measure: v2Measure(t, "plejefamilie", "2025-01-06", "2026-01-05"),
		Held: []followup.Held{held}, Grants: []followup.Grant{g}, Decision: &dec, AssessmentEnd: d("2025-03-01")}
	b, err = json.Marshal(rec)
	require.NoError(t, err)
	assert.JSONEq(t, `{"case":"c1","measure":{"id":"m-plejefamilie","intervention":"plejefamilie","start":"2025-01-06","end":"2026-01-05"},
		"followups":[{"date":"2024-02-29","kind":"supervision-visit","childConversation":true,"mode":"phone","notAtPlacement":true}],
		"exceptions":[{"id":"X-FJERN","approvedBy":"Teamleder A","approvedOn":"2025-01-06"}],
		"decision":{"decidedOn":"2025-04-04","every":"P3M","note":"efter aftale"},"assessmentEnd":"2025-03-01"}`, string(b))
	var back followup.Record
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rec, back)
	_, err = json.Marshal(followup.Record{Case: "c"})
	assert.ErrorContains(t, err, "followup.Record.MarshalJSON")
}

func TestV2RecordWithAVendorsCatalogue(t *testing.T) {
	cat, err := ladder.Default().Extend(ladder.Intervention{Code: "acme-mentor", Danish: "Mentor", English: "Mentor",
		Step: ladder.HomeBased, Basis: ladder.BasisSupport})
	require.NoError(t, err)
	doc := []byte(`{"case":"c","measure":{"id":"m","intervention":"acme-mentor","start":"2025-03-03"}}`)
	rec, err := followup.DecodeRecord(doc, cat)
	require.NoError(t, err)
	assert.Equal(t, "acme-mentor", rec.Measure.Intervention().Code)
	var r followup.Record
	err = json.Unmarshal(doc, &r)
	assert.ErrorIs(t, err, ladder.ErrUnknownIntervention, "json.Unmarshal reads against the Default catalogue, and says so")
}

func TestV2PlanStoredAndReadBack(t *testing.T) {
	rec := followup.Record{Case: "c1", Measure: v2Measure(t, "doegninstitution", "2025-01-06", ""),
		Held:   []followup.Held{{On: d("2025-01-20"), ChildConversation: true, Mode: followup.InPerson}, {On: d("2025-01-20")}},
		Grants: []followup.Grant{{ID: "X-FJERN", ApprovedBy: "Teamleder A", ApprovedOn: d("2025-01-06")}}}
	opt := followup.Options{AsOf: d("2025-06-02")}
	p, err := followup.Herning().Schedule(rec, opt)
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	for _, want := range []string{`"record":{"case":"c1"`, `"asOf":"2025-06-02"`, `"until":"2026-06-02"`, `"calendar":{"holidays":"dk"`,
		`"status":"done"`, `"held":{"date":"2025-01-20"`, `"extra":[{"date":"2025-01-20"`, `"relaxations":[`, `"approvedBy":"Teamleder A"`, `"parts":[{"code":"followup.why.rule"`} {
		assert.Contains(t, string(b), want)
	}
	back, err := followup.Herning().DecodePlan(b, nil)
	require.NoError(t, err)
	assert.True(t, p.Equal(back))
	assert.Equal(t, p.Items(), back.Items())
	// Changing what was stored is noticed.
	tampered := strings.Replace(string(b), `"due":"2025-03-03"`, `"due":"2025-03-04"`, 1)
	require.NotEqual(t, string(b), tampered)
	_, err = followup.Herning().DecodePlan([]byte(tampered), nil)
	assert.ErrorContains(t, err, "does not replay under this regime")
	// Under another law the same stored plan does not replay.
	bl := followup.BarnetsLov().Spec()
	bl.Statutory.FollowUp.Then = followup.Months(4)
	bl4, err := followup.NewRuleSet(bl)
	require.NoError(t, err)
	other, err := followup.NewRegime(followup.HerningRules(), followup.ServiceLoven(), bl4)
	require.NoError(t, err)
	_, err = other.DecodePlan(b, nil)
	assert.ErrorContains(t, err, "does not replay under this regime")
	// The zero plan has nothing to store; the zero item marshals.
	_, err = json.Marshal(followup.Plan{})
	assert.ErrorContains(t, err, "the zero Plan has no record")
	zb, err := json.Marshal(followup.Item{})
	require.NoError(t, err)
	assert.Contains(t, string(zb), `"rules":[]`)
}
