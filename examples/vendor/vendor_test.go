package vendor

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

var d = ladder.MustParseDate

func TestAVendorStoresPlansAndReadsThemBack(t *testing.T) {
	// The vendor's own intervention, on the home-based step, as support.
	cat, err := ladder.Default().Extend(ladder.Intervention{Code: "acme-mentor", Danish: "Mentorforløb", English: "Mentoring",
		Step: ladder.HomeBased, Basis: ladder.BasisSupport})
	require.NoError(t, err)
	// Its municipality follows Herning's table and binds the vendor's code
	// to H-FOREB: data, not code.
	spec := followup.HerningRules().Spec()
	spec.Bindings = append(spec.Bindings, followup.Binding{Code: "acme-mentor", Rule: "H-FOREB"})
	rules, err := followup.NewRuleSet(spec)
	require.NoError(t, err)
	regime, err := followup.NewRegime(rules, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)

	// Five children.
	codes := []string{"acme-mentor", "plejefamilie", "doegninstitution", "mst", "kostskole"}
	asOf := d("2025-06-02")
	var plans []followup.Plan
	for i, code := range codes {
		m, err := cat.NewMeasure(fmt.Sprintf("m%d", i+1), code, d("2025-01-06"), 0)
		require.NoError(t, err)
		p, err := regime.Schedule(followup.Record{Case: fmt.Sprintf("c%d", i+1), Measure: m}, followup.Options{AsOf: asOf})
		require.NoError(t, err)
		plans = append(plans, p)
	}
	// H-FOREB from Monday 6 Jan 2025: +4 weeks 3 Feb, the vendor's first.
	assert.Equal(t, d("2025-02-03"), plans[0].At(0).Due)
	assert.Equal(t, []string{"H-FOREB"}, plans[0].At(0).Rules())

	due, err := followup.DueIn(plans, asOf, d("2025-06-30"))
	require.NoError(t, err)
	assert.NotEmpty(t, due)

	// Store each plan as JSON and read it back, with the vendor's
	// catalogue, under the same regime: the same plan.
	for _, p := range plans {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		back, err := regime.DecodePlan(b, cat)
		require.NoError(t, err)
		assert.True(t, p.Equal(back), p.MeasureID())
	}
	// Under Herning's own regime the vendor's plan does not read back: its
	// code is bound to no rule there, so the answer differs.
	b, err := json.Marshal(plans[0])
	require.NoError(t, err)
	_, err = followup.Herning().DecodePlan(b, cat)
	assert.ErrorIs(t, err, followup.ErrInput)
}
