package followup_test

// Tests of the statutory floor: SEL § 70 (3 months, then at most 6 months
// apart, until 31 Dec 2023), BL § 95 (first within 3 months or at the end of
// an assessment run alongside; then the municipality's decision), the
// supervision visits of placements (SEL § 148 / BL § 156 stk. 5: every 6
// months), and bad scheduler input. Expected values are derived by hand; see
// the holiday list at the top of herning_test.go.

import (
	"errors"
	"github.com/trappe-dk/trappe/ladder/msg"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func TestStatutoryShippedSets(t *testing.T) {
	sel, ok := followup.ServiceLoven().Statutory()
	require.True(t, ok)
	assert.Equal(t, "SEL-70", sel.FollowUp.ID)
	assert.Equal(t, followup.Months(3), sel.FollowUp.First)
	assert.Equal(t, followup.Months(6), sel.FollowUp.Then)
	assert.False(t, sel.FollowUp.FirstByAssessmentEnd)
	require.NotNil(t, sel.Visits)
	assert.Equal(t, "SEL-148", sel.Visits.ID)
	assert.Equal(t, 2, sel.Visits.PerYear)
	assert.Equal(t, followup.Months(6), sel.Visits.Every)
	assert.False(t, sel.PhoneChildConversation)

	bl, ok := followup.BarnetsLov().Statutory()
	require.True(t, ok)
	assert.Equal(t, "BL-95", bl.FollowUp.ID)
	assert.Equal(t, followup.Months(3), bl.FollowUp.First)
	assert.True(t, bl.FollowUp.Then.IsZero(), "BL sets no interval after the first follow-up")
	assert.True(t, bl.FollowUp.FirstByAssessmentEnd)
	require.NotNil(t, bl.Visits)
	assert.Equal(t, "BL-156", bl.Visits.ID)
	assert.Equal(t, 2, bl.Visits.PerYear)
	assert.False(t, bl.PhoneChildConversation)

	_, ok = followup.HerningRules().Statutory()
	assert.False(t, ok)

	r := followup.Herning()
	assert.Equal(t, followup.ServiceLoven(), r.StatutoryAt(htDate("2023-12-31")))
	assert.Equal(t, followup.BarnetsLov(), r.StatutoryAt(htDate("2024-01-01")))
	assert.Equal(t, followup.BarnetsLov(), r.StatutoryAt(htDate("2030-06-01")))
	assert.Equal(t, htDate("2024-01-01"), followup.BarnetsLovEffective)
	assert.Equal(t, followup.HerningRules(), r.Municipal())
}

// 6(a): a preventive measure under SEL, followed across 1 January 2024.
func TestStatutorySELChainPreventive(t *testing.T) {
	m := htMeasure(t, "m-afl", "aflastning", "2022-03-15", "")

	t.Run("due dates", func(t *testing.T) {
		// H-FOREB from Tue 15 Mar 2022: +4W = 12 Apr; +3M = Wed 15 Jun (12 Apr + 3M = 12 Jul is
		// later); +6M status = Thu 15 Sep (15 Jun + 3M = 15 Sep, the same day); then every 3M from
		// the previous: 15 Dec, 15 Mar 2023, 15 Jun, 15 Sep, 15 Dec, 15 Mar 2024, 15 Jun 2024
		// (Sat → Fri 14 Jun).
		// SEL-70: 15 Mar + 3M = 15 Jun 2022 → the +3M item itself; 15 Jun + 6M = 15 Dec 2022 →
		// itself; → 15 Jun 2023; → 15 Dec 2023; 15 Dec 2023 + 6M = 15 Jun 2024 falls under BL,
		// which decides it: Herning's decision (6M) gives the same day → 15 Jun 2024 (BL-95).
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2022-03-15", "2024-06-30")
		assert.Equal(t, []htRow{
			{"2022-04-12", "2022-04-12", htFU, false, "H-FOREB"},
			{"2022-06-15", "2022-06-15", htFU, true, "H-FOREB+SEL-70"},
			{"2022-09-15", "2022-09-15", htST, false, "H-FOREB"},
			{"2022-12-15", "2022-12-15", htFU, true, "H-FOREB+SEL-70"},
			{"2023-03-15", "2023-03-15", htFU, false, "H-FOREB"},
			{"2023-06-15", "2023-06-15", htFU, true, "H-FOREB+SEL-70"},
			{"2023-09-15", "2023-09-15", htFU, false, "H-FOREB"},
			{"2023-12-15", "2023-12-15", htFU, true, "H-FOREB+SEL-70"},
			{"2024-03-15", "2024-03-15", htFU, false, "H-FOREB"},
			{"2024-06-15", "2024-06-14", htFU, true, "H-FOREB+BL-95"},
		}, htRows(p.Items()))
		assert.False(t, htHasFinding(p, "followup.bl.no-decision"), "Herning's rule set holds the decision")
		// The 15 Dec 2022 mark meets the deadline 15 Dec 2022 (15 Jun + 6M).
		ex := p.At(3).Why()
		require.Len(t, ex.Reasons, 2)
		assert.Equal(t, "SEL-70", ex.Reasons[1].RuleID)
		assert.Equal(t, followup.SourceSEL70, ex.Reasons[1].Source)
		assert.Contains(t, ex.Reasons[1].Text(msg.English), "2022-12-15")
		assert.Contains(t, ex.Reasons[1].Text(msg.Danish), "2022-12-15")
		// The 15 Jun 2024 mark: the deadline falls under Barnets Lov, whose interval is
		// Herning's standing decision.
		ex = p.At(9).Why()
		require.Len(t, ex.Reasons, 2)
		assert.Equal(t, "BL-95", ex.Reasons[1].RuleID)
		assert.Contains(t, ex.Reasons[1].Text(msg.English), "statutory deadline 2024-06-15")
		assert.Contains(t, ex.Reasons[1].Text(msg.English), "so Barnets Lov")
		assert.Contains(t, ex.Reasons[1].Text(msg.English), "the municipality's decision under BL § 95, stk. 3: statutory follow-up at least every 6 months")
	})

	t.Run("with a case decision more frequent than Herning's", func(t *testing.T) {
		// The case's decision every 4M (recorded 15 Dec 2023); where both decisions apply the
		// earlier deadline counts. Up to 15 Dec 2023 as above (SEL). Then under BL:
		// 15 Dec 2023 + 4M = 15 Apr 2024 (Herning's 15 Jun is later) → latest ≤ it: 15 Mar 2024;
		// 15 Mar + 4M = 15 Jul → 15 Jun 2024; 15 Jun + 4M = 15 Oct → 15 Sep 2024 (Sun → Fri 13 Sep:
		// the next item, 15 Dec, lies after the deadline, so 15 Sep is the latest before it).
		rec := followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{DecidedOn: htDate("2023-12-15"), Every: followup.Months(4)}}
		p := htPlan(t, rec, "2022-03-15", "2024-09-30")
		rows := htRows(p.Items())
		require.Len(t, rows, 11)
		assert.Equal(t, htRow{"2023-09-15", "2023-09-15", htFU, false, "H-FOREB"}, rows[6])
		assert.Equal(t, htRow{"2023-12-15", "2023-12-15", htFU, true, "H-FOREB+SEL-70"}, rows[7])
		assert.Equal(t, htRow{"2024-03-15", "2024-03-15", htFU, true, "H-FOREB+BL-95"}, rows[8])
		assert.Equal(t, htRow{"2024-06-15", "2024-06-14", htFU, true, "H-FOREB+BL-95"}, rows[9])
		assert.Equal(t, htRow{"2024-09-15", "2024-09-13", htFU, true, "H-FOREB+BL-95"}, rows[10])
		// The mark meets the deadline 15 Apr 2024, which falls under Barnets Lov, by the case's decision.
		en := p.At(8).Why().Reasons[1].Text(msg.English)
		assert.Contains(t, en, "statutory deadline 2024-04-15")
		assert.Contains(t, en, "so Barnets Lov")
		assert.Contains(t, en, "the case's decision under BL § 95, stk. 3, made on 2023-12-15: statutory follow-up at least every 4 months")
	})

	t.Run("with a case decision less frequent than Herning's", func(t *testing.T) {
		// Every 9M: Herning's 6M is earlier, so the decision in the rule set counts and the
		// plan is the one without a case decision (a case's decision never loosens it).
		rec := followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{Every: followup.Months(9)}}
		with := htPlan(t, rec, "2022-03-15", "2024-06-30")
		without := htPlan(t, followup.Record{Case: "c", Measure: m}, "2022-03-15", "2024-06-30")
		assert.Equal(t, htRows(without.Items()), htRows(with.Items()))
	})

	t.Run("held dates move the chain", func(t *testing.T) {
		// Held: 20 Apr 2022 (4W item, 8 days late), 20 Jul 2022, 10 Oct 2022 (status).
		// 1: 12 Apr held 20 Apr. 2: +3M 15 Jun (20 Apr + 3M = 20 Jul is later), held 20 Jul
		// (late 35). 3: +6M status 15 Sep (20 Jul + 3M = 20 Oct is later), held 10 Oct (late 25).
		// Then every 3M from 10 Oct: 4: Tue 10 Jan 2023; 5: 10 Apr 2023 (2. påskedag; 9 påskedag,
		// 8 Sat, 7 langfredag, 6 skærtorsdag → Wed 5 Apr); 6: Mon 10 Jul 2023; 7: Tue 10 Oct 2023;
		// 8: Wed 10 Jan 2024; 9: Wed 10 Apr 2024.
		// SEL-70: 15 Jun 2022 → item 2 (due 15 Jun), held 20 Jul; 20 Jul + 6M = 20 Jan 2023 →
		// item 4 (10 Jan); 10 Jan + 6M = 10 Jul 2023 → item 6; 10 Jul + 6M = 10 Jan 2024, under BL
		// with Herning's 6M → item 8 (BL-95); 10 Jul 2024 is after the horizon.
		rec := followup.Record{Case: "c", Measure: m, Held: []followup.Held{
			{On: htDate("2022-10-10"), Kind: followup.StatusFollowUp, ChildConversation: true},
			{On: htDate("2022-04-20"), ChildConversation: true},
			{On: htDate("2022-07-20"), ChildConversation: true},
		}}
		p := htPlan(t, rec, "2022-10-10", "2024-04-30")
		assert.Equal(t, []htRow{
			{"2022-04-12", "2022-04-12", htFU, false, "H-FOREB"},
			{"2022-06-15", "2022-06-15", htFU, true, "H-FOREB+SEL-70"},
			{"2022-09-15", "2022-09-15", htST, false, "H-FOREB"},
			{"2023-01-10", "2023-01-10", htFU, true, "H-FOREB+SEL-70"},
			{"2023-04-10", "2023-04-05", htFU, false, "H-FOREB"},
			{"2023-07-10", "2023-07-10", htFU, true, "H-FOREB+SEL-70"},
			{"2023-10-10", "2023-10-10", htFU, false, "H-FOREB"},
			{"2024-01-10", "2024-01-10", htFU, true, "H-FOREB+BL-95"},
			{"2024-04-10", "2024-04-10", htFU, false, "H-FOREB"},
		}, htRows(p.Items()))
		items := p.Items()
		require.Len(t, items, 9)
		wantLate := []int{8, 35, 25}
		for i, l := range wantLate {
			assert.Equal(t, followup.Done, items[i].Status, i)
			assert.Equal(t, l, items[i].Late, i)
		}
		for _, it := range items[3:] {
			assert.Equal(t, followup.Upcoming, it.Status)
		}
		// Why of the 10 Jan 2023 mark: the deadline 20 Jan 2023 is 6M after the previous
		// statutory follow-up, held 20 Jul 2022.
		assert.Contains(t, items[3].Why().Reasons[1].Text(msg.English), "2023-01-20")
	})
}

