package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newHandler(handlerOptions{today: func() date.Date { return ladder.MustParseDate("2026-11-16") }}))
	t.Cleanup(srv.Close)
	return srv
}

func sampleBody(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../schedule/sample.json")
	require.NoError(t, err)
	return b
}

func do(t *testing.T, method, url, ctype string, body []byte) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	require.NoError(t, err)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var v map[string]any
	if method != http.MethodHead {
		require.NoError(t, json.Unmarshal(raw, &v), "%s", raw)
		assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	}
	return resp, v
}

func TestSchedule(t *testing.T) {
	srv := testServer(t)
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/schedule", "application/json", sampleBody(t))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	assert.Equal(t, "2026-11-16", v["asOf"])
	assert.Equal(t, "2026-12-28", v["until"])
	items := v["items"].([]any)
	require.NotEmpty(t, items)
	it := items[0].(map[string]any)
	for _, k := range []string{"case", "measure", "worker", "due", "workingDay", "kind", "statutory", "childConversation", "modes", "rules", "status", "why"} {
		assert.Contains(t, it, k)
	}
	assert.NotEmpty(t, v["findings"])
	assert.Contains(t, v, "figures")

	// The query wins over the body.
	resp, v = do(t, http.MethodPost, srv.URL+"/v1/schedule?asof=2026-12-01&weeks=2&worker=w1&lang=en", "application/json", sampleBody(t))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	assert.Equal(t, "2026-12-01", v["asOf"])
	assert.Equal(t, "2026-12-15", v["until"])
	assert.Equal(t, "en", v["lang"])
	for _, x := range v["items"].([]any) {
		assert.Equal(t, "w1", x.(map[string]any)["worker"])
	}
}

func TestScheduleOneCase(t *testing.T) {
	srv := testServer(t)
	body := `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "plejefamilie", "start": "2026-09-01"}]}]}`
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/schedule?asof=2026-10-01", "", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	items := v["items"].([]any)
	require.NotEmpty(t, items)
	first := items[0].(map[string]any)
	assert.Equal(t, "2026-09-15", first["due"]) // H-PLEJE: +2 weeks
	assert.Equal(t, "overdue", first["status"])
	// Today comes from the server when neither query nor body has it.
	resp, v = do(t, http.MethodPost, srv.URL+"/v1/schedule", "", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "2026-11-16", v["asOf"])
}

func TestBadInput(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		name, url, body   string
		field, value, msg string
	}{
		{"malformed", "/v1/schedule", `{"cases": [}`, "", "", "malformed JSON"},
		{"unknown intervention", "/v1/schedule", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "plejefamilje", "start": "2026-09-01"}]}]}`,
			"cases[0].measures[0].intervention", `"plejefamilje"`, "unknown intervention"},
		{"impossible date", "/v1/caseload/validate", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-02-30"}]}]}`,
			"cases[0].measures[0].start", `"2026-02-30"`, "not an existing date"},
		{"follow-up before start", "/v1/schedule", `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-03-02", "followups": [{"date": "2026-03-01"}]}]}]}`,
			"cases[0].measures[0].followups[0].date", `"2026-03-01"`, "before the measure's start"},
		{"bad weeks", "/v1/schedule?weeks=521", `{"cases": []}`, "weeks", `"521"`, "1 to 520"},
		{"bad asof", "/v1/schedule?asof=2026-02-30", `{"cases": []}`, "asof", `"2026-02-30"`, "not an existing date"},
		{"bad lang", "/v1/schedule?lang=sv", `{"cases": []}`, "lang", `"sv"`, "da or en"},
		{"unknown worker", "/v1/schedule?worker=w9", `{"cases": []}`, "-worker", `"w9"`, "no worker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, v := do(t, http.MethodPost, srv.URL+tt.url, "application/json", []byte(tt.body))
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%v", v)
			assert.Equal(t, "bad input", v["error"])
			assert.Contains(t, v["message"], tt.msg)
			problems := v["problems"].([]any)
			require.NotEmpty(t, problems)
			p := problems[0].(map[string]any)
			assert.Contains(t, []any{"request body", "query"}, p["file"])
			if tt.field != "" {
				assert.Equal(t, tt.field, p["field"])
				assert.Equal(t, tt.value, p["value"])
			}
			if strings.Contains(tt.field, "measures") {
				assert.Equal(t, "m1", p["measure"])
			}
		})
	}
}

