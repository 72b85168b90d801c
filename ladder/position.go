package ladder

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
)

// Position is where a child stands on the ladder on a date: the highest step
// among its active measures, and every active measure (combinations across
// steps are normal — a youth in a foster family who also attends an
// efterskole stands on the foster-family step, and the efterskole still
// counts). With no active measure the child stands on EverydayLife.
type Position struct {
	On   date.Date
	Step Step
	// Active lists the measures in effect on the date, highest step first,
	// then by start date, then by id (then intervention code and end date,
	// should ids repeat).
	Active []Measure
}

// PositionAt returns the child's position on date on, given all its
// measures. Invalid (zero) measures are ignored. The input is not changed.
func PositionAt(measures []Measure, on date.Date) Position {
	p := Position{On: on}
	n := 0
	for i := range measures {
		m := &measures[i]
		if m.ActiveOn(on) {
			n++
			p.Step = max(p.Step, m.iv.Step)
		}
	}
	if n == 0 {
		return p
	}
	// One allocation of the right size instead of growing by appends.
	p.Active = make([]Measure, 0, n)
	for i := range measures {
		if measures[i].ActiveOn(on) {
			p.Active = append(p.Active, measures[i])
		}
	}
	slices.SortStableFunc(p.Active, compareMeasures)
	return p
}

// StepAt returns the step the child stands on on date on: the highest step
// among its active measures, or EverydayLife when none is active. It is
// PositionAt(measures, on).Step without the list of active measures, and
// allocates nothing, for counting many children on a date. Invalid (zero)
// measures are ignored.
func StepAt(measures []Measure, on date.Date) Step {
	top := EverydayLife
	for i := range measures {
		m := &measures[i]
		if m.iv.Step > top && m.ActiveOn(on) {
			top = m.iv.Step
		}
	}
	return top
}

// compareMeasures orders highest step first, then by start date, id,
// intervention code and end date, so that the order does not depend on the
// order of the input even when ids repeat.
func compareMeasures(a, b Measure) int {
	if c := b.iv.Step.Compare(a.iv.Step); c != 0 {
		return c
	}
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	if c := strings.Compare(a.id, b.id); c != 0 {
		return c
	}
	if c := strings.Compare(a.iv.Code, b.iv.Code); c != 0 {
		return c
	}
	return cmp.Compare(a.end, b.end)
}

// topCodes returns the sorted, de-duplicated intervention codes on the
// position's step.
func (p Position) topCodes() []string {
	var codes []string
	for _, m := range p.Active {
		if m.iv.Step == p.Step {
			codes = append(codes, m.iv.Code)
		}
	}
	slices.Sort(codes)
	return slices.Compact(codes)
}

// Direction is the way a change of position goes. The zero value is not a
// valid direction.
type Direction uint8

const (
	// Up is towards more intrusive steps.
	Up Direction = 1 + iota
	// Down is towards everyday life, the direction the work aims at.
	Down
	// Lateral keeps the step but changes the intervention on it (e.g. from
	// a døgninstitution to an opholdssted).
	Lateral
)

var directionCodes = [...]string{Up: "up", Down: "down", Lateral: "lateral"}

// IsValid reports whether d is a defined direction.
func (d Direction) IsValid() bool { return d >= Up && d <= Lateral }

// String returns "up", "down", "lateral" or a diagnostic like "ladder.Direction(0)".
func (d Direction) String() string {
	if !d.IsValid() {
		return "ladder.Direction(" + strconv.Itoa(int(d)) + ")"
	}
	return directionCodes[d]
}

// Danish returns "op", "ned" or "sideværts".
func (d Direction) Danish() string {
	switch d {
	case Up:
		return "op"
	case Down:
		return "ned"
	case Lateral:
		return "sideværts"
	}
	return d.String()
}

// MarshalText returns the code.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("ladder.Direction.MarshalText: invalid direction %d", uint8(d))
	}
	return []byte(directionCodes[d]), nil
}

// UnmarshalText parses a code; on error d is unchanged.
func (d *Direction) UnmarshalText(text []byte) error {
	for i, c := range directionCodes {
		if i > 0 && c == string(text) {
			*d = Direction(i)
			return nil
		}
	}
	return fmt.Errorf("ladder.Direction.UnmarshalText: unknown direction %q", string(text))
}