// 6(b): a placement with no Herning rule, started under SEL, across 2024.
func TestStatutoryOnlyPlacement(t *testing.T) {
	m := htMeasure(t, "m-kost", "kostskole", "2023-09-15", "")

	t.Run("no BL decision", func(t *testing.T) {
		// One chain: 15 Sep 2023 + 3M = Fri 15 Dec 2023 (the visit's 15 Mar 2024 is later), no
		// municipal follow-up → a statutory-only follow-up then, also the supervision visit
		// (SEL-70+SEL-148, the law in force on 15 Dec 2023). Next: 15 Dec + 6M = 15 Jun 2024, after
		// 1 Jan 2024 → BL decides: the follow-up has no interval and kostskole is bound to no
		// Herning rule, so no decision applies (finding followup.bl.no-decision); the visits go
		// on alone, every 6M: 15 Jun 2024 (Sat → Fri 14 Jun), 15 Dec 2024 (Sun → Fri 13 Dec),
		// 15 Jun 2025 (Sun → Fri 13 Jun), 15 Dec 2025 (Mon).
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2023-09-15", "2025-12-31")
		assert.Equal(t, []htRow{
			{"2023-12-15", "2023-12-15", htFU, true, "SEL-70+SEL-148"}, // due in 2023: cites Serviceloven, in force that day
			{"2024-06-15", "2024-06-14", htSV, true, "BL-156"},
			{"2024-12-15", "2024-12-13", htSV, true, "BL-156"},
			{"2025-06-15", "2025-06-13", htSV, true, "BL-156"},
			{"2025-12-15", "2025-12-15", htSV, true, "BL-156"},
		}, htRows(p.Items()))
		assert.True(t, htHasFinding(p, "followup.bl.no-decision"))
		assert.True(t, htHasFinding(p, "followup.statutory-only"))
		for _, f := range p.Findings() {
			if f.Code == "followup.bl.no-decision" {
				assert.Equal(t, "m-kost", f.Subject)
				assert.Equal(t, followup.SourceBL95, f.Source)
			}
		}
		for _, it := range p.Items() {
			assert.Equal(t, followup.Required, it.ChildConversation)
			assert.Equal(t, followup.ModesOf(followup.InPerson), it.Modes)
			assert.Equal(t, "på anbringelsesstedet", it.Place())
		}
		// The visit items say why: no follow-up within the supervision deadline.
		ex := p.At(1).Why()
		require.Len(t, ex.Reasons, 1)
		assert.Equal(t, "BL-156", ex.Reasons[0].RuleID)
		assert.Equal(t, followup.SourceBL156, ex.Reasons[0].Source)
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "after the previous supervision visit, due on 2023-12-15")
	})

	t.Run("decision every 4 months", func(t *testing.T) {
		// The first follow-up 15 Dec 2023 (SEL-70+SEL-148). Next: BL with the case's decision, the
		// earlier of it (4M) and the visit (6M): 15 Dec 2023 + 4M = Mon 15 Apr 2024 (statutory-only,
		// BL-95+BL-156); + 4M = Thu 15 Aug 2024; 15 Dec 2024 (Sun → Fri 13 Dec); 15 Apr 2025 (Tue;
		// skærtorsdag is 17 Apr). Each is both the follow-up and the supervision visit.
		rec := followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{DecidedOn: htDate("2023-12-15"), Every: followup.Months(4)}}
		p := htPlan(t, rec, "2023-09-15", "2025-06-30")
		assert.Equal(t, []htRow{
			{"2023-12-15", "2023-12-15", htFU, true, "SEL-70+SEL-148"}, // due in 2023: cites Serviceloven, in force that day
			{"2024-04-15", "2024-04-15", htFU, true, "BL-95+BL-156"},
			{"2024-08-15", "2024-08-15", htFU, true, "BL-95+BL-156"},
			{"2024-12-15", "2024-12-13", htFU, true, "BL-95+BL-156"},
			{"2025-04-15", "2025-04-15", htFU, true, "BL-95+BL-156"},
		}, htRows(p.Items()))
		assert.False(t, htHasFinding(p, "followup.bl.no-decision"))
		assert.True(t, htHasFinding(p, "followup.statutory-only"))
		// 15 Apr 2024 is owed by the decision alone.
		ex := p.At(1).Why()
		require.NotEmpty(t, ex.Reasons)
		assert.Equal(t, "BL-95", ex.Reasons[0].RuleID)
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "4 months after the previous statutory follow-up on 2023-12-15, as decided (BL § 95)")
	})
}

