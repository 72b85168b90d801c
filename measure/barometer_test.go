package measure_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder/msg"
	"github.com/trappe-dk/trappe/measure"
)

func TestBarometerDueDate(t *testing.T) {
	tests := []struct {
		d           measure.BarometerDeadline
		start, want string
	}{
		// 3 months, counted by hand on the calendar.
		{measure.FirstFollowUpDeadline, "2024-03-15", "2024-06-15"},
		{measure.FirstFollowUpDeadline, "2024-01-31", "2024-04-30"}, // no 31 April: clamp
		{measure.FirstFollowUpDeadline, "2023-11-30", "2024-02-29"}, // 2024 is a leap year
		{measure.FirstFollowUpDeadline, "2022-11-30", "2023-02-28"}, // 2023 is not
		{measure.FirstFollowUpDeadline, "2024-11-29", "2025-02-28"},
		{measure.FirstFollowUpDeadline, "2024-12-31", "2025-03-31"}, // across the new year
		{measure.FirstFollowUpDeadline, "2024-05-31", "2024-08-31"},
		// 4 months.
		{measure.AssessmentDeadline, "2024-06-30", "2024-10-30"},
		{measure.AssessmentDeadline, "2023-10-31", "2024-02-29"},
		{measure.AssessmentDeadline, "2022-10-31", "2023-02-28"},
		{measure.AssessmentDeadline, "2099-10-31", "2100-02-28"}, // 2100 is not a leap year
		{measure.AssessmentDeadline, "2199-08-31", "2199-12-31"}, // the last day the library accepts
	}
	for _, tt := range tests {
		t.Run(tt.d.String()+"/"+tt.start, func(t *testing.T) {
			assert.Equal(t, day(tt.want), tt.d.DueDate(day(tt.start)))
		})
	}
	assert.Zero(t, measure.BarometerDeadline(0).DueDate(day("2024-01-01")))
	assert.Zero(t, measure.FirstFollowUpDeadline.DueDate(0))
}

func TestBarometerDeadlineLabels(t *testing.T) {
	assert.Equal(t, "foerste-opfoelgning", measure.FirstFollowUpDeadline.String())
	assert.Equal(t, "boernefaglig-undersoegelse", measure.AssessmentDeadline.String())
	assert.Equal(t, "første opfølgning", measure.FirstFollowUpDeadline.Danish())
	assert.Equal(t, "child assessment", measure.AssessmentDeadline.English())
	assert.Equal(t, 3, measure.FirstFollowUpDeadline.Months())
	assert.Equal(t, 4, measure.AssessmentDeadline.Months())
	assert.Contains(t, measure.FirstFollowUpDeadline.Law(), "BL § 95")
	assert.Contains(t, measure.AssessmentDeadline.Law(), "BL § 20 stk. 3")
	for _, bad := range []measure.BarometerDeadline{0, 3, 255} {
		assert.False(t, bad.IsValid())
		assert.Equal(t, fmt.Sprintf("measure.BarometerDeadline(%d)", bad), bad.String())
		assert.Equal(t, bad.String(), bad.Danish())
		assert.Equal(t, bad.String(), bad.English())
		assert.Zero(t, bad.Months())
		assert.Empty(t, bad.Law())
	}
	assert.Equal(t, "keep", measure.KeepEndedEarly.String())
	assert.Equal(t, "drop", measure.DropEndedEarly.String())
	assert.Equal(t, "measure.EndedEarly(0)", measure.EndedEarly(0).String())
	assert.False(t, measure.EndedEarly(3).IsValid())
}

func TestBarometerBenchmarks(t *testing.T) {
	type key struct {
		d    measure.BarometerDeadline
		year int
	}
	got := map[key]int{}
	for _, b := range measure.BarometerBenchmarks() {
		got[key{b.Deadline, b.Year}] = b.Percent
		assert.Contains(t, b.Source, "Ankestyrelsen")
	}
	// The national figures read on ast.dk (see barometer.go).
	assert.Equal(t, map[key]int{
		{measure.FirstFollowUpDeadline, 2019}: 44,
		{measure.FirstFollowUpDeadline, 2024}: 75,
		{measure.AssessmentDeadline, 2021}:    60,
		{measure.AssessmentDeadline, 2024}:    50,
	}, got)
	bs := measure.BarometerBenchmarks()
	bs[0].Percent = 0
	assert.Equal(t, 44, measure.BarometerBenchmarks()[0].Percent, "a copy is returned")
}

