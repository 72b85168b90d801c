package measure

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

func gDate(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

// goalAsOf is the date every goal test judges on unless it says otherwise.
var goalAsOf = gDate(2026, time.March, 15)

// validGoal passes every rule as of goalAsOf: a concrete text, people named,
// an indicator on a 0–5 scale, the child's dated acceptance, a due date
// inside the plan period 2026-03-01..2026-08-31, 121 days after the plan
// start (so a change of 3 of 5 is not steep), and one sub-goal due before
// the goal.
func validGoal() Goal {
	return Goal{
		ID:   "G1",
		What: "Mathias møder i skole 5 dage om ugen",
		Who:  []string{"Mathias", "mor", "skolen"},
		Indicator: Indicator{
			Name: "fremmøde i skole", Unit: "dage pr. uge",
			Scale: Scale{Min: 0, Max: 5}, Baseline: 2, Target: 5,
		},
		Due: gDate(2026, time.June, 30),
		Acceptance: Acceptance{
			Accepted: true, RecordedOn: gDate(2026, time.March, 2),
			How: "børnesamtale 2026-03-02", Attractive: Yes,
		},
		SubGoals: []SubGoal{{
			ID:   "D1",
			What: "Mathias møder i skole 3 dage om ugen",
			Indicator: Indicator{
				Name: "fremmøde i skole", Unit: "dage pr. uge",
				Scale: Scale{Min: 0, Max: 5}, Baseline: 2, Target: 3,
			},
			Due: gDate(2026, time.April, 30),
		}},
		MeasureID: "M7",
		PlanFrom:  gDate(2026, time.March, 1),
		PlanTo:    gDate(2026, time.August, 31),
	}
}

// checkFindings asserts what every finding must satisfy: a known code with
// the rule's severity, letter and source, and two non-empty, different
// messages.
func checkGoalFindings(t *testing.T, got finding.List) {
	t.Helper()
	for _, f := range got {
		r, ok := rulesByCode[f.Code]
		if !assert.True(t, ok, "code %q is not in Rules()", f.Code) {
			continue
		}
		assert.Equal(t, r.Severity, f.Severity, f.Code)
		assert.Equal(t, r.Letter, Letter(f.Code), f.Code)
		assert.Equal(t, r.Source, f.Source, f.Code)
		da, en := f.Text(msg.Danish), f.Text(msg.English)
		assert.NotEmpty(t, strings.TrimSpace(da), f.Code)
		assert.NotEmpty(t, strings.TrimSpace(en), f.Code)
		assert.NotEqual(t, da, en, f.Code)
		assertRendered(t, f.Message())
	}
}

func TestValidGoalPasses(t *testing.T) {
	assert.Nil(t, ValidateGoal(validGoal(), goalAsOf))
	assert.Nil(t, validGoal().Validate(goalAsOf))
}

func TestValidateGoalRules(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(*Goal)
		on       date.Date // zero: goalAsOf
		zeroAsOf bool
		want     []string // exact codes, in order
		subjects []string // when set, the subjects in order
		da, en   string   // when set, a fragment of the first finding's messages
	}{
		// input
		{name: "as-of zero", zeroAsOf: true, want: []string{"smart.input.no-as-of"}, subjects: []string{"G1"}},
		{name: "as-of zero skips date rules", zeroAsOf: true,
			mutate: func(g *Goal) { g.Acceptance.RecordedOn = gDate(2030, 1, 1); g.Met = gDate(2030, 1, 1) },
			want:   []string{"smart.input.no-as-of"}},
		{name: "goal without id", mutate: func(g *Goal) { g.ID = " " },
			want: []string{"smart.input.no-id"}, subjects: []string{""},
			da: "Målet har intet id. Giv målet et id", en: "The goal has no id. Give the goal an id"},
		{name: "sub-goal without id", mutate: func(g *Goal) { g.SubGoals[0].ID = "" },
			want: []string{"smart.input.no-id"}, subjects: []string{"G1/#1"}, da: "Delmål nr. 1", en: "Sub-goal no. 1"},
		{name: "duplicate sub-goal id",
			mutate: func(g *Goal) { g.SubGoals = append(g.SubGoals, g.SubGoals[0]) },
			want:   []string{"smart.input.duplicate-id"}, subjects: []string{"G1/D1"}, da: `"D1"`},
		{name: "plan inverted skips plan rules",
			mutate: func(g *Goal) { g.PlanTo = gDate(2026, 2, 1) },
			want:   []string{"smart.input.plan-inverted"}, da: "2026-02-01", en: "2026-03-01"},
		{name: "plan from equals plan to is fine",
			mutate: func(g *Goal) { g.PlanFrom, g.PlanTo = g.Due, g.Due; g.SubGoals = nil; g.Indicator.Scale = Scale{} }},
		{name: "scale inverted", mutate: func(g *Goal) { g.Indicator.Scale = Scale{Min: 5, Max: 0} },
			want: []string{"smart.input.scale-inverted"}, da: "min 5 er ikke mindre end maks 0"},
		{name: "scale empty", mutate: func(g *Goal) { g.Indicator.Scale = Scale{Min: 3, Max: 3} },
			want: []string{"smart.input.scale-inverted"}},
		{name: "baseline NaN", mutate: func(g *Goal) { g.Indicator.Baseline = math.NaN() },
			want: []string{"smart.input.not-finite"}, en: "baseline"},
		{name: "target and scale infinite", mutate: func(g *Goal) { g.Indicator.Target = math.Inf(1); g.Indicator.Scale.Min = math.Inf(-1) },
			want: []string{"smart.input.not-finite"}, en: "target, scale.min"},
		{name: "met after as-of", mutate: func(g *Goal) { g.Met = gDate(2026, 3, 16) },
			want: []string{"smart.input.met-after-as-of"}},
		{name: "met on as-of is fine", mutate: func(g *Goal) { g.Met = goalAsOf }},
		{name: "attractive out of range", mutate: func(g *Goal) { g.Acceptance.Attractive = 7 },
			want: []string{"smart.input.bad-answer"}, en: "measure.Answer(7)"},

		// S
		{name: "no text", mutate: func(g *Goal) { g.What = "  " },
			want: []string{"smart.S.no-text"}},
		{name: "sub-goal no text", mutate: func(g *Goal) { g.SubGoals[0].What = "" },
			want: []string{"smart.S.no-text"}, subjects: []string{"G1/D1"}, da: "Delmålet har ingen tekst"},
		{name: "two words too short", mutate: func(g *Goal) { g.What = "Skole dagligt" },
			want: []string{"smart.S.too-short"}, da: "kun 2 ord"},
		{name: "three words is enough", mutate: func(g *Goal) { g.What = "Skole 5 dage" }},
		{name: "vague without indicator", mutate: func(g *Goal) { g.What = "Mathias skal have det bedre"; g.Indicator = Indicator{} },
			want: []string{"smart.S.vague", "smart.M.no-indicator"}, da: "(bedre)"},
		{name: "vague words listed once, case and punctuation ignored",
			mutate: func(g *Goal) { g.What = "Bedre trivsel, BEDRE skole."; g.Indicator = Indicator{} },
			want:   []string{"smart.S.vague", "smart.M.no-indicator"}, da: "(bedre, trivsel)", en: "(bedre, trivsel)"},
		{name: "vague and too short", mutate: func(g *Goal) { g.What = "Bedre trivsel"; g.Indicator = Indicator{} },
			want: []string{"smart.S.too-short", "smart.S.vague", "smart.M.no-indicator"}},
		{name: "vague word with an indicator is not vague", mutate: func(g *Goal) { g.What = "Mathias skal have det bedre" }},
		{name: "vague word with criteria is not vague",
			mutate: func(g *Goal) {
				g.What = "Mathias skal have det bedre"
				g.Indicator = Indicator{}
				g.Criteria = []string{"spiser morgenmad hjemme før skole"}
			}},
		{name: "vague word with a digit is not vague",
			mutate: func(g *Goal) { g.What = "Mathias kommer mere i skole, 4 dage"; g.Indicator = Indicator{} },
			want:   []string{"smart.M.no-indicator"}},
		{name: "no vague word, no indicator is not vague",
			mutate: func(g *Goal) { g.What = "Mathias møder i skole hver dag"; g.Indicator = Indicator{} },
			want:   []string{"smart.M.no-indicator"}},
		{name: "vague word inside a longer word does not count",
			mutate: func(g *Goal) { g.What = "Mathias får godkendt sin skoleplan"; g.Indicator = Indicator{} },
			want:   []string{"smart.M.no-indicator"}},
		{name: "sub-goal vague uses its own indicator",
			mutate: func(g *Goal) {
				g.SubGoals[0].What = "Mathias trives i frikvartererne"
				g.SubGoals[0].Indicator = Indicator{}
			},
			want: []string{"smart.S.vague", "smart.M.no-indicator"}, subjects: []string{"G1/D1", "G1/D1"}},
		{name: "nobody named", mutate: func(g *Goal) { g.Who = nil },
			want: []string{"smart.S.no-who"}},
		{name: "only blank names", mutate: func(g *Goal) { g.Who = []string{"", "  "} },
			want: []string{"smart.S.no-who"}},
		{name: "one name is enough", mutate: func(g *Goal) { g.Who = []string{"", "mor"} }},

		// M
		{name: "no indicator and no criteria", mutate: func(g *Goal) { g.Indicator = Indicator{} },
			want: []string{"smart.M.no-indicator"}, en: "Add a measurable indicator"},
		{name: "criteria instead of indicator", mutate: func(g *Goal) { g.Indicator = Indicator{}; g.Criteria = []string{"møder til tiden"} }},
		{name: "blank criteria only", mutate: func(g *Goal) { g.Indicator = Indicator{}; g.Criteria = []string{" "} },
			want: []string{"smart.M.blank-criterion", "smart.M.no-indicator"}},
		{name: "blank criteria listed", mutate: func(g *Goal) { g.Criteria = []string{"møder til tiden", "", " "} },
			want: []string{"smart.M.blank-criterion"}, da: "Kriterie nr. 2, 3", en: "Criterion no. 2, 3"},
		{name: "indicator without name", mutate: func(g *Goal) { g.Indicator.Name = " " },
			want: []string{"smart.M.indicator-no-name"}},
		{name: "indicator without unit", mutate: func(g *Goal) { g.Indicator.Unit = "" },
			want: []string{"smart.M.indicator-no-unit"}, da: `"fremmøde i skole"`},
		{name: "indicator with only a target still counts as an indicator",
			mutate: func(g *Goal) { g.Indicator = Indicator{Target: 4} },
			want:   []string{"smart.M.indicator-no-name", "smart.M.indicator-no-unit"}},
		{name: "target equals baseline", mutate: func(g *Goal) { g.Indicator.Target = 2 },
			want: []string{"smart.M.target-equals-baseline"}},
		{name: "baseline below scale", mutate: func(g *Goal) { g.Indicator.Baseline = -1 },
			want: []string{"smart.M.baseline-out-of-scale"}, da: "-1 ligger uden for skalaen 0–5"},
		{name: "baseline on scale min", mutate: func(g *Goal) { g.Indicator.Baseline = 0; g.Due = gDate(2026, 8, 31) }},
		{name: "target above scale", mutate: func(g *Goal) { g.Indicator.Target = 5.5 },
			want: []string{"smart.M.target-out-of-scale"}, da: "5,5", en: "5.5"},
		{name: "no scale, any target", mutate: func(g *Goal) { g.Indicator.Scale = Scale{}; g.Indicator.Target = 100 }},

		// A
		{name: "no acceptance at all", mutate: func(g *Goal) { g.Acceptance = Acceptance{} },
			want: []string{"smart.A.attractive-unknown", "smart.A.not-accepted"}},
		{name: "child refused", mutate: func(g *Goal) { g.Acceptance.Accepted = false },
			want: []string{"smart.A.not-accepted"}, da: "Barnet har ikke accepteret målet (registreret 2026-03-02)"},
		{name: "accepted without date", mutate: func(g *Goal) { g.Acceptance.RecordedOn = 0 },
			want: []string{"smart.A.no-acceptance-date"}},
		{name: "accepted without how", mutate: func(g *Goal) { g.Acceptance.How = " " },
			want: []string{"smart.A.no-acceptance-how"}, da: "børnesamtale"},
		{name: "accepted after as-of", mutate: func(g *Goal) { g.Acceptance.RecordedOn = gDate(2026, 3, 16) },
			want: []string{"smart.A.accepted-after-as-of"}},
		{name: "accepted on as-of", mutate: func(g *Goal) { g.Acceptance.RecordedOn = goalAsOf }},
		{name: "not attractive", mutate: func(g *Goal) { g.Acceptance.Attractive = No },
			want: []string{"smart.A.not-attractive"}},
		{name: "attractive not noted", mutate: func(g *Goal) { g.Acceptance.Attractive = Unset },
			want: []string{"smart.A.attractive-unknown"}},

		// R
		{name: "due before plan start",
			mutate: func(g *Goal) { g.Due = gDate(2026, 2, 28); g.SubGoals = nil; g.Indicator.Scale = Scale{} },
			want:   []string{"smart.R.due-before-plan", "smart.T.due-passed"}},
		{name: "due before plan start, sub-goal",
			on:     gDate(2026, 2, 1),
			mutate: func(g *Goal) { g.Acceptance.RecordedOn = gDate(2026, 1, 20); g.SubGoals[0].Due = gDate(2026, 2, 27) },
			want:   []string{"smart.R.due-before-plan"}, subjects: []string{"G1/D1"}},
		{name: "steep: 60 % of the scale in 90 days", mutate: func(g *Goal) { g.Due = gDate(2026, 5, 30) },
			want: []string{"smart.R.steep-target"}, da: "3 af skalaens 5 (60 %) på 90 dage"},
		{name: "not steep: 60 % in 91 days", mutate: func(g *Goal) { g.Due = gDate(2026, 5, 31) }},
		{name: "not steep: exactly half the scale in 90 days",
			mutate: func(g *Goal) { g.Due = gDate(2026, 5, 30); g.Indicator.Target = 4.5 }},
		{name: "steep going down",
			mutate: func(g *Goal) {
				g.Indicator = Indicator{Name: "SDQ totalscore", Unit: "point", Scale: Scale{Min: 0, Max: 40}, Baseline: 30, Target: 9}
				g.Due = gDate(2026, 4, 30)
				g.SubGoals = nil
			},
			want: []string{"smart.R.steep-target"}, en: "21 of the scale's 40 (53 %) in 60 days"},
		{name: "steep needs a scale", mutate: func(g *Goal) { g.Due = gDate(2026, 3, 31); g.Indicator.Scale = Scale{}; g.SubGoals = nil }},

		// T
		{name: "no due date", mutate: func(g *Goal) { g.Due = 0 },
			want: []string{"smart.T.no-due"}},
		{name: "sub-goal no due date", mutate: func(g *Goal) { g.SubGoals[0].Due = 0 },
			want: []string{"smart.T.no-due"}, subjects: []string{"G1/D1"}},
		{name: "due passed, goal and sub-goal", on: gDate(2026, 7, 1),
			want: []string{"smart.T.due-passed", "smart.T.due-passed"}, subjects: []string{"G1", "G1/D1"}},
		{name: "due today is not passed", on: gDate(2026, 6, 30),
			want: []string{"smart.T.due-passed"}, subjects: []string{"G1/D1"}},
		{name: "passed but met", on: gDate(2026, 7, 1),
			mutate: func(g *Goal) { g.Met = gDate(2026, 6, 20); g.SubGoals[0].Met = gDate(2026, 4, 28) }},
		{name: "due after plan end", mutate: func(g *Goal) { g.PlanTo = gDate(2026, 6, 29) },
			want: []string{"smart.T.due-after-plan"}, da: "2026-06-29"},
		{name: "due on plan end", mutate: func(g *Goal) { g.PlanTo = g.Due }},
		{name: "due after measure end", mutate: func(g *Goal) { g.MeasureEnd = gDate(2026, 6, 29) },
			want: []string{"smart.T.due-after-measure-end"}},
		{name: "due on measure end", mutate: func(g *Goal) { g.MeasureEnd = g.Due }},
		{name: "sub-goal due after goal", mutate: func(g *Goal) { g.SubGoals[0].Due = gDate(2026, 7, 1) },
			want: []string{"smart.T.sub-due-after-goal"}, subjects: []string{"G1/D1"}},
		{name: "sub-goal due with goal", mutate: func(g *Goal) { g.SubGoals[0].Due = g.Due }},
		{name: "sub-goal after goal and plan",
			mutate: func(g *Goal) { g.SubGoals[0].Due = gDate(2026, 9, 1) },
			want:   []string{"smart.T.due-after-plan", "smart.T.sub-due-after-goal"}, subjects: []string{"G1/D1", "G1/D1"}},
	}
	fired := map[string]bool{}
	ran := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ran++
			g := validGoal()
			if tt.mutate != nil {
				tt.mutate(&g)
			}
			on := goalAsOf
			if tt.on != 0 {
				on = tt.on
			}
			if tt.zeroAsOf {
				on = 0
			}
			got := ValidateGoal(g, on)
			checkGoalFindings(t, got)
			assert.Equal(t, tt.want, codesOrNil(got.Codes()))
			if tt.subjects != nil {
				subjects := make([]string, len(got))
				for i, f := range got {
					subjects[i] = f.Subject
				}
				assert.Equal(t, tt.subjects, subjects)
			}
			if tt.da != "" && assert.NotEmpty(t, got) {
				assert.Contains(t, got[0].Text(msg.Danish), tt.da)
			}
			if tt.en != "" && assert.NotEmpty(t, got) {
				assert.Contains(t, got[0].Text(msg.English), tt.en)
			}
			for _, c := range got.Codes() {
				fired[c] = true
			}
		})
	}
	if ran < len(tests) {
		return // a -run filter left cases out; coverage cannot be judged
	}
	for _, r := range Rules() {
		if !strings.HasPrefix(r.Code, "smart.review.") && r.Code != "smart.input.no-review-date" && r.Code != "smart.input.review-goal-mismatch" {
			assert.True(t, fired[r.Code], "no test case fires %s", r.Code)
		}
	}
}

