package followup_test

// Tests of the v2 rule model (domain.md §2, revised): bindings belong to the
// municipality, one statutory chain carries follow-up and supervision, a
// law change is one more dated set, exceptions are scoped data, rules that
// run out, and one rule for follow-ups held on the same day. Every expected
// date is worked out by hand in the comments.

import (
	"encoding/json"
	"errors"
	"github.com/trappe-dk/trappe/ladder/msg"
	"math"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

var d = ladder.MustParseDate

func v2Measure(t *testing.T, code, start, end string) ladder.Measure {
	t.Helper()
	var e date.Date
	if end != "" {
		e = d(end)
	}
	m, err := ladder.NewMeasure("m-"+code, ladder.MustParseIntervention(code), d(start), e)
	require.NoError(t, err)
	return m
}

// row is what a test asserts of one item.
type row struct {
	due       string
	kind      followup.Kind
	statutory bool
	rules     []string
}

func rowsOf(p followup.Plan) []row {
	var out []row
	for _, it := range p.Items() {
		out = append(out, row{it.Due.String(), it.Kind, it.Statutory, it.Rules()})
	}
	return out
}

func codesOf(l finding.List) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code)
	}
	return out
}

// Herning's set binds the default catalogue's codes as domain.md §1's
// table does; the codes with "—" are bound to nothing.
func TestV2HerningBindings(t *testing.T) {
	want := map[string]string{
		"doegninstitution": "H-INST", "opholdssted": "H-INST", "sikret-institution": "H-INST",
		"korttidsanbringelse": "H-KORT", "doegnophold-familie": "H-FOREB",
		"plejefamilie": "H-PLEJE", "saerlig-plejefamilie": "H-PLEJE", "netvaerkspleje": "H-PLEJE",
		"eget-vaerelse": "H-EGET", "efterskole": "H-EFTERSKOLE", "familiebehandling": "H-FAMCENTER",
		"mst": "H-MST", "kontaktperson": "H-KONTAKT", "privat-kontaktperson": "H-PRIVKONTAKT",
		"aflastning": "H-FOREB", "fft": "H-FOREB", "pmto": "H-FOREB", "praktisk-stoette": "H-FOREB",
	}
	rs := followup.HerningRules()
	// Aftercare (ungestøtte) is bound to nothing: Herning's table is silent
	// on it, so the statutory floor alone applies (BL § 95).
	for _, code := range []string{"ungestoette-plejefamilie", "ungestoette-netvaerkspleje", "ungestoette-institution",
		"ungestoette-udslusning", "ungestoette-kontaktperson", "ungestoette-anden-stoette"} {
		_, known := ladder.Default().Get(code)
		require.True(t, known, code)
		_, bound := rs.RuleFor(code)
		assert.False(t, bound, "%s: Herning's table is silent on aftercare", code)
		require.NotContains(t, want, code)
	}
	for _, iv := range ladder.Default().All() {
		r, ok := rs.RuleFor(iv.Code)
		if w, bound := want[iv.Code]; bound {
			if assert.True(t, ok, iv.Code) {
				assert.Equal(t, w, r.ID, iv.Code)
			}
		} else {
			assert.False(t, ok, "%s: domain.md §1 binds it to no rule", iv.Code)
		}
	}
	assert.Len(t, rs.Bindings(), len(want))
	dec, ok := rs.Decision()
	require.True(t, ok, "Herning's standing decision under BL § 95")
	assert.Equal(t, followup.Months(6), dec.Every)
}

// exampleMunicipality is a second municipality, loaded from JSON: two rules,
// one exception, its own bindings of default codes and a decision under BL
// § 95 of at most 4 months between statutory follow-ups.
const exampleMunicipality = `{
  "name": "Eksempel Kommune — opfølgning",
  "layer": "municipal",
  "effective": "2024-01-01",
  "source": "Eksempel Kommunes praksis (testdata)",
  "rules": [
    {"id": "E-ANBR", "name": {"da": "Anbringelse", "en": "Placement"}, "source": "praksis s. 1",
     "fixed": [{"at": "P1M", "kind": "followup", "content": {"childConversation": "required", "modes": ["in-person"]}}],
     "recurring": [{"every": "P2M", "kind": "followup", "cycle": [{"childConversation": "required", "modes": ["in-person"]}]}]},
    {"id": "E-STOTTE", "name": {"da": "Støtte", "en": "Support"}, "source": "praksis s. 2",
     "fixed": [{"at": "P6W", "kind": "followup", "content": {"childConversation": "required", "modes": ["in-person"]}}],
     "recurring": [{"every": "P3M", "kind": "followup", "cycle": [{"childConversation": "required", "modes": ["in-person"]}]}]}
  ],
  "exceptions": [
    {"id": "X-TELEFON", "name": {"da": "Telefon", "en": "Phone"}, "when": {"da": "Efter aftale", "en": "By agreement"},
     "source": "praksis s. 3", "relaxes": "extra", "scope": [{"rule": "E-ANBR", "recurring": [0]}], "addModes": ["phone"]}
  ],
  "bindings": [
    {"code": "plejefamilie", "rule": "E-ANBR"}, {"code": "doegninstitution", "rule": "E-ANBR"},
    {"code": "familiebehandling", "rule": "E-STOTTE"}
  ],
  "decision": {"decidedOn": "2024-01-01", "every": "P4M", "source": "Eksempel Kommunes beslutning efter BL § 95, stk. 3"}
}`

