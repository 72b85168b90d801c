// Key figures (nøgletal): child-years (årsbørn) and the placement mix, cases
// per ladder step on a date, moves between steps in a period, cases per
// worker, placement breakdowns (sammenbrud) and the SDQ total difficulties
// score. kora.go compares two child-year snapshots the way KORA 2017 does and
// holds the figures it published.

package measure

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/gregorian"

	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Sources of the key figures. "KORA 2017" is Pedersen & Kloppenborg,
// Slutevaluering af Herning Kommunes Sverigesprogram (April 2017); the page
// numbers are the report's own.
const (
	srcAllPlaced   = "KORA 2017, Tabel 2.1, p. 15"
	srcInstitution = "KORA 2017, Tabel 2.2, p. 16"
	srcFamilyCare  = "KORA 2017, Tabel 2.3, p. 17"
	srcHomeBased   = "KORA 2017, Tabel 4.1, p. 28"
	srcStepCounts  = "KORA 2017, Figur 2.1, p. 14"
	srcMoves       = "KORA 2017, Figur 4.1, p. 26"
	srcBreakdowns  = "KORA 2017, Tabel 3.1, p. 22"
	srcSDQ         = "KORA 2017, Tabel 3.3, p. 24"
	srcCaseload    = "KORA 2017 §1, p. 8, and §5.2, p. 33"
)

// FigureExplanation says what a key figure counted and where the definition comes
// from, for a case worker or a report reader. The zero value explains
// nothing.
//
// As JSON an FigureExplanation is {"figure", "source", "code", "args", "da",
// "en"}: the message's code and arguments as data (package msg), and the
// message rendered in Danish and English, without the source.
type FigureExplanation struct {
	// Figure is a stable id of the kind of figure, e.g. "aarsboern.anbragte".
	Figure string
	// Source cites the publication that defines the figure, e.g.
	// "KORA 2017, Tabel 2.1, p. 15".
	Source string
	// Message says, with the value, what was counted: a code and its
	// arguments, rendered by the catalogue (msg.Default or a vendor's).
	Message msg.Message
}

// Text renders the message in lang with the default catalogue, followed
// by the source in parentheses. A language the catalogue lacks renders
// visibly as the code and its arguments.
func (e FigureExplanation) Text(lang msg.Lang) string {
	if e.Source == "" || e.Message.Code == "" {
		return render(e.Message, lang)
	}
	return render(msg.New("measure.cited", "text", msg.Nested(e.Message), "source", msg.String(e.Source)), lang)
}

// String returns the English text with its source.
func (e FigureExplanation) String() string { return e.Text(msg.English) }

// MarshalJSON writes the explanation with its message as data and rendered
// in Danish and English.
func (e FigureExplanation) MarshalJSON() ([]byte, error) {
	m, err := e.Message.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("measure.Explanation.MarshalJSON: %s: %w", e.Figure, err)
	}
	var data struct {
		Code string          `json:"code"`
		Args json.RawMessage `json:"args"`
	}
	if err := json.Unmarshal(m, &data); err != nil {
		return nil, fmt.Errorf("measure.Explanation.MarshalJSON: %s: %w", e.Figure, err)
	}
	return json.Marshal(struct {
		Figure string          `json:"figure"`
		Source string          `json:"source"`
		Code   string          `json:"code,omitempty"`
		Args   json.RawMessage `json:"args,omitempty"`
		Da     string          `json:"da"`
		En     string          `json:"en"`
	}{e.Figure, e.Source, data.Code, data.Args, render(e.Message, msg.Danish), render(e.Message, msg.English)})
}

// optional is an argument for a part of a text that is only sometimes
// there: the part's message, or the zero msg.Value, which renders as
// nothing.
func optional(ok bool, m msg.Message) msg.Value {
	if !ok {
		return msg.Value{}
	}
	return msg.Nested(m)
}

// percent is a whole percentage as a part of a text, e.g. "50 %".
func percent(pct float64) msg.Message {
	return msg.New("measure.percent", "percent", msg.Int(RoundPercent(pct)))
}

// ---------------------------------------------------------------------------
// Child-years (årsbørn)

// MaxPeriodYears bounds the length of a period given to ChildYears and
// CountMoves: to must fall before from plus this many calendar years.
const MaxPeriodYears = 100

// checkPeriod validates a period [from, to], both inclusive.
func checkPeriod(op string, from, to date.Date) error {
	switch {
	case from == 0 || to == 0:
		return fmt.Errorf("%s: zero date in period %s–%s", op, from, to)
	case to < from:
		return fmt.Errorf("%s: period end %s is before its start %s", op, to, from)
	case to >= from.AddDate(MaxPeriodYears, 0, 0):
		return fmt.Errorf("%s: period %s–%s is longer than %d years", op, from, to, MaxPeriodYears)
	}
	return nil
}

// PlacementGroup is a group of placement types whose child-years KORA 2017
// reports together. Membership is derived from an intervention's data — its
// step and its placement flag — not from a list of codes, so a vendor's own
// interventions fall into the right group.
//
// The zero value is not a valid group.
type PlacementGroup uint8

