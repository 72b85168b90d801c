package caseload_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

func TestTransfer(t *testing.T) {
	on := d("2026-03-01")
	// aftercareOf lists the ids of the case's measures active on the day
	// whose intervention is aftercare: the ones Transfer must name.
	aftercareOf := func(c caseload.Case) []string {
		var ids []string
		for _, m := range c.ActiveMeasures(on) {
			if m.Intervention().Basis == ladder.BasisAftercare {
				ids = append(ids, m.ID())
			}
		}
		return ids
	}
	tests := []struct {
		name       string
		c          caseload.Case
		outcome    caseload.TransferOutcome
		placements []string
		codes      []string
	}{
		{"no measure: moves", caseload.Case{ID: "c1", Worker: "w1"}, caseload.Moves, nil, nil},
		{"preventive measure: moves", caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "aflastning", "2025-06-01", "")}}, caseload.Moves, nil, nil},
		{"family residential treatment is not a placement: moves",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "doegnophold-familie", "2026-01-05", "")}}, caseload.Moves, nil, nil},
		{"institution placement: stays",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m0", "kontaktperson", "2025-01-01", ""), rec(t, "m1", "doegninstitution", "2026-01-05", "")}},
			caseload.Stays, []string{"m1"}, nil},
		{"home-based placement (own room) is a placement: stays",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "eget-vaerelse", "2025-09-01", "")}}, caseload.Stays, []string{"m1"}, nil},
		{"placement ended before the move: moves",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "plejefamilie", "2024-01-01", "2026-02-28")}}, caseload.Moves, nil, nil},
		{"placement ending on the day of the move: stays",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "plejefamilie", "2024-01-01", "2026-03-01")}}, caseload.Stays, []string{"m1"}, nil},
		{"placement starting after the move: moves",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "plejefamilie", "2026-04-01", "")}}, caseload.Moves, nil, nil},
		{"aftercare (a contact person after 18): stays",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "ungestoette-kontaktperson", "2025-09-01", "")}},
			caseload.Stays, nil, nil},
		{"continued stay at the foster family after 18 is aftercare, not a placement: stays",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{
				rec(t, "m1", "plejefamilie", "2019-01-07", "2025-11-30"), rec(t, "m2", "ungestoette-plejefamilie", "2025-12-01", "")}},
			caseload.Stays, nil, nil},
		{"aftercare and placement: stays, both reasons",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "netvaerkspleje", "2025-01-01", ""), rec(t, "m2", "ungestoette-anden-stoette", "2025-01-01", "")}},
			caseload.Stays, []string{"m1"}, nil},
		{"aftercare ended before the move: moves",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "ungestoette-institution", "2024-05-01", "2026-02-28")}},
			caseload.Moves, nil, nil},
		{"aftercare ending on the day of the move: stays",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "ungestoette-institution", "2024-05-01", "2026-03-01")}},
			caseload.Stays, nil, nil},
		{"aftercare and a zero measure: unclear, nothing listed",
			caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "ungestoette-kontaktperson", "2025-09-01", ""), {}}},
			caseload.Unclear, nil, []string{caseload.CodeInvalidMeasure}},
		{"unassigned case moves, with a warning", caseload.Case{ID: "c1"}, caseload.Moves, nil, []string{caseload.CodeUnassigned}},
		{"zero measure: unclear", caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{{}}}, caseload.Unclear, nil, []string{caseload.CodeInvalidMeasure}},
		{"no id", caseload.Case{Worker: "w1"}, caseload.Moves, nil, []string{caseload.CodeMissingID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := caseload.Transfer(tc.c, on)
			assert.Equal(t, tc.outcome, got.Outcome)
			assert.Equal(t, tc.placements, got.Placements)
			if tc.outcome == caseload.Unclear {
				assert.Nil(t, got.Aftercare, "nothing is listed when the outcome is unclear")
			} else {
				assert.Equal(t, aftercareOf(tc.c), got.Aftercare)
			}
			if tc.codes == nil {
				assert.Empty(t, got.Findings)
			} else {
				assert.Equal(t, tc.codes, got.Findings.Codes())
			}
			assert.Equal(t, caseload.SourceTransfer, got.Source)
			assertRenders(t, got.Reason)
			assert.Equal(t, tc.outcome == caseload.Moves, got.Handover != nil)
		})
	}
}

