package followup_test

// Tests of the exceptions (undtagelser, Kompendium p. 35): approved by the
// team leader per measure, they relax only the extra (non-statutory) meeting
// items in their scope due on or after the approval — never a statutory
// item, never the rule's first follow-up — and never move a date. Dates are
// derived by hand as in herning_test.go.

import (
	"github.com/trappe-dk/trappe/ladder/msg"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func TestExceptionsShipped(t *testing.T) {
	rs := followup.HerningRules()
	require.Len(t, rs.Exceptions(), 3)
	// domain.md §2: X-BARNDOM only H-PLEJE's phase after the first year;
	// X-FJERN the follow-ups after the first of H-INST, H-PLEJE and H-EGET
	// (not H-KORT: Herning's own places); X-EFTERSKOLE H-EFTERSKOLE's after
	// the first (+3M, +6M and the three-monthly phase).
	for _, tc := range []struct {
		id        string
		appliesTo []string
		scope     []followup.Scope
		add       followup.Modes
		optional  bool
		reading   bool // the source is ambiguous and the explanation says how it was read
	}{
		{"X-BARNDOM", []string{"H-PLEJE"}, []followup.Scope{{Rule: "H-PLEJE", Recurring: []int{1}}},
			followup.ModesOf(followup.Phone, followup.Mail), true, true},
		{"X-FJERN", []string{"H-INST", "H-PLEJE", "H-EGET"}, []followup.Scope{
			{Rule: "H-INST", Recurring: []int{0}}, {Rule: "H-PLEJE", Recurring: []int{0, 1}}, {Rule: "H-EGET", Recurring: []int{0}},
		}, followup.ModesOf(followup.Phone), false, true},
		{"X-EFTERSKOLE", []string{"H-EFTERSKOLE"}, []followup.Scope{{Rule: "H-EFTERSKOLE", Fixed: []int{1, 2}, Recurring: []int{0}}},
			followup.ModesOf(followup.Phone), false, false},
	} {
		e, ok := rs.Exception(tc.id)
		require.True(t, ok, tc.id)
		assert.Equal(t, tc.appliesTo, e.AppliesTo(), tc.id)
		assert.Equal(t, tc.scope, e.Scope, tc.id)
		assert.Equal(t, tc.add, e.AddModes, tc.id)
		assert.Equal(t, tc.optional, e.ChildConversationOptional, tc.id)
		assert.Equal(t, "extra", e.Relaxes, tc.id)
		assert.Equal(t, followup.SourceExceptions, e.Source)
		assert.Equal(t, tc.reading, e.Reading.En != "" && e.Reading.Da != "", tc.id)
	}
	_, ok := rs.Exception("X-UKENDT")
	assert.False(t, ok)

	// A rule set whose exception would relax the statutory follow-ups is rejected.
	spec := rs.Spec()
	spec.Exceptions[0].Relaxes = "statutory"
	_, err := followup.NewRuleSet(spec)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ruleset.statutory.relaxed")

	// A scope that names the rule's first follow-up is rejected too: X-FJERN
	// on H-INST's fixed +2 weeks.
	spec = rs.Spec()
	spec.Exceptions[1].Scope[0].Fixed = []int{0}
	_, err = followup.NewRuleSet(spec)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ruleset.exception.first-follow-up")
}

// htContent is the content part of an item.
type htContent struct {
	Due       string
	Modes     string
	Child     followup.ChildTalk
	Statutory bool
	Relaxed   string // relaxation ids joined by "+"
}

func htContents(items []followup.Item) []htContent {
	out := make([]htContent, 0, len(items))
	for _, it := range items {
		var ids []string
		for _, x := range it.Why().Relaxations {
			ids = append(ids, x.ID)
		}
		out = append(out, htContent{it.Due.String(), it.Modes.String(), it.ChildConversation, it.Statutory, strings.Join(ids, "+")})
	}
	return out
}

func TestExceptionsRelaxExtraItemsOnly(t *testing.T) {
	const (
		ip   = "in-person"
		ipP  = "in-person+phone"
		ipPM = "in-person+phone+mail"
	)
	req, opt := followup.Required, followup.Optional
	tests := []struct {
		name, code, start, asOf, until string
		grants                         []followup.Grant
		want                           []htContent
	}{
		{
			// H-PLEJE from 31 Jan 2023 (dates and marks as in TestHerningRulesSchedules: chain items
			// 28 Mar and 12 Sep 2023, 27 Feb and 27 Aug 2024). X-BARNDOM approved 1 Jun 2023 relaxes
			// only the three-monthly phase after the first year (which ends 31 Jan 2024): the items
			// whose previous follow-up lies on or after 31 Jan 2024 — 27 May and 27 Nov 2024 (27 Feb
			// 2024 follows 16 Jan, still the six-weekly phase, and is statutory; 27 Aug is statutory).
			// They get phone and mail and an optional child conversation. The first year's items
			// due after the approval (20 Jun 2023 …) stay as they are.
			name: "X-BARNDOM on plejefamilie", code: "plejefamilie", start: "2023-01-31", asOf: "2023-06-01", until: "2024-11-30",
			grants: []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "Teamleder Hansen", ApprovedOn: htDate("2023-06-01")}},
			want: []htContent{
				{"2023-02-14", ip, req, false, ""},
				{"2023-03-28", ip, req, true, ""},
				{"2023-05-09", ip, req, false, ""},
				{"2023-06-20", ip, req, false, ""},
				{"2023-08-01", ip, req, false, ""},
				{"2023-09-12", ip, req, true, ""},
				{"2023-10-24", ip, req, false, ""},
				{"2023-12-05", ip, req, false, ""},
				{"2024-01-16", ip, req, false, ""},
				{"2024-02-27", ip, req, true, ""},
				{"2024-05-27", ipPM, opt, false, "X-BARNDOM"},
				{"2024-08-27", ip, req, true, ""},
				{"2024-11-27", ipPM, opt, false, "X-BARNDOM"},
			},
		},
		{
			// Approved on 27 May 2024, the due date of an extra item in scope: it is relaxed (on/after).
			name: "X-BARNDOM approved on a due date", code: "saerlig-plejefamilie", start: "2023-01-31", asOf: "2024-05-27", until: "2024-11-30",
			grants: []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "TL", ApprovedOn: htDate("2024-05-27")}},
			want: []htContent{
				{"2023-02-14", ip, req, false, ""},
				{"2023-03-28", ip, req, true, ""},
				{"2023-05-09", ip, req, false, ""},
				{"2023-06-20", ip, req, false, ""},
				{"2023-08-01", ip, req, false, ""},
				{"2023-09-12", ip, req, true, ""},
				{"2023-10-24", ip, req, false, ""},
				{"2023-12-05", ip, req, false, ""},
				{"2024-01-16", ip, req, false, ""},
				{"2024-02-27", ip, req, true, ""},
				{"2024-05-27", ipPM, opt, false, "X-BARNDOM"},
				{"2024-08-27", ip, req, true, ""},
				{"2024-11-27", ipPM, opt, false, "X-BARNDOM"},
			},
		},
		{
			// Approved the day after: 27 May 2024 is due before the approval and stays as it is.
			name: "X-BARNDOM approved the day after a due date", code: "saerlig-plejefamilie", start: "2023-01-31", asOf: "2024-05-28", until: "2024-11-30",
			grants: []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "TL", ApprovedOn: htDate("2024-05-28")}},
			want: []htContent{
				{"2023-02-14", ip, req, false, ""},
				{"2023-03-28", ip, req, true, ""},
				{"2023-05-09", ip, req, false, ""},
				{"2023-06-20", ip, req, false, ""},
				{"2023-08-01", ip, req, false, ""},
				{"2023-09-12", ip, req, true, ""},
				{"2023-10-24", ip, req, false, ""},
				{"2023-12-05", ip, req, false, ""},
				{"2024-01-16", ip, req, false, ""},
				{"2024-02-27", ip, req, true, ""},
				{"2024-05-27", ip, req, false, ""},
				{"2024-08-27", ip, req, true, ""},
				{"2024-11-27", ipPM, opt, false, "X-BARNDOM"},
			},
		},
		{
			// H-INST from 31 Jan 2024: 14 Feb, 27 Mar, 8 May, 19 Jun, 31 Jul, 11 Sep, 23 Oct, 4 Dec,
			// 15 Jan 2025. Chain (follow-up and visit): 31 Jan + 3M = 30 Apr → 27 Mar; 27 Mar + 6M =
			// 27 Sep → 11 Sep; 11 Sep + 6M = 11 Mar 2025 is after the horizon. X-FJERN from the start
			// adds phone to the extra items after the first (14 Feb, where the plan is made concrete,
			// stays in person); the child conversation stays required.
			name: "X-FJERN on doegninstitution", code: "doegninstitution", start: "2024-01-31", asOf: "2024-01-31", until: "2025-01-31",
			grants: []followup.Grant{{ID: "X-FJERN", ApprovedBy: "Teamleder Jensen", ApprovedOn: htDate("2024-01-31")}},
			want: []htContent{
				{"2024-02-14", ip, req, false, ""},
				{"2024-03-27", ip, req, true, ""},
				{"2024-05-08", ipP, req, false, "X-FJERN"},
				{"2024-06-19", ipP, req, false, "X-FJERN"},
				{"2024-07-31", ipP, req, false, "X-FJERN"},
				{"2024-09-11", ip, req, true, ""},
				{"2024-10-23", ipP, req, false, "X-FJERN"},
				{"2024-12-04", ipP, req, false, "X-FJERN"},
				{"2025-01-15", ipP, req, false, "X-FJERN"},
			},
		},
		{
			// Both exceptions on a foster family from 29 Feb 2024 (dates and chain as in
			// TestHerningRulesSchedules: chain items 25 Apr, 10 Oct 2024, 27 Mar and 27 Sep 2025;
			// the first year ends 28 Feb 2025, so 27 Jun and 27 Dec 2025 are the three-monthly
			// phase). X-FJERN relaxes every extra item after the first; X-BARNDOM only those two.
			// The union of the relaxations applies, in grant order.
			name: "X-FJERN and X-BARNDOM together", code: "netvaerkspleje", start: "2024-02-29", asOf: "2024-03-01", until: "2025-12-31",
			grants: []followup.Grant{
				{ID: "X-FJERN", ApprovedBy: "TL", ApprovedOn: htDate("2024-02-29")},
				{ID: "X-BARNDOM", ApprovedBy: "TL", ApprovedOn: htDate("2024-03-01")},
			},
			want: []htContent{
				{"2024-03-14", ip, req, false, ""},
				{"2024-04-25", ip, req, true, ""},
				{"2024-06-06", ipP, req, false, "X-FJERN"},
				{"2024-07-18", ipP, req, false, "X-FJERN"},
				{"2024-08-29", ipP, req, false, "X-FJERN"},
				{"2024-10-10", ip, req, true, ""},
				{"2024-11-21", ipP, req, false, "X-FJERN"},
				{"2025-01-02", ipP, req, false, "X-FJERN"},
				{"2025-02-13", ipP, req, false, "X-FJERN"},
				{"2025-03-27", ip, req, true, ""},
				{"2025-06-27", ipPM, opt, false, "X-FJERN+X-BARNDOM"},
				{"2025-09-27", ip, req, true, ""},
				{"2025-12-27", ipPM, opt, false, "X-FJERN+X-BARNDOM"},
			},
		},
		{
			// H-EFTERSKOLE from 9 Dec 2024: 6 Jan, 9 Mar, 9 Jun, 9 Sep, 9 Dec 2025, 9 Mar 2026; the
			// chain (Herning's half-yearly decision) marks 9 Mar, 9 Sep 2025 and 9 Mar 2026, which
			// no exception relaxes. 6 Jan is the first follow-up: in person.
			name: "X-EFTERSKOLE on efterskole", code: "efterskole", start: "2024-12-09", asOf: "2024-12-09", until: "2026-03-09",
			grants: []followup.Grant{{ID: "X-EFTERSKOLE", ApprovedBy: "TL", ApprovedOn: htDate("2024-12-09")}},
			want: []htContent{
				{"2025-01-06", ip, req, false, ""},
				{"2025-03-09", ip, req, true, ""},
				{"2025-06-09", ipP, req, false, "X-EFTERSKOLE"},
				{"2025-09-09", ip, req, true, ""},
				{"2025-12-09", ipP, req, false, "X-EFTERSKOLE"},
				{"2026-03-09", ip, req, true, ""},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-x", tc.code, tc.start, "")
			plain := htPlan(t, followup.Record{Case: "c", Measure: m}, tc.asOf, tc.until)
			relaxed := htPlan(t, followup.Record{Case: "c", Measure: m, Grants: tc.grants}, tc.asOf, tc.until)
			assert.Equal(t, tc.want, htContents(relaxed.Items()))
			// No date moves, no mark changes.
			assert.Equal(t, htRows(plain.Items()), htRows(relaxed.Items()))
			for _, it := range plain.Items() {
				assert.Empty(t, it.Why().Relaxations)
			}
		})
	}
}

