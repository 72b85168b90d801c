package followup

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// isRulesNoun reports a code of rulesMessages that is nested in a finding's
// message, not a finding's code of its own.
func isRulesNoun(code string) bool {
	return strings.HasPrefix(code, "ruleset.what.") || strings.HasPrefix(code, "ruleset.part.") || strings.HasPrefix(code, "ruleset.id.why.")
}

// rulesSourceLiterals returns the string literals of rules.go and
// regime.go (and receipt.go), and the codes passed as the first argument of add (a finding)
// or nested (a nested message).
func rulesSourceLiterals(t *testing.T) (literals, emitted map[string]bool) {
	t.Helper()
	literals, emitted = map[string]bool{}, map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range []string{"rules.go", "regime.go", "receipt.go"} {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					s, err := strconv.Unquote(n.Value)
					require.NoError(t, err)
					literals[s] = true
				}
			case *ast.CallExpr:
				var fn string
				switch f := n.Fun.(type) {
				case *ast.Ident:
					fn = f.Name
				case *ast.SelectorExpr:
					fn = f.Sel.Name
				}
				if (fn == "add" || fn == "nested") && len(n.Args) > 0 {
					lit, ok := n.Args[0].(*ast.BasicLit)
					require.True(t, ok, "%s: %s's code is not a literal", fset.Position(n.Pos()), fn)
					s, err := strconv.Unquote(lit.Value)
					require.NoError(t, err)
					emitted[s] = true
				}
			}
			return true
		})
	}
	return literals, emitted
}

// Every text of the catalogue is used, and every code the validators emit
// has a text.
func TestRulesMessagesAreUsed(t *testing.T) {
	literals, emitted := rulesSourceLiterals(t)
	declared := map[string]bool{}
	for _, e := range rulesMessages {
		declared[e.Code] = true
		assert.True(t, literals[e.Code], "%s has a text but rules.go, regime.go and receipt.go never use it", e.Code)
		assert.True(t, emitted[e.Code], "%s is not passed to add or nested", e.Code)
	}
	for code := range emitted {
		assert.True(t, declared[code], "%s is emitted but has no text in rulesMessages", code)
	}
}

// Every code has a text in every language of the default catalogue, using
// exactly the code's arguments, and the Danish and English texts differ.
func TestRulesMessagesAreComplete(t *testing.T) {
	cat := msg.Default()
	for _, e := range rulesMessages {
		args, ok := cat.Args(e.Code)
		require.True(t, ok, e.Code)
		assert.Equal(t, e.Args, args, e.Code)
		for _, lang := range cat.Langs() {
			tmpl, ok := cat.Template(e.Code, lang)
			require.True(t, ok, "%s has no %s text", e.Code, lang)
			assert.NotEmpty(t, strings.TrimSpace(tmpl), e.Code)
			for _, a := range e.Args {
				assert.Contains(t, tmpl, "{"+a+"}", "%s (%s)", e.Code, lang)
			}
		}
		assert.NotEqual(t, e.Da, e.En, e.Code)
	}
}

// findingsOf returns the findings of a *finding.ListError.
func findingsOf(t *testing.T, err error) finding.List {
	t.Helper()
	var le *finding.ListError
	require.True(t, errors.As(err, &le), "%v", err)
	return le.Findings
}