const (
	// AllPlaced is every measure that is legally a placement
	// (Intervention.Placement), whatever its step (KORA 2017, Tabel 2.1).
	// Non-placement measures, such as a residential stay for the whole
	// family (doegnophold-familie), do not count.
	AllPlaced PlacementGroup = 1 + iota
	// InstitutionPlacements is placements on the institution step:
	// døgninstitution, opholdssted, sikret institution, korttidsanbringelse
	// (Tabel 2.2).
	InstitutionPlacements
	// FamilyCare is placements on the foster-family and network steps:
	// plejefamilie, særlig plejefamilie and netværkspleje (Tabel 2.3).
	FamilyCare
	// NetworkCare is placements on the network step, netværkspleje; it is
	// part of FamilyCare (Tabel 2.3).
	NetworkCare
	// HomeBasedPlacements is placements on the home-based step: own room,
	// boarding school, efterskole as a placement, opgangsfællesskab
	// (Tabel 4.1).
	HomeBasedPlacements
)

const groupCount = int(HomeBasedPlacements) + 1

type groupInfo struct{ code, da, en, source string }

var groups = [groupCount]groupInfo{
	AllPlaced:             {"anbragte", "Anbragte i alt", "All placements", srcAllPlaced},
	InstitutionPlacements: {"institutionsanbragte", "Institutionsanbragte i alt", "Placements in institutions", srcInstitution},
	FamilyCare:            {"familieplejeanbragte", "Familieplejeanbragte i alt", "Family care placements", srcFamilyCare},
	NetworkCare:           {"netvaerksanbragte", "Netværkspleje", "Kinship and network care", srcFamilyCare},
	HomeBasedPlacements:   {"hjemmebaseret-anbragte", "Hjemmebaserede anbringelser i alt", "Home-based placements", srcHomeBased},
}

// PlacementGroups returns every group in the order KORA 2017 reports them.
func PlacementGroups() []PlacementGroup {
	return []PlacementGroup{AllPlaced, InstitutionPlacements, FamilyCare, NetworkCare, HomeBasedPlacements}
}

// IsValid reports whether g is one of the defined groups.
func (g PlacementGroup) IsValid() bool { return g >= AllPlaced && g <= HomeBasedPlacements }

// String returns the stable code, e.g. "familieplejeanbragte", or a
// diagnostic like "measure.PlacementGroup(9)".
func (g PlacementGroup) String() string {
	if !g.IsValid() {
		return "measure.PlacementGroup(" + strconv.Itoa(int(g)) + ")"
	}
	return groups[g].code
}

// Danish returns the Danish label, e.g. "Familieplejeanbragte i alt".
func (g PlacementGroup) Danish() string {
	if !g.IsValid() {
		return g.String()
	}
	return groups[g].da
}

// English returns the English label.
func (g PlacementGroup) English() string {
	if !g.IsValid() {
		return g.String()
	}
	return groups[g].en
}

// Source cites the KORA 2017 table that reports the group.
func (g PlacementGroup) Source() string {
	if !g.IsValid() {
		return ""
	}
	return groups[g].source
}

// Contains reports whether measures of the intervention count in the group.
// Only placements count; the step decides the group.
func (g PlacementGroup) Contains(iv ladder.Intervention) bool {
	if !iv.Placement {
		return false
	}
	switch g {
	case AllPlaced:
		return true
	case InstitutionPlacements:
		return iv.Step == ladder.Institution
	case FamilyCare:
		return iv.Step == ladder.FosterFamily || iv.Step == ladder.Network
	case NetworkCare:
		return iv.Step == ladder.Network
	case HomeBasedPlacements:
		return iv.Step == ladder.HomeBased
	}
	return false
}

// MarshalText returns the stable code.
func (g PlacementGroup) MarshalText() ([]byte, error) {
	if !g.IsValid() {
		return nil, fmt.Errorf("measure.PlacementGroup.MarshalText: invalid group %d", uint8(g))
	}
	return []byte(groups[g].code), nil
}

// UnmarshalText parses a stable code; on error g is unchanged.
func (g *PlacementGroup) UnmarshalText(text []byte) error {
	v, err := ParsePlacementGroup(string(text))
	if err != nil {
		return err
	}
	*g = v
	return nil
}

// ParsePlacementGroup parses a stable group code such as "institutionsanbragte".
func ParsePlacementGroup(code string) (PlacementGroup, error) {
	for _, g := range PlacementGroups() {
		if groups[g].code == code {
			return g, nil
		}
	}
	return 0, fmt.Errorf("measure.ParsePlacementGroup: unknown placement group %q", code)
}

// codeYears is the child-years of one intervention code.
type codeYears struct {
	iv    ladder.Intervention
	years float64
}

// ChildYearFigures holds child-years (årsbørn) per intervention code and
// per placement group, for one period (from ChildYears) or as entered from
// a table (from NewChildYearFigures).
//
// A child-year is one child in a measure for a whole year: a child placed
// for six months of a year counts about 0.5 (KORA 2017, Tabel 2.1 and its
// note). ChildYears gives the exact day-count convention.
//
// ChildYearFigures is an immutable value. The zero value holds no
// child-years and no period.
type ChildYearFigures struct {
	from, to date.Date
	years    float64     // length of [from, to] in years; 0 when entered by hand
	codes    []codeYears // sorted by code
	groups   [groupCount]float64
}

// yearSeg is the part of a period that falls in one calendar year.
type yearSeg struct {
	first, last date.Date
	leap        bool
}

