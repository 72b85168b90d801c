package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// catalogueTable restates domain.md §1 "Intervention catalogue (stable
// codes)" by hand, row by row and in its order. danish is the start of the
// table's Danish name (without the table's English notes in parentheses).
// law says whether the law requires follow-up: placements and SEL § 52 /
// BL § 32 measures yes, SEL § 11 stk. 3 / BL § 30 early support and
// universal services no. The table's Herning rule column is not the
// catalogue's: Herning's rule set binds codes to rules (package followup,
// tested there).
//
// After the table come the aftercare (ungestøtte, formerly efterværn)
// entries of issue 15, restated from the research for issue 15 (BL §§ 114–116, SEL § 76; see the catalogue entries' notes) by hand: the basis
// aftercare, never a placement (a placement ends at 18; the continued stay
// is ungestøtte), statutory follow-up (BL § 95, stk. 1, lists §§ 114–116),
// and the step of where the young person lives, so that a young person who
// stays on in the foster family at 18 makes no move on the ladder.
var catalogueTable = []struct {
	code      string
	danish    string
	step      ladder.Step
	placement bool
	law       bool
}{
	{"doegninstitution", "Døgninstitution", ladder.Institution, true, true},
	{"opholdssted", "Socialpædagogisk opholdssted", ladder.Institution, true, true},
	{"sikret-institution", "Sikret institution", ladder.Institution, true, true},
	{"korttidsanbringelse", "Korttidsanbringelse", ladder.Institution, true, true},
	{"doegnophold-familie", "Døgnophold for hele familien", ladder.Institution, false, true},
	{"plejefamilie", "Plejefamilie", ladder.FosterFamily, true, true},
	{"saerlig-plejefamilie", "Særlig plejefamilie", ladder.FosterFamily, true, true},
	{"netvaerkspleje", "Slægts- eller netværkspleje", ladder.Network, true, true},
	{"eget-vaerelse", "Anbringelse på eget værelse", ladder.HomeBased, true, true},
	{"kostskole", "Anbringelse på kostskole", ladder.HomeBased, true, true},
	{"efterskole-anbragt", "Anbringelse på efterskole", ladder.HomeBased, true, true},
	{"opgangsfaellesskab", "Opgangsfællesskab", ladder.HomeBased, true, true},
	{"efterskole", "Efterskoleophold som støtte", ladder.HomeBased, false, true},
	{"familiebehandling", "Familiebehandling", ladder.HomeBased, false, true},
	{"mst", "Multisystemisk terapi", ladder.HomeBased, false, true},
	{"kontaktperson", "Kontaktperson / ambulant behandling", ladder.HomeBased, false, true},
	{"privat-kontaktperson", "Privat kontaktperson", ladder.HomeBased, false, true},
	{"aflastning", "Aflastning", ladder.HomeBased, false, true},
	{"fft", "Funktionel familieterapi", ladder.HomeBased, false, true},
	{"pmto", "Parent Management Training – Oregon", ladder.HomeBased, false, true},
	{"praktisk-stoette", "Praktisk, pædagogisk eller anden støtte i hjemmet", ladder.HomeBased, false, true},
	{"tidlig-forebyggende", "Tidlig forebyggende indsats", ladder.Preventive, false, false},
	{"familiecentral", "Familiecentral", ladder.Preventive, false, false},
	{"psykologsamtaler", "Afklarende psykologsamtaler", ladder.Preventive, false, false},
	{"sundhedspleje-behovsbesoeg", "Sundhedsplejens behovsbesøg", ladder.Universal, false, false},
	{"ungestoette-plejefamilie", "Ungestøtte: fortsat døgnophold i plejefamilien", ladder.FosterFamily, false, true},
	{"ungestoette-netvaerkspleje", "Ungestøtte: fortsat døgnophold i slægts- eller netværksplejefamilien", ladder.Network, false, true},
	{"ungestoette-institution", "Ungestøtte: fortsat døgnophold på døgninstitution eller opholdssted", ladder.Institution, false, true},
	{"ungestoette-udslusning", "Ungestøtte: udslusningsophold", ladder.HomeBased, false, true},
	{"ungestoette-kontaktperson", "Ungestøtte: fast kontaktperson", ladder.HomeBased, false, true},
	{"ungestoette-anden-stoette", "Ungestøtte: anden støtte til en selvstændig tilværelse", ladder.HomeBased, false, true},
}

