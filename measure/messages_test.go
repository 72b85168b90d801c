package measure

import (
	"go/ast"
	"go/parser"
	"go/token"
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

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

var (
	// unrendered finds what a text must not hold: a code that fell back
	// ("[smart.S.vague]") or a placeholder left unfilled ("{due}").
	unrendered = regexp.MustCompile(`\[[a-z]+\.[A-Za-z.-]+\]|\{[A-Za-z]+\}`)
	// pointDecimal finds a decimal written with a point.
	pointDecimal = regexp.MustCompile(`\d\.\d`)
)

// assertRendered asserts that m renders from the catalogue in Danish and
// English, its nested messages too, and that Danish writes decimals with a
// comma.
func assertRendered(t *testing.T, m msg.Message) {
	t.Helper()
	for _, lang := range []msg.Lang{msg.Danish, msg.English} {
		text := msg.Default().Text(m, lang)
		assert.False(t, strings.HasPrefix(text, "["), "%s in %s has no text: %s", m.Code, lang, text)
		assert.NotRegexp(t, unrendered, text, "%s in %s", m.Code, lang)
		assert.NotEmpty(t, strings.TrimSpace(text), "%s in %s", m.Code, lang)
	}
	assert.NotRegexp(t, pointDecimal, msg.Default().Text(m, msg.Danish), "%s: a Danish decimal takes a comma", m.Code)
}

// TestCatalogue checks the table: every code has a text in Danish and in
// English in the default catalogue, with exactly the table's arguments
// (msg.Define checks that the templates use them).
func TestCatalogue(t *testing.T) {
	require.NotEmpty(t, messages)
	cat := msg.Default()
	seen := map[string]bool{}
	for _, e := range messages {
		assert.False(t, seen[e.Code], "%s declared twice", e.Code)
		seen[e.Code] = true
		args, ok := cat.Args(e.Code)
		if !assert.True(t, ok, "%s is not in msg.Default()", e.Code) {
			continue
		}
		assert.Equal(t, len(e.Args), len(args), e.Code)
		for _, lang := range []msg.Lang{msg.Danish, msg.English} {
			tmpl, ok := cat.Template(e.Code, lang)
			assert.True(t, ok && strings.TrimSpace(tmpl) != "", "%s has no %s text", e.Code, lang)
		}
		if !strings.HasPrefix(e.Code, "smart.") && !strings.HasPrefix(e.Code, "barometer.") {
			assert.True(t, strings.HasPrefix(e.Code, "measure."), "%s: a code measure introduces starts with measure.", e.Code)
		}
	}
}

// libraryFiles parses the package's files other than its tests and the
// catalogue.
func libraryFiles(t *testing.T) []*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") || name == "messages.go" {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		require.NoError(t, err)
		files = append(files, f)
	}
	require.NotEmpty(t, files)
	return files
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// TestCatalogueUsed: every code of the catalogue appears as a string
// literal in a library file, so no text is unused.
func TestCatalogueUsed(t *testing.T) {
	lits := map[string]bool{}
	for _, f := range libraryFiles(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				if s, ok := stringLit(e); ok {
					lits[s] = true
				}
			}
			return true
		})
	}
	for _, e := range messages {
		assert.True(t, lits[e.Code], "catalogue code %s is used by no library file", e.Code)
	}
}

