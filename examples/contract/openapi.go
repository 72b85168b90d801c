package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// OpenAPI returns the OpenAPI 3.1 document of examples/service
// (schema/openapi.json), served at GET /v1/openapi.json. Its
// components.schemas are the JSON Schemas of this package lifted into it
// (see OpenAPISchemas): "input" is the input document and "answer.report",
// "answer.validation", "answer.rules" and "answer.error" the answers.
func OpenAPI() []byte { return read("schema/openapi.json") }

// MessageDepth is how deeply the OpenAPI document checks messages nested
// in messages (see OpenAPISchemas); trappe's deepest today nest three.
const MessageDepth = 8

// OpenAPISchemas returns the JSON Schemas as OpenAPI components: the input
// schema as "input" and each definition under its $defs as "input.NAME",
// the answer schema as "answer" and its definitions as "answer.NAME", with
// every "#/$defs/NAME" reference pointing at the component. An OpenAPI 3.1
// schema object is a JSON Schema 2020-12 schema, so nothing else changes,
// with one exception: a message's arguments may be messages, to any depth,
// and OpenAPI tools that render a schema inline cannot follow a reference
// back into itself. So the document unrolls that recursion: the message at
// depth k is "answer.message.k" (the outermost keeps its name), down to
// MessageDepth, below which an argument that is a message is any object.
func OpenAPISchemas() (map[string]any, error) {
	out := map[string]any{}
	for prefix, b := range map[string][]byte{"input": InputSchema(), "answer": AnswerSchema()} {
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("contract.OpenAPISchemas: %s: %w", prefix, err)
		}
		defs, _ := doc["$defs"].(map[string]any)
		for _, k := range []string{"$schema", "$id", "$defs"} {
			delete(doc, k)
		}
		out[prefix] = rewriteRefs(doc, prefix)
		for _, name := range slices.Sorted(maps.Keys(defs)) {
			out[prefix+"."+name] = rewriteRefs(defs[name], prefix)
		}
	}
	if err := unroll(out, []string{"answer.message", "answer.messageArgs", "answer.messageValue"},
		"answer.messageValue", "answer.message", MessageDepth); err != nil {
		return nil, fmt.Errorf("contract.OpenAPISchemas: %w", err)
	}
	return out, nil
}

// unroll replaces the cycle of the components members, closed by the
// reference from back to to, by depth copies: the members at depth k
// (named NAME.k; depth 0 keeps the name) refer to each other at depth k,
// and back refers to to at depth k+1. At the last depth back's reference
// becomes {"type": "object"}.
func unroll(schemas map[string]any, members []string, back, to string, depth int) error {
	orig := map[string][]byte{}
	for _, m := range members {
		b, err := json.Marshal(schemas[m])
		if err != nil || schemas[m] == nil {
			return fmt.Errorf("unroll: component %q: missing or %v", m, err)
		}
		orig[m] = b
	}
	name := func(m string, k int) string {
		if k == 0 {
			return m
		}
		return fmt.Sprintf("%s.%d", m, k)
	}
	ref := func(m string) string { return "#/components/schemas/" + m }
	for k := 0; k <= depth; k++ {
		for _, m := range members {
			var c any
			if err := json.Unmarshal(orig[m], &c); err != nil {
				return err
			}
			targets := map[string]any{}
			for _, x := range members {
				switch {
				case m == back && x == to && k == depth:
					targets[ref(x)] = map[string]any{"type": "object", "description": "A message nested deeper than the OpenAPI document checks."}
				case m == back && x == to:
					targets[ref(x)] = ref(name(x, k+1))
				default:
					targets[ref(x)] = ref(name(x, k))
				}
			}
			schemas[name(m, k)] = retarget(c, targets)
		}
	}
	return nil
}

// retarget rewrites references: a target that is a string is the new
// reference, any other value replaces the referring schema.
func retarget(v any, targets map[string]any) any {
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x["$ref"].(string); ok {
			switch t := targets[s].(type) {
			case string:
				x["$ref"] = t
			case nil:
			default:
				return t
			}
		}
		for k, e := range x {
			x[k] = retarget(e, targets)
		}
	case []any:
		for i, e := range x {
			x[i] = retarget(e, targets)
		}
	}
	return v
}

// rewriteRefs points every "#/$defs/NAME" in v at the component
// prefix.NAME.
func rewriteRefs(v any, prefix string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "$ref" && strings.HasPrefix(s, "#/$defs/") {
				x[k] = "#/components/schemas/" + prefix + "." + strings.TrimPrefix(s, "#/$defs/")
				continue
			}
			x[k] = rewriteRefs(e, prefix)
		}
	case []any:
		for i, e := range x {
			x[i] = rewriteRefs(e, prefix)
		}
	}
	return v
}

// WithSchemas returns the OpenAPI document doc with its components.schemas
// replaced by OpenAPISchemas, written canonically: keys sorted, indented by
// two spaces, the characters a schema's pattern names that would reorder
// or hide text escaped as \uXXXX. The committed schema/openapi.json is
// exactly that (TestOpenAPIHoldsTheSchemas).
func WithSchemas(doc []byte) ([]byte, error) {
	var d map[string]any
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("contract.WithSchemas: %w", err)
	}
	comps, ok := d["components"].(map[string]any)
	if !ok {
		comps = map[string]any{}
		d["components"] = comps
	}
	schemas, err := OpenAPISchemas()
	if err != nil {
		return nil, err
	}
	comps["schemas"] = schemas
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("contract.WithSchemas: %w", err)
	}
	return escapeInvisible(buf.Bytes()), nil
}

// escapeInvisible writes, as JSON escapes, the characters that would hide
// or reorder text in the file: bidirectional formatting characters and
// U+FFFD (encoding/json escapes U+2028 and U+2029 itself).
func escapeInvisible(b []byte) []byte {
	var out strings.Builder
	for _, r := range string(b) {
		switch {
		case r == '\u061c', r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\ufffd':
			fmt.Fprintf(&out, `\u%04X`, r)
		default:
			out.WriteRune(r)
		}
	}
	return []byte(out.String())
}