// Every finding NewRuleSet and NewRegime report for a table of bad specs
// renders in both languages from the catalogue, never as the "[code]"
// fall-back; together the table reaches every code.
func TestRulesFindingsRender(t *testing.T) {
	mun := func(edit func(*RuleSetSpec)) func() error {
		return func() error {
			s := HerningRules().Spec()
			edit(&s)
			_, err := NewRuleSet(s)
			return err
		}
	}
	stat := func(edit func(*RuleSetSpec)) func() error {
		return func() error {
			s := BarnetsLov().Spec()
			edit(&s)
			_, err := NewRuleSet(s)
			return err
		}
	}
	scope := func(sc ...Scope) func() error {
		return mun(func(s *RuleSetSpec) { s.Exceptions[0].Scope = sc })
	}
	selUntil := func(until date.Date) *RuleSet {
		s := ServiceLoven().Spec()
		s.Until = until
		return MustRuleSet(s)
	}
	blEff := BarnetsLov().Effective()
	tests := []struct {
		name string
		bad  func() error
		want string
	}{
		{"no name", mun(func(s *RuleSetSpec) { s.Name = "" }), "ruleset.name.missing"},
		{"unknown layer", mun(func(s *RuleSetSpec) { s.Layer = 9 }), "ruleset.layer.invalid"},
		{"no effective date", mun(func(s *RuleSetSpec) { s.Effective = 0 }), "ruleset.effective.missing"},
		{"until before effective", mun(func(s *RuleSetSpec) { s.Until = s.Effective - 1 }), "ruleset.until.before-effective"},
		{"set without source", mun(func(s *RuleSetSpec) { s.Source = " " }), "ruleset.source.missing"},
		{"rule without source", mun(func(s *RuleSetSpec) { s.Rules[0].Source = "" }), "ruleset.source.missing"},
		{"exception without source", mun(func(s *RuleSetSpec) { s.Exceptions[0].Source = "" }), "ruleset.source.missing"},
		{"decision without source", mun(func(s *RuleSetSpec) { s.Decision.Source = "" }), "ruleset.source.missing"},
		{"statutory follow-up without source", stat(func(s *RuleSetSpec) { s.Statutory.FollowUp.Source = "" }), "ruleset.source.missing"},
		{"supervision without source", stat(func(s *RuleSetSpec) { s.Statutory.Visits.Source = "" }), "ruleset.source.missing"},
		{"malformed rule id", mun(func(s *RuleSetSpec) { s.Rules[0].ID = "h-inst" }), "ruleset.id.malformed"},
		{"malformed exception id", mun(func(s *RuleSetSpec) { s.Exceptions[0].ID = "x barndom" }), "ruleset.id.malformed"},
		{"malformed statutory id", stat(func(s *RuleSetSpec) { s.Statutory.FollowUp.ID = "BL 95" }), "ruleset.id.malformed"},
		{"malformed supervision id", stat(func(s *RuleSetSpec) { s.Statutory.Visits.ID = "-" }), "ruleset.id.malformed"},
		{"supervision reuses the follow-up id", stat(func(s *RuleSetSpec) { s.Statutory.Visits.ID = s.Statutory.FollowUp.ID }), "ruleset.id.malformed"},
		{"malformed intake id", mun(func(s *RuleSetSpec) { s.Intake[0].ID = "" }), "ruleset.id.malformed"},
		{"duplicate rule id", mun(func(s *RuleSetSpec) { s.Rules[1].ID = s.Rules[0].ID }), "ruleset.id.duplicate"},
		{"exception id of a rule", mun(func(s *RuleSetSpec) { s.Exceptions[0].ID = s.Rules[0].ID }), "ruleset.id.duplicate"},
		{"negative offset", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed[0].At = Span{Months: -3} }), "ruleset.period.negative"},
		{"interval missing", mun(func(s *RuleSetSpec) { s.Rules[0].Recurring[0].Every = Span{} }), "ruleset.period.missing"},
		{"offset over ten years", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed[0].At = Months(121) }), "ruleset.period.too-long"},
		{"statutory set with municipal rules", stat(func(s *RuleSetSpec) { s.Rules = HerningRules().Spec().Rules }), "ruleset.statutory.has-municipal-rules"},
		{"statutory set without requirements", stat(func(s *RuleSetSpec) { s.Statutory = nil }), "ruleset.statutory.missing"},
		{"statutory covers nothing", stat(func(s *RuleSetSpec) { s.Statutory.FollowUp.Covers = nil }), "ruleset.statutory.covers-nothing"},
		{"unknown basis", stat(func(s *RuleSetSpec) { s.Statutory.FollowUp.Covers = []ladder.Basis{99} }), "ruleset.statutory.basis-invalid"},
		{"no visits a year", stat(func(s *RuleSetSpec) { s.Statutory.Visits.PerYear = 0 }), "ruleset.visits.per-year"},
		{"visits too far apart", stat(func(s *RuleSetSpec) { s.Statutory.Visits.Every = Months(7) }), "ruleset.contradiction.visits"},
		{"municipal set with a statutory block", mun(func(s *RuleSetSpec) { s.Statutory = BarnetsLov().Spec().Statutory }), "ruleset.municipal.has-statutory"},
		{"empty rule", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed, s.Rules[0].Recurring = nil, nil }), "ruleset.rule.empty"},
		{"exception names an unknown rule", scope(Scope{Rule: "H-UKENDT", Recurring: []int{0}}), "ruleset.rule.unknown"},
		{"binding to an unknown rule", mun(func(s *RuleSetSpec) { s.Bindings[0].Rule = "H-UKENDT" }), "ruleset.rule.unknown"},
		{"fixed supervision visit", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed[0].Kind = SupervisionVisit }), "ruleset.kind.not-municipal"},
		{"recurring status report", mun(func(s *RuleSetSpec) { s.Rules[0].Recurring[0].Kind = StatusReport }), "ruleset.kind.not-recurring"},
		{"recurring without content", mun(func(s *RuleSetSpec) { s.Rules[0].Recurring[0].Cycle = nil }), "ruleset.recurring.no-content"},
		{"child conversation unset", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed[0].Content.ChildConversation = 0 }), "ruleset.content.child-conversation"},
		{"meeting without modes", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed[0].Content.Modes = 0 }), "ruleset.content.modes"},
		{"invalid addModes", mun(func(s *RuleSetSpec) { s.Exceptions[0].AddModes = 1 << 3 }), "ruleset.content.modes"},
		{"unknown decision", mun(func(s *RuleSetSpec) { s.Rules[0].Fixed[0].Content.Decides = []Decision{99} }), "ruleset.content.decision"},
		{"fixed items out of order", mun(func(s *RuleSetSpec) {
			f := s.Rules[4].Fixed
			f[0], f[1] = f[1], f[0]
		}), "ruleset.contradiction.order"},
		{"two identical fixed items", mun(func(s *RuleSetSpec) { s.Rules[4].Fixed[1].At = s.Rules[4].Fixed[0].At }), "ruleset.contradiction.duplicate-item"},
		{"item after the course end", mun(func(s *RuleSetSpec) {
			s.Rules[5].Fixed = append(s.Rules[5].Fixed, Fixed{At: Months(6), Kind: FollowUp, Content: s.Rules[5].Fixed[0].Content})
		}), "ruleset.contradiction.after-course-end"},
		{"course end that recurs", mun(func(s *RuleSetSpec) { s.Rules[5].Recurring = s.Rules[0].Recurring }), "ruleset.contradiction.course-end-recurs"},
		{"open phase not last", mun(func(s *RuleSetSpec) { s.Rules[1].Recurring[0].Until = Span{} }), "ruleset.contradiction.phase-order"},
		{"phases ending out of order", mun(func(s *RuleSetSpec) {
			s.Rules[1].Recurring = append(s.Rules[1].Recurring[:1:1], Phase{Every: Weeks(4), Until: Months(6), Kind: FollowUp, Cycle: s.Rules[1].Recurring[0].Cycle}, s.Rules[1].Recurring[1])
		}), "ruleset.contradiction.phase-order"},
		{"exception relaxes the law", mun(func(s *RuleSetSpec) { s.Exceptions[0].Relaxes = "statutory" }), "ruleset.statutory.relaxed"},
		{"exception relaxes nothing", mun(func(s *RuleSetSpec) {
			s.Exceptions[0].AddModes, s.Exceptions[0].ChildConversationOptional = 0, false
		}), "ruleset.contradiction.relaxes-nothing"},
		{"exception without scope", scope(), "ruleset.exception.applies-to-nothing"},
		{"rule twice in a scope", scope(Scope{Rule: "H-PLEJE", Recurring: []int{1}}, Scope{Rule: "H-PLEJE", Recurring: []int{1}}), "ruleset.exception.scope-duplicate"},
		{"scope names nothing", scope(Scope{Rule: "H-PLEJE"}), "ruleset.exception.scope-empty"},
		{"no such fixed item", scope(Scope{Rule: "H-INST", Fixed: []int{3}}), "ruleset.exception.scope-index"},
		{"no such phase", scope(Scope{Rule: "H-PLEJE", Recurring: []int{2}}), "ruleset.exception.scope-index"},
		{"a status report", scope(Scope{Rule: "H-FAMCENTER", Fixed: []int{3}}), "ruleset.exception.scope-not-meeting"},
		{"the first fixed follow-up", scope(Scope{Rule: "H-INST", Fixed: []int{0}}), "ruleset.exception.first-follow-up"},
		{"a phase that starts with the first follow-up", scope(Scope{Rule: "H-KORT", Recurring: []int{0}}), "ruleset.exception.first-follow-up"},
		{"malformed intervention code", mun(func(s *RuleSetSpec) { s.Bindings[0].Code = "Ikke En Kode!" }), "ruleset.binding.code"},
		{"code bound twice", mun(func(s *RuleSetSpec) { s.Bindings = append(s.Bindings, s.Bindings[0]) }), "ruleset.binding.duplicate"},
		{"intake row without source", mun(func(s *RuleSetSpec) { s.Intake[0].Source = "" }), "ruleset.intake.incomplete"},
		{"intake row of a follow-up", mun(func(s *RuleSetSpec) { s.Intake[0].Kind = FollowUp }), "ruleset.intake.kind"},
		{"intake row of the wrong layer", mun(func(s *RuleSetSpec) { s.Intake[0].Layer = Statutory }), "ruleset.intake.layer"},
		{"intake row without a date", mun(func(s *RuleSetSpec) { s.Intake[0].Effective = 0 }), "ruleset.intake.dates"},
		{"intake row with an unknown fact", mun(func(s *RuleSetSpec) { s.Intake[0].If = []Fact{99} }), "ruleset.intake.fact"},
		{"intake row with negative hours", stat(func(s *RuleSetSpec) { s.Statutory.Intake[0].Hours = -1 }), "ruleset.intake.hours"},
		{"requirement with a deadline", mun(func(s *RuleSetSpec) { s.Intake[0].Hours = 24 }), "ruleset.intake.deadline"},
		{"intake row with two deadlines", stat(func(s *RuleSetSpec) {
			s.Statutory.Intake[0].Hours, s.Statutory.Intake[0].Within, s.Statutory.Intake[0].Before = 24, Months(1), false
		}), "ruleset.intake.deadline"},
		{"municipal set as statutory", func() error { _, err := NewRegime(nil, HerningRules()); return err }, "regime.layer"},
		{"statutory set as municipal", func() error { _, err := NewRegime(ServiceLoven(), BarnetsLov()); return err }, "regime.layer"},
		{"no statutory set", func() error { _, err := NewRegime(HerningRules()); return err }, "regime.statutory.missing"},
		{"nil statutory set", func() error { _, err := NewRegime(HerningRules(), nil); return err }, "regime.statutory.nil"},
		{"overlapping laws", func() error { _, err := NewRegime(HerningRules(), selUntil(blEff), BarnetsLov()); return err }, "regime.statutory.overlap"},
		{"a gap between the laws", func() error { _, err := NewRegime(HerningRules(), selUntil(blEff-2), BarnetsLov()); return err }, "regime.statutory.gap"},
		{"another input", replay(func(rc *Receipt) {}, []byte(`{"cases": [{}]}`)), "receipt.input.changed"},
		{"a rule set the regime lacks", replay(func(rc *Receipt) { rc.RuleSets[0].SHA256 = strings.Repeat("0", 64) }, nil), "receipt.rule-set.missing"},
		{"a rule set the receipt lacks", replay(func(rc *Receipt) { rc.RuleSets = rc.RuleSets[1:] }, nil), "receipt.rule-set.extra"},
		{"no as-of date", replay(func(rc *Receipt) { rc.AsOf = 0 }, nil), "receipt.as-of.missing"},
		{"other holidays", replay(func(rc *Receipt) { rc.Calendar.Holidays = "se" }, nil), "receipt.calendar.holidays"},
		{"a calendar that cannot be built", replay(func(rc *Receipt) { rc.Calendar.ExtraClosed = []date.Date{date.Zero} }, nil), "receipt.calendar.invalid"},
	}
	seen := map[string]bool{}
	var data []string // the findings' messages as JSON, nested messages and all
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.bad()
			require.Error(t, err)
			fs := findingsOf(t, err)
			assert.Contains(t, fs.Codes(), tc.want)
			for _, f := range fs {
				seen[f.Code] = true
				for _, lang := range []msg.Lang{msg.Danish, msg.English} {
					text := f.Text(lang)
					assert.Equal(t, msg.Default().Text(f.Message(), lang), text, "%s renders from the catalogue", f.Code)
					assert.NotEmpty(t, text, f.Code)
					assert.NotContains(t, text, "[ruleset.", "%s (%s): %s", f.Code, lang, text)
					assert.NotContains(t, text, "[regime.", "%s (%s): %s", f.Code, lang, text)
					assert.NotContains(t, text, "{", "%s (%s): an argument is missing: %s", f.Code, lang, text)
					assert.False(t, strings.HasPrefix(text, "["), "%s (%s): %s", f.Code, lang, text)
				}
				assert.NotEqual(t, f.Text(msg.Danish), f.Text(msg.English), f.Code)
				assert.NotContains(t, err.Error(), "["+f.Code+"]")
				j, err := f.Message().MarshalJSON()
				require.NoError(t, err)
				data = append(data, string(j))
			}
		})
	}
	all := strings.Join(data, "\n")
	for _, e := range rulesMessages {
		if isRulesNoun(e.Code) {
			assert.Contains(t, all, `"code":"`+e.Code+`"`, "no finding in the table nests %s", e.Code)
		} else {
			assert.True(t, seen[e.Code], "no bad spec in the table reaches %s", e.Code)
		}
	}
}