// counts is the expected tally of one record, written by hand.
type counts struct{ due, onTime, late, missing, pending, dropped int }

func countsOf(c measure.BarometerCount) counts {
	return counts{c.Due, c.OnTime, c.Late, c.Missing, c.Pending, c.Dropped}
}

func TestFirstFollowUpsOutcomes(t *testing.T) {
	var (
		onTime  = counts{due: 1, onTime: 1}
		late    = counts{due: 1, late: 1}
		missing = counts{due: 1, missing: 1}
		pending = counts{pending: 1}
		dropped = counts{dropped: 1}
		none    = counts{}
	)
	tests := []struct {
		name             string
		start, end, held string
		asOf             string // "" is 2024-12-31
		keep, drop       counts
	}{
		// Deadline 31 Jan + 3 months = 30 April.
		{"held on the deadline", "2024-01-31", "", "2024-04-30", "", onTime, onTime},
		{"held the day after", "2024-01-31", "", "2024-05-01", "", late, late},
		{"held on the first day", "2024-01-31", "", "2024-01-31", "", onTime, onTime},
		{"never held", "2024-01-31", "", "", "", missing, missing},
		// 30 Sep + 3 months = 30 Dec: the as-of day is the deadline, which has passed.
		{"deadline on the as-of date", "2024-09-30", "", "", "2024-12-30", missing, missing},
		// 1 Oct + 3 months = 1 Jan 2025, after the as-of date.
		{"deadline after the as-of date", "2024-10-01", "", "", "", pending, pending},
		{"held early but not yet due", "2024-10-01", "", "2024-10-15", "", pending, pending},
		// 1 Mar + 3 months = 1 June; the measure ended 30 April.
		{"ended early, never held", "2024-03-01", "2024-04-30", "", "", missing, dropped},
		{"ended early, held on time", "2024-03-01", "2024-04-30", "2024-04-20", "", onTime, onTime},
		{"ended early, held after the deadline", "2024-03-01", "2024-04-30", "2024-06-10", "", late, dropped},
		{"ended on the deadline, never held", "2024-03-01", "2024-06-01", "", "", missing, missing},
		{"ended after the deadline, never held", "2024-03-01", "2024-09-30", "", "", missing, missing},
		{"started before the period", "2023-12-31", "", "", "", none, none},
		{"started on the period's last day", "2024-12-31", "", "", "", pending, pending},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := measure.BarometerFollowUp{Case: "c", Measure: "m", Worker: "w", Team: "t", Start: day(tt.start), ByLaw: true}
			if tt.end != "" {
				r.End = day(tt.end)
			}
			if tt.held != "" {
				r.Held = day(tt.held)
			}
			asOf := day("2024-12-31")
			if tt.asOf != "" {
				asOf = day(tt.asOf)
			}
			for _, mode := range []struct {
				e    measure.EndedEarly
				want counts
			}{{0, tt.keep}, {measure.KeepEndedEarly, tt.keep}, {measure.DropEndedEarly, tt.drop}} {
				q := measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-12-31"), AsOf: asOf, EndedEarly: mode.e}
				rep, err := measure.FirstFollowUps([]measure.BarometerFollowUp{r}, q)
				require.NoError(t, err)
				assert.Equal(t, mode.want, countsOf(rep.Total()), "EndedEarly %s", mode.e)
				assert.Equal(t, mode.want.late+mode.want.missing, len(rep.Misses()))
				if mode.e == 0 {
					assert.Equal(t, measure.KeepEndedEarly, rep.Query().EndedEarly, "zero means keep")
				}
			}
		})
	}
}

