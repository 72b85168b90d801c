package suite

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// errMissing is wrapped by lookup's error for a field that is not there.
var errMissing = errors.New("no such field")

// step is one step of a path: a field name, an index or a selector.
type step struct {
	name       string // a field
	index      int    // [n], when isIndex
	isIndex    bool
	key, value string // [key=value], when key != ""
}

func (s step) String() string {
	switch {
	case s.isIndex:
		return "[" + strconv.Itoa(s.index) + "]"
	case s.key != "":
		return "[" + s.key + "=" + s.value + "]"
	}
	return s.name
}

// parsePath splits a path such as "figures.steps.counts[step=institution].children".
func parsePath(p string) ([]step, error) {
	var out []step
	i := 0
	for i < len(p) {
		switch p[i] {
		case '.':
			if i == 0 || i == len(p)-1 {
				return nil, fmt.Errorf("path %q: a name may not be empty", p)
			}
			i++
		case '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("path %q: unclosed [", p)
			}
			inner := p[i+1 : i+j]
			i += j + 1
			if k, v, ok := strings.Cut(inner, "="); ok {
				if k == "" {
					return nil, fmt.Errorf("path %q: empty key in [%s]", p, inner)
				}
				out = append(out, step{key: k, value: v})
				continue
			}
			n, err := strconv.Atoi(inner)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("path %q: [%s] is neither an index nor key=value", p, inner)
			}
			out = append(out, step{index: n, isIndex: true})
		default:
			j := strings.IndexAny(p[i:], ".[")
			if j < 0 {
				j = len(p) - i
			}
			out = append(out, step{name: p[i : i+j]})
			i += j
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return out, nil
}

// lookup follows a path into a decoded JSON document.
func lookup(doc any, p string) (any, error) {
	steps, err := parsePath(p)
	if err != nil {
		return nil, err
	}
	cur := doc
	for k, s := range steps {
		at := func() string {
			var b strings.Builder
			for _, x := range steps[:k] {
				if !x.isIndex && x.key == "" && b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(x.String())
			}
			if b.Len() == 0 {
				return "the answer"
			}
			return b.String()
		}
		switch {
		case s.isIndex:
			l, ok := cur.([]any)
			if !ok || s.index >= len(l) {
				return nil, fmt.Errorf("%s has no element %d", at(), s.index)
			}
			cur = l[s.index]
		case s.key != "":
			l, ok := cur.([]any)
			if !ok {
				return nil, fmt.Errorf("%s is not a list", at())
			}
			var found any
			n := 0
			for _, e := range l {
				m, ok := e.(map[string]any)
				if ok && text(m[s.key]) == s.value {
					if n == 0 {
						found = e
					}
					n++
				}
			}
			if n == 0 {
				return nil, fmt.Errorf("%s has no element with %s = %q", at(), s.key, s.value)
			}
			cur = found
		default:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("%s is not an object", at())
			}
			v, present := m[s.name]
			if !present {
				if k == len(steps)-1 {
					return nil, fmt.Errorf("%s has no field %q: %w", at(), s.name, errMissing)
				}
				return nil, fmt.Errorf("%s has no field %q", at(), s.name)
			}
			cur = v
		}
	}
	return cur, nil
}

// text is a scalar as the text a selector compares with.
func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	}
	return show(v)
}
