package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// startsOn is a small body whose cases start on the given date: issue 10's
// second request had starts on 0000-01-01 in 484 bytes and got a 203 MB
// answer.
func startsOn(start string) []byte {
	var cases []string
	for i := range 4 {
		cases = append(cases, fmt.Sprintf(`{"id": "c%d", "measures": [{"id": "m1", "intervention": "korttidsanbringelse", "start": %q},
		  {"id": "m2", "intervention": "doegninstitution", "start": %q}]}`, i, start, start))
	}
	return []byte(`{"asOf": "2026-11-16", "cases": [` + strings.Join(cases, ",") + `]}`)
}

// overBudget is a small body whose schedule would hold more items than a
// request may: 120 measures with a cadence decision of one day since
// 2024-01-08, about 1,050 items each by 2026-11-16.
func overBudget() []byte {
	var cases []string
	for i := range 120 {
		cases = append(cases, fmt.Sprintf(`{"id": "c%d", "measures": [{"id": "m1", "intervention": "kostskole", "start": "2024-01-08",
		  "decision": {"decidedOn": "2024-01-08", "every": "P1D"}}]}`, i))
	}
	return []byte(`{"asOf": "2026-11-16", "cases": [` + strings.Join(cases, ",") + `]}`)
}

// Each request that took minutes or gigabytes, or was accepted silently,
// before issue 10 now gets a 4xx JSON answer naming the problem.
func TestHostileRequests(t *testing.T) {
	srv := testServer(t)
	sample := sampleBody(t)
	tests := []struct {
		name, query string
		body        []byte
		status      int
		field       string // of the first problem
		reason      string
	}{
		// 101 s and over 8.5 GB before.
		{"as-of far ahead, ten years on", "?asof=9999-12-31&weeks=520", sample, 400, "asof", "outside the supported dates 1900-01-01 to 2199-12-31"},
		{"starts in year 0", "", startsOn("0000-01-01"), 400, "cases[0].measures[0].start", "outside the supported dates"},
		{"zero as-of", "?asof=0001-01-01", sample, 400, "asof", "outside the supported dates"},
		{"last supported as-of runs past 2199", "?asof=2199-12-31&weeks=520", sample, 400, "weeks", "after the last supported date 2199-12-31"},
		{"a century's walk", "", startsOn("1900-01-01"), 400, "cases[0].measures[0].start", "a walk may be at most 40 years"},
		{"over budget", "", overBudget(), 413, "", "one report may hold at most 100000"},
		{"duplicate key", "", []byte(`{"cases": [{"id": "c1", "id": "c2"}]}`), 400, "cases[0].id", "duplicate key"},
		{"unknown field", "", []byte(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2026-01-05", "ende": "2026-02-01"}]}]}`),
			400, "cases[0].measures[0].ende", "unknown field"},
		{"line break in an id", "", []byte(`{"cases": [{"id": "c1\n  forged"}]}`), 400, "cases[0].id", "control or bidirectional"},
		{"bidi override in a name", "", []byte(`{"workers": [{"id": "w1", "name": "Anne\u202e"}], "cases": []}`), 400, "workers[0].name", "(U+202E)"},
		{"truncated", "", []byte("{\n  \"cases\": [\n    {\"id\": \"c1\""), 400, "", "unexpected end of the document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, v := do(t, http.MethodPost, srv.URL+"/v1/schedule"+tt.query, "application/json", tt.body)
			require.Equal(t, tt.status, resp.StatusCode, "%v", v)
			problems, ok := v["problems"].([]any)
			require.True(t, ok, "%v", v)
			require.NotEmpty(t, problems)
			first := problems[0].(map[string]any)
			if tt.field != "" {
				assert.Equal(t, tt.field, first["field"])
			}
			assert.Contains(t, first["reason"], tt.reason)
			assert.NotContains(t, v["message"], "\n", "the message is one line")
		})
	}
	// The truncated body is located where it ends: line 3, column 15.
	_, v := do(t, http.MethodPost, srv.URL+"/v1/schedule", "application/json", []byte("{\n  \"cases\": [\n    {\"id\": \"c1\""))
	first := v["problems"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{3.0, 15.0}, []any{first["line"], first["column"]})
	assert.Contains(t, v["message"], "request body:3:15: malformed JSON")
}

// While requests are refused, the server keeps answering the others.
func TestServerAnswersWhileRefusing(t *testing.T) {
	srv := testServer(t)
	sample := sampleBody(t)
	var wg sync.WaitGroup
	statuses := make([]int, 12)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := overBudget()
			if i%3 == 2 {
				body = sample
			}
			resp, err := http.Post(srv.URL+"/v1/schedule", "application/json", bytes.NewReader(body))
			if err != nil {
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	for i, s := range statuses {
		want := http.StatusRequestEntityTooLarge
		if i%3 == 2 {
			want = http.StatusOK
		}
		assert.Equal(t, want, s, "request %d", i)
	}
}

// FuzzServiceHandler sends arbitrary bodies and queries to the service's
// POST endpoints. Whatever the input, the answer is JSON, and bad input
// gets a 4xx, never a 5xx; a 200 to /v1/schedule is a report.
func FuzzServiceHandler(f *testing.F) {
	f.Add("", string(mustRead(f, "../schedule/sample.json")))
	f.Add("asof=9999-12-31&weeks=520", string(mustRead(f, "../schedule/sample.json")))
	f.Add("", string(startsOn("0000-01-01")))
	f.Add("asof=2026-11-16&worker=w1&lang=en", string(startsOn("2026-01-05")))
	f.Add("weeks=520", string(startsOn("1987-01-05")))
	f.Add("", `{"cases": [{"id": "c1", "id": "c2", "x\n": 1}]}`)
	f.Add("asof=0001-01-01", `{"cases": [{"id": "c1\u202e"}]}`)
	f.Add("weeks=0", "{\n  \"cases\": [")
	h := newHandler(handlerOptions{today: func() date.Date { return ladder.MustParseDate("2026-11-16") }})
	f.Fuzz(func(t *testing.T, query, body string) {
		for _, path := range []string{"/v1/schedule", "/v1/caseload/validate"} {
			req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
			req.URL.RawQuery = query // as sent, however malformed
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Less(t, rec.Code, 500, "%s?%s: %s", path, query, rec.Body)
			require.GreaterOrEqual(t, rec.Code, 200)
			require.True(t, json.Valid(rec.Body.Bytes()), "%s", rec.Body)
			if rec.Code != http.StatusOK {
				var e struct {
					Error, Message string
				}
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
				require.NotEmpty(t, e.Error)
				require.NotEmpty(t, e.Message)
				// U+FFFD, which encoding/json puts for bytes that are not
				// UTF-8, prints as itself; the rest must be escaped.
				require.False(t, strings.ContainsFunc(e.Message, func(r rune) bool { return r != utf8.RuneError && ladder.UnsafeRune(r) }), "%q", e.Message)
			}
		}
	})
}

func mustRead(f *testing.F, name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
