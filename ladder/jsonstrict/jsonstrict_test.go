package jsonstrict

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// code has its own UnmarshalJSON, which takes any value.
type code string

func (c *code) UnmarshalJSON(b []byte) error { *c = code(b); return nil }

// mode is a text unmarshaler: strings only.
type mode string

func (m *mode) UnmarshalText(b []byte) error { *m = mode(b); return nil }

type base struct {
	Note string `json:"note"`
}

type item struct {
	base
	ID    string            `json:"id"`
	Start string            `json:"start,omitempty"`
	Code  code              `json:"code"`
	Mode  *mode             `json:"mode"`
	Tags  map[string]string `json:"tags"`
	Any   any               `json:"any"`
	Next  *item             `json:"next"`
	Skip  string            `json:"-"`
	Plain int
	quiet int //lint:ignore U1000 an unexported field, which JSON does not fill
}

type doc struct {
	Items []item `json:"items"`
}

func kinds(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Kind.String()+" "+p.Path)
	}
	return out
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []string
	}{
		{"clean", `{"items": [{"id": "a", "note": "n", "Plain": 1, "code": {"x": 1}, "mode": "m", "tags": {"k": "v"}, "any": {"x": 1}}]}`, nil},
		{"duplicate at the top", `{"items": [], "items": []}`, []string{"duplicate key items"}},
		{"duplicate deep", `{"items": [{"id": "a"}, {"id": "b", "start": "1", "start": "2"}]}`, []string{"duplicate key items[1].start"}},
		{"duplicate spelled with an escape", `{"items": [{"id": "a", "\u0069d": "b"}]}`, []string{"duplicate key items[0].id"}},
		{"duplicate in a map", `{"items": [{"tags": {"k": "1", "k": "2"}}]}`, []string{"duplicate key items[0].tags.k"}},
		{"duplicate inside an interface value", `{"items": [{"any": {"a": {"b": 1, "b": 2}}}]}`, []string{"duplicate key items[0].any.a.b"}},
		{"duplicate inside an unmarshaler's object", `{"items": [{"code": {"x": 1, "x": 2}}]}`, []string{"duplicate key items[0].code.x"}},
		{"unknown field", `{"items": [{"id": "a", "startDate": "x"}]}`, []string{"unknown field items[0].startDate"}},
		{"case variant is unknown", `{"items": [{"ID": "a"}]}`, []string{"unknown field items[0].ID"}},
		{"skipped and unexported fields are unknown", `{"items": [{"Skip": "a", "quiet": 1, "-": 2}]}`,
			[]string{`unknown field items[0].Skip`, `unknown field items[0].quiet`, `unknown field items[0]["-"]`}},
		{"unknown at the top", `{"item": []}`, []string{"unknown field item"}},
		{"recursive type", `{"items": [{"next": {"next": {"idx": 1}}}]}`, []string{"unknown field items[0].next.next.idx"}},
		{"unknown and duplicate", `{"x": 1, "x": 2}`, []string{"unknown field x", "duplicate key x"}},
		{"key with a newline is quoted", `{"items": [{"a\nb": 1}]}`, []string{`unknown field items[0]["a\nb"]`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Check([]byte(tc.json), reflect.TypeFor[doc](), 0)
			require.NoError(t, err)
			assert.Equal(t, tc.want, kinds(got))
			// encoding/json itself accepts every one of these.
			var v doc
			assert.NoError(t, json.Unmarshal([]byte(tc.json), &v))
		})
	}
}

func TestCheckOffsetsAndKnown(t *testing.T) {
	data := "{\"items\": [\n  {\"id\": \"a\",\n   \"id\": \"b\" , \"idd\": 1}]}"
	got, err := Check([]byte(data), reflect.TypeFor[doc](), 0)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, strings.Index(data, `"id": "b"`), int(got[0].Offset))
	assert.Equal(t, strings.Index(data, `"idd"`), int(got[1].Offset))
	assert.Equal(t, "id", got[0].Key)
	assert.Nil(t, got[0].Known)
	assert.Equal(t, []string{"Plain", "any", "code", "id", "mode", "next", "note", "start", "tags"}, got[1].Known)
}

// Values of the wrong type are encoding/json's to report, not Check's.
func TestCheckIgnoresTypes(t *testing.T) {
	got, err := Check([]byte(`{"items": [1, "a", null, true, {"mode": {"x": 1, "x": 2}}], "x": {}}`), reflect.TypeFor[doc](), 0)
	require.NoError(t, err)
	assert.Equal(t, []string{"duplicate key items[4].mode.x", "unknown field x"}, kinds(got))
}

func TestCheckWithoutSchema(t *testing.T) {
	got, err := Check([]byte(`{"a": 1, "b": {"a": 1, "a": 2}, "c": [{"x": 1, "x": 1}]}`), nil, 0)
	require.NoError(t, err)
	assert.Equal(t, []string{"duplicate key b.a", "duplicate key c[0].x"}, kinds(got))
}

func TestCheckMax(t *testing.T) {
	got, err := Check([]byte(`{"a": 1, "a": 2, "a": 3, "a": 4}`), nil, 2)
	require.NoError(t, err)
	assert.Len(t, got, 2)
}

func TestCheckErrors(t *testing.T) {
	got, err := Check([]byte(`{"a": 1, "a": 2, "b": [`), nil, 0)
	assert.Error(t, err)
	assert.Equal(t, []string{"duplicate key a"}, kinds(got), "problems found before the end are kept")
	_, err = Check([]byte(`{"a" 1}`), nil, 0)
	assert.Error(t, err)
	_, err = Check([]byte(``), nil, 0)
	assert.Error(t, err)
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	_, err = Check([]byte(deep), nil, 0)
	assert.ErrorIs(t, err, ErrTooDeep)
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	_, err = Check([]byte(ok), nil, 0)
	assert.NoError(t, err)
}

func TestJoin(t *testing.T) {
	assert.Equal(t, "a", Join("", "a"))
	assert.Equal(t, "a.b_c-d", Join("a", "b_c-d"))
	assert.Equal(t, `a["1x"]`, Join("a", "1x"))
	assert.Equal(t, `a["-x"]`, Join("a", "-x"))
	assert.Equal(t, `a[""]`, Join("a", ""))
	assert.Equal(t, `["x.y"]`, Join("", "x.y"))
	assert.Equal(t, `a["æ"]`, Join("a", "æ"))
	assert.Equal(t, `a["\u202e"]`, Join("a", "\u202e"))
	assert.Equal(t, "jsonstrict.Kind(0)", Kind(0).String())
}

func FuzzCheck(f *testing.F) {
	f.Add(`{"items": [{"id": "a", "id": "b"}]}`)
	f.Add(`{"items": [{"next": {"next": {}}}], "x": [[[]]]}`)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Check([]byte(s), reflect.TypeFor[doc](), 0)
		if err != nil {
			return
		}
		// Every problem points at a key's opening quote and names a path
		// that ends in that key.
		for _, p := range got {
			require.Equal(t, byte('"'), s[p.Offset], "offset %d of %s", p.Offset, p.Path)
			require.True(t, strings.HasSuffix(p.Path, Join("", p.Key)) || strings.HasSuffix(p.Path, "."+p.Key), "%q does not end in %q", p.Path, p.Key)
			var key string
			require.NoError(t, json.NewDecoder(strings.NewReader(s[p.Offset:])).Decode(&key))
			require.Equal(t, p.Key, key)
		}
	})
}