// 6(c): BL's first follow-up at the end of an assessment run alongside.
func TestStatutoryBLAssessmentEnd(t *testing.T) {
	t.Run("statutory-only placement", func(t *testing.T) {
		// kostskole from Fri 1 Mar 2024; assessment ends Fri 19 Apr 2024, before 1 Mar + 3M = 1 Jun
		// → the first chain item is due 19 Apr (statutory only, follow-up and visit). After it no
		// decision applies, so the visits go on alone every 6M: 19 Oct 2024 (Sat → Fri 18 Oct);
		// 19 Apr 2025 (Sat; 18 Apr langfredag, 17 Apr skærtorsdag → Wed 16 Apr).
		m := htMeasure(t, "m-ae", "kostskole", "2024-03-01", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m, AssessmentEnd: htDate("2024-04-19")}, "2024-03-01", "2025-06-30")
		assert.Equal(t, []htRow{
			{"2024-04-19", "2024-04-19", htFU, true, "BL-95+BL-156"},
			{"2024-10-19", "2024-10-18", htSV, true, "BL-156"},
			{"2025-04-19", "2025-04-16", htSV, true, "BL-156"},
		}, htRows(p.Items()))
		first := p.At(0)
		assert.Equal(t, []followup.Decision{followup.NewGoals, followup.Cadence}, first.Decides())
		ex := first.Why()
		require.NotEmpty(t, ex.Reasons)
		assert.Equal(t, "BL-95", ex.Reasons[0].RuleID)
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "At the end of the assessment run alongside, 2024-04-19")
		assert.True(t, htHasFinding(p, "followup.bl.no-decision"))
	})

	// doegninstitution from 31 Jan 2024: 14 Feb, 27 Mar, 8 May, 19 Jun, 31 Jul; 3M deadline 30 Apr.
	// A placement: the chain item is both the follow-up and the supervision visit.
	tests := []struct {
		name, start, assessmentEnd string
		want                       []htRow // the first items
	}{
		// No assessment: 30 Apr → 27 Mar.
		{"none", "2024-01-31", "", []htRow{
			{"2024-02-14", "2024-02-14", htFU, false, "H-INST"},
			{"2024-03-27", "2024-03-27", htFU, true, "H-INST+BL-95+BL-156"},
		}},
		// Ends 20 Feb, before 30 Apr → latest due ≤ 20 Feb: 14 Feb.
		{"ends 20 Feb", "2024-01-31", "2024-02-20", []htRow{
			{"2024-02-14", "2024-02-14", htFU, true, "H-INST+BL-95+BL-156"},
			{"2024-03-27", "2024-03-27", htFU, false, "H-INST"},
		}},
		// Ends on the 2W due date: the deadline is inclusive.
		{"ends 14 Feb", "2024-01-31", "2024-02-14", []htRow{
			{"2024-02-14", "2024-02-14", htFU, true, "H-INST+BL-95+BL-156"},
			{"2024-03-27", "2024-03-27", htFU, false, "H-INST"},
		}},
		// Ends Tue 13 Feb, before any municipal follow-up → a statutory-only follow-up on 13 Feb.
		// The fixed 2W item stays on 14 Feb (fixed items count from the start); the 6W chain
		// then runs from 14 Feb → 27 Mar.
		{"ends 13 Feb", "2024-01-31", "2024-02-13", []htRow{
			{"2024-02-13", "2024-02-13", htFU, true, "BL-95+BL-156"},
			{"2024-02-14", "2024-02-14", htFU, false, "H-INST"},
			{"2024-03-27", "2024-03-27", htFU, false, "H-INST"},
		}},
		// Ends after the 3M deadline: ignored.
		{"ends after 3 months", "2024-01-31", "2024-05-15", []htRow{
			{"2024-02-14", "2024-02-14", htFU, false, "H-INST"},
			{"2024-03-27", "2024-03-27", htFU, true, "H-INST+BL-95+BL-156"},
		}},
		// Under SEL the assessment end plays no part: SEL-70 stays on 28 Mar 2023 (deadline 30 Apr).
		{"SEL ignores it", "2023-01-31", "2023-02-20", []htRow{
			{"2023-02-14", "2023-02-14", htFU, false, "H-INST"},
			{"2023-03-28", "2023-03-28", htFU, true, "H-INST+SEL-70+SEL-148"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-ae", "doegninstitution", tc.start, "")
			rec := followup.Record{Case: "c", Measure: m}
			if tc.assessmentEnd != "" {
				rec.AssessmentEnd = htDate(tc.assessmentEnd)
			}
			p := htPlan(t, rec, tc.start, "")
			rows := htRows(p.Items())
			require.GreaterOrEqual(t, len(rows), len(tc.want))
			assert.Equal(t, tc.want, rows[:len(tc.want)])
		})
	}
}

