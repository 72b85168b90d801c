package suite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// itemKeys select an expected item among the answer's items; every other
// field of an expected item is asserted.
var itemKeys = []string{"case", "measure", "due", "kind"}

// Check compares an answer (its HTTP status and body) with the vector's
// expectations and returns every problem found, nil if it passes.
func Check(v Vector, status int, body []byte) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	want := v.Expected.Status
	if want == 0 {
		want = 200
	}
	if status != want {
		bad("status %d, want %d (body: %s)", status, want, clip(body))
		return problems
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		if len(v.Expected.Items)+len(v.Expected.Findings)+len(v.Expected.Values)+len(v.Expected.Absent)+len(v.Expected.NoFindings) > 0 {
			bad("the answer is not JSON: %v", err)
		}
		return problems
	}
	e := v.Expected
	if len(e.Items) > 0 || len(e.Absent) > 0 || e.Complete {
		items, ok := list(doc, "items")
		if !ok {
			bad("the answer has no list \"items\"")
		} else {
			problems = append(problems, checkItems(e, items)...)
		}
	}
	if len(e.Findings) > 0 || len(e.NoFindings) > 0 {
		fs, ok := list(doc, "findings")
		if !ok {
			bad("the answer has no list \"findings\"")
		} else {
			problems = append(problems, checkFindings(e, fs)...)
		}
	}
	for _, vc := range e.Values {
		got, err := lookup(doc, vc.Path)
		if vc.Equals == nil && errors.Is(err, errMissing) {
			continue // null: absent or null
		}
		if err != nil {
			bad("%s: %v", vc.Path, err)
			continue
		}
		tol := vc.Tolerance
		if tol == 0 {
			tol = 1e-9
		}
		if !equal(vc.Equals, got, tol) {
			bad("%s = %s, want %s%s", vc.Path, show(got), show(vc.Equals), tolText(vc.Tolerance))
		}
	}
	return problems
}

func tolText(t float64) string {
	if t == 0 {
		return ""
	}
	return " ± " + strconv.FormatFloat(t, 'g', -1, 64)
}

func list(doc any, name string) ([]any, bool) {
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, false
	}
	v, present := m[name]
	if !present {
		return nil, false
	}
	if v == nil {
		return nil, true // null: an empty list
	}
	l, ok := v.([]any)
	return l, ok
}

// selects reports whether item has every key field of want.
func selects(want map[string]any, item any) bool {
	m, ok := item.(map[string]any)
	if !ok {
		return false
	}
	for _, k := range itemKeys {
		if w, ok := want[k]; ok && !equal(w, m[k], 0) {
			return false
		}
	}
	return true
}

// describe names an expected item by its key fields.
func describe(want map[string]any) string {
	var parts []string
	for _, k := range itemKeys {
		if w, ok := want[k]; ok {
			parts = append(parts, k+" "+show(w))
		}
	}
	if len(parts) == 0 {
		return "an item"
	}
	return "the item with " + strings.Join(parts, ", ")
}

