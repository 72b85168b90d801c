package ladder

import (
	"errors"
	"fmt"
	"sync"
)

// Catalogue is an immutable set of interventions keyed by code. Build one
// with NewCatalogue or Extend; once built it never changes, so it is safe
// for concurrent use. A nil *Catalogue is an empty catalogue.
type Catalogue struct {
	byCode map[string]int
	list   []Intervention
}

// Legal basis texts used in the Default catalogue.
const (
	selPlacement = "SEL § 52, stk. 3, nr. 7 (uden samtykke § 58)"
	blPlacement  = "BL § 46 (uden samtykke § 47)"
	selFamTreat  = "SEL § 52, stk. 3, nr. 3"
	blFamTreat   = "BL § 32, stk. 1, nr. 5"
	selEarly     = "SEL § 11, stk. 3"
	blEarly      = "BL § 30"
	// Aftercare (efterværn → ungestøtte). BL § 95, stk. 1, and § 108 name
	// §§ 114–116 as the young person's support; which of the three gives
	// which measure was not read in the paragraphs' text.
	blAftercare = "BL §§ 114–116 (ungestøtte; which paragraph gives this measure is unconfirmed)"
	// aftercareNote is the common part of the aftercare entries' notes.
	aftercareNote = "Aftercare (ungestøtte, formerly efterværn) for a young person of 18 to 22, who agrees to it. " +
		"Statutory follow-up under BL § 95 (its stk. 1 lists §§ 114–116); whether SEL § 70 covered SEL § 76 is unconfirmed, so the Serviceloven rule set does not. " +
		"Herning's table is silent, so only the statutory floor applies."
	// aftercareStayNote explains why a continued stay is not a placement.
	aftercareStayNote = " Not a placement (anbringelse): a placement under BL §§ 46–47 ends at 18, and the payment rules call the continued stay ungestøtte (Bek. nr. 95 af 29/01/2024 § 11) — " +
		"that it is no placement is our reading of them, unconfirmed by a paragraph's text. The step is where the young person lives, so turning 18 in the same home is no move on the ladder."
)

