package followup

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"sync"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Receipt (kvittering) says what an answer was computed with, so that it
// can be audited and computed again years later: trappe's version, every
// rule set of the regime with the SHA-256 of its data, the working-day
// calendar, the as-of date and horizon, and the SHA-256 of the input as it
// was received. Build one with Regime.Receipt; check one and get the
// options to compute the answer again with Receipt.Replay.
//
// The zero Receipt names nothing. A Receipt is a record: its slices belong
// to it, and Regime.Receipt and UnmarshalJSON give fresh ones.
type Receipt struct {
	// Trappe is the version of the module github.com/trappe-dk/trappe the
	// program was built with, as the Go toolchain recorded it
	// (runtime/debug.ReadBuildInfo): a release such as "v1.2.0", a
	// pseudo-version, or "devel" when built from a clone without one.
	Trappe string
	// RuleSets are the regime's rule sets: the municipal one first, then
	// the statutory ones, oldest first.
	RuleSets []RuleSetReceipt
	// Calendar is the working-day calendar.
	Calendar CalendarReceipt
	// AsOf is the as-of date ("today"), zero when the answer has none.
	AsOf date.Date
	// Until is the horizon: the last due date the answer covers, zero when
	// the answer has none.
	Until date.Date
	// InputSHA256 is the hex SHA-256 of the input bytes as received, ""
	// when the answer read no input.
	InputSHA256 string
}

// RuleSetReceipt names one rule set of a receipt and the SHA-256 of its
// data (RuleSet.SHA256).
type RuleSetReceipt struct {
	Name      string
	Layer     Layer
	Effective date.Date
	// Until is the set's last day in force, zero when it is open.
	Until  date.Date
	SHA256 string
}

// CalendarReceipt is the working-day calendar of a receipt: the options of
// workday.Calendar (workday.Options) under the Danish holidays of the
// workday package.
type CalendarReceipt struct {
	// Holidays names the holiday rules: "dk", the helligdage of the
	// workday package.
	Holidays string
	// Closed24Dec and Closed31Dec: juleaftensdag and nytårsaftensdag are
	// closed (workday.Options.ChristmasEveClosed, NewYearsEveClosed).
	Closed24Dec bool
	Closed31Dec bool
	// ExtraClosed are the municipality's own closing days (lukkedage),
	// sorted, without duplicates.
	ExtraClosed []date.Date
}

// HolidaysDK names the Danish holiday rules of the workday package in a
// CalendarReceipt.
const HolidaysDK = "dk"

// SHA256 returns the hex SHA-256 of the rule set's canonical JSON: the
// bytes json.Marshal writes for it. encoding/json writes a struct's fields
// in their declared order and sorts map keys, so equal data gives equal
// bytes and two sets with the same SHA-256 schedule alike. A nil set gives
// "".
func (rs *RuleSet) SHA256() string {
	if rs == nil {
		return ""
	}
	b, err := json.Marshal(rs)
	if err != nil {
		// NewRuleSet has checked every code the JSON writes; no set it
		// built fails here.
		return ""
	}
	return sha256Hex(b)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Receipt returns the receipt of an answer computed by the regime with opt
// from input: the rule sets, opt.Calendar's options, opt.AsOf and the
// horizon the scheduler uses (opt.Until, or one year after AsOf when it is
// zero), and the SHA-256 of input. A nil input means the answer read none
// (InputSHA256 is ""); an empty one is hashed. A zero AsOf leaves AsOf and
// Until zero.
func (r *Regime) Receipt(opt Options, input []byte) Receipt {
	rc := Receipt{Trappe: Version(), RuleSets: []RuleSetReceipt{}, Calendar: calendarReceipt(opt.Calendar)}
	for _, s := range append([]*RuleSet{r.Municipal()}, r.StatutorySets()...) {
		if s != nil {
			rc.RuleSets = append(rc.RuleSets, RuleSetReceipt{Name: s.Name(), Layer: s.Layer(),
				Effective: s.Effective(), Until: s.spec.Until, SHA256: s.SHA256()})
		}
	}
	if opt.AsOf != 0 {
		rc.AsOf, rc.Until = opt.AsOf, opt.Until
		if rc.Until == 0 {
			rc.Until = AddMonths(opt.AsOf, 12)
		}
	}
	if input != nil {
		rc.InputSHA256 = sha256Hex(input)
	}
	return rc
}

func calendarReceipt(c *workday.Calendar) CalendarReceipt {
	o := c.Options()
	extra := o.ExtraClosed
	if extra == nil {
		extra = []date.Date{}
	}
	return CalendarReceipt{Holidays: HolidaysDK, Closed24Dec: o.ChristmasEveClosed, Closed31Dec: o.NewYearsEveClosed, ExtraClosed: extra}
}

// modulePath is the path of the module whose version a receipt records.
const modulePath = "github.com/trappe-dk/trappe"

// Version returns the version of trappe the program was built with, as a
// Receipt records it: the version the Go toolchain stamped for the module
// github.com/trappe-dk/trappe (the main module, or a dependency of it),
// or "devel" for a build from a clone that has none ("(devel)").
func Version() string { return version() }

var version = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionIn(bi)
})

