package followup

import (
	"sync"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
)

// Sources cited by the shipped rule sets.
const (
	SourceKompendium = "Herningmodellen 1.0 — kompendium, 'Opfølgninger ved socialrådgivere med myndighed' (26.11.2015), s. 32–35; KORA 2017, Tabel 5.1"
	SourceSEL70      = "SEL § 70, stk. 1 (til 31.12.2023)"
	SourceSEL148     = "SEL § 148, stk. 2 (til 31.12.2023)"
	SourceBL95       = "BL §§ 95–96 (tidl. SEL § 70)"
	SourceBL156      = "BL § 156, stk. 5 (tidl. SEL § 148)"
	// SourceExceptions cites the exceptions (undtagelser).
	SourceExceptions = "Herningmodellen 1.0 — kompendium, 'Undtagelser' (26.11.2015), s. 35; KORA 2017, note til Tabel 5.1"
	// SourceHerningDecision cites Herning's standing decision under BL §
	// 95, stk. 3: the Kompendium keeps the half-yearly statutory follow-ups
	// in every exception (s. 35), and Herning did not lower its standard
	// when the law changed.
	SourceHerningDecision = "BL § 95, stk. 3; Herningmodellen 1.0 — kompendium, s. 35 (halvårlige lovpligtige opfølgninger i hver undtagelse)"
)

// BarnetsLovEffective is the day Barnets Lov took over the children's
// provisions of Serviceloven: 1 January 2024.
var BarnetsLovEffective = date.New(2024, time.January, 1)

// serviceLovenEffective is the first day the shipped Serviceloven set is
// modelled from: 1 January 2011 (Barnets Reform; unconfirmed as the start
// of the 3/6-month chain, so the earliest date the library schedules).
var serviceLovenEffective = date.New(2011, time.January, 1)

var (
	inPerson = ModesOf(InPerson)
	standard = Content{ChildConversation: Required, Modes: inPerson, Decides: []Decision{NewGoals},
		Participants: []string{"barn/ung", "forældre", "udfører", "rådgiver"}}
)

func meeting(participants []string, place string, note Text, decides ...Decision) Content {
	return Content{ChildConversation: Required, Modes: inPerson, Participants: participants, Place: place,
		Decides: append([]Decision{NewGoals}, decides...), Note: note}
}

var startNote = Text{
	Da: "Udføreren indkalder til opstartsmødet; derefter indkalder rådgiveren. Næste opfølgning aftales på mødet.",
	En: "The provider convenes the start-up meeting; afterwards the case worker convenes. The next follow-up is agreed at the meeting.",
}

