package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
)

// post sends body and returns the status and the answer's bytes.
func post(t *testing.T, u string, body []byte) (int, []byte) {
	t.Helper()
	resp, err := http.Post(u, "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b
}

// Every answer is computed again from its receipt and its input, byte for
// byte: the receipt checks the rule sets and the body, and gives the as-of
// date and horizon, passed again as the query.
func TestReplayFromReceipt(t *testing.T) {
	srv := testServer(t)
	body := sampleBody(t)
	for _, query := range []string{"", "?lang=en", "?worker=w2&weeks=12", "?asof=2026-12-15&weeks=1&lang=en&worker=w3"} {
		t.Run("schedule"+query, func(t *testing.T) {
			status, first := post(t, srv.URL+"/v1/schedule"+query, body)
			require.Equal(t, http.StatusOK, status, "%s", first)
			var ans struct {
				Lang    string           `json:"lang"`
				Worker  string           `json:"worker"`
				Receipt followup.Receipt `json:"receipt"`
			}
			require.NoError(t, json.Unmarshal(first, &ans))
			opt, err := ans.Receipt.Replay(followup.Herning(), body)
			require.NoError(t, err)
			assert.Equal(t, workday.Danish().Options(), opt.Calendar.Options())
			days := int(opt.Until - opt.AsOf)
			require.Zero(t, days%7)
			q := url.Values{"asof": {opt.AsOf.String()}, "weeks": {strconv.Itoa(days / 7)}, "lang": {ans.Lang}}
			if ans.Worker != "" {
				q.Set("worker", ans.Worker)
			}
			status, second := post(t, srv.URL+"/v1/schedule?"+q.Encode(), body)
			require.Equal(t, http.StatusOK, status, "%s", second)
			assert.Equal(t, string(first), string(second))
		})
	}
	t.Run("validate", func(t *testing.T) {
		status, first := post(t, srv.URL+"/v1/caseload/validate?asof=2026-12-01", body)
		require.Equal(t, http.StatusOK, status, "%s", first)
		var ans struct {
			Receipt followup.Receipt `json:"receipt"`
		}
		require.NoError(t, json.Unmarshal(first, &ans))
		opt, err := ans.Receipt.Replay(followup.Herning(), body)
		require.NoError(t, err)
		assert.Equal(t, opt.AsOf, opt.Until, "the caseloads of one day")
		status, second := post(t, srv.URL+"/v1/caseload/validate?asof="+opt.AsOf.String(), body)
		require.Equal(t, http.StatusOK, status)
		assert.Equal(t, string(first), string(second))
	})
}

// Every answer carries a receipt: refusals too, with the digest of the
// body when one was read.
func TestEveryAnswerHasAReceipt(t *testing.T) {
	srv := testServer(t)
	base := followup.Herning().Receipt(followup.Options{}, nil)
	bad := []byte(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-02-30"}]}]}`)
	tests := []struct {
		method, path string
		body         []byte
		status       int
		want         followup.Receipt
	}{
		{http.MethodGet, "/v1/rules", nil, http.StatusOK, base},
		{http.MethodGet, "/v1/nope", nil, http.StatusNotFound, base},
		{http.MethodGet, "/v1/schedule", nil, http.StatusMethodNotAllowed, base},
		{http.MethodPost, "/v1/schedule", bad, http.StatusBadRequest, followup.Herning().Receipt(followup.Options{}, bad)},
		{http.MethodPost, "/v1/schedule?asof=2026-01-01", sampleBody(t), http.StatusBadRequest,
			followup.Herning().Receipt(followup.Options{AsOf: ladder.MustParseDate("2026-01-01"), Until: ladder.MustParseDate("2026-02-12")}, sampleBody(t))},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, srv.URL+tt.path, bytes.NewReader(tt.body))
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		require.Equal(t, tt.status, resp.StatusCode, "%s %s: %s", tt.method, tt.path, b)
		var ans struct {
			Receipt followup.Receipt `json:"receipt"`
		}
		require.NoError(t, json.Unmarshal(b, &ans), "%s", b)
		assert.Equal(t, tt.want, ans.Receipt, "%s %s", tt.method, tt.path)
	}
}