func exampleRegime(t *testing.T) *followup.Regime {
	t.Helper()
	var rs followup.RuleSet
	require.NoError(t, json.Unmarshal([]byte(exampleMunicipality), &rs))
	reg, err := followup.NewRegime(&rs, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	return reg
}

func TestV2SecondMunicipalityFromJSON(t *testing.T) {
	reg := exampleRegime(t)
	grant := followup.Grant{ID: "X-TELEFON", ApprovedBy: "Teamleder A", ApprovedOn: d("2025-01-31")}
	p, err := reg.Schedule(followup.Record{Case: "c1", Measure: v2Measure(t, "plejefamilie", "2025-01-31", ""), Grants: []followup.Grant{grant}},
		followup.Options{AsOf: d("2025-12-01")})
	require.NoError(t, err)
	// E-ANBR: +1 month from 31 Jan 2025 clamps to 28 Feb (2025 is no leap
	// year); then every 2 months from the previous: 28 Apr, 28 Jun, 28 Aug,
	// 28 Oct, 28 Dec. The chain under Barnets Lov: the first deadline is 3
	// months after the start, 30 April (clamped), before the visits' 6
	// months (31 July); the latest item on or before it is 28 April. Then
	// the municipality's decision, 4 months: 28 Aug (visits: 28 Oct), and
	// 28 Aug is itself on the deadline; then 28 Dec.
	want := []row{
		{"2025-02-28", followup.FollowUp, false, []string{"E-ANBR"}},
		{"2025-04-28", followup.FollowUp, true, []string{"E-ANBR", "BL-95", "BL-156"}},
		{"2025-06-28", followup.FollowUp, false, []string{"E-ANBR"}},
		{"2025-08-28", followup.FollowUp, true, []string{"E-ANBR", "BL-95", "BL-156"}},
		{"2025-10-28", followup.FollowUp, false, []string{"E-ANBR"}},
		{"2025-12-28", followup.FollowUp, true, []string{"E-ANBR", "BL-95", "BL-156"}},
	}
	got := rowsOf(p)
	require.GreaterOrEqual(t, len(got), len(want))
	assert.Equal(t, want, got[:len(want)])
	items := p.Items()
	// 28 June 2025 is a Saturday: the working day is Friday 27 June.
	assert.Equal(t, d("2025-06-27"), items[2].WorkingDay)
	// The exception relaxes the phase's extra items only: not the first
	// follow-up (28 Feb, a fixed item), not the statutory ones.
	inPerson := followup.ModesOf(followup.InPerson)
	withPhone := followup.ModesOf(followup.InPerson, followup.Phone)
	for i, want := range []followup.Modes{inPerson, inPerson, withPhone, inPerson, withPhone, inPerson} {
		assert.Equal(t, want, items[i].Modes, items[i].Due.String())
	}
	rel := items[2].Why().Relaxations
	require.Len(t, rel, 1)
	assert.Equal(t, "Teamleder A", rel[0].ApprovedBy)
	// The statutory deadline after the first comes from the municipality's
	// decision, and the explanation says so.
	assert.Contains(t, items[3].Why().Text(msg.English), "the municipality's decision under BL § 95, stk. 3")
	assert.Empty(t, p.Findings())

	// mst is bound to nothing here: the law's floor alone, and since the
	// decision covers only bound measures, the chain stops after the first
	// follow-up with the finding that a decision is missing. Start Monday
	// 10 March 2025 + 3 months = Tuesday 10 June.
	p, err = reg.Schedule(followup.Record{Case: "c2", Measure: v2Measure(t, "mst", "2025-03-10", "")}, followup.Options{AsOf: d("2025-12-01")})
	require.NoError(t, err)
	assert.Equal(t, []row{{"2025-06-10", followup.FollowUp, true, []string{"BL-95"}}}, rowsOf(p))
	assert.Equal(t, []string{"followup.bl.no-decision", "followup.statutory-only"}, codesOf(p.Findings()))
	assert.Contains(t, p.Findings()[1].Text(msg.English), `binds mst (Multisystemic therapy) to no rule`)

	// The catalogue is untouched: Herning still binds mst to H-MST.
	r, ok := followup.HerningRules().RuleFor("mst")
	require.True(t, ok)
	assert.Equal(t, "H-MST", r.ID)
	// X-TELEFON does not apply to familiebehandling (E-STOTTE).
	_, err = reg.Schedule(followup.Record{Case: "c3", Measure: v2Measure(t, "familiebehandling", "2025-03-10", ""),
		Grants: []followup.Grant{{ID: "X-TELEFON", ApprovedBy: "A", ApprovedOn: d("2025-03-10")}}}, followup.Options{AsOf: d("2025-12-01")})
	assert.ErrorIs(t, err, followup.ErrInput)
	assert.ErrorContains(t, err, `exception "X-TELEFON" does not apply to intervention "familiebehandling" (rule E-STOTTE; it applies to E-ANBR)`)
}

// A measure that straddles 1 January 2024 keeps one unbroken chain: the
// last statutory follow-up under Serviceloven anchors the first deadline
// under Barnets Lov, which Herning's decision sets at 6 months.
func TestV2StraddlesBarnetsLov(t *testing.T) {
	p, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "doegninstitution", "2023-09-01", "")},
		followup.Options{AsOf: d("2024-06-01")})
	require.NoError(t, err)
	// H-INST from Friday 1 Sep 2023: +2 weeks = 15 Sep; every 6 weeks (42
	// days): 27 Oct, 8 Dec, 19 Jan 2024, 1 Mar, 12 Apr, 24 May, 5 Jul, 16
	// Aug, 27 Sep, 8 Nov, 20 Dec, 31 Jan 2025, 14 Mar, 25 Apr.
	// Chain: SEL § 70's first deadline 1 Dec 2023 (visits: 1 Mar 2024); the
	// latest item on or before it is 27 Oct (SEL-70 + SEL-148). From there
	// SEL's 6 months reach 27 Apr 2024, after Barnets Lov took effect, so
	// Barnets Lov decides: no interval in the law, Herning's decision 6
	// months → 27 Apr 2024 (visits the same) → 12 Apr. Then 12 Oct → 27
	// Sep; then 27 Mar 2025 → 14 Mar 2025.
	statutory := map[string][]string{
		"2023-10-27": {"H-INST", "SEL-70", "SEL-148"},
		"2024-04-12": {"H-INST", "BL-95", "BL-156"},
		"2024-09-27": {"H-INST", "BL-95", "BL-156"},
		"2025-03-14": {"H-INST", "BL-95", "BL-156"},
	}
	dues := []string{"2023-09-15", "2023-10-27", "2023-12-08", "2024-01-19", "2024-03-01", "2024-04-12", "2024-05-24",
		"2024-07-05", "2024-08-16", "2024-09-27", "2024-11-08", "2024-12-20", "2025-01-31", "2025-03-14", "2025-04-25"}
	got := rowsOf(p)
	require.Len(t, got, len(dues))
	for i, due := range dues {
		assert.Equal(t, due, got[i].due)
		if r, ok := statutory[due]; ok {
			assert.True(t, got[i].statutory, due)
			assert.Equal(t, r, got[i].rules, due)
		} else {
			assert.False(t, got[i].statutory, due)
			assert.Equal(t, []string{"H-INST"}, got[i].rules, due)
		}
	}
	why := p.At(5).Why().Text(msg.English)
	assert.Contains(t, why, "Barnets Lov")
	assert.Contains(t, why, "statutory follow-up at least every 6 months")
}