// 6(d): no visits for non-placements; no items at all where neither the law
// nor Herning asks for follow-up.
func TestStatutoryNoRequirement(t *testing.T) {
	for _, code := range []string{"doegnophold-familie", "fft", "pmto", "praktisk-stoette", "aflastning", "familiebehandling", "mst", "kontaktperson", "privat-kontaktperson", "efterskole"} {
		m := htMeasure(t, "m-np", code, "2023-06-30", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2023-06-30", "2026-06-30")
		require.NotEmpty(t, p.Items(), code)
		for _, it := range p.Items() {
			assert.NotEqual(t, followup.SupervisionVisit, it.Kind, code)
			assert.False(t, htHasRule(it, "SEL-148", "BL-156"), "%s %s", code, it.Due)
			assert.NotEqual(t, "på anbringelsesstedet", it.Place())
		}
	}
	for _, code := range []string{"tidlig-forebyggende", "familiecentral", "psykologsamtaler", "sundhedspleje-behovsbesoeg"} {
		m := htMeasure(t, "m-none", code, "2023-06-30", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2023-06-30", "2033-06-30")
		assert.Zero(t, p.Len(), code)
		_, ok := p.NextDue()
		assert.False(t, ok)
		assert.True(t, htHasFinding(p, "followup.no-requirement"), code)
		assert.False(t, htHasFinding(p, "followup.bl.no-decision"), code)
		// The finding states what the tables say and invents nothing: no note on
		// reviewing an early course (the review after 3 months some municipalities
		// use, domain.md §3, is not Herning's rule).
		for _, f := range p.Findings() {
			if f.Code == "followup.no-requirement" {
				assert.NotContains(t, f.Text(msg.English), "Referencekommuner", code)
				assert.NotContains(t, f.Text(msg.English), "3 months", code)
				assert.Contains(t, f.Text(msg.English), "no cadence has been invented", code)
			}
		}
	}
	for _, code := range []string{"kostskole", "efterskole-anbragt", "opgangsfaellesskab"} {
		m := htMeasure(t, "m-so", code, "2024-01-15", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-01-15", "")
		assert.True(t, htHasFinding(p, "followup.statutory-only"), code)
	}
	t.Run("long institution stay", func(t *testing.T) {
		m := htMeasure(t, "m-ls", "doegninstitution", "2024-01-31", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-07-30", "")
		assert.False(t, htHasFinding(p, "followup.institution.long-stay"), "31 Jan + 6M = 31 Jul")
		p = htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-07-31", "")
		assert.True(t, htHasFinding(p, "followup.institution.long-stay"))
	})
}

// The law alone, with no municipal rule set.
func TestStatutoryLawOnlyRegime(t *testing.T) {
	r, err := followup.NewRegime(nil, followup.BarnetsLov(), followup.ServiceLoven())
	require.NoError(t, err)
	require.Len(t, r.StatutorySets(), 2)
	assert.Equal(t, followup.ServiceLoven(), r.StatutorySets()[0], "oldest first")
	// doegninstitution from 31 Jan 2023 with no municipal rule:
	// one chain, each item the follow-up and the supervision visit: 31 Jan + 3M = 30 Apr 2023
	// (Sun → Fri 28 Apr), statutory only (SEL-70+SEL-148); 30 Apr + 6M = 30 Oct 2023 (SEL § 70 and
	// § 148 alike). 30 Oct + 6M = 30 Apr 2024 is BL: no municipal set, so no decision → the
	// follow-up has no deadline (finding); the visits go on alone under BL: 30 Apr 2024 (Tue),
	// 30 Oct 2024 (Wed) as supervision-visit items.
	m := htMeasure(t, "m-law", "doegninstitution", "2023-01-31", "")
	p, err := r.Schedule(followup.Record{Case: "c", Measure: m}, followup.Options{AsOf: htDate("2023-01-31"), Until: htDate("2024-12-31")})
	require.NoError(t, err)
	assert.Equal(t, []htRow{
		{"2023-04-30", "2023-04-28", htFU, true, "SEL-70+SEL-148"},
		{"2023-10-30", "2023-10-30", htFU, true, "SEL-70+SEL-148"},
		{"2024-04-30", "2024-04-30", htSV, true, "BL-156"},
		{"2024-10-30", "2024-10-30", htSV, true, "BL-156"},
	}, htRows(p.Items()))
	assert.True(t, htHasFinding(p, "followup.bl.no-decision"))

	// A grant needs a municipal exception.
	_, err = r.Schedule(followup.Record{Case: "c", Measure: m, Grants: []followup.Grant{{ID: "X-FJERN", ApprovedBy: "TL", ApprovedOn: htDate("2023-01-31")}}},
		followup.Options{AsOf: htDate("2023-01-31")})
	assert.ErrorIs(t, err, followup.ErrInput)

	t.Run("regime errors", func(t *testing.T) {
		_, err := followup.NewRegime(nil)
		assert.Error(t, err)
		_, err = followup.NewRegime(nil, followup.ServiceLoven(), followup.ServiceLoven())
		assert.Error(t, err, "overlapping statutory sets")
		_, err = followup.NewRegime(followup.ServiceLoven(), followup.BarnetsLov())
		assert.Error(t, err, "a statutory set as the municipal layer")
		_, err = followup.NewRegime(nil, followup.HerningRules())
		assert.Error(t, err, "a municipal set as the statutory layer")
		_, err = followup.NewRegime(nil, followup.ServiceLoven(), nil)
		assert.Error(t, err)
	})
}

// ---- 8. bad input ----

func TestScheduleBadInput(t *testing.T) {
	m := htMeasure(t, "m-bad", "doegninstitution", "2024-01-31", "")
	asOf := htDate("2024-03-01")
	ok := followup.Record{Case: "c", Measure: m}
	tests := []struct {
		name    string
		rec     followup.Record
		opt     followup.Options
		mention []string
	}{
		{"zero as-of", ok, followup.Options{}, []string{"m-bad", "as-of"}},
		{"until before as-of", ok, followup.Options{AsOf: asOf, Until: htDate("2024-02-29")}, []string{"m-bad", "2024-02-29", "2024-03-01"}},
		// 1 Mar 2024 + 120M = 1 Mar 2034; one day more is too far.
		{"horizon over 10 years", ok, followup.Options{AsOf: asOf, Until: htDate("2034-03-02")}, []string{"m-bad", "2034-03-02"}},
		{"zero measure", followup.Record{Case: "case-7"}, followup.Options{AsOf: asOf}, []string{"case-7"}},
		{"decision zero interval", followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{}}, followup.Options{AsOf: asOf}, []string{"m-bad"}},
		{"decision negative", followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{Every: followup.Span{Months: -1}}}, followup.Options{AsOf: asOf}, []string{"m-bad"}},
		{"decision negative days", followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{Every: followup.Span{Months: 1, Days: -3}}}, followup.Options{AsOf: asOf}, []string{"m-bad"}},
		{"decision over 10 years", followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{Every: followup.Months(121)}}, followup.Options{AsOf: asOf}, []string{"m-bad"}},
		{"decision before start", followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{DecidedOn: htDate("2024-01-30"), Every: followup.Months(3)}}, followup.Options{AsOf: asOf}, []string{"m-bad", "2024-01-30"}},
		{"assessment end before start", followup.Record{Case: "c", Measure: m, AssessmentEnd: htDate("2024-01-01")}, followup.Options{AsOf: asOf}, []string{"m-bad", "2024-01-01"}},
		{"held zero date", followup.Record{Case: "c", Measure: m, Held: []followup.Held{{}}}, followup.Options{AsOf: asOf}, []string{"m-bad", "held[0]"}},
		{"held course-end kind", followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-02-14"), Kind: followup.CourseEnd}}}, followup.Options{AsOf: asOf}, []string{"m-bad", "course-end"}},
		{"held invalid kind", followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-02-14"), Kind: followup.Kind(99)}}}, followup.Options{AsOf: asOf}, []string{"m-bad"}},
		{"held invalid mode", followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-02-14"), Mode: followup.Mode(9)}}}, followup.Options{AsOf: asOf}, []string{"m-bad"}},
		{"held before start", followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-02-14")}, {On: htDate("2023-12-24")}}}, followup.Options{AsOf: asOf}, []string{"m-bad", "held[1]", "2023-12-24"}},
		{"held after as-of", followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-03-02")}}}, followup.Options{AsOf: asOf}, []string{"m-bad", "2024-03-02"}},
		// Dates must lie in 1900-01-01…2199-12-31 (the zero date is outside).
		{"as-of before 1900", ok, followup.Options{AsOf: date.New(1899, 12, 31)}, []string{"m-bad", "as-of", "1899-12-31"}},
		{"until after 2199", ok, followup.Options{AsOf: asOf, Until: date.New(2200, 1, 1)}, []string{"m-bad", "until", "2200-01-01"}},
		// A measure's own dates outside that range cannot be built
		// (ladder.NewMeasure refuses them; see the ladder tests).
		{"approval before 1900", followup.Record{Case: "c", Measure: m, Grants: []followup.Grant{{ID: "X-FJERN", ApprovedBy: "TL", ApprovedOn: date.New(1899, 12, 31)}}}, followup.Options{AsOf: asOf}, []string{"m-bad", "approvedOn", "1899-12-31"}},
		{"decision after 2199", followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{DecidedOn: date.New(2200, 1, 1), Every: followup.Months(3)}}, followup.Options{AsOf: asOf}, []string{"m-bad", "decidedOn", "2200-01-01"}},
		{"assessment end after 2199", followup.Record{Case: "c", Measure: m, AssessmentEnd: date.New(2200, 1, 1)}, followup.Options{AsOf: asOf}, []string{"m-bad", "assessment end", "2200-01-01"}},
		// The walk from the start to the last date the plan covers is at most 40 years
		// (MaxWalkMonths): 31 Jan 2024 + 480M = 31 Jan 2064; as of 1 Mar 2063 the default
		// horizon 1 Mar 2064 lies beyond it.
		{"walk over 40 years", ok, followup.Options{AsOf: htDate("2063-03-01")}, []string{"m-bad", "40 years", "MaxWalkMonths"}},
		// Herning's regime knows the law from Serviceloven's set (1 Jan 2011) on.
		{"start before the first statutory set", followup.Record{Case: "c", Measure: htMeasure(t, "m-bad", "doegninstitution", "2010-12-31", "")}, followup.Options{AsOf: htDate("2011-01-01")},
			[]string{"m-bad", "2010-12-31", "Serviceloven", "2011-01-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := followup.Herning().Schedule(tc.rec, tc.opt)
			require.Error(t, err)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.True(t, strings.HasPrefix(err.Error(), "followup.Regime.Schedule: "), err.Error())
			for _, s := range tc.mention {
				assert.Contains(t, err.Error(), s)
			}
			assert.Zero(t, p.Len())
		})
	}

	t.Run("boundaries that are fine", func(t *testing.T) {
		for _, opt := range []followup.Options{
			{AsOf: asOf, Until: asOf},
			{AsOf: asOf, Until: htDate("2034-03-01")}, // exactly 10 years
			{AsOf: htDate("2020-01-01")},              // as-of before the start
		} {
			p, err := followup.Herning().Schedule(ok, opt)
			require.NoError(t, err, opt.Until.String())
			want := opt.Until
			if want == 0 {
				want = followup.AddMonths(opt.AsOf, 12) // default: as-of + 12 months
			}
			assert.Equal(t, want, p.Until())
			assert.Equal(t, opt.AsOf, p.AsOf())
			assert.Equal(t, "m-bad", p.MeasureID())
			assert.Equal(t, "c", p.Case())
		}
		_, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{Every: followup.Months(120)}}, followup.Options{AsOf: asOf})
		assert.NoError(t, err)
		// The old limit of 8 grants is gone: many grants are refused only because an
		// exception is recorded twice.
		many := make([]followup.Grant, 9)
		for i := range many {
			many[i] = followup.Grant{ID: "X-FJERN", ApprovedBy: "TL", ApprovedOn: asOf}
		}
		_, err = followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Grants: many}, followup.Options{AsOf: asOf})
		assert.ErrorIs(t, err, followup.ErrInput)
		assert.ErrorContains(t, err, "recorded twice")
		// The date limits are inclusive: 1 Jan 1900 and 31 Dec 2199 are accepted where the
		// law covers them (Herning's regime from 2011; Barnets Lov is open-ended), and a walk
		// of exactly 40 years: 31 Jan 2024 + 480M = 31 Jan 2064 = 31 Jan 2063 + 12M.
		_, err = followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, AssessmentEnd: htDate("2199-12-31")}, followup.Options{AsOf: asOf})
		assert.NoError(t, err)
		_, err = followup.Herning().Schedule(ok, followup.Options{AsOf: htDate("2063-01-31")})
		assert.NoError(t, err)
		_, err = followup.Herning().Schedule(ok, followup.Options{AsOf: htDate("2063-02-01")})
		assert.ErrorIs(t, err, followup.ErrInput)
		m1900 := htMeasure(t, "m-1900", "doegninstitution", "1900-01-01", "")
		law1900, err := followup.NewRegime(nil, followup.MustRuleSet(followup.RuleSetSpec{Name: "Testlov 1900", Layer: followup.Statutory,
			Effective: htDate("1900-01-01"), Source: "test", Statutory: &followup.StatutoryRules{
				FollowUp: followup.StatutoryFollowUp{ID: "T-1", Source: "§ 1", First: followup.Months(3), Then: followup.Months(6), Covers: []ladder.Basis{ladder.BasisPlacement}}}}))
		require.NoError(t, err)
		p1900, err := law1900.Schedule(followup.Record{Case: "c", Measure: m1900}, followup.Options{AsOf: htDate("1900-01-01"), Until: htDate("1900-12-31")})
		require.NoError(t, err)
		// 1 Jan 1900 + 3M = 1 Apr 1900; + 6M = 1 Oct 1900.
		require.Equal(t, 2, p1900.Len())
		assert.Equal(t, "1900-04-01", p1900.At(0).Due.String())
		assert.Equal(t, "1900-10-01", p1900.At(1).Due.String())
	})

	t.Run("a regime whose law ends before the plan does", func(t *testing.T) {
		// Serviceloven's set ends on 31 Dec 2023; a plan reaching into 2024 under it alone
		// names the set and its last day.
		sel, err := followup.NewRegime(nil, followup.ServiceLoven())
		require.NoError(t, err)
		_, err = sel.Schedule(followup.Record{Case: "c", Measure: htMeasure(t, "m-sel", "doegninstitution", "2023-06-01", "")}, followup.Options{AsOf: htDate("2023-06-01")})
		require.Error(t, err)
		assert.ErrorIs(t, err, followup.ErrInput)
		for _, s := range []string{"m-sel", "Serviceloven", "2023-12-31"} {
			assert.Contains(t, err.Error(), s)
		}
	})

	t.Run("default horizon is as-of + 12 months", func(t *testing.T) {
		// 29 Feb 2024 + 12M = 28 Feb 2025: H-KORT every 4W from 31 Jan 2025 → 28 Feb 2025 is included,
		// 28 Mar 2025 is not.
		mk := htMeasure(t, "m-h", "korttidsanbringelse", "2025-01-31", "")
		p, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: mk}, followup.Options{AsOf: htDate("2024-02-29")})
		require.NoError(t, err)
		assert.Equal(t, htDate("2025-02-28"), p.Until())
		require.Equal(t, 1, p.Len())
		assert.Equal(t, "2025-02-28", p.At(0).Due.String())
	})

	t.Run("intervention the municipal set does not bind", func(t *testing.T) {
		// The catalogue no longer names a rule; a vendor's code that Herning's
		// set does not bind gets the statutory floor only (domain.md §2: the
		// municipal rule set binds codes to rules), and the finding says so.
		// Barnets Lov from 31 Jan 2024: first follow-up 31 Jan + 3M = 30 Apr
		// 2024 (Tue), statutory only; it is also the supervision visit.
		iv := ladder.MustParseIntervention("doegninstitution")
		iv.Code, iv.Danish, iv.English = "vendor-institution", "Leverandørens institution", "Vendor institution"
		mv, err := ladder.NewMeasure("m-vendor", iv, htDate("2024-01-31"), 0)
		require.NoError(t, err)
		p, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: mv}, followup.Options{AsOf: asOf, Until: htDate("2024-05-31")})
		require.NoError(t, err)
		assert.Equal(t, []htRow{{"2024-04-30", "2024-04-30", htFU, true, "BL-95+BL-156"}}, htRows(p.Items()))
		var text string
		for _, f := range p.Findings() {
			if f.Code == "followup.statutory-only" {
				text = f.Text(msg.English)
			}
		}
		assert.Equal(t, `The rule set "Herning Kommune — opfølgningskrav" binds vendor-institution (Vendor institution) to no rule; only the statutory floor applies.`, text)
		// A binding to a rule the set lacks is refused when the set is built.
		spec := followup.HerningRules().Spec()
		spec.Bindings = append(spec.Bindings, followup.Binding{Code: "vendor-institution", Rule: "H-UKENDT"})
		_, err = followup.NewRuleSet(spec)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "ruleset.rule.unknown")
		assert.Contains(t, err.Error(), "H-UKENDT")
	})

	t.Run("nil regime", func(t *testing.T) {
		var r *followup.Regime
		assert.NotPanics(t, func() {
			_, err := r.Schedule(ok, followup.Options{AsOf: asOf})
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.ErrorContains(t, err, "nil regime")
		})
		assert.Nil(t, r.Municipal())
		assert.Nil(t, r.StatutorySets())
		assert.Nil(t, r.StatutoryAt(asOf))
	})

	t.Run("zero regime", func(t *testing.T) {
		// A Regime not built by NewRegime has no law: an error, never a plan that owes nothing.
		var r followup.Regime
		assert.NotPanics(t, func() {
			_, err := r.Schedule(ok, followup.Options{AsOf: asOf})
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.ErrorContains(t, err, "zero Regime")
		})
		assert.Nil(t, r.Municipal())
		assert.Empty(t, r.StatutorySets())
		assert.Nil(t, r.StatutoryAt(asOf))
	})

	t.Run("random input never panics", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 8))
		all := ladder.Default().All()
		excs := []string{"X-BARNDOM", "X-FJERN", "X-EFTERSKOLE", "X-UKENDT", ""}
		rd := func(base date.Date, spread int) date.Date {
			if rng.IntN(10) == 0 {
				return 0
			}
			return base + date.Date(rng.IntN(2*spread+1)-spread)
		}
		for i := 0; i < 3000; i++ {
			start := htDate("2018-01-01") + date.Date(rng.IntN(4000))
			var rec followup.Record
			if rng.IntN(20) != 0 {
				var e date.Date
				if rng.IntN(2) == 0 {
					e = start + date.Date(rng.IntN(2000))
				}
				mm, err := ladder.NewMeasure("m-rand", all[rng.IntN(len(all))], start, e)
				require.NoError(t, err)
				rec.Measure = mm
			}
			for k := rng.IntN(4); k > 0; k-- {
				rec.Held = append(rec.Held, followup.Held{On: rd(start+300, 400), Kind: followup.Kind(rng.IntN(12)), Mode: followup.Mode(rng.IntN(5))})
			}
			for k := rng.IntN(3); k > 0; k-- {
				by := ""
				if rng.IntN(3) > 0 {
					by = "TL"
				}
				rec.Grants = append(rec.Grants, followup.Grant{ID: excs[rng.IntN(len(excs))], ApprovedBy: by, ApprovedOn: rd(start, 300)})
			}
			if rng.IntN(3) == 0 {
				rec.Decision = &followup.CadenceDecision{DecidedOn: rd(start, 100), Every: followup.Span{Months: int32(rng.IntN(140) - 5), Days: int32(rng.IntN(40) - 5)}}
			}
			if rng.IntN(3) == 0 {
				rec.AssessmentEnd = rd(start, 100)
			}
			opt := followup.Options{AsOf: rd(start+400, 600)}
			if rng.IntN(2) == 0 {
				opt.Until = rd(opt.AsOf+1000, 3000)
			}
			var err error
			require.NotPanics(t, func() { _, err = followup.Herning().Schedule(rec, opt) }, "case %d", i)
			if err != nil {
				assert.True(t, errors.Is(err, followup.ErrInput), err.Error())
			}
		}
	})
}