// TestCodesDeclared: every code the library names in a call of msg.New,
// finding.New or the SMART collector, every rule and every barometer code
// has a text in the catalogue.
func TestCodesDeclared(t *testing.T) {
	cat := msg.Default()
	declared := func(code string) bool { _, ok := cat.Args(code); return ok }
	calls := 0
	for _, f := range libraryFiles(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, _ := sel.X.(*ast.Ident)
			isNew := sel.Sel.Name == "New" && x != nil && (x.Name == "msg" || x.Name == "finding")
			if !isNew && sel.Sel.Name != "add" {
				return true
			}
			if code, ok := stringLit(call.Args[0]); ok {
				calls++
				assert.True(t, declared(code), "%s is emitted but not in the catalogue", code)
			}
			return true
		})
	}
	assert.Greater(t, calls, 50, "the walk found the calls")
	for _, r := range Rules() {
		assert.True(t, declared(r.Code), "rule %s has no finding text", r.Code)
		assert.Equal(t, "measure.rule."+r.Code, r.Summary.Code)
		assertRendered(t, r.Summary)
	}
	for d := FirstFollowUpDeadline; d <= AssessmentDeadline; d++ {
		r := barometerRules[d]
		for _, code := range []string{r.late, r.missing, r.explain, r.keep, r.drop} {
			assert.True(t, declared(code), "%s: %s is not in the catalogue", d, code)
		}
	}
}

// TestBarometerFindingsRender renders every barometer finding and every
// form of the figure's explanation.
func TestBarometerFindingsRender(t *testing.T) {
	d := ladder.MustParseDate
	for _, ended := range []EndedEarly{KeepEndedEarly, DropEndedEarly} {
		q := BarometerQuery{From: d("2024-01-01"), To: d("2024-06-30"), AsOf: d("2024-12-31"), EndedEarly: ended}
		fu, err := FirstFollowUps([]BarometerFollowUp{
			{Case: "c1", Measure: "m1", Worker: "w", Team: "t", Start: d("2024-01-10"), Held: d("2024-04-11"), ByLaw: true},
			{Case: "c2", Measure: "m2", Worker: "w", Team: "t", Start: d("2024-01-10"), ByLaw: true},
		}, q)
		require.NoError(t, err)
		as, err := Assessments([]BarometerAssessment{
			{Case: "c1", Assessment: "u1", Worker: "w", Team: "t", Learned: d("2024-01-10"), Finished: d("2024-05-11")},
			{Case: "c2", Assessment: "u2", Worker: "w", Team: "t", Learned: d("2024-01-10")},
		}, q)
		require.NoError(t, err)
		var codes []string
		for _, rep := range []BarometerReport{fu, as} {
			for _, f := range rep.Misses() {
				codes = append(codes, f.Code)
				assertRendered(t, f.Message())
			}
			assertRendered(t, rep.Explain().Message)
			assertRendered(t, rep.ExplainCount(BarometerCount{}).Message)
		}
		assert.ElementsMatch(t, []string{"barometer.first-follow-up.late", "barometer.first-follow-up.missing",
			"barometer.assessment.late", "barometer.assessment.missing"}, codes)
	}
}