func TestExceptionsWhy(t *testing.T) {
	// As in TestExceptionsRelaxExtraItemsOnly: 27 May 2024 is relaxed, 27 Aug 2024 statutory.
	m := htMeasure(t, "m-why", "plejefamilie", "2023-01-31", "")
	g := followup.Grant{ID: "X-BARNDOM", ApprovedBy: "Teamleder Hansen", ApprovedOn: htDate("2023-06-01")}
	p := htPlan(t, followup.Record{Case: "c", Measure: m, Grants: []followup.Grant{g}}, "2023-06-01", "2024-10-31")
	var relaxed, stat followup.Item
	for _, it := range p.Items() {
		switch it.Due.String() {
		case "2024-05-27":
			relaxed = it
		case "2024-08-27":
			stat = it
		}
	}
	require.NotZero(t, relaxed.Due)
	require.NotZero(t, stat.Due)

	ex := relaxed.Why()
	require.Len(t, ex.Relaxations, 1)
	x := ex.Relaxations[0]
	assert.Equal(t, "X-BARNDOM", x.ID)
	assert.Equal(t, "Teamleder Hansen", x.ApprovedBy)
	assert.Equal(t, htDate("2023-06-01"), x.ApprovedOn)
	assert.Equal(t, followup.SourceExceptions, x.Source)
	assert.Contains(t, x.Text(msg.English), "approved by Teamleder Hansen on 2023-06-01")
	// The source is ambiguous ("tre måneders"): the explanation says how it was read.
	e, _ := followup.HerningRules().Exception("X-BARNDOM")
	assert.Contains(t, x.Text(msg.English), "Reading: "+e.Reading.En)
	assert.Contains(t, x.Text(msg.Danish), "Læsning: "+e.Reading.Da)
	assert.Contains(t, x.Text(msg.English), "Child conversation optional")
	assert.Contains(t, x.Text(msg.Danish), "godkendt af Teamleder Hansen den 2023-06-01")
	for _, lang := range []msg.Lang{msg.Danish, msg.English} {
		assert.Contains(t, ex.Text(lang), "[X-BARNDOM]")
		assert.Contains(t, ex.Text(lang), "Teamleder Hansen")
	}
	assert.Contains(t, relaxed.Line(msg.English), "[X-BARNDOM, Teamleder Hansen]")
	// The rule still says why the item is due.
	require.Len(t, ex.Reasons, 1)
	assert.Equal(t, "H-PLEJE", ex.Reasons[0].RuleID)

	// The statutory item names no exception.
	assert.Empty(t, stat.Why().Relaxations)
	assert.NotContains(t, stat.Why().Text(msg.English), "X-BARNDOM")
	assert.NotContains(t, stat.Line(msg.English), "X-BARNDOM")
}