func herningSpec() RuleSetSpec {
	std := standard
	start := standard
	start.Note = startNote
	youth := []string{"ung", "kontaktperson", "rådgiver"}
	centre := []string{"ung", "forældre (inviteres)", "centret", "rådgiver"}
	fam := []string{"familie", "Familiecenteret", "rådgiver"}
	mst := []string{"MST", "familie", "ung", "rådgiver"}
	priv := []string{"barn/ung", "privat kontaktperson", "rådgiver", "forældre (inviteres for yngre børn; høres altid)"}
	eft := []string{"ung", "rådgiver", "forældre (kan orienteres telefonisk)"}
	return RuleSetSpec{
		Name:      "Herning Kommune — opfølgningskrav",
		Layer:     Municipal,
		Effective: date.New(2015, time.November, 26),
		Source:    SourceKompendium,
		Rules: []Rule{
			{ID: "H-INST", Name: Text{"Anbringelse på institution", "Placement in an institution"}, Source: SourceKompendium,
				Fixed:     []Fixed{{At: Weeks(2), Kind: FollowUp, Content: start}},
				Recurring: []Phase{{Every: Weeks(6), Kind: FollowUp, Cycle: []Content{std}}}},
			{ID: "H-PLEJE", Name: Text{"Anbringelse i professionel plejefamilie eller netværksplejefamilie", "Placement in a professional or network foster family"}, Source: SourceKompendium,
				Fixed: []Fixed{{At: Weeks(2), Kind: FollowUp, Content: start}},
				Recurring: []Phase{
					{Every: Weeks(6), Until: Months(12), Kind: FollowUp, Cycle: []Content{std}},
					{Every: Months(3), Kind: FollowUp, Cycle: []Content{std}},
				}},
			{ID: "H-EGET", Name: Text{"Anbringelse på eget værelse", "Placement in own room"}, Source: SourceKompendium,
				Fixed:     []Fixed{{At: Weeks(2), Kind: FollowUp, Content: start}},
				Recurring: []Phase{{Every: Weeks(6), Kind: FollowUp, Cycle: []Content{std}}}},
			{ID: "H-KORT", Name: Text{"Korttidsanbringelse (Hedebocenteret, Toften)", "Short-term placement (Hedebocenteret, Toften)"}, Source: SourceKompendium,
				Recurring: []Phase{{Every: Weeks(4), Kind: FollowUp, Cycle: []Content{std}}}},
			{ID: "H-FOREB", Name: Text{"Forebyggende foranstaltninger efter SEL § 52", "Preventive measures under SEL § 52"}, Source: SourceKompendium,
				Fixed: []Fixed{
					{At: Weeks(4), Kind: FollowUp, Content: start},
					{At: Months(3), Kind: FollowUp, Content: std},
					{At: Months(6), Kind: StatusFollowUp, Content: meeting(std.Participants, "", Text{
						Da: "Status på om indsatsen skal fortsætte, og tidshorisont for afslutning.",
						En: "Status on whether the measure continues, and the time frame for ending it."}, Continuation, TimeFrame)},
				},
				Recurring: []Phase{{Every: Months(3), AfterFixed: true, Kind: FollowUp, Cycle: []Content{std}}}},
			{ID: "H-MST", Name: Text{"MST og MST-CM", "MST and MST-CM"}, Source: SourceKompendium,
				Fixed: []Fixed{
					{At: Weeks(4), Kind: FollowUp, Content: meeting(mst, "hos MST", Text{})},
					{At: Weeks(8), Kind: FollowUp, Content: meeting(mst, "hos MST", Text{})},
					{At: Months(3), Kind: FollowUp, Content: meeting(mst, "hos MST", Text{Da: "Herunder forslag til videre forløb.", En: "Including a proposal for a further course."}, FurtherCourse)},
					{At: Months(5), Kind: CourseEnd, Content: Content{ChildConversation: Optional, Note: Text{Da: "MST-forløbet afsluttes.", En: "The MST course ends."}}},
				}},
			{ID: "H-KONTAKT", Name: Text{"Kontaktperson / ambulant behandling", "Contact person / outpatient treatment"}, Source: SourceKompendium,
				Fixed: []Fixed{
					{At: Weeks(4), Kind: FollowUp, Content: meeting(youth, "", Text{})},
					{At: Months(3), Kind: FollowUp, Content: meeting(centre, "på centret", Text{Da: "Status og behandlingsplan; forældre inviteres.", En: "Status and treatment plan; parents invited."}, TreatmentPlan)},
					{At: Months(6), Kind: FollowUp, Content: meeting(youth, "", Text{Da: "Forslag til tidshorisont.", En: "Proposal for a time frame."}, TimeFrame)},
					{At: Months(9), Kind: FollowUp, Content: meeting(centre, "på centret", Text{Da: "Forældre inviteres.", En: "Parents invited."}, TreatmentPlan)},
				},
				Recurring: []Phase{{Every: Months(3), AfterFixed: true, Kind: FollowUp, Cycle: []Content{
					meeting(youth, "", Text{Da: "Forslag til tidshorisont.", En: "Proposal for a time frame."}, TimeFrame),
					meeting(centre, "på centret", Text{Da: "Forældre inviteres.", En: "Parents invited."}, TreatmentPlan),
				}}}},
			{ID: "H-FAMCENTER", Name: Text{"Familiebehandling på Familiecenteret", "Family treatment at the family centre"}, Source: SourceKompendium,
				Fixed: []Fixed{
					{At: Weeks(4), Kind: FollowUp, Content: meeting(fam, "på Familiecenteret", Text{Da: "4 uger efter behandlingsstart; planen konkretiseres.", En: "4 weeks after treatment starts; the plan is made concrete."})},
					{At: Months(3), Kind: FollowUp, Content: meeting([]string{"familie", "rådgiver"}, "", Text{})},
					{At: Months(6), Kind: FollowUp, Content: meeting(fam, "på Familiecenteret", Text{Da: "Støtte efter endt behandling.", En: "Support after treatment ends."}, AfterSupport)},
					{At: Months(8), Kind: StatusReport, Content: Content{ChildConversation: Optional, Note: Text{Da: "Statusrapport modtages fra Familiecenteret.", En: "A status report is received from the family centre."}}},
				}},
			{ID: "H-PRIVKONTAKT", Name: Text{"Privat kontaktperson", "Private contact person"}, Source: SourceKompendium,
				Fixed: []Fixed{
					{At: Weeks(4), Kind: FollowUp, Content: meeting(priv, "", Text{})},
					{At: Months(3), Kind: FollowUp, Content: meeting(priv, "", Text{})},
					{At: Months(6), Kind: FollowUp, Content: meeting(priv, "", Text{})},
				},
				Recurring: []Phase{{Every: Months(3), AfterFixed: true, Kind: FollowUp, Cycle: []Content{meeting(priv, "", Text{})}}}},
			{ID: "H-EFTERSKOLE", Name: Text{"Efterskoleophold som støtte", "Efterskole stay as support"}, Source: SourceKompendium,
				Fixed: []Fixed{
					{At: Weeks(4), Kind: FollowUp, Content: meeting(eft, "", Text{})},
					{At: Months(3), Kind: FollowUp, Content: meeting(eft, "", Text{})},
					{At: Months(6), Kind: FollowUp, Content: meeting(eft, "", Text{Da: "Indhent status fra skolen til beslutning om støtte det næste år.", En: "Obtain a status from the school to decide support for the next year."}, NextYearSupport)},
				},
				Recurring: []Phase{{Every: Months(3), AfterFixed: true, Kind: FollowUp, Cycle: []Content{meeting(eft, "", Text{})}}}},
		},
		Exceptions: []Exception{
			{ID: "X-BARNDOM", Name: Text{"Barndomsanbringelse i plejefamilie", "Childhood placement in a foster family"},
				When: Text{
					Da: "Plejefamilie (netværk eller professionel), hvor forældrenes kompetencer er vurderet, barnet ikke skal hjem, og barnets interesse taler for det (typisk: trives og finder de hyppige samtaler mærkelige).",
					En: "Foster family (network or professional) where the parents' capacity is assessed, the child will not return home and the child's interest speaks for it (typically: thriving, finds the frequent talks odd)."},
				Source: SourceExceptions, Relaxes: "extra",
				// Phase 1 of H-PLEJE: every 3 months after the first year.
				Scope:    []Scope{{Rule: "H-PLEJE", Recurring: []int{1}}},
				AddModes: ModesOf(Phone, Mail), ChildConversationOptional: true,
				Reading: Text{
					Da: "Kompendiet lemper de ekstra tremånedlige opfølgninger; det læses som kun de tremånedlige opfølgninger efter første år (KORA 2017: de to børnesamtaler ud over de lovpligtige). Første års seksugers opfølgninger står ved magt — den læsning, der lemper mindst.",
					En: "The Kompendium relaxes the extra three-monthly follow-ups; read as only the three-monthly follow-ups after the first year (KORA 2017: the two child conversations beyond the statutory ones). The first year's six-weekly follow-ups stand: the reading that relaxes less."}},
			{ID: "X-FJERN", Name: Text{"Ung anbragt over 50 km fra kommunen", "Youth placed more than 50 km away"},
				When:   Text{Da: "Unge anbragt mere end 50 km fra Herning (ikke korttidsanbringelse: Hedebocenteret og Toften er Hernings egne).", En: "Youth placed more than 50 km from Herning (not short-term placement: Hedebocenteret and Toften are Herning's own)."},
				Source: SourceExceptions, Relaxes: "extra",
				Scope: []Scope{
					{Rule: "H-INST", Recurring: []int{0}},
					{Rule: "H-PLEJE", Recurring: []int{0, 1}},
					{Rule: "H-EGET", Recurring: []int{0}},
				},
				AddModes: ModesOf(Phone),
				Reading: Text{
					Da: "Kompendiet taler om tremånedlige opfølgninger, men institution og eget værelse har ingen tremånedlig fase, og undtagelsen findes på grund af afstanden; derfor lempes de ekstra opfølgninger efter den første. Aldrig den første, aldrig en lovpligtig, og samtalen med den unge holdes stadig (pr. telefon).",
					En: "The Kompendium speaks of three-monthly follow-ups, but institution and own-room placements have no three-monthly phase, and the exception exists for distance; so the extra follow-ups after the first are relaxed. Never the first, never a statutory one, and the conversation with the youth is still held (by phone)."}},
			{ID: "X-EFTERSKOLE", Name: Text{"Efterskoleophold efter SEL § 52", "Efterskole stay under SEL § 52"},
				When:   Text{Da: "Efterskoleophold som støtte efter SEL § 52.", En: "An efterskole stay as support under SEL § 52."},
				Source: SourceExceptions, Relaxes: "extra",
				// H-EFTERSKOLE's +3 and +6 months and the three-monthly phase.
				Scope:    []Scope{{Rule: "H-EFTERSKOLE", Fixed: []int{1, 2}, Recurring: []int{0}}},
				AddModes: ModesOf(Phone)},
		},
		Bindings: []Binding{
			{"doegninstitution", "H-INST"}, {"opholdssted", "H-INST"}, {"sikret-institution", "H-INST"},
			{"korttidsanbringelse", "H-KORT"}, {"doegnophold-familie", "H-FOREB"},
			{"plejefamilie", "H-PLEJE"}, {"saerlig-plejefamilie", "H-PLEJE"}, {"netvaerkspleje", "H-PLEJE"},
			{"eget-vaerelse", "H-EGET"}, {"efterskole", "H-EFTERSKOLE"}, {"familiebehandling", "H-FAMCENTER"},
			{"mst", "H-MST"}, {"kontaktperson", "H-KONTAKT"}, {"privat-kontaktperson", "H-PRIVKONTAKT"},
			{"aflastning", "H-FOREB"}, {"fft", "H-FOREB"}, {"pmto", "H-FOREB"}, {"praktisk-stoette", "H-FOREB"},
		},
		Intake: herningIntakeRows(),
		Decision: &CadenceDecision{DecidedOn: BarnetsLovEffective, Every: Months(6), Source: SourceHerningDecision,
			Note: "Herning keeps the half-yearly statutory follow-ups it kept under SEL § 70; the table's other follow-ups are the extra ones."},
	}
}

