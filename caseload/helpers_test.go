package caseload_test

import (
	"fmt"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

func d(s string) date.Date { return ladder.MustParseDate(s) }

// rec builds a measure record; end "" is open.
func rec(t testing.TB, id, code, start, end string) followup.Record {
	t.Helper()
	var e date.Date
	if end != "" {
		e = d(end)
	}
	m, err := ladder.Default().NewMeasure(id, code, d(start), e)
	require.NoError(t, err)
	return followup.Record{Measure: m}
}

// cases returns n cases c<prefix>1… with no measures, held by workerID.
func cases(prefix, workerID string, n int) []caseload.Case {
	out := make([]caseload.Case, n)
	for i := range out {
		out[i] = caseload.Case{ID: fmt.Sprintf("%s%02d", prefix, i+1), Worker: workerID}
	}
	return out
}

func concat(parts ...[]caseload.Case) []caseload.Case {
	var out []caseload.Case
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