// yearSegments splits [from, to] at the new years inside it.
func yearSegments(from, to date.Date) []yearSeg {
	var segs []yearSeg
	for lo := from; lo <= to; {
		y := lo.Year()
		hi := min(date.New(y+1, 1, 1)-1, to)
		segs = append(segs, yearSeg{first: lo, last: hi, leap: gregorian.IsLeap(y)})
		lo = hi + 1
	}
	return segs
}

// dayCount is a number of days split by the length of the calendar year the
// days fall in.
type dayCount struct{ common, leap int64 }

// The days of a common and of a leap year: a day counts 1/365 or 1/366 of
// a child-year.
const (
	daysInCommonYear = 365
	daysInLeapYear   = 366
)

func (d dayCount) years() float64 {
	return float64(d.common)/daysInCommonYear + float64(d.leap)/daysInLeapYear
}

// add counts the days of [lo, hi] into d, using the period's year segments.
func (d *dayCount) add(segs []yearSeg, lo, hi date.Date) {
	i := sort.Search(len(segs), func(i int) bool { return segs[i].last >= lo })
	for ; i < len(segs) && segs[i].first <= hi; i++ {
		n := int64(min(hi, segs[i].last)-max(lo, segs[i].first)) + 1
		if segs[i].leap {
			d.leap += n
		} else {
			d.common += n
		}
	}
}

// ChildYears returns the child-years of the measures over the period
// [from, to], both days inclusive, per intervention code and per placement
// group.
//
// Day-count convention: every day a measure is in effect inside the period
// counts 1/365 of a child-year, or 1/366 when the day falls in a leap year.
// So a calendar year in a measure is exactly 1.0 child-year, leap or not;
// 1 January–30 June 2015 (181 days) is 181/365 ≈ 0.4959 and 1 July–31
// December 2015 (184 days) is 184/365 ≈ 0.5041, which sum to exactly 1.0.
// Six calendar months are 181 to 184 days, so they count between 181/366 ≈
// 0.4945 and 184/365 ≈ 0.5041: within 0.0055 of 0.5 (two days' worth),
// which is what KORA's "placed six months counts 0.5" means. Days are
// summed as integers per code and per group before dividing, so sums of
// whole years are exact.
//
// Over a calendar year the result is KORA's figure: the number of full-year
// placed children. Over a longer period it adds up (a child placed for two
// whole years counts 2.0); divide by Years to get the average number in
// care over the period.
//
// Every measure counts on its own. A child with two overlapping placements
// counts in both on the days they overlap, because KORA reports child-years
// per placement type; pass each measure once. The days of a measure outside
// the period simply count 0, and a measure that does not overlap the period
// contributes nothing (its code is not listed).
//
// Errors, all reported at once: a zero date, to before from, a period of
// MaxPeriodYears years or more, an invalid (zero) measure, and one code
// that stands for two different interventions among the measures.
func ChildYears(measures []ladder.Measure, from, to date.Date) (ChildYearFigures, error) {
	const op = "measure.ChildYears"
	if err := checkPeriod(op, from, to); err != nil {
		errs := []error{err}
		for i := range measures {
			if !measures[i].IsValid() {
				errs = append(errs, invalidMeasure(op, i))
			}
		}
		return ChildYearFigures{}, errors.Join(errs...)
	}
	segs := yearSegments(from, to)
	byCode, errs := tallyDays(op, measures, from, to, segs)
	if len(errs) > 0 {
		return ChildYearFigures{}, errors.Join(errs...)
	}
	var period dayCount
	period.add(segs, from, to)
	f := ChildYearFigures{from: from, to: to, years: period.years(), codes: make([]codeYears, 0, len(byCode))}
	var groupDays [groupCount]dayCount
	for _, a := range byCode {
		f.codes = append(f.codes, codeYears{iv: a.iv, years: a.days.years()})
		for _, g := range PlacementGroups() {
			if g.Contains(a.iv) {
				groupDays[g].common += a.days.common
				groupDays[g].leap += a.days.leap
			}
		}
	}
	for g := range groupDays {
		f.groups[g] = groupDays[g].years()
	}
	slices.SortFunc(f.codes, func(a, b codeYears) int { return strings.Compare(a.iv.Code, b.iv.Code) })
	return f, nil
}

// codeDays is the days of one intervention code's measures in a period.
type codeDays struct {
	iv   ladder.Intervention
	days dayCount
}

// tallyDays checks the measures and adds up each code's days in [from, to]
// in one walk, reading each measure once. Errors: the invalid measures if
// there are any (then the counts mean nothing), else every measure whose
// code stands for another intervention than the code's first measure.
func tallyDays(op string, measures []ladder.Measure, from, to date.Date, segs []yearSeg) (map[string]*codeDays, []error) {
	byCode := make(map[string]*codeDays)
	var invalid, conflicts []error
	for i := range measures {
		m := &measures[i]
		if !m.IsValid() {
			invalid = append(invalid, invalidMeasure(op, i))
			continue
		}
		if len(invalid) > 0 || !m.Overlaps(from, to) {
			continue
		}
		code := m.Intervention().Code
		a := byCode[code]
		if a == nil {
			a = &codeDays{iv: m.Intervention()}
			byCode[code] = a
		} else if a.iv != m.Intervention() {
			conflicts = append(conflicts, fmt.Errorf("%s: measure %q: code %q stands for two different interventions (steps %s and %s)", op, m.ID(), code, a.iv.Step, m.Step()))
			continue
		}
		lo, hi := max(from, m.Start()), to
		if end, ok := m.End(); ok && end < hi {
			hi = end
		}
		a.days.add(segs, lo, hi)
	}
	if len(invalid) > 0 {
		return nil, invalid
	}
	return byCode, conflicts
}