func TestFirstFollowUpsNotByLaw(t *testing.T) {
	m := mk(t, "m1", "tidlig-forebyggende", "2024-02-01", "")
	r := measure.NewBarometerFollowUp("c1", "w", "t", m, 0)
	assert.False(t, r.ByLaw, "early help (BL § 30) has no statutory follow-up")
	p := measure.NewBarometerFollowUp("c1", "w", "t", mk(t, "m2", "plejefamilie", "2024-02-01", "2024-03-31"), day("2024-03-01"))
	assert.Equal(t, measure.BarometerFollowUp{Case: "c1", Measure: "m2", Worker: "w", Team: "t",
		Start: day("2024-02-01"), End: day("2024-03-31"), Held: day("2024-03-01"), ByLaw: true}, p)

	q := measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31")}
	rep, err := measure.FirstFollowUps([]measure.BarometerFollowUp{r, p}, q)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.NotByLaw())
	assert.Equal(t, counts{due: 1, onTime: 1}, countsOf(rep.Total()))
}

func TestAssessmentsOutcomes(t *testing.T) {
	tests := []struct {
		name                      string
		learned, finished, stoppd string
		keep, drop                counts
	}{
		// 31 Oct 2023 + 4 months = 29 Feb 2024.
		{"finished on the deadline", "2023-10-31", "2024-02-29", "", counts{due: 1, onTime: 1}, counts{due: 1, onTime: 1}},
		{"finished the day after", "2023-10-31", "2024-03-01", "", counts{due: 1, late: 1}, counts{due: 1, late: 1}},
		{"not finished", "2023-10-31", "", "", counts{due: 1, missing: 1}, counts{due: 1, missing: 1}},
		{"stopped before the deadline", "2023-10-31", "", "2024-01-10", counts{due: 1, missing: 1}, counts{dropped: 1}},
		{"stopped after the deadline", "2023-10-31", "", "2024-03-10", counts{due: 1, missing: 1}, counts{due: 1, missing: 1}},
		// 15 Dec + 4 months = 15 April 2024, after the as-of date.
		{"not yet due", "2023-12-15", "", "", counts{pending: 1}, counts{pending: 1}},
		{"learned before the period", "2023-06-30", "", "", counts{}, counts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := measure.BarometerAssessment{Case: "c", Assessment: "u", Worker: "w", Team: "t", Learned: day(tt.learned)}
			if tt.finished != "" {
				r.Finished = day(tt.finished)
			}
			if tt.stoppd != "" {
				r.Stopped = day(tt.stoppd)
			}
			for _, mode := range []struct {
				e    measure.EndedEarly
				want counts
			}{{measure.KeepEndedEarly, tt.keep}, {measure.DropEndedEarly, tt.drop}} {
				q := measure.BarometerQuery{From: day("2023-07-01"), To: day("2023-12-31"), AsOf: day("2024-03-31"), EndedEarly: mode.e}
				rep, err := measure.Assessments([]measure.BarometerAssessment{r}, q)
				require.NoError(t, err)
				assert.Equal(t, mode.want, countsOf(rep.Total()), "EndedEarly %s", mode.e)
				assert.Zero(t, rep.NotByLaw())
				assert.Equal(t, measure.AssessmentDeadline, rep.Deadline())
			}
		})
	}
}