func checkItems(e Expected, items []any) []string {
	var problems []string
	used := make([]bool, len(items))
	for _, want := range e.Items {
		var cands []int
		for i, it := range items {
			if selects(want, it) {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			problems = append(problems, fmt.Sprintf("no %s; items due near it: %s", strings.TrimPrefix(describe(want), "the "), near(want, items)))
			continue
		}
		var diffs []string
		found := false
		for _, i := range cands {
			d := diff(want, items[i], itemKeys)
			if len(d) == 0 {
				used[i], found = true, true
				break
			}
			if diffs == nil {
				diffs = d
			}
		}
		for _, i := range cands {
			used[i] = true // selected, so complete does not count it again
		}
		if !found {
			problems = append(problems, describe(want)+": "+strings.Join(diffs, "; "))
		}
	}
	if e.Complete {
		for i, it := range items {
			if !used[i] {
				problems = append(problems, "an item not in the vector's list: "+short(it))
			}
		}
	}
	for _, pat := range e.Absent {
		for _, it := range items {
			if len(diff(pat, it, nil)) == 0 {
				problems = append(problems, "an item that must not be there: "+short(it))
			}
		}
	}
	return problems
}

func checkFindings(e Expected, fs []any) []string {
	var problems []string
	for _, want := range e.Findings {
		found := false
		for _, f := range fs {
			if len(diff(want, f, nil)) == 0 {
				found = true
				break
			}
		}
		if !found {
			var codes []string
			for _, f := range fs {
				codes = append(codes, short(f))
			}
			problems = append(problems, fmt.Sprintf("no finding %s; the findings are: [%s]", show(want), strings.Join(codes, ", ")))
		}
	}
	for _, pat := range e.NoFindings {
		for _, f := range fs {
			if len(diff(pat, f, nil)) == 0 {
				problems = append(problems, "a finding that must not be there: "+short(f))
			}
		}
	}
	return problems
}

// diff lists the fields of want that got does not have equal, skipping
// the fields named in skip.
func diff(want map[string]any, got any, skip []string) []string {
	m, ok := got.(map[string]any)
	if !ok {
		return []string{"not an object: " + show(got)}
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if contains(skip, k) {
			continue
		}
		g, present := m[k]
		if !present {
			if want[k] == nil {
				continue
			}
			out = append(out, fmt.Sprintf("%s missing, want %s", k, show(want[k])))
			continue
		}
		if !equal(want[k], g, 1e-9) {
			out = append(out, fmt.Sprintf("%s = %s, want %s", k, show(g), show(want[k])))
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// equal compares an expected value with a value of the answer: numbers
// within tol, strings equal (two RFC 3339 moments equal as instants),
// lists as multisets (order does not matter), objects by the expected
// fields only, null with null or a missing value.
func equal(want, got any, tol float64) bool {
	switch w := want.(type) {
	case nil:
		return got == nil
	case bool:
		g, ok := got.(bool)
		return ok && g == w
	case string:
		g, ok := got.(string)
		if !ok {
			return false
		}
		if g == w {
			return true
		}
		tw, err1 := time.Parse(time.RFC3339, w)
		tg, err2 := time.Parse(time.RFC3339, g)
		return err1 == nil && err2 == nil && tw.Equal(tg)
	case json.Number, float64, int:
		wf, ok1 := number(w)
		gf, ok2 := number(got)
		return ok1 && ok2 && math.Abs(wf-gf) <= tol
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		used := make([]bool, len(g))
	next:
		for _, x := range w {
			for i, y := range g {
				if !used[i] && equal(x, y, tol) {
					used[i] = true
					continue next
				}
			}
			return false
		}
		return true
	case map[string]any:
		return len(diff(w, got, nil)) == 0
	}
	return false
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	}
	return 0, false
}

func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// short shows an item or finding by its most telling fields.
func short(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return show(v)
	}
	out := map[string]any{}
	for _, k := range []string{"case", "measure", "due", "workingDay", "kind", "statutory", "rules", "status", "code", "subject", "severity", "area"} {
		if x, ok := m[k]; ok {
			out[k] = x
		}
	}
	if len(out) == 0 {
		return show(v)
	}
	return show(out)
}

// near lists the items of the same case and measure due within 45 days of
// the expected one, to show what the answer has instead.
func near(want map[string]any, items []any) string {
	due, _ := want["due"].(string)
	wd, err := time.Parse(time.DateOnly, due)
	var out []string
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if c, ok := want["case"]; ok && !equal(c, m["case"], 0) {
			continue
		}
		if ms, ok := want["measure"]; ok && !equal(ms, m["measure"], 0) {
			continue
		}
		if err == nil {
			s, _ := m["due"].(string)
			d, err := time.Parse(time.DateOnly, s)
			if err != nil || math.Abs(d.Sub(wd).Hours()) > 45*24 {
				continue
			}
		}
		out = append(out, short(it))
		if len(out) == 6 {
			break
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

func clip(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
