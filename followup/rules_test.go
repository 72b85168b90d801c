package followup_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

func rtDay(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

func rtSpan(s string) followup.Span { return followup.MustParseSpan(s) }

// ---- domain.md §2, restated by hand ----

type rtFixed struct {
	at      string // ISO period; compared by meaning, so "P14D" == "P2W"
	kind    followup.Kind
	place   string
	decides []followup.Decision
}

type rtPhase struct {
	every, until string // until "" never ends
	// afterFixed: the phase starts once the fixed items are done ("+4
	// weeks, +3 and +6 months, then every 3 months"); otherwise it competes
	// with them ("+4 weeks, then every 3 months; at +6 months a status").
	afterFixed bool
	// decides per item of the cycle, in turn.
	cycle [][]followup.Decision
}

type rtRule struct {
	id        string
	fixed     []rtFixed
	recurring []rtPhase
}

var (
	ng = followup.NewGoals
	// fu is a follow-up meeting that decides nothing beyond new goals.
	fu = func(at string) rtFixed { return rtFixed{at, followup.FollowUp, "", []followup.Decision{ng}} }
)

// herningTable is domain.md §2 "Municipal rules" (Kompendium pp. 32–35;
// KORA 2017 Tabel 5.1), in the table's order. Offsets are from the
// measure's start; "every" from the previous follow-up. At every follow-up
// it is decided whether new goals go into the plan (new-goals).
var herningTable = []rtRule{
	// +2 weeks, then every 6 weeks. Written in days on purpose: spans
	// compare by meaning.
	{"H-INST", []rtFixed{fu("P14D")}, []rtPhase{{"P42D", "", false, [][]followup.Decision{{ng}}}}},
	// +2 weeks, then every 6 weeks in the first year; after the first year
	// every 3 months (at least 4 a year).
	{"H-PLEJE", []rtFixed{fu("P2W")}, []rtPhase{
		{"P6W", "P12M", false, [][]followup.Decision{{ng}}},
		{"P3M", "", false, [][]followup.Decision{{ng}}},
	}},
	{"H-EGET", []rtFixed{fu("P2W")}, []rtPhase{{"P6W", "", false, [][]followup.Decision{{ng}}}}},
	// every 4 weeks, nothing fixed.
	{"H-KORT", nil, []rtPhase{{"P4W", "", false, [][]followup.Decision{{ng}}}}},
	// +4 weeks, +3 months, +6 months — the status follow-up on continuing
	// the measure and the time frame for ending it — then every 3 months
	// (the table as revised in domain.md §2; the rules for private contact
	// persons and efterskole refer back to these "4 uger, 3 mdr., 6 mdr.
	// og herefter hver 3 mdr.", Kompendium p. 35).
	{"H-FOREB", []rtFixed{
		fu("P4W"),
		fu("P3M"),
		{"P6M", followup.StatusFollowUp, "", []followup.Decision{ng, followup.Continuation, followup.TimeFrame}},
	}, []rtPhase{{"P3M", "", true, [][]followup.Decision{{ng}}}}},
	// +4 and +8 weeks at MST; +3 months with a proposal for a further
	// course; the course ends at +5 months. Nothing recurs.
	{"H-MST", []rtFixed{
		{"P4W", followup.FollowUp, "hos MST", []followup.Decision{ng}},
		{"P8W", followup.FollowUp, "hos MST", []followup.Decision{ng}},
		{"P3M", followup.FollowUp, "hos MST", []followup.Decision{ng, followup.FurtherCourse}},
		{"P5M", followup.CourseEnd, "", nil},
	}, nil},
	// +4 weeks (youth, contact person, case worker); +3 months at the
	// centre (status and treatment plan); +6 months (time frame); +9 months
	// at the centre; and so on at the same intervals: every 3 months,
	// alternating, starting again with the youth meeting at +12 months.
	{"H-KONTAKT", []rtFixed{
		fu("P4W"),
		{"P3M", followup.FollowUp, "på centret", []followup.Decision{ng, followup.TreatmentPlan}},
		{"P6M", followup.FollowUp, "", []followup.Decision{ng, followup.TimeFrame}},
		{"P9M", followup.FollowUp, "på centret", []followup.Decision{ng, followup.TreatmentPlan}},
	}, []rtPhase{{"P3M", "", true, [][]followup.Decision{{ng, followup.TimeFrame}, {ng, followup.TreatmentPlan}}}}},
	// +4 weeks at the centre; +3 months (family and case worker); +6 months
	// at the centre (support after treatment); +8 months a status report
	// is received (a document, not a meeting).
	{"H-FAMCENTER", []rtFixed{
		{"P4W", followup.FollowUp, "på Familiecenteret", []followup.Decision{ng}},
		fu("P3M"),
		{"P6M", followup.FollowUp, "på Familiecenteret", []followup.Decision{ng, followup.AfterSupport}},
		{"P8M", followup.StatusReport, "", nil},
	}, nil},
	// +4 weeks, +3 months, +6 months, then every 3 months.
	{"H-PRIVKONTAKT", []rtFixed{fu("P4W"), fu("P3M"), fu("P6M")}, []rtPhase{{"P3M", "", true, [][]followup.Decision{{ng}}}}},
	// the same, with a status from the school at +6 months to decide
	// support for the next year.
	{"H-EFTERSKOLE", []rtFixed{fu("P4W"), fu("P3M"), {"P6M", followup.FollowUp, "", []followup.Decision{ng, followup.NextYearSupport}}},
		[]rtPhase{{"P3M", "", true, [][]followup.Decision{{ng}}}}},
}

// exceptionTable is domain.md §2 "Exceptions": which follow-ups each
// relaxes (its scope: the rule's fixed items and recurring phases, by
// index), on the extra follow-ups only, never the rule's first.
var exceptionTable = []struct {
	id        string
	appliesTo []string
	scope     []followup.Scope
	addModes  followup.Modes
	optional  bool // the child conversation may be left out
}{
	// foster family (network or professional): only the three-monthly
	// phase after the first year (H-PLEJE recurring[1]); the first year's
	// six-weekly follow-ups stay. Mail or phone, and after assessment
	// without a child conversation.
	{"X-BARNDOM", []string{"H-PLEJE"}, []followup.Scope{{Rule: "H-PLEJE", Recurring: []int{1}}},
		followup.ModesOf(followup.Phone, followup.Mail), true},
	// youth placed more than 50 km away: the extra follow-ups after the
	// first one (every recurring phase; the first is the fixed +2 weeks).
	// Not H-KORT: Hedebocenteret and Toften are Herning's own places. By
	// phone, the child conversation too (so not left out).
	{"X-FJERN", []string{"H-INST", "H-PLEJE", "H-EGET"}, []followup.Scope{
		{Rule: "H-INST", Recurring: []int{0}},
		{Rule: "H-PLEJE", Recurring: []int{0, 1}},
		{Rule: "H-EGET", Recurring: []int{0}},
	}, followup.ModesOf(followup.Phone), false},
	// efterskole under SEL § 52: the extra follow-ups after the first
	// (+3 and +6 months and the three-monthly phase); by phone, talking
	// with the youth by phone.
	{"X-EFTERSKOLE", []string{"H-EFTERSKOLE"}, []followup.Scope{{Rule: "H-EFTERSKOLE", Fixed: []int{1, 2}, Recurring: []int{0}}},
		followup.ModesOf(followup.Phone), false},
}

func TestHerningRulesMatchDomainTable(t *testing.T) {
	rs := followup.HerningRules()
	require.NotNil(t, rs)
	assert.Equal(t, followup.Municipal, rs.Layer())
	assert.Equal(t, rtDay(2015, time.November, 26), rs.Effective(), "the Kompendium's follow-up section is dated 26 Nov 2015")

	rules := rs.Rules()
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	want := make([]string, len(herningTable))
	for i, r := range herningTable {
		want[i] = r.id
	}
	require.Equal(t, []string{"H-INST", "H-PLEJE", "H-EGET", "H-KORT", "H-FOREB", "H-MST", "H-KONTAKT", "H-FAMCENTER", "H-PRIVKONTAKT", "H-EFTERSKOLE"}, want)
	require.Equal(t, want, ids, "exactly the ten rules of domain.md §2, in its order")

	for i, w := range herningTable {
		r := rules[i]
		t.Run(w.id, func(t *testing.T) {
			got, ok := rs.Rule(w.id)
			require.True(t, ok)
			assert.Equal(t, r, got, "Rule(id) and Rules() agree")

			require.Len(t, r.Fixed, len(w.fixed), "fixed items")
			for j, wf := range w.fixed {
				f := r.Fixed[j]
				assert.Equal(t, rtSpan(wf.at), f.At, "fixed[%d] at %s", j, wf.at)
				assert.Equal(t, wf.kind, f.Kind, "fixed[%d] kind", j)
				assert.Equal(t, wf.place, f.Content.Place, "fixed[%d] place", j)
				assert.ElementsMatch(t, wf.decides, f.Content.Decides, "fixed[%d] decides", j)
				rtCheckContent(t, fmt.Sprintf("fixed[%d]", j), f.Kind, f.Content)
			}
			require.Len(t, r.Recurring, len(w.recurring), "recurring phases")
			for j, wp := range w.recurring {
				p := r.Recurring[j]
				assert.Equal(t, rtSpan(wp.every), p.Every, "recurring[%d] every", j)
				if wp.until == "" {
					assert.True(t, p.Until.IsZero(), "recurring[%d] never ends", j)
				} else {
					assert.Equal(t, rtSpan(wp.until), p.Until, "recurring[%d] until", j)
				}
				assert.Equal(t, wp.afterFixed, p.AfterFixed, "recurring[%d] after the fixed items", j)
				assert.Equal(t, followup.FollowUp, p.Kind)
				require.Len(t, p.Cycle, len(wp.cycle), "recurring[%d] cycle", j)
				for k, wd := range wp.cycle {
					assert.ElementsMatch(t, wd, p.Cycle[k].Decides, "recurring[%d] cycle[%d] decides", j, k)
					rtCheckContent(t, fmt.Sprintf("recurring[%d]/cycle[%d]", j, k), p.Kind, p.Cycle[k])
				}
			}
		})
	}
}

// rtCheckContent: every follow-up meeting of Herning's table has a child
// conversation and is held in person (relaxing that is an exception's
// job); a status report or course end is no meeting and needs none.
func rtCheckContent(t *testing.T, where string, k followup.Kind, c followup.Content) {
	t.Helper()
	if k.IsMeeting() {
		assert.Equal(t, followup.Required, c.ChildConversation, where)
		assert.Equal(t, followup.ModesOf(followup.InPerson), c.Modes, where)
		assert.NotEmpty(t, c.Participants, where)
	} else {
		assert.Equal(t, followup.Optional, c.ChildConversation, where)
	}
}

func TestHerningKontaktAlternates(t *testing.T) {
	// H-KONTAKT alternates: the youth meeting (youth, contact person, case
	// worker) and the centre meeting (parents invited). After the fixed
	// +9 months at the centre, +12 months is a youth meeting again.
	r, ok := followup.HerningRules().Rule("H-KONTAKT")
	require.True(t, ok)
	parents := func(c followup.Content) bool {
		return slices.ContainsFunc(c.Participants, func(p string) bool { return strings.HasPrefix(p, "forældre") })
	}
	require.Len(t, r.Fixed, 4)
	assert.False(t, parents(r.Fixed[0].Content), "+4 weeks: youth, contact person, case worker")
	assert.True(t, parents(r.Fixed[1].Content), "+3 months: parents invited")
	assert.False(t, parents(r.Fixed[2].Content), "+6 months: youth meeting")
	assert.True(t, parents(r.Fixed[3].Content), "+9 months: parents invited")
	require.Len(t, r.Recurring, 1)
	require.Len(t, r.Recurring[0].Cycle, 2)
	assert.False(t, parents(r.Recurring[0].Cycle[0]), "+12 months: youth meeting")
	assert.True(t, parents(r.Recurring[0].Cycle[1]), "+15 months: at the centre")
	assert.Equal(t, "på centret", r.Recurring[0].Cycle[1].Place)

	// H-PRIVKONTAKT: parents are always heard.
	p, ok := followup.HerningRules().Rule("H-PRIVKONTAKT")
	require.True(t, ok)
	for _, f := range p.Fixed {
		assert.True(t, parents(f.Content))
	}
}

func TestHerningExceptionsMatchDomainTable(t *testing.T) {
	rs := followup.HerningRules()
	excs := rs.Exceptions()
	require.Len(t, excs, len(exceptionTable), "X-BARNDOM, X-FJERN, X-EFTERSKOLE")
	for i, w := range exceptionTable {
		e := excs[i]
		t.Run(w.id, func(t *testing.T) {
			assert.Equal(t, w.id, e.ID)
			got, ok := rs.Exception(w.id)
			require.True(t, ok)
			assert.Equal(t, e, got)
			assert.Equal(t, w.appliesTo, e.AppliesTo())
			assert.Equal(t, w.scope, e.Scope)
			assert.Equal(t, "extra", e.Relaxes, "an exception relaxes only the extra follow-ups")
			assert.Equal(t, followup.SourceExceptions, e.Source)
			// No scope names the rule's first follow-up (its first fixed
			// meeting; all of Herning's rules in scope have one).
			for _, sc := range e.Scope {
				assert.NotContains(t, sc.Fixed, 0, "%s must not relax %s's first follow-up", w.id, sc.Rule)
			}
			assert.Equal(t, w.addModes, e.AddModes)
			assert.False(t, e.AddModes.Has(followup.InPerson), "in person is the rule, not a relaxation")
			assert.Equal(t, w.optional, e.ChildConversationOptional)
			assert.NotEmpty(t, e.When.Da)
			assert.NotEmpty(t, e.When.En)
		})
	}
	_, ok := rs.Exception("X-UKENDT")
	assert.False(t, ok)
	_, ok = rs.Rule("X-FJERN")
	assert.False(t, ok, "exceptions are not rules")
}

func TestStatutorySetsMatchStatutoryMD(t *testing.T) {
	both := []ladder.Basis{ladder.BasisSupport, ladder.BasisPlacement}
	tests := []struct {
		name            string
		set             *followup.RuleSet
		effective       date.Date
		until           date.Date
		followID        string
		first, then     string // then "" = no interval in the law
		byAssessmentEnd bool
		visitsID        string
		source, vSource string // paragraphs the sources must cite
		covers          []ladder.Basis
	}{
		// SEL § 70: at the latest 3 months after the start, then at most 6
		// months apart; SEL § 148: personal supervision twice a year.
		// Whether § 70 covered § 76 aftercare is unconfirmed: not covered.
		{"Serviceloven", followup.ServiceLoven(), rtDay(2011, time.January, 1), rtDay(2023, time.December, 31),
			"SEL-70", "P3M", "P6M", false, "SEL-148", "SEL § 70", "SEL § 148", both},
		// BL § 95: first at the latest 3 months after the start or at the
		// end of an assessment run alongside; then as decided. BL § 156,
		// stk. 5: two visits a year at the placement. Its stk. 1 lists
		// §§ 114–116 (ungestøtte) beside §§ 32, 46 and 47.
		{"Barnets Lov", followup.BarnetsLov(), rtDay(2024, time.January, 1), 0,
			"BL-95", "P3M", "", true, "BL-156", "BL §§ 95–96", "BL § 156", append(both, ladder.BasisAftercare)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := tc.set
			require.NotNil(t, rs)
			assert.Equal(t, followup.Statutory, rs.Layer())
			assert.Equal(t, tc.effective, rs.Effective())
			assert.Equal(t, tc.until, rs.Spec().Until)
			assert.Empty(t, rs.Rules())
			assert.Empty(t, rs.Exceptions())
			assert.NotEmpty(t, rs.Spec().Source)

			st, ok := rs.Statutory()
			require.True(t, ok)
			f := st.FollowUp
			assert.Equal(t, tc.followID, f.ID)
			assert.Equal(t, rtSpan(tc.first), f.First)
			if tc.then == "" {
				assert.True(t, f.Then.IsZero(), "the law sets no interval after the first follow-up")
			} else {
				assert.Equal(t, rtSpan(tc.then), f.Then)
			}
			assert.Equal(t, tc.byAssessmentEnd, f.FirstByAssessmentEnd)
			assert.ElementsMatch(t, tc.covers, f.Covers)
			assert.Contains(t, f.Source, tc.source)

			require.NotNil(t, st.Visits)
			assert.Equal(t, tc.visitsID, st.Visits.ID)
			assert.Equal(t, 2, st.Visits.PerYear)
			assert.Equal(t, rtSpan("P6M"), st.Visits.Every)
			assert.Contains(t, st.Visits.Source, tc.vSource)
			assert.False(t, st.PhoneChildConversation, "unconfirmed under BL § 5; off in the shipped sets")
		})
	}
	// No gap and no overlap between the two laws.
	assert.Equal(t, followup.BarnetsLov().Effective(), followup.ServiceLoven().Spec().Until+1)
	assert.Equal(t, followup.BarnetsLovEffective, followup.BarnetsLov().Effective())

	_, ok := followup.HerningRules().Statutory()
	assert.False(t, ok, "a municipal set has no statutory content")
}