func codesOrNil(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestValidateGoalZeroGoalOrder(t *testing.T) {
	got := ValidateGoal(Goal{}, goalAsOf)
	checkGoalFindings(t, got)
	assert.Equal(t, []string{
		"smart.input.no-id",
		"smart.S.no-text",
		"smart.S.no-who",
		"smart.M.no-indicator",
		"smart.A.attractive-unknown",
		"smart.A.not-accepted",
		"smart.T.no-due",
	}, got.Codes())
	sev := make([]finding.Severity, len(got))
	for i, f := range got {
		sev[i] = f.Severity
	}
	assert.Equal(t, []finding.Severity{
		finding.Error, finding.Error, finding.Warning, finding.Error,
		finding.Info, finding.Error, finding.Error,
	}, sev)
	assert.Equal(t, []string{"", "S", "S", "M", "A", "A", "T"}, goalLetters(got))
	assert.True(t, got.HasErrors())

	// Same input, same output.
	assert.Equal(t, got, ValidateGoal(Goal{}, goalAsOf))
}

func TestValidateGoalOrderAcrossSubGoals(t *testing.T) {
	g := validGoal()
	g.Due = 0
	g.What = ""
	g.SubGoals = append(g.SubGoals, SubGoal{ID: "D2", What: "Mathias møder til første time"})
	g.SubGoals[0].What = "x"
	got := ValidateGoal(g, goalAsOf)
	checkGoalFindings(t, got)
	type cs struct{ code, subject string }
	var pairs []cs
	for _, f := range got {
		pairs = append(pairs, cs{f.Code, f.Subject})
	}
	assert.Equal(t, []cs{
		{"smart.S.no-text", "G1"},
		{"smart.S.too-short", "G1/D1"},
		{"smart.M.no-indicator", "G1/D2"},
		{"smart.T.no-due", "G1"},
		{"smart.T.no-due", "G1/D2"},
	}, pairs)
}

func goalLetters(l finding.List) []string {
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = Letter(f.Code)
	}
	return out
}