// explanations returns an explanation of every kind the package gives.
func explanations(t *testing.T) []FigureExplanation {
	t.Helper()
	mk := func(id, code, start, end string) ladder.Measure {
		var e date.Date
		if end != "" {
			e = ladder.MustParseDate(end)
		}
		m, err := ladder.Default().NewMeasure(id, code, ladder.MustParseDate(start), e)
		require.NoError(t, err)
		return m
	}
	from, to := ladder.MustParseDate("2015-01-01"), ladder.MustParseDate("2015-12-31")
	ms := []ladder.Measure{
		mk("a", "doegninstitution", "2014-09-01", "2015-03-31"),
		mk("b", "plejefamilie", "2015-04-01", ""),
		mk("c", "netvaerkspleje", "2014-01-01", "2015-06-30"),
		mk("d", "doegnophold-familie", "2015-03-01", "2015-05-31"),
	}
	var out []FigureExplanation
	cy, err := ChildYears(ms, from, to)
	require.NoError(t, err)
	for _, g := range PlacementGroups() {
		out = append(out, cy.ExplainGroup(g))
	}
	out = append(out, cy.ExplainCode("plejefamilie"), cy.ExplainCode("doegnophold-familie"), cy.ExplainCode("ukendt"))
	entered, err := NewChildYearFigures(nil, map[string]float64{"plejefamilie": 2.5, "opholdssted": 1})
	require.NoError(t, err)
	out = append(out, entered.ExplainGroup(FamilyCare))
	cmp, err := CompareChildYears(entered, cy)
	require.NoError(t, err)
	for _, row := range append(cmp.Rows(), cmp.Code("ukendt")) {
		out = append(out, row.Explain())
	}
	children := []ChildCase{{ID: "x", Measures: ms[:2]}, {ID: "y", Measures: ms[2:]}}
	sc, err := CountSteps(children, to)
	require.NoError(t, err)
	mm, err := CountMoves(children, from, to)
	require.NoError(t, err)
	cc, err := CasesPerWorker(map[string]string{"x": "w1", "y": "w1", "z": "w2"})
	require.NoError(t, err)
	br, err := NewBreakdownRate(2, 140.43)
	require.NoError(t, err)
	sdq, err := SummarizeSDQ([]SDQPair{{Before: 12, After: 9}, {Before: 20, After: 20}, {Before: 5, After: 8}})
	require.NoError(t, err)
	out = append(out, sc.Explain(), mm.Explain(), cc.Explain(), br.Explain(), sdq.Explain())
	rates, err := FollowUpRates([]followup.Record{
		fuRecord(t, "c1", "plejefamilie", "2015-01-01", "", held("2015-08-01", true)),
		fuRecord(t, "c2", "aflastning", "2015-01-01", "", held("2015-09-01", true)),
	}, from, to)
	require.NoError(t, err)
	for _, r := range rates {
		out = append(out, r.Explanation)
	}
	pl, err := CountPlacementLengths(ms, from, to)
	require.NoError(t, err)
	for _, g := range PlacementGroups() {
		out = append(out, pl.Explain(g))
	}
	return out
}

// TestExplanationsRender renders every kind of explanation from the
// catalogue, with its source.
func TestExplanationsRender(t *testing.T) {
	for _, e := range explanations(t) {
		require.NotEmpty(t, e.Message.Code, e.Figure)
		assertRendered(t, e.Message)
		assert.True(t, strings.HasSuffix(e.Text(msg.Danish), " ("+e.Source+")"), e.Figure)
	}
	p, err := attendanceGoal().Progress(3.5, progHalf, progStart)
	require.NoError(t, err)
	assertRendered(t, p.Explain())
}

// TestDanishDecimalComma: a decimal in a text comes from an argument and
// is written with a comma in Danish, a point in English.
func TestDanishDecimalComma(t *testing.T) {
	br, err := NewBreakdownRate(2, 140.43)
	require.NoError(t, err)
	e := br.Explain()
	assert.Contains(t, e.Message.Text(msg.Danish), "over 140,43 anbragte årsbørn: 1,4 %")
	assert.Contains(t, e.Message.Text(msg.English), "over 140.43 placed child-years: 1.4 %")

	g := validGoal()
	g.Indicator.Target = 5.5
	got := ValidateGoal(g, goalAsOf)
	require.Equal(t, []string{"smart.M.target-out-of-scale"}, got.Codes())
	assert.Contains(t, got[0].Text(msg.Danish), "Målværdien 5,5 ligger uden for skalaen 0–5")
	assert.Contains(t, got[0].Text(msg.English), "The target 5.5 lies outside the scale 0–5")

	decimals := 0
	for _, e := range explanations(t) {
		da := e.Message.Text(msg.Danish)
		assert.NotRegexp(t, pointDecimal, da, e.Figure)
		if regexp.MustCompile(`\d,\d`).MatchString(da) {
			decimals++
		}
	}
	assert.Greater(t, decimals, 10, "the explanations hold decimals")
}

