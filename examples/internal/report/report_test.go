package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func decode(t *testing.T, doc string) *input.Data {
	t.Helper()
	d, err := input.Decode("test.json", strings.NewReader(doc), input.Options{})
	require.NoError(t, err)
	return d
}

// An item due on a Sunday that is the as-of date has its working day on
// the Friday before: it is upcoming, and the due list must keep it.
func TestDueKeepsItemDueOnAWeekendAsOf(t *testing.T) {
	d := decode(t, `{"workers": [{"id": "w1"}], "cases": [{"id": "c1", "worker": "w1",
	  "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-11-08"}]}]}`)
	r, err := Build(d, Options{AsOf: ladder.MustParseDate("2026-11-22"), Weeks: 1})
	require.NoError(t, err)
	due := r.Due()
	require.NotEmpty(t, due)
	first := due[0]
	assert.Equal(t, "2026-11-22", first.Due.String())
	assert.Equal(t, "2026-11-20", first.WorkingDay.String())
	assert.Equal(t, followup.Upcoming, first.Status)
	assert.Equal(t, 1, r.Workers[0].Upcoming)
}

func TestBuild(t *testing.T) {
	d := decode(t, `{"workers": [{"id": "w1", "fte": 0.5}, {"id": "w2"}],
	  "cases": [
	    {"id": "c1", "worker": "w1", "measures": [{"id": "m1", "intervention": "plejefamilie", "start": "2026-01-05",
	       "followups": [{"date": "2026-01-19", "childConversation": true}]}],
	     "goals": [{"id": "g1", "what": "Bedre trivsel"}]},
	    {"id": "c2", "worker": "w2", "measures": [{"id": "m2", "intervention": "kostskole", "start": "2025-01-06"}]}]}`)
	r, err := Build(d, Options{AsOf: ladder.MustParseDate("2026-03-02"), Weeks: 4, Lang: "en"})
	require.NoError(t, err)
	assert.Equal(t, "2026-03-30", r.Until.String())
	assert.Equal(t, "en", r.Lang)
	require.Len(t, r.Workers, 2)
	assert.Equal(t, 12.0, r.Workers[0].HardLimit) // 25 × 0.5
	assert.Equal(t, 25.0, r.Workers[1].HardLimit)

	areas := map[string]bool{}
	for _, f := range r.Findings {
		areas[f.Area] = true
		if f.Area == "smart" {
			assert.Equal(t, "c1", f.Case)
			assert.Equal(t, "w1", f.Worker)
		}
	}
	assert.True(t, areas["smart"])
	assert.True(t, areas["schedule"]) // kostskole: statutory only

	for i := 1; i < len(r.Items); i++ {
		assert.LessOrEqual(t, r.Items[i-1].WorkingDay, r.Items[i].WorkingDay)
	}
	var first Item
	for _, it := range r.Items {
		if it.Case == "c1" {
			first = it
			break
		}
	}
	assert.Equal(t, followup.Done, first.Status)
	require.NotNil(t, first.Held)
	assert.Equal(t, "2026-01-19", first.Held.Date.String())
	assert.True(t, strings.HasPrefix(first.Why.Text, "H-PLEJE: Placement"), first.Why.Text)

	b, err := json.Marshal(r)
	require.NoError(t, err)
	for _, k := range []string{`"items"`, `"findings"`, `"figures"`, `"workingDay"`, `"childConversation"`, `"why"`} {
		assert.Contains(t, string(b), k)
	}

	// One worker.
	r, err = Build(d, Options{AsOf: ladder.MustParseDate("2026-03-02"), Worker: "w2"})
	require.NoError(t, err)
	for _, it := range r.Items {
		assert.Equal(t, "w2", it.Worker)
	}
	_, err = Build(d, Options{AsOf: ladder.MustParseDate("2026-03-02"), Worker: "w9"})
	assert.NotNil(t, input.AsErrors(err))
}

func TestBuildRejects(t *testing.T) {
	d := decode(t, `{"cases": []}`)
	_, err := Build(d, Options{})
	assert.Error(t, err)
	_, err = Build(d, Options{AsOf: ladder.MustParseDate("2026-03-02"), Weeks: MaxWeeks + 1})
	assert.Error(t, err)
	r, err := Build(d, Options{AsOf: ladder.MustParseDate("2026-03-02"), Weeks: MaxWeeks})
	require.NoError(t, err)
	assert.Empty(t, r.Items)
	assert.NotNil(t, r.Items)
}

// A worker named only by a case (no "workers" list) counts as full time
// for the caseload check, and is not reported as unknown.
func TestWorkerNamedOnlyByACase(t *testing.T) {
	d := decode(t, `{"cases": [{"id": "c1", "worker": "w1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05"}]}]}`)
	r, err := Build(d, Options{AsOf: ladder.MustParseDate("2026-03-02")})
	require.NoError(t, err)
	require.Len(t, r.Workers, 1)
	assert.Equal(t, 25.0, r.Workers[0].HardLimit)
	for _, f := range r.Findings {
		assert.NotEqual(t, "caseload", f.Area, f.Code)
	}
}