// aftercareCodes are the catalogue's aftercare entries.
var aftercareCodes = []string{
	"ungestoette-plejefamilie", "ungestoette-netvaerkspleje", "ungestoette-institution",
	"ungestoette-udslusning", "ungestoette-kontaktperson", "ungestoette-anden-stoette",
}

// defaultLen is the number of Default entries: domain.md's 25 and the 6
// aftercare entries.
const defaultLen = 31

func TestDefaultCatalogueMatchesDomainTable(t *testing.T) {
	require.Len(t, catalogueTable, defaultLen, "domain.md lists 25 interventions; issue 15 adds 6 aftercare entries")
	cat := ladder.Default()
	require.NotNil(t, cat)
	for _, row := range catalogueTable {
		t.Run(row.code, func(t *testing.T) {
			iv, err := cat.Lookup(row.code)
			require.NoError(t, err)
			assert.Equal(t, row.code, iv.Code)
			assert.Equal(t, row.step, iv.Step, "step")
			assert.Equal(t, row.placement, iv.Placement, "placement flag")
			assert.Equal(t, row.law, iv.FollowUpByLaw(), "statutory follow-up")
			assert.True(t, strings.HasPrefix(iv.Danish, row.danish), "Danish name %q should start with %q", iv.Danish, row.danish)
			assert.NotEmpty(t, iv.English)
			assert.NoError(t, iv.Validate())
			assert.True(t, iv.IsValid())
			if row.placement {
				assert.Equal(t, ladder.BasisPlacement, iv.Basis)
			}
			if strings.HasPrefix(row.code, "ungestoette-") {
				assert.Equal(t, ladder.BasisAftercare, iv.Basis)
				assert.Contains(t, iv.SEL, "SEL § 76")
				assert.Contains(t, iv.BL, "BL §§ 114–116")
				assert.Contains(t, iv.BL, "unconfirmed", "which paragraph gives which measure was not read")
				assert.Contains(t, iv.Note, "BL § 95")
				assert.Contains(t, iv.Note, "statutory floor")
			}
			if row.code != "sundhedspleje-behovsbesoeg" {
				// Everything but the universal health visitor has a basis in both laws.
				assert.NotEmpty(t, iv.SEL)
				assert.NotEmpty(t, iv.BL)
			}
		})
	}
}

func TestDefaultCatalogueHasExactlyTheTableCodes(t *testing.T) {
	all := ladder.Default().All()
	require.Equal(t, defaultLen, ladder.Default().Len())
	require.Len(t, all, len(catalogueTable))
	for i, row := range catalogueTable {
		assert.Equal(t, row.code, all[i].Code, "entry %d is in domain.md's order", i)
	}
	seen := map[string]bool{}
	for _, iv := range all {
		assert.False(t, seen[iv.Code], "code %q appears twice", iv.Code)
		seen[iv.Code] = true
	}
}

func TestDefaultIsShared(t *testing.T) {
	assert.Same(t, ladder.Default(), ladder.Default())
}

// The step is not the legal category (domain.md §1; KORA 2017 §2.1, §4.3).
func TestStepIsNotLegalCategory(t *testing.T) {
	for _, code := range []string{"eget-vaerelse", "kostskole", "efterskole-anbragt", "opgangsfaellesskab"} {
		iv := ladder.MustParseIntervention(code)
		assert.True(t, iv.Placement, "%s is legally a placement", code)
		assert.Equal(t, ladder.HomeBased, iv.Step)
		assert.False(t, iv.Step.IsPlacementStep(), "%s sits on the home-based step", code)
	}
	fam := ladder.MustParseIntervention("doegnophold-familie")
	assert.False(t, fam.Placement, "residential family treatment does not place the child")
	assert.Equal(t, ladder.Institution, fam.Step)
	assert.True(t, fam.Step.IsPlacementStep())
}

