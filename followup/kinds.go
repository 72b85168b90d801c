package followup

import (
	"encoding/json"
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"strconv"
	"strings"
)

// codeTable holds the stable codes and labels of a small enum whose valid
// values are 1..len-1 (index 0 is unused: the zero value is invalid).
type codeTable struct {
	name       string // e.g. "followup.Kind"
	codes      []string
	da, en     []string
	validCodes string // for error messages
}

func newCodeTable(name string, rows ...[3]string) codeTable {
	t := codeTable{name: name, codes: []string{""}, da: []string{""}, en: []string{""}}
	for _, r := range rows {
		t.codes = append(t.codes, r[0])
		t.da = append(t.da, r[1])
		t.en = append(t.en, r[2])
	}
	t.validCodes = strings.Join(t.codes[1:], ", ")
	return t
}

func (t codeTable) valid(v uint8) bool { return v >= 1 && int(v) < len(t.codes) }

func (t codeTable) code(v uint8) string {
	if !t.valid(v) {
		return t.name + "(" + strconv.Itoa(int(v)) + ")"
	}
	return t.codes[v]
}

func (t codeTable) danish(v uint8) string {
	if !t.valid(v) {
		return t.code(v)
	}
	return t.da[v]
}

func (t codeTable) english(v uint8) string {
	if !t.valid(v) {
		return t.code(v)
	}
	return t.en[v]
}

func (t codeTable) marshal(v uint8) ([]byte, error) {
	if !t.valid(v) {
		return nil, fmt.Errorf("%s.MarshalText: invalid value %d", t.name, v)
	}
	return []byte(t.codes[v]), nil
}