func TestExceptionsErrors(t *testing.T) {
	asOf := htDate("2024-03-01")
	ok := htDate("2024-02-01")
	tests := []struct {
		name, code string
		grants     []followup.Grant
		mention    []string
	}{
		{"unknown exception", "plejefamilie", []followup.Grant{{ID: "X-UKENDT", ApprovedBy: "TL", ApprovedOn: ok}}, []string{`"X-UKENDT"`}},
		{"no approver", "plejefamilie", []followup.Grant{{ID: "X-BARNDOM", ApprovedOn: ok}}, []string{`"X-BARNDOM"`, "not approved"}},
		{"blank approver", "plejefamilie", []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "  ", ApprovedOn: ok}}, []string{`"X-BARNDOM"`, "not approved"}},
		{"no approval date", "plejefamilie", []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "TL"}}, []string{`"X-BARNDOM"`, "not approved"}},
		{"approved after as-of", "plejefamilie", []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "TL", ApprovedOn: htDate("2024-03-02")}}, []string{`"X-BARNDOM"`, "2024-03-02"}},
		{"X-BARNDOM on an institution", "doegninstitution", []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "TL", ApprovedOn: ok}}, []string{`"X-BARNDOM"`, "doegninstitution", "H-INST"}},
		{"X-EFTERSKOLE on a foster family", "plejefamilie", []followup.Grant{{ID: "X-EFTERSKOLE", ApprovedBy: "TL", ApprovedOn: ok}}, []string{`"X-EFTERSKOLE"`, "plejefamilie"}},
		{"X-FJERN on a measure without a rule", "kostskole", []followup.Grant{{ID: "X-FJERN", ApprovedBy: "TL", ApprovedOn: ok}}, []string{`"X-FJERN"`, "kostskole"}},
		// Hedebocenteret and Toften are Herning's own places (domain.md §2).
		{"X-FJERN on a short-term placement", "korttidsanbringelse", []followup.Grant{{ID: "X-FJERN", ApprovedBy: "TL", ApprovedOn: ok}}, []string{`"X-FJERN"`, "korttidsanbringelse", "H-KORT"}},
		{"duplicate grant", "plejefamilie", []followup.Grant{
			{ID: "X-BARNDOM", ApprovedBy: "TL", ApprovedOn: ok},
			{ID: "X-BARNDOM", ApprovedBy: "Other", ApprovedOn: asOf},
		}, []string{`"X-BARNDOM"`, "twice"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-xerr", tc.code, "2024-01-31", "")
			_, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Grants: tc.grants}, followup.Options{AsOf: asOf})
			require.Error(t, err)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.Contains(t, err.Error(), "m-xerr")
			for _, s := range tc.mention {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

// Which exception applies to which catalogue entry, straight from domain.md:
// X-BARNDOM to foster families (H-PLEJE); X-FJERN to placements under H-INST,
// H-PLEJE and H-EGET (not H-KORT); X-EFTERSKOLE to efterskole as support.
func TestExceptionsApplicability(t *testing.T) {
	applies := map[string]map[string]bool{
		"X-BARNDOM":    {"plejefamilie": true, "saerlig-plejefamilie": true, "netvaerkspleje": true},
		"X-FJERN":      {"doegninstitution": true, "opholdssted": true, "sikret-institution": true, "plejefamilie": true, "saerlig-plejefamilie": true, "netvaerkspleje": true, "eget-vaerelse": true},
		"X-EFTERSKOLE": {"efterskole": true},
	}
	for _, iv := range ladder.Default().All() {
		m := htMeasure(t, "m-app", iv.Code, "2024-01-31", "")
		for id, codes := range applies {
			_, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Grants: []followup.Grant{{ID: id, ApprovedBy: "TL", ApprovedOn: htDate("2024-01-31")}}},
				followup.Options{AsOf: htDate("2024-02-01")})
			if codes[iv.Code] {
				assert.NoError(t, err, "%s on %s", id, iv.Code)
			} else {
				assert.ErrorIs(t, err, followup.ErrInput, "%s on %s", id, iv.Code)
			}
		}
	}
}