// amended is a hypothetical amendment of Barnets Lov from 1 January 2027:
// statutory follow-ups at most 4 months apart. Barnets Lov of 2024 ends the
// day before. Nothing but data changes.
func amended(t *testing.T) (*followup.RuleSet, *followup.RuleSet) {
	t.Helper()
	bl := followup.BarnetsLov().Spec()
	bl.Until = d("2026-12-31")
	bl24, err := followup.NewRuleSet(bl)
	require.NoError(t, err)
	a := followup.BarnetsLov().Spec()
	a.Name, a.Effective, a.Source = "Barnets Lov, ændret 2027 (hypotetisk)", d("2027-01-01"), "test: hypothetical amendment"
	a.Statutory.FollowUp.ID, a.Statutory.FollowUp.Then = "BL27-95", followup.Months(4)
	a.Statutory.Visits.ID = "BL27-156"
	bl27, err := followup.NewRuleSet(a)
	require.NoError(t, err)
	return bl24, bl27
}

func TestV2AmendmentIsData(t *testing.T) {
	bl24, bl27 := amended(t)
	reg, err := followup.NewRegime(followup.HerningRules(), followup.ServiceLoven(), bl24, bl27)
	require.NoError(t, err)
	p, err := reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "doegninstitution", "2026-06-01", "")},
		followup.Options{AsOf: d("2026-06-01"), Until: d("2027-10-01")})
	require.NoError(t, err)
	// H-INST from Monday 1 June 2026: +2 weeks 15 Jun; every 42 days: 27
	// Jul, 7 Sep, 19 Oct, 30 Nov, 11 Jan 2027, 22 Feb, 5 Apr, 17 May, 28
	// Jun, 9 Aug, 20 Sep.
	// Chain: first deadline 1 Sep 2026 → 27 Jul (BL-95 + BL-156). From 27
	// Jul Herning's 6 months reach 27 Jan 2027, after the amendment took
	// effect, so the amendment decides: 4 months from 27 Jul is 27 Nov
	// 2026, before it took effect, so the deadline is its first day, 1 Jan
	// 2027 → 30 Nov 2026 (which, due under Barnets Lov of 2024, cites it).
	// From 30 Nov: 6 months (Herning) reach 30 May 2027, so the amendment
	// decides: 4 months → 30 Mar 2027 (visits 30 May) → 22 Feb 2027, now
	// citing the amendment. Then 22 Jun → 17 May; then 17 Sep → 9 Aug.
	statutory := map[string][]string{
		"2026-07-27": {"H-INST", "BL-95", "BL-156"},
		"2026-11-30": {"H-INST", "BL-95", "BL-156"},
		"2027-02-22": {"H-INST", "BL27-95", "BL27-156"},
		"2027-05-17": {"H-INST", "BL27-95", "BL27-156"},
		"2027-08-09": {"H-INST", "BL27-95", "BL27-156"},
	}
	dues := []string{"2026-06-15", "2026-07-27", "2026-09-07", "2026-10-19", "2026-11-30", "2027-01-11", "2027-02-22",
		"2027-04-05", "2027-05-17", "2027-06-28", "2027-08-09", "2027-09-20"}
	got := rowsOf(p)
	require.Len(t, got, len(dues))
	for i, due := range dues {
		assert.Equal(t, due, got[i].due)
		r, ok := statutory[due]
		assert.Equal(t, ok, got[i].statutory, due)
		if ok {
			assert.Equal(t, r, got[i].rules, due)
		}
	}
	why := p.At(4).Why().Text(msg.English)
	assert.Contains(t, why, "so Barnets Lov, ændret 2027 (hypotetisk) decides it")
	assert.Contains(t, why, "it is the day it took effect, 2027-01-01")
}

