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

var _ = msg.Define(
	msg.Entry{Code: "x.warn", Da: "advarsel", En: "a warning"},
	msg.Entry{Code: "x.info", Da: "til orientering", En: "fyi"},
	msg.Entry{Code: "x.bad", Da: "i stykker", En: "broken"},
	msg.Entry{Code: "x.worse", Da: "også i stykker", En: "also broken"},
	msg.Entry{Code: "x.over-limit", Args: []string{"n", "limit"}, Da: "{n} sager; grænsen er {limit}", En: "{n} cases; the limit is {limit}"},
)

func TestListErr(t *testing.T) {
	l := finding.List{
		finding.New("x.warn", finding.Warning, "w1", ""),
		finding.New("x.info", finding.Info, "", ""),
	}
	assert.False(t, l.HasErrors())
	assert.NoError(t, l.Err("pkg.F"), "warnings alone are no error")
	assert.Equal(t, []string{"x.warn", "x.info"}, l.Codes())
	assert.Equal(t, finding.List{l[0]}, l.Filter(finding.Warning))

	l = append(l, finding.New("x.bad", finding.Error, "c9", ""), finding.New("x.worse", finding.Error, "", ""))
	err := l.Err("pkg.F")
	var le *finding.ListError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, "pkg.F: 2 problems; x.bad [c9]: broken; x.worse: also broken", err.Error())
	l[2].Code = "changed"
	assert.Equal(t, "x.bad", le.Findings[2].Code, "the error holds a copy")

	one := finding.List{finding.New("x.bad", finding.Error, "", "")}
	assert.Equal(t, "pkg.G: 1 problem; x.bad: broken", one.Err("pkg.G").Error())
}

func TestFindingTextAndJSON(t *testing.T) {
	f := finding.New("x.over-limit", finding.Error, "w2", "KORA 2017", "n", msg.Int(27), "limit", msg.Float(22.5, 1))
	assert.Equal(t, "27 sager; grænsen er 22,5", f.Text(msg.Danish))
	assert.Equal(t, "27 cases; the limit is 22.5", f.Text(msg.English))
	assert.Equal(t, "error x.over-limit [w2]: 27 cases; the limit is 22.5", f.String())
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"x.over-limit","severity":"error","subject":"w2","args":{"n":27,"limit":22.5},"da":"27 sager; grænsen er 22,5","en":"27 cases; the limit is 22.5","source":"KORA 2017"}`, string(b))
	var back finding.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, f.Message(), back.Message(), "the code and the arguments come back")
	assert.Equal(t, f.Text(msg.Danish), back.Text(msg.Danish))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again), "a round trip gives the same JSON")
}
