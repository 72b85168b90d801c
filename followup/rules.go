package followup

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// Text is a short text in Danish and English.
type Text struct {
	Da string `json:"da"`
	En string `json:"en"`
}

// In returns the text in "da" or, for anything else, English.
func (t Text) In(lang string) string {
	if lang == "da" {
		return t.Da
	}
	return t.En
}

// Content is what an item requires: the child conversation, the allowed
// modes, who takes part, where, and what is decided. At every follow-up the
// child is talked with and it is decided whether new goals go into the plan
// (Kompendium s. 32).
type Content struct {
	ChildConversation ChildTalk  `json:"childConversation"`
	Modes             Modes      `json:"modes"`
	Participants      []string   `json:"participants,omitempty"` // Danish role names
	Place             string     `json:"place,omitempty"`        // Danish, e.g. "på Familiecenteret"
	Decides           []Decision `json:"decides,omitempty"`
	Note              Text       `json:"note,omitempty"`
}

func (c Content) clone() Content {
	c.Participants = slices.Clone(c.Participants)
	c.Decides = slices.Clone(c.Decides)
	return c
}

// Fixed is an item at a fixed offset from the measure's start.
type Fixed struct {
	At      Span    `json:"at"`
	Kind    Kind    `json:"kind"`
	Content Content `json:"content"`
}

// Phase is a recurring follow-up: Every after the previous follow-up (held
// date if held, else due date). The phase applies while the previous
// follow-up lies before start + Until; a zero Until never ends. The items'
// contents are taken from Cycle in turn (Cycle[0], Cycle[1], …, Cycle[0], …).
type Phase struct {
	Every Span `json:"every"`
	Until Span `json:"until,omitzero"`
	// AfterFixed: the phase only starts once every fixed item has come
	// ("+4 weeks, +3 and +6 months, then every 3 months"), and until then a
	// fixed meeting is due at its offset or one Every after the previous
	// follow-up, whichever is earlier. Otherwise the phase's items compete
	// with the fixed ones and the earlier comes first.
	AfterFixed bool      `json:"afterFixed,omitempty"`
	Kind       Kind      `json:"kind"`
	Cycle      []Content `json:"cycle"`
}

// Rule is one municipal follow-up rule, such as H-INST: fixed items from the
// start and recurring phases from the previous follow-up.
type Rule struct {
	ID        string  `json:"id"`
	Name      Text    `json:"name"`
	Source    string  `json:"source"`
	Fixed     []Fixed `json:"fixed,omitempty"`
	Recurring []Phase `json:"recurring,omitempty"`
}

// ruleItem names one item of a rule: a fixed item by its index, or the
// first item of a recurring phase; -1 where it is not of that sort.
type ruleItem struct{ fixed, phase int }

// firstMeeting is the rule's first follow-up (where the plan is made
// concrete): its first fixed meeting, or, with none, the first item of its
// first phase. No exception relaxes it.
func (r *Rule) firstMeeting() ruleItem {
	for i, f := range r.Fixed {
		if f.Kind.IsMeeting() {
			return ruleItem{fixed: i, phase: -1}
		}
	}
	if len(r.Recurring) > 0 {
		return ruleItem{fixed: -1, phase: 0}
	}
	return ruleItem{fixed: -1, phase: -1}
}

// ends reports whether the rule runs out: it has no recurring phase, so
// after its last fixed item it schedules nothing more.
func (r *Rule) ends() bool { return len(r.Recurring) == 0 }

func (r Rule) clone() Rule {
	f := make([]Fixed, len(r.Fixed))
	for i, x := range r.Fixed {
		x.Content = x.Content.clone()
		f[i] = x
	}
	p := make([]Phase, len(r.Recurring))
	for i, x := range r.Recurring {
		cy := make([]Content, len(x.Cycle))
		for j, c := range x.Cycle {
			cy[j] = c.clone()
		}
		x.Cycle = cy
		p[i] = x
	}
	r.Fixed, r.Recurring = f, p
	return r
}

