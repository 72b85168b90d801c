package followup_test

// NextDue from raw inputs: the same answer as the whole plan's NextDue,
// without allocating; and the benchmarks that put it beside a hand-written
// switch deciding the same question on the same records (issue 12).

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
)

func TestV2NextDueMatchesThePlan(t *testing.T) {
	recs := bnRecords()
	step := 7
	if testing.Short() {
		step = 97
	}
	reg := followup.Herning()
	opt := followup.Options{AsOf: bnAsOf}
	n := 0
	for i := 0; i < len(recs); i += step {
		p, err := reg.Schedule(recs[i], opt)
		require.NoError(t, err)
		want, wantOK := p.NextDue()
		got, ok, err := reg.NextDue(recs[i], opt)
		require.NoError(t, err)
		require.Equal(t, wantOK, ok, recs[i].Measure.String())
		if !ok {
			continue
		}
		n++
		assert.Equal(t, followup.Next{Due: want.Due, WorkingDay: want.WorkingDay, Kind: want.Kind, Statutory: want.Statutory, Status: want.Status}, got,
			recs[i].Measure.String())
	}
	assert.Greater(t, n, 1000/step, "the comparison covered open items")
}

func TestV2NextDueDoesNotAllocate(t *testing.T) {
	m := v2Measure(t, "plejefamilie", "2024-01-31", "")
	rec := followup.Record{Case: "c", Measure: m, Held: []followup.Held{
		{On: d("2024-02-14"), ChildConversation: true}, {On: d("2024-03-27"), ChildConversation: true}}}
	opt := followup.Options{AsOf: d("2024-06-01")}
	// H-PLEJE: 14 Feb and 27 Mar held; the next is 6 weeks after 27 Mar,
	// 8 May 2024, overdue as of 1 June; the chain's second window (27 Mar +
	// 6 months = 27 Sep) makes the latest item before it statutory, which 8
	// May is not (19 Jun, 31 Jul and 11 Sep come before 27 Sep).
	got, ok, err := followup.Herning().NextDue(rec, opt)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, followup.Next{Due: d("2024-05-08"), WorkingDay: d("2024-05-08"), Kind: followup.FollowUp, Statutory: false, Status: followup.Overdue}, got)
	allocs := testing.AllocsPerRun(100, func() {
		if _, _, err := followup.Herning().NextDue(rec, opt); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
	// Bad input is an error, as for Schedule.
	_, _, err = followup.Herning().NextDue(rec, followup.Options{})
	assert.ErrorIs(t, err, followup.ErrInput)
}

// bnRecords is the benchmarks' caseload (built once).
func bnRecords() []followup.Record {
	bnRecsOnce.Do(func() { bnRecs = bnCaseload() })
	return bnRecs
}

// BenchmarkNextDueFromInputs answers, for each of the 100,000 records,
// "given the kind, the start, the follow-ups held and today, when is the
// next follow-up due?" from the raw record, by Herning's rules and the law.
func BenchmarkNextDueFromInputs(b *testing.B) {
	recs := bnRecords()
	reg := followup.Herning()
	opt := followup.Options{AsOf: bnAsOf}
	b.ReportAllocs()
	b.ResetTimer()
	var sink date.Date
	for range b.N {
		for i := range recs {
			n, _, err := reg.NextDue(recs[i], opt)
			if err != nil {
				b.Fatal(err)
			}
			sink += n.Due
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/measure")
	_ = sink
}

// BenchmarkNextDueHandWritten is the baseline: the same question on the
// same records decided by a hand-written switch over Herning's table
// (intervals from the last follow-up held, no statutory chain, no
// exceptions, no working days) — what a programmer would write for one
// municipality and one law.
func BenchmarkNextDueHandWritten(b *testing.B) {
	recs := bnRecords()
	b.ReportAllocs()
	b.ResetTimer()
	var sink date.Date
	for range b.N {
		for i := range recs {
			r := &recs[i]
			var last date.Date
			for _, h := range r.Held {
				last = max(last, h.On)
			}
			sink += handNextDue(r.Measure.Intervention().Code, r.Measure.Start(), last)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/measure")
	_ = sink
}

func handNextDue(code string, start, last date.Date) date.Date {
	switch code {
	case "doegninstitution", "opholdssted", "sikret-institution", "eget-vaerelse":
		if last == 0 {
			return start + 14
		}
		return last + 42
	case "korttidsanbringelse":
		if last == 0 {
			return start + 28
		}
		return last + 28
	case "plejefamilie", "saerlig-plejefamilie", "netvaerkspleje":
		switch {
		case last == 0:
			return start + 14
		case last < followup.AddMonths(start, 12):
			return last + 42
		}
		return followup.AddMonths(last, 3)
	case "mst":
		switch {
		case last == 0:
			return start + 28
		case last < start+56:
			return start + 56
		}
		return followup.AddMonths(start, 3)
	case "familiebehandling", "kontaktperson", "privat-kontaktperson", "efterskole",
		"doegnophold-familie", "aflastning", "fft", "pmto", "praktisk-stoette":
		if last == 0 {
			return start + 28
		}
		return followup.AddMonths(last, 3)
	}
	if last == 0 {
		return followup.AddMonths(start, 3)
	}
	return followup.AddMonths(last, 6)
}

// BenchmarkDueAppend100k is DueList100k into a buffer reused from one list
// to the next: no allocation.
func BenchmarkDueAppend100k(b *testing.B) {
	plans := bnCaseloadPlans(b)
	from, to := bnAsOf, bnAsOf+13
	var buf []followup.Item
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		var err error
		buf, err = followup.DueAppend(buf[:0], plans, from, to)
		if err != nil {
			b.Fatal(err)
		}
		n = len(buf)
	}
	b.ReportMetric(float64(n), "items-listed")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/list")
}

func TestV2DueAppendReusesTheBuffer(t *testing.T) {
	var plans []followup.Plan
	for _, code := range []string{"doegninstitution", "aflastning", "plejefamilie"} {
		p, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: v2Measure(t, code, "2025-01-06", "")},
			followup.Options{AsOf: d("2025-02-03")})
		require.NoError(t, err)
		plans = append(plans, p)
	}
	want, err := followup.DueIn(plans, d("2025-02-03"), d("2025-04-30"))
	require.NoError(t, err)
	buf := make([]followup.Item, 0, 64)
	got, err := followup.DueAppend(buf, plans, d("2025-02-03"), d("2025-04-30"))
	require.NoError(t, err)
	assert.Equal(t, want, got)
	from, to := d("2025-02-03"), d("2025-04-30")
	allocs := testing.AllocsPerRun(50, func() {
		got, _ = followup.DueAppend(got[:0], plans, from, to)
	})
	assert.Zero(t, allocs)
	_, err = followup.DueAppend(nil, plans, d("2025-04-30"), d("2025-02-03"))
	assert.ErrorContains(t, err, "followup.DueAppend: bad input: invalid window")
}
