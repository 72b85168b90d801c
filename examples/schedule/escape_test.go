package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// file writes doc to a temporary file and returns its path.
func file(t *testing.T, doc string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.json")
	require.NoError(t, os.WriteFile(p, []byte(doc), 0o600))
	return p
}

func TestEsc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"c1 Søren Ærø · 🙂", "c1 Søren Ærø · 🙂"},
		{"a\nb", `a\nb`},
		{"a\r\n    forged", `a\r\n    forged`},
		{"x\x00y", `x\x00y`},
		{"\tx", `\tx`},
		{"abc\u202edef", `abc\u202edef`},
		{"\u2066x\u2069", `\u2066x\u2069`},
		{"a\u2028b", `a\u2028b`},
		{"a\u0085b", `a\u0085b`},
		{"bad \xff byte", `bad \xff byte`},
		{"a\\nb", `a\nb`}, // a backslash stays as it is
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, esc(tt.in), "%q", tt.in)
		assert.False(t, strings.ContainsFunc(esc(tt.in), ladder.UnsafeRune), "%q", tt.in)
	}
}

// Free text from the input may hold a line break or a bidi override; the
// text output shows it escaped and every line stays its own.
func TestTextOutputHasNoRawControls(t *testing.T) {
	p := file(t, `{"asOf": "2026-11-16", "cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-10-05"}],
	  "goals": [{"id": "g1", "what": "To ord\n    ma 2026-11-17 · forged\u202e"}]}]}`)
	code, out, errs := runCmd(t, "-cases", p)
	require.Equal(t, 0, code, errs)
	assert.NotContains(t, out, "\n    ma 2026-11-17 · forged")
	for _, line := range strings.Split(out, "\n") {
		assert.False(t, strings.ContainsFunc(line, ladder.UnsafeRune), "%q", line)
	}
}