// TestExplanationJSON: the JSON keeps da and en and adds the message's
// code and arguments.
func TestExplanationJSON(t *testing.T) {
	br, err := NewBreakdownRate(2, 140.43)
	require.NoError(t, err)
	b, err := br.Explain().MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"figure":"sammenbrud","source":"KORA 2017, Tabel 3.1, p. 22",
		"code":"measure.breakdowns","args":{"breakdowns":2,"childYears":140.43,"percent":1.4},
		"da":"2 sammenbrud i anbringelser over 140,43 anbragte årsbørn: 1,4 % (Ankestyrelsens definition: anbringelsen ophører, fordi barnet forlader stedet, eller stedet opgiver barnet).",
		"en":"2 placement breakdowns over 140.43 placed child-years: 1.4 % (Ankestyrelsen's definition: the placement ends because the child leaves the place or the place gives the child up)."}`, string(b))

	b, err = FigureExplanation{Figure: "barometer"}.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"figure":"barometer","source":"","da":"","en":""}`, string(b), "the zero message has no code")
}

// TestRuleJSON: a rule's JSON holds its summary as data and in both
// languages, the numbers from the thresholds.
func TestRuleJSON(t *testing.T) {
	i := slices.IndexFunc(Rules(), func(r SmartRule) bool { return r.Code == "smart.R.steep-target" })
	require.GreaterOrEqual(t, i, 0)
	r := Rules()[i]
	assert.Equal(t, "trappe's rule (not in the Kompendium, whose s. 32 gives only the SMART letters and guiding questions)", r.Source)
	b, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"smart.R.steep-target","letter":"R","severity":"warning",
		"source":"trappe's rule (not in the Kompendium, whose s. 32 gives only the SMART letters and guiding questions)",
		"summary":{"code":"measure.rule.smart.R.steep-target","args":{"share":50,"within":"P13W"}},
		"da":"Målet kræver en ændring på over 50 % af skalaen på under 13 uger.",
		"en":"The goal needs a change of over 50 % of the scale in under 13 weeks."}`, string(b))

	// The heuristics trappe chose are cited as trappe's, the letters as the
	// Kompendium's.
	for _, r := range Rules() {
		switch r.Code {
		case "smart.S.too-short", "smart.S.vague", "smart.R.steep-target":
			assert.Equal(t, srcTrappe, r.Source, r.Code)
		case "smart.S.no-text", "smart.M.no-indicator", "smart.T.no-due":
			assert.Equal(t, srcKompendium, r.Source, r.Code)
		}
		if strings.HasPrefix(r.Code, "smart.input.") {
			assert.Equal(t, srcInput, r.Source, r.Code)
		}
	}
	assert.Equal(t, "Målteksten har færre end 3 ord.", Rules()[slices.IndexFunc(Rules(), func(r SmartRule) bool { return r.Code == "smart.S.too-short" })].Text(msg.Danish))

	// Rules hands out copies of the summaries' arguments.
	rs := Rules()
	rs[i].Summary.Args[0].Value = msg.Int(99)
	assert.Equal(t, msg.Int(50), Rules()[i].Summary.Args[0].Value)
}

// TestFindingsHaveNoOldTexts: the package builds findings with
// finding.New, so their texts come from the catalogue, never from the
// deprecated Da and En fields.
func TestFindingsHaveNoOldTexts(t *testing.T) {
	all := ValidateGoal(Goal{SubGoals: []SubGoal{{}}}, goalAsOf)
	all = append(all, CheckReview(Goal{Indicator: Indicator{Name: "x"}}, GoalReview{GoalID: "y", NewGoalsNeeded: 9})...)
	require.NotEmpty(t, all)
	for _, f := range all {
		assert.Equal(t, finding.Finding{Code: f.Code, Severity: f.Severity, Subject: f.Subject, Source: f.Source, Args: f.Args}, f, f.Code)
		assertRendered(t, f.Message())
	}
}

// TestLabelsFallBackVisibly: a label missing in a language shows the other
// language's, marked, never nothing.
func TestLabelsFallBackVisibly(t *testing.T) {
	m := msg.New("measure.percent", "percent", labels("halvdelen", ""))
	assert.Equal(t, "halvdelen %", m.Text(msg.Danish))
	assert.Equal(t, "[da] halvdelen %", m.Text(msg.English))
}
