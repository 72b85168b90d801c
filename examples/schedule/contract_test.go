package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/contract/contracttest"
)

// Every JSON the command prints is a report of the contract: in Danish and
// English, for every worker and for none, over short and long horizons, on
// the sample and on a document without workers.
func TestJSONOutputsMatchTheSchema(t *testing.T) {
	s, err := contracttest.Shared()
	require.NoError(t, err)
	require.NoError(t, s.Validate(contracttest.Input, sample), "the embedded sample")

	unassigned := writeFile(t, "unassigned.json", `{"asOf": "2026-03-02", "cases": [
	  {"id": "c1", "measures": [{"id": "m1", "intervention": "mst", "start": "2025-10-06"}]},
	  {"id": "c2", "worker": "w9", "measures": [{"id": "m1", "intervention": "familiebehandling", "start": "2025-01-06"}]}]}`)
	var runs [][]string
	for _, lang := range []string{"da", "en"} {
		for _, worker := range []string{"", "w1", "w2", "w3", "w4"} {
			args := []string{"-format", "json", "-lang", lang}
			if worker != "" {
				args = append(args, "-worker", worker)
			}
			runs = append(runs, args, append(args, "-weeks", "52"))
		}
		runs = append(runs,
			[]string{"-format", "json", "-lang", lang, "-asof", "2027-06-01", "-weeks", "1"},
			[]string{"-format", "json", "-lang", lang, "-cases", unassigned},
			[]string{"-format", "json", "-lang", lang, "-cases", unassigned, "-worker", "w9"})
	}
	for _, args := range runs {
		code, out, errs := runCmd(t, args...)
		require.Equal(t, 0, code, "%v: %s", args, errs)
		require.NoError(t, s.Validate("report", []byte(out)), "%v", args)
	}
}

// The schema is no rubber stamp: a report with a field it does not know,
// an unknown code or a missing receipt fails.
func TestSchemaRejectsAChangedReport(t *testing.T) {
	s, err := contracttest.Shared()
	require.NoError(t, err)
	code, out, errs := runCmd(t, "-format", "json")
	require.Equal(t, 0, code, errs)
	for name, change := range map[string]func(map[string]any){
		"unknown field":  func(r map[string]any) { r["items"].([]any)[0].(map[string]any)["colour"] = "red" },
		"unknown status": func(r map[string]any) { r["items"].([]any)[0].(map[string]any)["status"] = "skipped" },
		"date format":    func(r map[string]any) { r["asOf"] = "16.11.2026" },
		"no receipt":     func(r map[string]any) { delete(r, "receipt") },
		"receipt digest": func(r map[string]any) { r["receipt"].(map[string]any)["inputSha256"] = "abc" },
		"receipt layer": func(r map[string]any) {
			r["receipt"].(map[string]any)["ruleSets"].([]any)[0].(map[string]any)["layer"] = "lov"
		},
		"finding area": func(r map[string]any) { r["findings"].([]any)[0].(map[string]any)["area"] = "elsewhere" },
		"severity":     func(r map[string]any) { r["findings"].([]any)[0].(map[string]any)["severity"] = "fatal" },
		"mode in a set": func(r map[string]any) {
			r["items"].([]any)[0].(map[string]any)["modes"] = []any{"in-person", "in-person"}
		},
		"negative weeks":  func(r map[string]any) { r["weeks"] = -1 },
		"missing figures": func(r map[string]any) { delete(r["figures"].(map[string]any), "deadlines") },
	} {
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &r))
		change(r)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		assert.Error(t, s.Validate("report", b), name)
	}
}
