// Package jsonstrict finds what encoding/json accepts without a word: a
// key given twice in one object, where the last one silently wins, and a
// key the target type has no field for, which is silently dropped (also a
// key that matches a field only when case is ignored, "ID" for "id").
//
// Check walks the document once, token by token, and reports each such
// key with its JSON path (cases[0].measures[1].start) and its byte offset,
// so that a decoder can name the field and the line. It decodes nothing;
// run it beside json.Unmarshal.
package jsonstrict

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Kind is what is wrong with a key.
type Kind uint8

const (
	// Duplicate is a key given twice in one object.
	Duplicate Kind = 1 + iota
	// Unknown is a key the target type has no field for.
	Unknown
)

// String returns "duplicate key" or "unknown field".
func (k Kind) String() string {
	switch k {
	case Duplicate:
		return "duplicate key"
	case Unknown:
		return "unknown field"
	}
	return "jsonstrict.Kind(" + strconv.Itoa(int(k)) + ")"
}

// Problem is one key that encoding/json would accept silently.
type Problem struct {
	Kind Kind
	// Path is the JSON path of the key, e.g. cases[0].measures[1].start; a
	// key that is not a plain name is quoted: cases[0]["a b"].
	Path string
	// Key is the key as decoded.
	Key string
	// Offset is the byte offset of the key's opening quote.
	Offset int64
	// Known lists, for Unknown, the keys the object may hold, sorted.
	Known []string
}

// MaxDepth bounds how deeply objects and arrays may nest, as in
// encoding/json.
const MaxDepth = 10000

// ErrTooDeep is returned for a document nested deeper than MaxDepth.
var ErrTooDeep = errors.New("jsonstrict: nested deeper than 10000 levels")

// Check walks the JSON document data and returns every duplicate key and,
// when schema is not nil, every object key that schema (the type data is
// decoded into) has no field for, in document order, at most max of them
// (max ≤ 0: no limit). Inside a type with its own UnmarshalJSON or
// UnmarshalText, and inside interface values and maps, only duplicates are
// reported. A syntax error in data is returned as the error, with the
// problems found before it.
func Check(data []byte, schema reflect.Type, max int) ([]Problem, error) {
	w := &walker{data: data, dec: json.NewDecoder(bytes.NewReader(data)), max: max}
	w.dec.UseNumber()
	tok, err := w.next()
	if err != nil {
		return nil, err
	}
	err = w.value(tok, shapeOf(schema), "", 0)
	if errors.Is(err, errEnough) {
		err = nil
	}
	return w.out, err
}

type walker struct {
	data []byte
	dec  *json.Decoder
	out  []Problem
	max  int
}

var errEnough = errors.New("enough problems")

func (w *walker) next() (json.Token, error) {
	tok, err := w.dec.Token()
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return tok, err
}

func (w *walker) add(p Problem) error {
	w.out = append(w.out, p)
	if w.max > 0 && len(w.out) >= w.max {
		return errEnough
	}
	return nil
}

// keyStart is the offset of the next key's opening quote: the decoder's
// offset is the end of the previous token, before any space or comma.
func (w *walker) keyStart() int64 {
	off := w.dec.InputOffset()
	for off < int64(len(w.data)) {
		switch w.data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		break
	}
	return off
}

// value walks the value that starts with tok.
func (w *walker) value(tok json.Token, s *shape, path string, depth int) error {
	d, ok := tok.(json.Delim)
	if !ok {
		return nil // a scalar
	}
	if depth >= MaxDepth {
		return ErrTooDeep
	}
	switch d {
	case '{':
		return w.object(s, path, depth+1)
	case '[':
		return w.array(s, path, depth+1)
	}
	return fmt.Errorf("jsonstrict: unexpected %v", d)
}

func (w *walker) object(s *shape, path string, depth int) error {
	seen := map[string]bool{}
	for {
		off := w.keyStart()
		tok, err := w.next()
		if err != nil {
			return err
		}
		if tok == json.Delim('}') {
			return nil
		}
		key, ok := tok.(string)
		if !ok {
			return fmt.Errorf("jsonstrict: want an object key at offset %d", off)
		}
		p := Join(path, key)
		var fs *shape
		switch {
		case seen[key]:
			if err := w.add(Problem{Kind: Duplicate, Path: p, Key: key, Offset: off}); err != nil {
				return err
			}
		case s != nil && s.fields != nil:
			var known bool
			fs, known = s.fields[key]
			if !known {
				if err := w.add(Problem{Kind: Unknown, Path: p, Key: key, Offset: off, Known: s.names}); err != nil {
					return err
				}
			}
		case s != nil:
			fs = s.elem // a map's values
		}
		seen[key] = true
		tok, err = w.next()
		if err != nil {
			return err
		}
		if err := w.value(tok, fs, p, depth); err != nil {
			return err
		}
	}
}

func (w *walker) array(s *shape, path string, depth int) error {
	var elem *shape
	if s != nil {
		elem = s.elem
	}
	for i := 0; ; i++ {
		tok, err := w.next()
		if err != nil {
			return err
		}
		if tok == json.Delim(']') {
			return nil
		}
		if err := w.value(tok, elem, path+"["+strconv.Itoa(i)+"]", depth); err != nil {
			return err
		}
	}
}

// Join appends key to a JSON path: "a.b" for a plain name (ASCII letters,
// digits, '_' and '-', not starting with a digit or '-'), a["x y"] for any
// other key, quoted so that no control character reaches a message.
func Join(path, key string) string {
	if !plainName(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func plainName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9') || c == '-':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ---- schemas from Go types ----

// shape is what Check knows of a type: the fields of a struct (fields not
// nil) or the element of a slice, array or map (elem). A nil *shape knows
// nothing, so only duplicates are checked beneath it.
type shape struct {
	fields map[string]*shape
	names  []string // sorted keys of fields
	elem   *shape
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func shapeOf(t reflect.Type) *shape {
	return shapeIn(t, map[reflect.Type]*shape{})
}

func shapeIn(t reflect.Type, done map[reflect.Type]*shape) *shape {
	if t == nil {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return nil
	}
	if s, ok := done[t]; ok {
		return s // a recursive type
	}
	switch t.Kind() {
	case reflect.Struct:
		s := &shape{fields: map[string]*shape{}}
		done[t] = s
		addFields(s, t, done)
		for k := range s.fields {
			s.names = append(s.names, k)
		}
		slices.Sort(s.names)
		return s
	case reflect.Slice, reflect.Array, reflect.Map:
		s := &shape{}
		done[t] = s
		s.elem = shapeIn(t.Elem(), done)
		return s
	}
	return nil
}

// addFields adds the JSON names of t's fields to s, flattening embedded
// structs without a tag as encoding/json does.
func addFields(s *shape, t reflect.Type, done map[reflect.Type]*shape) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				addFields(s, ft, done)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := s.fields[name]; !dup {
			s.fields[name] = shapeIn(ft, done)
		}
	}
}
