package ladder_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// stepTable restates domain.md §1's ladder table by hand. English names are
// the table's, without its parenthetical notes; domain.md writes the network
// step "Kinship / network placement", the code says "Kinship or network
// placement" (same meaning).
var stepTable = []struct {
	step    ladder.Step
	rank    int
	code    string
	danish  string
	english string
	placing bool // one of the three placement steps
}{
	{ladder.EverydayLife, 0, "hverdagsliv", "Almindeligt hverdagsliv", "Ordinary everyday life", false},
	{ladder.Universal, 1, "almen", "Tidlige indsatser i almenområdet", "Early help in universal services", false},
	{ladder.Preventive, 2, "forebyggende", "Forebyggende indsatser", "Preventive measures", false},
	{ladder.HomeBased, 3, "hjemmebaseret", "Hjemmebaserede foranstaltninger", "Home-based measures", false},
	{ladder.Network, 4, "netvaerk", "Anbringelse i slægt eller netværk", "Kinship / network placement", true},
	{ladder.FosterFamily, 5, "plejefamilie", "Anbringelse i plejefamilie", "Foster-family placement", true},
	{ladder.Institution, 6, "institution", "Anbringelse på institution", "Residential placement", true},
}

func TestStepTable(t *testing.T) {
	require.Len(t, ladder.Steps(), len(stepTable), "seven steps including everyday life")
	for i, tc := range stepTable {
		t.Run(tc.code, func(t *testing.T) {
			assert.Equal(t, tc.step, ladder.Steps()[i], "Steps() is least to most intrusive")
			assert.Equal(t, tc.rank, tc.step.Rank())
			assert.True(t, tc.step.IsValid())
			assert.Equal(t, tc.code, tc.step.Code())
			assert.Equal(t, tc.code, tc.step.String())
			assert.Equal(t, tc.danish, tc.step.Danish())
			assert.Equal(t, tc.english, tc.step.English())
			assert.Equal(t, tc.placing, tc.step.IsPlacementStep())
		})
	}
	assert.Equal(t, ladder.EverydayLife, ladder.Lowest)
	assert.Equal(t, ladder.Institution, ladder.Highest)
}

func TestStepsReturnsFreshSlice(t *testing.T) {
	s := ladder.Steps()
	s[0] = ladder.Institution
	assert.Equal(t, ladder.EverydayLife, ladder.Steps()[0])
}

func TestStepZeroValue(t *testing.T) {
	var s ladder.Step
	assert.Equal(t, ladder.EverydayLife, s)
	assert.True(t, s.IsValid())
	assert.Equal(t, "hverdagsliv", s.String())
	assert.False(t, s.IsPlacementStep())
}

func TestStepTextAndJSONRoundTrip(t *testing.T) {
	for _, tc := range stepTable {
		t.Run(tc.code, func(t *testing.T) {
			text, err := tc.step.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.code, string(text))

			var back ladder.Step = 99 // not the zero value, so a no-op would show
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, tc.step, back)

			js, err := json.Marshal(tc.step)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.code+`"`, string(js))

			var fromJSON ladder.Step = 99
			require.NoError(t, json.Unmarshal(js, &fromJSON))
			assert.Equal(t, tc.step, fromJSON)

			// As a field and as a map key.
			type rec struct {
				S ladder.Step `json:"s"`
			}
			js, err = json.Marshal(map[ladder.Step]rec{tc.step: {tc.step}})
			require.NoError(t, err)
			assert.Equal(t, `{"`+tc.code+`":{"s":"`+tc.code+`"}}`, string(js))
		})
	}
}