// Where the law in force gives no deadline (Barnets Lov, no decision), the
// chain looks ahead to the next law.
func TestV2ChainLooksAheadToNextLaw(t *testing.T) {
	bl24, bl27 := amended(t)
	reg, err := followup.NewRegime(nil, followup.ServiceLoven(), bl24, bl27)
	require.NoError(t, err)
	p, err := reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "aflastning", "2026-03-02", "")},
		followup.Options{AsOf: d("2026-03-02"), Until: d("2027-09-30")})
	require.NoError(t, err)
	// Law alone. Monday 2 Mar 2026 + 3 months = Tuesday 2 Jun 2026. Barnets
	// Lov of 2024 then sets no interval and nothing is decided, so the
	// amendment decides: 4 months from 2 Jun is 2 Oct 2026, before it took
	// effect, so 1 Jan 2027 (a holiday: working day Thursday 31 Dec 2026).
	// Then 1 May 2027 (a Saturday: working day Friday 30 Apr), 1 Sep 2027.
	want := []row{
		{"2026-06-02", followup.FollowUp, true, []string{"BL-95"}},
		{"2027-01-01", followup.FollowUp, true, []string{"BL27-95"}},
		{"2027-05-01", followup.FollowUp, true, []string{"BL27-95"}},
		{"2027-09-01", followup.FollowUp, true, []string{"BL27-95"}},
	}
	assert.Equal(t, want, rowsOf(p))
	assert.Equal(t, d("2026-12-31"), p.At(1).WorkingDay)
	assert.Equal(t, d("2027-04-30"), p.At(2).WorkingDay)
	assert.Equal(t, []string{"followup.bl.no-decision", "followup.statutory-only"}, codesOf(p.Findings()))
}

