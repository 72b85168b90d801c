package finding_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

func TestSeverity(t *testing.T) {
	for _, tc := range []struct {
		s      finding.Severity
		code   string
		danish string
	}{{finding.Info, "info", "til orientering"}, {finding.Warning, "warning", "advarsel"}, {finding.Error, "error", "fejl"}} {
		assert.True(t, tc.s.IsValid())
		assert.Equal(t, tc.code, tc.s.String())
		assert.Equal(t, tc.danish, tc.s.Danish())
		b, err := tc.s.MarshalText()
		require.NoError(t, err)
		var back finding.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tc.s, back)
	}
	assert.False(t, finding.Severity(0).IsValid())
	assert.Equal(t, "finding.Severity(7)", finding.Severity(7).String())
	_, err := finding.Severity(0).MarshalText()
	assert.Error(t, err)
	s := finding.Warning
	assert.ErrorContains(t, s.UnmarshalText([]byte("fatal")), `finding.ParseSeverity: unknown severity "fatal"`)
	assert.Equal(t, finding.Warning, s, "unchanged on error")
}

func TestListErr(t *testing.T) {
	l := finding.List{
		{Code: "x.warn", Severity: finding.Warning, Subject: "w1", Da: "advarsel", En: "a warning"},
		{Code: "x.info", Severity: finding.Info, En: "fyi"},
	}
	assert.False(t, l.HasErrors())
	assert.NoError(t, l.Err("pkg.F"), "warnings alone are no error")
	assert.Equal(t, []string{"x.warn", "x.info"}, l.Codes())
	assert.Equal(t, finding.List{l[0]}, l.Filter(finding.Warning))

	l = append(l, finding.Finding{Code: "x.bad", Severity: finding.Error, Subject: "c9", En: "broken"},
		finding.Finding{Code: "x.worse", Severity: finding.Error, En: "also broken"})
	err := l.Err("pkg.F")
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, "pkg.F: 2 problems; x.bad [c9]: broken; x.worse: also broken", err.Error())
	l[2].Code = "changed"
	assert.Equal(t, "x.bad", le.Findings[2].Code, "the error holds a copy")

	one := finding.List{{Code: "x.bad", Severity: finding.Error, En: "broken"}}
	assert.Equal(t, "pkg.G: 1 problem; x.bad: broken", one.Err("pkg.G").Error())
}

func TestFindingTextAndJSON(t *testing.T) {
	f := finding.Finding{Code: "caseload.over-hard-limit", Severity: finding.Error, Subject: "w2", Da: "for mange", En: "too many", Source: "KORA 2017"}
	assert.Equal(t, "for mange", f.Text(msg.Danish))
	assert.Equal(t, "too many", f.Text(msg.English))
	assert.Equal(t, "error caseload.over-hard-limit [w2]: too many", f.String())
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"caseload.over-hard-limit","severity":"error","subject":"w2","da":"for mange","en":"too many","source":"KORA 2017"}`, string(b))
	var back finding.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, f, back)
}
