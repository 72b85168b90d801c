package followup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// Aftercare (ungestøtte, BL §§ 114–116) is covered by Barnets Lov's
// follow-up (BL § 95, stk. 1) and bound to no Herning rule: the statutory
// floor alone, worked by hand.
func TestAftercareStatutoryFloor(t *testing.T) {
	tests := []struct {
		name, code, start string
		due, workingDay   string
		inWhy             string
	}{
		// 15 Mar 2024 + 3 months = 15 Jun 2024, a Saturday; the working
		// day before is Friday 14 June (Grundlovsdag is 5 June).
		{"under Barnets Lov", "ungestoette-kontaktperson", "2024-03-15", "2024-06-15", "2024-06-14", "3 months after the measure's start 2024-03-15"},
		// Begun under Serviceloven, which does not cover aftercare (SEL §
		// 70's coverage of § 76 unconfirmed): nothing is due in 2023. Under
		// Barnets Lov 1 Sep 2023 + 3 months = 1 Dec 2023 falls before the
		// law took effect, so the deadline is 1 Jan 2024 (New Year's Day),
		// planned on Friday 29 Dec 2023 (30–31 Dec are a weekend).
		{"begun under Serviceloven", "ungestoette-plejefamilie", "2023-09-01", "2024-01-01", "2023-12-29", "so it is the day it took effect, 2024-01-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ladder.NewMeasure("m1", ladder.MustParseIntervention(tc.code), d(tc.start), 0)
			require.NoError(t, err)
			p, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: m}, followup.Options{AsOf: d("2024-07-01")})
			require.NoError(t, err)
			items := p.Items()
			require.Len(t, items, 1, "no municipal rule, and no decided cadence after the first follow-up")
			it := items[0]
			assert.Equal(t, d(tc.due), it.Due)
			assert.Equal(t, d(tc.workingDay), it.WorkingDay)
			assert.True(t, it.Statutory)
			assert.Equal(t, []string{"BL-95"}, it.Rules())
			assert.Equal(t, followup.Overdue, it.Status)
			assert.Contains(t, it.Line("en"), tc.inWhy)
			codes := p.Findings().Codes()
			assert.Contains(t, codes, "followup.statutory-only", "Herning's table is silent on aftercare")
			assert.Contains(t, codes, "followup.bl.no-decision", "no Herning rule, so no standing decision applies")
		})
	}
}
