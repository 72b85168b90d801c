// Package contracttest checks documents against trappe's contract with a
// real JSON Schema validator (github.com/santhosh-tekuri/jsonschema/v6,
// draft 2020-12, with format assertions on, so that "format": "date" is
// checked as well as the pattern). It is for tests: the examples check
// their own outputs with it.
package contracttest

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/trappe-dk/trappe/examples/contract"
)

// Input names the input document in Validate.
const Input = "input"

// Schemas are the contract's schemas, compiled.
type Schemas struct {
	byName map[string]*jsonschema.Schema
}

// Compile compiles the input schema and each answer document of the answer
// schema. The compiler checks each schema against the draft 2020-12
// meta-schema first.
func Compile() (*Schemas, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for id, b := range map[string][]byte{contract.InputSchemaID: contract.InputSchema(), contract.AnswerSchemaID: contract.AnswerSchema()} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("contracttest.Compile: %s: %w", id, err)
		}
		if err := c.AddResource(id, doc); err != nil {
			return nil, fmt.Errorf("contracttest.Compile: %s: %w", id, err)
		}
	}
	s := &Schemas{byName: map[string]*jsonschema.Schema{}}
	locs := map[string]string{Input: contract.InputSchemaID, "answer": contract.AnswerSchemaID}
	for _, name := range contract.Answers {
		locs[name] = contract.AnswerSchemaID + "#/$defs/" + name
	}
	for name, loc := range locs {
		sch, err := c.Compile(loc)
		if err != nil {
			return nil, fmt.Errorf("contracttest.Compile: %s: %w", loc, err)
		}
		s.byName[name] = sch
	}
	return s, nil
}

var shared = sync.OnceValues(Compile)

// Shared returns the schemas compiled once for the test binary.
func Shared() (*Schemas, error) { return shared() }

// Validate checks doc against the document named: Input, "answer" (any
// answer document), or one of contract.Answers. The error lists every
// place the document breaks the schema.
func (s *Schemas) Validate(name string, doc []byte) error {
	sch, ok := s.byName[name]
	if !ok {
		return fmt.Errorf("contracttest.Validate: no document %q (want %s, answer or one of %v)", name, Input, contract.Answers)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("contracttest.Validate: %s: %w", name, err)
	}
	if err := sch.Validate(v); err != nil {
		return fmt.Errorf("contracttest.Validate: %s: %w", name, err)
	}
	return nil
}