// A continued stay under ungestøtte is not a placement (a placement ends at
// 18), but it sits on the step of where the young person lives: a youth
// who stays on in the foster family on the 18th birthday makes no move on
// the ladder, only a lateral change of intervention (issue 15).
func TestAftercareIsNotAPlacement(t *testing.T) {
	for _, code := range aftercareCodes {
		iv := ladder.MustParseIntervention(code)
		assert.False(t, iv.Placement, "%s: ungestøtte is not an anbringelse", code)
		assert.Equal(t, ladder.BasisAftercare, iv.Basis, code)
		assert.True(t, iv.FollowUpByLaw(), "%s: BL § 95, stk. 1, lists §§ 114–116", code)
		assert.NoError(t, iv.Validate(), code)
	}
	for placed, stay := range map[string]string{
		"plejefamilie": "ungestoette-plejefamilie", "saerlig-plejefamilie": "ungestoette-plejefamilie",
		"netvaerkspleje": "ungestoette-netvaerkspleje", "doegninstitution": "ungestoette-institution",
		"opholdssted": "ungestoette-institution", "eget-vaerelse": "ungestoette-udslusning",
	} {
		assert.Equal(t, ladder.MustParseIntervention(placed).Step, ladder.MustParseIntervention(stay).Step, "%s → %s: same home, same step", placed, stay)
	}
	// Born 2008-03-10, placed in a foster family from 2020; at 18 the
	// placement ends (2026-03-09 is the last day) and the stay goes on
	// under ungestøtte from 2026-03-10: no move between steps in 2026.
	placed, err := ladder.NewMeasure("m1", ladder.MustParseIntervention("plejefamilie"), d("2020-08-03"), d("2026-03-09"))
	require.NoError(t, err)
	stay, err := ladder.NewMeasure("m2", ladder.MustParseIntervention("ungestoette-plejefamilie"), d("2026-03-10"), 0)
	require.NoError(t, err)
	moves, err := ladder.Moves([]ladder.Measure{placed, stay}, d("2026-01-01"), d("2026-12-31"))
	require.NoError(t, err)
	assert.Empty(t, moves, "turning 18 at home is no move between steps")
}

func TestOnStep(t *testing.T) {
	cat := ladder.Default()
	codes := func(s ladder.Step) []string {
		var out []string
		for _, iv := range cat.OnStep(s) {
			out = append(out, iv.Code)
		}
		return out
	}
	assert.Empty(t, codes(ladder.EverydayLife), "no intervention sits on everyday life")
	assert.Equal(t, []string{"sundhedspleje-behovsbesoeg"}, codes(ladder.Universal))
	assert.Equal(t, []string{"tidlig-forebyggende", "familiecentral", "psykologsamtaler"}, codes(ladder.Preventive))
	assert.Equal(t, []string{
		"eget-vaerelse", "kostskole", "efterskole-anbragt", "opgangsfaellesskab", "efterskole",
		"familiebehandling", "mst", "kontaktperson", "privat-kontaktperson", "aflastning",
		"fft", "pmto", "praktisk-stoette",
		"ungestoette-udslusning", "ungestoette-kontaktperson", "ungestoette-anden-stoette",
	}, codes(ladder.HomeBased))
	assert.Equal(t, []string{"netvaerkspleje", "ungestoette-netvaerkspleje"}, codes(ladder.Network))
	assert.Equal(t, []string{"plejefamilie", "saerlig-plejefamilie", "ungestoette-plejefamilie"}, codes(ladder.FosterFamily))
	assert.Equal(t, []string{"doegninstitution", "opholdssted", "sikret-institution", "korttidsanbringelse", "doegnophold-familie", "ungestoette-institution"}, codes(ladder.Institution))
	assert.Empty(t, codes(ladder.Step(9)))
}

func TestLookupUnknown(t *testing.T) {
	for _, code := range []string{"", "plejefamilje", "Plejefamilie", "plejefamilie ", "institution", "hverdagsliv"} {
		t.Run(fmt.Sprintf("%q", code), func(t *testing.T) {
			iv, err := ladder.Default().Lookup(code)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
			assert.Contains(t, err.Error(), "ladder.Catalogue.Lookup")
			assert.Contains(t, err.Error(), fmt.Sprintf("%q", code))
			assert.Equal(t, ladder.Intervention{}, iv)

			_, ok := ladder.Default().Get(code)
			assert.False(t, ok)

			_, err = ladder.ParseIntervention(code)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
			assert.Contains(t, err.Error(), fmt.Sprintf("ladder.ParseIntervention: unknown intervention %q", code))
			assert.Panics(t, func() { ladder.MustParseIntervention(code) })
		})
	}
}

