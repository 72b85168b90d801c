package ladder

import (
	"fmt"
	"strconv"
)

// Step is a rung of the intervention ladder (indsatstrappen), ordered from
// ordinary everyday life up to residential placement. A higher step is more
// intrusive in the child's everyday life and further from it. That is the
// only order: a step says nothing about what a measure costs, and a lower
// step is not necessarily cheaper.
//
// The values are the ranks of the ladder, so steps compare with < and >.
//
// The zero value is EverydayLife (hverdagsliv): the ground the ladder stands
// on and the place a child with no active measure is. It is a valid Step and
// the destination of the work, but no intervention sits on it.
type Step uint8

// The ladder, least to most intrusive (Strategisk ramme, Figur 3; Ramme og
// retning, Figur 2).
const (
	EverydayLife Step = iota // hverdagsliv: ordinary everyday life, no targeted measure
	Universal                // almen: early help in universal services
	Preventive               // forebyggende: preventive measures
	HomeBased                // hjemmebaseret: home-based measures, incl. home-based placements
	Network                  // netvaerk: kinship or network placement
	FosterFamily             // plejefamilie: foster-family placement
	Institution              // institution: residential placement
)

// Lowest and Highest are the ends of the ladder.
const (
	Lowest  = EverydayLife
	Highest = Institution
)

type stepInfo struct{ code, da, en string }

var steps = [...]stepInfo{
	EverydayLife: {"hverdagsliv", "Almindeligt hverdagsliv", "Ordinary everyday life"},
	Universal:    {"almen", "Tidlige indsatser i almenområdet", "Early help in universal services"},
	Preventive:   {"forebyggende", "Forebyggende indsatser", "Preventive measures"},
	HomeBased:    {"hjemmebaseret", "Hjemmebaserede foranstaltninger", "Home-based measures"},
	Network:      {"netvaerk", "Anbringelse i slægt eller netværk", "Kinship / network placement"},
	FosterFamily: {"plejefamilie", "Anbringelse i plejefamilie", "Foster-family placement"},
	Institution:  {"institution", "Anbringelse på institution", "Residential placement"},
}

// Steps returns every step, least to most intrusive.
func Steps() []Step {
	return []Step{EverydayLife, Universal, Preventive, HomeBased, Network, FosterFamily, Institution}
}

// IsValid reports whether s is one of the seven defined steps.
func (s Step) IsValid() bool { return s <= Highest }

// Code returns the stable code of domain.md §1, e.g. "plejefamilie". An
// invalid step gives a diagnostic like "ladder.Step(9)".
func (s Step) Code() string {
	if !s.IsValid() {
		return "ladder.Step(" + strconv.Itoa(int(s)) + ")"
	}
	return steps[s].code
}

// String returns the stable code; it never panics.
func (s Step) String() string { return s.Code() }

// Danish returns the Danish name used on the ladder, e.g. "Anbringelse i plejefamilie".
func (s Step) Danish() string {
	if !s.IsValid() {
		return s.Code()
	}
	return steps[s].da
}

// English returns the English name.
func (s Step) English() string {
	if !s.IsValid() {
		return s.Code()
	}
	return steps[s].en
}

// Rank is the step's position on the ladder, 0 (everyday life) to 6.
func (s Step) Rank() int { return int(s) }

// Compare returns -1 if s is less intrusive than t, 0 if they are the same
// step and +1 if s is more intrusive. It orders by intrusiveness only.
func (s Step) Compare(t Step) int {
	switch {
	case s < t:
		return -1
	case s > t:
		return 1
	}
	return 0
}

// Up returns the next more intrusive step; ok is false at the top (or for an
// invalid step), where s itself is returned.
func (s Step) Up() (next Step, ok bool) {
	if !s.IsValid() || s == Highest {
		return s, false
	}
	return s + 1, true
}

// Down returns the next less intrusive step, towards everyday life, which is
// the direction the work aims at; ok is false at everyday life (or for an
// invalid step), where s itself is returned.
func (s Step) Down() (next Step, ok bool) {
	if !s.IsValid() || s == Lowest {
		return s, false
	}
	return s - 1, true
}

// IsPlacementStep reports whether the step is one of the three placement
// steps (network, foster family, institution). It describes the step, not a
// measure: home-based placements (own room, kostskole, efterskole,
// opgangsfællesskab) are legal placements on the home-based step, and
// residential family treatment sits on the institution step without placing
// the child. Ask Intervention.Placement for the legal status of a measure.
func (s Step) IsPlacementStep() bool { return s >= Network && s <= Institution }

// MarshalText returns the stable code; an invalid step is an error.
func (s Step) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("ladder.Step.MarshalText: invalid step %d", uint8(s))
	}
	return []byte(steps[s].code), nil
}

// UnmarshalText parses a stable code; on error s is unchanged.
func (s *Step) UnmarshalText(text []byte) error {
	v, err := ParseStep(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseStep parses a stable step code such as "hjemmebaseret". The match is
// exact: codes are lower case ASCII.
func ParseStep(code string) (Step, error) {
	for i := range steps {
		if steps[i].code == code {
			return Step(i), nil
		}
	}
	return 0, fmt.Errorf("ladder.ParseStep: unknown step %q (want one of hverdagsliv, almen, forebyggende, hjemmebaseret, netvaerk, plejefamilie, institution)", code)
}

// MustParseStep is ParseStep for tests and literals; it panics on error.
func MustParseStep(code string) Step {
	s, err := ParseStep(code)
	if err != nil {
		panic(err)
	}
	return s
}
