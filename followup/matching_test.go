package followup_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// Two follow-ups due over one weekend share Friday as their working day;
// two follow-ups held that Friday satisfy both (the second is not "held
// before the previous item was due").
func TestMatchingTwoItemsOverAWeekend(t *testing.T) {
	meeting := followup.Content{ChildConversation: followup.Required, Modes: followup.ModesOf(followup.InPerson)}
	rs, err := followup.NewRuleSet(followup.RuleSetSpec{Name: "Vendor test", Layer: followup.Municipal, Effective: ladder.MustParseDate("2020-01-01"), Source: "test",
		Rules: []followup.Rule{{ID: "V-TEST", Source: "test", Fixed: []followup.Fixed{
			{At: followup.Span{Days: 5}, Kind: followup.FollowUp, Content: meeting},
			{At: followup.Span{Days: 6}, Kind: followup.FollowUp, Content: meeting},
		}}}})
	require.NoError(t, err)
	reg, err := followup.NewRegime(rs, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	cat, err := ladder.Default().Extend(ladder.Intervention{Code: "v-test", Danish: "Test", Step: ladder.HomeBased, Basis: ladder.BasisSupport, Rule: "V-TEST"})
	require.NoError(t, err)
	// Monday 4 Mar 2024: +5 days = Sat 9 Mar, +6 days = Sun 10 Mar; both
	// have working day Fri 8 Mar.
	m, err := cat.NewMeasure("m", "v-test", ladder.MustParseDate("2024-03-04"), ladder.MustParseDate("2024-03-31"))
	require.NoError(t, err)
	fri := ladder.MustParseDate("2024-03-08")
	rec := followup.Record{Case: "c", Measure: m, Held: []followup.Held{
		{On: fri, ChildConversation: true, Mode: followup.InPerson},
		{On: fri, ChildConversation: true, Mode: followup.InPerson},
	}}
	p, err := reg.Schedule(rec, followup.Options{AsOf: ladder.MustParseDate("2024-03-11")})
	require.NoError(t, err)
	require.Equal(t, 2, p.Len())
	for i := range 2 {
		it := p.At(i)
		assert.Equal(t, fri, it.WorkingDay)
		assert.Equal(t, followup.Done, it.Status, it.Due.String())
		assert.Equal(t, fri, it.HeldOn)
	}
	c := p.Compliance()
	assert.Equal(t, 0, c.Extra)
	assert.Equal(t, 2, c.DoneOnTime)
}

func TestScheduleNilRegimeAndLawOnly(t *testing.T) {
	m, err := ladder.Default().NewMeasure("m", "kostskole", ladder.MustParseDate("2024-03-04"), 0)
	require.NoError(t, err)
	var nilRegime *followup.Regime
	_, err = nilRegime.Schedule(followup.Record{Measure: m}, followup.Options{AsOf: ladder.MustParseDate("2024-03-04")})
	assert.ErrorIs(t, err, followup.ErrInput)

	law, err := followup.NewRegime(nil, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	p, err := law.Schedule(followup.Record{Measure: m}, followup.Options{AsOf: ladder.MustParseDate("2024-03-04")})
	require.NoError(t, err)
	var msg string
	for _, f := range p.Findings() {
		if f.Code == "followup.statutory-only" {
			msg = f.En
		}
	}
	assert.Equal(t, "There are no municipal follow-up rules; only the statutory floor applies.", msg)
}

func TestNewRegimeReportsEveryProblem(t *testing.T) {
	_, err := followup.NewRegime(followup.ServiceLoven(), nil, followup.HerningRules())
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	// The municipal argument is a statutory set, statutory[0] is nil and
	// statutory[1] is municipal: three problems, not only the first.
	assert.Equal(t, []string{"regime.layer", "regime.statutory.nil", "regime.layer"}, le.Findings.Codes())
}
