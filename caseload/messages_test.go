package caseload_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// codeRE is the form of a caseload message code; the package's other
// "caseload." strings are function names ("caseload.NewPolicy").
var codeRE = regexp.MustCompile(`^caseload\.[a-z][A-Za-z-]*(\.[A-Za-z-]+)*$`)

// libraryLiterals returns the string literals of the package's library
// files, leaving out the tests and the catalogue itself.
func libraryLiterals(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	lits := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "messages.go" {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				lits[s] = true
			}
			return true
		})
	}
	return lits
}

// The catalogue: one entry per code, a text in both languages that uses
// exactly the code's arguments (msg.Define checks that as the package
// loads), and no text unused.
func TestMessagesCatalogue(t *testing.T) {
	lits := libraryLiterals(t)
	declared := map[string]bool{}
	for _, e := range caseload.Messages {
		assert.Regexp(t, codeRE, e.Code)
		assert.False(t, declared[e.Code], "%s declared twice", e.Code)
		declared[e.Code] = true
		assert.NotEmpty(t, e.Da, e.Code)
		assert.NotEmpty(t, e.En, e.Code)
		for _, lang := range []msg.Lang{msg.Danish, msg.English} {
			_, ok := msg.Default().Template(e.Code, lang)
			assert.True(t, ok, "%s: no %s text in the default catalogue", e.Code, lang)
		}
		args, _ := msg.Default().Args(e.Code)
		assert.Equal(t, len(e.Args), len(args), e.Code)
		// No text unused: the code is named in a library file.
		assert.True(t, lits[e.Code], "%s is in the catalogue but no library file uses it", e.Code)
	}
	// And no code used without a text.
	for s := range lits {
		if codeRE.MatchString(s) {
			assert.True(t, declared[s], "%s is used but has no text in messages.go", s)
		}
	}
}

// No library file but the catalogue writes Danish or English for a case
// worker: the words of the texts appear in messages.go only. (Errors, whose
// format strings hold a "%", are for the programmer; sources are
// citations; an outcome's Danish label is a label.)
func TestNoSentencesOutsideTheCatalogue(t *testing.T) {
	lits := libraryLiterals(t)
	allowed := map[string]bool{caseload.SourceHerning: true, caseload.SourceDS2020: true, caseload.SourceAssignment: true,
		caseload.SourceTransfer: true, caseload.SourceMixed: true}
	for _, o := range []caseload.TransferOutcome{caseload.Moves, caseload.Stays, caseload.Unclear} {
		allowed[o.Danish()] = true
	}
	for _, word := range []string{"rådgiver", "sager", "grænse", "årsværk", "teamleder", "worker", "cases", "limit", "FTE", "team leader"} {
		for s := range lits {
			if strings.Contains(s, " ") && strings.Contains(s, word) && !allowed[s] && !strings.Contains(s, "%") {
				t.Errorf("%q (%q) looks like a text outside messages.go", s, word)
			}
		}
	}
}