// Exceptions relax only what their scope names, never a statutory item and
// never the rule's first follow-up.
func TestV2ExceptionScopes(t *testing.T) {
	reg := followup.Herning()
	grant := func(id, on string) []followup.Grant {
		return []followup.Grant{{ID: id, ApprovedBy: "Teamleder B", ApprovedOn: d(on)}}
	}
	// X-BARNDOM: H-PLEJE from Wednesday 31 Jan 2024: +2 weeks 14 Feb; six
	// weekly while the previous follow-up lies before 31 Jan 2025: 27 Mar,
	// 8 May, 19 Jun, 31 Jul, 11 Sep, 23 Oct, 4 Dec, 15 Jan 2025, 26 Feb;
	// then three-monthly: 26 May, 26 Aug, 26 Nov, 26 Feb 2026.
	// Chain: 30 Apr 2024 → 27 Mar; 27 Sep → 11 Sep; 11 Mar 2025 → 26 Feb;
	// 26 Aug → 26 Aug; 26 Feb 2026 → 26 Feb.
	p, err := reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "plejefamilie", "2024-01-31", ""), Grants: grant("X-BARNDOM", "2024-01-31")},
		followup.Options{AsOf: d("2025-03-01")})
	require.NoError(t, err)
	relaxed := map[string]bool{"2025-05-26": true, "2025-11-26": true}
	for _, it := range p.Items() {
		if relaxed[it.Due.String()] {
			assert.Equal(t, followup.ModesOf(followup.InPerson, followup.Phone, followup.Mail), it.Modes, it.Due.String())
			assert.Equal(t, followup.Optional, it.ChildConversation, it.Due.String())
			rel := it.Why().Relaxations
			require.Len(t, rel, 1)
			assert.Contains(t, rel[0].Text(msg.English), "only the three-monthly follow-ups after the first year")
			continue
		}
		// The first year's six-weekly follow-ups and every statutory one.
		assert.Equal(t, followup.ModesOf(followup.InPerson), it.Modes, it.Due.String())
		assert.Equal(t, followup.Required, it.ChildConversation, it.Due.String())
		assert.Empty(t, it.Why().Relaxations, it.Due.String())
	}
	assert.Equal(t, 14, p.Len())

	// X-FJERN under Barnets Lov: Herning's half-yearly items stay in person
	// (the complaint that opened the v2 issue); the first stays as it is.
	// H-INST from Monday 6 Jan 2025: 20 Jan; 3 Mar, 14 Apr, 26 May, 7 Jul,
	// 18 Aug, 29 Sep, 10 Nov, 22 Dec. Chain: 6 Apr → 3 Mar; 3 Sep → 18 Aug.
	p, err = reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "opholdssted", "2025-01-06", ""), Grants: grant("X-FJERN", "2025-01-06")},
		followup.Options{AsOf: d("2025-01-06")})
	require.NoError(t, err)
	for _, it := range p.Items() {
		switch it.Due.String() {
		case "2025-01-20", "2025-03-03", "2025-08-18":
			assert.Equal(t, followup.ModesOf(followup.InPerson), it.Modes, it.Due.String())
		default:
			assert.False(t, it.Statutory, it.Due.String())
			assert.Equal(t, followup.ModesOf(followup.InPerson, followup.Phone), it.Modes, it.Due.String())
			assert.Equal(t, followup.Required, it.ChildConversation, "X-FJERN: the conversation is still held, by phone")
		}
	}
	// Not H-KORT: Hedebocenteret and Toften are Herning's own places.
	_, err = reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "korttidsanbringelse", "2025-01-06", ""), Grants: grant("X-FJERN", "2025-01-06")},
		followup.Options{AsOf: d("2025-01-06")})
	assert.ErrorContains(t, err, `exception "X-FJERN" does not apply to intervention "korttidsanbringelse" (rule H-KORT; it applies to H-INST, H-PLEJE, H-EGET)`)
}

func TestV2ExceptionScopeLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		scope followup.Scope
		code  string
	}{
		{"the rule's first follow-up", followup.Scope{Rule: "H-INST", Fixed: []int{0}}, "ruleset.exception.first-follow-up"},
		{"a phase that starts with the first follow-up", followup.Scope{Rule: "H-KORT", Recurring: []int{0}}, "ruleset.exception.first-follow-up"},
		{"a fixed item that does not exist", followup.Scope{Rule: "H-INST", Fixed: []int{3}}, "ruleset.exception.scope-index"},
		{"a phase that does not exist", followup.Scope{Rule: "H-PLEJE", Recurring: []int{2}}, "ruleset.exception.scope-index"},
		{"a status report", followup.Scope{Rule: "H-FAMCENTER", Fixed: []int{3}}, "ruleset.exception.scope-not-meeting"},
		{"nothing", followup.Scope{Rule: "H-INST"}, "ruleset.exception.scope-empty"},
		{"an unknown rule", followup.Scope{Rule: "H-UKENDT", Recurring: []int{0}}, "ruleset.rule.unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := followup.HerningRules().Spec()
			spec.Exceptions[1].Scope = []followup.Scope{tc.scope}
			_, err := followup.NewRuleSet(spec)
			var le *finding.ListError
			require.True(t, errors.As(err, &le), "%v", err)
			assert.Equal(t, []string{tc.code}, codesOf(le.Findings))
		})
	}
	// An exception that would relax the statutory follow-ups.
	spec := followup.HerningRules().Spec()
	spec.Exceptions[0].Relaxes = "statutory"
	_, err := followup.NewRuleSet(spec)
	assert.ErrorContains(t, err, "ruleset.statutory.relaxed")
	// Bindings: a malformed code, a code bound twice, an unknown rule.
	spec = followup.HerningRules().Spec()
	spec.Bindings = append(spec.Bindings, followup.Binding{Code: "Mst", Rule: "H-MST"}, followup.Binding{Code: "mst", Rule: "H-INST"},
		followup.Binding{Code: "acme", Rule: "H-NONE"})
	_, err = followup.NewRuleSet(spec)
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, []string{"ruleset.binding.code", "ruleset.binding.duplicate", "ruleset.rule.unknown"}, codesOf(le.Findings))
}

