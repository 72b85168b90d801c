package msg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
)

// Message is a code and its arguments: a text as data. The zero value has
// no code.
type Message struct {
	Code string
	Args []Arg
}

// Arg is one named argument of a message.
type Arg struct {
	Name  string
	Value Value
}

// New returns a message; args alternate names and values:
// New("followup.rule.ended", "rule", msg.String("H-MST"), "last", msg.Date(d)).
// An odd count or a name that is not a string is a programming error and
// panics (the package's tests render every message).
func New(code string, args ...any) Message {
	if len(args)%2 != 0 {
		panic(fmt.Sprintf("msg.New(%q): odd number of arguments", code))
	}
	m := Message{Code: code, Args: make([]Arg, 0, len(args)/2)}
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		v, vok := args[i+1].(Value)
		if !ok || !vok {
			panic(fmt.Sprintf("msg.New(%q): argument %d is not a name and a msg.Value", code, i/2))
		}
		m.Args = append(m.Args, Arg{Name: name, Value: v})
	}
	return m
}

func (m Message) arg(name string) (Value, bool) {
	for _, a := range m.Args {
		if a.Name == name {
			return a.Value, true
		}
	}
	return Value{}, false
}

// Arg returns the value of a named argument, and false if there is none.
func (m Message) Arg(name string) (Value, bool) { return m.arg(name) }

// Text renders the message with the default catalogue.
func (m Message) Text(lang Lang) string { return Default().Text(m, lang) }

// MarshalJSON writes {"code": ..., "args": {name: value, ...}}, the
// arguments in their declared order.
func (m Message) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	code, _ := json.Marshal(m.Code)
	b.WriteString(`{"code":`)
	b.Write(code)
	if len(m.Args) > 0 {
		b.WriteString(`,"args":{`)
		for i, a := range m.Args {
			if i > 0 {
				b.WriteByte(',')
			}
			name, _ := json.Marshal(a.Name)
			b.Write(name)
			b.WriteByte(':')
			v, err := a.Value.MarshalJSON()
			if err != nil {
				return nil, fmt.Errorf("msg.Message.MarshalJSON: %s: %w", a.Name, err)
			}
			b.Write(v)
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type kind uint8

const (
	kindNone kind = iota
	kindString
	kindInt
	kindFloat
	kindDate
	kindPeriod
	kindDays
	kindDuration
	kindText
	kindMessage
	kindList
)

// Value is an argument value: a string, a whole number, a decimal number
// with a fixed number of decimals, a date, a period of months and days, a
// count of days, a duration, a text given per language by data (a rule's
// name), a nested message, or a list of strings. Each is formatted for
// the language it is rendered in. The zero value renders as nothing.
type Value struct {
	k      kind
	s      string
	n      int64
	f      float64
	d      date.Date
	months int32
	days   int32
	tx     map[Lang]string
	m      *Message
	list   []string
}

// String is a string argument (an id, a name).
func String(s string) Value { return Value{k: kindString, s: s} }

// Int is a whole number.
func Int(n int) Value { return Value{k: kindInt, n: int64(n)} }

// Float is a decimal number shown with prec decimals (Danish decimal comma).
func Float(f float64, prec int) Value { return Value{k: kindFloat, f: f, n: int64(prec)} }

// Date is a calendar date, shown as YYYY-MM-DD.
func Date(d date.Date) Value { return Value{k: kindDate, d: d} }

// Period is a period of calendar months and days, shown in words: "3
// måneder", "2 uger", "1 month and 3 days". Whole weeks show as weeks.
func Period(months, days int32) Value { return Value{k: kindPeriod, months: months, days: days} }

// Days is a count of days: "1 dag", "3 days".
func Days(n int) Value { return Value{k: kindDays, n: int64(n)} }

// Duration is a positive duration in hours and minutes, rounded up to the
// minute: "2 timer og 15 minutter".
func Duration(d time.Duration) Value { return Value{k: kindDuration, n: int64(d)} }

// Text is a text that data gives per language (a rule's name, a note). A
// language it lacks renders as its English text marked with "[en]", or if
// it has no English either, its first text.
func Text(byLang map[Lang]string) Value {
	c := make(map[Lang]string, len(byLang))
	for k, v := range byLang {
		c[k] = v
	}
	return Value{k: kindText, tx: c}
}

// Nested is a message rendered inside another, in the same language.
func Nested(m Message) Value { return Value{k: kindMessage, m: &m} }

// List is a list of strings, joined with ", ".
func List(items ...string) Value { return Value{k: kindList, list: append([]string(nil), items...)} }

// writeValue formats v for lang.
func (c *Catalogue) writeValue(b *strings.Builder, v Value, lang Lang) {
	switch v.k {
	case kindString:
		b.WriteString(v.s)
	case kindInt:
		b.WriteString(strconv.FormatInt(v.n, 10))
	case kindFloat:
		b.WriteString(formatFloat(v.f, int(v.n), lang))
	case kindDate:
		b.WriteString(v.d.String())
	case kindPeriod:
		b.WriteString(periodWords(v.months, v.days, lang))
	case kindDays:
		b.WriteString(countWords(v.n, lang, "dag", "dage", "day", "days"))
	case kindDuration:
		b.WriteString(durationWords(time.Duration(v.n), lang))
	case kindText:
		b.WriteString(textIn(v.tx, lang))
	case kindMessage:
		c.write(b, *v.m, lang)
	case kindList:
		b.WriteString(strings.Join(v.list, ", "))
	}
}

// MarshalJSON writes the value as JSON data: a string, a number, a date
// "YYYY-MM-DD", a period as ISO 8601 ("P3M", "P2W"), days as a number, a
// duration in minutes, a text as {"da": ..., "en": ...}, a nested message,
// a list as an array.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.k {
	case kindString:
		return json.Marshal(v.s)
	case kindInt, kindDays:
		return []byte(strconv.FormatInt(v.n, 10)), nil
	case kindFloat:
		if math.IsNaN(v.f) || math.IsInf(v.f, 0) {
			return nil, fmt.Errorf("msg.Value.MarshalJSON: %v is not a number JSON can hold", v.f)
		}
		return []byte(strconv.FormatFloat(v.f, 'f', int(v.n), 64)), nil
	case kindDate:
		return json.Marshal(v.d.String())
	case kindPeriod:
		return json.Marshal(isoPeriod(v.months, v.days))
	case kindDuration:
		return []byte(strconv.FormatInt((v.n+int64(time.Minute)-1)/int64(time.Minute), 10)), nil
	case kindText:
		return json.Marshal(v.tx)
	case kindMessage:
		return v.m.MarshalJSON()
	case kindList:
		if v.list == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(v.list)
	}
	return []byte("null"), nil
}