// defaultEntries is domain.md §1's catalogue, in its order, then the
// aftercare (ungestøtte) entries of issue 15.
var defaultEntries = []Intervention{
	{Code: "doegninstitution", Danish: "Døgninstitution", English: "Residential institution", Step: Institution, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "opholdssted", Danish: "Socialpædagogisk opholdssted", English: "Socio-educational residential home", Step: Institution, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "sikret-institution", Danish: "Sikret institution", English: "Secure institution", Step: Institution, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "korttidsanbringelse", Danish: "Korttidsanbringelse", English: "Short-term placement (e.g. Hedebocenteret, Toften)", Step: Institution, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "doegnophold-familie", Danish: "Døgnophold for hele familien (døgnfamiliebehandling)", English: "Residential stay for the whole family", Step: Institution, Placement: false, Basis: BasisSupport, SEL: "SEL § 52, stk. 3, nr. 4", BL: "BL § 32, stk. 1, nr. 6",
		Note: "On the institution step, but the child is not placed: the family stays together."},
	{Code: "plejefamilie", Danish: "Plejefamilie (almindelig/professionel)", English: "Foster family (ordinary/professional)", Step: FosterFamily, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "saerlig-plejefamilie", Danish: "Særlig plejefamilie (kommunal plejefamilie, TFCO, MTFC)", English: "Specialised foster family (municipal, TFCO, MTFC)", Step: FosterFamily, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "netvaerkspleje", Danish: "Slægts- eller netværkspleje", English: "Kinship or network foster care", Step: Network, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement},
	{Code: "eget-vaerelse", Danish: "Anbringelse på eget værelse", English: "Placement in own room", Step: HomeBased, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement,
		Note: "A home-based placement: legally a placement, on the home-based step (KORA 2017 §2.1)."},
	{Code: "kostskole", Danish: "Anbringelse på kostskole", English: "Placement at a boarding school", Step: HomeBased, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement,
		Note: "A home-based placement; Herning's table is silent, so only the statutory floor applies."},
	{Code: "efterskole-anbragt", Danish: "Anbringelse på efterskole", English: "Placement at an efterskole", Step: HomeBased, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement,
		Note: "A home-based placement; Herning's table is silent, so only the statutory floor applies."},
	{Code: "opgangsfaellesskab", Danish: "Opgangsfællesskab", English: "Staffed shared flat (day and evening, not night)", Step: HomeBased, Placement: true, Basis: BasisPlacement, SEL: selPlacement, BL: blPlacement,
		Note: "A home-based placement; Herning's table is silent, so only the statutory floor applies."},
	{Code: "efterskole", Danish: "Efterskoleophold som støtte", English: "Efterskole stay as support", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: "SEL § 52, stk. 3, nr. 1 / § 52 a", BL: "BL § 32, stk. 1, nr. 1 / § 35, stk. 4 (unconfirmed)"},
	{Code: "familiebehandling", Danish: "Familiebehandling", English: "Family treatment (e.g. Familiecenteret)", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: selFamTreat, BL: blFamTreat},
	{Code: "mst", Danish: "Multisystemisk terapi (MST, MST-CM)", English: "Multisystemic therapy", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: selFamTreat, BL: blFamTreat},
	{Code: "kontaktperson", Danish: "Kontaktperson / ambulant behandling", English: "Contact person / outpatient treatment (e.g. Hedebocenteret)", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: "SEL § 52, stk. 3, nr. 6", BL: "BL § 32, stk. 1, nr. 3"},
	{Code: "privat-kontaktperson", Danish: "Privat kontaktperson", English: "Private contact person", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: "SEL § 52, stk. 3, nr. 6", BL: "BL § 32, stk. 1, nr. 3"},
	{Code: "aflastning", Danish: "Aflastning", English: "Respite care", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: "SEL § 52, stk. 3, nr. 5", BL: "BL § 32, stk. 1, nr. 7 (støtteophold)"},
	{Code: "fft", Danish: "Funktionel familieterapi", English: "Functional family therapy", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: selFamTreat, BL: blFamTreat},
	{Code: "pmto", Danish: "Parent Management Training – Oregon", English: "Parent Management Training – Oregon", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: selFamTreat, BL: blFamTreat},
	{Code: "praktisk-stoette", Danish: "Praktisk, pædagogisk eller anden støtte i hjemmet", English: "Practical, educational or other support at home", Step: HomeBased, Placement: false, Basis: BasisSupport, SEL: "SEL § 52, stk. 3, nr. 2", BL: "BL § 32, stk. 1, nr. 2"},
	{Code: "tidlig-forebyggende", Danish: "Tidlig forebyggende indsats", English: "Early preventive support (counselling, network and group talks, consultancy)", Step: Preventive, Placement: false, Basis: BasisEarly, SEL: selEarly, BL: blEarly,
		Note: "No municipal follow-up rule and no statutory cadence; some municipalities review such a course after at most 3 months (Referencekommuner 2018 §5)."},
	{Code: "familiecentral", Danish: "Familiecentral (gruppeforløb)", English: "Family centre group course (3–4 months)", Step: Preventive, Placement: false, Basis: BasisEarly, SEL: selEarly, BL: blEarly},
	{Code: "psykologsamtaler", Danish: "Afklarende psykologsamtaler", English: "Clarifying talks with a psychologist (1–5)", Step: Preventive, Placement: false, Basis: BasisEarly, SEL: selEarly, BL: blEarly},
	{Code: "sundhedspleje-behovsbesoeg", Danish: "Sundhedsplejens behovsbesøg", English: "Health visitor's additional visits", Step: Universal, Placement: false, Basis: BasisUniversal, SEL: "", BL: "",
		Note: "A universal service under Sundhedsloven, not a measure under SEL/BL."},
	// Aftercare: after domain.md §1's table, so the earlier entries keep
	// their places.
	{Code: "ungestoette-plejefamilie", Danish: "Ungestøtte: fortsat døgnophold i plejefamilien", English: "Aftercare: continued stay in the foster family", Step: FosterFamily, Placement: false, Basis: BasisAftercare,
		SEL: "SEL § 76, stk. 3, nr. 1", BL: blAftercare, Note: aftercareNote + aftercareStayNote},
	{Code: "ungestoette-netvaerkspleje", Danish: "Ungestøtte: fortsat døgnophold i slægts- eller netværksplejefamilien", English: "Aftercare: continued stay with the kinship or network foster family", Step: Network, Placement: false, Basis: BasisAftercare,
		SEL: "SEL § 76, stk. 3, nr. 1", BL: blAftercare, Note: aftercareNote + aftercareStayNote},
	{Code: "ungestoette-institution", Danish: "Ungestøtte: fortsat døgnophold på døgninstitution eller opholdssted", English: "Aftercare: continued stay at the residential institution or home", Step: Institution, Placement: false, Basis: BasisAftercare,
		SEL: "SEL § 76, stk. 3, nr. 1", BL: blAftercare, Note: aftercareNote + aftercareStayNote},
	{Code: "ungestoette-udslusning", Danish: "Ungestøtte: udslusningsophold, eller fortsat ophold på eget værelse, kostskole eller i opgangsfællesskab", English: "Aftercare: a move-out stay at the former placement, or a continued stay in own room, boarding school or staffed flat", Step: HomeBased, Placement: false, Basis: BasisAftercare,
		SEL: "SEL § 76, stk. 3, nr. 1 og 3", BL: blAftercare, Note: aftercareNote + aftercareStayNote},
	{Code: "ungestoette-kontaktperson", Danish: "Ungestøtte: fast kontaktperson", English: "Aftercare: a fixed contact person", Step: HomeBased, Placement: false, Basis: BasisAftercare,
		SEL: "SEL § 76, stk. 2, stk. 3, nr. 2, og stk. 5", BL: blAftercare,
		Note: aftercareNote + " Under SEL § 76, stk. 5, a young person placed without consent had to be offered a contact person (unless the stay went on); the Barnets Lov paragraph is unconfirmed."},
	{Code: "ungestoette-anden-stoette", Danish: "Ungestøtte: anden støtte til en selvstændig tilværelse", English: "Aftercare: other support towards an independent life", Step: HomeBased, Placement: false, Basis: BasisAftercare,
		SEL: "SEL § 76, stk. 3, nr. 4", BL: blAftercare, Note: aftercareNote},
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalogue
)