// herningBindings is domain.md §1's catalogue table, column "Herning rule":
// the municipality, not the catalogue, binds each code to its rule ("" for
// "—": the statutory floor only, or nothing where the law is silent).
var herningBindings = map[string]string{
	"doegninstitution": "H-INST", "opholdssted": "H-INST", "sikret-institution": "H-INST",
	"korttidsanbringelse": "H-KORT", "doegnophold-familie": "H-FOREB",
	"plejefamilie": "H-PLEJE", "saerlig-plejefamilie": "H-PLEJE", "netvaerkspleje": "H-PLEJE",
	"eget-vaerelse": "H-EGET", "kostskole": "", "efterskole-anbragt": "", "opgangsfaellesskab": "",
	"efterskole": "H-EFTERSKOLE", "familiebehandling": "H-FAMCENTER", "mst": "H-MST",
	"kontaktperson": "H-KONTAKT", "privat-kontaktperson": "H-PRIVKONTAKT",
	"aflastning": "H-FOREB", "fft": "H-FOREB", "pmto": "H-FOREB", "praktisk-stoette": "H-FOREB",
	"tidlig-forebyggende": "", "familiecentral": "", "psykologsamtaler": "", "sundhedspleje-behovsbesoeg": "",
	// Aftercare (issue 15): Herning's table is silent, so none is bound and
	// the statutory floor alone applies (BL § 95).
	"ungestoette-plejefamilie": "", "ungestoette-netvaerkspleje": "", "ungestoette-institution": "",
	"ungestoette-udslusning": "", "ungestoette-kontaktperson": "", "ungestoette-anden-stoette": "",
}