func invalidMeasure(op string, i int) error {
	return fmt.Errorf("%s: measure %d is invalid (zero); build measures with ladder.NewMeasure", op, i)
}

// NewChildYearFigures builds figures from child-years per intervention code,
// as a statistics table gives them (KORA 2017 publishes child-years per
// placement type, not the spans behind them). Each code is looked up in cat
// (nil means ladder.Default()); the groups follow from the interventions.
//
// Errors, all reported at once and in code order: a code that is not in the
// catalogue (wrapping ladder.ErrUnknownIntervention), and a value that is
// negative, NaN or infinite. The map is not kept.
func NewChildYearFigures(cat *ladder.Catalogue, byCode map[string]float64) (ChildYearFigures, error) {
	const op = "measure.NewChildYearFigures"
	if cat == nil {
		cat = ladder.Default()
	}
	codes := make([]string, 0, len(byCode))
	for code := range byCode {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	var f ChildYearFigures
	var errs []error
	for _, code := range codes {
		v := byCode[code]
		iv, ok := cat.Get(code)
		if !ok {
			errs = append(errs, fmt.Errorf("%s: %w %q", op, ladder.ErrUnknownIntervention, code))
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			errs = append(errs, fmt.Errorf("%s: code %q: child-years %v is not a finite number ≥ 0", op, code, v))
			continue
		}
		if !ok {
			continue
		}
		f.codes = append(f.codes, codeYears{iv: iv, years: v})
		for _, g := range PlacementGroups() {
			if g.Contains(iv) {
				f.groups[g] += v
			}
		}
	}
	if len(errs) > 0 {
		return ChildYearFigures{}, errors.Join(errs...)
	}
	return f, nil
}

// Period returns the period the figures were counted over, and false for
// figures entered with NewChildYearFigures (or the zero value).
func (f ChildYearFigures) Period() (from, to date.Date, ok bool) {
	return f.from, f.to, f.from != 0
}

// Years returns the length of the period in years by the same day-count
// convention (exactly 1 for a calendar year), or 0 without a period.
func (f ChildYearFigures) Years() float64 { return f.years }

// Codes returns the intervention codes that have child-years, sorted.
func (f ChildYearFigures) Codes() []string {
	out := make([]string, len(f.codes))
	for i, c := range f.codes {
		out[i] = c.iv.Code
	}
	return out
}

func (f ChildYearFigures) lookup(code string) (codeYears, bool) {
	i, ok := slices.BinarySearchFunc(f.codes, code, func(c codeYears, code string) int { return strings.Compare(c.iv.Code, code) })
	if !ok {
		return codeYears{}, false
	}
	return f.codes[i], true
}

// Intervention returns the intervention behind a code in the figures.
func (f ChildYearFigures) Intervention(code string) (ladder.Intervention, bool) {
	c, ok := f.lookup(code)
	return c.iv, ok
}

// Code returns the child-years of one intervention code (0 if absent).
func (f ChildYearFigures) Code(code string) float64 {
	c, _ := f.lookup(code)
	return c.years
}

// Group returns the child-years of a placement group (0 for an invalid group).
func (f ChildYearFigures) Group(g PlacementGroup) float64 {
	if !g.IsValid() {
		return 0
	}
	return f.groups[g]
}

// GroupPercent returns the group's share of all placed child-years in
// percent (0–100), unrounded. ok is false when nothing is placed or g is
// invalid.
func (f ChildYearFigures) GroupPercent(g PlacementGroup) (pct float64, ok bool) {
	if !g.IsValid() {
		return 0, false
	}
	return percentOf(f.groups[g], f.groups[AllPlaced])
}

// CodePercent returns the code's share of all placed child-years in percent
// (0–100), unrounded. ok is false when nothing is placed or when the code is
// not a placement (its measures are not part of the total); a placement code
// without child-years is 0 %.
func (f ChildYearFigures) CodePercent(code string) (pct float64, ok bool) {
	c, found := f.lookup(code)
	if found && !c.iv.Placement {
		return 0, false
	}
	return percentOf(c.years, f.groups[AllPlaced])
}

// sourceOf cites the table that reports an intervention's child-years: the
// table of its placement group, else Tabel 2.1.
func sourceOf(iv ladder.Intervention) string {
	for _, g := range []PlacementGroup{InstitutionPlacements, FamilyCare, HomeBasedPlacements} {
		if g.Contains(iv) {
			return g.Source()
		}
	}
	return srcAllPlaced
}

func percentOf(part, whole float64) (float64, bool) {
	if whole <= 0 {
		return 0, false
	}
	return 100 * part / whole, true
}

// periodText describes how the figures were counted.
func (f ChildYearFigures) periodText() msg.Message {
	if f.from == 0 {
		return msg.New("measure.childyears.entered")
	}
	return msg.New("measure.childyears.period", "from", msg.Date(f.from), "to", msg.Date(f.to),
		"common", msg.Int(daysInCommonYear), "leap", msg.Int(daysInLeapYear))
}

// labels is a label given in Danish and English by data, as an argument.
// An empty label is left out, so that the language falls back visibly to
// the other ("[en] …") instead of showing nothing.
func labels(da, en string) msg.Value {
	byLang := make(map[msg.Lang]string, 2)
	for lang, l := range map[msg.Lang]string{msg.Danish: da, msg.English: en} {
		if l != "" {
			byLang[lang] = l
		}
	}
	return msg.Text(byLang)
}

// ExplainGroup says what the group's figure counted.
func (f ChildYearFigures) ExplainGroup(g PlacementGroup) FigureExplanation {
	if !g.IsValid() {
		return FigureExplanation{Figure: "aarsboern." + g.String()}
	}
	pct, ok := f.GroupPercent(g)
	share := msg.New("measure.childyears.group.share", "percent", msg.Int(RoundPercent(pct)))
	return FigureExplanation{
		Figure: "aarsboern." + g.String(),
		Source: g.Source(),
		Message: msg.New("measure.childyears.group", "group", labels(g.Danish(), g.English()),
			"years", msg.Float(f.groups[g], 2), "period", msg.Nested(f.periodText()),
			"share", optional(ok && g != AllPlaced, share)),
	}
}

// ExplainCode says what the figure of one intervention code counted.
func (f ChildYearFigures) ExplainCode(code string) FigureExplanation {
	c, ok := f.lookup(code)
	name, placed := msg.String(code), msg.New("measure.childyears.not-placement")
	if ok {
		name = labels(c.iv.Danish, c.iv.English)
		if c.iv.Placement {
			placed = msg.New("measure.childyears.placement")
		}
	}
	return FigureExplanation{
		Figure: "aarsboern.indsats." + code,
		Source: sourceOf(c.iv),
		Message: msg.New("measure.childyears.code", "name", name, "code", msg.String(code),
			"placement", msg.Nested(placed), "years", msg.Float(c.years, 2), "period", msg.Nested(f.periodText())),
	}
}

// ---------------------------------------------------------------------------
// Children on the ladder: step counts and moves

// ChildCase is one child's case (børnesag) with all its measures, for the
// figures that count children rather than measures. The zero value has no
// id and is rejected.
type ChildCase struct {
	ID       string
	Measures []ladder.Measure
}

// checkChildren validates ids and measures of every child.
func checkChildren(op string, children []ChildCase) []error {
	var errs []error
	cc := newChildChecker(op, children)
	for i := range children {
		errs = cc.check(errs, i)
	}
	return errs
}

// childChecker validates children one at a time, in order, so that a
// figure can check a child in the same walk that counts it, while its
// measures are at hand.
//
// While the ids come in increasing order, as a case system usually lists
// them, none can repeat and no set of ids is needed. At the first id out of
// order the checker builds the set from the ids before it and looks up
// every id after.
type childChecker struct {
	op       string
	children []ChildCase
	last     string          // the highest id so far, while in order
	seen     map[string]bool // nil while the ids are in order
}

func newChildChecker(op string, children []ChildCase) *childChecker {
	return &childChecker{op: op, children: children}
}

// check appends to errs what is wrong with child number i: an empty id, an
// id seen before, invalid (zero) measures. Call it for i = 0, 1, 2, ….
func (cc *childChecker) check(errs []error, i int) []error {
	c := &cc.children[i]
	if c.ID == "" {
		errs = append(errs, fmt.Errorf("%s: child %d has an empty id", cc.op, i))
	} else if cc.repeated(i) {
		errs = append(errs, fmt.Errorf("%s: duplicate child id %q", cc.op, c.ID))
	}
	for j := range c.Measures {
		if !c.Measures[j].IsValid() {
			errs = append(errs, fmt.Errorf("%s: child %q: measure %d is invalid (zero); build measures with ladder.NewMeasure", cc.op, c.ID, j))
		}
	}
	return errs
}

// repeated reports whether the non-empty id of child i is the id of a
// child before it.
func (cc *childChecker) repeated(i int) bool {
	id := cc.children[i].ID
	if cc.seen == nil {
		if id > cc.last {
			cc.last = id
			return false
		}
		cc.seen = make(map[string]bool, len(cc.children))
		for j := range i {
			cc.seen[cc.children[j].ID] = true
		}
	}
	if cc.seen[id] {
		return true
	}
	cc.seen[id] = true
	return false
}

// StepCounts is the number of children on each ladder step on one date, as
// in KORA 2017 Figur 2.1. The zero value counts no children.
type StepCounts struct {
	on     date.Date
	counts [ladder.Highest + 1]int
}

// CountSteps counts the children on each step on date on. Each child counts
// once, on the step of its position (ladder.StepAt, the step of
// ladder.PositionAt): the highest step among its active measures, or
// everyday life (hverdagsliv) when none is active. Its other active measures
// do not count again.
//
// This is a count on a date, not child-years: KORA 2017 notes that Figur
// 2.1 shows no children on the institution step in December 2015 while
// Tabel 2.2 has 2.06 institution child-years in 2015 (note 9). Cases under
// assessment (under afklaring) are a case status, not a step; a child with
// no active measure counts on everyday life.
//
// Errors, all reported at once: a zero date, a child without an id, two
// children with the same id, an invalid (zero) measure.
func CountSteps(children []ChildCase, on date.Date) (StepCounts, error) {
	const op = "measure.CountSteps"
	var errs []error
	if on == 0 {
		errs = append(errs, fmt.Errorf("%s: zero date", op))
	}
	// Check and count in one walk: each child's measures are read once.
	sc := StepCounts{on: on}
	cc := newChildChecker(op, children)
	for i := range children {
		errs = cc.check(errs, i)
		sc.counts[ladder.StepAt(children[i].Measures, on)]++
	}
	if len(errs) > 0 {
		return StepCounts{}, errors.Join(errs...)
	}
	return sc, nil
}

// On returns the date counted.
func (c StepCounts) On() date.Date { return c.on }

// Count returns the number of children on step s (0 for an invalid step).
func (c StepCounts) Count(s ladder.Step) int {
	if !s.IsValid() {
		return 0
	}
	return c.counts[s]
}

// Total returns the number of children counted, everyday life included.
func (c StepCounts) Total() int {
	n := 0
	for _, k := range c.counts {
		n += k
	}
	return n
}

// Explain says what was counted.
func (c StepCounts) Explain() FigureExplanation {
	return FigureExplanation{
		Figure:  "sager-pr-trin",
		Source:  srcStepCounts,
		Message: msg.New("measure.steps", "children", msg.Int(c.Total()), "on", msg.Date(c.on)),
	}
}

// MoveMatrix counts moves between ladder steps in a period, from step ×
// to step, as in KORA 2017 Figur 4.1. The zero value counts no moves.
type MoveMatrix struct {
	from, to date.Date
	cells    [ladder.Highest + 1][ladder.Highest + 1]int
	children int
}

// MoveCell is one non-zero cell of a MoveMatrix.
type MoveCell struct {
	From      ladder.Step      `json:"from"`
	To        ladder.Step      `json:"to"`
	Direction ladder.Direction `json:"direction"`
	Count     int              `json:"count"`
}

// CountMoves counts the children's moves between steps in [from, to], the
// moves of ladder.Moves (found with ladder.AppendMoves, which gives the same
// moves without allocating per child): a child whose position changes step
// counts once per change, so a child can contribute more than one move
// (three children appear twice in Figur 4.1). Lateral changes on one step
// are not moves, and a child who stays on one step has none.
//
// Errors, all reported at once: a zero date, to before from, a period of
// MaxPeriodYears years or more, a child without an id, two children with the
// same id, an invalid measure, and whatever ladder.Moves rejects for a child
// (e.g. two measures with one id), naming the child.
func CountMoves(children []ChildCase, from, to date.Date) (MoveMatrix, error) {
	const op = "measure.CountMoves"
	var errs []error
	if err := checkPeriod(op, from, to); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, checkChildren(op, children)...)
	if len(errs) > 0 {
		return MoveMatrix{}, errors.Join(errs...)
	}
	mm := MoveMatrix{from: from, to: to}
	var moves []ladder.Move // reused from child to child
	for i := range children {
		c := &children[i]
		var err error
		moves, err = ladder.AppendMoves(moves[:0], c.Measures, from, to)
		if err != nil {
			// AppendMoves rejects what Moves rejects; report it as Moves
			// words it, as documented above.
			_, err = ladder.Moves(c.Measures, from, to)
			errs = append(errs, fmt.Errorf("%s: child %q: %w", op, c.ID, err))
			continue
		}
		if len(moves) > 0 {
			mm.children++
		}
		for _, mv := range moves {
			mm.cells[mv.From][mv.To]++
		}
	}
	if len(errs) > 0 {
		return MoveMatrix{}, errors.Join(errs...)
	}
	return mm, nil
}