// Default returns the catalogue of domain.md §1: the interventions whose
// codes vendors store. Codes never change meaning. The returned catalogue is
// shared and immutable.
func Default() *Catalogue {
	defaultOnce.Do(func() {
		c, err := NewCatalogue(defaultEntries...)
		if err != nil {
			// The table above is checked by the tests; reaching this is a
			// programming error in this file, not bad input.
			panic(err)
		}
		defaultCat = c
	})
	return defaultCat
}

// NewCatalogue builds a catalogue from entries. Each entry must pass
// Intervention.Validate and codes must be unique; every problem is reported
// at once. The entries are copied.
func NewCatalogue(entries ...Intervention) (*Catalogue, error) {
	return (*Catalogue)(nil).build("ladder.NewCatalogue", entries)
}

// Extend returns a new catalogue with c's entries plus the given ones: an
// entry whose code is already in c replaces it (at the same place in the
// order); a new code is added at the end. c itself is unchanged. Two entries
// with the same code among the arguments, or an invalid entry, is an error.
func (c *Catalogue) Extend(entries ...Intervention) (*Catalogue, error) {
	return c.build("ladder.Catalogue.Extend", entries)
}

func (c *Catalogue) build(op string, entries []Intervention) (*Catalogue, error) {
	var errs []error
	seen := make(map[string]int, len(entries))
	for i, e := range entries {
		if err := e.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: entry %d: %w", op, i, err))
		}
		if j, dup := seen[e.Code]; dup && e.Code != "" {
			errs = append(errs, fmt.Errorf("%s: entry %d: duplicate code %q (also entry %d)", op, i, e.Code, j))
		}
		seen[e.Code] = i
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := &Catalogue{byCode: make(map[string]int, c.Len()+len(entries))}
	out.list = append(out.list, c.All()...)
	for i, e := range out.list {
		out.byCode[e.Code] = i
	}
	for _, e := range entries {
		if i, ok := out.byCode[e.Code]; ok {
			out.list[i] = e
			continue
		}
		out.byCode[e.Code] = len(out.list)
		out.list = append(out.list, e)
	}
	return out, nil
}

