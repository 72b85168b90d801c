package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"
	"github.com/pb33f/libopenapi-validator/errors"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/contract"
	"github.com/trappe-dk/trappe/ladder"
)

// openAPIValidator checks requests and answers against the service's
// OpenAPI 3.1 document with pb33f/libopenapi-validator.
func openAPIValidator(t *testing.T) validator.Validator {
	t.Helper()
	doc, err := libopenapi.NewDocument(contract.OpenAPI())
	require.NoError(t, err)
	// Formats are asserted, as by contracttest: "format": "date" rejects
	// 2026-02-30 like the decoder.
	v, errs := validator.NewValidator(doc, config.WithFormatAssertions())
	require.Empty(t, errs)
	return v
}

// describe renders validation errors with the schema failures behind them.
func describe(errs []*errors.ValidationError) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "\n  %s: %s", e.Message, e.Reason)
		for _, f := range e.SchemaValidationErrors {
			fmt.Fprintf(&b, "\n    %s: %s", f.Location, f.Reason)
		}
	}
	return b.String()
}

// The document itself is valid OpenAPI 3.1, and it is what GET
// /v1/openapi.json serves.
func TestOpenAPIDocument(t *testing.T) {
	v := openAPIValidator(t)
	ok, errs := v.ValidateDocument()
	require.True(t, ok, describe(errs))

	srv := testServer(t)
	resp, err := http.Get(srv.URL + "/v1/openapi.json")
	require.NoError(t, err)
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, string(contract.OpenAPI()), buf.String())
	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	assert.Equal(t, "3.1.0", doc["openapi"])
	paths := doc["paths"].(map[string]any)
	for _, p := range []string{"/v1/schedule", "/v1/caseload/validate", "/v1/rules", "/v1/openapi.json"} {
		assert.Contains(t, paths, p)
	}
}

// Each request is checked against the OpenAPI document (the ones the
// service accepts are described by it, except a body sent without a
// Content-Type, which the service takes as JSON and OpenAPI cannot say),
// and each answer to a request on a documented operation is the one the
// document declares for its status.
func TestRequestsAndAnswersMatchOpenAPI(t *testing.T) {
	v := openAPIValidator(t)
	h := newHandler(handlerOptions{today: func() date.Date { return ladder.MustParseDate("2026-11-16") }})
	for _, x := range exchanges(t) {
		_, rec := x.send(t, h)

		// The validator reads the body: give it a request of its own.
		req := httptest.NewRequest(x.method, "http://127.0.0.1:8080"+x.target, bytes.NewReader(x.body))
		if x.ctype != "" {
			req.Header.Set("Content-Type", x.ctype)
		}
		ok, errs := v.ValidateHttpRequest(req)
		if x.valid {
			assert.True(t, ok, "%s: the request: %s", x.name, describe(errs))
		} else {
			assert.False(t, ok, "%s: the OpenAPI document should not describe this request", x.name)
		}

		if !documented(x) {
			continue
		}
		req = httptest.NewRequest(x.method, "http://127.0.0.1:8080"+x.target, bytes.NewReader(x.body))
		ok, errs = v.ValidateHttpResponse(req, rec.Result())
		assert.True(t, ok, "%s: the answer %d: %s", x.name, rec.Code, describe(errs))
	}
}

// documented reports whether the exchange's path and method are an
// operation of the document, whose answers it declares.
func documented(x exchange) bool {
	path, _, _ := strings.Cut(x.target, "?")
	ops := map[string][]string{
		"/v1/schedule":          {http.MethodPost},
		"/v1/caseload/validate": {http.MethodPost},
		"/v1/rules":             {http.MethodGet, http.MethodHead},
		"/v1/openapi.json":      {http.MethodGet, http.MethodHead},
	}
	for _, m := range ops[path] {
		if m == x.method {
			return true
		}
	}
	return false
}

// The OpenAPI document is no rubber stamp either: an answer with a field
// it does not know, or a malformed message nested two deep, fails.
func TestOpenAPIRejectsAChangedAnswer(t *testing.T) {
	v := openAPIValidator(t)
	h := newHandler(handlerOptions{today: func() date.Date { return ladder.MustParseDate("2026-11-16") }})
	x := exchange{name: "validate", method: http.MethodPost, target: "/v1/caseload/validate", ctype: "application/json", body: sampleBody(t), status: 200}
	_, rec := x.send(t, h)
	for name, change := range map[string]func(map[string]any){
		"unknown field": func(a map[string]any) { a["colour"] = "red" },
		"nested message": func(a map[string]any) {
			detail := a["findings"].([]any)[0].(map[string]any)["args"].(map[string]any)["detail"].(map[string]any)
			detail["args"].(map[string]any)["worker"] = map[string]any{"code": 7}
		},
		"receipt": func(a map[string]any) { a["receipt"].(map[string]any)["calendar"].(map[string]any)["holidays"] = "se" },
	} {
		var a map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &a))
		change(a)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		resp := rec.Result()
		resp.Body = io.NopCloser(bytes.NewReader(b))
		req := httptest.NewRequest(x.method, "http://127.0.0.1:8080"+x.target, bytes.NewReader(x.body))
		ok, _ := v.ValidateHttpResponse(req, resp)
		assert.False(t, ok, name)
	}
}