// Period returns the period counted.
func (m MoveMatrix) Period() (from, to date.Date) { return m.from, m.to }

// Count returns the number of moves from one step to another (0 for
// invalid steps or from == to).
func (m MoveMatrix) Count(from, to ladder.Step) int {
	if !from.IsValid() || !to.IsValid() {
		return 0
	}
	return m.cells[from][to]
}

// Cells returns the non-zero cells ordered by From, then To, least
// intrusive first.
func (m MoveMatrix) Cells() []MoveCell {
	var out []MoveCell
	for f := range m.cells {
		for t, n := range m.cells[f] {
			if n == 0 {
				continue
			}
			dir := ladder.Up
			if t < f {
				dir = ladder.Down
			}
			out = append(out, MoveCell{From: ladder.Step(f), To: ladder.Step(t), Direction: dir, Count: n})
		}
	}
	return out
}

// Up returns the number of moves to a more intrusive step.
func (m MoveMatrix) Up() int { return m.sum(func(f, t int) bool { return t > f }) }

// Down returns the number of moves towards everyday life.
func (m MoveMatrix) Down() int { return m.sum(func(f, t int) bool { return t < f }) }

// Total returns the number of moves.
func (m MoveMatrix) Total() int { return m.Up() + m.Down() }

// Children returns how many children moved at least once.
func (m MoveMatrix) Children() int { return m.children }