// A follow-up held early in a statutory window where nothing was planned is
// the latest follow-up on or before the deadline: the statutory item is where
// it was held, and the decided cadence runs from it.
func TestStatutoryHeldInWindowWithoutPlannedFollowUp(t *testing.T) {
	m := htMeasure(t, "m-kost", "kostskole", "2024-04-23", "")
	rec := followup.Record{Case: "c", Measure: m, AssessmentEnd: htDate("2024-06-02"),
		Decision: &followup.CadenceDecision{DecidedOn: htDate("2024-04-25"), Every: followup.Months(1)},
		Held: []followup.Held{
			{On: htDate("2024-04-25"), ChildConversation: true, Mode: followup.InPerson},
			{On: htDate("2024-05-01"), ChildConversation: true, Mode: followup.InPerson},
		}}
	p := htPlan(t, rec, "2024-07-01", "2024-09-01")
	// First BL deadline min(23 Jul, assessment end 2 Jun) = 2 Jun; held 25 Apr
	// in [23 Apr, 2 Jun] → item 25 Apr. Monthly from it (earlier than the
	// visit's 6 months): window (25 Apr, 25 May] holds 1 May → item 1 May.
	// Then 1 Jun (Sat → 31 May), 1 Jul, 1 Aug, 1 Sep (Sun → 30 Aug). 1 Oct is
	// past the horizon. kostskole is a placement: every chain item is both
	// the follow-up and the supervision visit.
	assert.Equal(t, []htRow{
		{"2024-04-25", "2024-04-25", htFU, true, "BL-95+BL-156"},
		{"2024-05-01", "2024-05-01", htFU, true, "BL-95+BL-156"},
		{"2024-06-01", "2024-05-31", htFU, true, "BL-95+BL-156"},
		{"2024-07-01", "2024-07-01", htFU, true, "BL-95+BL-156"},
		{"2024-08-01", "2024-08-01", htFU, true, "BL-95+BL-156"},
		{"2024-09-01", "2024-08-30", htFU, true, "BL-95+BL-156"},
	}, htRows(p.Items()))
	var status []followup.Status
	for _, it := range p.Items() {
		status = append(status, it.Status)
	}
	assert.Equal(t, []followup.Status{followup.Done, followup.Done, followup.Overdue, followup.Upcoming, followup.Upcoming, followup.Upcoming}, status)
	assert.Contains(t, p.At(0).Why().Text(msg.English), "the follow-up held on 2024-04-25 meets it")
	c := p.Compliance()
	assert.Equal(t, 3, c.Due)
	assert.Equal(t, 2, c.DoneOnTime)
	assert.Equal(t, 1, c.Overdue)
	assert.Equal(t, 1, c.StatutoryMissed)
	assert.Equal(t, 0, c.Extra)
}