func TestLimitsAndMethods(t *testing.T) {
	srv := testServer(t)
	big := append([]byte(`{"cases": [], "x": "`), bytes.Repeat([]byte("a"), MaxBodyBytes)...)
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/schedule", "application/json", append(big, '"', '}'))
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "%v", v)

	resp, v = do(t, http.MethodGet, srv.URL+"/v1/schedule", "", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "POST", resp.Header.Get("Allow"))
	assert.Equal(t, "method not allowed", v["error"])

	resp, _ = do(t, http.MethodDelete, srv.URL+"/v1/caseload/validate", "", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	resp, _ = do(t, http.MethodPost, srv.URL+"/v1/rules", "application/json", []byte("{}"))
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"))

	resp, _ = do(t, http.MethodPost, srv.URL+"/v1/schedule", "text/plain", []byte("{}"))
	assert.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode)

	resp, _ = do(t, http.MethodGet, srv.URL+"/v2/nothing", "", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)

	resp, _ = do(t, http.MethodHead, srv.URL+"/v1/rules", "", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestRules(t *testing.T) {
	srv := testServer(t)
	resp, v := do(t, http.MethodGet, srv.URL+"/v1/rules", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	raw, err := json.Marshal(v["municipal"])
	require.NoError(t, err)
	for _, id := range []string{"H-INST", "H-PLEJE", "H-EFTERSKOLE", "X-BARNDOM", "X-FJERN", "X-EFTERSKOLE", "kompendium"} {
		assert.Contains(t, string(raw), id)
	}
	statutory := v["statutory"].([]any)
	require.Len(t, statutory, 2)
	raw, err = json.Marshal(statutory)
	require.NoError(t, err)
	for _, id := range []string{"SEL-70", "SEL-148", "BL-95", "BL-156", "2024-01-01"} {
		assert.Contains(t, string(raw), id)
	}
	assert.Len(t, v["interventions"], ladder.Default().Len())
}

func TestValidate(t *testing.T) {
	srv := testServer(t)
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/caseload/validate", "application/json", sampleBody(t))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	assert.Equal(t, false, v["ok"])
	raw, err := json.Marshal(v["findings"])
	require.NoError(t, err)
	assert.Contains(t, string(raw), "caseload.over-hard-limit")
	assert.Len(t, v["workers"], 4)

	body := `{"workers": [{"id": "w1", "fte": 1}], "cases": [{"id": "c1", "worker": "w1"}]}`
	resp, v = do(t, http.MethodPost, srv.URL+"/v1/caseload/validate", "application/json", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, true, v["ok"])
	assert.Equal(t, []any{}, v["findings"])
}

func TestRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan int, 1)
	var logs safeBuffer
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &logs, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get("http://" + addr + "/v1/rules")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
	assert.Contains(t, logs.String(), "GET /v1/rules 200")

	assert.Equal(t, 2, run(context.Background(), []string{"-nope"}, io.Discard, nil))
	assert.Equal(t, 1, run(context.Background(), []string{"-addr", "256.0.0.1:bad"}, io.Discard, nil))
}

func TestServerTimeouts(t *testing.T) {
	s := newServer(log.New(io.Discard, "", 0), http.NotFoundHandler())
	assert.Positive(t, s.ReadHeaderTimeout)
	assert.Positive(t, s.ReadTimeout)
	assert.Positive(t, s.WriteTimeout)
	assert.Positive(t, s.IdleTimeout)
	assert.Positive(t, s.MaxHeaderBytes)
}

// safeBuffer is a bytes.Buffer for concurrent writers.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
