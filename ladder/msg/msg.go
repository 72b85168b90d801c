// Package msg keeps trappe's texts as data. Every finding and every reason
// (why an item is due, what an exception relaxed, why a goal fails SMART)
// is a Message: a stable code and its arguments — dates, periods, counts,
// rule ids, names — so a vendor can render it in its own words without
// parsing text.
//
// The words live in a Catalogue: one template per code and language, with
// named placeholders such as "{measure}" that take the message's arguments,
// formatted for the language (a Danish decimal comma, "3 måneder" /
// "3 months"). Each package declares its codes, their arguments and the
// Danish and English templates side by side in one table (its
// messages.go), and Default gathers them. A vendor overrides some texts or
// adds a language with Catalogue.With, without forking. There is one way to
// render: Catalogue.Text(message, lang). A text missing in a language falls
// back visibly, to the code in brackets, never silently to another
// language.
//
// The package sits under ladder because every other trappe package imports
// ladder; it depends on nothing but the date type.
package msg

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Lang is a language of the texts: "da" and "en" ship with trappe; a
// vendor's catalogue can add others. The zero value is no language.
type Lang string

// The shipped languages.
const (
	Danish  Lang = "da"
	English Lang = "en"
)

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z]{2})?$`)

// ParseLang parses a shipped language, "da" or "en". An unknown language is
// an error, never a silent fall-back to English; a vendor's own languages
// are parsed by its catalogue (Catalogue.ParseLang).
func ParseLang(s string) (Lang, error) {
	return Default().parseLang("msg.ParseLang", s)
}

// String returns the code, e.g. "da".
func (l Lang) String() string { return string(l) }

// MarshalText returns the code; the zero value is an error.
func (l Lang) MarshalText() ([]byte, error) {
	if l == "" {
		return nil, fmt.Errorf("msg.Lang.MarshalText: no language")
	}
	return []byte(l), nil
}

// UnmarshalText parses a shipped language; on error l is unchanged.
func (l *Lang) UnmarshalText(b []byte) error {
	v, err := Default().parseLang("msg.Lang.UnmarshalText", string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Entry declares one message: its code, the names of its arguments, and
// its Danish and English templates.
type Entry struct {
	Code string
	Args []string
	Da   string
	En   string
}

// Catalogue holds the templates of the messages, per language. It is
// immutable and safe for concurrent use; With returns a new catalogue.
type Catalogue struct {
	args  map[string][]string        // code → argument names
	texts map[Lang]map[string]string // language → code → template
	langs []Lang
}

var (
	registry     = &Catalogue{args: map[string][]string{}, texts: map[Lang]map[string]string{Danish: {}, English: {}}, langs: []Lang{Danish, English}}
	registryMu   sync.Mutex
	defaultCat   *Catalogue
	defaultBuilt bool
)

// Define declares messages; a package calls it from package-level
// variables with its tables (usually one, in its messages.go). A code declared twice, or a
// template whose placeholders differ from the declared arguments, is a
// programming error in that table and panics when the package loads (the
// package's tests load it). It returns the number of entries.
func Define(entries ...Entry) int {
	registryMu.Lock()
	defer registryMu.Unlock()
	if defaultBuilt {
		panic("msg.Define: called after Default was built; call it from a package-level variable")
	}
	for _, e := range entries {
		if _, dup := registry.args[e.Code]; dup {
			panic(fmt.Sprintf("msg.Define: code %q declared twice", e.Code))
		}
		for _, t := range []string{e.Da, e.En} {
			if err := checkTemplate(e.Code, t, e.Args); err != nil {
				panic("msg.Define: " + err.Error())
			}
		}
		registry.args[e.Code] = slices.Clone(e.Args)
		registry.texts[Danish][e.Code] = e.Da
		registry.texts[English][e.Code] = e.En
	}
	return len(entries)
}

// Default returns the shipped catalogue: every message the loaded packages
// declared, in Danish and English.
func Default() *Catalogue {
	registryMu.Lock()
	defer registryMu.Unlock()
	if !defaultBuilt {
		defaultCat, defaultBuilt = registry.clone(), true
	}
	return defaultCat
}

func (c *Catalogue) clone() *Catalogue {
	out := &Catalogue{args: make(map[string][]string, len(c.args)), texts: map[Lang]map[string]string{}, langs: slices.Clone(c.langs)}
	for k, v := range c.args {
		out.args[k] = v
	}
	for l, m := range c.texts {
		cm := make(map[string]string, len(m))
		for k, v := range m {
			cm[k] = v
		}
		out.texts[l] = cm
	}
	return out
}

// With returns a copy of the catalogue with texts for lang: it overrides
// templates of a shipped language, or adds a language. Every code must be
// one the catalogue declares, and every template must use exactly the
// code's arguments; every problem is reported at once.
func (c *Catalogue) With(lang Lang, texts map[string]string) (*Catalogue, error) {
	if c == nil {
		return nil, fmt.Errorf("msg.Catalogue.With: nil catalogue")
	}
	if !langRE.MatchString(string(lang)) {
		return nil, fmt.Errorf("msg.Catalogue.With: language %q is not a language code like \"de\" or \"en-GB\"", lang)
	}
	var errs []string
	codes := make([]string, 0, len(texts))
	for code := range texts {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		args, ok := c.args[code]
		if !ok {
			errs = append(errs, fmt.Sprintf("unknown code %q", code))
			continue
		}
		if err := checkTemplate(code, texts[code], args); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("msg.Catalogue.With: %s", strings.Join(errs, "; "))
	}
	out := c.clone()
	if _, ok := out.texts[lang]; !ok {
		out.texts[lang] = map[string]string{}
		out.langs = append(out.langs, lang)
	}
	for code, t := range texts {
		out.texts[lang][code] = t
	}
	return out, nil
}

// Langs returns the catalogue's languages, the shipped ones first.
func (c *Catalogue) Langs() []Lang { return slices.Clone(c.langs) }

// ParseLang parses one of the catalogue's languages.
func (c *Catalogue) ParseLang(s string) (Lang, error) {
	return c.parseLang("msg.Catalogue.ParseLang", s)
}

func (c *Catalogue) parseLang(op, s string) (Lang, error) {
	if slices.Contains(c.langs, Lang(s)) {
		return Lang(s), nil
	}
	want := make([]string, len(c.langs))
	for i, l := range c.langs {
		want[i] = string(l)
	}
	return "", fmt.Errorf("%s: unknown language %q (want one of %s)", op, s, strings.Join(want, ", "))
}

// Codes returns every declared code, sorted.
func (c *Catalogue) Codes() []string {
	out := make([]string, 0, len(c.args))
	for k := range c.args {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Args returns the argument names a code declares, and false for an
// unknown code.
func (c *Catalogue) Args(code string) ([]string, bool) {
	a, ok := c.args[code]
	return slices.Clone(a), ok
}

// Template returns the template of a code in a language, and false if the
// catalogue has none.
func (c *Catalogue) Template(code string, lang Lang) (string, bool) {
	t, ok := c.texts[lang][code]
	return t, ok
}

// Text renders a message in a language: the code's template with each
// placeholder replaced by its argument formatted for the language. A code
// with no template in the language renders visibly as "[code]" followed by
// the arguments, never as another language's text.
func (c *Catalogue) Text(m Message, lang Lang) string {
	var b strings.Builder
	c.write(&b, m, lang)
	return b.String()
}

func (c *Catalogue) write(b *strings.Builder, m Message, lang Lang) {
	var t string
	ok := false
	if c != nil {
		t, ok = c.texts[lang][m.Code]
	}
	if !ok {
		b.WriteString("[" + m.Code + "]")
		for _, a := range m.Args {
			b.WriteString(" " + a.Name + "=")
			c.writeValue(b, a.Value, lang)
		}
		return
	}
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:i])
		name := t[i+1 : i+j]
		if v, ok := m.arg(name); ok {
			c.writeValue(b, v, lang)
		} else {
			b.WriteString("{" + name + "}")
		}
		t = t[i+j+1:]
	}
}

var placeholderRE = regexp.MustCompile(`\{([A-Za-z][A-Za-z0-9]*)\}`)

// checkTemplate reports a template whose placeholders differ from args.
func checkTemplate(code, t string, args []string) error {
	used := map[string]bool{}
	for _, m := range placeholderRE.FindAllStringSubmatch(t, -1) {
		used[m[1]] = true
	}
	var missing, extra []string
	for _, a := range args {
		if !used[a] {
			missing = append(missing, a)
		}
	}
	for u := range used {
		if !slices.Contains(args, u) {
			extra = append(extra, u)
		}
	}
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		return fmt.Errorf("code %q: template %q leaves out %v and uses unknown %v", code, t, missing, extra)
	}
	if strings.TrimSpace(t) == "" {
		return fmt.Errorf("code %q: empty template", code)
	}
	return nil
}