func TestHerningBindingsMatchDomainTable(t *testing.T) {
	rs := followup.HerningRules()
	all := ladder.Default().All()
	require.Len(t, all, len(herningBindings), "every catalogue code is in domain.md §1's table or issue 15's aftercare")
	used := map[string]bool{}
	for _, iv := range all {
		want, ok := herningBindings[iv.Code]
		require.True(t, ok, iv.Code)
		r, bound := rs.RuleFor(iv.Code)
		assert.Equal(t, want != "", bound, iv.Code)
		assert.Equal(t, want, r.ID, iv.Code)
		if bound {
			got, ok := rs.Rule(want)
			require.True(t, ok)
			assert.Equal(t, got, r, "RuleFor returns the bound rule")
			used[want] = true
		}
	}
	for _, w := range herningTable {
		assert.True(t, used[w.id], "rule %s is bound to no catalogue code", w.id)
	}
	// Bindings lists the same, one per bound code.
	bs := rs.Bindings()
	n := 0
	for _, w := range herningBindings {
		if w != "" {
			n++
		}
	}
	assert.Len(t, bs, n)
	for _, b := range bs {
		assert.Equal(t, herningBindings[b.Code], b.Rule, b.Code)
	}
	bs[0].Rule = "H-KORT" // a copy
	assert.Equal(t, herningBindings[rs.Bindings()[0].Code], rs.Bindings()[0].Rule)
	_, ok := rs.RuleFor("vendor-ukendt")
	assert.False(t, ok)
}

// Herning's standing decision under BL § 95, stk. 3: it keeps the
// half-yearly follow-ups it kept under SEL § 70 (domain.md §2).
func TestHerningDecision(t *testing.T) {
	d, ok := followup.HerningRules().Decision()
	require.True(t, ok)
	assert.Equal(t, rtSpan("P6M"), d.Every)
	assert.Equal(t, followup.SourceHerningDecision, d.Source)
	assert.Contains(t, d.Source, "BL § 95")
	for _, rs := range []*followup.RuleSet{followup.ServiceLoven(), followup.BarnetsLov()} {
		_, ok := rs.Decision()
		assert.False(t, ok, "a statutory set holds no decision")
		assert.Empty(t, rs.Bindings())
	}
}

func TestEverythingCitesASource(t *testing.T) {
	for _, r := range followup.HerningRules().Rules() {
		assert.Contains(t, strings.ToLower(r.Source), "kompendium", r.ID)
		assert.Contains(t, r.Source, "s. 32", r.ID)
		assert.NotEmpty(t, r.Name.Da, r.ID)
		assert.NotEmpty(t, r.Name.En, r.ID)
	}
	for _, e := range followup.HerningRules().Exceptions() {
		// The exceptions (Undtagelser) are on p. 35 (domain.md §2).
		assert.Contains(t, strings.ToLower(e.Source), "kompendium", e.ID)
		assert.Contains(t, e.Source, "s. 35", e.ID)
		assert.NotEmpty(t, e.Name.Da, e.ID)
		assert.NotEmpty(t, e.Name.En, e.ID)
	}
	for _, rs := range []*followup.RuleSet{followup.HerningRules(), followup.ServiceLoven(), followup.BarnetsLov()} {
		assert.NotEmpty(t, rs.Spec().Source, rs.Name())
		if st, ok := rs.Statutory(); ok {
			assert.NotEmpty(t, st.FollowUp.Source, rs.Name())
			assert.NotEmpty(t, st.FollowUp.Name.Da, rs.Name())
			assert.NotEmpty(t, st.Visits.Source, rs.Name())
		}
	}
}

// ---- JSON ----

func TestShippedRuleSetsJSONRoundTrip(t *testing.T) {
	for _, rs := range []*followup.RuleSet{followup.HerningRules(), followup.ServiceLoven(), followup.BarnetsLov()} {
		t.Run(rs.Name(), func(t *testing.T) {
			b, err := json.Marshal(rs)
			require.NoError(t, err)
			var got followup.RuleSet
			require.NoError(t, json.Unmarshal(b, &got))
			assert.True(t, got.Equal(rs), "round trip changes nothing")
			assert.True(t, rs.Equal(&got))
			assert.Equal(t, rs.Name(), got.Name())
			assert.Equal(t, rs.Layer(), got.Layer())
			assert.Equal(t, rs.Effective(), got.Effective())
			assert.Equal(t, rs.Spec().Until, got.Spec().Until)
			assert.Equal(t, rs.Rules(), got.Rules())
			assert.Equal(t, rs.Exceptions(), got.Exceptions())
			assert.Equal(t, rs.Bindings(), got.Bindings())
			d1, ok1 := rs.Decision()
			d2, ok2 := got.Decision()
			assert.Equal(t, ok1, ok2)
			assert.Equal(t, d1, d2)
			st1, ok1 := rs.Statutory()
			st2, ok2 := got.Statutory()
			assert.Equal(t, ok1, ok2)
			assert.Equal(t, st1, st2)

			// Via the spec too.
			var spec followup.RuleSetSpec
			require.NoError(t, json.Unmarshal(b, &spec), "a spec reads the same JSON")
			again, err := followup.NewRuleSet(rs.Spec())
			require.NoError(t, err)
			assert.True(t, again.Equal(rs))
		})
	}
	assert.False(t, followup.HerningRules().Equal(followup.ServiceLoven()))
	assert.False(t, followup.ServiceLoven().Equal(followup.BarnetsLov()))
}

