package measure

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// The reference implementations below are ChildYears, CountSteps and
// CountMoves as they were before issue 12 made them fast: each child
// through ladder.PositionAt and ladder.Moves, each measure read in two
// walks. They are kept here verbatim (renamed) so that the property tests
// can hold the fast paths to them: same figures, same errors.

func childYearsRef(measures []ladder.Measure, from, to date.Date) (ChildYearFigures, error) {
	const op = "measure.ChildYears"
	var errs []error
	if err := checkPeriod(op, from, to); err != nil {
		errs = append(errs, err)
	}
	for i, m := range measures {
		if !m.IsValid() {
			errs = append(errs, fmt.Errorf("%s: measure %d is invalid (zero); build measures with ladder.NewMeasure", op, i))
		}
	}
	if len(errs) > 0 {
		return ChildYearFigures{}, errors.Join(errs...)
	}
	segs := yearSegments(from, to)
	type acc struct {
		iv   ladder.Intervention
		days dayCount
	}
	byCode := make(map[string]*acc)
	for _, m := range measures {
		if !m.Overlaps(from, to) {
			continue
		}
		iv := m.Intervention()
		a := byCode[iv.Code]
		if a == nil {
			a = &acc{iv: iv}
			byCode[iv.Code] = a
		} else if a.iv != iv {
			errs = append(errs, fmt.Errorf("%s: measure %q: code %q stands for two different interventions (steps %s and %s)", op, m.ID(), iv.Code, a.iv.Step, iv.Step))
			continue
		}
		lo, hi := max(from, m.Start()), to
		if end, ok := m.End(); ok && end < hi {
			hi = end
		}
		a.days.add(segs, lo, hi)
	}
	if len(errs) > 0 {
		return ChildYearFigures{}, errors.Join(errs...)
	}
	var period dayCount
	period.add(segs, from, to)
	f := ChildYearFigures{from: from, to: to, years: period.years(), codes: make([]codeYears, 0, len(byCode))}
	var groupDays [groupCount]dayCount
	for _, a := range byCode {
		f.codes = append(f.codes, codeYears{iv: a.iv, years: a.days.years()})
		for _, g := range PlacementGroups() {
			if g.Contains(a.iv) {
				groupDays[g].common += a.days.common
				groupDays[g].leap += a.days.leap
			}
		}
	}
	for g := range groupDays {
		f.groups[g] = groupDays[g].years()
	}
	slices.SortFunc(f.codes, func(a, b codeYears) int { return strings.Compare(a.iv.Code, b.iv.Code) })
	return f, nil
}

func checkChildrenRef(op string, children []ChildCase) []error {
	var errs []error
	seen := make(map[string]bool, len(children))
	for i, c := range children {
		if c.ID == "" {
			errs = append(errs, fmt.Errorf("%s: child %d has an empty id", op, i))
		} else if seen[c.ID] {
			errs = append(errs, fmt.Errorf("%s: duplicate child id %q", op, c.ID))
		}
		seen[c.ID] = true
		for j, m := range c.Measures {
			if !m.IsValid() {
				errs = append(errs, fmt.Errorf("%s: child %q: measure %d is invalid (zero); build measures with ladder.NewMeasure", op, c.ID, j))
			}
		}
	}
	return errs
}

func countStepsRef(children []ChildCase, on date.Date) (StepCounts, error) {
	const op = "measure.CountSteps"
	var errs []error
	if on == 0 {
		errs = append(errs, fmt.Errorf("%s: zero date", op))
	}
	errs = append(errs, checkChildrenRef(op, children)...)
	if len(errs) > 0 {
		return StepCounts{}, errors.Join(errs...)
	}
	sc := StepCounts{on: on}
	for _, c := range children {
		sc.counts[ladder.PositionAt(c.Measures, on).Step]++
	}
	return sc, nil
}

func countMovesRef(children []ChildCase, from, to date.Date) (MoveMatrix, error) {
	const op = "measure.CountMoves"
	var errs []error
	if err := checkPeriod(op, from, to); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, checkChildrenRef(op, children)...)
	if len(errs) > 0 {
		return MoveMatrix{}, errors.Join(errs...)
	}
	mm := MoveMatrix{from: from, to: to}
	for _, c := range children {
		moves, err := ladder.Moves(c.Measures, from, to)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: child %q: %w", op, c.ID, err))
			continue
		}
		if len(moves) > 0 {
			mm.children++
		}
		for _, mv := range moves {
			mm.cells[mv.From][mv.To]++
		}
	}
	if len(errs) > 0 {
		return MoveMatrix{}, errors.Join(errs...)
	}
	return mm, nil
}