func (t codeTable) parse(op, s string) (uint8, error) {
	for i := 1; i < len(t.codes); i++ {
		if t.codes[i] == s {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%s: unknown %s %q (want one of %s)", op, strings.TrimPrefix(t.name, "followup."), s, t.validCodes)
}

// Kind is what a scheduled item is. The zero value is not a valid kind.
type Kind uint8

const (
	// FollowUp is a follow-up meeting (opfølgningsmøde) on the plan.
	FollowUp Kind = 1 + iota
	// StatusFollowUp is a status follow-up: a meeting that also decides whether the
	// measure continues and its time frame (e.g. H-FOREB at +6 months).
	StatusFollowUp
	// StatusReport is a status report received from the provider: a
	// document, not a meeting (H-FAMCENTER at +8 months).
	StatusReport
	// CourseEnd marks the planned end of a time-limited course (MST at +5
	// months). Nothing is held; the case worker records the end.
	CourseEnd
	// SupervisionVisit is a statutory visit at the placement with a
	// conversation with the child (BL § 156, stk. 5; tidl. SEL § 148).
	SupervisionVisit
	// NotificationAssessment: a notification (underretning) assessed for
	// the need of acute measures within 24 hours.
	NotificationAssessment
	// ChildAssessment: the child assessment (børnefaglig undersøgelse)
	// finished.
	ChildAssessment
	// PreliminaryAssessment: the preliminary assessment (foreløbig
	// vurdering) owed when the child assessment runs over its deadline.
	PreliminaryAssessment
	// ChildsPlan: the child's plan (barnets plan / handleplan) made.
	ChildsPlan
	// Hearing: the child heard before a measure starts (partshøring).
	Hearing
	// NotifierReceipt: the receipt of a notification confirmed to the
	// professional who made it (SEL § 155 b; BL § 138, unconfirmed).
	NotifierReceipt
	// Reassessment: a notification about a child who already receives
	// support makes the case be reassessed, with someone not involved
	// before (BL § 137, stk. 1, tidl. SEL § 155 a).
	Reassessment
	// ChildConversationOnNotification: a notification about abuse calls for
	// a conversation with the child (BL § 137, stk. 3, tidl. SEL § 155 a).
	ChildConversationOnNotification
	// NetworkMeetingInvite: the family centre's (CBF's) staff invited to a
	// network meeting in the time reserved for it, before the time is
	// released (Herning, Kompendium s. 23–27).
	NetworkMeetingInvite
	// YoungPersonsPlan: the young person's plan (ungeplan, BL § 108) made.
	YoungPersonsPlan
	// ReturnHomePlan: the child's plan revised before the child returns
	// home (BL § 100, stk. 5).
	ReturnHomePlan
)

var kindTable = newCodeTable("followup.Kind",
	[3]string{"followup", "opfølgning", "follow-up"},
	[3]string{"status", "statusopfølgning", "status follow-up"},
	[3]string{"status-report", "statusrapport modtages", "status report received"},
	[3]string{"course-end", "forløbet slutter", "course ends"},
	[3]string{"supervision-visit", "tilsynsbesøg", "supervision visit"},
	[3]string{"notification-assessment", "vurdering af underretning", "notification assessed"},
	[3]string{"child-assessment", "børnefaglig undersøgelse", "child assessment"},
	[3]string{"preliminary-assessment", "foreløbig vurdering", "preliminary assessment"},
	[3]string{"childs-plan", "barnets plan", "the child's plan"},
	[3]string{"hearing", "partshøring af barnet", "hearing the child"},
	[3]string{"notifier-receipt", "kvittering til underretter", "receipt to the notifier"},
	[3]string{"reassessment", "revurdering af sagen", "case reassessed"},
	[3]string{"notification-conversation", "samtale med barnet om underretningen", "conversation with the child on the notification"},
	[3]string{"network-meeting-invite", "indkaldelse til netværksmøde", "network meeting invitation"},
	[3]string{"young-persons-plan", "ungeplan", "the young person's plan"},
	[3]string{"return-home-plan", "planen revideret før hjemgivelse", "plan revised before the return home"},
)

// IsValid reports whether k is a defined kind.
func (k Kind) IsValid() bool { return kindTable.valid(uint8(k)) }

// String returns the stable code, e.g. "followup", or "followup.Kind(0)".
func (k Kind) String() string { return kindTable.code(uint8(k)) }

// Danish returns the Danish label.
func (k Kind) Danish() string { return kindTable.danish(uint8(k)) }

// English returns the English label.
func (k Kind) English() string { return kindTable.english(uint8(k)) }

// IsMeeting reports whether the item is held with people (and so can carry a
// child conversation and count as the previous follow-up of a chain).
func (k Kind) IsMeeting() bool { return k == FollowUp || k == StatusFollowUp || k == SupervisionVisit }

// MarshalText returns the stable code.
func (k Kind) MarshalText() ([]byte, error) { return kindTable.marshal(uint8(k)) }

// UnmarshalText parses a stable code; on error k is unchanged.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := kindTable.parse("followup.Kind.UnmarshalText", string(b))
	if err == nil {
		*k = Kind(v)
	}
	return err
}

// ParseKind parses a stable kind code.
func ParseKind(s string) (Kind, error) {
	v, err := kindTable.parse("followup.ParseKind", s)
	return Kind(v), err
}

// Mode is how a follow-up is held. The zero value is not a valid mode.
type Mode uint8

const (
	InPerson Mode = 1 + iota // in person (personligt fremmøde)
	Phone                    // by phone
	Mail                     // by mail or letter
)

var modeTable = newCodeTable("followup.Mode",
	[3]string{"in-person", "personligt", "in person"},
	[3]string{"phone", "telefonisk", "by phone"},
	[3]string{"mail", "skriftligt", "by mail"},
)

// IsValid reports whether m is a defined mode.
func (m Mode) IsValid() bool { return modeTable.valid(uint8(m)) }

// String returns "in-person", "phone", "mail" or "followup.Mode(n)".
func (m Mode) String() string { return modeTable.code(uint8(m)) }

// Danish returns the Danish label.
func (m Mode) Danish() string { return modeTable.danish(uint8(m)) }

// English returns the English label.
func (m Mode) English() string { return modeTable.english(uint8(m)) }

// MarshalText returns the stable code.
func (m Mode) MarshalText() ([]byte, error) { return modeTable.marshal(uint8(m)) }

// UnmarshalText parses a stable code; on error m is unchanged.
func (m *Mode) UnmarshalText(b []byte) error {
	v, err := modeTable.parse("followup.Mode.UnmarshalText", string(b))
	if err == nil {
		*m = Mode(v)
	}
	return err
}

// ParseMode parses "in-person", "phone" or "mail".
func ParseMode(s string) (Mode, error) {
	v, err := modeTable.parse("followup.ParseMode", s)
	return Mode(v), err
}

// Modes is a set of modes. The zero value is the empty set. As JSON it is a
// list of codes in the order in-person, phone, mail.
type Modes uint8

// ModesOf returns the set of the given modes.
func ModesOf(ms ...Mode) Modes {
	var s Modes
	for _, m := range ms {
		if m.IsValid() {
			s |= 1 << (m - 1)
		}
	}
	return s
}

// Has reports whether m is in the set.
func (s Modes) Has(m Mode) bool { return m.IsValid() && s&(1<<(m-1)) != 0 }

// With returns the union of s and t.
func (s Modes) With(t Modes) Modes { return s | t }

// List returns the modes in order.
func (s Modes) List() []Mode {
	var out []Mode
	for m := InPerson; m <= Mail; m++ {
		if s.Has(m) {
			out = append(out, m)
		}
	}
	return out
}

// IsValid reports whether s is non-empty and holds only defined modes.
func (s Modes) IsValid() bool { return s != 0 && s < 1<<3 }

// String returns the codes joined by "+", e.g. "in-person+phone".
func (s Modes) String() string {
	if s >= 1<<3 {
		return "followup.Modes(" + strconv.Itoa(int(s)) + ")"
	}
	var parts []string
	for _, m := range s.List() {
		parts = append(parts, m.String())
	}
	return strings.Join(parts, "+")
}

func (s Modes) value() msg.Value {
	ms := s.List()
	args := []any{}
	for i, m := range ms {
		args = append(args, string(rune('a'+i)), m.value())
	}
	switch len(ms) {
	case 1:
		return msg.Nested(msg.New("followup.modes.one", args...))
	case 2:
		return msg.Nested(msg.New("followup.modes.two", args...))
	case 3:
		return msg.Nested(msg.New("followup.modes.three", args...))
	}
	return msg.String("")
}

// value is the mode's label as a message argument.
func (m Mode) value() msg.Value {
	return msg.Text(map[msg.Lang]string{msg.Danish: m.Danish(), msg.English: m.English()})
}

// MarshalJSON writes a list of codes.
func (s Modes) MarshalJSON() ([]byte, error) {
	if s >= 1<<3 {
		return nil, fmt.Errorf("followup.Modes.MarshalJSON: invalid set %d", uint8(s))
	}
	codes := make([]string, 0, 3)
	for _, m := range s.List() {
		codes = append(codes, m.String())
	}
	return json.Marshal(codes)
}

// UnmarshalJSON reads a list of codes; on error s is unchanged.
func (s *Modes) UnmarshalJSON(b []byte) error {
	var codes []string
	if err := json.Unmarshal(b, &codes); err != nil {
		return fmt.Errorf("followup.Modes.UnmarshalJSON: %w", err)
	}
	var v Modes
	for _, c := range codes {
		m, err := ParseMode(c)
		if err != nil {
			return fmt.Errorf("followup.Modes.UnmarshalJSON: %w", err)
		}
		v |= ModesOf(m)
	}
	*s = v
	return nil
}

// ChildTalk says whether a conversation with the child (børnesamtale) is
// required at an item. The zero value is not valid.
type ChildTalk uint8

const (
	// Required: a conversation with the child, adapted to age and maturity,
	// must be held and noted in the journal as "børnesamtale".
	Required ChildTalk = 1 + iota
	// Optional: not required — relaxed by an approved exception, or the item
	// is not a meeting (a status report, a course end).
	Optional
)

var childTalkTable = newCodeTable("followup.ChildTalk",
	[3]string{"required", "børnesamtale skal holdes", "child conversation required"},
	[3]string{"optional", "børnesamtale ikke påkrævet", "child conversation optional"},
)

// IsValid reports whether c is defined.
func (c ChildTalk) IsValid() bool { return childTalkTable.valid(uint8(c)) }

// String returns "required", "optional" or "followup.ChildTalk(n)".
func (c ChildTalk) String() string { return childTalkTable.code(uint8(c)) }

// Danish returns the Danish label.
func (c ChildTalk) Danish() string { return childTalkTable.danish(uint8(c)) }

// English returns the English label.
func (c ChildTalk) English() string { return childTalkTable.english(uint8(c)) }

// MarshalText returns the code.
func (c ChildTalk) MarshalText() ([]byte, error) { return childTalkTable.marshal(uint8(c)) }

// UnmarshalText parses the code; on error c is unchanged.
func (c *ChildTalk) UnmarshalText(b []byte) error {
	v, err := childTalkTable.parse("followup.ChildTalk.UnmarshalText", string(b))
	if err == nil {
		*c = ChildTalk(v)
	}
	return err
}

// Status is where an item stands on the as-of date. The zero value is not
// valid.
type Status uint8

const (
	// Done: held (or received), possibly late.
	Done Status = 1 + iota
	// Overdue: due before the as-of date and not held.
	Overdue
	// Upcoming: due on or after the as-of date and not held.
	Upcoming
	// Missed: an item of a measure that has ended, due on or before its
	// end and never held. It can no longer be held, so it is no task for
	// the case worker (DueIn leaves it out); it counts against compliance
	// and the plan has a finding for it.
	Missed
)

var statusTable = newCodeTable("followup.Status",
	[3]string{"done", "afholdt", "done"},
	[3]string{"overdue", "overskredet", "overdue"},
	[3]string{"upcoming", "kommende", "upcoming"},
	[3]string{"missed", "ikke holdt", "missed"},
)

// IsValid reports whether s is defined.
func (s Status) IsValid() bool { return statusTable.valid(uint8(s)) }

// String returns "done", "overdue", "upcoming", "missed" or
// "followup.Status(n)".
func (s Status) String() string { return statusTable.code(uint8(s)) }

// Danish returns the Danish label.
func (s Status) Danish() string { return statusTable.danish(uint8(s)) }

// English returns the English label.
func (s Status) English() string { return statusTable.english(uint8(s)) }

// Actionable reports whether the case worker can still act on the item:
// overdue or upcoming.
func (s Status) Actionable() bool { return s == Overdue || s == Upcoming }

// MarshalText returns the code.
func (s Status) MarshalText() ([]byte, error) { return statusTable.marshal(uint8(s)) }

// UnmarshalText parses the code; on error s is unchanged.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := statusTable.parse("followup.Status.UnmarshalText", string(b))
	if err == nil {
		*s = Status(v)
	}
	return err
}