func TestBarometerPerWorkerAndTeam(t *testing.T) {
	d := day
	fu := func(c, w, team, start, held string) measure.BarometerFollowUp {
		r := measure.BarometerFollowUp{Case: c, Measure: "m", Worker: w, Team: team, Start: d(start), ByLaw: true}
		if held != "" {
			r.Held = d(held)
		}
		return r
	}
	rows := []measure.BarometerFollowUp{
		fu("c1", "anne", "nord", "2024-01-10", "2024-03-01"), // due 10 Apr: on time
		fu("c2", "anne", "nord", "2024-01-10", "2024-04-11"), // late by a day
		fu("c3", "bo", "nord", "2024-02-29", "2024-05-29"),   // 29 Feb + 3 months = 29 May: on time
		fu("c4", "bo", "nord", "2024-02-29", ""),             // missing
		fu("c5", "cai", "syd", "2024-05-31", "2024-08-31"),   // 31 May + 3 = 31 Aug: on time
		fu("c6", "cai", "syd", "2024-06-30", ""),             // due 30 Sep ≤ 30 Sep: missing
		fu("c7", "cai", "syd", "2024-07-01", ""),             // due 1 Oct > 30 Sep: pending
		fu("c8", "dan", "vest", "2024-07-15", ""),            // pending
	}
	q := measure.BarometerQuery{From: d("2024-01-01"), To: d("2024-12-31"), AsOf: d("2024-09-30")}
	rep, err := measure.FirstFollowUps(rows, q)
	require.NoError(t, err)

	assert.Equal(t, counts{due: 6, onTime: 3, late: 1, missing: 2, pending: 2}, countsOf(rep.Total()))
	share, ok := rep.Total().Share()
	require.True(t, ok)
	assert.Equal(t, 0.5, share)

	want := map[string]counts{
		"anne": {due: 2, onTime: 1, late: 1},
		"bo":   {due: 2, onTime: 1, missing: 1},
		"cai":  {due: 2, onTime: 1, missing: 1, pending: 1},
		"dan":  {pending: 1},
	}
	var keys []string
	for _, c := range rep.Workers() {
		keys = append(keys, c.Key)
		assert.Equal(t, want[c.Key], countsOf(c), c.Key)
	}
	assert.Equal(t, []string{"anne", "bo", "cai", "dan"}, keys)
	dan, ok := rep.Worker("dan")
	require.True(t, ok)
	_, ok = dan.Share()
	assert.False(t, ok, "nothing due yet")
	_, ok = rep.Worker("eva")
	assert.False(t, ok)

	nord, ok := rep.Team("nord")
	require.True(t, ok)
	assert.Equal(t, counts{due: 4, onTime: 2, late: 1, missing: 1}, countsOf(nord))
	syd, _ := rep.Team("syd")
	assert.Equal(t, counts{due: 2, onTime: 1, missing: 1, pending: 1}, countsOf(syd))
	vest, _ := rep.Team("vest")
	assert.Equal(t, counts{pending: 1}, countsOf(vest))

	misses := rep.Misses()
	assert.Equal(t, []string{"barometer.first-follow-up.late", "barometer.first-follow-up.missing", "barometer.first-follow-up.missing"}, misses.Codes())
	assert.Equal(t, []string{"c2/m", "c4/m", "c6/m"}, []string{misses[0].Subject, misses[1].Subject, misses[2].Subject})
	assert.Contains(t, misses[0].Text(msg.Danish), "efter fristen 2024-04-10")
	assert.Contains(t, misses[0].Text(msg.English), "held 2024-04-11, after the deadline 2024-04-10 (3 months after the measure's start, 2024-01-10)")
	assert.Contains(t, misses[1].Text(msg.English), "not held; the deadline was 2024-05-29")
	for _, f := range misses {
		assert.Contains(t, f.Source, "BL § 95")
	}

	e := rep.Explain()
	assert.Equal(t, "barometer.foerste-opfoelgning", e.Figure)
	assert.Contains(t, e.Message.Text(msg.English), "3 of 6 (50 %)")
	assert.Contains(t, e.Message.Text(msg.English), "1 late, 2 missing, 2 not yet due")
	assert.Contains(t, e.Message.Text(msg.English), "National figure (Ankestyrelsen, Børnesagsbarometret 2024): 75 %")
	assert.Contains(t, e.Source, "BL § 95 stk. 2")
	assert.Contains(t, rep.ExplainCount(dan).Message.Text(msg.Danish), "0 af 0 (ingen frister)")
	assert.Contains(t, rep.ExplainCount(dan).Message.Text(msg.English), "0 of 0 (nothing due)")

	// The report hands out copies.
	ws := rep.Workers()
	ws[0].Due = 99
	assert.Equal(t, 2, rep.Workers()[0].Due)
}