// Rules that run out: MST's course ends at +5 months, the family centre's
// status report comes at +8 months. An open measure past that gets the
// warning, and the chain goes on with statutory-only follow-ups.
func TestV2RuleThatRunsOut(t *testing.T) {
	reg := followup.Herning()
	// H-MST from Wednesday 31 Jan 2024: +4 weeks 28 Feb, +8 weeks 27 Mar,
	// +3 months 30 Apr (clamped), course end +5 months 30 Jun (clamped; a
	// Sunday, working day Friday 28 Jun). Chain: 30 Apr is on the first
	// deadline; Herning's 6 months → 30 Oct; then 30 Apr 2025, statutory
	// only.
	p, err := reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "mst", "2024-01-31", "")}, followup.Options{AsOf: d("2025-03-01")})
	require.NoError(t, err)
	want := []row{
		{"2024-02-28", followup.FollowUp, false, []string{"H-MST"}},
		{"2024-03-27", followup.FollowUp, false, []string{"H-MST"}},
		{"2024-04-30", followup.FollowUp, true, []string{"H-MST", "BL-95"}},
		{"2024-06-30", followup.CourseEnd, false, []string{"H-MST"}},
		{"2024-10-30", followup.FollowUp, true, []string{"BL-95"}},
		{"2025-04-30", followup.FollowUp, true, []string{"BL-95"}},
		{"2025-10-30", followup.FollowUp, true, []string{"BL-95"}},
	}
	assert.Equal(t, want, rowsOf(p))
	assert.Equal(t, d("2024-06-28"), p.At(3).WorkingDay)
	require.Equal(t, []string{"followup.rule.ended"}, codesOf(p.Findings()))
	assert.Equal(t, finding.Warning, p.Findings()[0].Severity)
	assert.Contains(t, p.Findings()[0].Text(msg.English), "Rule H-MST ends with its last item on 2024-06-30")

	// Ended with the course: no rule.ended warning, nothing after the end;
	// the three follow-ups never held are missed (the measure has ended, so
	// they can no longer be held), the statutory one an error.
	p, err = reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "mst", "2024-01-31", "2024-06-30")}, followup.Options{AsOf: d("2025-03-01")})
	require.NoError(t, err)
	assert.Equal(t, want[:4], rowsOf(p))
	assert.Equal(t, []string{"followup.item.missed", "followup.item.missed", "followup.item.missed"}, codesOf(p.Findings()))
	assert.Equal(t, finding.Error, p.Findings()[2].Severity, "30 Apr 2024 was statutory")
	for i, st := range []followup.Status{followup.Missed, followup.Missed, followup.Missed, followup.Done} {
		assert.Equal(t, st, p.At(i).Status, p.At(i).Due.String())
	}
	_, ok := p.NextDue()
	assert.False(t, ok, "nothing of an ended measure is actionable")
	c := p.Compliance()
	assert.Equal(t, 3, c.Missed)
	assert.Equal(t, 0, c.Overdue)
	assert.Equal(t, 1, c.StatutoryMissed)

	// H-FAMCENTER from Monday 4 Mar 2024: +4 weeks 1 Apr, +3 months 4 Jun,
	// +6 months 4 Sep, report +8 months 4 Nov. Chain: 4 Jun is on the first
	// deadline; 4 Dec → 4 Sep (the report is no meeting); 4 Mar 2025 has
	// no planned follow-up: statutory only.
	p, err = reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "familiebehandling", "2024-03-04", "")}, followup.Options{AsOf: d("2025-01-15"), Until: d("2025-03-31")})
	require.NoError(t, err)
	assert.Equal(t, []row{
		{"2024-04-01", followup.FollowUp, false, []string{"H-FAMCENTER"}},
		{"2024-06-04", followup.FollowUp, true, []string{"H-FAMCENTER", "BL-95"}},
		{"2024-09-04", followup.FollowUp, true, []string{"H-FAMCENTER", "BL-95"}},
		{"2024-11-04", followup.StatusReport, false, []string{"H-FAMCENTER"}},
		{"2025-03-04", followup.FollowUp, true, []string{"BL-95"}},
	}, rowsOf(p))
	assert.Equal(t, []string{"followup.rule.ended"}, codesOf(p.Findings()))
}

// One rule for follow-ups held on the same day, on every path: the second
// is an extra follow-up that satisfies nothing.
func TestV2SameDayHeldFollowUps(t *testing.T) {
	twice := []followup.Held{{On: d("2025-03-20"), ChildConversation: true}, {On: d("2025-03-20"), ChildConversation: true}}
	// Municipal path: H-INST from Monday 3 Mar 2025: +2 weeks 17 Mar, held
	// late on 20 Mar; the next is 6 weeks after the day held, 1 May. The
	// second follow-up of 20 Mar does not satisfy it.
	p, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "doegninstitution", "2025-03-03", ""), Held: twice},
		followup.Options{AsOf: d("2025-05-15")})
	require.NoError(t, err)
	assert.Equal(t, d("2025-03-20"), p.At(0).HeldOn)
	assert.Equal(t, d("2025-05-01"), p.At(1).Due)
	assert.Equal(t, followup.Overdue, p.At(1).Status)
	assert.Equal(t, 1, p.Compliance().Extra)

	// Statutory-only path (the law alone): aflastning from 3 Mar 2025; the
	// first window [3 Mar, 3 Jun] holds the follow-up of 20 Mar, which is
	// the statutory item; the second of that day is extra.
	law, err := followup.NewRegime(nil, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	p, err = law.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "aflastning", "2025-03-03", ""), Held: twice},
		followup.Options{AsOf: d("2025-05-15")})
	require.NoError(t, err)
	require.Equal(t, 1, p.Len())
	assert.Equal(t, d("2025-03-20"), p.At(0).Due)
	assert.Equal(t, followup.Done, p.At(0).Status)
	assert.Equal(t, 1, p.Compliance().Extra)
}