func TestStepInvalid(t *testing.T) {
	for _, n := range []uint8{7, 9, 255} {
		s := ladder.Step(n)
		want := fmt.Sprintf("ladder.Step(%d)", n)
		assert.False(t, s.IsValid())
		assert.Equal(t, want, s.String())
		assert.Equal(t, want, s.Code())
		assert.Equal(t, want, s.Danish())
		assert.Equal(t, want, s.English())
		assert.False(t, s.IsPlacementStep())

		_, err := s.MarshalText()
		assert.Error(t, err)
		_, err = json.Marshal(s)
		assert.Error(t, err)

		up, ok := s.Up()
		assert.False(t, ok)
		assert.Equal(t, s, up)
		down, ok := s.Down()
		assert.False(t, ok)
		assert.Equal(t, s, down)
	}
	assert.Equal(t, "ladder.Step(9)", ladder.Step(9).String())
}

func TestParseStep(t *testing.T) {
	for _, tc := range stepTable {
		s, err := ladder.ParseStep(tc.code)
		require.NoError(t, err, tc.code)
		assert.Equal(t, tc.step, s)
		assert.Equal(t, tc.step, ladder.MustParseStep(tc.code))
	}
}

func TestParseStepErrors(t *testing.T) {
	bad := []string{
		"",
		"plejefamilje",    // misspelt
		"Plejefamilie",    // case variant
		"PLEJEFAMILIE",    // case variant
		"Hverdagsliv",     // case variant
		" plejefamilie",   // leading space
		"plejefamilie ",   // trailing space
		"netværk",         // the Danish letter, not the code
		"under-afklaring", // a case status, not a step
		"under afklaring",
		"3",
		"ladder.Step(9)",
		"plejefamilie\x00",
	}
	for _, in := range bad {
		t.Run(fmt.Sprintf("%q", in), func(t *testing.T) {
			s, err := ladder.ParseStep(in)
			require.Error(t, err)
			assert.Equal(t, ladder.EverydayLife, s)
			assert.Contains(t, err.Error(), fmt.Sprintf("ladder.ParseStep: unknown step %q", in))
			assert.Panics(t, func() { ladder.MustParseStep(in) })
		})
	}
	_, err := ladder.ParseStep("plejefamilje")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `ladder.ParseStep: unknown step "plejefamilje"`)
}

func TestStepUnmarshalTextLeavesValueOnError(t *testing.T) {
	s := ladder.Network
	require.Error(t, s.UnmarshalText([]byte("Netvaerk")))
	assert.Equal(t, ladder.Network, s)

	var rec struct {
		S ladder.Step `json:"s"`
	}
	rec.S = ladder.FosterFamily
	require.Error(t, json.Unmarshal([]byte(`{"s":"plejefamilje"}`), &rec))
	assert.Equal(t, ladder.FosterFamily, rec.S)
	require.Error(t, json.Unmarshal([]byte(`{"s":5}`), &rec), "steps are codes, not numbers")
	assert.Equal(t, ladder.FosterFamily, rec.S)
}

func TestStepOrdering(t *testing.T) {
	all := ladder.Steps()
	for i, a := range all {
		for j, b := range all {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			assert.Equal(t, want, a.Compare(b), "%s.Compare(%s)", a, b)
			assert.Equal(t, i < j, a < b, "%s < %s", a, b)
			assert.Equal(t, -want, b.Compare(a))
		}
	}
	// Spot checks worked out from the table.
	assert.True(t, ladder.Network < ladder.FosterFamily)
	assert.True(t, ladder.HomeBased > ladder.Preventive)
	assert.Equal(t, 1, ladder.Institution.Compare(ladder.FosterFamily))
	assert.Equal(t, -1, ladder.EverydayLife.Compare(ladder.Universal))
	assert.Equal(t, 0, ladder.HomeBased.Compare(ladder.HomeBased))
}