func TestLetter(t *testing.T) {
	tests := []struct{ code, want string }{
		{"smart.S.no-text", "S"},
		{"smart.M.no-indicator", "M"},
		{"smart.A.not-accepted", "A"},
		{"smart.R.steep-target", "R"},
		{"smart.T.no-due", "T"},
		{"smart.input.no-id", ""},
		{"smart.review.no-decision", ""},
		{"smart.X.foo", ""},
		{"smart.S", ""},
		{"caseload.over-hard-limit", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Letter(tt.code), tt.code)
	}
}

func TestRules(t *testing.T) {
	rs := Rules()
	require.NotEmpty(t, rs)
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code
		assert.Equal(t, Letter(r.Code), r.Letter, r.Code)
		assert.True(t, r.Severity.IsValid(), r.Code)
		assert.NotEmpty(t, r.Source, r.Code)
		assert.NotEmpty(t, r.Text(msg.Danish), r.Code)
		assert.NotEmpty(t, r.Text(msg.English), r.Code)
		assert.NotEqual(t, r.Text(msg.Danish), r.Text(msg.English), r.Code)
		assertRendered(t, r.Summary)
	}
	// Listed in sort order, no duplicates.
	var c collector
	for _, code := range slices.Backward(codes) {
		c.add(code, "")
	}
	assert.Equal(t, codes, c.sorted().Codes())
	assert.Len(t, rulesByCode, len(rs))

	// Rules returns a copy.
	rs[0].Code = "changed"
	assert.NotEqual(t, "changed", Rules()[0].Code)
}