func formatFloat(f float64, prec int, lang Lang) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if lang == Danish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func textIn(tx map[Lang]string, lang Lang) string {
	if t, ok := tx[lang]; ok {
		return t
	}
	if t, ok := tx[English]; ok {
		return "[en] " + t
	}
	for _, l := range []Lang{Danish} {
		if t, ok := tx[l]; ok {
			return "[" + string(l) + "] " + t
		}
	}
	return ""
}

type units struct{ m1, mn, w1, wn, d1, dn, and string }

var periodUnits = map[Lang]units{
	Danish:  {"måned", "måneder", "uge", "uger", "dag", "dage", "og"},
	English: {"month", "months", "week", "weeks", "day", "days", "and"},
}

// periodWords writes a period in words, "3 måneder" or "6 weeks"; whole
// weeks show as weeks. A language without words of its own gets ISO 8601.
func periodWords(months, days int32, lang Lang) string {
	u, ok := periodUnits[lang]
	if !ok {
		return isoPeriod(months, days)
	}
	var parts []string
	if months != 0 {
		parts = append(parts, plural(int64(months), u.m1, u.mn))
	}
	switch {
	case days != 0 && days%7 == 0:
		parts = append(parts, plural(int64(days/7), u.w1, u.wn))
	case days != 0:
		parts = append(parts, plural(int64(days), u.d1, u.dn))
	}
	if len(parts) == 0 {
		return plural(0, u.d1, u.dn)
	}
	return strings.Join(parts, " "+u.and+" ")
}

func isoPeriod(months, days int32) string {
	var b strings.Builder
	b.WriteString("P")
	if y := months / 12; y != 0 && months%12 == 0 {
		fmt.Fprintf(&b, "%dY", y)
	} else if months != 0 {
		fmt.Fprintf(&b, "%dM", months)
	}
	switch {
	case days != 0 && days%7 == 0:
		fmt.Fprintf(&b, "%dW", days/7)
	case days != 0:
		fmt.Fprintf(&b, "%dD", days)
	}
	if b.Len() == 1 {
		b.WriteString("0D")
	}
	return b.String()
}

