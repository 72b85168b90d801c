package ladder

import (
	"errors"
	"fmt"
	"strconv"
)

// Basis is the legal category of an intervention, which decides whether the
// law requires follow-up on it (SEL § 70; BL §§ 95–96). The zero value is
// not a valid basis.
type Basis uint8

const (
	// BasisUniversal: help in universal services outside the children's
	// provisions of SEL/BL (e.g. the health visitor under Sundhedsloven).
	BasisUniversal Basis = 1 + iota
	// BasisEarly: early preventive support, SEL § 11 stk. 3 / BL § 30. The
	// law sets no follow-up cadence.
	BasisEarly
	// BasisSupport: supportive measures, SEL § 52 stk. 3 / BL § 32 (and
	// related). Statutory follow-up applies.
	BasisSupport
	// BasisPlacement: placement outside the home, SEL § 52 stk. 3 nr. 7 and
	// § 58 / BL §§ 46–47. Statutory follow-up and supervision apply.
	BasisPlacement
	// BasisAftercare: support to a young person of 18 to 22 after a
	// placement or a contact person (efterværn, SEL § 76; ungestøtte, BL
	// §§ 114–116). Not a placement, even where the young person stays on at
	// the former placement: a placement ends at 18. Barnets Lov requires
	// follow-up on it (BL § 95, stk. 1, lists §§ 114–116); whether SEL § 70
	// did for § 76 is unconfirmed, so the shipped Serviceloven rule set does
	// not cover it (package followup).
	BasisAftercare
)

var basisCodes = [...]string{BasisUniversal: "universal", BasisEarly: "early", BasisSupport: "support", BasisPlacement: "placement", BasisAftercare: "aftercare"}

// IsValid reports whether b is a defined basis.
func (b Basis) IsValid() bool { return b >= BasisUniversal && b <= BasisAftercare }

// String returns the code ("universal", "early", "support", "placement",
// "aftercare") or a diagnostic like "ladder.Basis(0)".
func (b Basis) String() string {
	if !b.IsValid() {
		return "ladder.Basis(" + strconv.Itoa(int(b)) + ")"
	}
	return basisCodes[b]
}

// FollowUpByLaw reports whether the law requires follow-up on measures of
// this basis (SEL § 70 until 2023; BL §§ 95–96 from 2024). Aftercare
// counts: Barnets Lov requires it (BL § 95, stk. 1); which rule set covers
// which basis on which day is the followup package's data.
func (b Basis) FollowUpByLaw() bool {
	return b == BasisSupport || b == BasisPlacement || b == BasisAftercare
}

// MarshalText returns the code.
func (b Basis) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, fmt.Errorf("ladder.Basis.MarshalText: invalid basis %d", uint8(b))
	}
	return []byte(basisCodes[b]), nil
}

// UnmarshalText parses a code; on error b is unchanged.
func (b *Basis) UnmarshalText(text []byte) error {
	for i, c := range basisCodes {
		if i > 0 && c == string(text) {
			*b = Basis(i)
			return nil
		}
	}
	return fmt.Errorf("ladder.Basis.UnmarshalText: unknown basis %q", string(text))
}

// Intervention is a type of measure (indsats, foranstaltning) as a
// case-management system records it: a stable code, its step on the ladder,
// whether it is legally a placement (anbringelse) and its legal basis. Which
// follow-up rule applies to it is not the catalogue's business: a
// municipality's rule set binds codes to its own rules (package followup),
// so two municipalities can use the same catalogue with different rules.
//
// The step is not the legal category: a placement on the child's own room
// is a legal placement on the home-based step, and residential family
// treatment is on the institution step without being a placement.
//
// An Intervention is a plain value; the zero value has no code and is not
// valid. As text and JSON an intervention is its code, resolved against the
// Default catalogue when read back (use Catalogue.Lookup for a vendor's own).
type Intervention struct {
	Code      string // stable code, e.g. "plejefamilie"; lower case a–z, 0–9 and '-'
	Danish    string // Danish name
	English   string // English name
	Step      Step   // step on the ladder (never EverydayLife)
	Placement bool   // legally a placement (anbringelse)
	Basis     Basis  // legal category, decides statutory follow-up
	SEL       string // legal basis under Serviceloven (until 31 Dec 2023)
	BL        string // legal basis under Barnets Lov (from 1 Jan 2024)
	// Note explains anything special, in English.
	Note string
}