// Len returns the number of interventions.
func (c *Catalogue) Len() int {
	if c == nil {
		return 0
	}
	return len(c.list)
}

// Lookup returns the intervention with the given code, or an error naming
// the code. Wrap-check with errors.Is(err, ErrUnknownIntervention).
func (c *Catalogue) Lookup(code string) (Intervention, error) {
	if iv, ok := c.Get(code); ok {
		return iv, nil
	}
	return Intervention{}, fmt.Errorf("ladder.Catalogue.Lookup: %w %q", ErrUnknownIntervention, code)
}

// ErrUnknownIntervention is wrapped by every error about a code that is not
// in the catalogue.
var ErrUnknownIntervention = errors.New("unknown intervention")

// ErrInput is wrapped by every error about bad input to trappe's
// functions, in every package (followup.ErrInput and caseload.ErrInput are
// this same value), so a caller can tell bad input from a bug with one
// errors.Is.
var ErrInput = errors.New("bad input")

// Get returns the intervention with the given code and whether it exists.
func (c *Catalogue) Get(code string) (Intervention, bool) {
	if c == nil {
		return Intervention{}, false
	}
	i, ok := c.byCode[code]
	if !ok {
		return Intervention{}, false
	}
	return c.list[i], true
}

// ParseIntervention looks a code up in the Default catalogue.
func ParseIntervention(code string) (Intervention, error) {
	iv, ok := Default().Get(code)
	if !ok {
		return Intervention{}, fmt.Errorf("ladder.ParseIntervention: %w %q", ErrUnknownIntervention, code)
	}
	return iv, nil
}

// MustParseIntervention is ParseIntervention for tests and literals; it
// panics on error.
func MustParseIntervention(code string) Intervention {
	iv, err := ParseIntervention(code)
	if err != nil {
		panic(err)
	}
	return iv
}

// All returns a copy of every intervention, in catalogue order.
func (c *Catalogue) All() []Intervention {
	if c == nil {
		return nil
	}
	return append([]Intervention(nil), c.list...)
}

// OnStep returns a copy of the interventions on step s, in catalogue order.
func (c *Catalogue) OnStep(s Step) []Intervention {
	var out []Intervention
	if c == nil {
		return out
	}
	for _, iv := range c.list {
		if iv.Step == s {
			out = append(out, iv)
		}
	}
	return out
}

// DecodeMeasure reads a measure's JSON (as Measure.MarshalJSON writes it),
// resolving its intervention code in this catalogue rather than the Default
// one, and validates it like NewMeasure.
func (c *Catalogue) DecodeMeasure(data []byte) (Measure, error) {
	if c == nil {
		return Measure{}, errors.New("ladder.Catalogue.DecodeMeasure: nil catalogue")
	}
	return decodeMeasure("ladder.Catalogue.DecodeMeasure", data, c, "the catalogue")
}
