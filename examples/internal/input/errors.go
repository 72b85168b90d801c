package input

import (
	"errors"
	"strconv"
	"strings"
)

// Error is one problem with the input: which file (or request body), which
// field (a JSON path such as cases[3].measures[0].start), the bad value as
// it appeared, the case and measure it belongs to, and what is wrong.
type Error struct {
	File    string `json:"file"`
	Field   string `json:"field,omitempty"`
	Value   string `json:"value,omitempty"`
	Case    string `json:"case,omitempty"`
	Measure string `json:"measure,omitempty"`
	// Reason says what is wrong, in English, for the person who made the
	// file.
	Reason string `json:"reason"`
	// Line and Column locate a syntax error (1-based); 0 when unknown.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

// Error renders the problem on one line:
//
//	sample.json: cases[3].measures[0].start = "2026-02-30" (case "c04", measure "m04-1"): not an existing date as YYYY-MM-DD
func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	}
	var parts []string
	if e.Field != "" {
		f := e.Field
		if e.Value != "" {
			f += " = " + e.Value
		}
		parts = append(parts, f)
	}
	var ids []string
	if e.Case != "" {
		ids = append(ids, "case "+strconv.Quote(e.Case))
	}
	if e.Measure != "" {
		ids = append(ids, "measure "+strconv.Quote(e.Measure))
	}
	if len(ids) > 0 {
		parts = append(parts, "("+strings.Join(ids, ", ")+")")
	}
	if len(parts) == 0 {
		return loc + ": " + e.Reason
	}
	return loc + ": " + strings.Join(parts, " ") + ": " + e.Reason
}

// MaxErrors bounds how many problems one decode reports.
const MaxErrors = 50

// Errors is every problem found in one input, in document order. It is the
// error Decode and Data.CheckAsOf return.
type Errors []*Error

// Error renders each problem on its own line.
func (l Errors) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// AsErrors returns the problems behind err, or nil if err is not an input
// error.
func AsErrors(err error) Errors {
	var l Errors
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return nil
}

// quote renders a bad string value for an Error.
func quote(s string) string {
	const max = 80
	if len(s) > max {
		// Cut on a rune boundary.
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