// genMeasures returns n measures from r with ids "<prefix><i>", spread over
// 2013–2016 so that they start, end and meet inside and around the periods
// the tests count. Interventions come from ivs; one in five is open, one in
// eight lasts one day, one in eight starts the day after an earlier one
// ends.
func genMeasures(r *rand.Rand, ivs []ladder.Intervention, prefix string, n int) []ladder.Measure {
	first := ladder.MustParseDate("2013-01-01")
	ms := make([]ladder.Measure, 0, n)
	for i := range n {
		start := first + date.Date(r.IntN(4*365))
		if i > 0 && r.IntN(8) == 0 {
			if end, ok := ms[r.IntN(i)].End(); ok {
				start = end + 1
			}
		}
		var end date.Date
		switch r.IntN(8) {
		case 0, 1:
		case 2:
			end = start
		default:
			end = start + date.Date(r.IntN(730))
		}
		m, err := ladder.NewMeasure(fmt.Sprintf("%s%d", prefix, i), ivs[r.IntN(len(ivs))], start, end)
		if err != nil {
			panic(err)
		}
		ms = append(ms, m)
	}
	return ms
}

// genChildren returns children from r, now and then with a fault the
// figures must reject: an empty or repeated child id, a zero measure, two
// measures with one id.
func genChildren(r *rand.Rand, ivs []ladder.Intervention, faults bool) []ChildCase {
	children := make([]ChildCase, r.IntN(30))
	for i := range children {
		n := r.IntN(6)
		if r.IntN(15) == 0 {
			n = 33 + r.IntN(5) // past AppendMoves' small-child limit
		}
		children[i] = ChildCase{ID: fmt.Sprintf("c%03d", i), Measures: genMeasures(r, ivs, "m", n)}
	}
	if r.IntN(2) == 0 { // ids out of order as often as in order
		r.Shuffle(len(children), func(i, j int) { children[i], children[j] = children[j], children[i] })
	}
	if !faults || len(children) == 0 {
		return children
	}
	c := &children[r.IntN(len(children))]
	switch r.IntN(5) {
	case 0:
		c.ID = ""
	case 1:
		c.ID = children[0].ID
	case 2:
		if len(c.Measures) > 0 {
			c.Measures[r.IntN(len(c.Measures))] = ladder.Measure{}
		}
	case 3:
		if len(c.Measures) > 1 {
			c.Measures[1] = c.Measures[0]
		}
	}
	return children
}

// genPeriod returns a period from r, now and then a faulty one.
func genPeriod(r *rand.Rand, faults bool) (from, to date.Date) {
	from = ladder.MustParseDate("2012-06-01") + date.Date(r.IntN(5*365))
	to = from + date.Date(r.IntN(3*365))
	if faults {
		switch r.IntN(8) {
		case 0:
			from = 0
		case 1:
			from, to = to+1, from
		case 2:
			to = from.AddDate(MaxPeriodYears, 0, 0)
		}
	}
	return from, to
}

// catalogueWithTwin returns the Default interventions and, as the last, a
// vendor's intervention that reuses a Default code for another step, which
// ChildYears must reject when both are counted.
func catalogueWithTwin(t *testing.T) []ladder.Intervention {
	ivs := ladder.Default().All()
	twin, ok := ladder.Default().Get("plejefamilie")
	require.True(t, ok)
	twin.Step = ladder.Network
	twin.Danish = "Plejefamilie (leverandørens egen)"
	return append(ivs, twin)
}

func sameError(t *testing.T, want, got error, msgAndArgs ...any) bool {
	t.Helper()
	if want == nil {
		return assert.NoError(t, got, msgAndArgs...)
	}
	return assert.EqualError(t, got, want.Error(), msgAndArgs...)
}

func TestChildYearsMatchesReference(t *testing.T) {
	all := catalogueWithTwin(t)
	for seed := range uint64(1500) {
		r := rand.New(rand.NewPCG(seed, 121))
		faults := r.IntN(4) == 0
		ivs := all[:len(all)-1]
		if faults && r.IntN(2) == 0 {
			ivs = all // the twin may meet its Default code
		}
		ms := genMeasures(r, ivs, "m", r.IntN(60))
		if faults && len(ms) > 0 && r.IntN(3) == 0 {
			ms[r.IntN(len(ms))] = ladder.Measure{}
		}
		from, to := genPeriod(r, faults)
		want, wantErr := childYearsRef(ms, from, to)
		got, err := ChildYears(ms, from, to)
		if !sameError(t, wantErr, err, "seed %d", seed) {
			return
		}
		if !assert.True(t, reflect.DeepEqual(want, got), "seed %d:\nwant %+v\n got %+v", seed, want, got) {
			return
		}
	}
}

