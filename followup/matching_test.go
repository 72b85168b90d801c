package followup_test

import (
	"errors"
	"github.com/trappe-dk/trappe/ladder/msg"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// Two follow-ups due over one weekend share Friday as their working day.
// One rule holds on every path (domain.md §2, revised): a held follow-up
// satisfies at most one item, and one held on the same day as the
// follow-up that satisfied the previous item is an extra follow-up — two
// follow-ups on one day are one meeting. So two held that Friday satisfy
// only the first; one held the Friday and one the Saturday satisfy both
// (the Saturday's is not held before the previous item's working day).
func TestMatchingTwoItemsOverAWeekend(t *testing.T) {
	meeting := followup.Content{ChildConversation: followup.Required, Modes: followup.ModesOf(followup.InPerson)}
	rs, err := followup.NewRuleSet(followup.RuleSetSpec{Name: "Vendor test", Layer: followup.Municipal, Effective: ladder.MustParseDate("2020-01-01"), Source: "test",
		Rules: []followup.Rule{{ID: "V-TEST", Source: "test", Fixed: []followup.Fixed{
			{At: followup.Span{Days: 5}, Kind: followup.FollowUp, Content: meeting},
			{At: followup.Span{Days: 6}, Kind: followup.FollowUp, Content: meeting},
		}}},
		Bindings: []followup.Binding{{Code: "v-test", Rule: "V-TEST"}}})
	require.NoError(t, err)
	reg, err := followup.NewRegime(rs, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	cat, err := ladder.Default().Extend(ladder.Intervention{Code: "v-test", Danish: "Test", Step: ladder.HomeBased, Basis: ladder.BasisSupport})
	require.NoError(t, err)
	// Monday 4 Mar 2024: +5 days = Sat 9 Mar, +6 days = Sun 10 Mar; both
	// have working day Fri 8 Mar. The measure ends 31 Mar, before the
	// statutory deadline 4 Jun: only the two items.
	m, err := cat.NewMeasure("m", "v-test", ladder.MustParseDate("2024-03-04"), ladder.MustParseDate("2024-03-31"))
	require.NoError(t, err)
	fri, sat := ladder.MustParseDate("2024-03-08"), ladder.MustParseDate("2024-03-09")
	asOf := ladder.MustParseDate("2024-03-11")
	held := func(days ...date.Date) []followup.Held {
		var out []followup.Held
		for _, d := range days {
			out = append(out, followup.Held{On: d, ChildConversation: true, Mode: followup.InPerson})
		}
		return out
	}

	t.Run("two held the same Friday are one meeting", func(t *testing.T) {
		p, err := reg.Schedule(followup.Record{Case: "c", Measure: m, Held: held(fri, fri)}, followup.Options{AsOf: asOf})
		require.NoError(t, err)
		require.Equal(t, 2, p.Len())
		for i := range 2 {
			assert.Equal(t, fri, p.At(i).WorkingDay)
		}
		assert.Equal(t, followup.Done, p.At(0).Status)
		assert.Equal(t, fri, p.At(0).HeldOn)
		assert.Equal(t, followup.Overdue, p.At(1).Status, "due Sun 10 Mar, not held by 11 Mar")
		assert.Zero(t, p.At(1).HeldOn)
		c := p.Compliance()
		assert.Equal(t, 1, c.Extra)
		assert.Equal(t, 1, c.DoneOnTime)
		assert.Equal(t, 1, c.Overdue)
	})

	t.Run("Friday and Saturday satisfy both", func(t *testing.T) {
		p, err := reg.Schedule(followup.Record{Case: "c", Measure: m, Held: held(sat, fri)}, followup.Options{AsOf: asOf})
		require.NoError(t, err)
		require.Equal(t, 2, p.Len())
		assert.Equal(t, fri, p.At(0).HeldOn)
		assert.Equal(t, sat, p.At(1).HeldOn)
		c := p.Compliance()
		assert.Equal(t, 0, c.Extra)
		assert.Equal(t, 2, c.DoneOnTime)
	})
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
	var text string
	for _, f := range p.Findings() {
		if f.Code == "followup.statutory-only" {
			text = f.Text(msg.English)
		}
	}
	assert.Equal(t, "There are no municipal follow-up rules for kostskole (Placement at a boarding school); only the statutory floor applies.", text)
}

func TestNewRegimeReportsEveryProblem(t *testing.T) {
	_, err := followup.NewRegime(followup.ServiceLoven(), nil, followup.HerningRules())
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	// The municipal argument is a statutory set, statutory[0] is nil and
	// statutory[1] is municipal: three problems, not only the first.
	assert.Equal(t, []string{"regime.layer", "regime.statutory.nil", "regime.layer"}, le.Findings.Codes())
}