func TestInterventionTextAndJSONRoundTrip(t *testing.T) {
	for _, row := range catalogueTable {
		t.Run(row.code, func(t *testing.T) {
			iv, err := ladder.ParseIntervention(row.code)
			require.NoError(t, err)
			assert.Equal(t, row.code, iv.String())

			text, err := iv.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, row.code, string(text))
			var back ladder.Intervention
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, iv, back)

			js, err := json.Marshal(struct {
				I ladder.Intervention `json:"i"`
			}{iv})
			require.NoError(t, err)
			assert.Equal(t, `{"i":"`+row.code+`"}`, string(js))
			var rec struct {
				I ladder.Intervention `json:"i"`
			}
			require.NoError(t, json.Unmarshal(js, &rec))
			assert.Equal(t, iv, rec.I)
		})
	}
}

func TestInterventionTextErrors(t *testing.T) {
	var zero ladder.Intervention
	assert.Equal(t, "ladder.Intervention(<none>)", zero.String())
	assert.False(t, zero.IsValid())
	_, err := zero.MarshalText()
	assert.Error(t, err)
	_, err = json.Marshal(zero)
	assert.Error(t, err)

	iv := ladder.MustParseIntervention("mst")
	err = iv.UnmarshalText([]byte("msT"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
	assert.Contains(t, err.Error(), "ladder.Intervention.UnmarshalText")
	assert.Contains(t, err.Error(), `"msT"`)
	assert.Equal(t, ladder.MustParseIntervention("mst"), iv, "unchanged on error")
}

func TestFollowUpByLawPerBasis(t *testing.T) {
	mk := func(b ladder.Basis) ladder.Intervention {
		return ladder.Intervention{Code: "x", Danish: "x", Step: ladder.HomeBased, Basis: b, Placement: b == ladder.BasisPlacement}
	}
	assert.True(t, mk(ladder.BasisSupport).FollowUpByLaw())
	assert.True(t, mk(ladder.BasisPlacement).FollowUpByLaw())
	assert.False(t, mk(ladder.BasisEarly).FollowUpByLaw())
	assert.False(t, mk(ladder.BasisUniversal).FollowUpByLaw())
	assert.False(t, ladder.Intervention{}.FollowUpByLaw())
}

// vendorMentor is a vendor's own intervention type.
func vendorMentor() ladder.Intervention {
	return ladder.Intervention{
		Code: "vendor-mentor", Danish: "Mentorordning", English: "Mentor scheme",
		Step: ladder.HomeBased, Basis: ladder.BasisSupport,
	}
}

func TestExtendAddsVendorEntry(t *testing.T) {
	cat, err := ladder.Default().Extend(vendorMentor())
	require.NoError(t, err)
	require.NotNil(t, cat)
	assert.Equal(t, defaultLen+1, cat.Len())
	assert.Equal(t, defaultLen, ladder.Default().Len(), "Default unchanged")

	iv, err := cat.Lookup("vendor-mentor")
	require.NoError(t, err)
	assert.Equal(t, vendorMentor(), iv)
	assert.Equal(t, "vendor-mentor", cat.All()[defaultLen].Code, "a new code goes at the end")

	_, err = ladder.Default().Lookup("vendor-mentor")
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))

	// The default entries are still there.
	for _, row := range catalogueTable {
		_, ok := cat.Get(row.code)
		assert.True(t, ok, row.code)
	}

	// A measure of the vendor's type.
	m, err := cat.NewMeasure("v1", "vendor-mentor", d("2024-01-01"), 0)
	require.NoError(t, err)
	assert.Equal(t, ladder.HomeBased, m.Step())
	_, err = ladder.Default().NewMeasure("v1", "vendor-mentor", d("2024-01-01"), 0)
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
}

func TestExtendOverridesEntry(t *testing.T) {
	override := ladder.MustParseIntervention("kostskole")
	override.English = "Placement at a boarding school (vendor wording)"
	override.Note = "This municipality follows up every 8 weeks."

	cat, err := ladder.Default().Extend(override)
	require.NoError(t, err)
	assert.Equal(t, defaultLen, cat.Len(), "an override adds nothing")

	got, err := cat.Lookup("kostskole")
	require.NoError(t, err)
	assert.Equal(t, override, got)
	assert.Equal(t, "kostskole", cat.All()[9].Code, "an override keeps its place")
	assert.Equal(t, override, cat.All()[9])

	orig, err := ladder.Default().Lookup("kostskole")
	require.NoError(t, err)
	assert.Equal(t, "Placement at a boarding school", orig.English, "Default unchanged afterwards")
	assert.Equal(t, "A home-based placement; Herning's table is silent, so only the statutory floor applies.", orig.Note, "Default unchanged afterwards")
	assert.NotEqual(t, override.Note, orig.Note)
}