func TestTransferTexts(t *testing.T) {
	on := d("2026-03-01")
	got := caseload.Transfer(caseload.Case{ID: "c1", Worker: "w1"}, on)
	assert.Equal(t, "Case c1 moves with the citizen to the new district; it is neither a placement nor an aftercare case.", got.Text(msg.English))
	require.NotNil(t, got.Handover)
	assert.Equal(t, "w1", got.Handover.ConvenedBy)
	assert.Equal(t, "Mail the team leader of the receiving team, who assigns the case to a worker and passes on the name. Then worker w1 (handing over) calls a handover meeting.", got.Handover.Text(msg.English))
	assert.Equal(t, "Send en mail til teamlederen i det modtagende team, som fordeler sagen til en rådgiver og giver navnet videre. Derefter indkalder rådgiver w1 (afgivende) til et overleveringsmøde.", got.Handover.Text(msg.Danish))

	got = caseload.Transfer(caseload.Case{ID: "c2", Worker: "w1",
		Measures: []followup.Record{rec(t, "m1", "doegninstitution", "2026-01-05", ""), rec(t, "m2", "ungestoette-kontaktperson", "2025-10-01", "")}}, on)
	assert.Equal(t, []string{"m1"}, got.Placements)
	assert.Equal(t, []string{"m2"}, got.Aftercare)
	assert.Equal(t, "Sag c2 flyttes ikke med borgeren: barnet er anbragt (m1: Døgninstitution), og den unge får ungestøtte (efterværn) (m2: Ungestøtte: fast kontaktperson). Anbringelses- og efterværnssager bliver i distriktet.", got.Text(msg.Danish))
	// Both languages name the measures' interventions, each in its own words.
	assert.Equal(t, "Case c2 does not move with the citizen: the child is placed (m1: Residential institution), and the young person receives aftercare (m2: Aftercare: a fixed contact person). Placement and aftercare cases stay with their district.", got.Text(msg.English))

	got = caseload.Transfer(caseload.Case{ID: "c4", Worker: "w1",
		Measures: []followup.Record{rec(t, "m3", "ungestoette-plejefamilie", "2025-12-01", "")}}, on)
	assert.Equal(t, caseload.Stays, got.Outcome)
	assert.Nil(t, got.Placements, "a continued stay under ungestøtte is no placement")
	assert.Equal(t, "Case c4 does not move with the citizen: the young person receives aftercare (m3: Aftercare: continued stay in the foster family). Placement and aftercare cases stay with their district.", got.Text(msg.English))
	assert.Nil(t, got.Handover)

	got = caseload.Transfer(caseload.Case{ID: "c3", Worker: "w1", Measures: []followup.Record{rec(t, "m1", "doegninstitution", "2026-01-05", "")}}, 0)
	assert.Equal(t, caseload.Unclear, got.Outcome)
	assert.Nil(t, got.Placements)
	assert.Equal(t, []string{caseload.CodeInvalidDate}, got.Findings.Codes())
	assert.Equal(t, "Whether case c3 moves cannot be decided. When in doubt the worker asks the team leader, who settles it in the team leaders' forum.", got.Text(msg.English))

	b, err := json.Marshal(caseload.Transfer(caseload.Case{ID: "c1", Worker: "w1"}, on))
	require.NoError(t, err)
	var back caseload.TransferDecision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, caseload.Transfer(caseload.Case{ID: "c1", Worker: "w1"}, on), back)
}