func serviceLovenSpec() RuleSetSpec {
	return RuleSetSpec{
		Name:      "Serviceloven — opfølgning (SEL § 70, § 148)",
		Layer:     Statutory,
		Effective: serviceLovenEffective,
		Until:     date.New(2023, time.December, 31),
		Source:    "Lov om social service; Barnets Reform (2011)",
		Statutory: &StatutoryRules{
			FollowUp: StatutoryFollowUp{ID: "SEL-70", Source: SourceSEL70,
				Name:  Text{"Opfølgning senest 3 måneder efter iværksættelse, derefter mindst hver 6. måned", "Follow-up at the latest 3 months after the start, then at most 6 months apart"},
				First: Months(3), Then: Months(6),
				// § 52 stk. 3 measures and placements. Whether § 70 also
				// covered aftercare under § 76 is unconfirmed (the
				// paragraph's list was not read), so BasisAftercare is
				// left out: an aftercare measure started before 2024 owes
				// its first statutory follow-up under Barnets Lov.
				Covers: []ladder.Basis{ladder.BasisSupport, ladder.BasisPlacement}},
			Visits: &StatutoryVisits{ID: "SEL-148", Source: SourceSEL148, PerYear: 2, Every: Months(6),
				Name: Text{"Personligt tilsyn mindst 2 gange om året med samtale med barnet", "Personal supervision at least twice a year with a conversation with the child"}},
			Intake: selIntakeRows(),
		},
	}
}

