package followup_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/finding"
)

// sha256("abc"), FIPS 180-2 appendix B.1.
const abcSHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

func TestRuleSetSHA256(t *testing.T) {
	h := followup.HerningRules()
	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{64}$`, h.SHA256())
	for range 5 {
		again, err := json.Marshal(h)
		require.NoError(t, err)
		require.Equal(t, string(b), string(again), "json.Marshal of a rule set is deterministic")
		assert.Equal(t, h.SHA256(), followup.HerningRules().SHA256())
	}

	// A set read back from its JSON is the same set.
	var back followup.RuleSet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, h.SHA256(), back.SHA256())

	// Any change to the data changes the digest.
	spec := h.Spec()
	spec.Effective++
	changed, err := followup.NewRuleSet(spec)
	require.NoError(t, err)
	assert.NotEqual(t, h.SHA256(), changed.SHA256())

	distinct := map[string]bool{h.SHA256(): true, followup.ServiceLoven().SHA256(): true, followup.BarnetsLov().SHA256(): true}
	assert.Len(t, distinct, 3)
	assert.Empty(t, (*followup.RuleSet)(nil).SHA256())
}

func TestRegimeReceipt(t *testing.T) {
	asOf := ladder.MustParseDate("2026-11-16")
	rc := followup.Herning().Receipt(followup.Options{AsOf: asOf, Until: asOf + 42}, []byte("abc"))
	assert.Equal(t, "devel", rc.Trappe, "a test binary is built from the clone")
	require.Len(t, rc.RuleSets, 3)
	want := []followup.RuleSetReceipt{
		{Name: followup.HerningRules().Name(), Layer: followup.Municipal, Effective: ladder.MustParseDate("2015-11-26"), SHA256: followup.HerningRules().SHA256()},
		{Name: followup.ServiceLoven().Name(), Layer: followup.Statutory, Effective: ladder.MustParseDate("2011-01-01"),
			Until: ladder.MustParseDate("2023-12-31"), SHA256: followup.ServiceLoven().SHA256()},
		{Name: followup.BarnetsLov().Name(), Layer: followup.Statutory, Effective: followup.BarnetsLovEffective, SHA256: followup.BarnetsLov().SHA256()},
	}
	assert.Equal(t, want, rc.RuleSets)
	assert.Equal(t, followup.CalendarReceipt{Holidays: "dk", ExtraClosed: []date.Date{}}, rc.Calendar)
	assert.Equal(t, asOf, rc.AsOf)
	assert.Equal(t, ladder.MustParseDate("2026-12-28"), rc.Until)
	assert.Equal(t, abcSHA256, rc.InputSHA256)

	// The horizon the scheduler uses when none is given: a year.
	rc = followup.Herning().Receipt(followup.Options{AsOf: asOf}, nil)
	assert.Equal(t, ladder.MustParseDate("2027-11-16"), rc.Until)
	assert.Empty(t, rc.InputSHA256, "no input read")
	rc = followup.Herning().Receipt(followup.Options{AsOf: asOf}, []byte{})
	assert.Equal(t, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", rc.InputSHA256, "an empty input is hashed")

	// No as-of date: the answer has no horizon.
	rc = followup.Herning().Receipt(followup.Options{}, nil)
	assert.Zero(t, rc.AsOf)
	assert.Zero(t, rc.Until)

	// The calendar's options.
	cal, err := workday.New(workday.Options{ChristmasEveClosed: true,
		ExtraClosed: []date.Date{ladder.MustParseDate("2026-05-15"), ladder.MustParseDate("2025-05-30"), ladder.MustParseDate("2026-05-15")}})
	require.NoError(t, err)
	rc = followup.Herning().Receipt(followup.Options{AsOf: asOf, Calendar: cal}, nil)
	assert.Equal(t, followup.CalendarReceipt{Holidays: "dk", Closed24Dec: true,
		ExtraClosed: []date.Date{ladder.MustParseDate("2025-05-30"), ladder.MustParseDate("2026-05-15")}}, rc.Calendar)

	// The law alone.
	law, err := followup.NewRegime(nil, followup.BarnetsLov())
	require.NoError(t, err)
	rc = law.Receipt(followup.Options{AsOf: asOf}, nil)
	assert.Equal(t, want[2:], rc.RuleSets)
}

func TestReceiptJSON(t *testing.T) {
	rc := followup.Receipt{
		Trappe: "v1.2.0",
		RuleSets: []followup.RuleSetReceipt{
			{Name: "Kommune", Layer: followup.Municipal, Effective: ladder.MustParseDate("2015-11-26"), SHA256: abcSHA256},
			{Name: "SEL", Layer: followup.Statutory, Effective: ladder.MustParseDate("2011-01-01"), Until: ladder.MustParseDate("2023-12-31"), SHA256: abcSHA256},
		},
		Calendar:    followup.CalendarReceipt{Holidays: "dk", Closed31Dec: true, ExtraClosed: []date.Date{ladder.MustParseDate("2026-05-15")}},
		AsOf:        ladder.MustParseDate("2026-11-16"),
		Until:       ladder.MustParseDate("2026-12-28"),
		InputSHA256: abcSHA256,
	}
	b, err := json.Marshal(rc)
	require.NoError(t, err)
	assert.JSONEq(t, `{"trappe":"v1.2.0",
		"ruleSets":[{"name":"Kommune","layer":"municipal","effective":"2015-11-26","sha256":"`+abcSHA256+`"},
			{"name":"SEL","layer":"statutory","effective":"2011-01-01","until":"2023-12-31","sha256":"`+abcSHA256+`"}],
		"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":true,"extraClosed":["2026-05-15"]},
		"asOf":"2026-11-16","until":"2026-12-28","inputSha256":"`+abcSHA256+`"}`, string(b))

	var back followup.Receipt
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rc, back)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))

	// A receipt without an as-of date, horizon or input leaves them out,
	// and lists no closing days as [].
	b, err = json.Marshal(followup.Herning().Receipt(followup.Options{}, nil))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.NotContains(t, m, "asOf")
	assert.NotContains(t, m, "until")
	assert.NotContains(t, m, "inputSha256")
	assert.Equal(t, []any{}, m["calendar"].(map[string]any)["extraClosed"])
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, followup.Herning().Receipt(followup.Options{}, nil), back)
}

func TestReceiptUnmarshalIsStrict(t *testing.T) {
	good := `{"trappe":"devel","ruleSets":[{"name":"A","layer":"statutory","effective":"2011-01-01","sha256":"` + abcSHA256 + `"}],` +
		`"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]},"asOf":"2026-11-16","until":"2026-12-28"}`
	var rc followup.Receipt
	require.NoError(t, json.Unmarshal([]byte(good), &rc))
	for name, doc := range map[string]string{
		"unknown field":      `{"trappe":"devel","ruleSets":[],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]},"extra":1}`,
		"no such day":        `{"trappe":"devel","ruleSets":[],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]},"asOf":"2023-02-30"}`,
		"closing day":        `{"trappe":"devel","ruleSets":[],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":["26-05-15"]}}`,
		"digest":             `{"trappe":"devel","ruleSets":[],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]},"inputSha256":"ABC"}`,
		"rule set digest":    `{"trappe":"devel","ruleSets":[{"name":"A","layer":"statutory","effective":"2011-01-01","sha256":""}],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]}}`,
		"rule set layer":     `{"trappe":"devel","ruleSets":[{"name":"A","layer":"lov","effective":"2011-01-01","sha256":"` + abcSHA256 + `"}],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]}}`,
		"rule set effective": `{"trappe":"devel","ruleSets":[{"name":"A","layer":"statutory","sha256":"` + abcSHA256 + `"}],"calendar":{"holidays":"dk","closed24Dec":false,"closed31Dec":false,"extraClosed":[]}}`,
	} {
		before := rc
		err := json.Unmarshal([]byte(doc), &rc)
		assert.Error(t, err, name)
		assert.ErrorContains(t, err, "followup.Receipt.UnmarshalJSON", name)
		assert.Equal(t, before, rc, "%s: unchanged on error", name)
	}
}