func TestNewCatalogue(t *testing.T) {
	a := vendorMentor()
	b := ladder.Intervention{Code: "vendor-crisis-home", Danish: "Krisehjem", Step: ladder.Institution, Placement: true, Basis: ladder.BasisPlacement}
	cat, err := ladder.NewCatalogue(a, b)
	require.NoError(t, err)
	assert.Equal(t, 2, cat.Len())
	assert.Equal(t, []ladder.Intervention{a, b}, cat.All())

	empty, err := ladder.NewCatalogue()
	require.NoError(t, err)
	assert.Equal(t, 0, empty.Len())
	assert.Empty(t, empty.All())
}

func TestNilCatalogue(t *testing.T) {
	var c *ladder.Catalogue
	assert.Equal(t, 0, c.Len())
	assert.Nil(t, c.All())
	assert.Empty(t, c.OnStep(ladder.HomeBased))
	_, ok := c.Get("mst")
	assert.False(t, ok)
	_, err := c.Lookup("mst")
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
	_, err = c.NewMeasure("m", "mst", d("2024-01-01"), 0)
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))

	ext, err := c.Extend(vendorMentor())
	require.NoError(t, err)
	assert.Equal(t, 1, ext.Len())
}

func TestCatalogueDuplicateCodes(t *testing.T) {
	a := vendorMentor()
	other := vendorMentor()
	other.Danish = "Mentor (anden)"
	for name, build := range map[string]func() (*ladder.Catalogue, error){
		"NewCatalogue": func() (*ladder.Catalogue, error) {
			return ladder.NewCatalogue(a, ladder.MustParseIntervention("mst"), other)
		},
		"Extend": func() (*ladder.Catalogue, error) {
			return ladder.Default().Extend(a, ladder.MustParseIntervention("mst"), other)
		},
	} {
		t.Run(name, func(t *testing.T) {
			cat, err := build()
			require.Error(t, err)
			assert.Nil(t, cat)
			msg := err.Error()
			assert.Contains(t, msg, `duplicate code "vendor-mentor"`)
			assert.Contains(t, msg, "entry 2", "names the second entry")
			assert.Contains(t, msg, "entry 0", "names the first entry")
		})
	}
	// Overriding a default code once is not a duplicate.
	_, err := ladder.Default().Extend(ladder.MustParseIntervention("mst"))
	assert.NoError(t, err)
}