// The law in force on a deadline decides it; where the newer law's deadline
// would fall before the newer law takes effect, the deadline is its
// effective date (domain.md §2, revised).
func TestStatutoryLawSwitchDeadlineAtEffectiveDate(t *testing.T) {
	// kostskole (no Herning rule) from Tue 20 Jun 2023, the case's decision: every month.
	// 20 Jun + 3M = Wed 20 Sep 2023 (SEL; the visit's 20 Dec is later) → statutory only,
	// SEL-70+SEL-148. 20 Sep + 6M = 20 Mar 2024 falls under BL, which decides: the decision
	// gives 20 Sep + 1M = 20 Oct 2023 (the visit 20 Mar 2024 is later), before BL took effect
	// → the deadline is 1 Jan 2024 (Nytårsdag, Mon; 31 Dec Sun, 30 Dec Sat → Fri 29 Dec 2023).
	// Then monthly under BL: Thu 1 Feb, Fri 1 Mar 2024; 1 Apr is after the horizon.
	m := htMeasure(t, "m-switch", "kostskole", "2023-06-20", "")
	rec := followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{DecidedOn: htDate("2023-09-20"), Every: followup.Months(1)}}
	p := htPlan(t, rec, "2023-06-20", "2024-03-31")
	assert.Equal(t, []htRow{
		{"2023-09-20", "2023-09-20", htFU, true, "SEL-70+SEL-148"},
		{"2024-01-01", "2023-12-29", htFU, true, "BL-95+BL-156"},
		{"2024-02-01", "2024-02-01", htFU, true, "BL-95+BL-156"},
		{"2024-03-01", "2024-03-01", htFU, true, "BL-95+BL-156"},
	}, htRows(p.Items()))
	en := p.At(1).Why().Reasons[0].Text(msg.English)
	assert.Contains(t, en, "1 month after the previous statutory follow-up on 2023-09-20, as decided (BL § 95)")
	assert.Contains(t, en, "so it is the day it took effect, 2024-01-01")
	assert.Contains(t, en, "decides it")
	assert.False(t, htHasFinding(p, "followup.bl.no-decision"))
	assert.True(t, htHasFinding(p, "followup.statutory-only"))
}

