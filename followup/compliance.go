package followup

import (
	"github.com/trappe-dk/trappe/ladder/msg"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// HeldCheck is what one held follow-up did: which item it satisfied, how
// late, and whether it met the item's content.
type HeldCheck struct {
	Held Held `json:"held"`
	// Satisfied is false for an extra follow-up that no item took.
	Satisfied bool `json:"satisfied"`
	// Due, Kind, Statutory and Rules describe the item it satisfied.
	Due       date.Date `json:"due,omitzero"`
	Kind      Kind      `json:"kind,omitzero"`
	Statutory bool      `json:"statutory"`
	Rules     []string  `json:"rules,omitempty"`
	// Late is held − due in days (negative: early). OnTime is Late ≤ 0.
	Late   int  `json:"late"`
	OnTime bool `json:"onTime"`
	// ChildConversationOK: a conversation with the child was held, or was
	// not required. ModeOK: the mode was allowed (a follow-up with no mode
	// recorded counts as held in person). PlaceOK: a supervision visit was
	// held at the placement.
	ChildConversationOK bool `json:"childConversationOK"`
	ModeOK              bool `json:"modeOK"`
	PlaceOK             bool `json:"placeOK"`
	// InLawsSense: a meeting with a child conversation and the plan
	// followed up (KORA 2017, Figur 2.2).
	InLawsSense bool `json:"inLawsSense"`
}

// ContentOK reports whether the follow-up met every content requirement.
func (c HeldCheck) ContentOK() bool { return c.ChildConversationOK && c.ModeOK && c.PlaceOK }

// Compliance summarises one measure's follow-up as of the plan's date.
type Compliance struct {
	Case    string      `json:"case"`
	Measure string      `json:"measure"`
	AsOf    date.Date   `json:"asOf"`
	Held    []HeldCheck `json:"held"`
	// Counts over the items due on or before the as-of date.
	Due             int          `json:"due"`
	DoneOnTime      int          `json:"doneOnTime"`
	DoneLate        int          `json:"doneLate"`
	Overdue         int          `json:"overdue"`
	Missed          int          `json:"missed"` // never held, and the measure has ended
	StatutoryDue    int          `json:"statutoryDue"`
	StatutoryOnTime int          `json:"statutoryOnTime"`
	StatutoryMissed int          `json:"statutoryMissed"` // overdue or held late
	ContentFailures int          `json:"contentFailures"`
	Extra           int          `json:"extra"`
	InLawsSense     int          `json:"inLawsSense"`
	MaxDaysLate     int          `json:"maxDaysLate"`
	Findings        finding.List `json:"findings,omitempty"`
}

// Rate returns the share of due items held on time (1 when nothing was due).
func (c Compliance) Rate() float64 {
	if c.Due == 0 {
		return 1
	}
	return float64(c.DoneOnTime) / float64(c.Due)
}

// Compliance checks every held follow-up of the plan against the item it
// satisfied, and counts what was due by the as-of date.
func (p Plan) Compliance() Compliance {
	c := Compliance{Case: p.caseID, Measure: p.measure, AsOf: p.asOf}
	for _, it := range p.items {
		if it.HeldOn != 0 {
			hc := checkHeld(it)
			c.Held = append(c.Held, hc)
			if !hc.ContentOK() {
				c.ContentFailures++
				c.Findings = append(c.Findings, contentFinding(p.measure, it, hc))
			}
			if hc.InLawsSense {
				c.InLawsSense++
			}
		}
		// Due by the as-of date: held, or overdue (an item due on the as-of
		// day itself is upcoming until held).
		if it.Kind == CourseEnd || it.Due > p.asOf || (it.Due == p.asOf && it.Status != Done) {
			continue
		}
		c.Due++
		if it.Statutory {
			c.StatutoryDue++
		}
		switch {
		case it.Status == Done && it.Late <= 0:
			c.DoneOnTime++
			if it.Statutory {
				c.StatutoryOnTime++
			}
		case it.Status == Done:
			c.DoneLate++
			c.MaxDaysLate = max(c.MaxDaysLate, it.Late)
			if it.Statutory {
				c.StatutoryMissed++
			}
		case it.Status == Missed:
			c.Missed++
			if it.Statutory {
				c.StatutoryMissed++
			}
		default:
			c.Overdue++
			c.MaxDaysLate = max(c.MaxDaysLate, int(p.asOf-it.Due))
			if it.Statutory {
				c.StatutoryMissed++
				c.Findings = append(c.Findings, finding.New("followup.statutory.overdue", finding.Error, p.measure, "",
					"rules", msg.String(joinRules(it)), "due", msg.Date(it.Due)))
			}
		}
	}
	for _, h := range p.extra {
		c.Extra++
		hc := HeldCheck{Held: h, ChildConversationOK: true, ModeOK: true, PlaceOK: true, InLawsSense: h.InLawsSense()}
		if hc.InLawsSense {
			c.InLawsSense++
		}
		c.Held = append(c.Held, hc)
	}
	slices.SortStableFunc(c.Held, func(a, b HeldCheck) int { return int(a.Held.On - b.Held.On) })
	return c
}

func joinRules(it Item) string {
	s := ""
	for i, r := range it.Rules() {
		if i > 0 {
			s += "+"
		}
		s += r
	}
	return s
}

func checkHeld(it Item) HeldCheck {
	h := it.held
	mode := h.Mode
	if mode == 0 {
		mode = InPerson
	}
	hc := HeldCheck{Held: h, Satisfied: true, Due: it.Due, Kind: it.Kind, Statutory: it.Statutory, Rules: it.Rules(),
		Late: it.Late, OnTime: it.Late <= 0, InLawsSense: h.InLawsSense(),
		ChildConversationOK: !it.Kind.IsMeeting() || it.ChildConversation != Required || h.ChildConversation,
		ModeOK:              !it.Kind.IsMeeting() || it.Modes.Has(mode),
		PlaceOK:             it.why.mark.visitSet == nil || (mode == InPerson && !h.NotAtPlacement),
	}
	return hc
}

func contentFinding(measure string, it Item, hc HeldCheck) finding.Finding {
	var what msg.Message
	switch {
	case !hc.ChildConversationOK:
		what = msg.New("followup.content.no-child-conversation")
	case !hc.ModeOK:
		what = msg.New("followup.content.mode", "mode", hc.Held.Mode.value(), "allowed", it.Modes.value())
	default:
		what = msg.New("followup.content.not-at-placement")
	}
	sev := finding.Warning
	if it.Statutory {
		sev = finding.Error
	}
	return finding.New("followup.content.unmet", sev, measure, "",
		"held", msg.Date(hc.Held.On), "due", msg.Date(it.Due), "rules", msg.String(joinRules(it)), "what", msg.Nested(what))
}