// IsValid reports whether iv passes Validate.
func (iv Intervention) IsValid() bool { return iv.Validate() == nil }

// Validate checks the entry on its own: a well-formed code, a name, a step
// above everyday life, a valid basis that agrees with the placement flag, a
// placement no lower than the home-based step.
// It reports every problem at once.
func (iv Intervention) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("ladder.Intervention.Validate: "+format, args...))
	}
	if err := checkCode(iv.Code); err != nil {
		bad("intervention %q: %v", iv.Code, err)
	}
	if iv.Danish == "" {
		bad("intervention %q: no Danish name", iv.Code)
	}
	if !iv.Step.IsValid() || iv.Step == EverydayLife {
		bad("intervention %q: step %s is not a step a measure can sit on", iv.Code, iv.Step)
	}
	if !iv.Basis.IsValid() {
		bad("intervention %q: invalid basis %s", iv.Code, iv.Basis)
	} else if iv.Placement != (iv.Basis == BasisPlacement) {
		bad("intervention %q: placement flag %t disagrees with basis %s", iv.Code, iv.Placement, iv.Basis)
	}
	if iv.Placement && iv.Step.IsValid() && iv.Step < HomeBased {
		bad("intervention %q: a placement cannot sit below the home-based step (got %s)", iv.Code, iv.Step)
	}
	return errors.Join(errs...)
}

// FollowUpByLaw reports whether the law requires follow-up on this measure.
func (iv Intervention) FollowUpByLaw() bool { return iv.Basis.FollowUpByLaw() }

// String returns the code, or "ladder.Intervention(<none>)" for the zero value.
func (iv Intervention) String() string {
	if iv.Code == "" {
		return "ladder.Intervention(<none>)"
	}
	return iv.Code
}

// MarshalText returns the code; the zero value is an error.
func (iv Intervention) MarshalText() ([]byte, error) {
	if iv.Code == "" {
		return nil, errors.New("ladder.Intervention.MarshalText: intervention has no code")
	}
	return []byte(iv.Code), nil
}

// UnmarshalText looks the code up in the Default catalogue; on error iv is
// unchanged.
func (iv *Intervention) UnmarshalText(text []byte) error {
	v, err := Default().Lookup(string(text))
	if err != nil {
		return fmt.Errorf("ladder.Intervention.UnmarshalText: %w", err)
	}
	*iv = v
	return nil
}

// checkCode accepts lower-case ASCII letters and digits in words joined by
// single hyphens, 1–64 bytes.
func checkCode(s string) error {
	if s == "" {
		return errors.New("empty code")
	}
	if len(s) > 64 {
		return errors.New("code longer than 64 bytes")
	}
	prevHyphen := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevHyphen = false
		case c == '-' && !prevHyphen:
			prevHyphen = true
		default:
			return fmt.Errorf("byte %d (%q) is not allowed: codes are lower-case a-z, 0-9 and single hyphens", i, c)
		}
	}
	if prevHyphen {
		return errors.New("code ends with a hyphen")
	}
	return nil
}

// checkRuleID accepts upper-case ASCII letters and digits in words joined by
// single hyphens, 1–64 bytes, e.g. "H-INST".
func checkRuleID(s string) error {
	if s == "" {
		return errors.New("empty rule id")
	}
	if len(s) > 64 {
		return errors.New("rule id longer than 64 bytes")
	}
	prevHyphen := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			prevHyphen = false
		case c == '-' && !prevHyphen:
			prevHyphen = true
		default:
			return fmt.Errorf("byte %d (%q) is not allowed: rule ids are upper-case A-Z, 0-9 and single hyphens", i, c)
		}
	}
	if prevHyphen {
		return errors.New("rule id ends with a hyphen")
	}
	return nil
}

// CheckCode reports whether s is a well-formed intervention code such as
// "plejefamilie": lower-case a-z and 0-9 in words joined by single hyphens,
// 1-64 bytes. Rule sets that bind codes to rules use it.
func CheckCode(s string) error {
	if err := checkCode(s); err != nil {
		return fmt.Errorf("ladder.CheckCode: %q: %w", s, err)
	}
	return nil
}

// CheckRuleID reports whether s is a well-formed rule or exception id such
// as "H-INST" or "X-FJERN". The followup package uses it.
func CheckRuleID(s string) error {
	if err := checkRuleID(s); err != nil {
		return fmt.Errorf("ladder.CheckRuleID: %q: %w", s, err)
	}
	return nil
}
