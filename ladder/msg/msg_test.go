package msg_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// The test registers its own messages, as a package does.
var _ = msg.Define(
	msg.Entry{Code: "test.period", Args: []string{"p", "n"}, Da: "Hver {p}, {n} gange.", En: "Every {p}, {n} times."},
	msg.Entry{Code: "test.share", Args: []string{"share", "day"}, Da: "Andel {share} pr. {day}.", En: "Share {share} on {day}."},
	msg.Entry{Code: "test.nested", Args: []string{"inner", "rule"}, Da: "{rule}: {inner}", En: "{rule}: {inner}"},
	msg.Entry{Code: "test.late", Args: []string{"late", "by"}, Da: "{late} for sent ({by}).", En: "{late} late ({by})."},
)

func TestRenderFormatsPerLanguage(t *testing.T) {
	c := msg.Default()
	for _, tc := range []struct {
		m      msg.Message
		da, en string
	}{
		{msg.New("test.period", "p", msg.Period(3, 0), "n", msg.Int(4)), "Hver 3 måneder, 4 gange.", "Every 3 months, 4 times."},
		{msg.New("test.period", "p", msg.Period(0, 14), "n", msg.Int(1)), "Hver 2 uger, 1 gange.", "Every 2 weeks, 1 times."},
		{msg.New("test.period", "p", msg.Period(1, 3), "n", msg.Int(0)), "Hver 1 måned og 3 dage, 0 gange.", "Every 1 month and 3 days, 0 times."},
		{msg.New("test.share", "share", msg.Float(0.755, 1), "day", msg.Date(date.New(2024, time.February, 29))), "Andel 0,8 pr. 2024-02-29.", "Share 0.8 on 2024-02-29."},
		{msg.New("test.late", "late", msg.Days(1), "by", msg.Duration(135*time.Minute)), "1 dag for sent (2 timer og 15 minutter).", "1 day late (2 hours and 15 minutes)."},
		{msg.New("test.late", "late", msg.Days(3), "by", msg.Duration(59*time.Second)), "3 dage for sent (1 minut).", "3 days late (1 minute)."},
		{msg.New("test.nested", "rule", msg.Text(map[msg.Lang]string{"da": "Institution", "en": "Institution EN"}), "inner", msg.Nested(msg.New("test.period", "p", msg.Period(0, 42), "n", msg.Int(2)))),
			"Institution: Hver 6 uger, 2 gange.", "Institution EN: Every 6 weeks, 2 times."},
	} {
		assert.Equal(t, tc.da, c.Text(tc.m, msg.Danish))
		assert.Equal(t, tc.en, c.Text(tc.m, msg.English))
		assert.Equal(t, tc.en, tc.m.Text(msg.English))
	}
}

func TestMissingTextFallsBackVisibly(t *testing.T) {
	c := msg.Default()
	assert.Equal(t, "[test.unknown] n=2", c.Text(msg.New("test.unknown", "n", msg.Int(2)), msg.Danish))
	de, err := c.With("de", map[string]string{"test.period": "Alle {p}, {n} Mal.", "test.nested": "{rule}: {inner}"})
	require.NoError(t, err)
	assert.Equal(t, "Alle P3M, 4 Mal.", de.Text(msg.New("test.period", "p", msg.Period(3, 0), "n", msg.Int(4)), "de"), "no German period words: ISO 8601")
	assert.Equal(t, "[test.share] share=0.5 day=2024-01-01", de.Text(msg.New("test.share", "share", msg.Float(0.5, 1), "day", msg.Date(date.New(2024, 1, 1))), "de"), "never silently English")
	assert.Equal(t, "[en] Institution: x", de.Text(msg.New("test.nested", "rule", msg.Text(map[msg.Lang]string{"en": "Institution"}), "inner", msg.String("x")), "de"), "data without German: marked English")
	// The default catalogue is unchanged.
	_, ok := c.Template("test.period", "de")
	assert.False(t, ok)
	l, err := de.ParseLang("de")
	require.NoError(t, err)
	assert.Equal(t, msg.Lang("de"), l)
}