// Exception is a municipal exception (undtagelse) that relaxes some of the
// extra, non-statutory follow-ups of some rules. Which ones is data: Scope
// names the rules and, in each, the fixed items and recurring phases it
// relaxes. It must be approved by the team leader on each measure (Grant).
//
// Three things no exception can do, whatever its scope says: relax a
// follow-up the statutory chain marks (the law's, or the municipality's
// decided half-yearly chain under BL § 95), relax the rule's first
// follow-up (where the plan is made concrete), or move a date. A scope that
// names a rule's first follow-up is rejected when the rule set is built.
type Exception struct {
	ID     string `json:"id"`
	Name   Text   `json:"name"`
	When   Text   `json:"when"` // when it may be granted
	Source string `json:"source"`
	// Scope lists the follow-ups the exception relaxes, rule by rule.
	Scope []Scope `json:"scope"`
	// Reading says how the source was read where it is ambiguous, for the
	// explanation a case worker sees (empty if the source is plain).
	Reading Text `json:"reading,omitzero"`
	// Relaxes must be "extra": exceptions relax only the follow-ups beyond
	// the law's. Any other value is rejected, which keeps a rule set from
	// relaxing the statutory floor.
	Relaxes string `json:"relaxes"`
	// AddModes are allowed in addition to the rule's modes on the items in
	// scope.
	AddModes Modes `json:"addModes,omitempty"`
	// ChildConversationOptional lets the items in scope go without a child
	// conversation.
	ChildConversationOptional bool `json:"childConversationOptional,omitempty"`
}

// Scope is the part of one rule an exception relaxes: the fixed items by
// their index in Rule.Fixed and the recurring phases by their index in
// Rule.Recurring (every item of a named phase). Only meeting items can be
// named, and never the rule's first follow-up.
type Scope struct {
	Rule      string `json:"rule"`
	Fixed     []int  `json:"fixed,omitempty"`
	Recurring []int  `json:"recurring,omitempty"`
}

// AppliesTo returns the ids of the rules the exception's scope names, in
// order.
func (e Exception) AppliesTo() []string {
	out := make([]string, len(e.Scope))
	for i, sc := range e.Scope {
		out[i] = sc.Rule
	}
	return out
}

// covers reports whether the exception's scope names the item of rule at
// fixed index fixed (-1 if none) or recurring phase phase (-1 if none).
func (e *Exception) covers(rule string, fixed, phase int) bool {
	for _, sc := range e.Scope {
		if sc.Rule != rule {
			continue
		}
		if (fixed >= 0 && slices.Contains(sc.Fixed, fixed)) || (phase >= 0 && slices.Contains(sc.Recurring, phase)) {
			return true
		}
	}
	return false
}

func (e Exception) clone() Exception {
	sc := make([]Scope, len(e.Scope))
	for i, x := range e.Scope {
		x.Fixed, x.Recurring = slices.Clone(x.Fixed), slices.Clone(x.Recurring)
		sc[i] = x
	}
	e.Scope = sc
	return e
}

// Binding binds an intervention code (ladder) to the id of the rule that
// follows it up in this municipality. A code the set does not bind gets the
// statutory floor only.
type Binding struct {
	Code string `json:"code"`
	Rule string `json:"rule"`
}

// StatutoryFollowUp is the law's follow-up chain: the first follow-up at the
// latest First after the start; after that at most Then apart. A zero Then
// means the law sets no interval and the municipality decides (BL § 95).
type StatutoryFollowUp struct {
	ID     string `json:"id"`
	Name   Text   `json:"name"`
	Source string `json:"source"`
	First  Span   `json:"first"`
	Then   Span   `json:"then,omitzero"`
	// FirstByAssessmentEnd: the first follow-up is due at the end of an
	// assessment run alongside the measure, if that comes before First.
	FirstByAssessmentEnd bool `json:"firstByAssessmentEnd,omitempty"`
	// Covers lists the legal bases the chain applies to.
	Covers []ladder.Basis `json:"covers"`
}

// StatutoryVisits is the law's supervision of placements: PerYear visits at
// the placement with a conversation with the child. The scheduler keeps
// visits at most Every apart, which gives at least PerYear in every year.
type StatutoryVisits struct {
	ID      string `json:"id"`
	Name    Text   `json:"name"`
	Source  string `json:"source"`
	PerYear int    `json:"perYear"`
	Every   Span   `json:"every"`
}

// StatutoryRules is the content of a statutory rule set.
type StatutoryRules struct {
	FollowUp StatutoryFollowUp `json:"followUp"`
	Visits   *StatutoryVisits  `json:"visits,omitempty"`
	// PhoneChildConversation says whether a child conversation by phone
	// meets the statutory conversation on a follow-up. Whether it does
	// under BL § 5 is unconfirmed, so it is a setting; a supervision visit
	// is always in person at the placement.
	PhoneChildConversation bool `json:"phoneChildConversation"`
	// Intake holds the law's intake deadlines (the notification assessed
	// within 24 hours, the child assessment, the child's plan, hearing the
	// child), each row dated within the set.
	Intake []IntakeRule `json:"intake,omitempty"`
}