func TestCountStepsMatchesReference(t *testing.T) {
	ivs := ladder.Default().All()
	for seed := range uint64(1500) {
		r := rand.New(rand.NewPCG(seed, 122))
		faults := r.IntN(4) == 0
		children := genChildren(r, ivs, faults)
		on := ladder.MustParseDate("2012-12-01") + date.Date(r.IntN(5*365))
		if faults && r.IntN(5) == 0 {
			on = 0
		}
		want, wantErr := countStepsRef(children, on)
		got, err := CountSteps(children, on)
		if !sameError(t, wantErr, err, "seed %d", seed) || !assert.Equal(t, want, got, "seed %d", seed) {
			return
		}
	}
}

func TestCountMovesMatchesReference(t *testing.T) {
	ivs := ladder.Default().All()
	for seed := range uint64(1500) {
		r := rand.New(rand.NewPCG(seed, 123))
		faults := r.IntN(4) == 0
		children := genChildren(r, ivs, faults)
		from, to := genPeriod(r, faults)
		want, wantErr := countMovesRef(children, from, to)
		got, err := CountMoves(children, from, to)
		if !sameError(t, wantErr, err, "seed %d", seed) || !assert.Equal(t, want, got, "seed %d", seed) {
			return
		}
	}
}

// The generators must reach what they are for: errors of every kind and
// children who move.
func TestReferenceGeneratorsReachFaultsAndMoves(t *testing.T) {
	seen := map[string]bool{}
	note := func(err error) {
		for _, kind := range []string{"zero date", "before its start", "longer than", "empty id",
			"duplicate child id", "is invalid", "duplicate measure id", "stands for two"} {
			if err != nil && strings.Contains(err.Error(), kind) {
				seen[kind] = true
			}
		}
	}
	ivs := ladder.Default().All()
	moved := 0
	for seed := range uint64(1500) {
		r := rand.New(rand.NewPCG(seed, 123))
		faults := r.IntN(4) == 0
		children := genChildren(r, ivs, faults)
		from, to := genPeriod(r, faults)
		mm, err := countMovesRef(children, from, to)
		note(err)
		moved += mm.Children()
	}
	all := catalogueWithTwin(t)
	for seed := range uint64(1500) {
		r := rand.New(rand.NewPCG(seed, 121))
		faults := r.IntN(4) == 0
		ivs := all[:len(all)-1]
		if faults && r.IntN(2) == 0 {
			ivs = all
		}
		_, err := childYearsRef(genMeasures(r, ivs, "m", r.IntN(60)), ladder.MustParseDate("2015-01-01"), ladder.MustParseDate("2015-12-31"))
		note(err)
	}
	assert.Len(t, seen, 8, "error kinds reached: %v", slices.Sorted(maps.Keys(seen)))
	assert.Greater(t, moved, 1000)
}

// Child ids in and out of order, with repeats and empty ids where the
// order breaks: the checker finds the repeats the reference finds.
func TestChildCheckerMatchesReference(t *testing.T) {
	tests := [][]string{
		{},
		{"a"},
		{"a", "b", "c"},
		{"a", "b", "a"},    // repeat after the order breaks
		{"b", "a", "b"},    // order breaks, then a repeat of the first
		{"a", "a"},         // a repeat is out of order too
		{"", "a", "", "a"}, // empty ids are errors, never repeats
		{"c", "b", "a", "c", "b"},
		{"a", "b", "c", "d", "b", "e", "e"},
		{"a10", "a9", "a10"}, // byte order, not numeric
	}
	for _, ids := range tests {
		children := make([]ChildCase, len(ids))
		for i, id := range ids {
			children[i].ID = id
		}
		want := errors.Join(checkChildrenRef("op", children)...)
		got := errors.Join(checkChildren("op", children)...)
		if want == nil {
			assert.NoError(t, got, "%q", ids)
			continue
		}
		assert.EqualError(t, got, want.Error(), "%q", ids)
	}
}