func TestBarometerExplainDrop(t *testing.T) {
	rows := []measure.BarometerAssessment{
		{Case: "c1", Assessment: "u1", Worker: "w", Team: "t", Learned: day("2024-01-05"), Stopped: day("2024-02-01")},
		{Case: "c2", Assessment: "u1", Worker: "w", Team: "t", Learned: day("2024-01-05"), Finished: day("2024-05-05")}, // due 5 May
	}
	q := measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-01-31"), AsOf: day("2024-12-31"), EndedEarly: measure.DropEndedEarly}
	rep, err := measure.Assessments(rows, q)
	require.NoError(t, err)
	assert.Equal(t, counts{due: 1, onTime: 1, dropped: 1}, countsOf(rep.Total()))
	e := rep.Explain()
	assert.Equal(t, "barometer.boernefaglig-undersoegelse", e.Figure)
	assert.Contains(t, e.Message.Text(msg.English), "Child assessment within 4 months of the day the municipality learned of the child's possible need:")
	assert.Contains(t, e.Message.Text(msg.English), "1 of 1 (100 %)")
	assert.Contains(t, e.Message.Text(msg.English), "left out (1)")
	assert.Contains(t, e.Message.Text(msg.Danish), "taget ud (1)")
	assert.Contains(t, e.Message.Text(msg.Danish), "Børnesagsbarometret 2024): 50 %")
	assert.Equal(t, measure.FigureExplanation{Figure: "barometer"}, measure.BarometerReport{}.Explain())
}

func TestBarometerErrors(t *testing.T) {
	okQ := measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31")}
	good := measure.BarometerFollowUp{Case: "c1", Measure: "m1", Worker: "w", Team: "t", Start: day("2024-02-01"), ByLaw: true}
	tests := []struct {
		name string
		q    measure.BarometerQuery
		rows []measure.BarometerFollowUp
		want []string
	}{
		{"zero query dates", measure.BarometerQuery{}, nil,
			[]string{"measure.FirstFollowUps: query: field From: date is missing", "field To", "field AsOf"}},
		{"to before from", measure.BarometerQuery{From: day("2024-02-01"), To: day("2024-01-31"), AsOf: day("2024-12-31")}, nil,
			[]string{"period end 2024-01-31 is before its start 2024-02-01"}},
		{"as-of out of range", measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-01-31"), AsOf: date.New(2200, 1, 1)}, nil,
			[]string{"field AsOf: date 2200-01-01 is outside 1900-01-01–2199-12-31"}},
		{"from out of range", measure.BarometerQuery{From: date.New(1899, 12, 31), To: day("2024-01-31"), AsOf: day("2024-12-31")}, nil,
			[]string{"field From: date 1899-12-31 is outside"}},
		{"unknown EndedEarly", measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-01-31"), AsOf: day("2024-12-31"), EndedEarly: 7}, nil,
			[]string{"field EndedEarly: unknown value 7"}},
		{"empty ids", okQ, []measure.BarometerFollowUp{{Start: day("2024-02-01")}},
			[]string{`record 0 (case "", measure ""): field Case is empty`, "field Measure is empty", "field Worker is empty", "field Team is empty"}},
		{"zero start", okQ, []measure.BarometerFollowUp{{Case: "c1", Measure: "m1", Worker: "w", Team: "t"}},
			[]string{`record 0 (case "c1", measure "m1"): field Start: date is missing (zero)`}},
		{"end before start", okQ, []measure.BarometerFollowUp{{Case: "c1", Measure: "m1", Worker: "w", Team: "t", Start: day("2024-02-01"), End: day("2024-01-31")}},
			[]string{"field End: 2024-01-31 is before Start 2024-02-01"}},
		{"held before start", okQ, []measure.BarometerFollowUp{{Case: "c1", Measure: "m1", Worker: "w", Team: "t", Start: day("2024-02-01"), Held: day("2024-01-01")}},
			[]string{"field Held: 2024-01-01 is before Start 2024-02-01"}},
		{"held after as-of", okQ, []measure.BarometerFollowUp{{Case: "c1", Measure: "m1", Worker: "w", Team: "t", Start: day("2024-02-01"), Held: day("2025-01-01")}},
			[]string{"field Held: 2025-01-01 is after the query's AsOf 2024-12-31"}},
		{"held out of range", okQ, []measure.BarometerFollowUp{{Case: "c1", Measure: "m1", Worker: "w", Team: "t", Start: day("2024-02-01"), Held: date.New(2300, 1, 1)}},
			[]string{"field Held: date 2300-01-01 is outside"}},
		{"duplicate", okQ, []measure.BarometerFollowUp{good, good},
			[]string{`record 1 (case "c1", measure "m1"): the same case and measure appear twice`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := measure.FirstFollowUps(tt.rows, tt.q)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Contains(t, err.Error(), "measure.FirstFollowUps")
		})
	}

	aq := measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-12-31"), AsOf: day("2024-06-30")}
	_, err := measure.Assessments([]measure.BarometerAssessment{
		{Case: "c1", Assessment: "u1", Worker: "w", Team: "t", Learned: day("2024-02-01"), Finished: day("2024-03-01"), Stopped: day("2024-03-02")},
		{Case: "c2", Assessment: "u1", Worker: "w", Team: "t", Learned: day("2024-02-01"), Stopped: day("2024-01-02")},
		{Case: "c3", Assessment: "u1", Worker: "w", Team: "t"},
		{Case: "c4", Assessment: "u1", Worker: "w", Team: "t", Learned: day("2024-02-01"), Finished: day("2024-07-01")},
		{Case: "c4", Assessment: "u1", Worker: "w", Team: "t", Learned: day("2024-02-01")},
		{Case: "c5", Worker: "w", Team: "t", Learned: day("2024-02-01")},
	}, aq)
	require.Error(t, err)
	for _, w := range []string{
		`measure.Assessments: record 0 (case "c1", assessment "u1"): fields Finished 2024-03-01 and Stopped 2024-03-02`,
		`record 1 (case "c2", assessment "u1"): field Stopped: 2024-01-02 is before Learned 2024-02-01`,
		`record 2 (case "c3", assessment "u1"): field Learned: date is missing (zero)`,
		`record 3 (case "c4", assessment "u1"): field Finished: 2024-07-01 is after the query's AsOf 2024-06-30`,
		`record 4 (case "c4", assessment "u1"): the same case and assessment appear twice`,
		`record 5 (case "c5", assessment ""): field Assessment is empty`,
	} {
		assert.Contains(t, err.Error(), w)
	}
}