func TestReceiptReplay(t *testing.T) {
	asOf := ladder.MustParseDate("2026-11-16")
	cal, err := workday.New(workday.Options{NewYearsEveClosed: true, ExtraClosed: []date.Date{ladder.MustParseDate("2026-05-15")}})
	require.NoError(t, err)
	input := []byte(`{"cases": []}`)
	rc := followup.Herning().Receipt(followup.Options{AsOf: asOf, Until: asOf + 42, Calendar: cal}, input)

	opt, err := rc.Replay(followup.Herning(), input)
	require.NoError(t, err)
	assert.Equal(t, asOf, opt.AsOf)
	assert.Equal(t, asOf+42, opt.Until)
	assert.Equal(t, cal.Options(), opt.Calendar.Options())

	// Through JSON, as an answer years later would carry it.
	b, err := json.Marshal(rc)
	require.NoError(t, err)
	var back followup.Receipt
	require.NoError(t, json.Unmarshal(b, &back))
	opt2, err := back.Replay(followup.Herning(), input)
	require.NoError(t, err)
	assert.Equal(t, opt.AsOf, opt2.AsOf)
	assert.Equal(t, opt.Until, opt2.Until)
	assert.Equal(t, opt.Calendar.Options(), opt2.Calendar.Options())

	// Another input, another municipal set, a calendar that cannot be
	// built and no as-of date: every problem at once.
	spec := followup.HerningRules().Spec()
	spec.Effective++
	other, err := followup.NewRuleSet(spec)
	require.NoError(t, err)
	reg, err := followup.NewRegime(other, followup.ServiceLoven(), followup.BarnetsLov())
	require.NoError(t, err)
	bad := rc
	bad.AsOf = 0
	bad.Calendar.Holidays = "se"
	bad.Calendar.ExtraClosed = []date.Date{date.Zero}
	_, err = bad.Replay(reg, []byte(`{"cases": [ ]}`))
	var le *finding.ListError
	require.True(t, errors.As(err, &le), "%v", err)
	var codes []string
	for _, f := range le.Findings {
		codes = append(codes, f.Code)
	}
	assert.Equal(t, []string{"receipt.input.changed", "receipt.rule-set.missing", "receipt.rule-set.extra",
		"receipt.as-of.missing", "receipt.calendar.holidays", "receipt.calendar.invalid"}, codes)
	assert.ErrorContains(t, err, "followup.Receipt.Replay")
	assert.ErrorContains(t, err, followup.HerningRules().Name())

	// A receipt of an answer that read no input replays without one.
	rc = followup.Herning().Receipt(followup.Options{AsOf: asOf}, nil)
	_, err = rc.Replay(followup.Herning(), nil)
	assert.NoError(t, err)
	_, err = rc.Replay(followup.Herning(), []byte{})
	assert.Error(t, err, "an empty input is an input")
}