// Layer says whether a rule set is the law or a municipality's own rules.
// The zero value is not valid.
type Layer uint8

const (
	// Statutory rules are the floor the law sets.
	Statutory Layer = 1 + iota
	// Municipal rules are layered on the statutory floor and may only add.
	Municipal
)

var layerTable = newCodeTable("followup.Layer",
	[3]string{"statutory", "lovkrav", "statutory"},
	[3]string{"municipal", "kommunal praksis", "municipal"},
)

// IsValid reports whether l is defined.
func (l Layer) IsValid() bool { return layerTable.valid(uint8(l)) }

// String returns "statutory", "municipal" or "followup.Layer(n)".
func (l Layer) String() string { return layerTable.code(uint8(l)) }

// MarshalText returns the code.
func (l Layer) MarshalText() ([]byte, error) { return layerTable.marshal(uint8(l)) }

// UnmarshalText parses the code; on error l is unchanged.
func (l *Layer) UnmarshalText(b []byte) error {
	v, err := layerTable.parse("followup.Layer.UnmarshalText", string(b))
	if err == nil {
		*l = Layer(v)
	}
	return err
}

// Decision is something decided at a follow-up. At every follow-up the case
// worker decides whether new goals must be written into the plan; some items
// decide more.
type Decision uint8

const (
	NewGoals        Decision = 1 + iota // whether new goals go into the plan
	Continuation                        // whether the measure continues
	TimeFrame                           // the time frame for ending the measure
	FurtherCourse                       // a proposal for a further course (MST)
	NextYearSupport                     // support for the next school year (efterskole)
	TreatmentPlan                       // status and treatment plan (contact person at the centre)
	AfterSupport                        // support after treatment ends (family centre)
	Cadence                             // how later follow-up is organised (BL § 95)
)