func TestRuleSetJSONIsISO(t *testing.T) {
	b, err := json.Marshal(followup.HerningRules())
	require.NoError(t, err)
	s := string(b)
	for _, want := range []string{
		`"effective":"2015-11-26"`,
		`"layer":"municipal"`,
		`"at":"P2W"`,    // H-INST +2 weeks
		`"every":"P6W"`, // every 6 weeks
		`"until":"P1Y"`, // H-PLEJE's first year
		`"every":"P3M"`, // every 3 months
		`"at":"P8M"`,    // H-FAMCENTER's status report
		`"kind":"course-end"`,
		`"modes":["in-person"]`,
		`"addModes":["phone","mail"]`,
		`"relaxes":"extra"`,
		`"scope":[{"rule":"H-PLEJE","recurring":[1]}]`, // X-BARNDOM
		`{"rule":"H-EFTERSKOLE","fixed":[1,2],"recurring":[0]}`,
		`{"code":"plejefamilie","rule":"H-PLEJE"}`,
		`"decision":{"decidedOn":"2024-01-01","every":"P6M"`,
	} {
		assert.Contains(t, s, want)
	}
	assert.NotContains(t, s, `"statutory"`)

	b, err = json.Marshal(followup.ServiceLoven())
	require.NoError(t, err)
	s = string(b)
	for _, want := range []string{`"first":"P3M"`, `"then":"P6M"`, `"until":"2023-12-31"`, `"effective":"2011-01-01"`, `"perYear":2`, `"covers":["support","placement"]`} {
		assert.Contains(t, s, want)
	}
	b, err = json.Marshal(followup.BarnetsLov())
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"then"`, "no interval in the law: omitted")
	assert.NotContains(t, string(b), `"until"`, "open-ended")

	spans := []struct {
		span followup.Span
		json string
	}{
		{followup.Weeks(2), `"P2W"`},
		{followup.Span{Days: 14}, `"P2W"`},
		{followup.Months(12), `"P1Y"`},
		{followup.Months(3), `"P3M"`},
		{followup.Span{Days: 10}, `"P10D"`},
		{followup.Span{}, `"P0D"`},
	}
	for _, tc := range spans {
		b, err := json.Marshal(tc.span)
		require.NoError(t, err)
		assert.Equal(t, tc.json, string(b))
		var back followup.Span
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tc.span, back)
	}
	// By meaning: P14D and P2W are one span.
	assert.Equal(t, rtSpan("P2W"), rtSpan("P14D"))
	assert.Equal(t, rtSpan("P1Y"), rtSpan("P12M"))
}

// rtBaseJSON is a small, valid municipal rule set as a vendor writes it.
const rtBaseJSON = `{
  "name": "Testkommune — opfølgning",
  "layer": "municipal",
  "effective": "2020-01-01",
  "source": "Testkommunens praksis, s. 1",
  "rules": [
    {"id": "T-A", "name": {"da": "A", "en": "A"}, "source": "s. 1",
     "fixed": [{"at": "P14D", "kind": "followup", "content": {"childConversation": "required", "modes": ["in-person"], "decides": ["new-goals"]}}],
     "recurring": [{"every": "P6W", "kind": "followup", "cycle": [{"childConversation": "required", "modes": ["in-person"]}]}]}
  ],
  "exceptions": [
    {"id": "X-T", "name": {"da": "X", "en": "X"}, "when": {"da": "", "en": ""}, "source": "s. 2",
     "scope": [{"rule": "T-A", "recurring": [0]}], "relaxes": "extra", "addModes": ["phone"]}
  ],
  "bindings": [{"code": "vendor-a", "rule": "T-A"}],
  "decision": {"every": "P4M", "source": "Testkommunens beslutning efter BL § 95, stk. 3"}
}`

func TestRuleSetFromVendorJSON(t *testing.T) {
	var rs followup.RuleSet
	require.NoError(t, json.Unmarshal([]byte(rtBaseJSON), &rs))
	assert.Equal(t, "Testkommune — opfølgning", rs.Name())
	assert.Equal(t, rtDay(2020, time.January, 1), rs.Effective())
	r, ok := rs.Rule("T-A")
	require.True(t, ok)
	require.Len(t, r.Fixed, 1)
	assert.Equal(t, followup.Weeks(2), r.Fixed[0].At, "P14D read as two weeks")
	assert.Equal(t, []followup.Decision{followup.NewGoals}, r.Fixed[0].Content.Decides)
	require.Len(t, r.Recurring, 1)
	assert.Equal(t, followup.Weeks(6), r.Recurring[0].Every)
	assert.True(t, r.Recurring[0].Until.IsZero())
	e, ok := rs.Exception("X-T")
	require.True(t, ok)
	assert.Equal(t, followup.ModesOf(followup.Phone), e.AddModes)
	assert.Equal(t, []followup.Scope{{Rule: "T-A", Recurring: []int{0}}}, e.Scope)
	bound, ok := rs.RuleFor("vendor-a")
	require.True(t, ok)
	assert.Equal(t, "T-A", bound.ID)
	d, ok := rs.Decision()
	require.True(t, ok)
	assert.Equal(t, followup.Months(4), d.Every)
	assert.True(t, rs.InForce(rtDay(2020, time.January, 1)))
	assert.False(t, rs.InForce(rtDay(2019, time.December, 31)))

	// A regime over it schedules: +2 weeks, then every 6 weeks.
	reg, err := followup.NewRegime(&rs, followup.BarnetsLov())
	require.NoError(t, err)
	assert.Same(t, &rs, reg.Municipal())
}

func TestRuleSetJSONErrors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string   // replace old by new in rtBaseJSON
		want     []string // substrings of the error
	}{
		{"fractional period", `"every": "P6W"`, `"every": "P1.5M"`, []string{"followup.ParseSpan", `"P1.5M"`, "fraction"}},
		{"time part", `"every": "P6W"`, `"every": "PT2H"`, []string{"followup.ParseSpan", `"PT2H"`, "time part"}},
		{"negative period", `"at": "P14D"`, `"at": "-P1M"`, []string{"followup.ParseSpan", `"-P1M"`, "negative"}},
		{"over ten years", `"at": "P14D"`, `"at": "P11Y"`, []string{"followup.ParseSpan", `"P11Y"`, "10 years"}},
		{"not a period", `"at": "P14D"`, `"at": "14 days"`, []string{"followup.ParseSpan", `"14 days"`}},
		{"nonexistent date", `"effective": "2020-01-01"`, `"effective": "2023-02-30"`, []string{`field "effective"`, `"2023-02-30"`}},
		{"date in another format", `"effective": "2020-01-01"`, `"effective": "1.1.2020"`, []string{`field "effective"`, `"1.1.2020"`}},
		{"nonexistent until", `"source": "Testkommunens praksis, s. 1",`, `"source": "Testkommunens praksis, s. 1", "until": "2023-13-01",`, []string{`field "until"`, `"2023-13-01"`}},
		{"unknown top-level field", `"layer": "municipal",`, `"layer": "municipal", "colour": "red",`, []string{`unknown field "colour"`}},
		{"unknown field in a rule", `"source": "s. 1",`, `"source": "s. 1", "every": "P2W",`, []string{`unknown field "every"`}},
		{"unknown layer", `"layer": "municipal"`, `"layer": "kommunal"`, []string{"followup.Layer.UnmarshalText", `"kommunal"`}},
		{"unknown kind", `"kind": "followup", "content"`, `"kind": "tilsyn", "content"`, []string{"followup.Kind.UnmarshalText", `"tilsyn"`}},
		{"unknown mode", `"addModes": ["phone"]`, `"addModes": ["sms"]`, []string{`"sms"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(rtBaseJSON, tc.old, tc.new, 1)
			require.NotEqual(t, rtBaseJSON, in, "the replacement applies")
			rs := *followup.HerningRules()
			err := json.Unmarshal([]byte(in), &rs)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "followup.RuleSet.UnmarshalJSON")
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.True(t, rs.Equal(followup.HerningRules()), "unchanged on error")
		})
	}
}

func TestRuleSetJSONValidationReportsEverything(t *testing.T) {
	// Three problems in one document: no name, an exception that relaxes
	// the statutory follow-ups, and one that refers to an unknown rule.
	in := strings.Replace(rtBaseJSON, `"name": "Testkommune — opfølgning"`, `"name": ""`, 1)
	in = strings.Replace(in, `"relaxes": "extra"`, `"relaxes": "statutory"`, 1)
	in = strings.Replace(in, `"scope": [{"rule": "T-A", "recurring": [0]}]`, `"scope": [{"rule": "T-A", "recurring": [0]}, {"rule": "T-NONE", "recurring": [0]}]`, 1)
	var rs followup.RuleSet
	err := json.Unmarshal([]byte(in), &rs)
	require.Error(t, err)
	var le *finding.ListError
	require.True(t, errors.As(err, &le), "a *finding.ListError inside: %v", err)
	assert.GreaterOrEqual(t, len(le.Findings), 3)
	assert.Subset(t, le.Findings.Codes(), []string{"ruleset.name.missing", "ruleset.statutory.relaxed", "ruleset.rule.unknown"})
	assert.Contains(t, err.Error(), `"T-NONE"`)
	assert.Empty(t, rs.Rules(), "unchanged on error: still the zero set")
	assert.Equal(t, "", rs.Name())
}

