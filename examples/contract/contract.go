// Package contract is trappe's public, versioned contract with the
// programs that call its examples: the JSON Schemas (draft 2020-12) of
// the input document and of the answer documents, embedded from
// schema/ beside this file so that a program, its tests and a reader of
// the repository see the same bytes.
//
//   - schema/input.schema.json: what examples/schedule reads (-cases) and
//     POST /v1/schedule and POST /v1/caseload/validate accept.
//   - schema/answer.schema.json: under $defs, "report" (schedule -format
//     json, POST /v1/schedule), "validation" (POST /v1/caseload/validate),
//     "rules" (GET /v1/rules) and "error" (every error of the service),
//     each with its "receipt".
//
// The contract is versioned as a whole ([Version]); within a version,
// fields may be added to the answers, never renamed or removed, and the
// input accepts what it accepted. Every object of the input is closed
// (additionalProperties: false), as the decoder rejects a field it does
// not know; so are the answers' objects, so that a field added to an
// answer without adding it to its schema fails the tests.
package contract

import (
	"bytes"
	"embed"
)

// Version is the version of the contract: the /v1/ of the service's paths
// and the "contract v1" in the schemas' titles.
const Version = "v1"

// The schemas' $id, the base of every $ref into them.
const (
	InputSchemaID  = "https://github.com/trappe-dk/trappe/examples/contract/schema/input.schema.json"
	AnswerSchemaID = "https://github.com/trappe-dk/trappe/examples/contract/schema/answer.schema.json"
)

// Answers are the answer documents of AnswerSchema, by their name under
// $defs.
var Answers = []string{"report", "validation", "rules", "error"}

//go:embed schema/*.json
var files embed.FS

// FS holds the schema files under schema/.
func FS() embed.FS { return files }

// InputSchema returns the JSON Schema of the input document.
func InputSchema() []byte { return read("schema/input.schema.json") }

// AnswerSchema returns the JSON Schema of the answer documents.
func AnswerSchema() []byte { return read("schema/answer.schema.json") }

// read returns a copy of an embedded file: callers may change what they
// get.
func read(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("contract: " + name + " is not embedded: " + err.Error()) // the go:embed line above holds it
	}
	return bytes.Clone(b)
}
