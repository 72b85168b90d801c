package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/contract/contracttest"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// exchange is one request to the service and the answer it must get.
type exchange struct {
	name, method, target, ctype string
	body                        []byte
	status                      int
	// doc names the answer document in the answer schema ("": the answer
	// is no answer document).
	doc string
	// valid: the OpenAPI document describes the request (its path,
	// method, parameters, media type and body); the service may still
	// refuse what a schema cannot see.
	valid bool
}

// exchanges are requests to every endpoint, good and bad: every answer
// document the service writes, every error included.
func exchanges(t *testing.T) []exchange {
	t.Helper()
	sample := sampleBody(t)
	one := []byte(`{"cases": [{"id": "c1", "worker": "w1", "child": {"birthDate": "2012-03-04"},
	  "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "end": "2026-06-30",
	    "exceptions": [{"id": "X-FJERN", "approvedBy": "Lone Kjær", "approvedOn": "2026-01-10"}],
	    "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}]}]}]}`)
	bad := []byte(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-02-30"}]}]}`)
	const js = "application/json"
	return []exchange{
		{"schedule", http.MethodPost, "/v1/schedule", js, sample, 200, "report", true},
		{"schedule en, one worker", http.MethodPost, "/v1/schedule?lang=en&worker=w2&weeks=12", js, sample, 200, "report", true},
		{"schedule one case", http.MethodPost, "/v1/schedule?asof=2026-03-02&weeks=4&lang=en", js, one, 200, "report", true},
		{"schedule, no content type", http.MethodPost, "/v1/schedule", "", one, 200, "report", false},
		{"validate", http.MethodPost, "/v1/caseload/validate", js, sample, 200, "validation", true},
		{"validate one case", http.MethodPost, "/v1/caseload/validate?asof=2026-03-02", js, one, 200, "validation", true},
		{"rules", http.MethodGet, "/v1/rules", "", nil, 200, "rules", true},
		// libopenapi-validator v0.4.0 asserts no format in a request body,
		// so to it a day the month lacks is a date; contracttest, which
		// does, rejects it (TestAnswersMatchTheSchema).
		{"no such day", http.MethodPost, "/v1/schedule", js, bad, 400, "error", true},
		{"no such day to validate", http.MethodPost, "/v1/caseload/validate", js, bad, 400, "error", true},
		{"unknown field", http.MethodPost, "/v1/schedule", js, []byte(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "endDate": "2026-06-30"}]}]}`), 400, "error", false},
		{"unknown intervention", http.MethodPost, "/v1/caseload/validate", js, []byte(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "plejefamilje", "start": "2026-01-05"}]}]}`), 400, "error", false},
		{"malformed JSON", http.MethodPost, "/v1/schedule", js, []byte(`{"cases": [`), 400, "error", false},
		{"bad query", http.MethodPost, "/v1/schedule?asof=2026-02-30&weeks=0&lang=de", js, one, 400, "error", false},
		{"as-of before follow-ups", http.MethodPost, "/v1/schedule?asof=2026-01-01", js, sample, 400, "error", true},
		{"unknown worker", http.MethodPost, "/v1/schedule?worker=w9", js, sample, 400, "error", true},
		{"not found", http.MethodGet, "/v1/nope", "", nil, 404, "error", false},
		{"wrong method", http.MethodGet, "/v1/schedule", "", nil, 405, "error", false},
		{"wrong method on rules", http.MethodPost, "/v1/rules", js, one, 405, "error", false},
		{"too large", http.MethodPost, "/v1/schedule", js, bytes.Repeat([]byte(" "), MaxBodyBytes+1), 413, "error", false},
		{"over budget", http.MethodPost, "/v1/schedule", js, overBudget(), 413, "error", true},
		{"not JSON", http.MethodPost, "/v1/schedule", "text/plain", one, 415, "error", false},
		{"openapi", http.MethodGet, "/v1/openapi.json", "", nil, 200, "", true},
		{"rules, headers only", http.MethodHead, "/v1/rules", "", nil, 200, "", true},
		{"openapi, wrong method", http.MethodDelete, "/v1/openapi.json", "", nil, 405, "error", false},
	}
}

// send sends the exchange's request to h and checks the status.
func (x exchange) send(t *testing.T, h http.Handler) (*http.Request, *httptest.ResponseRecorder) {
	t.Helper()
	req := httptest.NewRequest(x.method, x.target, bytes.NewReader(x.body))
	if x.ctype != "" {
		req.Header.Set("Content-Type", x.ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, x.status, rec.Code, "%s: %s", x.name, rec.Body.String())
	return req, rec
}

// Every answer of the service is an answer document of the contract.
func TestAnswersMatchTheSchema(t *testing.T) {
	s, err := contracttest.Shared()
	require.NoError(t, err)
	h := newHandler(handlerOptions{today: func() date.Date { return ladder.MustParseDate("2026-11-16") }})
	for _, x := range exchanges(t) {
		if x.method == http.MethodPost && x.status == 200 {
			require.NoError(t, s.Validate(contracttest.Input, x.body), "%s: the request", x.name)
		}
		_, rec := x.send(t, h)
		if x.doc == "" {
			continue
		}
		assert.NoError(t, s.Validate(x.doc, rec.Body.Bytes()), "%s", x.name)
		assert.NoError(t, s.Validate("answer", rec.Body.Bytes()), "%s", x.name)
	}
}

// A panicking handler's 500 is an error document too.
func TestInternalErrorMatchesTheSchema(t *testing.T) {
	s, err := contracttest.Shared()
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	boom := recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }),
		followup.Herning().Receipt(followup.Options{}, nil))
	boom.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/rules", nil))
	require.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.NoError(t, s.Validate("error", rec.Body.Bytes()))
}
