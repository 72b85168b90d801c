package ladder

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// ErrUnsafeText is wrapped by every error about an id or a name holding a
// character that CheckText rejects.
var ErrUnsafeText = errors.New("holds a control or bidirectional formatting character")

// UnsafeRune reports whether r must not appear in an id or a name because
// it can forge or reorder what a reader sees where the text is printed:
//
//   - control characters (C0, DEL and C1: U+0000–U+001F, U+007F–U+009F),
//     among them CR, LF, TAB and NUL, which start new lines or cut them;
//   - the line and paragraph separators U+2028 and U+2029;
//   - the bidirectional formatting characters U+061C, U+200E, U+200F,
//     U+202A–U+202E and U+2066–U+2069, which reverse the text around
//     them ("Trojan Source", CVE-2021-42574);
//   - utf8.RuneError, which stands for bytes that are not UTF-8.
func UnsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == utf8.RuneError:
		return true
	case r == '\u2028', r == '\u2029':
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// CheckText returns nil if s holds no rune that UnsafeRune rejects, and
// otherwise an error wrapping ErrUnsafeText that names the function op,
// the field, the value (quoted, so the character shows as an escape) and
// the first bad character, e.g.
//
//	ladder.NewMeasure: field "id": "m1\u202e" holds a control or bidirectional formatting character (U+202E at byte 2)
func CheckText(op, field, s string) error {
	for i, r := range s {
		if UnsafeRune(r) {
			return fmt.Errorf("%s: field %q: %q %w (U+%04X at byte %d)", op, field, s, ErrUnsafeText, r, i)
		}
	}
	return nil
}
