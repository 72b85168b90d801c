package measure_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/measure"
)

// benchChildren generates n measures spread over n*2/5 children, from a
// fixed seed: every intervention of the Default catalogue, starts in
// 2013–2016, 1 to 730 days long, one in five open.
func benchChildren(tb testing.TB, n int) ([]ladder.Measure, []measure.ChildCase) {
	tb.Helper()
	r := rand.New(rand.NewPCG(2017, 5))
	ivs := ladder.Default().All()
	first := ladder.MustParseDate("2013-01-01")
	children := make([]measure.ChildCase, n*2/5)
	for i := range children {
		children[i].ID = fmt.Sprintf("c%06d", i)
	}
	all := make([]ladder.Measure, 0, n)
	for i := range n {
		start := first + date.Date(r.IntN(4*365))
		var end date.Date
		if r.IntN(5) > 0 {
			end = start + date.Date(r.IntN(730))
		}
		m, err := ladder.NewMeasure(fmt.Sprintf("m%06d", i), ivs[r.IntN(len(ivs))], start, end)
		if err != nil {
			tb.Fatal(err)
		}
		all = append(all, m)
		c := &children[r.IntN(len(children))]
		c.Measures = append(c.Measures, m)
	}
	return all, children
}

// BenchmarkChildYears100k computes the key figures of one year over
// 100,000 measures: child-years per intervention code and per placement
// group, and the children per ladder step on a date.
func BenchmarkChildYears100k(b *testing.B) {
	ms, children := benchChildren(b, 100_000)
	from, to := ladder.MustParseDate("2015-01-01"), ladder.MustParseDate("2015-12-31")
	on := ladder.MustParseDate("2015-06-30")
	b.ReportAllocs()
	for b.Loop() {
		f, err := measure.ChildYears(ms, from, to)
		if err != nil {
			b.Fatal(err)
		}
		sc, err := measure.CountSteps(children, on)
		if err != nil {
			b.Fatal(err)
		}
		if f.Group(measure.AllPlaced) <= 0 || sc.Total() != len(children) {
			b.Fatal("no figures")
		}
	}
}

// BenchmarkCountSteps100kShuffled counts the children per step on a date,
// as ChildYears100k does, with the children out of id order: the ids are
// then checked for repeats through a set rather than by their order.
func BenchmarkCountSteps100kShuffled(b *testing.B) {
	_, children := benchChildren(b, 100_000)
	rand.New(rand.NewPCG(2017, 6)).Shuffle(len(children), func(i, j int) {
		children[i], children[j] = children[j], children[i]
	})
	on := ladder.MustParseDate("2015-06-30")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := measure.CountSteps(children, on); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCountMoves100k counts the moves of 40,000 children with 100,000
// measures over 2013–2016.
func BenchmarkCountMoves100k(b *testing.B) {
	_, children := benchChildren(b, 100_000)
	from, to := ladder.MustParseDate("2013-01-01"), ladder.MustParseDate("2016-12-31")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := measure.CountMoves(children, from, to); err != nil {
			b.Fatal(err)
		}
	}
}