func TestCatalogueMalformedEntries(t *testing.T) {
	ok := vendorMentor()
	with := func(f func(*ladder.Intervention)) ladder.Intervention {
		iv := ok
		f(&iv)
		return iv
	}
	tests := []struct {
		name string
		iv   ladder.Intervention
		want string // in the message
	}{
		{"upper case code", with(func(iv *ladder.Intervention) { iv.Code = "Vendor-mentor" }), `"Vendor-mentor"`},
		{"space in code", with(func(iv *ladder.Intervention) { iv.Code = "vendor mentor" }), "not allowed"},
		{"underscore in code", with(func(iv *ladder.Intervention) { iv.Code = "vendor_mentor" }), "not allowed"},
		{"Danish letter in code", with(func(iv *ladder.Intervention) { iv.Code = "netværk" }), "not allowed"},
		{"empty code", with(func(iv *ladder.Intervention) { iv.Code = "" }), "empty code"},
		{"trailing hyphen", with(func(iv *ladder.Intervention) { iv.Code = "vendor-" }), "ends with a hyphen"},
		{"leading hyphen", with(func(iv *ladder.Intervention) { iv.Code = "-vendor" }), "not allowed"},
		{"double hyphen", with(func(iv *ladder.Intervention) { iv.Code = "vendor--mentor" }), "not allowed"},
		{"code too long", with(func(iv *ladder.Intervention) { iv.Code = strings.Repeat("a", 65) }), "longer than 64"},
		{"no Danish name", with(func(iv *ladder.Intervention) { iv.Danish = "" }), "no Danish name"},
		{"step everyday life", with(func(iv *ladder.Intervention) { iv.Step = ladder.EverydayLife }), "step hverdagsliv"},
		{"invalid step", with(func(iv *ladder.Intervention) { iv.Step = ladder.Step(9) }), "step ladder.Step(9)"},
		{"no basis", with(func(iv *ladder.Intervention) { iv.Basis = 0 }), "invalid basis ladder.Basis(0)"},
		{"placement flag without placement basis", with(func(iv *ladder.Intervention) { iv.Placement = true }), "placement flag true disagrees with basis support"},
		{"placement basis without flag", with(func(iv *ladder.Intervention) { iv.Basis = ladder.BasisPlacement }), "placement flag false disagrees with basis placement"},
		{"placement below home-based", with(func(iv *ladder.Intervention) {
			iv.Step, iv.Placement, iv.Basis = ladder.Preventive, true, ladder.BasisPlacement
		}), "cannot sit below the home-based step (got forebyggende)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.iv.Validate()
			require.Error(t, err)
			assert.False(t, tc.iv.IsValid())
			assert.Contains(t, err.Error(), "ladder.Intervention.Validate")
			assert.Contains(t, err.Error(), tc.want)

			cat, err := ladder.NewCatalogue(ok, tc.iv)
			require.Error(t, err)
			assert.Nil(t, cat)
			assert.Contains(t, err.Error(), "ladder.NewCatalogue: entry 1")
			assert.Contains(t, err.Error(), tc.want)

			cat, err = ladder.Default().Extend(tc.iv)
			require.Error(t, err)
			assert.Nil(t, cat)
			assert.Contains(t, err.Error(), "ladder.Catalogue.Extend: entry 0")
			assert.Contains(t, err.Error(), tc.want)
			assert.Equal(t, defaultLen, ladder.Default().Len())

			_, err = ladder.NewMeasure("m1", tc.iv, d("2024-01-01"), 0)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "invalid intervention")
		})
	}
	// The code boundary: exactly 64 bytes is fine.
	assert.NoError(t, with(func(iv *ladder.Intervention) { iv.Code = strings.Repeat("a", 64) }).Validate())
	assert.NoError(t, with(func(iv *ladder.Intervention) { iv.Code = "a" }).Validate())
	assert.NoError(t, with(func(iv *ladder.Intervention) { iv.Code = "v2-x9" }).Validate())
}

func TestCatalogueReportsAllProblemsAtOnce(t *testing.T) {
	bad1 := ladder.Intervention{Code: "Bad", Step: ladder.EverydayLife, Placement: true, Basis: ladder.BasisSupport}
	bad2 := ladder.Intervention{Code: "ok-code", Danish: "x", Step: ladder.Universal, Placement: true, Basis: ladder.BasisPlacement}
	dup := vendorMentor()

	_, err := ladder.NewCatalogue(bad1, vendorMentor(), bad2, dup)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		// entry 0: every problem of the entry
		`entry 0: ladder.Intervention.Validate: intervention "Bad": byte 0 ('B') is not allowed`,
		`intervention "Bad": no Danish name`,
		`intervention "Bad": step hverdagsliv is not a step a measure can sit on`,
		`intervention "Bad": placement flag true disagrees with basis support`,
		// entry 2
		`entry 2: ladder.Intervention.Validate: intervention "ok-code": a placement cannot sit below the home-based step (got almen)`,
		// entry 3
		`entry 3: duplicate code "vendor-mentor" (also entry 1)`,
	} {
		assert.Contains(t, msg, want)
	}

	// errors.Join: one wrapped error per entry problem.
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "errors are joined")
	assert.Len(t, joined.Unwrap(), 3, "entry 0, entry 2, the duplicate")

	// Validate itself joins every problem of one entry.
	verr := bad1.Validate()
	vj, ok := verr.(interface{ Unwrap() []error })
	require.True(t, ok)
	assert.Len(t, vj.Unwrap(), 5, "code, name, step, placement/basis, placement below home-based")
}