func TestVagueWords(t *testing.T) {
	w := VagueWords()
	assert.True(t, slices.IsSorted(w), "scanText relies on a sorted list")
	for _, want := range []string{"bedre", "mere", "mindre", "trives", "trivsel", "god", "godt", "generelt", "udvikle", "udvikling", "forbedre", "øge", "styrke", "positiv"} {
		assert.Contains(t, w, want)
	}
	w[0] = "changed"
	assert.Equal(t, "bedre", VagueWords()[0])
}

func TestIndicator(t *testing.T) {
	assert.True(t, Indicator{}.IsZero())
	assert.False(t, Indicator{Name: "x"}.IsZero())
	assert.False(t, Indicator{Scale: Scale{Max: 1}}.IsZero())
	assert.Equal(t, Increase, Indicator{Baseline: 2, Target: 5}.Trend())
	assert.Equal(t, Decrease, Indicator{Baseline: 24, Target: 16}.Trend())
	assert.Equal(t, Unchanged, Indicator{Baseline: 3, Target: 3}.Trend())

	assert.True(t, Scale{}.IsZero())
	assert.True(t, Scale{}.Contains(-1e9))
	s := Scale{Min: 0, Max: 40}
	assert.True(t, s.Contains(0))
	assert.True(t, s.Contains(40))
	assert.False(t, s.Contains(40.5))
	assert.False(t, s.Contains(-0.5))
}