// versionIn finds trappe's version in a build's information.
func versionIn(bi *debug.BuildInfo) string {
	m := &bi.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
				break
			}
		}
	}
	if m != nil && m.Replace != nil {
		m = m.Replace
	}
	if m == nil || m.Version == "" || m.Version == "(devel)" {
		return "devel"
	}
	return m.Version
}

// Replay checks that the regime holds exactly the rule sets the receipt
// names (by their SHA-256) and that input is the input the answer was
// computed from, and returns the options to compute it again: the
// receipt's as-of date and horizon and its calendar, rebuilt. Every
// problem is reported at once in a *finding.ListError. The version is not
// checked: another version of trappe may compute another answer from the
// same rules and input, which is what the version in the receipt is there
// to show.
func (rc Receipt) Replay(r *Regime, input []byte) (Options, error) {
	var l finding.List
	add := func(code, subject string, args ...any) {
		l = append(l, finding.New(code, finding.Error, subject, "", args...))
	}
	got := ""
	if input != nil {
		got = sha256Hex(input)
	}
	if got != rc.InputSHA256 {
		add("receipt.input.changed", "inputSha256", "want", msg.String(rc.InputSHA256), "got", msg.String(got))
	}
	have := map[string]*RuleSet{}
	for _, s := range append([]*RuleSet{r.Municipal()}, r.StatutorySets()...) {
		if s != nil {
			have[s.SHA256()] = s
		}
	}
	named := map[string]bool{}
	for _, s := range rc.RuleSets {
		named[s.SHA256] = true
		if have[s.SHA256] == nil {
			add("receipt.rule-set.missing", s.Name, "name", msg.String(s.Name), "sha256", msg.String(s.SHA256))
		}
	}
	for _, s := range append([]*RuleSet{r.Municipal()}, r.StatutorySets()...) {
		if s != nil && !named[s.SHA256()] {
			add("receipt.rule-set.extra", s.Name(), "name", msg.String(s.Name()))
		}
	}
	if rc.AsOf == 0 {
		add("receipt.as-of.missing", "asOf")
	}
	if rc.Calendar.Holidays != HolidaysDK {
		add("receipt.calendar.holidays", "calendar", "holidays", msg.String(rc.Calendar.Holidays))
	}
	cal, err := workday.New(workday.Options{ChristmasEveClosed: rc.Calendar.Closed24Dec,
		NewYearsEveClosed: rc.Calendar.Closed31Dec, ExtraClosed: rc.Calendar.ExtraClosed})
	if err != nil {
		add("receipt.calendar.invalid", "calendar", "reason", msg.String(err.Error()))
	}
	if err := l.Err("followup.Receipt.Replay"); err != nil {
		return Options{}, err
	}
	return Options{AsOf: rc.AsOf, Until: rc.Until, Calendar: cal}, nil
}

// ---- JSON ----

// receiptJSON is a Receipt on the wire; dates are strict YYYY-MM-DD.
type receiptJSON struct {
	Trappe      string               `json:"trappe"`
	RuleSets    []ruleSetReceiptJSON `json:"ruleSets"`
	Calendar    calendarReceiptJSON  `json:"calendar"`
	AsOf        string               `json:"asOf,omitempty"`
	Until       string               `json:"until,omitempty"`
	InputSHA256 string               `json:"inputSha256,omitempty"`
}