var decisionTable = newCodeTable("followup.Decision",
	[3]string{"new-goals", "om der skal nye mål i planen", "whether new goals go into the plan"},
	[3]string{"continuation", "om indsatsen fortsætter", "whether the measure continues"},
	[3]string{"time-frame", "tidshorisont for afslutning", "the time frame for ending it"},
	[3]string{"further-course", "forslag til videre forløb", "a proposal for a further course"},
	[3]string{"next-year-support", "støtte det næste år", "support for the next year"},
	[3]string{"treatment-plan", "status og behandlingsplan", "status and treatment plan"},
	[3]string{"after-support", "støtte efter endt behandling", "support after treatment ends"},
	[3]string{"cadence", "hvordan der følges op fremover", "how follow-up is organised from here"},
)

// IsValid reports whether d is defined.
func (d Decision) IsValid() bool { return decisionTable.valid(uint8(d)) }

// String returns the code or "followup.Decision(n)".
func (d Decision) String() string { return decisionTable.code(uint8(d)) }

// Danish returns the Danish label.
func (d Decision) Danish() string { return decisionTable.danish(uint8(d)) }

// English returns the English label.
func (d Decision) English() string { return decisionTable.english(uint8(d)) }

// MarshalText returns the code.
func (d Decision) MarshalText() ([]byte, error) { return decisionTable.marshal(uint8(d)) }