// ---- validation of specs ----

func rtMeeting() followup.Content {
	return followup.Content{ChildConversation: followup.Required, Modes: followup.ModesOf(followup.InPerson),
		Participants: []string{"barn", "rådgiver"}, Decides: []followup.Decision{followup.NewGoals}}
}

// rtMunicipalSpec is a valid municipal spec with a recurring rule (T-A), a
// course (T-B) and one exception.
func rtMunicipalSpec() followup.RuleSetSpec {
	return followup.RuleSetSpec{
		Name: "Testkommune", Layer: followup.Municipal, Effective: rtDay(2020, time.January, 1), Source: "Testkommunens praksis, s. 1",
		Rules: []followup.Rule{
			{ID: "T-A", Name: followup.Text{Da: "A", En: "A"}, Source: "s. 1",
				Fixed:     []followup.Fixed{{At: followup.Weeks(2), Kind: followup.FollowUp, Content: rtMeeting()}},
				Recurring: []followup.Phase{{Every: followup.Weeks(6), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}}}},
			{ID: "T-B", Name: followup.Text{Da: "B", En: "B"}, Source: "s. 2",
				Fixed: []followup.Fixed{
					{At: followup.Weeks(4), Kind: followup.FollowUp, Content: rtMeeting()},
					{At: followup.Months(3), Kind: followup.FollowUp, Content: rtMeeting()},
					{At: followup.Months(5), Kind: followup.CourseEnd, Content: followup.Content{ChildConversation: followup.Optional}},
				}},
		},
		Exceptions: []followup.Exception{
			{ID: "X-T", Name: followup.Text{Da: "X", En: "X"}, Source: "s. 3", Scope: []followup.Scope{{Rule: "T-A", Recurring: []int{0}}}, Relaxes: "extra", AddModes: followup.ModesOf(followup.Phone)},
		},
		Bindings: []followup.Binding{{Code: "vendor-a", Rule: "T-A"}, {Code: "vendor-b", Rule: "T-B"}},
		Decision: &followup.CadenceDecision{Every: followup.Months(6), Source: "Testkommunens beslutning"},
	}
}

// rtStatutorySpec is a valid statutory spec like Serviceloven's.
func rtStatutorySpec() followup.RuleSetSpec {
	return followup.RuleSetSpec{
		Name: "Testlov", Layer: followup.Statutory, Effective: rtDay(2011, time.January, 1), Until: rtDay(2023, time.December, 31), Source: "Testlov",
		Statutory: &followup.StatutoryRules{
			FollowUp: followup.StatutoryFollowUp{ID: "L-1", Source: "§ 1", First: followup.Months(3), Then: followup.Months(6),
				Covers: []ladder.Basis{ladder.BasisSupport, ladder.BasisPlacement}},
			Visits: &followup.StatutoryVisits{ID: "L-2", Source: "§ 2", PerYear: 2, Every: followup.Months(6)},
		},
	}
}