// Hostile input: no regime, a regime that does not cover the dates, dates
// outside the accepted range, and walks without bound.
func TestV2HostileInput(t *testing.T) {
	m := v2Measure(t, "plejefamilie", "2025-01-06", "")
	rec := followup.Record{Case: "c", Measure: m}
	opt := followup.Options{AsOf: d("2025-06-01")}

	var nilReg *followup.Regime
	_, err := nilReg.Schedule(rec, opt)
	assert.ErrorIs(t, err, followup.ErrInput)
	assert.ErrorContains(t, err, "nil regime")
	assert.Nil(t, nilReg.Municipal())
	assert.Nil(t, nilReg.StatutorySets())
	assert.Nil(t, nilReg.StatutoryAt(d("2025-01-01")))
	_, err = (&followup.Regime{}).Schedule(rec, opt)
	assert.ErrorContains(t, err, "the regime has no statutory rule set (a zero Regime)")

	// Serviceloven alone ends on 31 Dec 2023: a 2025 placement is refused,
	// not scheduled with no statutory item.
	sel, err := followup.NewRegime(followup.HerningRules(), followup.ServiceLoven())
	require.NoError(t, err)
	_, err = sel.Schedule(rec, opt)
	assert.ErrorContains(t, err, `after the last statutory rule set "Serviceloven — opfølgning (SEL § 70, § 148)" ends on 2023-12-31`)
	// A gap between two laws is refused when the regime is built.
	bl := followup.BarnetsLov().Spec()
	bl.Effective = d("2024-02-01")
	late, err := followup.NewRuleSet(bl)
	require.NoError(t, err)
	_, err = followup.NewRegime(nil, followup.ServiceLoven(), late)
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, []string{"regime.statutory.gap"}, codesOf(le.Findings))
	assert.Contains(t, le.Findings[0].Text(msg.English), "from 2024-01-01 to 2024-01-31")
	// Before the first law the regime knows.
	_, err = followup.Herning().Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "plejefamilie", "2010-06-01", "")}, opt)
	assert.ErrorContains(t, err, "2010-06-01 is before the first statutory rule set")

	for _, tc := range []struct {
		name string
		opt  followup.Options
		rec  followup.Record
		want string
	}{
		{"zero as-of", followup.Options{}, rec, "as-of date 0001-01-01 is outside 1900-01-01…2199-12-31"},
		{"as-of far away", followup.Options{AsOf: date.New(9999, 12, 31)}, rec, "as-of date 9999-12-31 is outside"},
		{"walk over 40 years", followup.Options{AsOf: d("2052-01-01")},
			followup.Record{Case: "c", Measure: v2Measure(t, "plejefamilie", "2011-01-01", "")}, "more than 40 years (MaxWalkMonths)"},
		{"held on the zero date", opt, followup.Record{Case: "c", Measure: m, Held: []followup.Held{{}}}, "held[0] 0001-01-01 is outside"},
		{"decision far away", opt, followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{DecidedOn: date.New(2400, 1, 1), Every: followup.Months(3)}}, "decidedOn 2400-01-01 is outside"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := followup.Herning().Schedule(tc.rec, tc.opt)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.ErrorContains(t, err, tc.want)
		})
	}
	// A start at the far end of date.Date returns at once with an error.
	if far, err := ladder.NewMeasure("far", ladder.MustParseIntervention("plejefamilie"), date.Date(math.MinInt64+1), 0); err == nil {
		_, err = followup.Herning().Schedule(followup.Record{Case: "c", Measure: far}, opt)
		assert.ErrorContains(t, err, "start")
	}
	// A vendor rule every day for 40 years would exceed MaxPlanItems.
	spec := followup.HerningRules().Spec()
	spec.Rules[0].Recurring[0].Every = followup.MustParseSpan("P1D")
	daily, err := followup.NewRuleSet(spec)
	require.NoError(t, err)
	reg, err := followup.NewRegime(daily, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	_, err = reg.Schedule(followup.Record{Case: "c", Measure: v2Measure(t, "doegninstitution", "2011-01-03", "")}, followup.Options{AsOf: d("2045-01-01")})
	assert.ErrorContains(t, err, "more than 10000 items (MaxPlanItems)")
}

