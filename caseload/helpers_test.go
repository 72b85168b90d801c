package caseload_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

func d(s string) date.Date { return ladder.MustParseDate(s) }

// rec builds a measure record; end "" is open.
func rec(t testing.TB, id, code, start, end string) followup.Record {
	t.Helper()
	var e date.Date
	if end != "" {
		e = d(end)
	}
	m, err := ladder.Default().NewMeasure(id, code, d(start), e)
	require.NoError(t, err)
	return followup.Record{Measure: m}
}

// cases returns n cases c<prefix>1… with no measures, held by workerID.
func cases(prefix, workerID string, n int) []caseload.Case {
	out := make([]caseload.Case, n)
	for i := range out {
		out[i] = caseload.Case{ID: fmt.Sprintf("%s%02d", prefix, i+1), Worker: workerID}
	}
	return out
}

func concat(parts ...[]caseload.Case) []caseload.Case {
	var out []caseload.Case
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// assertRenders checks that m renders from the default catalogue in Danish
// and English at every depth: each code in it, nested ones included, has a
// text in both languages (no "[code]" fall-back), and no placeholder is left
// unfilled. It returns the codes it met.
func assertRenders(t testing.TB, m msg.Message) []string {
	t.Helper()
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var tree any
	require.NoError(t, json.Unmarshal(b, &tree))
	var codes []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if c, ok := x["code"].(string); ok {
				codes = append(codes, c)
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(tree)
	for _, lang := range []msg.Lang{msg.Danish, msg.English} {
		for _, c := range codes {
			_, ok := msg.Default().Template(c, lang)
			assert.True(t, ok, "%s has no %s text (in %s)", c, lang, m.Code)
		}
		text := m.Text(lang)
		assert.NotEmpty(t, text, m.Code)
		assert.NotContains(t, text, "[caseload.", m.Code)
		assert.NotRegexp(t, `\{[A-Za-z][A-Za-z0-9]*\}`, text, m.Code)
	}
	return codes
}