func TestNewRuleSetAcceptsValidSpecs(t *testing.T) {
	tests := []struct {
		name string
		spec func() followup.RuleSetSpec
	}{
		{"municipal", rtMunicipalSpec},
		{"statutory", rtStatutorySpec},
		{"until on the effective day", func() followup.RuleSetSpec {
			s := rtMunicipalSpec()
			s.Until = s.Effective
			return s
		}},
		{"visits four a year every 3 months", func() followup.RuleSetSpec {
			s := rtStatutorySpec()
			s.Statutory.Visits.PerYear, s.Statutory.Visits.Every = 4, followup.Months(3)
			return s
		}},
		{"visits every 6 months, twice a year, exactly fits", func() followup.RuleSetSpec {
			s := rtStatutorySpec()
			s.Statutory.Visits.Every = followup.Months(6)
			return s
		}},
		{"statutory without visits", func() followup.RuleSetSpec {
			s := rtStatutorySpec()
			s.Statutory.Visits = nil
			return s
		}},
		{"two phases in order, the last open", func() followup.RuleSetSpec {
			s := rtMunicipalSpec()
			s.Rules[0].Recurring = []followup.Phase{
				{Every: followup.Weeks(6), Until: followup.Months(12), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
				{Every: followup.Months(3), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
			}
			return s
		}},
		{"the shipped Herning spec", func() followup.RuleSetSpec { return followup.HerningRules().Spec() }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := followup.NewRuleSet(tc.spec())
			require.NoError(t, err)
			assert.Equal(t, tc.spec().Name, rs.Name())
		})
	}
}

func TestNewRuleSetFindings(t *testing.T) {
	mun := rtMunicipalSpec
	stat := rtStatutorySpec
	tests := []struct {
		name    string
		spec    func() followup.RuleSetSpec
		edit    func(s *followup.RuleSetSpec)
		want    []string
		subject string // of the first finding with want[0]; "" not checked
	}{
		{"name missing", mun, func(s *followup.RuleSetSpec) { s.Name = "  " }, []string{"ruleset.name.missing"}, ""},
		{"source missing", mun, func(s *followup.RuleSetSpec) { s.Source = "" }, []string{"ruleset.source.missing"}, "Testkommune"},
		{"effective missing", mun, func(s *followup.RuleSetSpec) { s.Effective = 0 }, []string{"ruleset.effective.missing"}, "Testkommune"},
		{"until before effective", mun, func(s *followup.RuleSetSpec) { s.Until = rtDay(2019, time.December, 31) }, []string{"ruleset.until.before-effective"}, "Testkommune"},
		{"layer invalid", mun, func(s *followup.RuleSetSpec) { s.Layer = 0 }, []string{"ruleset.layer.invalid"}, ""},
		{"rule source missing", mun, func(s *followup.RuleSetSpec) { s.Rules[1].Source = "" }, []string{"ruleset.source.missing"}, "T-B"},
		{"exception source missing", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Source = "" }, []string{"ruleset.source.missing"}, "X-T"},
		{"exception refers to an unknown rule", mun, func(s *followup.RuleSetSpec) {
			s.Exceptions[0].Scope = append(s.Exceptions[0].Scope, followup.Scope{Rule: "T-C", Recurring: []int{0}})
		}, []string{"ruleset.rule.unknown"}, "X-T/scope[1]"},
		{"exception applies to nothing", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Scope = nil }, []string{"ruleset.exception.applies-to-nothing"}, "X-T"},
		// No exception relaxes the rule's first follow-up (domain.md §2):
		// T-A's fixed +2 weeks; for a rule with no fixed items, the first
		// item of its first phase.
		{"scope names the first follow-up", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Scope[0].Fixed = []int{0} }, []string{"ruleset.exception.first-follow-up"}, "X-T/scope[0]"},
		{"scope names the first phase of a rule without fixed items", mun, func(s *followup.RuleSetSpec) {
			s.Rules[0].Fixed = nil
		}, []string{"ruleset.exception.first-follow-up"}, "X-T/scope[0]"},
		{"scope names a fixed item that does not exist", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Scope[0].Fixed = []int{1} }, []string{"ruleset.exception.scope-index"}, "X-T/scope[0]"},
		{"scope names a phase that does not exist", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Scope[0].Recurring = []int{0, 1} }, []string{"ruleset.exception.scope-index"}, "X-T/scope[0]"},
		{"scope names a negative index", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Scope[0].Recurring = []int{-1} }, []string{"ruleset.exception.scope-index"}, "X-T/scope[0]"},
		{"scope names a course end", mun, func(s *followup.RuleSetSpec) {
			s.Exceptions[0].Scope = []followup.Scope{{Rule: "T-B", Fixed: []int{2}}}
		}, []string{"ruleset.exception.scope-not-meeting"}, "X-T/scope[0]"},
		{"scope names nothing in its rule", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Scope[0].Recurring = nil }, []string{"ruleset.exception.scope-empty"}, "X-T/scope[0]"},
		{"scope names a rule twice", mun, func(s *followup.RuleSetSpec) {
			s.Exceptions[0].Scope = append(s.Exceptions[0].Scope, followup.Scope{Rule: "T-A", Recurring: []int{0}})
		}, []string{"ruleset.exception.scope-duplicate"}, "X-T/scope[1]"},
		{"binding with a malformed code", mun, func(s *followup.RuleSetSpec) { s.Bindings[0].Code = "Vendor A" }, []string{"ruleset.binding.code"}, "bindings[0]"},
		{"code bound twice", mun, func(s *followup.RuleSetSpec) { s.Bindings[1].Code = "vendor-a" }, []string{"ruleset.binding.duplicate"}, "bindings[1]"},
		{"code bound to an unknown rule", mun, func(s *followup.RuleSetSpec) { s.Bindings[1].Rule = "T-C" }, []string{"ruleset.rule.unknown"}, "bindings[1]"},
		{"decision cites no source", mun, func(s *followup.RuleSetSpec) { s.Decision.Source = " " }, []string{"ruleset.source.missing"}, "decision"},
		{"decision without an interval", mun, func(s *followup.RuleSetSpec) { s.Decision.Every = followup.Span{} }, []string{"ruleset.period.missing"}, "decision"},
		{"statutory set with bindings", stat, func(s *followup.RuleSetSpec) { s.Bindings = mun().Bindings }, []string{"ruleset.statutory.has-municipal-rules"}, "Testlov"},
		{"statutory set with a decision", stat, func(s *followup.RuleSetSpec) { s.Decision = mun().Decision }, []string{"ruleset.statutory.has-municipal-rules"}, "Testlov"},
		{"duplicate rule id", mun, func(s *followup.RuleSetSpec) { s.Rules[1].ID = "T-A" }, []string{"ruleset.id.duplicate"}, "T-A"},
		{"exception id repeats a rule id", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].ID = "T-B" }, []string{"ruleset.id.duplicate"}, "T-B"},
		{"malformed rule id", mun, func(s *followup.RuleSetSpec) { s.Rules[0].ID = "h-inst" }, []string{"ruleset.id.malformed"}, "h-inst"},
		{"exception relaxes the statutory follow-ups", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Relaxes = "statutory" }, []string{"ruleset.statutory.relaxed"}, "X-T"},
		{"exception says nothing about what it relaxes", mun, func(s *followup.RuleSetSpec) { s.Exceptions[0].Relaxes = "" }, []string{"ruleset.statutory.relaxed"}, "X-T"},
		{"exception relaxes nothing", mun, func(s *followup.RuleSetSpec) {
			s.Exceptions[0].AddModes, s.Exceptions[0].ChildConversationOptional = 0, false
		}, []string{"ruleset.contradiction.relaxes-nothing"}, "X-T"},
		{"municipal set with a statutory block", mun, func(s *followup.RuleSetSpec) { s.Statutory = stat().Statutory }, []string{"ruleset.municipal.has-statutory"}, "Testkommune"},
		{"statutory set with municipal rules", stat, func(s *followup.RuleSetSpec) { s.Rules = mun().Rules }, []string{"ruleset.statutory.has-municipal-rules"}, "Testlov"},
		{"statutory set with exceptions", stat, func(s *followup.RuleSetSpec) { s.Exceptions = mun().Exceptions }, []string{"ruleset.statutory.has-municipal-rules"}, "Testlov"},
		{"statutory set without requirements", stat, func(s *followup.RuleSetSpec) { s.Statutory = nil }, []string{"ruleset.statutory.missing"}, "Testlov"},
		{"statutory covers nothing", stat, func(s *followup.RuleSetSpec) { s.Statutory.FollowUp.Covers = nil }, []string{"ruleset.statutory.covers-nothing"}, "L-1"},
		{"statutory paragraph missing", stat, func(s *followup.RuleSetSpec) { s.Statutory.FollowUp.Source = "" }, []string{"ruleset.source.missing"}, "L-1"},
		{"statutory first missing", stat, func(s *followup.RuleSetSpec) { s.Statutory.FollowUp.First = followup.Span{} }, []string{"ruleset.period.missing"}, "L-1"},
		{"municipal fixed supervision visit", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Fixed[0].Kind = followup.SupervisionVisit }, []string{"ruleset.kind.not-municipal"}, "T-A/fixed[0]"},
		{"municipal recurring supervision visit", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Recurring[0].Kind = followup.SupervisionVisit }, []string{"ruleset.kind.not-recurring"}, "T-A/recurring[0]"},
		{"recurring status report", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Recurring[0].Kind = followup.StatusReport }, []string{"ruleset.kind.not-recurring"}, "T-A/recurring[0]"},
		{"fixed items out of order", mun, func(s *followup.RuleSetSpec) {
			s.Rules[1].Fixed[0], s.Rules[1].Fixed[1] = s.Rules[1].Fixed[1], s.Rules[1].Fixed[0]
		}, []string{"ruleset.contradiction.order"}, "T-B/fixed[1]"},
		{"two identical fixed items", mun, func(s *followup.RuleSetSpec) {
			s.Rules[1].Fixed[1].At = s.Rules[1].Fixed[0].At
		}, []string{"ruleset.contradiction.duplicate-item"}, "T-B/fixed[1]"},
		{"course end followed by recurring phases", mun, func(s *followup.RuleSetSpec) { s.Rules[1].Recurring = s.Rules[0].Recurring }, []string{"ruleset.contradiction.course-end-recurs"}, "T-B"},
		{"item after the course end", mun, func(s *followup.RuleSetSpec) {
			s.Rules[1].Fixed = append(s.Rules[1].Fixed, followup.Fixed{At: followup.Months(6), Kind: followup.FollowUp, Content: rtMeeting()})
		}, []string{"ruleset.contradiction.after-course-end"}, "T-B/fixed[3]"},
		{"phase without end that is not last", mun, func(s *followup.RuleSetSpec) {
			s.Rules[0].Recurring = []followup.Phase{
				{Every: followup.Weeks(6), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
				{Every: followup.Months(3), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
			}
		}, []string{"ruleset.contradiction.phase-order"}, "T-A/recurring[0]"},
		{"phases ending out of order", mun, func(s *followup.RuleSetSpec) {
			s.Rules[0].Recurring = []followup.Phase{
				{Every: followup.Weeks(6), Until: followup.Months(12), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
				{Every: followup.Weeks(4), Until: followup.Months(6), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
				{Every: followup.Months(3), Kind: followup.FollowUp, Cycle: []followup.Content{rtMeeting()}},
			}
		}, []string{"ruleset.contradiction.phase-order"}, "T-A/recurring[1]"},
		{"recurring without content", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Recurring[0].Cycle = nil }, []string{"ruleset.recurring.no-content"}, "T-A/recurring[0]"},
		{"rule with nothing in it", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Fixed, s.Rules[0].Recurring = nil, nil }, []string{"ruleset.rule.empty"}, "T-A"},
		{"meeting without modes", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Fixed[0].Content.Modes = 0 }, []string{"ruleset.content.modes"}, "T-A/fixed[0]"},
		{"child conversation unset", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Recurring[0].Cycle[0].ChildConversation = 0 }, []string{"ruleset.content.child-conversation"}, "T-A/recurring[0]/cycle[0]"},
		{"unknown decision", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Fixed[0].Content.Decides = []followup.Decision{99} }, []string{"ruleset.content.decision"}, "T-A/fixed[0]"},
		{"negative offset", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Fixed[0].At = followup.Span{Months: -1} }, []string{"ruleset.period.negative"}, "T-A/fixed[0]"},
		{"interval missing", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Recurring[0].Every = followup.Span{} }, []string{"ruleset.period.missing"}, "T-A/recurring[0]"},
		{"offset over ten years", mun, func(s *followup.RuleSetSpec) { s.Rules[0].Fixed[0].At = followup.Months(121) }, []string{"ruleset.period.too-long"}, "T-A/fixed[0]"},
		// Visits every 7 months are at most 12/7 < 2 a year.
		{"visits every 7 months, twice a year", stat, func(s *followup.RuleSetSpec) { s.Statutory.Visits.Every = followup.Months(7) }, []string{"ruleset.contradiction.visits"}, "L-2"},
		// Two spans of 6 months and a day are longer than a year.
		{"visits every 6 months and a day, twice a year", stat, func(s *followup.RuleSetSpec) { s.Statutory.Visits.Every = followup.Span{Months: 6, Days: 1} }, []string{"ruleset.contradiction.visits"}, "L-2"},
		{"no visits a year", stat, func(s *followup.RuleSetSpec) { s.Statutory.Visits.PerYear = 0 }, []string{"ruleset.visits.per-year"}, "L-2"},
		{"visits reuse the follow-up id", stat, func(s *followup.RuleSetSpec) { s.Statutory.Visits.ID = "L-1" }, []string{"ruleset.id.malformed"}, "Testlov"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := tc.spec()
			tc.edit(&spec)
			rs, err := followup.NewRuleSet(spec)
			require.Error(t, err)
			assert.Nil(t, rs)
			assert.True(t, strings.HasPrefix(err.Error(), "followup.NewRuleSet: "), err.Error())
			var le *finding.ListError
			require.True(t, errors.As(err, &le))
			assert.Equal(t, "followup.NewRuleSet", le.Op)
			assert.Subset(t, le.Findings.Codes(), tc.want)
			for _, f := range le.Findings {
				assert.Equal(t, finding.Error, f.Severity, f.Code)
				da, en := f.Text(msg.Danish), f.Text(msg.English)
				assert.NotEmpty(t, da, f.Code)
				assert.NotEmpty(t, en, f.Code)
				assert.NotEqual(t, da, en, "Danish and English: %s", f.Code)
			}
			if tc.subject != "" {
				i := slices.IndexFunc(le.Findings, func(f finding.Finding) bool { return f.Code == tc.want[0] })
				require.GreaterOrEqual(t, i, 0)
				assert.Equal(t, tc.subject, le.Findings[i].Subject)
			}
			// MustRuleSet panics on the same spec.
			assert.Panics(t, func() { followup.MustRuleSet(spec) })
		})
	}
}