type ruleSetReceiptJSON struct {
	Name      string `json:"name"`
	Layer     Layer  `json:"layer"`
	Effective string `json:"effective"`
	Until     string `json:"until,omitempty"`
	SHA256    string `json:"sha256"`
}

type calendarReceiptJSON struct {
	Holidays    string   `json:"holidays"`
	Closed24Dec bool     `json:"closed24Dec"`
	Closed31Dec bool     `json:"closed31Dec"`
	ExtraClosed []string `json:"extraClosed"`
}

// MarshalJSON writes the receipt:
//
//	{"trappe": "v1.2.0", "ruleSets": [{"name", "layer", "effective", "until", "sha256"}, …],
//	 "calendar": {"holidays": "dk", "closed24Dec", "closed31Dec", "extraClosed": [dates]},
//	 "asOf", "until", "inputSha256"}
//
// A rule set's "until" is left out when the set is open, and "asOf",
// "until" and "inputSha256" when the answer has none.
func (rc Receipt) MarshalJSON() ([]byte, error) {
	j := receiptJSON{Trappe: rc.Trappe, RuleSets: []ruleSetReceiptJSON{}, AsOf: dateOrEmpty(rc.AsOf),
		Until: dateOrEmpty(rc.Until), InputSHA256: rc.InputSHA256,
		Calendar: calendarReceiptJSON{Holidays: rc.Calendar.Holidays, Closed24Dec: rc.Calendar.Closed24Dec,
			Closed31Dec: rc.Calendar.Closed31Dec, ExtraClosed: []string{}}}
	for _, s := range rc.RuleSets {
		j.RuleSets = append(j.RuleSets, ruleSetReceiptJSON{Name: s.Name, Layer: s.Layer, Effective: dateOrEmpty(s.Effective),
			Until: dateOrEmpty(s.Until), SHA256: s.SHA256})
	}
	for _, d := range rc.Calendar.ExtraClosed {
		j.Calendar.ExtraClosed = append(j.Calendar.ExtraClosed, d.String())
	}
	return json.Marshal(j)
}

var hexSHA256 = regexp.MustCompile(`^[0-9a-f]{64}$`)

// UnmarshalJSON reads what MarshalJSON writes, strictly: no unknown
// field, dates that exist as YYYY-MM-DD, digests of 64 lower-case hex
// digits. On error rc is unchanged.
func (rc *Receipt) UnmarshalJSON(b []byte) error {
	const op = "followup.Receipt.UnmarshalJSON"
	var j receiptJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	var errs []error
	day := func(field, s string, required bool) date.Date {
		if s == "" && !required {
			return 0
		}
		d, err := ladder.ParseDate(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("field %q: %w", field, err))
		}
		return d
	}
	digest := func(field, s string) string {
		if !hexSHA256.MatchString(s) {
			errs = append(errs, fmt.Errorf("field %q: %q is not a hex SHA-256", field, s))
		}
		return s
	}
	out := Receipt{Trappe: j.Trappe, RuleSets: []RuleSetReceipt{}, AsOf: day("asOf", j.AsOf, false), Until: day("until", j.Until, false),
		Calendar: CalendarReceipt{Holidays: j.Calendar.Holidays, Closed24Dec: j.Calendar.Closed24Dec,
			Closed31Dec: j.Calendar.Closed31Dec, ExtraClosed: []date.Date{}}}
	if j.InputSHA256 != "" {
		out.InputSHA256 = digest("inputSha256", j.InputSHA256)
	}
	for i, s := range j.RuleSets {
		f := fmt.Sprintf("ruleSets[%d].", i)
		out.RuleSets = append(out.RuleSets, RuleSetReceipt{Name: s.Name, Layer: s.Layer,
			Effective: day(f+"effective", s.Effective, true), Until: day(f+"until", s.Until, false),
			SHA256: digest(f+"sha256", s.SHA256)})
	}
	for i, s := range j.Calendar.ExtraClosed {
		out.Calendar.ExtraClosed = append(out.Calendar.ExtraClosed, day(fmt.Sprintf("calendar.extraClosed[%d]", i), s, true))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s: %w", op, errors.Join(errs...))
	}
	*rc = out
	return nil
}