// RuleSetSpec is the data of a rule set, as a vendor writes it in Go or
// JSON. NewRuleSet validates it.
type RuleSetSpec struct {
	Name      string    `json:"name"`
	Layer     Layer     `json:"layer"`
	Effective date.Date `json:"effective"`       // first day in force
	Until     date.Date `json:"until,omitempty"` // last day in force; zero: open
	Source    string    `json:"source"`
	// Municipal sets: rules, exceptions, which intervention codes use which
	// rule, and the municipality's standing decision under BL § 95 on how
	// follow-up goes on after the first statutory follow-up where the law
	// sets no interval (nil: none; each measure then needs its own recorded
	// decision). The decision applies to the measures bound to a rule.
	Rules      []Rule           `json:"rules,omitempty"`
	Exceptions []Exception      `json:"exceptions,omitempty"`
	Bindings   []Binding        `json:"bindings,omitempty"`
	Decision   *CadenceDecision `json:"decision,omitempty"`
	// Intake holds the municipality's own intake requirements and
	// deadlines (Herning: a network map in every child assessment from
	// 2016).
	Intake []IntakeRule `json:"intake,omitempty"`
	// Statutory sets: the law's chain and visits.
	Statutory *StatutoryRules `json:"statutory,omitempty"`
}

// RuleSet is a validated, immutable set of follow-up rules: either the law
// (a statutory set) or a municipality's practice (a municipal set). Build it
// with NewRuleSet or json.Unmarshal; a nil or zero RuleSet has no rules.
// Safe for concurrent use.
type RuleSet struct {
	spec     RuleSetSpec
	rules    map[string]int
	excs     map[string]int
	bindings map[string]int // intervention code → index into spec.Rules
}

// NewRuleSet validates spec and returns the rule set. Every problem is
// reported at once in a *finding.ListError. spec is copied; later changes to
// its slices do not affect the rule set.
func NewRuleSet(spec RuleSetSpec) (*RuleSet, error) {
	spec = spec.clone()
	if err := validateSpec(spec).Err("followup.NewRuleSet"); err != nil {
		return nil, err
	}
	rs := &RuleSet{spec: spec, rules: map[string]int{}, excs: map[string]int{}, bindings: map[string]int{}}
	for i, r := range spec.Rules {
		rs.rules[r.ID] = i
	}
	for i, e := range spec.Exceptions {
		rs.excs[e.ID] = i
	}
	for _, b := range spec.Bindings {
		rs.bindings[b.Code] = rs.rules[b.Rule]
	}
	return rs, nil
}

// MustRuleSet is NewRuleSet for package-level literals; it panics on error.
func MustRuleSet(spec RuleSetSpec) *RuleSet {
	rs, err := NewRuleSet(spec)
	if err != nil {
		panic(err)
	}
	return rs
}

func (s RuleSetSpec) clone() RuleSetSpec {
	rules := make([]Rule, len(s.Rules))
	for i, r := range s.Rules {
		rules[i] = r.clone()
	}
	excs := make([]Exception, len(s.Exceptions))
	for i, e := range s.Exceptions {
		excs[i] = e.clone()
	}
	s.Rules, s.Exceptions = rules, excs
	s.Bindings = slices.Clone(s.Bindings)
	s.Intake = cloneIntake(s.Intake)
	if s.Decision != nil {
		d := *s.Decision
		s.Decision = &d
	}
	if s.Statutory != nil {
		st := *s.Statutory
		st.FollowUp.Covers = slices.Clone(st.FollowUp.Covers)
		st.Intake = cloneIntake(st.Intake)
		if st.Visits != nil {
			v := *st.Visits
			st.Visits = &v
		}
		s.Statutory = &st
	}
	return s
}

// Spec returns a deep copy of the rule set's data.
func (rs *RuleSet) Spec() RuleSetSpec {
	if rs == nil {
		return RuleSetSpec{}
	}
	return rs.spec.clone()
}

// Name returns the rule set's name.
func (rs *RuleSet) Name() string {
	if rs == nil {
		return ""
	}
	return rs.spec.Name
}