func plural(n int64, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.FormatInt(n, 10) + " " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

func countWords(n int64, lang Lang, da1, daN, en1, enN string) string {
	if lang == Danish {
		return plural(n, da1, daN)
	}
	return plural(n, en1, enN)
}

// durationWords writes a positive duration in hours and minutes, rounded up
// to the minute.
func durationWords(d time.Duration, lang Lang) string {
	m := int64((d + time.Minute - 1) / time.Minute)
	h, m := m/60, m%60
	hOne, hMany, mOne, mMany, and := "hour", "hours", "minute", "minutes", "and"
	if lang == Danish {
		hOne, hMany, mOne, mMany, and = "time", "timer", "minut", "minutter", "og"
	}
	switch {
	case h == 0:
		return plural(m, mOne, mMany)
	case m == 0:
		return plural(h, hOne, hMany)
	}
	return plural(h, hOne, hMany) + " " + and + " " + plural(m, mOne, mMany)
}

var (
	isoDateRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	isoPeriodRE = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(-?\d+)M)?(?:(\d+)W)?(?:(-?\d+)D)?$`)
)

// UnmarshalJSON reads what MarshalJSON writes. The arguments' types are
// not on the wire, so they are read back by their form: a "YYYY-MM-DD"
// string as a date, an ISO 8601 period ("P3M") as a period, a whole number
// as a number, a decimal as a decimal with the decimals written, an object
// with a code as a nested message, an object of strings as a text per
// language, a list as a list, anything else as a string. Marshalling the
// result gives the same JSON; counts of days or minutes come back as
// numbers. On error m is unchanged.
func (m *Message) UnmarshalJSON(b []byte) error {
	var j struct {
		Code string                     `json:"code"`
		Args map[string]json.RawMessage `json:"args"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("msg.Message.UnmarshalJSON: %w", err)
	}
	args, err := decodeArgs(b)
	if err != nil {
		return fmt.Errorf("msg.Message.UnmarshalJSON: %s: %w", j.Code, err)
	}
	*m = Message{Code: j.Code, Args: args}
	return nil
}

// decodeArgs reads the "args" object of a message's JSON in its order.
func decodeArgs(b []byte) ([]Arg, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // {
		return nil, err
	}
	var out []Arg
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if key != "args" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return nil, fmt.Errorf("args is not an object")
		}
		for dec.More() {
			name, err := dec.Token()
			if err != nil {
				return nil, err
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, err
			}
			v, err := decodeValue(raw)
			if err != nil {
				return nil, fmt.Errorf("%v: %w", name, err)
			}
			out = append(out, Arg{Name: name.(string), Value: v})
		}
		if _, err := dec.Token(); err != nil { // }
			return nil, err
		}
	}
	return out, nil
}

func decodeValue(raw json.RawMessage) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return Value{}, err
	}
	switch x := v.(type) {
	case nil:
		return Value{}, nil
	case string:
		if isoDateRE.MatchString(x) {
			if d, err := date.ParseISO(x); err == nil && d.String() == x {
				return Date(d), nil
			}
		}
		if p := isoPeriodRE.FindStringSubmatch(x); p != nil && x != "P" {
			n := func(s string) int32 { i, _ := strconv.Atoi(s); return int32(i) }
			return Period(n(p[1])*12+n(p[2]), n(p[3])*7+n(p[4])), nil
		}
		return String(x), nil
	case json.Number:
		s := x.String()
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return Value{k: kindInt, n: i}, nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return Value{}, err
		}
		prec := 0
		if i := strings.IndexByte(s, '.'); i >= 0 && !strings.ContainsAny(s, "eE") {
			prec = len(s) - i - 1
		}
		return Float(f, prec), nil
	case []any:
		items := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return Value{}, fmt.Errorf("a list holds only strings")
			}
			items = append(items, s)
		}
		return List(items...), nil
	case map[string]any:
		if _, ok := x["code"]; ok {
			var m Message
			if err := m.UnmarshalJSON(raw); err != nil {
				return Value{}, err
			}
			return Nested(m), nil
		}
		tx := map[Lang]string{}
		for k, e := range x {
			s, ok := e.(string)
			if !ok {
				return Value{}, fmt.Errorf("a text holds only strings")
			}
			tx[Lang(k)] = s
		}
		return Text(tx), nil
	}
	return Value{}, fmt.Errorf("unexpected %T", v)
}
