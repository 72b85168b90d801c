package ladder_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/trappe-dk/trappe/ladder"
)

// Run one at a time, e.g.
//
//	go test -run=^$ -fuzz=FuzzParseStep -fuzztime=20s ./ladder/

func FuzzParseStep(f *testing.F) {
	for _, s := range ladder.Steps() {
		f.Add(s.Code())
	}
	for _, s := range []string{"", "plejefamilje", "Plejefamilie", "ladder.Step(9)", "netværk", "under-afklaring", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ladder.ParseStep(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ladder.ParseStep: unknown step ") {
				t.Fatalf("ParseStep(%q): error %q does not name the function", in, err)
			}
			if s != ladder.EverydayLife {
				t.Fatalf("ParseStep(%q): error with non-zero step %d", in, s)
			}
			keep := ladder.Institution
			if keep.UnmarshalText([]byte(in)) == nil || keep != ladder.Institution {
				t.Fatalf("UnmarshalText(%q) accepted or changed the value", in)
			}
			return
		}
		if !s.IsValid() {
			t.Fatalf("ParseStep(%q) = invalid %d", in, s)
		}
		if s.String() != in || s.Code() != in {
			t.Fatalf("ParseStep(%q) = %s: does not round-trip", in, s)
		}
		text, err := s.MarshalText()
		if err != nil || string(text) != in {
			t.Fatalf("MarshalText of %q = %q, %v", in, text, err)
		}
	})
}

// codeRE and ruleRE are independent statements of the code and rule-id
// grammars: lower-case (upper-case) ASCII words joined by single hyphens.
var (
	codeRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	ruleRE = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*$`)
)

// FuzzParseIntervention fuzzes the intervention code parser, and the code
// check behind Intervention.Validate and CheckCode and the rule-id check
// behind CheckRuleID against regular expressions.
func FuzzParseIntervention(f *testing.F) {
	for _, iv := range ladder.Default().All() {
		f.Add(iv.Code)
	}
	for _, s := range []string{"", "-", "a-", "-a", "a--b", "A", "H-INST", "mst ", "æ", strings.Repeat("a", 64), strings.Repeat("a", 65), "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		iv, err := ladder.ParseIntervention(in)
		if err == nil {
			if iv.Code != in {
				t.Fatalf("ParseIntervention(%q).Code = %q", in, iv.Code)
			}
			text, err := iv.MarshalText()
			if err != nil || string(text) != in {
				t.Fatalf("MarshalText of %q = %q, %v", in, text, err)
			}
			if err := iv.Validate(); err != nil {
				t.Fatalf("default entry %q invalid: %v", in, err)
			}
			var back ladder.Intervention
			if err := back.UnmarshalText(text); err != nil || back != iv {
				t.Fatalf("UnmarshalText(%q) = %v, %v", text, back, err)
			}
		} else if !strings.HasPrefix(err.Error(), "ladder.ParseIntervention: unknown intervention ") {
			t.Fatalf("ParseIntervention(%q): error %q", in, err)
		}

		// checkCode via Validate: everything else about the entry is valid.
		cand := ladder.Intervention{Code: in, Danish: "x", Step: ladder.HomeBased, Basis: ladder.BasisSupport}
		wantOK := len(in) <= 64 && codeRE.MatchString(in)
		if gotOK := cand.Validate() == nil; gotOK != wantOK {
			t.Fatalf("Validate with code %q: ok=%v, want %v (%v)", in, gotOK, wantOK, cand.Validate())
		}

		// checkCode via CheckCode.
		if err := ladder.CheckCode(in); (err == nil) != wantOK {
			t.Fatalf("CheckCode(%q): ok=%v, want %v (%v)", in, err == nil, wantOK, err)
		} else if err != nil && !strings.HasPrefix(err.Error(), fmt.Sprintf("ladder.CheckCode: %q: ", in)) {
			t.Fatalf("CheckCode(%q): error %q does not name the function and the code", in, err)
		}

		// checkRuleID via CheckRuleID.
		wantRule := len(in) <= 64 && ruleRE.MatchString(in)
		if gotRule := ladder.CheckRuleID(in) == nil; gotRule != wantRule {
			t.Fatalf("CheckRuleID(%q): ok=%v, want %v", in, gotRule, wantRule)
		}
	})
}

// FuzzParseDate checks ParseDate against the standard library's strict
// layout parse: a date is accepted exactly when time.Parse accepts it,
// formats it back to the same text and lies in 1900–2199; a rejection for
// the range alone wraps ErrDateRange.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "2023-02-30", "2023-2-3", "20230203", "", "2024-02-29x",
		"0001-01-01", "0000-01-01", "9999-12-31", "+2024-02-29", "-2024-02-29", "2024-060", "2024-02-29T10:00:00Z", "1900-02-29",
		"1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ladder.ParseDate(in)
		ref, refErr := time.Parse("2006-01-02", in)
		exists := refErr == nil && ref.Format("2006-01-02") == in
		inRange := exists && ref.Year() >= 1900 && ref.Year() <= 2199
		if (err == nil) != inRange {
			t.Fatalf("ParseDate(%q): err=%v, but time.Parse says it exists=%v (%v), in 1900–2199=%v", in, err, exists, refErr, inRange)
		}
		if exists && !inRange && !errors.Is(err, ladder.ErrDateRange) {
			t.Fatalf("ParseDate(%q): error %v does not wrap ErrDateRange", in, err)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ladder.ParseDate: invalid date ") {
				t.Fatalf("ParseDate(%q): error %q does not name the function", in, err)
			}
			return
		}
		if got.String() != in {
			t.Fatalf("ParseDate(%q) = %s: does not round-trip", in, got)
		}
		y, m, d := got.Date()
		if y != ref.Year() || m != ref.Month() || d != ref.Day() {
			t.Fatalf("ParseDate(%q) = %d-%d-%d, time.Parse = %s", in, y, m, d, ref)
		}
	})
}
