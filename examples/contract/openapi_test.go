package contract_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/contract"
)

// The committed OpenAPI document holds the JSON Schemas as they are in
// schema/, lifted into components.schemas, and is written canonically. After
// changing a schema or the document's paths, regenerate it:
//
//	TRAPPE_GEN_OPENAPI=1 go test ./examples/contract -run TestOpenAPIHoldsTheSchemas
func TestOpenAPIHoldsTheSchemas(t *testing.T) {
	const path = "schema/openapi.json"
	committed, err := os.ReadFile(path)
	require.NoError(t, err)
	want, err := contract.WithSchemas(committed)
	require.NoError(t, err)
	if os.Getenv("TRAPPE_GEN_OPENAPI") == "1" {
		require.NoError(t, os.WriteFile(path, want, 0o644))
		committed = want
	}
	assert.Equal(t, string(want), string(committed), "schema/openapi.json is stale: run TRAPPE_GEN_OPENAPI=1 go test ./examples/contract -run TestOpenAPIHoldsTheSchemas")
	assert.Equal(t, string(committed), string(contract.OpenAPI()), "the embedded document is the file")
}