// replay returns a check of Herning's receipt for {"cases": []}, changed
// by change, against the regime and input (nil: the receipt's input).
func replay(change func(*Receipt), input []byte) func() error {
	return func() error {
		in := []byte(`{"cases": []}`)
		rc := Herning().Receipt(Options{AsOf: date.New(2026, 11, 16)}, in)
		change(&rc)
		if input == nil {
			input = in
		}
		_, err := rc.Replay(Herning(), input)
		return err
	}
}

// Numbers, periods, dates and ids in the texts come from the arguments.
func TestRulesFindingsTakeTheirArguments(t *testing.T) {
	render := func(t *testing.T, err error, code string) (string, string) {
		t.Helper()
		fs := findingsOf(t, err)
		i := slices.IndexFunc(fs, func(f finding.Finding) bool { return f.Code == code })
		require.GreaterOrEqual(t, i, 0, "%v", fs.Codes())
		return fs[i].Text(msg.Danish), fs[i].Text(msg.English)
	}
	t.Run("period", func(t *testing.T) {
		s := BarnetsLov().Spec()
		s.Statutory.Visits.Every = Months(7)
		_, err := NewRuleSet(s)
		da, en := render(t, err, "ruleset.contradiction.visits")
		assert.Equal(t, "Besøg hver 7 måneder giver ikke 2 besøg om året.", da)
		assert.Equal(t, "Visits every 7 months cannot give 2 visits a year.", en)
	})
	t.Run("negative period", func(t *testing.T) {
		s := HerningRules().Spec()
		s.Rules[0].Fixed[0].At = Span{Days: -14}
		_, err := NewRuleSet(s)
		da, en := render(t, err, "ruleset.period.negative")
		assert.Equal(t, "at: perioden -2 uger er negativ.", da)
		assert.Equal(t, "at: the period -2 weeks is negative.", en)
	})
	t.Run("nested noun", func(t *testing.T) {
		s := HerningRules().Spec()
		s.Bindings[0].Rule = "H-UKENDT"
		_, err := NewRuleSet(s)
		da, en := render(t, err, "ruleset.rule.unknown")
		code := s.Bindings[0].Code
		assert.Equal(t, `Reglen "H-UKENDT" findes ikke, men bindingen af indsatskoden "`+code+`" henviser til den.`, da)
		assert.Equal(t, `There is no rule "H-UKENDT", but the binding of the intervention code "`+code+`" refers to it.`, en)
	})
	t.Run("part and index", func(t *testing.T) {
		s := HerningRules().Spec()
		s.Exceptions[0].Scope = []Scope{{Rule: "H-KORT", Recurring: []int{0}}}
		_, err := NewRuleSet(s)
		da, en := render(t, err, "ruleset.exception.first-follow-up")
		assert.Equal(t, "Undtagelsen vil lempe H-KORTs første opfølgning (fase nr. 0), hvor planen konkretiseres; det må ingen undtagelse.", da)
		assert.Equal(t, "The exception would relax H-KORT's first follow-up (recurring phase 0), where the plan is made concrete; no exception may.", en)
	})
	t.Run("dates", func(t *testing.T) {
		s := ServiceLoven().Spec()
		s.Until = date.New(2023, time.December, 29)
		_, err := NewRegime(nil, MustRuleSet(s), BarnetsLov())
		da, en := render(t, err, "regime.statutory.gap")
		sel, bl := ServiceLoven().Name(), BarnetsLov().Name()
		assert.Equal(t, "Intet lovgrundlag gælder fra 2023-12-30 til 2023-12-31: "+sel+" slutter 2023-12-29, og "+bl+" træder først i kraft 2024-01-01.", da)
		assert.Equal(t, "No statutory set is in force from 2023-12-30 to 2023-12-31: "+sel+" ends on 2023-12-29 and "+bl+" takes effect only on 2024-01-01.", en)
	})
}
