package measure

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func fuRecord(t *testing.T, kase, code, start, end string, held ...followup.Held) followup.Record {
	t.Helper()
	var e date.Date
	if end != "" {
		e = ladder.MustParseDate(end)
	}
	m, err := ladder.Default().NewMeasure(kase+"-"+code, code, ladder.MustParseDate(start), e)
	require.NoError(t, err)
	return followup.Record{Case: kase, Measure: m, Held: held}
}

func held(on string, child bool) followup.Held {
	return followup.Held{On: ladder.MustParseDate(on), ChildConversation: child, Mode: followup.InPerson}
}

func TestFollowUpRates(t *testing.T) {
	noPlan := held("2015-07-10", true)
	noPlan.NoPlanReview = true
	recs := []followup.Record{
		// Family care: 2 cases; c1 has 2 follow-ups in the law's sense (the
		// third has no child conversation), c2 has 1.
		fuRecord(t, "c1", "plejefamilie", "2015-01-01", "", held("2015-08-01", true), held("2015-10-01", true), held("2015-11-01", false)),
		fuRecord(t, "c2", "netvaerkspleje", "2015-09-01", "", held("2015-09-15", true)),
		// Preventive: c3 ended before the half-year; c4's follow-up did not
		// review the plan and its other one is before the period.
		fuRecord(t, "c3", "aflastning", "2015-01-01", "2015-06-30", held("2015-03-01", true)),
		fuRecord(t, "c4", "aflastning", "2015-03-01", "", held("2015-06-01", true), noPlan),
		// Early help: no statutory follow-up, left out.
		fuRecord(t, "c5", "tidlig-forebyggende", "2015-08-01", "", held("2015-08-20", true)),
	}
	from, to := ladder.MustParseDate("2015-07-01"), ladder.MustParseDate("2015-12-31") // 184 days
	rates, err := FollowUpRates(recs, from, to)
	require.NoError(t, err)
	require.Len(t, rates, 2)
	assert.Equal(t, FamilyCareCase, rates[0].Type)
	assert.Equal(t, 2, rates[0].Cases)
	assert.Equal(t, 3, rates[0].FollowUps)
	assert.InDelta(t, 1.5, rates[0].PerCase, 1e-12)
	assert.InDelta(t, 1.5*182.5/184, rates[0].PerHalfYear, 1e-12)
	assert.InDelta(t, 1.5*182.5/184, rates[0].Ratio, 1e-12)
	assert.Equal(t, "KORA 2017, Figur 2.2", rates[0].Explanation.Source)
	assert.Equal(t, PreventiveCase, rates[1].Type)
	assert.Equal(t, 1, rates[1].Cases)
	assert.Equal(t, 0, rates[1].FollowUps)

	_, err = FollowUpRates(recs, to, from)
	assert.ErrorContains(t, err, "measure.FollowUpRates")
	_, err = FollowUpRates([]followup.Record{{Case: "x"}}, from, to)
	assert.ErrorContains(t, err, `case "x"`)
}

func TestCaseTypeOf(t *testing.T) {
	cases := map[string]CaseType{
		"doegninstitution": InstitutionCase, "korttidsanbringelse": InstitutionCase,
		"plejefamilie": FamilyCareCase, "netvaerkspleje": FamilyCareCase,
		"eget-vaerelse": HomeBasedCase, "efterskole-anbragt": HomeBasedCase,
		"aflastning": PreventiveCase, "doegnophold-familie": PreventiveCase, "efterskole": PreventiveCase,
	}
	for code, want := range cases {
		got, ok := CaseTypeOf(ladder.MustParseIntervention(code))
		assert.True(t, ok, code)
		assert.Equal(t, want, got, code)
	}
	for _, code := range []string{"tidlig-forebyggende", "familiecentral", "psykologsamtaler", "sundhedspleje-behovsbesoeg",
		// Aftercare is for young adults: none of Figur 2.2's child case types.
		"ungestoette-plejefamilie", "ungestoette-institution", "ungestoette-kontaktperson"} {
		_, ok := CaseTypeOf(ladder.MustParseIntervention(code))
		assert.False(t, ok, code)
	}
	assert.Equal(t, "measure.CaseType(0)", CaseType(0).String())
}

func TestComplianceRates(t *testing.T) {
	// H-INST from 2024-02-05: due 19 Feb (held 22 Feb, 3 days late) and
	// 1 Apr (statutory BL-95, not held) by 15 Apr.
	r := fuRecord(t, "c1", "doegninstitution", "2024-02-05", "", held("2024-02-22", true))
	plan, err := followup.Herning().Schedule(r, followup.Options{AsOf: ladder.MustParseDate("2024-04-15")})
	require.NoError(t, err)
	d := ComplianceRates([]followup.Plan{plan})
	assert.Equal(t, 2, d.Due)
	assert.Equal(t, 0, d.OnTime)
	assert.Equal(t, 1, d.Late)
	assert.Equal(t, 1, d.Overdue)
	assert.Equal(t, 1, d.StatutoryDue)
	assert.Equal(t, 0.0, d.Rate)
	assert.Equal(t, 0.0, d.StatutoryRate)
	assert.Equal(t, 1.0, ComplianceRates(nil).Rate)
}