// Intake rows are data in the rule sets: the law's travel with its
// statutory set, Herning's network map with Herning's set.
func TestV2IntakeIsData(t *testing.T) {
	a := followup.Assessment{Case: "c", Learned: d("2024-01-31")}
	// 31 Jan 2024 + 4 months = 31 May 2024 (Friday).
	items, err := followup.Herning().AssessmentDeadlines(a, d("2024-02-01"), nil)
	require.NoError(t, err)
	assert.Equal(t, d("2024-05-31"), items[0].Due)
	assert.Equal(t, []string{"BL-20", "H-NETVAERKSKORT"}, items[0].Rules())
	assert.Contains(t, items[0].Why().Text(msg.Danish), "senest 4 måneder efter")

	law, err := followup.NewRegime(nil, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	items, err = law.AssessmentDeadlines(a, d("2024-02-01"), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"BL-20"}, items[0].Rules(), "the network map is Herning's, not the law's")

	// An amended law that shortened the assessment to 3 months would be
	// one changed row of data.
	bl := followup.BarnetsLov().Spec()
	for i := range bl.Statutory.Intake {
		if bl.Statutory.Intake[i].Kind == followup.ChildAssessment {
			bl.Statutory.Intake[i].Within = followup.Months(3)
		}
	}
	bl3, err := followup.NewRuleSet(bl)
	require.NoError(t, err)
	reg3, err := followup.NewRegime(nil, followup.ServiceLoven(), bl3)
	require.NoError(t, err)
	items, err = reg3.AssessmentDeadlines(a, d("2024-02-01"), nil)
	require.NoError(t, err)
	// 31 Jan + 3 months clamps to 30 April 2024; the text says 3 months.
	assert.Equal(t, d("2024-04-30"), items[0].Due)
	assert.Contains(t, items[0].Why().Text(msg.English), "at the latest 3 months later")

	// Which plan row applies is chosen by the facts on the rows.
	it, ok, err := followup.Herning().ChildsPlanDeadline(followup.PlanDecision{Case: "c", Decided: d("2024-03-15"), Basis: ladder.BasisPlacement, WithoutConsent: true}, d("2024-03-01"), nil)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, d("2024-03-14"), it.Due, "before the decision: the day before")
	_, ok, err = followup.Herning().ChildsPlanDeadline(followup.PlanDecision{Case: "c", Decided: d("2024-03-15"), Basis: ladder.BasisSupport}, d("2024-03-01"), nil)
	require.NoError(t, err)
	assert.False(t, ok, "§ 32 support with no plan chosen: no row fits, no plan owed")

	// A malformed intake row is refused with the rule set.
	ms := followup.HerningRules().Spec()
	ms.Intake[0].Requirement = false
	_, err = followup.NewRuleSet(ms)
	assert.ErrorContains(t, err, "ruleset.intake.deadline")
}

// A statutory window opens on the day its anchor was held: an item due
// before that day is never the window's statutory follow-up (the chain
// never runs backwards).
func TestV2WindowOpensWhereItsAnchorWasHeld(t *testing.T) {
	rec := followup.Record{Case: "c", Measure: v2Measure(t, "familiebehandling", "2024-03-19", ""), Held: []followup.Held{
		{On: d("2024-09-15"), ChildConversation: true}, {On: d("2025-03-17"), ChildConversation: true}}}
	p, err := followup.Herning().Schedule(rec, followup.Options{AsOf: d("2025-06-02")})
	require.NoError(t, err)
	// H-FAMCENTER from Tuesday 19 Mar 2024: +4 weeks 16 Apr (held late on
	// 15 Sep), +3 months 19 Jun (held on 17 Mar 2025), +6 months 19 Sep,
	// report +8 months 19 Nov. The first deadline, 19 Jun 2024, marks 19 Jun;
	// it was held on 17 Mar 2025, so Herning's 6 months run to 17 Sep 2025.
	// No follow-up of the rule falls after 17 Mar 2025 (19 Sep 2024 lies
	// before the window opened), so the law adds 17 Sep 2025 and then 17
	// Mar 2026.
	assert.Equal(t, []row{
		{"2024-04-16", followup.FollowUp, false, []string{"H-FAMCENTER"}},
		{"2024-06-19", followup.FollowUp, true, []string{"H-FAMCENTER", "BL-95"}},
		{"2024-09-19", followup.FollowUp, false, []string{"H-FAMCENTER"}},
		{"2024-11-19", followup.StatusReport, false, []string{"H-FAMCENTER"}},
		{"2025-09-17", followup.FollowUp, true, []string{"BL-95"}},
		{"2026-03-17", followup.FollowUp, true, []string{"BL-95"}},
	}, rowsOf(p))
	next, ok, err := followup.Herning().NextDue(rec, followup.Options{AsOf: d("2025-06-02")})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, followup.Next{Due: d("2024-09-19"), WorkingDay: d("2024-09-19"), Kind: followup.FollowUp, Status: followup.Overdue}, next)
}
