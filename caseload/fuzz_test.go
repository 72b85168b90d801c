package caseload_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// FuzzDecodeTeam feeds arbitrary JSON to DecodeTeam and everything that
// reads a team: nothing may panic, and a team that decodes must survive a
// round trip.
func FuzzDecodeTeam(f *testing.F) {
	f.Add([]byte(exampleJSON))
	f.Add([]byte(teamJSON))
	f.Add([]byte(`{"workers":[{"id":"w1","fte":1e308},{"id":"w1","fte":-0}],"cases":[{"id":"","worker":"w1"}]}`))
	f.Add([]byte(`{"cases":[{"id":"c","measures":[{"id":"m","intervention":"mst","start":"0001-01-01","end":"9999-12-31"}]}]}`))
	f.Add([]byte(`{"cases":[{"id":"c","measures":[{"id":"m","intervention":"kostskole","start":"2026-01-05","decision":{"every":"P1D"}}]}]}`))
	on := ladder.MustParseDate("2026-03-02")
	minutes := caseload.Minutes{followup.FollowUp: 240}
	f.Fuzz(func(t *testing.T, data []byte) {
		team, err := caseload.DecodeTeam(data, nil)
		if err != nil {
			return
		}
		for _, p := range []caseload.Policy{caseload.Herning(), caseload.DS2020()} {
			_ = caseload.Validate(team, p, on)
			_, _, _ = caseload.Suggest(team, p, caseload.Case{ID: "fuzz-new"}, on)
			for _, c := range team.Cases {
				_, _ = caseload.CheckReassignment(team, p, c.ID, c.Worker, on)
			}
		}
		for _, c := range team.Cases {
			_ = caseload.Transfer(c, on)
		}
		_, _ = caseload.Workload(team, followup.Herning(), on, followup.AddMonths(on, 1), minutes)

		b, err := json.Marshal(team)
		require.NoError(t, err)
		back, err := caseload.DecodeTeam(b, nil)
		require.NoError(t, err)
		require.Equal(t, team, back)
	})
}