// Change is one change of a child's position: on date On the child went
// from one step (and set of interventions on it) to another.
type Change struct {
	On        date.Date `json:"on"`
	From      Step      `json:"from"`
	To        Step      `json:"to"`
	Direction Direction `json:"direction"`
	// FromCodes and ToCodes are the intervention codes on the step left and
	// the step reached (empty for everyday life).
	FromCodes []string `json:"fromCodes"`
	ToCodes   []string `json:"toCodes"`
}

// Trajectory is a child's path on the ladder over [From, To]: the position
// on From, then every change after it, in date order.
type Trajectory struct {
	From, To date.Date
	Start    Position
	Changes  []Change
}

// MaxMeasures bounds how many measures one child's trajectory accepts.
const MaxMeasures = 10000

// TrajectoryOf returns the child's trajectory over [from, to]. A change
// happens on a day when the highest active step differs from the day before
// (up or down), or when it is the same step but the interventions on it
// differ (lateral). A measure that ends on 31 May and another that starts on
// 1 June give one change on 1 June; a gap between them passes through
// everyday life.
//
// Errors: a date outside MinDate–MaxDate (the zero date among them), to
// before from, an invalid measure, two measures with the same id, or more
// than MaxMeasures measures.
func TrajectoryOf(measures []Measure, from, to date.Date) (Trajectory, error) {
	const op = "ladder.TrajectoryOf"
	if err := checkMeasures(op, measures, from, to); err != nil {
		return Trajectory{}, err
	}
	t := Trajectory{From: from, To: to, Start: PositionAt(measures, from)}
	// Candidate change days: each start and each day after an end, inside (from, to].
	var days []date.Date
	for _, m := range measures {
		if m.start > from && m.start <= to {
			days = append(days, m.start)
		}
		if m.end != 0 && m.end+1 > from && m.end+1 <= to {
			days = append(days, m.end+1)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	prev := t.Start
	prevCodes := prev.topCodes()
	for _, d := range days {
		cur := PositionAt(measures, d)
		curCodes := cur.topCodes()
		var dir Direction
		switch {
		case cur.Step > prev.Step:
			dir = Up
		case cur.Step < prev.Step:
			dir = Down
		case !slices.Equal(curCodes, prevCodes):
			dir = Lateral
		default:
			continue
		}
		t.Changes = append(t.Changes, Change{On: d, From: prev.Step, To: cur.Step, Direction: dir, FromCodes: prevCodes, ToCodes: curCodes})
		prev, prevCodes = cur, curCodes
	}
	return t, nil
}

func checkMeasures(op string, measures []Measure, from, to date.Date) error {
	var errs []error
	errFrom, errTo := CheckDate(op, "from", from), CheckDate(op, "to", to)
	if errFrom != nil || errTo != nil {
		errs = append(errs, errFrom, errTo) // Join drops the nil one
	} else if to < from {
		errs = append(errs, fmt.Errorf("%s: period end %s is before its start %s", op, to, from))
	}
	if len(measures) > MaxMeasures {
		errs = append(errs, fmt.Errorf("%s: %d measures is more than %d", op, len(measures), MaxMeasures))
		return errors.Join(errs...)
	}
	seen := make(map[string]bool, len(measures))
	for i, m := range measures {
		if !m.IsValid() {
			errs = append(errs, fmt.Errorf("%s: measure %d is invalid (zero); build measures with NewMeasure", op, i))
			continue
		}
		if seen[m.id] {
			errs = append(errs, fmt.Errorf("%s: duplicate measure id %q", op, m.id))
		}
		seen[m.id] = true
	}
	return errors.Join(errs...)
}

// Move is a change from one step to another in the sense of KORA 2017
// Figur 4.1: lateral changes on the same step are not moves, and a child
// who stays on one step throughout the period has none. A child can move
// more than once in a period (three children appear twice in Figur 4.1).
type Move struct {
	On        date.Date `json:"on"`
	From      Step      `json:"from"`
	To        Step      `json:"to"`
	Direction Direction `json:"direction"`
}

// Moves returns the child's moves between steps in [from, to], in date
// order. Errors as TrajectoryOf.
func Moves(measures []Measure, from, to date.Date) ([]Move, error) {
	t, err := TrajectoryOf(measures, from, to)
	if err != nil {
		return nil, fmt.Errorf("ladder.Moves: %w", err)
	}
	var out []Move
	for _, c := range t.Changes {
		if c.Direction != Lateral {
			out = append(out, Move{On: c.On, From: c.From, To: c.To, Direction: c.Direction})
		}
	}
	return out, nil
}

// AppendMoves appends the child's moves between steps in [from, to] to dst
// and returns the extended slice: the moves Moves returns, in the same
// order, without building the trajectory. A caller counting many children
// can pass the same slice back each time (moves = AppendMoves(moves[:0],
// …)); then a child with up to 32 measures costs no allocation.
//
// Errors as Moves (here named ladder.AppendMoves); on error dst is returned
// unchanged.
func AppendMoves(dst []Move, measures []Measure, from, to date.Date) ([]Move, error) {
	if !plainInput(measures, from, to) {
		if err := checkMeasures("ladder.AppendMoves", measures, from, to); err != nil {
			return dst, err
		}
	}
	var stack [2 * smallChild]stepEvent
	events := stack[:0]
	if len(measures) > smallChild {
		events = make([]stepEvent, 0, 2*len(measures))
	}
	var w stepWalk
	events = w.start(events, measures, from, to)
	slices.SortFunc(events, func(a, b stepEvent) int { return cmp.Compare(a.on, b.on) })
	prev := w.top()
	for i := 0; i < len(events); {
		day := events[i].on
		for ; i < len(events) && events[i].on == day; i++ {
			w.apply(events[i])
		}
		if cur := w.top(); cur != prev {
			dir := Up
			if cur < prev {
				dir = Down
			}
			dst = append(dst, Move{On: day, From: prev, To: cur, Direction: dir})
			prev = cur
		}
	}
	return dst, nil
}

// smallChild is the number of measures up to which AppendMoves checks ids
// pairwise and keeps its events on the stack.
const smallChild = 32

// plainInput reports, without allocating, that checkMeasures would find
// nothing wrong: a valid period, at most smallChild measures, all valid,
// no id twice. False means "check properly", not necessarily an error.
func plainInput(measures []Measure, from, to date.Date) bool {
	if from == 0 || to == 0 || to < from || len(measures) > smallChild {
		return false
	}
	for i := range measures {
		if !measures[i].IsValid() {
			return false
		}
		for j := range i {
			if measures[j].id == measures[i].id {
				return false
			}
		}
	}
	return true
}

// stepEvent is a change in the number of measures active on one step: +1
// on the day a measure starts, −1 on the day after it ends.
type stepEvent struct {
	on    date.Date
	step  Step
	delta int8
}

// stepWalk counts the measures active on each step while walking through a
// period one change day at a time, so that the child's step on a day is
// the highest step with a count above zero.
type stepWalk struct {
	active [Highest + 1]int
}

// start counts the measures active on from and appends to events the days
// in (from, to] on which a measure starts or the day after it ends — the
// only days the child's step can change.
func (w *stepWalk) start(events []stepEvent, measures []Measure, from, to date.Date) []stepEvent {
	for i := range measures {
		m := &measures[i]
		s := m.iv.Step
		if m.ActiveOn(from) {
			w.active[s]++
		}
		if m.start > from && m.start <= to {
			events = append(events, stepEvent{on: m.start, step: s, delta: +1})
		}
		if m.end != 0 && m.end >= from && m.end < to {
			events = append(events, stepEvent{on: m.end + 1, step: s, delta: -1})
		}
	}
	return events
}

// apply counts one measure starting or ending.
func (w *stepWalk) apply(e stepEvent) { w.active[e.step] += int(e.delta) }

// top returns the highest step with an active measure, or EverydayLife.
func (w *stepWalk) top() Step {
	for s := Highest; s > EverydayLife; s-- {
		if w.active[s] > 0 {
			return s
		}
	}
	return EverydayLife
}