func barnetsLovSpec() RuleSetSpec {
	return RuleSetSpec{
		Name:      "Barnets Lov — opfølgning (BL §§ 95–96, § 156)",
		Layer:     Statutory,
		Effective: BarnetsLovEffective,
		Source:    "Barnets Lov, LBK nr. 282 af 17/03/2025",
		Statutory: &StatutoryRules{
			FollowUp: StatutoryFollowUp{ID: "BL-95", Source: SourceBL95,
				Name: Text{"Første opfølgning senest 3 måneder efter iværksættelse (eller ved afslutning af en sideløbende undersøgelse); derefter som kommunen har besluttet",
					"First follow-up at the latest 3 months after the start (or when an assessment run alongside ends); then as the municipality decided"},
				First: Months(3), FirstByAssessmentEnd: true,
				// BL § 95, stk. 1, lists §§ 32, 46, 47, 114–116 and 120:
				// support, placements and aftercare (ungestøtte).
				Covers: []ladder.Basis{ladder.BasisSupport, ladder.BasisPlacement, ladder.BasisAftercare}},
			Visits: &StatutoryVisits{ID: "BL-156", Source: SourceBL156, PerYear: 2, Every: Months(6),
				Name: Text{"Mindst 2 tilsynsbesøg om året på anbringelsesstedet med samtale med barnet", "At least two supervision visits a year at the placement with a conversation with the child"}},
			Intake: blIntakeRows(),
		},
	}
}