// UnmarshalText parses the code; on error d is unchanged.
func (d *Decision) UnmarshalText(b []byte) error {
	v, err := decisionTable.parse("followup.Decision.UnmarshalText", string(b))
	if err == nil {
		*d = Decision(v)
	}
	return err
}

// Fact is a fact of a case that chooses which intake row applies (the
// child's plan is due 3 months after a placement decision, before the
// decision for a placement without consent). The zero value is not valid.
type Fact uint8

const (
	// FactPlacement: the measure is a placement outside the home.
	FactPlacement Fact = 1 + iota
	// FactSupport: the measure is support under SEL § 52 / BL § 32.
	FactSupport
	// FactWithoutConsent: a placement without consent (BL § 47, tidl. SEL §
	// 58).
	FactWithoutConsent
	// FactUrgent: an urgent case where only a short statement of purpose
	// preceded the decision (SEL § 140).
	FactUrgent
	// FactPlanChosen: the municipality decided to make a child's plan for
	// support under BL § 32 (or, for the young person's plan, decided to
	// make one where BL § 108 leaves it to the municipality).
	FactPlanChosen
	// FactProfessional: the notifier is a professional with the heightened
	// duty to notify (BL § 133, tidl. SEL § 153).
	FactProfessional
	// FactAlreadySupported: the notification concerns a child who already
	// receives support, is placed or has a youth-crime measure (BL § 137,
	// stk. 1).
	FactAlreadySupported
	// FactAbuse: the notification is about abuse (overgreb) of the child
	// (BL § 137, stk. 3).
	FactAbuse
	// FactAftercare: the measure is aftercare (ungestøtte, BL §§ 114–116).
	FactAftercare
	// FactReestablished: a døgnophold re-established under BL § 116.
	FactReestablished
)

var factTable = newCodeTable("followup.Fact",
	[3]string{"placement", "anbringelse", "placement"},
	[3]string{"support", "støtte", "support"},
	[3]string{"without-consent", "uden samtykke", "without consent"},
	[3]string{"urgent", "akut sag", "urgent case"},
	[3]string{"plan-chosen", "plan besluttet", "plan chosen"},
	[3]string{"professional", "fagperson underretter", "professional notifier"},
	[3]string{"already-supported", "får allerede støtte", "already supported"},
	[3]string{"abuse", "overgreb", "abuse"},
	[3]string{"aftercare", "ungestøtte", "aftercare"},
	[3]string{"reestablished", "genetableret døgnophold", "re-established stay"},
)

// IsValid reports whether f is a defined fact.
func (f Fact) IsValid() bool { return factTable.valid(uint8(f)) }

// String returns the stable code, e.g. "without-consent", or
// "followup.Fact(0)".
func (f Fact) String() string { return factTable.code(uint8(f)) }

// MarshalText returns the code.
func (f Fact) MarshalText() ([]byte, error) { return factTable.marshal(uint8(f)) }

// UnmarshalText parses a code; on error f is unchanged.
func (f *Fact) UnmarshalText(b []byte) error {
	v, err := factTable.parse("followup.Fact.UnmarshalText", string(b))
	if err != nil {
		return err
	}
	*f = Fact(v)
	return nil
}

// Facts is a set of facts. The zero value is the empty set.
type Facts uint16

// Has reports whether f is in the set.
func (s Facts) Has(f Fact) bool { return f.IsValid() && s&(1<<(f-1)) != 0 }

// With returns the set with f added.
func (s Facts) With(f Fact) Facts {
	if !f.IsValid() {
		return s
	}
	return s | 1<<(f-1)
}