func TestGoalJSONRoundTrip(t *testing.T) {
	g := validGoal()
	g.Criteria = []string{"møder til tiden"}
	g.Met = gDate(2026, 6, 20)
	g.MeasureEnd = gDate(2026, 12, 31)
	g.SubGoals[0].Met = gDate(2026, 4, 28)
	g.SubGoals[0].Criteria = []string{"har madpakke med"}

	b, err := json.Marshal(g)
	require.NoError(t, err)
	for _, key := range []string{`"id":"G1"`, `"what":`, `"who":`, `"indicator":{`, `"scale":{"min":0,"max":5}`,
		`"baseline":2`, `"target":5`, `"criteria":`, `"due":"2026-06-30"`, `"met":"2026-06-20"`,
		`"acceptance":{"accepted":true,"recordedOn":"2026-03-02","how":"børnesamtale 2026-03-02","attractive":"ja"}`,
		`"subGoals":[{"id":"D1"`, `"measureId":"M7"`, `"planFrom":"2026-03-01"`, `"planTo":"2026-08-31"`, `"measureEnd":"2026-12-31"`} {
		assert.Contains(t, string(b), key)
	}
	var back Goal
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, g, back)

	// The zero goal leaves out what is not set and comes back as zero.
	b, err = json.Marshal(Goal{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"","what":""}`, string(b))
	back = Goal{}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Goal{}, back)
}

func TestAnswer(t *testing.T) {
	tests := []struct {
		a            Answer
		code, danish string
	}{
		{Unset, "ikke-besvaret", "ikke besvaret"},
		{Yes, "ja", "ja"},
		{No, "nej", "nej"},
	}
	for _, tt := range tests {
		assert.True(t, tt.a.IsValid())
		assert.Equal(t, tt.code, tt.a.String())
		assert.Equal(t, tt.danish, tt.a.Danish())
		b, err := tt.a.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.code, string(b))
		var back Answer = 9
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tt.a, back)
	}
	a, err := ParseAnswer("")
	require.NoError(t, err)
	assert.Equal(t, Unset, a)

	bad := Answer(3)
	assert.False(t, bad.IsValid())
	assert.Equal(t, "measure.Answer(3)", bad.String())
	assert.Equal(t, "measure.Answer(3)", bad.Danish())
	_, err = bad.MarshalText()
	assert.EqualError(t, err, "measure.Answer.MarshalText: invalid answer 3")
	_, err = ParseAnswer("måske")
	assert.EqualError(t, err, `measure.ParseAnswer: unknown answer "måske"`)
	var x Answer
	assert.Error(t, x.UnmarshalText([]byte("yes")))
}

func TestTrend(t *testing.T) {
	tests := []struct {
		d            Trend
		code, danish string
	}{
		{Decrease, "decrease", "ned"},
		{Unchanged, "unchanged", "uændret"},
		{Increase, "increase", "op"},
	}
	for _, tt := range tests {
		assert.True(t, tt.d.IsValid())
		assert.Equal(t, tt.code, tt.d.String())
		assert.Equal(t, tt.danish, tt.d.Danish())
		b, err := tt.d.MarshalText()
		require.NoError(t, err)
		var back Trend = 5
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tt.d, back)
	}
	bad := Trend(5)
	assert.False(t, bad.IsValid())
	assert.Equal(t, "measure.Trend(5)", bad.String())
	_, err := bad.MarshalText()
	assert.EqualError(t, err, "measure.Trend.MarshalText: invalid trend 5")
	var x Trend
	assert.EqualError(t, x.UnmarshalText([]byte("up")), `measure.Trend.UnmarshalText: unknown trend "up"`, "ladder.Direction's codes are another thing")
}