func TestWithChecksEveryText(t *testing.T) {
	_, err := msg.Default().With("da", map[string]string{
		"test.period":  "Hver {p}.",         // leaves out {n}
		"test.share":   "{share} {day} {x}", // uses an unknown {x}
		"test.nothing": "x",                 // unknown code
	})
	require.Error(t, err)
	for _, want := range []string{`code "test.period"`, "leaves out [n]", `code "test.share"`, "unknown [x]", `unknown code "test.nothing"`} {
		assert.ErrorContains(t, err, want)
	}
	_, err = msg.Default().With("Deutsch", map[string]string{})
	assert.ErrorContains(t, err, `language "Deutsch" is not a language code`)
	var nilCat *msg.Catalogue
	_, err = nilCat.With("de", nil)
	assert.Error(t, err)
}

func TestParseLang(t *testing.T) {
	for _, s := range []string{"da", "en"} {
		l, err := msg.ParseLang(s)
		require.NoError(t, err)
		assert.Equal(t, s, l.String())
	}
	for _, s := range []string{"", "DA", "de", "english"} {
		_, err := msg.ParseLang(s)
		assert.ErrorContains(t, err, `msg.ParseLang: unknown language "`+s+`" (want one of da, en)`)
	}
	var l msg.Lang
	require.NoError(t, json.Unmarshal([]byte(`"da"`), &l))
	assert.Equal(t, msg.Danish, l)
	assert.Error(t, json.Unmarshal([]byte(`"fr"`), &l))
	assert.Equal(t, msg.Danish, l, "unchanged on error")
	_, err := msg.Lang("").MarshalText()
	assert.Error(t, err)
}

func TestMessageJSON(t *testing.T) {
	m := msg.New("test.nested", "rule", msg.Text(map[msg.Lang]string{"da": "A", "en": "B"}),
		"inner", msg.Nested(msg.New("test.period", "p", msg.Period(0, 14), "n", msg.Days(2))))
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"test.nested","args":{"rule":{"da":"A","en":"B"},"inner":{"code":"test.period","args":{"p":"P2W","n":2}}}}`, string(b))
	b, err = json.Marshal(msg.New("test.share", "share", msg.Float(2.5, 2), "day", msg.Date(date.New(2025, 3, 1))))
	require.NoError(t, err)
	assert.Equal(t, `{"code":"test.share","args":{"share":2.50,"day":"2025-03-01"}}`, string(b))
	_, err = json.Marshal(msg.New("test.share", "share", msg.Float(nanValue(), 1), "day", msg.Date(0)))
	assert.ErrorContains(t, err, "not a number JSON can hold")
}

func nanValue() float64 { var z float64; return z / z }

func TestDefineRejectsBadTables(t *testing.T) {
	assert.Panics(t, func() { msg.Define(msg.Entry{Code: "test.period", Da: "x", En: "x"}) }, "declared twice or after Default")
	odd := []any{"a"}
	assert.Panics(t, func() { msg.New("x", odd...) })
	assert.Panics(t, func() { msg.New("x", 1, msg.Int(1)) })
}

func TestMessageJSONRoundTrip(t *testing.T) {
	m := msg.New("test.nested", "rule", msg.Text(map[msg.Lang]string{"da": "A", "en": "B"}),
		"inner", msg.Nested(msg.New("test.share", "share", msg.Float(0.25, 2), "day", msg.Date(date.New(2024, time.February, 29)))))
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var back msg.Message
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)
	assert.Equal(t, m.Text(msg.Danish), back.Text(msg.Danish))
	p := msg.New("test.period", "p", msg.Period(15, 14), "n", msg.Int(-3))
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"code":"test.period","args":{"p":"P15M2W","n":-3}}`, string(b))
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)
	assert.Error(t, json.Unmarshal([]byte(`{"code":"x","args":[1]}`), &back))
	assert.Equal(t, p, back, "unchanged on error")
}