// A follow-up held inside a statutory window is the latest follow-up on or
// before its deadline, even where the previous statutory item was held so
// early that the whole window ends before that item's own due date (items
// are matched in date order; domain.md §2: only where no follow-up falls
// inside a window is a statutory-only follow-up added at the deadline).
func TestStatutoryHeldInWindowBeforeAnEarlyHeldItem(t *testing.T) {
	// fft (H-FOREB) from Fri 15 Jan 2027, the case's decision every month (earlier than
	// Herning's 6 months). +4W = Fri 12 Feb, held early on 16 Jan; +3M = Thu 15 Apr (16 Jan + 3M
	// = 16 Apr is later), held early on 1 Mar. First deadline 15 Apr → the +3M item (held 1 Mar).
	// Next deadline 1 Mar + 1M = 1 Apr; the next item of the rule, +6M capped at 1 Mar + 3M =
	// 1 Jun, is later, and the follow-up held Fri 19 Mar lies in the window (1 Mar, 1 Apr]: it
	// is the statutory item. Then monthly from 19 Mar: Mon 19 Apr, Wed 19 May (the rule's next
	// item, +6M 15 Jul capped at 3 months after the previous follow-up, comes after each
	// deadline); 19 Jun is after the horizon.
	m := htMeasure(t, "m-early", "fft", "2027-01-15", "")
	rec := followup.Record{Case: "c", Measure: m, Decision: &followup.CadenceDecision{Every: followup.Months(1)},
		Held: []followup.Held{
			{On: htDate("2027-01-16"), ChildConversation: true, Mode: followup.InPerson},
			{On: htDate("2027-03-01"), ChildConversation: true, Mode: followup.InPerson},
			{On: htDate("2027-03-19"), ChildConversation: true, Mode: followup.InPerson},
		}}
	p := htPlan(t, rec, "2027-03-20", "2027-05-20")
	assert.Equal(t, []htRow{
		{"2027-02-12", "2027-02-12", htFU, false, "H-FOREB"},
		{"2027-03-19", "2027-03-19", htFU, true, "BL-95"},
		{"2027-04-15", "2027-04-15", htFU, true, "H-FOREB+BL-95"},
		{"2027-04-19", "2027-04-19", htFU, true, "BL-95"},
		{"2027-05-19", "2027-05-19", htFU, true, "BL-95"},
	}, htRows(p.Items()))
	var held []string
	for _, it := range p.Items() {
		held = append(held, it.HeldOn.String())
	}
	assert.Equal(t, []string{"2027-01-16", "2027-03-19", "2027-03-01", "0001-01-01", "0001-01-01"}, held)
	assert.Equal(t, 0, p.Compliance().Extra, "every follow-up held satisfied an item")
	assert.Contains(t, p.At(1).Why().Text(msg.English), "the follow-up held on 2027-03-19 meets it")
}