// randomFollowUps makes n records from a seed: starts in 2022–2024, about a
// third held on time, a third late, a third never; some ended early; some
// not by law; 40 workers in 8 teams.
func randomFollowUps(seed uint64, n int) []measure.BarometerFollowUp {
	r := rand.New(rand.NewPCG(seed, 15))
	first := day("2022-01-01")
	asOf := day("2024-12-31")
	rows := make([]measure.BarometerFollowUp, n)
	for i := range rows {
		start := first + date.Date(r.IntN(3*365))
		w := r.IntN(40)
		row := measure.BarometerFollowUp{
			Case: fmt.Sprintf("c%06d", i), Measure: "m1",
			Worker: fmt.Sprintf("w%02d", w), Team: fmt.Sprintf("t%d", w%8),
			Start: start, ByLaw: r.IntN(10) > 0,
		}
		if r.IntN(4) == 0 {
			row.End = start + date.Date(r.IntN(200))
		}
		if held := start + date.Date(r.IntN(140)); r.IntN(3) > 0 && held <= asOf {
			row.Held = held
		}
		rows[i] = row
	}
	return rows
}

func randomAssessments(seed uint64, n int) []measure.BarometerAssessment {
	r := rand.New(rand.NewPCG(seed, 20))
	first := day("2022-01-01")
	asOf := day("2024-12-31")
	rows := make([]measure.BarometerAssessment, n)
	for i := range rows {
		learned := first + date.Date(r.IntN(3*365))
		w := r.IntN(40)
		row := measure.BarometerAssessment{
			Case: fmt.Sprintf("c%06d", i), Assessment: "u1",
			Worker: fmt.Sprintf("w%02d", w), Team: fmt.Sprintf("t%d", w%8), Learned: learned,
		}
		if d := learned + date.Date(r.IntN(180)); d <= asOf {
			switch r.IntN(4) {
			case 0, 1:
				row.Finished = d
			case 2:
				row.Stopped = d
			}
		}
		rows[i] = row
	}
	return rows
}