func (m MoveMatrix) sum(keep func(f, t int) bool) int {
	n := 0
	for f := range m.cells {
		for t, k := range m.cells[f] {
			if keep(f, t) {
				n += k
			}
		}
	}
	return n
}

// Explain says what was counted.
func (m MoveMatrix) Explain() FigureExplanation {
	return FigureExplanation{
		Figure: "flytninger-mellem-trin",
		Source: srcMoves,
		Message: msg.New("measure.moves", "moves", msg.Int(m.Total()), "from", msg.Date(m.from), "to", msg.Date(m.to),
			"down", msg.Int(m.Down()), "up", msg.Int(m.Up()), "children", msg.Int(m.children)),
	}
}

// ---------------------------------------------------------------------------
// Cases per worker

// CaseCounts is the number of children's cases per case worker. The zero
// value has no workers.
type CaseCounts struct {
	byWorker map[string]int
	workers  []string // sorted
}

// CasesPerWorker counts the distinct children per worker, given each
// child's worker (child id → worker id). A case is one child and has one
// responsible worker (KORA 2017 §5.2), which the map enforces. Leave
// children without a worker out.
//
// Errors, all reported at once in child order: an empty child id or an
// empty worker id.
func CasesPerWorker(workerOf map[string]string) (CaseCounts, error) {
	const op = "measure.CasesPerWorker"
	children := make([]string, 0, len(workerOf))
	for c := range workerOf {
		children = append(children, c)
	}
	slices.Sort(children)
	cc := CaseCounts{byWorker: make(map[string]int)}
	var errs []error
	for _, c := range children {
		w := workerOf[c]
		switch {
		case c == "":
			errs = append(errs, fmt.Errorf("%s: empty child id (worker %q)", op, w))
		case w == "":
			errs = append(errs, fmt.Errorf("%s: child %q has an empty worker id; leave unassigned children out", op, c))
		default:
			cc.byWorker[w]++
		}
	}
	if len(errs) > 0 {
		return CaseCounts{}, errors.Join(errs...)
	}
	for w := range cc.byWorker {
		cc.workers = append(cc.workers, w)
	}
	slices.Sort(cc.workers)
	return cc, nil
}