// Layer returns statutory or municipal.
func (rs *RuleSet) Layer() Layer {
	if rs == nil {
		return 0
	}
	return rs.spec.Layer
}

// Effective returns the first day the set is in force.
func (rs *RuleSet) Effective() date.Date {
	if rs == nil {
		return 0
	}
	return rs.spec.Effective
}

// InForce reports whether the set is in force on d.
func (rs *RuleSet) InForce(d date.Date) bool {
	return rs != nil && d >= rs.spec.Effective && (rs.spec.Until == 0 || d <= rs.spec.Until)
}

// Rule returns a copy of the rule with the given id.
func (rs *RuleSet) Rule(id string) (Rule, bool) {
	if rs == nil {
		return Rule{}, false
	}
	i, ok := rs.rules[id]
	if !ok {
		return Rule{}, false
	}
	return rs.spec.Rules[i].clone(), true
}

// Rules returns copies of every rule, in the set's order.
func (rs *RuleSet) Rules() []Rule {
	if rs == nil {
		return nil
	}
	out := make([]Rule, len(rs.spec.Rules))
	for i, r := range rs.spec.Rules {
		out[i] = r.clone()
	}
	return out
}

// RuleFor returns a copy of the rule the set binds intervention code to,
// and false if it binds none (the statutory floor alone applies).
func (rs *RuleSet) RuleFor(code string) (Rule, bool) {
	if rs == nil {
		return Rule{}, false
	}
	i, ok := rs.bindings[code]
	if !ok {
		return Rule{}, false
	}
	return rs.spec.Rules[i].clone(), true
}

// ruleFor is RuleFor without the copy, for the scheduler.
func (rs *RuleSet) ruleFor(code string) *Rule {
	if rs == nil {
		return nil
	}
	if i, ok := rs.bindings[code]; ok {
		return &rs.spec.Rules[i]
	}
	return nil
}

// Bindings returns which intervention codes use which rule, in the set's
// order.
func (rs *RuleSet) Bindings() []Binding {
	if rs == nil {
		return nil
	}
	return slices.Clone(rs.spec.Bindings)
}

// Decision returns the municipality's standing decision under BL § 95, and
// false if it recorded none.
func (rs *RuleSet) Decision() (CadenceDecision, bool) {
	if rs == nil || rs.spec.Decision == nil {
		return CadenceDecision{}, false
	}
	return *rs.spec.Decision, true
}

// Exception returns a copy of the exception with the given id.
func (rs *RuleSet) Exception(id string) (Exception, bool) {
	if rs == nil {
		return Exception{}, false
	}
	i, ok := rs.excs[id]
	if !ok {
		return Exception{}, false
	}
	return rs.spec.Exceptions[i].clone(), true
}

// Exceptions returns copies of every exception, in the set's order.
func (rs *RuleSet) Exceptions() []Exception {
	if rs == nil {
		return nil
	}
	out := make([]Exception, len(rs.spec.Exceptions))
	for i, e := range rs.spec.Exceptions {
		out[i] = e.clone()
	}
	return out
}

// Statutory returns a copy of the statutory content, or false for a
// municipal set.
func (rs *RuleSet) Statutory() (StatutoryRules, bool) {
	if rs == nil || rs.spec.Statutory == nil {
		return StatutoryRules{}, false
	}
	return *rs.spec.clone().Statutory, true
}

// String returns "name (layer, from effective)".
func (rs *RuleSet) String() string {
	if rs == nil {
		return "followup.RuleSet(nil)"
	}
	return fmt.Sprintf("%s (%s, from %s)", rs.spec.Name, rs.spec.Layer, rs.spec.Effective)
}

// Equal reports whether two rule sets hold the same data.
func (rs *RuleSet) Equal(other *RuleSet) bool {
	a, err1 := json.Marshal(rs)
	b, err2 := json.Marshal(other)
	return err1 == nil && err2 == nil && string(a) == string(b)
}

// MarshalJSON writes the spec.
func (rs *RuleSet) MarshalJSON() ([]byte, error) {
	if rs == nil {
		return []byte("null"), nil
	}
	return json.Marshal(specJSON{RuleSetSpec: rs.spec, Effective: rs.spec.Effective.String(), Until: dateOrEmpty(rs.spec.Until)})
}