func TestTransferJSON(t *testing.T) {
	on := d("2026-03-01")
	// The reason keeps "da" and "en" and adds its code and arguments as
	// data; so does the handover.
	b, err := json.Marshal(caseload.Transfer(caseload.Case{ID: "c1", Worker: "w1"}, on))
	require.NoError(t, err)
	assert.JSONEq(t, `{"case":"c1","on":"2026-03-01","outcome":"moves",
		"code":"caseload.transfer.moves","args":{"case":"c1"},
		"da":"Sag c1 flyttes med borgeren til det nye distrikt; den er hverken en anbringelses- eller en efterværnssag.",
		"en":"Case c1 moves with the citizen to the new district; it is neither a placement nor an aftercare case.",
		"source":"Herningmodellen 1.0 — kompendium s. 36",
		"handover":{"convenedBy":"w1","code":"caseload.handover.worker","args":{"worker":"w1"},
			"da":"Send en mail til teamlederen i det modtagende team, som fordeler sagen til en rådgiver og giver navnet videre. Derefter indkalder rådgiver w1 (afgivende) til et overleveringsmøde.",
			"en":"Mail the team leader of the receiving team, who assigns the case to a worker and passes on the name. Then worker w1 (handing over) calls a handover meeting."}}`, string(b))

	// Two placements: each with its measure id and the intervention's name
	// per language, as data; the decision reads back equal and renders alike.
	two := caseload.Transfer(caseload.Case{ID: "c2", Worker: "w1", Measures: []followup.Record{
		rec(t, "m1", "doegninstitution", "2026-01-05", ""), rec(t, "m2", "plejefamilie", "2025-01-05", ""), rec(t, "m3", "ungestoette-kontaktperson", "2025-10-01", "")}}, on)
	assert.Equal(t, "Sag c2 flyttes ikke med borgeren: barnet er anbragt (m1: Døgninstitution; m2: Plejefamilie (almindelig/professionel)), og den unge får ungestøtte (efterværn) (m3: Ungestøtte: fast kontaktperson). Anbringelses- og efterværnssager bliver i distriktet.", two.Text(msg.Danish))
	b, err = json.Marshal(two)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"code":"caseload.transfer.stays.placed-aftercare"`)
	assert.Contains(t, string(b), `{"code":"caseload.transfer.placement","args":{"measure":"m1","intervention":{"da":"Døgninstitution","en":"Residential institution"}}}`)
	var back caseload.TransferDecision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, two, back)
	assert.Equal(t, two.Text(msg.English), back.Text(msg.English))

	// An unassigned case: the handing-over team leader calls the meeting.
	u := caseload.Transfer(caseload.Case{ID: "c3"}, on)
	require.NotNil(t, u.Handover)
	assert.Equal(t, "", u.Handover.ConvenedBy)
	assert.Equal(t, "Mail the team leader of the receiving team, who assigns the case to a worker and passes on the name. Then the handing-over team leader calls a handover meeting.", u.Handover.Text(msg.English))
	b, err = json.Marshal(u)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, u.Handover, back.Handover)

	for _, bad := range []string{`{"case":"c1","outcome":"moves"}`, `{"case":"c1","outcome":"moves","code":"x","args":[1]}`, `{"case":`} {
		before := back
		assert.Error(t, json.Unmarshal([]byte(bad), &back), bad)
		assert.Equal(t, before, back, "unchanged on error")
	}
}

func TestTransferDoesNotChangeInput(t *testing.T) {
	build := func() caseload.Case {
		return caseload.Case{ID: "c1", Worker: "w1", Keys: []string{"akut"}, Measures: []followup.Record{
			rec(t, "m2", "doegninstitution", "2026-01-05", ""), rec(t, "m1", "kontaktperson", "2025-01-05", "")}}
	}
	c := build()
	_ = caseload.Transfer(c, d("2026-03-01"))
	assert.Equal(t, build(), c)
}

func TestTransferOutcome(t *testing.T) {
	for _, o := range []caseload.TransferOutcome{caseload.Moves, caseload.Stays, caseload.Unclear} {
		assert.True(t, o.IsValid())
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back caseload.TransferOutcome
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
	}
	assert.Equal(t, "stays", caseload.Stays.String())
	assert.Equal(t, "bliver i distriktet", caseload.Stays.Danish())
	assert.Equal(t, "flyttes med borgeren", caseload.Moves.Danish())
	var zero caseload.TransferOutcome
	assert.False(t, zero.IsValid())
	assert.Equal(t, "caseload.TransferOutcome(0)", zero.String())
	assert.Equal(t, "caseload.TransferOutcome(9)", caseload.TransferOutcome(9).Danish())
	_, err := zero.MarshalText()
	assert.Error(t, err)
	o := caseload.Stays
	assert.ErrorContains(t, o.UnmarshalText([]byte("flytter")), `unknown outcome "flytter"`)
	assert.Equal(t, caseload.Stays, o)
}