// Workers returns the worker ids, sorted.
func (c CaseCounts) Workers() []string { return slices.Clone(c.workers) }

// Cases returns the number of children of one worker (0 if unknown).
func (c CaseCounts) Cases(worker string) int { return c.byWorker[worker] }

// Children returns the number of children counted.
func (c CaseCounts) Children() int {
	n := 0
	for _, k := range c.byWorker {
		n += k
	}
	return n
}

// herningMeanCasesAim is the average number of cases per worker that
// Herning's model aims not to exceed (KORA 2017 §5.2).
const herningMeanCasesAim = 25

// Mean returns the average number of cases per worker, or 0 with no
// workers. Herning's model aims at an average of at most 25 (KORA 2017 §5.2).
func (c CaseCounts) Mean() float64 {
	if len(c.workers) == 0 {
		return 0
	}
	return float64(c.Children()) / float64(len(c.workers))
}

// Explain says what was counted.
func (c CaseCounts) Explain() FigureExplanation {
	return FigureExplanation{
		Figure: "sager-pr-raadgiver",
		Source: srcCaseload,
		Message: msg.New("measure.cases-per-worker", "cases", msg.Int(c.Children()), "workers", msg.Int(len(c.workers)),
			"mean", msg.Float(c.Mean(), 1), "aim", msg.Int(herningMeanCasesAim)),
	}
}

// ---------------------------------------------------------------------------
// Placement breakdowns (sammenbrud)

// BreakdownRate is the number of placement breakdowns (anbringelses-
// sammenbrud) per placed child-year, as KORA 2017 Tabel 3.1 reports it in
// percent. A breakdown, in Ankestyrelsen's definition, is a placement that
// ends because the child leaves the place or the place gives the child up.
//
// The zero value has no child-years and a rate of 0.
type BreakdownRate struct {
	breakdowns int
	childYears float64
}

// NewBreakdownRate returns the rate of breakdowns over placed child-years
// (ChildYearFigures.Group(AllPlaced) for the same year). Errors: a negative
// number of breakdowns, or child-years that are not a finite number above 0.
func NewBreakdownRate(breakdowns int, placedChildYears float64) (BreakdownRate, error) {
	const op = "measure.NewBreakdownRate"
	var errs []error
	if breakdowns < 0 {
		errs = append(errs, fmt.Errorf("%s: negative number of breakdowns %d", op, breakdowns))
	}
	if math.IsNaN(placedChildYears) || math.IsInf(placedChildYears, 0) || placedChildYears <= 0 {
		errs = append(errs, fmt.Errorf("%s: placed child-years %v is not a finite number above 0", op, placedChildYears))
	}
	if len(errs) > 0 {
		return BreakdownRate{}, errors.Join(errs...)
	}
	return BreakdownRate{breakdowns: breakdowns, childYears: placedChildYears}, nil
}

// Breakdowns returns the number of breakdowns.
func (r BreakdownRate) Breakdowns() int { return r.breakdowns }

// ChildYears returns the placed child-years.
func (r BreakdownRate) ChildYears() float64 { return r.childYears }

// PerChildYear returns breakdowns per placed child-year (0 for the zero value).
func (r BreakdownRate) PerChildYear() float64 {
	if r.childYears <= 0 {
		return 0
	}
	return float64(r.breakdowns) / r.childYears
}

// Percent returns the rate in percent of placed child-years, as published.
func (r BreakdownRate) Percent() float64 { return 100 * r.PerChildYear() }