func TestStepUpDown(t *testing.T) {
	tests := []struct {
		s      ladder.Step
		up     ladder.Step
		upOK   bool
		down   ladder.Step
		downOK bool
	}{
		{ladder.EverydayLife, ladder.Universal, true, ladder.EverydayLife, false},
		{ladder.Universal, ladder.Preventive, true, ladder.EverydayLife, true},
		{ladder.Preventive, ladder.HomeBased, true, ladder.Universal, true},
		{ladder.HomeBased, ladder.Network, true, ladder.Preventive, true},
		{ladder.Network, ladder.FosterFamily, true, ladder.HomeBased, true},
		{ladder.FosterFamily, ladder.Institution, true, ladder.Network, true},
		{ladder.Institution, ladder.Institution, false, ladder.FosterFamily, true},
	}
	for _, tc := range tests {
		t.Run(tc.s.String(), func(t *testing.T) {
			up, ok := tc.s.Up()
			assert.Equal(t, tc.upOK, ok)
			assert.Equal(t, tc.up, up)
			down, ok := tc.s.Down()
			assert.Equal(t, tc.downOK, ok)
			assert.Equal(t, tc.down, down)
		})
	}
}

func TestBasis(t *testing.T) {
	tests := []struct {
		b    ladder.Basis
		code string
		law  bool
	}{
		{ladder.BasisUniversal, "universal", false},
		{ladder.BasisEarly, "early", false},
		{ladder.BasisSupport, "support", true},
		{ladder.BasisPlacement, "placement", true},
		// Aftercare (ungestøtte): BL § 95, stk. 1, lists §§ 114–116.
		{ladder.BasisAftercare, "aftercare", true},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			assert.True(t, tc.b.IsValid())
			assert.Equal(t, tc.code, tc.b.String())
			assert.Equal(t, tc.law, tc.b.FollowUpByLaw())

			text, err := tc.b.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.code, string(text))
			var back ladder.Basis
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, tc.b, back)

			js, err := json.Marshal(tc.b)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.code+`"`, string(js))
		})
	}
	for _, n := range []uint8{0, 6, 255} {
		b := ladder.Basis(n)
		assert.False(t, b.IsValid())
		assert.Equal(t, fmt.Sprintf("ladder.Basis(%d)", n), b.String())
		assert.False(t, b.FollowUpByLaw())
		_, err := b.MarshalText()
		assert.Error(t, err)
	}
	b := ladder.BasisSupport
	for _, in := range []string{"", "Support", "placement ", "ladder.Basis(0)"} {
		err := b.UnmarshalText([]byte(in))
		require.Error(t, err, "%q", in)
		assert.Contains(t, err.Error(), fmt.Sprintf("ladder.Basis.UnmarshalText: unknown basis %q", in))
		assert.Equal(t, ladder.BasisSupport, b, "unchanged on error")
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		d      ladder.Direction
		code   string
		danish string
	}{
		{ladder.Up, "up", "op"},
		{ladder.Down, "down", "ned"},
		{ladder.Lateral, "lateral", "sideværts"},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			assert.True(t, tc.d.IsValid())
			assert.Equal(t, tc.code, tc.d.String())
			assert.Equal(t, tc.danish, tc.d.Danish())
			js, err := json.Marshal(tc.d)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.code+`"`, string(js))
			var back ladder.Direction
			require.NoError(t, json.Unmarshal(js, &back))
			assert.Equal(t, tc.d, back)
		})
	}
	for _, n := range []uint8{0, 4, 200} {
		d := ladder.Direction(n)
		want := fmt.Sprintf("ladder.Direction(%d)", n)
		assert.False(t, d.IsValid())
		assert.Equal(t, want, d.String())
		assert.Equal(t, want, d.Danish())
		_, err := d.MarshalText()
		assert.Error(t, err)
	}
	d := ladder.Down
	for _, in := range []string{"", "Up", "op", "sideways"} {
		err := d.UnmarshalText([]byte(in))
		require.Error(t, err)
		assert.Contains(t, err.Error(), fmt.Sprintf("ladder.Direction.UnmarshalText: unknown direction %q", in))
		assert.Equal(t, ladder.Down, d)
	}
}
