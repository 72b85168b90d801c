package caseload_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// exampleJSON is the format of the package documentation.
const exampleJSON = `{"workers": [{"id": "w1", "name": "Anna", "team": "nord", "fte": 1.0, "employedSince": "2020-01-01"},
  {"id": "w2", "name": "Bo", "team": "nord", "fte": 0.8}],
 "cases": [{"id": "c1", "worker": "w1", "child": {"birthDate": "2012-03-04"},
   "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "end": "2026-06-30",
     "exceptions": [{"id": "X-FJERN", "approvedBy": "Teamleder Eva", "approvedOn": "2026-01-10"}],
     "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}]}]},
  {"id": "c2", "worker": "", "child": {}, "aftercare": false, "keys": ["akut"],
   "measures": [{"id": "m2", "intervention": "kostskole", "start": "2025-08-11",
     "decision": {"decidedOn": "2025-11-10", "every": "P3M", "note": "hver 3. måned"}, "assessmentEnd": "2025-10-01",
     "followups": [{"date": "2025-11-10", "kind": "followup", "childConversation": false, "mode": "phone", "noPlanReview": true}]}]},
  {"id": "c3", "worker": "w2", "child": {"birthDate": "2026-09-01"}, "measures": []}]}`

func TestDecodeTeam(t *testing.T) {
	team, err := caseload.DecodeTeam([]byte(exampleJSON), nil)
	require.NoError(t, err)
	require.Len(t, team.Workers, 2)
	assert.Equal(t, caseload.Worker{ID: "w1", Name: "Anna", Team: "nord", FTE: 1, EmployedSince: d("2020-01-01")}, team.Workers[0])
	assert.Equal(t, caseload.Worker{ID: "w2", Name: "Bo", Team: "nord", FTE: 0.8}, team.Workers[1])
	require.Len(t, team.Cases, 3)

	c1 := team.Cases[0]
	assert.Equal(t, "c1", c1.ID)
	assert.Equal(t, "w1", c1.Worker)
	assert.Equal(t, d("2012-03-04"), c1.Child.BirthDate)
	require.Len(t, c1.Measures, 1)
	r := c1.Measures[0]
	assert.Equal(t, "c1", r.Case)
	assert.Equal(t, "m1", r.Measure.ID())
	assert.Equal(t, "doegninstitution", r.Measure.Intervention().Code)
	assert.Equal(t, d("2026-01-05"), r.Measure.Start())
	end, ok := r.Measure.End()
	assert.True(t, ok)
	assert.Equal(t, d("2026-06-30"), end)
	assert.Equal(t, []followup.Grant{{ID: "X-FJERN", ApprovedBy: "Teamleder Eva", ApprovedOn: d("2026-01-10")}}, r.Grants)
	assert.Equal(t, []followup.Held{{On: d("2026-01-19"), ChildConversation: true, Mode: followup.InPerson}}, r.Held)

	c2 := team.Cases[1]
	assert.Equal(t, "", c2.Worker)
	assert.Equal(t, []string{"akut"}, c2.Keys)
	assert.Equal(t, caseload.Child{}, c2.Child)
	r2 := c2.Measures[0]
	_, open := r2.Measure.End()
	assert.False(t, open)
	require.NotNil(t, r2.Decision)
	assert.Equal(t, followup.CadenceDecision{DecidedOn: d("2025-11-10"), Every: followup.Months(3), Note: "hver 3. måned"}, *r2.Decision)
	assert.Equal(t, d("2025-10-01"), r2.AssessmentEnd)
	assert.Equal(t, []followup.Held{{On: d("2025-11-10"), Kind: followup.FollowUp, Mode: followup.Phone, NoPlanReview: true}}, r2.Held)

	assert.Empty(t, team.Cases[2].Measures)
	assert.Equal(t, d("2026-09-01"), team.Cases[2].Child.BirthDate, "an unborn child's case is fine")

	// json.Unmarshal gives the same.
	var viaJSON caseload.Team
	require.NoError(t, json.Unmarshal([]byte(exampleJSON), &viaJSON))
	assert.Equal(t, team, viaJSON)
}