// Explain says what was counted.
func (r BreakdownRate) Explain() FigureExplanation {
	return FigureExplanation{
		Figure: "sammenbrud",
		Source: srcBreakdowns,
		Message: msg.New("measure.breakdowns", "breakdowns", msg.Int(r.breakdowns),
			"childYears", msg.Float(r.childYears, 2), "percent", msg.Float(r.Percent(), 1)),
	}
}

// ---------------------------------------------------------------------------
// SDQ

// MaxSDQ is the highest SDQ total difficulties score.
const MaxSDQ = 40

// SDQ is a total difficulties score of the Strengths and Difficulties
// Questionnaire: 0 to 40, higher means more problems (KORA 2017 §3.3). The
// zero value is a valid score of 0, no difficulties reported.
//
// As JSON an SDQ is a number; reading one outside 0–40 is an error.
type SDQ uint8

// NewSDQ returns the score, or an error if it is outside 0–40.
func NewSDQ(score int) (SDQ, error) {
	if score < 0 || score > MaxSDQ {
		return 0, fmt.Errorf("measure.NewSDQ: SDQ total difficulties score %d is outside 0–%d", score, MaxSDQ)
	}
	return SDQ(score), nil
}

// Score returns the score as an int.
func (s SDQ) Score() int { return int(s) }

// IsValid reports whether the score is within 0–40.
func (s SDQ) IsValid() bool { return s <= MaxSDQ }

// String returns the score, e.g. "12", or a diagnostic like "measure.SDQ(41)".
func (s SDQ) String() string {
	if !s.IsValid() {
		return "measure.SDQ(" + strconv.Itoa(int(s)) + ")"
	}
	return strconv.Itoa(int(s))
}

// ChangeTo returns after − s. A negative change is an improvement (fewer
// difficulties), a positive one a deterioration.
func (s SDQ) ChangeTo(after SDQ) int { return int(after) - int(s) }

// MarshalJSON writes the score as a number; an invalid score is an error.
func (s SDQ) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("measure.SDQ.MarshalJSON: SDQ total difficulties score %d is outside 0–%d", uint8(s), MaxSDQ)
	}
	return []byte(strconv.Itoa(int(s))), nil
}

// UnmarshalJSON reads a whole number 0–40 (null leaves s unchanged); on
// error s is unchanged.
func (s *SDQ) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("measure.SDQ.UnmarshalJSON: %s is not a whole-number score: %w", b, err)
	}
	v, err := NewSDQ(n)
	if err != nil {
		return fmt.Errorf("measure.SDQ.UnmarshalJSON: %w", err)
	}
	*s = v
	return nil
}

// SDQPair is one child's score at two measurements.
type SDQPair struct {
	Before SDQ `json:"before"`
	After  SDQ `json:"after"`
}

// Change returns After − Before (negative = improvement).
func (p SDQPair) Change() int { return p.Before.ChangeTo(p.After) }

// SDQSummary summarises paired SDQ measurements, as KORA 2017 Tabel 3.3
// compares the mean score of the same children in 2014 and 2016.
type SDQSummary struct {
	N          int     `json:"n"`
	MeanBefore float64 `json:"meanBefore"`
	MeanAfter  float64 `json:"meanAfter"`
	// MeanChange is MeanAfter − MeanBefore: negative is an improvement.
	MeanChange float64 `json:"meanChange"`
	// Improved, Unchanged and Worsened count the children by their own change.
	Improved  int `json:"improved"`
	Unchanged int `json:"unchanged"`
	Worsened  int `json:"worsened"`
}

// SummarizeSDQ returns the mean scores and the mean change over the pairs.
// Errors: no pairs, or a score outside 0–40 (naming the pair).
func SummarizeSDQ(pairs []SDQPair) (SDQSummary, error) {
	const op = "measure.SummarizeSDQ"
	if len(pairs) == 0 {
		return SDQSummary{}, fmt.Errorf("%s: no pairs of scores", op)
	}
	var errs []error
	var s SDQSummary
	var before, after int
	for i, p := range pairs {
		if !p.Before.IsValid() || !p.After.IsValid() {
			errs = append(errs, fmt.Errorf("%s: pair %d: score %s → %s is outside 0–%d", op, i, p.Before, p.After, MaxSDQ))
			continue
		}
		before += int(p.Before)
		after += int(p.After)
		switch d := p.Change(); {
		case d < 0:
			s.Improved++
		case d > 0:
			s.Worsened++
		default:
			s.Unchanged++
		}
	}
	if len(errs) > 0 {
		return SDQSummary{}, errors.Join(errs...)
	}
	s.N = len(pairs)
	s.MeanBefore = float64(before) / float64(s.N)
	s.MeanAfter = float64(after) / float64(s.N)
	s.MeanChange = float64(after-before) / float64(s.N)
	return s, nil
}

// Explain says what was counted.
func (s SDQSummary) Explain() FigureExplanation {
	return FigureExplanation{
		Figure: "sdq",
		Source: srcSDQ,
		Message: msg.New("measure.sdq", "max", msg.Int(MaxSDQ), "children", msg.Int(s.N),
			"before", msg.Float(s.MeanBefore, 1), "after", msg.Float(s.MeanAfter, 1), "change", msg.Float(s.MeanChange, 1),
			"improved", msg.Int(s.Improved), "unchanged", msg.Int(s.Unchanged), "worsened", msg.Int(s.Worsened)),
	}
}