// checkBarometerInvariants asserts what every barometer report must hold.
func checkBarometerInvariants(t *testing.T, rep measure.BarometerReport) {
	t.Helper()
	check := func(c measure.BarometerCount) {
		assert.Equal(t, c.Due, c.OnTime+c.Late+c.Missing, c.Key)
		if s, ok := c.Share(); ok {
			assert.GreaterOrEqual(t, s, 0.0)
			assert.LessOrEqual(t, s, 1.0)
		} else {
			assert.Zero(t, c.Due)
		}
	}
	total := rep.Total()
	check(total)
	for _, groups := range [][]measure.BarometerCount{rep.Workers(), rep.Teams()} {
		var sum measure.BarometerCount
		for _, c := range groups {
			check(c)
			sum.Due += c.Due
			sum.OnTime += c.OnTime
			sum.Late += c.Late
			sum.Missing += c.Missing
			sum.Pending += c.Pending
			sum.Dropped += c.Dropped
		}
		assert.Equal(t, countsOf(total), countsOf(sum), "the groups add up to the total")
	}
	assert.Len(t, rep.Misses(), total.Late+total.Missing)
}

func TestBarometerProperties(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			fus := randomFollowUps(seed, 500)
			as := randomAssessments(seed, 500)
			for _, q := range []measure.BarometerQuery{
				{From: day("2023-01-01"), To: day("2023-12-31"), AsOf: day("2024-12-31")},
				{From: day("2024-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31")},
				{From: day("2022-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31"), EndedEarly: measure.DropEndedEarly},
			} {
				keep := q
				keep.EndedEarly = measure.KeepEndedEarly
				drop := q
				drop.EndedEarly = measure.DropEndedEarly

				k, err := measure.FirstFollowUps(fus, keep)
				require.NoError(t, err)
				checkBarometerInvariants(t, k)
				d, err := measure.FirstFollowUps(fus, drop)
				require.NoError(t, err)
				checkBarometerInvariants(t, d)
				// Dropping only moves records out of the denominator.
				assert.Equal(t, k.Total().Due, d.Total().Due+d.Total().Dropped)
				assert.Equal(t, k.Total().OnTime, d.Total().OnTime)
				assert.Equal(t, k.NotByLaw(), d.NotByLaw())

				ka, err := measure.Assessments(as, keep)
				require.NoError(t, err)
				checkBarometerInvariants(t, ka)
				da, err := measure.Assessments(as, drop)
				require.NoError(t, err)
				checkBarometerInvariants(t, da)
				assert.Equal(t, ka.Total().Due, da.Total().Due+da.Total().Dropped)
			}
		})
	}
}

func TestBarometerEmpty(t *testing.T) {
	q := measure.BarometerQuery{From: day("2024-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31")}
	rep, err := measure.FirstFollowUps(nil, q)
	require.NoError(t, err)
	assert.Equal(t, counts{}, countsOf(rep.Total()))
	assert.Empty(t, rep.Workers())
	assert.Empty(t, rep.Misses())
	_, ok := rep.Total().Share()
	assert.False(t, ok)
}

// BenchmarkFirstFollowUps100k computes the first follow-up figure over
// 100,000 records, per worker and team.
func BenchmarkFirstFollowUps100k(b *testing.B) {
	rows := randomFollowUps(1, 100_000)
	q := measure.BarometerQuery{From: day("2022-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31")}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := measure.FirstFollowUps(rows, q)
		if err != nil || rep.Total().Due == 0 {
			b.Fatal("no figure", err)
		}
	}
}

// BenchmarkAssessments100k computes the assessment figure over 100,000
// records, per worker and team.
func BenchmarkAssessments100k(b *testing.B) {
	rows := randomAssessments(1, 100_000)
	q := measure.BarometerQuery{From: day("2022-01-01"), To: day("2024-12-31"), AsOf: day("2024-12-31")}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := measure.Assessments(rows, q)
		if err != nil || rep.Total().Due == 0 {
			b.Fatal("no figure", err)
		}
	}
}