func TestAllReturnsCopy(t *testing.T) {
	all := ladder.Default().All()
	require.NotEmpty(t, all)
	all[0].Code = "hacked"
	all[0].Step = ladder.Universal
	all[0].Danish = "X-HACK"
	_ = append(all[:1], all[2:]...) // also shift the backing array

	again := ladder.Default().All()
	assert.Equal(t, "doegninstitution", again[0].Code)
	assert.Equal(t, "opholdssted", again[1].Code)
	iv, err := ladder.Default().Lookup("doegninstitution")
	require.NoError(t, err)
	assert.Equal(t, ladder.Institution, iv.Step)
	assert.Equal(t, "Døgninstitution", iv.Danish)
	_, ok := ladder.Default().Get("hacked")
	assert.False(t, ok)

	on := ladder.Default().OnStep(ladder.FosterFamily)
	on[0].Danish = "X-HACK"
	assert.Equal(t, "Plejefamilie (almindelig/professionel)", ladder.MustParseIntervention("plejefamilie").Danish)
}

func TestNewCatalogueCopiesEntries(t *testing.T) {
	entries := []ladder.Intervention{vendorMentor()}
	cat, err := ladder.NewCatalogue(entries...)
	require.NoError(t, err)
	entries[0].Danish = "X-CHANGED"
	got, err := cat.Lookup("vendor-mentor")
	require.NoError(t, err)
	assert.Equal(t, "Mentorordning", got.Danish)
}

// Run with -race: the catalogue is immutable and safe for concurrent use.
func TestCatalogueConcurrentReads(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				row := catalogueTable[(g+i)%len(catalogueTable)]
				iv, err := ladder.Default().Lookup(row.code)
				if err != nil || iv.Step != row.step {
					errs <- fmt.Errorf("lookup %s: %v %v", row.code, iv.Step, err)
					return
				}
				if n := len(ladder.Default().All()); n != defaultLen {
					errs <- fmt.Errorf("All: %d", n)
					return
				}
				_ = ladder.Default().OnStep(row.step)
				if _, err := ladder.ParseIntervention(row.code); err != nil {
					errs <- err
					return
				}
				ext, err := ladder.Default().Extend(vendorMentor())
				if err != nil || ext.Len() != defaultLen+1 {
					errs <- fmt.Errorf("extend: %v", err)
					return
				}
				m, err := ladder.Default().NewMeasure(fmt.Sprint("m", g, i), row.code, d("2024-01-01"), 0)
				if err != nil {
					errs <- err
					return
				}
				if p := ladder.PositionAt([]ladder.Measure{m}, d("2024-06-01")); p.Step != row.step {
					errs <- fmt.Errorf("position %s: %s", row.code, p.Step)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCheckRuleID(t *testing.T) {
	for _, id := range []string{"H-INST", "H-PLEJE", "H-PRIVKONTAKT", "H-EFTERSKOLE", "X-FJERN", "X-BARNDOM", "BL95", "A", strings.Repeat("A", 64)} {
		assert.NoError(t, ladder.CheckRuleID(id), id)
	}
	for _, id := range []string{"", "h-inst", "H-", "-H", "H--INST", "H INST", "H_INST", "H-ÆBLE", strings.Repeat("A", 65)} {
		err := ladder.CheckRuleID(id)
		require.Error(t, err, "%q", id)
		assert.Contains(t, err.Error(), fmt.Sprintf("ladder.CheckRuleID: %q", id))
	}
}

func TestCheckCode(t *testing.T) {
	for _, code := range []string{"plejefamilie", "sundhedspleje-behovsbesoeg", "mst", "vendor-mentor", "v2-x9", "a", "0", strings.Repeat("a", 64)} {
		assert.NoError(t, ladder.CheckCode(code), code)
	}
	for _, iv := range ladder.Default().All() {
		assert.NoError(t, ladder.CheckCode(iv.Code), iv.Code)
	}
	for code, why := range map[string]string{
		"":                      "empty code",
		"Plejefamilie":          "byte 0 ('P') is not allowed",
		"H-INST":                "not allowed",
		"vendor-":               "ends with a hyphen",
		"-vendor":               "not allowed",
		"vendor--mentor":        "not allowed",
		"vendor mentor":         "not allowed",
		"vendor_mentor":         "not allowed",
		"netværk":               "not allowed",
		"mst ":                  "not allowed",
		strings.Repeat("a", 65): "longer than 64",
	} {
		err := ladder.CheckCode(code)
		require.Error(t, err, "%q", code)
		assert.True(t, strings.HasPrefix(err.Error(), fmt.Sprintf("ladder.CheckCode: %q: ", code)), "%q: %v", code, err)
		assert.Contains(t, err.Error(), why, "%q", code)
	}
}