func TestNewRuleSetReportsEveryProblemAtOnce(t *testing.T) {
	spec := rtMunicipalSpec()
	spec.Name = ""                                                         // ruleset.name.missing
	spec.Rules[1].ID = "T-A"                                               // ruleset.id.duplicate
	spec.Exceptions[0].Scope[0].Rule = "T-NONE"                            // ruleset.rule.unknown
	spec.Exceptions[0].Relaxes = "statutory"                               // ruleset.statutory.relaxed
	spec.Rules[0].Recurring[0].Kind = followup.SupervisionVisit            // ruleset.kind.not-recurring
	spec.Statutory = rtStatutorySpec().Statutory                           // ruleset.municipal.has-statutory
	spec.Rules[0].Fixed[0].At = followup.Span{Days: -3}                    // ruleset.period.negative
	spec.Rules[1].Recurring = []followup.Phase{spec.Rules[0].Recurring[0]} // ruleset.contradiction.course-end-recurs
	_, err := followup.NewRuleSet(spec)
	require.Error(t, err)
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	want := []string{"ruleset.name.missing", "ruleset.id.duplicate", "ruleset.rule.unknown", "ruleset.statutory.relaxed",
		"ruleset.kind.not-recurring", "ruleset.municipal.has-statutory", "ruleset.period.negative", "ruleset.contradiction.course-end-recurs"}
	assert.GreaterOrEqual(t, len(le.Findings), len(want))
	assert.Subset(t, le.Findings.Codes(), want)
	assert.Contains(t, err.Error(), fmt.Sprintf("%d problems", len(le.Findings)))
}

// ---- immutability ----

func TestRuleSetIsImmutable(t *testing.T) {
	spec := rtMunicipalSpec()
	spec.Rules[0].Recurring[0].Cycle[0].Note = followup.Text{Da: "n", En: "n"}
	rs, err := followup.NewRuleSet(spec)
	require.NoError(t, err)
	snapshot, err := json.Marshal(rs)
	require.NoError(t, err)
	unchanged := func(what string) {
		t.Helper()
		now, err := json.Marshal(rs)
		require.NoError(t, err)
		assert.JSONEq(t, string(snapshot), string(now), "changing %s changed the rule set", what)
		r, ok := rs.Rule("T-A")
		require.True(t, ok, what)
		assert.Equal(t, followup.Weeks(2), r.Fixed[0].At, what)
	}

	// The spec it was built from.
	spec.Name = "changed"
	spec.Rules[0].ID = "T-Z"
	spec.Rules[0].Fixed[0].At = followup.Weeks(9)
	spec.Rules[0].Fixed[0].Content.Decides[0] = followup.Cadence
	spec.Rules[0].Fixed[0].Content.Participants[0] = "changed"
	spec.Rules[0].Recurring[0].Every = followup.Weeks(1)
	spec.Rules[0].Recurring[0].Cycle[0].Participants[0] = "changed"
	spec.Rules[0].Recurring[0].Cycle[0].Decides[0] = followup.Cadence
	spec.Exceptions[0].Scope[0].Rule = "T-B"
	spec.Exceptions[0].Scope[0].Recurring[0] = 5
	spec.Bindings[0].Rule = "T-B"
	spec.Decision.Every = followup.Months(1)
	spec.Rules[1] = followup.Rule{}
	unchanged("the spec")

	// What the accessors return.
	rules := rs.Rules()
	rules[0].ID = "T-Z"
	rules[0].Fixed[0].At = followup.Weeks(9)
	rules[0].Fixed[0].Content.Decides[0] = followup.Cadence
	rules[0].Fixed[0].Content.Participants[0] = "changed"
	rules[0].Recurring[0].Cycle[0].Participants[0] = "changed"
	rules[0].Recurring[0].Cycle[0].Decides[0] = followup.Cadence
	rules[0].Recurring[0].Cycle[0] = followup.Content{}
	unchanged("Rules()")

	r, _ := rs.Rule("T-A")
	r.Fixed[0].At = followup.Weeks(9)
	r.Recurring[0].Cycle[0].Participants[0] = "changed"
	unchanged("Rule(id)")

	excs := rs.Exceptions()
	excs[0].Scope[0].Rule = "T-B"
	excs[0].Scope[0].Recurring[0] = 5
	excs[0].Relaxes = "statutory"
	unchanged("Exceptions()")

	e, _ := rs.Exception("X-T")
	e.Scope[0].Recurring[0] = 5
	unchanged("Exception(id)")

	bs := rs.Bindings()
	bs[0].Rule = "T-B"
	unchanged("Bindings()")

	s := rs.Spec()
	s.Rules[0].Fixed[0].At = followup.Weeks(9)
	s.Rules[0].Recurring[0].Cycle[0].Decides[0] = followup.Cadence
	s.Exceptions[0].Scope[0].Rule = "T-B"
	s.Bindings[0].Code = "vendor-z"
	s.Decision.Every = followup.Months(1)
	unchanged("Spec()")

	// A statutory set: the visits are behind a pointer.
	sspec := rtStatutorySpec()
	st, err := followup.NewRuleSet(sspec)
	require.NoError(t, err)
	ssnap, err := json.Marshal(st)
	require.NoError(t, err)
	sspec.Statutory.Visits.PerYear = 9
	sspec.Statutory.FollowUp.Covers[0] = ladder.BasisEarly
	sspec.Statutory.FollowUp.First = followup.Months(12)
	got, ok := st.Statutory()
	require.True(t, ok)
	got.Visits.PerYear = 7
	got.FollowUp.Covers[0] = ladder.BasisUniversal
	sp := st.Spec()
	sp.Statutory.Visits.Every = followup.Months(24)
	sp.Statutory.FollowUp.Covers[1] = ladder.BasisUniversal
	now, err := json.Marshal(st)
	require.NoError(t, err)
	assert.JSONEq(t, string(ssnap), string(now))

	// The shipped sets.
	hr := followup.HerningRules().Rules()
	hr[0].Fixed[0].At = followup.Months(12)
	hr[1].Recurring = nil
	hx := followup.HerningRules().Exceptions()
	hx[0].Scope[0].Rule = "H-INST"
	hx[0].Scope[0].Recurring[0] = 0
	again := followup.HerningRules().Rules()
	assert.Equal(t, followup.Weeks(2), again[0].Fixed[0].At)
	assert.Len(t, again[1].Recurring, 2)
	assert.Equal(t, []string{"H-PLEJE"}, followup.HerningRules().Exceptions()[0].AppliesTo())
	assert.Equal(t, []followup.Scope{{Rule: "H-PLEJE", Recurring: []int{1}}}, followup.HerningRules().Exceptions()[0].Scope)
}

