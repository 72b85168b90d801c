package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIntake(t *testing.T) {
	srv := testServer(t)
	body := `{"asOf": "2024-03-01", "now": "2024-03-01T16:00:00+01:00",
	  "notifications": [{"case": "c1", "received": "2024-03-01T14:30:00+01:00"}],
	  "assessments": [{"case": "c1", "learned": "2024-02-15"}],
	  "plans": [{"case": "c1", "measure": "m1", "decided": "2024-05-31", "basis": "placement"}, {"case": "c2", "measure": "m1", "decided": "2024-04-30", "basis": "support"}],
	  "hearings": [{"case": "c1", "measure": "m1", "start": "2024-03-04"}]}`
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/intake?lang=en", "application/json", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	items := v["items"].([]any)
	var kinds []any
	for _, x := range items {
		kinds = append(kinds, x.(map[string]any)["kind"])
	}
	// The support plan of c2 is not owed (no plan chosen): no item.
	assert.Equal(t, []any{"notification-assessment", "child-assessment", "preliminary-assessment", "childs-plan", "hearing"}, kinds)
	n := items[0].(map[string]any)
	assert.Equal(t, "BL-136", n["rule"])
	assert.Equal(t, "2024-03-02T14:30:00+01:00", n["dueAt"])
	assert.Contains(t, n["why"].(map[string]any)["text"], "BL-136: ")

	// The query's asof wins over the body's.
	resp, v = do(t, http.MethodPost, srv.URL+"/v1/intake?asof=2024-07-01", "", []byte(`{"asOf": "2024-03-01", "assessments": [{"case": "c1", "learned": "2024-02-15"}]}`))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	assert.Equal(t, "overdue", v["items"].([]any)[0].(map[string]any)["status"])
}

func TestWorkdays(t *testing.T) {
	srv := testServer(t)
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/workdays", "application/json", []byte(`{"dates": ["2023-05-05", "2024-04-26", "2024-12-24"]}`))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	days := v["days"].([]any)
	require.Len(t, days, 3)
	assert.Equal(t, map[string]any{"date": "2023-05-05", "closed": true, "reason": "Store bededag", "workingDay": "2023-05-04"}, days[0])
	assert.Equal(t, map[string]any{"date": "2024-04-26", "closed": false, "workingDay": "2024-04-26"}, days[1])
	assert.Equal(t, false, days[2].(map[string]any)["closed"])

	resp, v = do(t, http.MethodPost, srv.URL+"/v1/workdays?closed24dec=true&closed31dec=1", "application/json", []byte(`{"dates": ["2024-12-24", "2024-12-31"]}`))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	for _, d := range v["days"].([]any) {
		assert.Equal(t, true, d.(map[string]any)["closed"])
	}
}

func TestChildYears(t *testing.T) {
	srv := testServer(t)
	body := `{"before": {"doegninstitution": 7.68, "plejefamilie": 26.72}, "after": {"doegninstitution": 0.08, "plejefamilie": 26.27}}`
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/figures/childyears", "application/json", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	rows := v["rows"].([]any)
	all := rows[0].(map[string]any)
	assert.Equal(t, "anbragte", all["key"])
	assert.InDelta(t, 34.40, all["before"], 1e-9)
	assert.InDelta(t, 26.35, all["after"], 1e-9)
	var institution map[string]any
	for _, r := range rows {
		if r.(map[string]any)["key"] == "doegninstitution" {
			institution = r.(map[string]any)
		}
	}
	require.NotNil(t, institution)
	assert.InDelta(t, 100*7.68/34.40, institution["shareBefore"], 1e-9)
}

func TestScheduleSettings(t *testing.T) {
	srv := testServer(t)
	body := `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "korttidsanbringelse", "start": "2024-11-26"}]}]}`
	resp, v := do(t, http.MethodPost, srv.URL+"/v1/schedule?asof=2024-11-26&weeks=5&closed24dec=true", "application/json", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	it := v["items"].([]any)[0].(map[string]any)
	assert.Equal(t, "2024-12-24", it["due"])
	assert.Equal(t, "2024-12-23", it["workingDay"])

	body = `{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "aflastning", "start": "2024-01-10"}]}]}`
	resp, v = do(t, http.MethodPost, srv.URL+"/v1/schedule?asof=2024-01-10&weeks=14&phoneChildConversation=true", "application/json", []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", v)
	for _, x := range v["items"].([]any) {
		it := x.(map[string]any)
		if it["statutory"] == true {
			assert.Equal(t, []any{"in-person", "phone"}, it["modes"])
		}
	}
}

func TestQueriesBadInput(t *testing.T) {
	srv := testServer(t)
	for _, tt := range []struct {
		name, url, body, field string
	}{
		{"unknown field", "/v1/workdays", `{"dates": [], "date": "2024-01-01"}`, "date"},
		{"impossible date", "/v1/workdays", `{"dates": ["2023-02-29"]}`, "dates[0]"},
		{"bad option", "/v1/workdays?closed24dec=maybe", `{"dates": []}`, "closed24dec"},
		{"bad schedule option", "/v1/schedule?closed31dec=ja", `{"cases": []}`, "closed31dec"},
		{"duplicate key", "/v1/intake", `{"asOf": "2024-01-01", "asOf": "2024-01-02"}`, "asOf"},
		{"no now", "/v1/intake", `{"asOf": "2024-03-01", "notifications": [{"case": "c1", "received": "2024-03-01T14:30:00+01:00"}]}`, "now"},
		{"bad moment", "/v1/intake", `{"asOf": "2024-03-01", "now": "2024-03-01 14:30", "notifications": []}`, "now"},
		{"bad basis", "/v1/intake", `{"asOf": "2024-03-01", "plans": [{"case": "c1", "decided": "2024-03-01", "basis": "early"}]}`, "plans[0].basis"},
		{"library refuses", "/v1/intake", `{"asOf": "2024-03-01", "assessments": [{"case": "c1", "learned": "2024-04-01"}]}`, "assessments[0]"},
		{"no asOf", "/v1/intake", `{"hearings": []}`, "asOf"},
		{"unknown code", "/v1/figures/childyears", `{"before": {"plejefamilje": 1}, "after": {}}`, "before"},
		{"negative", "/v1/figures/childyears", `{"before": {"plejefamilie": -1}, "after": {}}`, "before"},
		{"wrong type", "/v1/figures/childyears", `{"before": {"plejefamilie": "1"}, "after": {}}`, "before"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, v := do(t, http.MethodPost, srv.URL+tt.url, "application/json", []byte(tt.body))
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%v", v)
			assert.Equal(t, "bad input", v["error"])
			p := v["problems"].([]any)[0].(map[string]any)
			assert.Equal(t, tt.field, p["field"], "%v", p)
		})
	}
	for _, path := range []string{"/v1/intake", "/v1/workdays", "/v1/figures/childyears"} {
		resp, _ := do(t, http.MethodGet, srv.URL+path, "", nil)
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, path)
		resp, _ = do(t, http.MethodPost, srv.URL+path, "text/plain", []byte("{}"))
		assert.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode, path)
		resp, _ = do(t, http.MethodPost, srv.URL+path, "", []byte(""))
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, path)
	}
}