var (
	shippedOnce sync.Once
	selSet      *RuleSet
	blSet       *RuleSet
	herningSet  *RuleSet
	herningReg  *Regime
)

func buildShipped() {
	selSet = MustRuleSet(serviceLovenSpec())
	blSet = MustRuleSet(barnetsLovSpec())
	herningSet = MustRuleSet(herningSpec())
	r, err := NewRegime(herningSet, selSet, blSet)
	if err != nil {
		panic(err) // the shipped data is checked by the tests
	}
	herningReg = r
}

// ServiceLoven returns the statutory rule set of Serviceloven (in force
// until 31 December 2023): SEL § 70's chain of 3 then 6 months and the
// twice-yearly personal supervision of placements (SEL § 148).
func ServiceLoven() *RuleSet { shippedOnce.Do(buildShipped); return selSet }

// BarnetsLov returns the statutory rule set of Barnets Lov (from 1 January
// 2024): the first follow-up within 3 months (BL § 95), then the
// municipality's decided cadence, and two supervision visits a year at the
// placement (BL § 156, stk. 5).
func BarnetsLov() *RuleSet { shippedOnce.Do(buildShipped); return blSet }

// HerningRules returns Herning's municipal rule set: the ten rules H-INST …
// H-EFTERSKOLE, the exceptions X-BARNDOM, X-FJERN, X-EFTERSKOLE with their
// scopes, the binding of the default catalogue's codes to the rules
// (domain.md §1), and the standing decision under BL § 95 to keep
// half-yearly statutory follow-ups.
func HerningRules() *RuleSet { shippedOnce.Do(buildShipped); return herningSet }

// Herning returns the regime of Herning's rules layered on both statutory
// rule sets.
func Herning() *Regime { shippedOnce.Do(buildShipped); return herningReg }
