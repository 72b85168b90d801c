package followup

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// The scheduler's catalogue: every text is used by some library file, and
// every code the library passes to msg.New or finding.New has a text.
func TestMessagesCatalogueIsUsedAndComplete(t *testing.T) {
	literals, emitted := map[string]bool{}, map[string]bool{}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "messages") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					s, _ := strconv.Unquote(n.Value)
					literals[s] = true
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "New") && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						emitted[s] = true
					}
				}
			}
			return true
		})
	}
	declared := map[string]bool{}
	for _, e := range messages {
		declared[e.Code] = true
		// The anchor and verb codes are chosen by a variable holding one of
		// these literals; each still appears as a literal.
		assert.True(t, literals[e.Code], "catalogue text %q is used by no library file", e.Code)
	}
	for _, e := range rulesMessages {
		declared[e.Code] = true
	}
	for _, e := range intake15Messages {
		declared[e.Code] = true
	}
	for code := range emitted {
		if strings.HasPrefix(code, "followup.") || strings.HasPrefix(code, "ruleset.") || strings.HasPrefix(code, "regime.") || strings.HasPrefix(code, "receipt.") {
			assert.True(t, declared[code], "code %q is emitted but has no text", code)
		}
	}
}

// A vendor adds a third language from a catalogue of its own, and a plan's
// explanations render in it; where its catalogue has no text, the code
// shows, never another language silently.
func TestThirdLanguageRendersAPlan(t *testing.T) {
	de := map[string]string{
		"followup.why.rule":               "{name}:",
		"followup.why.law":                "{name}.",
		"followup.anchor.start":           "{offset} nach Beginn der Maßnahme am {from}.",
		"followup.anchor.previous-due":    "{offset} nach der vorigen Nachbesprechung, fällig am {from}.",
		"followup.why.marked":             "Die letzte Nachbesprechung bis zur gesetzlichen Frist {deadline} ist gesetzlich vorgeschrieben.",
		"followup.why.first":              "Es ist die erste gesetzliche Nachbesprechung.",
		"followup.why.first-decides":      "Hier wird über die weitere Nachbesprechung entschieden (BL § 95).",
		"followup.why.visit-is-follow-up": "Sie ist zugleich der Aufsichtsbesuch am Unterbringungsort.",
		"followup.why.cited":              "[{rule}] {text} ({source}; {ruleSet}, gültig ab {effective})",
		"followup.why.joined":             "{first} {rest}",
	}
	cat, err := msg.Default().With("de", de)
	require.NoError(t, err)
	m, err := ladder.Default().NewMeasure("m1", "doegninstitution", ladder.MustParseDate("2024-02-05"), 0)
	require.NoError(t, err)
	plan, err := Herning().Schedule(Record{Case: "c1", Measure: m}, Options{AsOf: ladder.MustParseDate("2024-02-01"), Until: ladder.MustParseDate("2024-05-01")})
	require.NoError(t, err)
	// H-INST from 5 Feb 2024: +2 weeks 19 Feb, +6 weeks 1 Apr; the first
	// statutory deadline, 5 May, marks 1 Apr (BL-95 and BL-156).
	it := plan.At(1)
	require.Equal(t, ladder.MustParseDate("2024-04-01"), it.Due)
	var lines []string
	for _, m := range it.Why().Messages() {
		lines = append(lines, cat.Text(m, "de"))
	}
	require.Len(t, lines, 3)
	assert.Contains(t, lines[0], "[H-INST] [en] Placement in an institution: P6W nach der vorigen Nachbesprechung, fällig am 2024-02-19.",
		"rule names are data in Danish and English: the German text marks the fall-back to English; periods are ISO 8601")
	assert.Contains(t, lines[1], "Die letzte Nachbesprechung bis zur gesetzlichen Frist 2024-05-05 ist gesetzlich vorgeschrieben. Es ist die erste gesetzliche Nachbesprechung. Hier wird über die weitere Nachbesprechung entschieden (BL § 95).")
	assert.Contains(t, lines[2], "Sie ist zugleich der Aufsichtsbesuch am Unterbringungsort.")
	// A code the German catalogue lacks shows as the code.
	school, err := ladder.Default().NewMeasure("m2", "kostskole", ladder.MustParseDate("2024-02-05"), 0)
	require.NoError(t, err)
	plan, err = Herning().Schedule(Record{Case: "c1", Measure: school}, Options{AsOf: ladder.MustParseDate("2024-09-01")})
	require.NoError(t, err)
	f := plan.Findings()
	require.NotEmpty(t, f)
	assert.True(t, strings.HasPrefix(cat.Text(f[0].Message(), "de"), "["+f[0].Code+"]"), cat.Text(f[0].Message(), "de"))
}