func TestTeamJSONRoundTrip(t *testing.T) {
	team, err := caseload.DecodeTeam([]byte(exampleJSON), nil)
	require.NoError(t, err)
	b, err := json.Marshal(team)
	require.NoError(t, err)
	back, err := caseload.DecodeTeam(b, nil)
	require.NoError(t, err)
	assert.Equal(t, team, back)

	// Single cases and workers too.
	for _, c := range team.Cases {
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var got caseload.Case
		require.NoError(t, json.Unmarshal(b, &got))
		assert.Equal(t, c, got)
	}
	for _, w := range team.Workers {
		b, err := json.Marshal(w)
		require.NoError(t, err)
		var got caseload.Worker
		require.NoError(t, json.Unmarshal(b, &got))
		assert.Equal(t, w, got)
	}
	b, err = json.Marshal(caseload.Worker{ID: "w1", FTE: 0.5})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"w1","fte":0.5}`, string(b))

	_, err = json.Marshal(caseload.Team{Cases: []caseload.Case{{ID: "c1", Measures: []followup.Record{{}}}}})
	assert.ErrorContains(t, err, `case "c1": measures[0] is invalid (zero)`)
}

func TestDecodeTeamErrors(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []string
	}{
		{"not JSON", `{"workers": [`, []string{"caseload.DecodeTeam: bad input: unexpected end of JSON input"}},
		{"wrong type", `{"workers": [{"id": 1}]}`, []string{"caseload.DecodeTeam: bad input: json: cannot unmarshal number"}},
		{"impossible date", `{"workers": [{"id": "w1", "fte": 1, "employedSince": "2023-02-30"}]}`,
			[]string{`workers[0] "w1": field "employedSince": ladder.ParseDate: invalid date "2023-02-30"`}},
		{"every problem at once", `{"cases": [{"id": "c1", "child": {"birthDate": "12-03-2012"}, "measures": [
			{"id": "m1", "intervention": "plejefamilje", "start": "2026-01-05"},
			{"id": "m2", "intervention": "mst", "start": "2026-01-05", "end": "2025-01-01"},
			{"id": "m3", "intervention": "mst"},
			{"id": "m4", "intervention": "mst", "start": "2026-01-05", "followups": [{"date": "2026-02-30"}, {"childConversation": true}],
			  "exceptions": [{"id": "X-FJERN", "approvedOn": "x"}]}]}]}`,
			[]string{
				`cases[0] "c1": field "child.birthDate": ladder.ParseDate: invalid date "12-03-2012"`,
				`cases[0] "c1": measures[0] "m1": ladder.Catalogue.NewMeasure: measure "m1": unknown intervention "plejefamilje"`,
				`cases[0] "c1": measures[1] "m2": ladder.Catalogue.NewMeasure: measure "m2": end 2025-01-01 is before start 2026-01-05`,
				`cases[0] "c1": measures[2] "m3": field "start" is missing`,
				`cases[0] "c1": measures[3] "m4": exceptions[0]: field "approvedOn": ladder.ParseDate: invalid date "x"`,
				`cases[0] "c1": measures[3] "m4": followups[0]: field "date": ladder.ParseDate: invalid date "2026-02-30"`,
				`cases[0] "c1": measures[3] "m4": followups[1]: field "date": missing`,
			}},
		{"unknown mode", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05",
			"followups": [{"date": "2026-02-02", "mode": "video"}]}]}]}`, []string{`unknown Mode "video"`}},
		{"bad span", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05",
			"decision": {"every": "PT3H"}}]}]}`, []string{`PT3H`}},
		// The flag of the earlier format: read from the measures now, and
		// refused rather than ignored, so the case does not silently move.
		{"aftercare flag", `{"cases": [{"id": "c9", "aftercare": true, "measures": []}]}`,
			[]string{`cases[0] "c9": field "aftercare": true is no longer read: record the aftercare measure (an "ungestoette-…" intervention)`}},
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

	var c caseload.Case
	c.ID = "keep"
	assert.Error(t, json.Unmarshal([]byte(`{"id":"c1","measures":[{"id":"m1","intervention":"nope","start":"2026-01-05"}]}`), &c))
	assert.Equal(t, "keep", c.ID, "unchanged on error")
	w := caseload.Worker{ID: "keep"}
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"id":"w1","employedSince":"2020-13-01"}`), &w), `worker "w1"`)
	assert.Equal(t, "keep", w.ID)
	team := caseload.Team{Workers: []caseload.Worker{{ID: "keep"}}}
	assert.Error(t, json.Unmarshal([]byte(`{"workers":[{"id":"w1","employedSince":"x"}]}`), &team))
	assert.Equal(t, "keep", team.Workers[0].ID)
}

func TestDecodeTeamVendorCatalogue(t *testing.T) {
	cat, err := ladder.Default().Extend(ladder.Intervention{Code: "acme-mentor", Danish: "Mentor", Step: ladder.HomeBased,
		Basis: ladder.BasisSupport})
	require.NoError(t, err)
	doc := `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "acme-mentor", "start": "2026-01-05"}]}]}`
	team, err := caseload.DecodeTeam([]byte(doc), cat)
	require.NoError(t, err)
	assert.Equal(t, "acme-mentor", team.Cases[0].Measures[0].Measure.Intervention().Code)
	_, err = caseload.DecodeTeam([]byte(doc), nil)
	assert.ErrorIs(t, err, ladder.ErrUnknownIntervention)
}

func TestTeamLookups(t *testing.T) {
	team := caseload.Team{
		Workers: []caseload.Worker{{ID: "w1", Team: "nord", FTE: 1}, {ID: "w2", Team: "syd", FTE: 1}},
		Cases:   []caseload.Case{{ID: "c1", Worker: "w1"}, {ID: "c2", Worker: "w2"}, {ID: "c3"}, {ID: "c4", Worker: "w1"}},
	}
	w, ok := team.Worker("w2")
	assert.True(t, ok)
	assert.Equal(t, "syd", w.Team)
	_, ok = team.Worker("w9")
	assert.False(t, ok)
	c, ok := team.Case("c3")
	assert.True(t, ok)
	assert.Equal(t, "", c.Worker)
	_, ok = team.Case("c9")
	assert.False(t, ok)
	nord := team.Subteam("nord")
	assert.Equal(t, []caseload.Worker{{ID: "w1", Team: "nord", FTE: 1}}, nord.Workers)
	assert.Equal(t, []caseload.Case{{ID: "c1", Worker: "w1"}, {ID: "c4", Worker: "w1"}}, nord.Cases)
	assert.Empty(t, team.Subteam("øst").Workers)
}

func TestActiveMeasures(t *testing.T) {
	c := caseload.Case{ID: "c1", Measures: []followup.Record{
		rec(t, "m1", "plejefamilie", "2025-01-01", ""),
		rec(t, "m2", "efterskole", "2025-08-10", "2026-06-30"),
		{},
		rec(t, "m3", "mst", "2026-09-01", ""),
	}}
	var ids []string
	for _, m := range c.ActiveMeasures(d("2026-03-01")) {
		ids = append(ids, m.ID())
	}
	assert.Equal(t, []string{"m1", "m2"}, ids)
}