func TestNilRuleSet(t *testing.T) {
	var rs *followup.RuleSet
	assert.Equal(t, "", rs.Name())
	assert.Nil(t, rs.Rules())
	assert.Nil(t, rs.Exceptions())
	assert.False(t, rs.InForce(rtDay(2024, time.January, 1)))
	_, ok := rs.Rule("H-INST")
	assert.False(t, ok)
	_, ok = rs.RuleFor("doegninstitution")
	assert.False(t, ok)
	assert.Nil(t, rs.Bindings())
	_, ok = rs.Decision()
	assert.False(t, ok)
	assert.Equal(t, "followup.RuleSet(nil)", rs.String())
	b, err := json.Marshal(rs)
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
}

// ---- regimes ----

func TestNewRegime(t *testing.T) {
	overlapping := func(eff, until date.Date) *followup.RuleSet {
		s := rtStatutorySpec()
		s.Name, s.Effective, s.Until = fmt.Sprintf("Testlov %s", eff), eff, until
		return followup.MustRuleSet(s)
	}
	tests := []struct {
		name      string
		municipal *followup.RuleSet
		statutory []*followup.RuleSet
		want      []string // nil: valid
	}{
		{"Herning over both laws", followup.HerningRules(), []*followup.RuleSet{followup.ServiceLoven(), followup.BarnetsLov()}, nil},
		{"any order", followup.HerningRules(), []*followup.RuleSet{followup.BarnetsLov(), followup.ServiceLoven()}, nil},
		{"the law alone", nil, []*followup.RuleSet{followup.BarnetsLov()}, nil},
		{"the same law twice", followup.HerningRules(), []*followup.RuleSet{followup.BarnetsLov(), followup.BarnetsLov()}, []string{"regime.statutory.overlap"}},
		// Serviceloven runs to 31 Dec 2023; a set from 1 Dec 2023 overlaps it.
		{"overlapping by a month", nil, []*followup.RuleSet{followup.ServiceLoven(), overlapping(rtDay(2023, time.December, 1), rtDay(2023, time.December, 31))}, []string{"regime.statutory.overlap"}},
		// Ending on the day before Barnets Lov is fine; ending on its first day is not.
		{"adjacent is fine", nil, []*followup.RuleSet{overlapping(rtDay(2011, time.January, 1), rtDay(2023, time.December, 31)), followup.BarnetsLov()}, nil},
		{"one day of overlap", nil, []*followup.RuleSet{overlapping(rtDay(2011, time.January, 1), rtDay(2024, time.January, 1)), followup.BarnetsLov()}, []string{"regime.statutory.overlap"}},
		// Ending two days before Barnets Lov leaves 31 Dec 2023 without a law.
		{"a day without a law", nil, []*followup.RuleSet{overlapping(rtDay(2011, time.January, 1), rtDay(2023, time.December, 30)), followup.BarnetsLov()}, []string{"regime.statutory.gap"}},
		{"open-ended older set", nil, []*followup.RuleSet{overlapping(rtDay(2011, time.January, 1), 0), followup.BarnetsLov()}, []string{"regime.statutory.overlap"}},
		{"municipal set as statutory", nil, []*followup.RuleSet{followup.HerningRules()}, []string{"regime.layer"}},
		{"statutory set as municipal", followup.ServiceLoven(), []*followup.RuleSet{followup.BarnetsLov()}, []string{"regime.layer"}},
		{"both swapped", followup.BarnetsLov(), []*followup.RuleSet{followup.HerningRules()}, []string{"regime.layer", "regime.layer"}},
		{"no statutory set", followup.HerningRules(), nil, []string{"regime.statutory.missing"}},
		{"nil statutory set", followup.HerningRules(), []*followup.RuleSet{nil}, []string{"regime.statutory.nil"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg, err := followup.NewRegime(tc.municipal, tc.statutory...)
			if tc.want == nil {
				require.NoError(t, err)
				require.NotNil(t, reg)
				assert.Same(t, tc.municipal, reg.Municipal())
				sets := reg.StatutorySets()
				for i := 1; i < len(sets); i++ {
					assert.Less(t, sets[i-1].Effective(), sets[i].Effective(), "oldest first")
				}
				return
			}
			require.Error(t, err)
			assert.Nil(t, reg)
			var le *finding.ListError
			require.True(t, errors.As(err, &le))
			assert.Equal(t, "followup.NewRegime", le.Op)
			codes := le.Findings.Codes()
			assert.Subset(t, codes, tc.want)
			n := 0
			for _, c := range codes {
				if c == tc.want[0] {
					n++
				}
			}
			assert.GreaterOrEqual(t, n, countString(tc.want, tc.want[0]), "each problem reported")
		})
	}
}

func countString(xs []string, x string) int {
	n := 0
	for _, s := range xs {
		if s == x {
			n++
		}
	}
	return n
}

func TestHerningRegime(t *testing.T) {
	reg := followup.Herning()
	require.NotNil(t, reg)
	assert.Same(t, followup.HerningRules(), reg.Municipal())
	sets := reg.StatutorySets()
	require.Len(t, sets, 2)
	assert.Same(t, followup.ServiceLoven(), sets[0])
	assert.Same(t, followup.BarnetsLov(), sets[1])
	sets[0] = nil // a copy
	assert.NotNil(t, reg.StatutorySets()[0])

	tests := []struct {
		on   date.Date
		want *followup.RuleSet
	}{
		{rtDay(2010, time.December, 31), nil},
		{rtDay(2011, time.January, 1), followup.ServiceLoven()},
		{rtDay(2023, time.December, 31), followup.ServiceLoven()},
		{rtDay(2024, time.January, 1), followup.BarnetsLov()},
		{rtDay(2040, time.June, 1), followup.BarnetsLov()},
	}
	for _, tc := range tests {
		assert.Same(t, tc.want, reg.StatutoryAt(tc.on), tc.on.String())
	}
}

// ---- concurrency ----

// rtPlanText renders everything a plan says, to compare plans made
// concurrently with one made alone.
func rtPlanText(p followup.Plan) string {
	var b strings.Builder
	for _, it := range p.Items() {
		fmt.Fprintf(&b, "%s %s %s %v %s %s %s %v %s\n", it.Due, it.WorkingDay, it.Kind, it.Statutory, it.Status,
			it.ChildConversation, it.Modes, it.Rules(), it.Why().Text("en"))
	}
	for _, f := range p.Findings() {
		b.WriteString(f.String())
		b.WriteString("\n")
	}
	return b.String()
}

func TestConcurrentUse(t *testing.T) {
	cat := ladder.Default()
	type job struct {
		rec followup.Record
		opt followup.Options
	}
	var jobs []job
	for i, code := range []string{"plejefamilie", "doegninstitution", "mst", "kontaktperson", "familiebehandling", "kostskole", "efterskole"} {
		start := rtDay(2023, time.March, 1+i)
		m, err := cat.NewMeasure(fmt.Sprintf("m%d", i), code, start, 0)
		require.NoError(t, err)
		rec := followup.Record{Case: fmt.Sprintf("c%d", i), Measure: m,
			Held: []followup.Held{{On: rtDay(2023, time.March, 20+i), ChildConversation: true, Mode: followup.InPerson}}}
		if code == "plejefamilie" {
			rec.Grants = []followup.Grant{{ID: "X-BARNDOM", ApprovedBy: "teamleder", ApprovedOn: rtDay(2023, time.June, 1)}}
		}
		jobs = append(jobs, job{rec, followup.Options{AsOf: rtDay(2024, time.February, 1), Until: rtDay(2025, time.June, 1)}})
	}
	want := make([]string, len(jobs))
	for i, j := range jobs {
		p, err := followup.Herning().Schedule(j.rec, j.opt)
		require.NoError(t, err)
		require.Greater(t, p.Len(), 3)
		want[i] = rtPlanText(p)
	}
	wantRules := followup.HerningRules().Rules()

	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(jobs)
				p, err := followup.Herning().Schedule(jobs[i].rec, jobs[i].opt)
				if !assert.NoError(t, err) {
					return
				}
				assert.Equal(t, want[i], rtPlanText(p))
				rules := followup.HerningRules().Rules()
				assert.Equal(t, wantRules, rules)
				rules[0].Fixed[0].At = followup.Months(g) // a copy: harmless
				rules[0].Recurring[0].Cycle[0].Participants[0] = "changed"
				_, _ = json.Marshal(followup.HerningRules())
				_ = followup.BarnetsLov().Exceptions()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, wantRules, followup.HerningRules().Rules())
}