// Every finding, reason and handover the package produces renders in
// Danish and English from the catalogue, and between them they use every
// text of it.
func TestEveryMessageRendersAndEveryTextIsUsed(t *testing.T) {
	on := d("2026-03-01")
	var all []msg.Message
	findings := func(l finding.List) {
		for _, f := range l {
			assert.NotNil(t, f.Args, "%s: built with finding.New, its text from the catalogue", f.Code)
			all = append(all, f.Message())
		}
	}
	listErr := func(err error) {
		var le *finding.ListError
		require.True(t, errors.As(err, &le), "%v", err)
		findings(le.Findings)
	}

	// Validate: every problem of the messy team, the team averages, weights,
	// new hires (full- and half-time), an invalid policy and dates.
	findings(caseload.Validate(messyTeam(t), caseload.Herning(), on))
	avg := caseload.Team{Workers: []caseload.Worker{{ID: "n1", Team: "nord", FTE: 1}, {ID: "z1", FTE: 1}},
		Cases: concat(cases("n", "n1", 26), cases("z", "z1", 26))}
	findings(caseload.Validate(avg, caseload.Herning(), on))
	akut := caseload.Herning().WithWeights(caseload.MustWeights(caseload.WeightSpec{Keys: map[string]float64{"akut": 2}}))
	heavy := caseload.Team{Workers: []caseload.Worker{{ID: "w1", FTE: 1}}, Cases: cases("c", "w1", 19)}
	heavy.Cases[0].Keys = []string{"akut"}
	heavy.Cases[1].Keys = []string{"akut"}
	findings(caseload.Validate(heavy, akut, on))
	hires := caseload.Team{Workers: []caseload.Worker{
		{ID: "w1", FTE: 1, EmployedSince: d("2026-01-01")}, {ID: "w2", FTE: 0.5, EmployedSince: d("2026-01-01")}, {ID: "w3", FTE: 1}},
		Cases: concat(cases("a", "w1", 16), cases("b", "w2", 8))}
	findings(caseload.Validate(hires, caseload.DS2020(), on))
	findings(caseload.Validate(heavy, caseload.Policy{}, 0))
	findings(caseload.Validate(heavy, caseload.Herning(), date.New(1850, 1, 1)))

	// Suggest and CheckReassignment.
	for _, tc := range []struct {
		team caseload.Team
		c    caseload.Case
	}{
		{loaded(0, 9, 20, 20), caseload.Case{ID: "n1"}},   // w1 with 1 case
		{loaded(20, 10, 20, 20), caseload.Case{ID: "n1"}}, // over soft
		{loaded(25, 12, 25, 25), caseload.Case{ID: "n1"}}, // nobody has room
		{caseload.Team{}, caseload.Case{ID: "n1"}},        // nobody with limits
		{loaded(1, 1, 1, 1), caseload.Case{}},
		{loaded(1, 1, 1, 1), caseload.Case{ID: "a01"}},
	} {
		_, _, fs := caseload.Suggest(tc.team, caseload.Herning(), tc.c, on)
		findings(fs)
	}
	for _, tc := range []struct{ caseID, to string }{{"a01", "w2"}, {"a01", "w1"}, {"zz", "w9"}} {
		_, fs := caseload.CheckReassignment(loaded(5, 12, 0, 0), caseload.Herning(), tc.caseID, tc.to, on)
		findings(fs)
	}

	// Transfer: every outcome and every problem.
	placed := []followup.Record{rec(t, "m1", "doegninstitution", "2026-01-05", ""), rec(t, "m2", "plejefamilie", "2025-01-05", "")}
	aftercare := []followup.Record{rec(t, "m3", "ungestoette-kontaktperson", "2025-10-01", "")}
	for _, tc := range []struct {
		c  caseload.Case
		on date.Date
	}{
		{caseload.Case{ID: "c1", Worker: "w1"}, on},
		{caseload.Case{ID: "c1"}, on},
		{caseload.Case{}, on},
		{caseload.Case{ID: "c1", Worker: "w1", Measures: placed}, on},
		{caseload.Case{ID: "c1", Worker: "w1", Measures: aftercare}, on},
		{caseload.Case{ID: "c1", Worker: "w1", Measures: append(placed[:1:1], aftercare...)}, on},
		{caseload.Case{ID: "c1", Worker: "w1", Measures: []followup.Record{{}}}, 0},
	} {
		dec := caseload.Transfer(tc.c, tc.on)
		all = append(all, dec.Reason)
		if dec.Handover != nil {
			all = append(all, dec.Handover.Message)
		}
		findings(dec.Findings)
	}

	// NewPolicy and NewWeights.
	for _, spec := range []caseload.PolicySpec{
		{Soft: math.NaN(), Hard: 5000, TeamAverage: -1, NewHireMonths: 30, NewHireFactor: 2},
		{Name: "X", Soft: 26, Hard: 25, TeamAverage: 25, NewHireFactor: 0.5},
	} {
		_, err := caseload.NewPolicy(spec)
		listErr(err)
	}
	_, err := caseload.NewWeights(caseload.WeightSpec{Default: math.NaN(),
		Steps:         map[ladder.Step]float64{ladder.EverydayLife: 1, ladder.Institution: -1},
		Interventions: map[string]float64{"": 1, "mst": 11},
		Keys:          map[string]float64{"": 1, "akut": -1}})
	listErr(err)

	used := map[string]bool{}
	for _, m := range all {
		for _, c := range assertRenders(t, m) {
			used[c] = true
		}
	}
	var unused []string
	for _, e := range caseload.Messages {
		if !used[e.Code] {
			unused = append(unused, e.Code)
		}
	}
	slices.Sort(unused)
	assert.Empty(t, unused, "catalogue texts no test produces")
}
