// Package finding holds the coded, bilingual findings that trappe's
// validators return: a caseload over its limit, a SMART goal without an
// indicator, a rule set that undercuts the statutory floor.
//
// A validator never stops at the first problem. It returns a List with every
// finding at once, each with a stable Code a vendor can branch on, a Severity,
// the Subject it is about (a worker id, a case id, a goal id, a rule id) and a
// message a case worker can read in Danish and in English.
//
// The package sits under ladder because every other trappe package imports
// ladder; it has no dependencies of its own.
package finding

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/trappe-dk/trappe/ladder/msg"
)

// Severity says how much a finding matters. The zero value is not a valid
// severity.
type Severity uint8

const (
	// Info is worth knowing; nothing needs doing.
	Info Severity = 1 + iota
	// Warning needs attention but does not break a rule.
	Warning
	// Error breaks a rule or makes the input unusable.
	Error
)

var severityCodes = [...]string{Info: "info", Warning: "warning", Error: "error"}

// IsValid reports whether s is one of the defined severities.
func (s Severity) IsValid() bool { return s >= Info && s <= Error }

// String returns the stable code ("info", "warning", "error"), or a
// diagnostic like "finding.Severity(7)" for an invalid value.
func (s Severity) String() string {
	if !s.IsValid() {
		return fmt.Sprintf("finding.Severity(%d)", uint8(s))
	}
	return severityCodes[s]
}

// Danish returns the Danish label.
func (s Severity) Danish() string {
	switch s {
	case Info:
		return "til orientering"
	case Warning:
		return "advarsel"
	case Error:
		return "fejl"
	}
	return s.String()
}

// MarshalText returns the stable code.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("finding.Severity.MarshalText: invalid severity %d", uint8(s))
	}
	return []byte(severityCodes[s]), nil
}

// UnmarshalText parses a stable code.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(text string) (Severity, error) {
	for i, c := range severityCodes {
		if i > 0 && c == text {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("finding.ParseSeverity: unknown severity %q", text)
}

// Finding is one problem or observation: a stable code, its severity, the
// subject it is about, the source it rests on, and the arguments of its
// message as data (package msg), which the catalogue renders in a case
// worker's language. The zero value is an empty finding with no code;
// validators never return one.
type Finding struct {
	// Code is stable and dotted, e.g. "caseload.over-hard-limit" or "smart.M.no-indicator".
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	// Subject names what the finding is about: a worker, case, goal or rule id.
	Subject string `json:"subject,omitempty"`
	// Args are the message's arguments as data: dates, periods, counts,
	// names. The catalogue's template for Code says how they read.
	Args []msg.Arg `json:"-"`
	// Source cites the rule behind the finding, e.g. "Kompendium s. 32".
	Source string `json:"source,omitempty"`
	// da and en are the texts of a finding read back from JSON, whose
	// arguments' types are not on the wire.
	da, en string
}

// New returns a finding whose message is the code with args (alternating
// names and msg.Values, as msg.New takes them).
func New(code string, sev Severity, subject, source string, args ...any) Finding {
	return Finding{Code: code, Severity: sev, Subject: subject, Source: source, Args: msg.New(code, args...).Args}
}

// Message returns the finding's message: its code and arguments.
func (f Finding) Message() msg.Message { return msg.Message{Code: f.Code, Args: f.Args} }

// Text renders the finding's message in lang with the default catalogue
// (msg.Default); a vendor renders with its own catalogue's Text.
func (f Finding) Text(lang msg.Lang) string {
	switch { // a finding read back from JSON keeps the texts it was written with
	case lang == msg.Danish && f.da != "":
		return f.da
	case lang == msg.English && f.en != "":
		return f.en
	}
	return msg.Default().Text(f.Message(), lang)
}

// String renders the finding on one line in English.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Severity.String())
	b.WriteString(" ")
	b.WriteString(f.Code)
	if f.Subject != "" {
		b.WriteString(" [")
		b.WriteString(f.Subject)
		b.WriteString("]")
	}
	b.WriteString(": ")
	b.WriteString(f.Text(msg.English))
	return b.String()
}

// List is every finding of one validation, in a deterministic order chosen by
// the validator. A nil List means nothing was found.
type List []Finding

// HasErrors reports whether any finding has severity Error.
func (l List) HasErrors() bool {
	for _, f := range l {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Codes returns the codes in order, which is handy in tests.
func (l List) Codes() []string {
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = f.Code
	}
	return out
}

// Filter returns the findings of at least the given severity.
func (l List) Filter(min Severity) List {
	var out List
	for _, f := range l {
		if f.Severity >= min {
			out = append(out, f)
		}
	}
	return out
}

// Err returns nil when l has no Error findings, otherwise an *Error naming
// op (the function that validated) and holding every finding.
func (l List) Err(op string) error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{Op: op, Findings: append(List(nil), l...)}
}

// ListError is the error a validator returns when its input has Error
// findings. It lists every problem, not only the first.
type ListError struct {
	Op       string
	Findings List
}

func (e *ListError) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	errs := e.Findings.Filter(Error)
	fmt.Fprintf(&b, ": %d problem", len(errs))
	if len(errs) != 1 {
		b.WriteString("s")
	}
	for _, f := range errs {
		b.WriteString("; ")
		b.WriteString(f.Code)
		if f.Subject != "" {
			b.WriteString(" [")
			b.WriteString(f.Subject)
			b.WriteString("]")
		}
		b.WriteString(": ")
		b.WriteString(f.Text(msg.English))
	}
	return b.String()
}

// findingJSON is a finding on the wire: its data, its message's arguments,
// and the message rendered in Danish and English.
type findingJSON struct {
	Code     string          `json:"code"`
	Severity Severity        `json:"severity"`
	Subject  string          `json:"subject,omitempty"`
	Args     json.RawMessage `json:"args,omitempty"`
	Da       string          `json:"da"`
	En       string          `json:"en"`
	Source   string          `json:"source,omitempty"`
}

// MarshalJSON writes the code, severity, subject and source, the message's
// arguments as data ("args", as msg.Message writes them), and the message
// rendered with the default catalogue in Danish ("da") and English ("en").
func (f Finding) MarshalJSON() ([]byte, error) {
	j := findingJSON{Code: f.Code, Severity: f.Severity, Subject: f.Subject, Source: f.Source,
		Da: f.Text(msg.Danish), En: f.Text(msg.English)}
	if len(f.Args) > 0 {
		b, err := json.Marshal(f.Message())
		if err != nil {
			return nil, fmt.Errorf("finding.Finding.MarshalJSON: %s: %w", f.Code, err)
		}
		var m struct {
			Args json.RawMessage `json:"args"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("finding.Finding.MarshalJSON: %s: %w", f.Code, err)
		}
		j.Args = m.Args
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes: the arguments are read back
// by their form (msg.Message.UnmarshalJSON), and the finding keeps the
// Danish and English texts it was written with (Text returns them), so
// marshalling it again gives the same JSON.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var j findingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("finding.Finding.UnmarshalJSON: %w", err)
	}
	v := Finding{Code: j.Code, Severity: j.Severity, Subject: j.Subject, Source: j.Source, da: j.Da, en: j.En}
	if len(j.Args) > 0 {
		var m msg.Message
		if err := json.Unmarshal([]byte(`{"code":"x","args":`+string(j.Args)+`}`), &m); err != nil {
			return fmt.Errorf("finding.Finding.UnmarshalJSON: %s: %w", j.Code, err)
		}
		v.Args = m.Args
	}
	*f = v
	return nil
}