// specJSON writes and reads dates strictly as YYYY-MM-DD.
type specJSON struct {
	RuleSetSpec
	Effective string `json:"effective"`
	Until     string `json:"until,omitempty"`
}

func dateOrEmpty(d date.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// UnmarshalJSON reads and validates a rule set; on error rs is unchanged and
// the error lists every problem.
func (rs *RuleSet) UnmarshalJSON(b []byte) error {
	const op = "followup.RuleSet.UnmarshalJSON"
	var j specJSON
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	spec := j.RuleSetSpec
	var err error
	if spec.Effective, err = ladder.ParseDate(j.Effective); err != nil {
		return fmt.Errorf("%s: field \"effective\": %w", op, err)
	}
	if j.Until != "" {
		if spec.Until, err = ladder.ParseDate(j.Until); err != nil {
			return fmt.Errorf("%s: field \"until\": %w", op, err)
		}
	}
	v, err := NewRuleSet(spec)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	*rs = *v
	return nil
}

// ---- validation ----

type specChecker struct {
	list finding.List
}

// add reports an error finding: its code, its subject and its message's
// arguments (alternating names and msg.Values); the words are in
// rulesMessages.
func (c *specChecker) add(code, subject string, args ...any) {
	c.list = append(c.list, finding.New(code, finding.Error, subject, "", args...))
}

// nested is a small message of rulesMessages (a noun, a part of a rule, a
// reason) as an argument of a finding's message.
func nested(code string, args ...any) msg.Value { return msg.Nested(msg.New(code, args...)) }

func validateSpec(s RuleSetSpec) finding.List {
	var c specChecker
	if strings.TrimSpace(s.Name) == "" {
		c.add("ruleset.name.missing", "")
	}
	if !s.Layer.IsValid() {
		c.add("ruleset.layer.invalid", s.Name, "layer", msg.String(s.Layer.String()))
	}
	if s.Effective == 0 {
		c.add("ruleset.effective.missing", s.Name)
	}
	if s.Until != 0 && s.Until < s.Effective {
		c.add("ruleset.until.before-effective", s.Name, "until", msg.Date(s.Until), "effective", msg.Date(s.Effective))
	}
	if strings.TrimSpace(s.Source) == "" {
		c.add("ruleset.source.missing", s.Name, "what", nested("ruleset.what.rule-set"))
	}
	switch s.Layer {
	case Statutory:
		if len(s.Rules) > 0 || len(s.Exceptions) > 0 || len(s.Bindings) > 0 || s.Decision != nil || len(s.Intake) > 0 {
			c.add("ruleset.statutory.has-municipal-rules", s.Name)
		}
		if s.Statutory == nil {
			c.add("ruleset.statutory.missing", s.Name)
		} else {
			c.checkStatutory(s.Name, *s.Statutory)
			c.checkIntake(s.Statutory.Intake, Statutory)
		}
	case Municipal:
		if s.Statutory != nil {
			c.add("ruleset.municipal.has-statutory", s.Name)
		}
		c.checkMunicipal(s)
		c.checkIntake(s.Intake, Municipal)
	}
	return c.list
}

func (c *specChecker) checkSpan(subject, field string, sp Span, required bool) {
	if sp.Months < 0 || sp.Days < 0 {
		c.add("ruleset.period.negative", subject, "field", msg.String(field), "period", msg.Period(sp.Months, sp.Days))
	} else if required && sp.IsZero() {
		c.add("ruleset.period.missing", subject, "field", msg.String(field))
	} else if sp.tooLong() {
		c.add("ruleset.period.too-long", subject, "field", msg.String(field), "period", msg.Period(sp.Months, sp.Days))
	}
}

func (c *specChecker) checkStatutory(name string, st StatutoryRules) {
	f := st.FollowUp
	subj := f.ID
	if err := ladder.CheckRuleID(f.ID); err != nil {
		c.add("ruleset.id.malformed", name, "id", msg.String(f.ID), "what", nested("ruleset.what.statutory-follow-up"), "why", nested("ruleset.id.why.format"))
	}
	if f.Source == "" {
		c.add("ruleset.source.missing", subj, "what", nested("ruleset.what.statutory-follow-up"))
	}
	c.checkSpan(subj, "first", f.First, true)
	c.checkSpan(subj, "then", f.Then, false)
	if len(f.Covers) == 0 {
		c.add("ruleset.statutory.covers-nothing", subj)
	}
	for _, b := range f.Covers {
		if !b.IsValid() {
			c.add("ruleset.statutory.basis-invalid", subj, "basis", msg.String(b.String()))
		}
	}
	if v := st.Visits; v != nil {
		if err := ladder.CheckRuleID(v.ID); err != nil {
			c.add("ruleset.id.malformed", name, "id", msg.String(v.ID), "what", nested("ruleset.what.supervision"), "why", nested("ruleset.id.why.format"))
		} else if v.ID == f.ID {
			c.add("ruleset.id.malformed", name, "id", msg.String(v.ID), "what", nested("ruleset.what.supervision"), "why", nested("ruleset.id.why.reused"))
		}
		if v.Source == "" {
			c.add("ruleset.source.missing", v.ID, "what", nested("ruleset.what.supervision"))
		}
		c.checkSpan(v.ID, "every", v.Every, true)
		if v.PerYear < 1 || v.PerYear > 52 {
			c.add("ruleset.visits.per-year", v.ID, "perYear", msg.Int(v.PerYear))
		} else if !v.Every.IsZero() && !(Span{Months: int32(v.PerYear) * v.Every.Months, Days: int32(v.PerYear) * v.Every.Days}).AtMost(Months(12)) {
			c.add("ruleset.contradiction.visits", v.ID, "every", msg.Period(v.Every.Months, v.Every.Days), "perYear", msg.Int(v.PerYear))
		}
	}
}

func (c *specChecker) checkContent(subject string, k Kind, ct Content) {
	if !ct.ChildConversation.IsValid() {
		c.add("ruleset.content.child-conversation", subject)
	}
	if k.IsMeeting() && !ct.Modes.IsValid() {
		c.add("ruleset.content.modes", subject, "field", msg.String("modes"))
	}
	for _, d := range ct.Decides {
		if !d.IsValid() {
			c.add("ruleset.content.decision", subject, "decision", msg.String(d.String()))
		}
	}
}

var municipalKinds = []Kind{FollowUp, StatusFollowUp, StatusReport, CourseEnd}

func (c *specChecker) checkMunicipal(s RuleSetSpec) {
	ids := map[string]bool{}
	for i, r := range s.Rules {
		subj := r.ID
		if subj == "" {
			subj = fmt.Sprintf("rules[%d]", i)
		}
		if err := ladder.CheckRuleID(r.ID); err != nil {
			c.add("ruleset.id.malformed", subj, "id", msg.String(r.ID), "what", nested("ruleset.what.rule"), "why", nested("ruleset.id.why.format"))
		}
		if ids[r.ID] {
			c.add("ruleset.id.duplicate", subj, "id", msg.String(r.ID))
		}
		ids[r.ID] = true
		if r.Source == "" {
			c.add("ruleset.source.missing", subj, "what", nested("ruleset.what.rule"))
		}
		if len(r.Fixed) == 0 && len(r.Recurring) == 0 {
			c.add("ruleset.rule.empty", subj)
		}
		var courseEnd *Span
		for j, f := range r.Fixed {
			fs := fmt.Sprintf("%s/fixed[%d]", subj, j)
			c.checkSpan(fs, "at", f.At, true)
			if !slices.Contains(municipalKinds, f.Kind) {
				c.add("ruleset.kind.not-municipal", fs, "kind", msg.String(f.Kind.String()))
			}
			c.checkContent(fs, f.Kind, f.Content)
			if j > 0 && r.Fixed[j-1].At.approxDays() > f.At.approxDays() {
				c.add("ruleset.contradiction.order", fs)
			}
			if j > 0 && r.Fixed[j-1].At == f.At && r.Fixed[j-1].Kind == f.Kind {
				c.add("ruleset.contradiction.duplicate-item", fs, "at", msg.Period(f.At.Months, f.At.Days))
			}
			if courseEnd != nil && f.At.approxDays() > courseEnd.approxDays() {
				c.add("ruleset.contradiction.after-course-end", fs)
			}
			if f.Kind == CourseEnd {
				at := f.At
				courseEnd = &at
			}
		}
		if courseEnd != nil && len(r.Recurring) > 0 {
			c.add("ruleset.contradiction.course-end-recurs", subj)
		}
		for j, p := range r.Recurring {
			ps := fmt.Sprintf("%s/recurring[%d]", subj, j)
			c.checkSpan(ps, "every", p.Every, true)
			c.checkSpan(ps, "until", p.Until, false)
			if p.Kind != FollowUp && p.Kind != StatusFollowUp {
				c.add("ruleset.kind.not-recurring", ps, "kind", msg.String(p.Kind.String()))
			}
			if len(p.Cycle) == 0 {
				c.add("ruleset.recurring.no-content", ps)
			}
			for k, ct := range p.Cycle {
				c.checkContent(fmt.Sprintf("%s/cycle[%d]", ps, k), p.Kind, ct)
			}
			last := j == len(r.Recurring)-1
			if p.Until.IsZero() && !last {
				c.add("ruleset.contradiction.phase-order", ps)
			}
			if j > 0 && !p.Until.IsZero() && p.Until.approxDays() <= r.Recurring[j-1].Until.approxDays() {
				c.add("ruleset.contradiction.phase-order", ps)
			}
		}
	}
	for i, e := range s.Exceptions {
		subj := e.ID
		if subj == "" {
			subj = fmt.Sprintf("exceptions[%d]", i)
		}
		c.checkException(s, subj, e, ids)
	}
	c.checkBindings(s)
	if d := s.Decision; d != nil {
		c.checkSpan("decision", "every", d.Every, true)
		if strings.TrimSpace(d.Source) == "" {
			c.add("ruleset.source.missing", "decision", "what", nested("ruleset.what.decision"))
		}
	}
}

func (c *specChecker) checkException(s RuleSetSpec, subj string, e Exception, ids map[string]bool) {
	if err := ladder.CheckRuleID(e.ID); err != nil {
		c.add("ruleset.id.malformed", subj, "id", msg.String(e.ID), "what", nested("ruleset.what.exception"), "why", nested("ruleset.id.why.format"))
	}
	if ids[e.ID] {
		c.add("ruleset.id.duplicate", subj, "id", msg.String(e.ID))
	}
	ids[e.ID] = true
	if e.Source == "" {
		c.add("ruleset.source.missing", subj, "what", nested("ruleset.what.exception"))
	}
	if e.Relaxes != "extra" {
		c.add("ruleset.statutory.relaxed", subj, "relaxes", msg.String(e.Relaxes))
	}
	if e.AddModes >= 1<<3 {
		c.add("ruleset.content.modes", subj, "field", msg.String("addModes"))
	}
	if e.AddModes == 0 && !e.ChildConversationOptional {
		c.add("ruleset.contradiction.relaxes-nothing", subj)
	}
	if len(e.Scope) == 0 {
		c.add("ruleset.exception.applies-to-nothing", subj)
	}
	seen := map[string]bool{}
	for j, sc := range e.Scope {
		ss := fmt.Sprintf("%s/scope[%d]", subj, j)
		if seen[sc.Rule] {
			c.add("ruleset.exception.scope-duplicate", ss, "rule", msg.String(sc.Rule))
		}
		seen[sc.Rule] = true
		k := slices.IndexFunc(s.Rules, func(r Rule) bool { return r.ID == sc.Rule })
		if k < 0 {
			c.add("ruleset.rule.unknown", ss, "rule", msg.String(sc.Rule), "what", nested("ruleset.what.exception"))
			continue
		}
		c.checkScope(ss, &s.Rules[k], sc)
	}
}

// checkScope checks that a scope names existing meeting items of its rule,
// and never the rule's first follow-up.
func (c *specChecker) checkScope(subj string, r *Rule, sc Scope) {
	if len(sc.Fixed) == 0 && len(sc.Recurring) == 0 {
		c.add("ruleset.exception.scope-empty", subj, "rule", msg.String(r.ID))
	}
	first := r.firstMeeting()
	for _, i := range sc.Fixed {
		switch {
		case i < 0 || i >= len(r.Fixed):
			c.add("ruleset.exception.scope-index", subj, "rule", msg.String(r.ID), "part", nested("ruleset.part.fixed"), "index", msg.Int(i))
		case !r.Fixed[i].Kind.IsMeeting():
			c.add("ruleset.exception.scope-not-meeting", subj, "rule", msg.String(r.ID), "index", msg.Int(i), "kind", msg.String(r.Fixed[i].Kind.String()))
		case first.fixed == i:
			c.add("ruleset.exception.first-follow-up", subj, "rule", msg.String(r.ID), "part", nested("ruleset.part.fixed"), "index", msg.Int(i))
		}
	}
	for _, i := range sc.Recurring {
		switch {
		case i < 0 || i >= len(r.Recurring):
			c.add("ruleset.exception.scope-index", subj, "rule", msg.String(r.ID), "part", nested("ruleset.part.phase"), "index", msg.Int(i))
		case first.phase == i:
			c.add("ruleset.exception.first-follow-up", subj, "rule", msg.String(r.ID), "part", nested("ruleset.part.phase"), "index", msg.Int(i))
		}
	}
}

func (c *specChecker) checkBindings(s RuleSetSpec) {
	seen := map[string]bool{}
	for i, b := range s.Bindings {
		subj := fmt.Sprintf("bindings[%d]", i)
		if err := ladder.CheckCode(b.Code); err != nil {
			c.add("ruleset.binding.code", subj, "code", msg.String(b.Code))
		}
		if seen[b.Code] {
			c.add("ruleset.binding.duplicate", subj, "code", msg.String(b.Code))
		}
		seen[b.Code] = true
		if !slices.ContainsFunc(s.Rules, func(r Rule) bool { return r.ID == b.Rule }) {
			c.add("ruleset.rule.unknown", subj, "rule", msg.String(b.Rule), "what", nested("ruleset.what.binding", "code", msg.String(b.Code)))
		}
	}
}

func cloneIntake(rows []IntakeRule) []IntakeRule {
	if rows == nil {
		return nil
	}
	out := make([]IntakeRule, len(rows))
	for i, r := range rows {
		out[i] = r.clone()
	}
	return out
}

// intakeKinds are the kinds an intake row can give.
var intakeKinds = []Kind{NotificationAssessment, ChildAssessment, PreliminaryAssessment, ChildsPlan, Hearing,
	NotifierReceipt, Reassessment, ChildConversationOnNotification, NetworkMeetingInvite, YoungPersonsPlan, ReturnHomePlan}

// checkIntake checks intake rows: a well-formed id, a name and a source, an
// intake kind, the set's layer, dates in order, facts that exist, and
// exactly one kind of deadline (hours, within or before), or none for a
// requirement.
func (c *specChecker) checkIntake(rows []IntakeRule, layer Layer) {
	for i, r := range rows {
		subj := fmt.Sprintf("intake[%d]", i)
		if r.ID != "" {
			subj += " " + r.ID
		}
		if err := ladder.CheckRuleID(r.ID); err != nil {
			c.add("ruleset.id.malformed", subj, "id", msg.String(r.ID), "what", nested("ruleset.what.intake-row"), "why", nested("ruleset.id.why.format"))
		}
		if r.Name.Da == "" || r.Name.En == "" || strings.TrimSpace(r.Source) == "" {
			c.add("ruleset.intake.incomplete", subj)
		}
		if !slices.Contains(intakeKinds, r.Kind) {
			c.add("ruleset.intake.kind", subj, "kind", msg.String(r.Kind.String()))
		}
		if r.Layer != layer {
			c.add("ruleset.intake.layer", subj, "layer", msg.String(r.Layer.String()), "setLayer", msg.String(layer.String()))
		}
		if r.Effective == 0 || (r.Until != 0 && r.Until < r.Effective) {
			c.add("ruleset.intake.dates", subj, "effective", msg.Date(r.Effective), "until", msg.Date(r.Until))
		}
		for _, f := range append(slices.Clone(r.If), r.Unless...) {
			if !f.IsValid() {
				c.add("ruleset.intake.fact", subj, "fact", msg.String(f.String()))
			}
		}
		n := 0
		for _, set := range []bool{r.Hours > 0, !r.Within.IsZero(), r.Before, r.WorkingDays > 0, !r.Ahead.IsZero()} {
			if set {
				n++
			}
		}
		c.checkSpan(subj, "within", r.Within, false)
		c.checkSpan(subj, "ahead", r.Ahead, false)
		switch {
		case r.Hours < 0 || r.Hours > 24*366:
			c.add("ruleset.intake.hours", subj, "hours", msg.Int(r.Hours))
		case !c.intakeNumbersOK(subj, r):
		case r.Requirement && n != 0:
			c.add("ruleset.intake.deadline", subj, "count", msg.Int(n))
		case !r.Requirement && n != 1:
			c.add("ruleset.intake.deadline", subj, "count", msg.Int(n))
		case !r.Requirement && slices.Contains(intakeKinds, r.Kind):
			c.checkIntakeForm(subj, r)
		}
	}
}
