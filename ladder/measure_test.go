package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/ladder"
)

// d is a date literal for tests.
func d(s string) date.Date { return ladder.MustParseDate(s) }

// measure builds a measure from the Default catalogue; end "" is open.
func measure(t testing.TB, id, code, start, end string) ladder.Measure {
	t.Helper()
	var e date.Date
	if end != "" {
		e = d(end)
	}
	m, err := ladder.Default().NewMeasure(id, code, d(start), e)
	require.NoError(t, err)
	return m
}

func TestParseDate(t *testing.T) {
	good := []struct {
		in  string
		y   int
		m   int
		day int
	}{
		{"2024-02-29", 2024, 2, 29}, // 2024 is a leap year
		{"2000-02-29", 2000, 2, 29}, // divisible by 400: leap
		{"2023-12-31", 2023, 12, 31},
		{"2024-01-01", 2024, 1, 1},
		{"1999-06-30", 1999, 6, 30},
	}
	for _, tc := range good {
		got, err := ladder.ParseDate(tc.in)
		require.NoError(t, err, tc.in)
		y, m, day := got.Date()
		assert.Equal(t, []int{tc.y, tc.m, tc.day}, []int{y, int(m), day}, tc.in)
		assert.Equal(t, tc.in, got.String())
		assert.Equal(t, got, ladder.MustParseDate(tc.in))
	}

	bad := []string{
		"2023-02-30",  // no such day; date.ParseISO would roll it to 2 March
		"2023-02-29",  // 2023 is not a leap year
		"1900-02-29",  // divisible by 100, not by 400: not leap
		"2023-04-31",  // April has 30 days
		"2023-13-01",  // no month 13
		"2023-00-10",  // no month 0
		"2023-01-00",  // no day 0
		"2023-2-3",    // not zero-padded
		"20230203",    // basic format, not extended
		"",            // empty
		"2024-02-29x", // trailing text
		" 2024-02-29", // leading space
		"2024-02-29T00:00:00Z",
		"+2024-02-29",
		"2024-060", // ordinal date
		"29-02-2024",
		"2024/02/29",
		"2024-02-29\n",
	}
	for _, in := range bad {
		t.Run(fmt.Sprintf("%q", in), func(t *testing.T) {
			got, err := ladder.ParseDate(in)
			require.Error(t, err)
			assert.Equal(t, date.Date(0), got)
			assert.Contains(t, err.Error(), fmt.Sprintf("ladder.ParseDate: invalid date %q", in))
			assert.Panics(t, func() { ladder.MustParseDate(in) })
		})
	}
}

func TestNewMeasure(t *testing.T) {
	iv := ladder.MustParseIntervention("plejefamilie")
	m, err := ladder.NewMeasure("m1", iv, d("2023-01-01"), d("2023-12-31"))
	require.NoError(t, err)
	assert.True(t, m.IsValid())
	assert.Equal(t, "m1", m.ID())
	assert.Equal(t, iv, m.Intervention())
	assert.Equal(t, ladder.FosterFamily, m.Step())
	assert.Equal(t, d("2023-01-01"), m.Start())
	end, ended := m.End()
	assert.True(t, ended)
	assert.Equal(t, d("2023-12-31"), end)
	assert.Equal(t, "m1 (plejefamilie, 2023-01-01–2023-12-31)", m.String())

	open, err := ladder.NewMeasure("m2", iv, d("2023-01-01"), 0)
	require.NoError(t, err)
	end, ended = open.End()
	assert.False(t, ended)
	assert.Equal(t, date.Date(0), end)
	assert.Equal(t, "m2 (plejefamilie, 2023-01-01–open)", open.String())

	// A vendor's intervention that is not in any catalogue is fine if valid.
	vm, err := ladder.NewMeasure("v1", vendorMentor(), d("2023-01-01"), 0)
	require.NoError(t, err)
	assert.Equal(t, "vendor-mentor", vm.Intervention().Code)

	// Catalogue.NewMeasure resolves the code.
	cm, err := ladder.Default().NewMeasure("m1", "plejefamilie", d("2023-01-01"), d("2023-12-31"))
	require.NoError(t, err)
	assert.Equal(t, m, cm)
}

func TestNewMeasureEndEqualsStart(t *testing.T) {
	m := measure(t, "one-day", "aflastning", "2024-03-15", "2024-03-15")
	assert.False(t, m.ActiveOn(d("2024-03-14")))
	assert.True(t, m.ActiveOn(d("2024-03-15")))
	assert.False(t, m.ActiveOn(d("2024-03-16")))
	assert.Equal(t, 1, m.DaysIn(d("2024-01-01"), d("2024-12-31")))
}

func TestNewMeasureErrors(t *testing.T) {
	iv := ladder.MustParseIntervention("mst")
	long := strings.Repeat("x", 129)
	tests := []struct {
		name  string
		id    string
		iv    ladder.Intervention
		start date.Date
		end   date.Date
		want  []string
	}{
		{"empty id", "", iv, d("2024-01-01"), 0, []string{"ladder.NewMeasure: empty measure id"}},
		{"too-long id", long, iv, d("2024-01-01"), 0, []string{"ladder.NewMeasure: measure id", "longer than 128 bytes"}},
		{"zero intervention", "m1", ladder.Intervention{}, d("2024-01-01"), 0, []string{`ladder.NewMeasure: measure "m1": invalid intervention`, "empty code"}},
		{"zero start", "m1", iv, 0, 0, []string{`ladder.NewMeasure: measure "m1": field "start": 0001-01-01 (the zero date) is outside the supported dates 1900-01-01 to 2199-12-31`}},
		{"zero start with end", "m1", iv, 0, d("2024-01-01"), []string{`measure "m1": field "start": 0001-01-01 (the zero date) is outside`}},
		{"end before start", "m1", iv, d("2023-06-01"), d("2023-05-31"), []string{`ladder.NewMeasure: measure "m1": end 2023-05-31 is before start 2023-06-01`}},
		{"everything at once", "", ladder.Intervention{}, d("2023-06-01"), d("2023-01-01"), []string{"empty measure id", "invalid intervention", "end 2023-01-01 is before start 2023-06-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ladder.NewMeasure(tc.id, tc.iv, tc.start, tc.end)
			require.Error(t, err)
			assert.Equal(t, ladder.Measure{}, m)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	// 128 bytes is the limit, inclusive.
	_, err := ladder.NewMeasure(strings.Repeat("x", 128), iv, d("2024-01-01"), 0)
	assert.NoError(t, err)
}

func TestCatalogueNewMeasureErrors(t *testing.T) {
	_, err := ladder.Default().NewMeasure("m7", "plejefamilje", d("2024-01-01"), 0)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
	assert.Contains(t, err.Error(), `ladder.Catalogue.NewMeasure: measure "m7": unknown intervention "plejefamilje"`)

	_, err = ladder.Default().NewMeasure("m7", "mst", d("2024-02-01"), d("2024-01-31"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `ladder.Catalogue.NewMeasure: measure "m7": end 2024-01-31 is before start 2024-02-01`)

	_, err = ladder.Default().NewMeasure("", "mst", 0, 0)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "empty measure id")
	assert.Contains(t, err.Error(), `field "start": 0001-01-01 (the zero date) is outside`)
}

func TestZeroMeasure(t *testing.T) {
	var m ladder.Measure
	assert.False(t, m.IsValid())
	assert.False(t, m.ActiveOn(d("2024-01-01")))
	assert.False(t, m.Overlaps(ladder.MinDate, ladder.MaxDate))
	assert.False(t, m.Overlaps(date.Date(math.MinInt64), date.Date(math.MaxInt64)))
	assert.Equal(t, 0, m.DaysIn(d("2024-01-01"), d("2024-12-31")))
	assert.Equal(t, "ladder.Measure(<invalid>)", m.String())
	_, err := m.MarshalJSON()
	assert.Error(t, err)
	_, err = json.Marshal(m)
	assert.Error(t, err)
}

func TestActiveOnBoundaries(t *testing.T) {
	ended := measure(t, "e", "plejefamilie", "2023-03-01", "2023-06-30")
	open := measure(t, "o", "plejefamilie", "2023-03-01", "")
	tests := []struct {
		on          string
		ended, open bool
	}{
		{"2023-02-28", false, false}, // day before start
		{"2023-03-01", true, true},   // start day
		{"2023-05-15", true, true},
		{"2023-06-30", true, true},  // end day: End is inclusive
		{"2023-07-01", false, true}, // day after end
		{"2099-12-31", false, true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.ended, ended.ActiveOn(d(tc.on)), "ended on %s", tc.on)
		assert.Equal(t, tc.open, open.ActiveOn(d(tc.on)), "open on %s", tc.on)
	}
}

func TestOverlapsAndDaysIn(t *testing.T) {
	leap := measure(t, "leap", "familiebehandling", "2024-02-01", "2024-03-31")
	common := measure(t, "common", "familiebehandling", "2023-02-01", "2023-03-31")
	open := measure(t, "open", "familiebehandling", "2024-12-01", "")
	tests := []struct {
		name     string
		m        ladder.Measure
		from, to string
		overlaps bool
		days     int
	}{
		// Feb 2024 has 29 days, March 31: 29 + 31 = 60.
		{"leap year inside the year", leap, "2024-01-01", "2024-12-31", true, 60},
		// Feb 2023 has 28 days: 28 + 31 = 59.
		{"common year inside the year", common, "2023-01-01", "2023-12-31", true, 59},
		{"period is the span", leap, "2024-02-01", "2024-03-31", true, 60},
		{"period inside the span", leap, "2024-03-01", "2024-03-10", true, 10},
		{"period over the start", leap, "2024-01-15", "2024-02-10", true, 10},
		{"period over the end", leap, "2024-03-25", "2024-04-30", true, 7},
		{"period is the first day", leap, "2024-02-01", "2024-02-01", true, 1},
		{"period is the last day", leap, "2024-03-31", "2024-03-31", true, 1},
		{"period ends the day before", leap, "2024-01-01", "2024-01-31", false, 0},
		{"period starts the day after", leap, "2024-04-01", "2024-12-31", false, 0},
		{"leap day only", leap, "2024-02-29", "2024-02-29", true, 1},
		{"to before from", leap, "2024-03-31", "2024-02-01", false, 0},
		// Open measure from 1 Dec: 31 days of December.
		{"open measure to year end", open, "2024-01-01", "2024-12-31", true, 31},
		{"open measure into next year", open, "2024-12-01", "2025-02-28", true, 31 + 31 + 28},
		{"open measure, period before", open, "2024-01-01", "2024-11-30", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.overlaps, tc.m.Overlaps(d(tc.from), d(tc.to)))
			assert.Equal(t, tc.days, tc.m.DaysIn(d(tc.from), d(tc.to)))
		})
	}
}

func TestWithEnd(t *testing.T) {
	m := measure(t, "m1", "mst", "2024-01-15", "")
	ended, err := m.WithEnd(d("2024-06-14"))
	require.NoError(t, err)
	end, ok := ended.End()
	assert.True(t, ok)
	assert.Equal(t, d("2024-06-14"), end)
	assert.Equal(t, m.ID(), ended.ID())
	assert.Equal(t, m.Start(), ended.Start())
	assert.Equal(t, m.Intervention(), ended.Intervention())

	_, ok = m.End()
	assert.False(t, ok, "m unchanged")

	same, err := m.WithEnd(d("2024-01-15"))
	require.NoError(t, err, "end == start is allowed")
	assert.True(t, same.ActiveOn(d("2024-01-15")))

	reopened, err := ended.WithEnd(0)
	require.NoError(t, err)
	_, ok = reopened.End()
	assert.False(t, ok)
	assert.Equal(t, m, reopened)

	_, err = m.WithEnd(d("2024-01-14"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `ladder.Measure.WithEnd: measure "m1": end 2024-01-14 is before start 2024-01-15`)

	var zero ladder.Measure
	_, err = zero.WithEnd(d("2024-01-01"))
	assert.Error(t, err)
}

func TestMeasureJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		m    ladder.Measure
		js   string
	}{
		{"open", measure(t, "m1", "plejefamilie", "2023-01-01", ""),
			`{"id":"m1","intervention":"plejefamilie","start":"2023-01-01"}`},
		{"ended", measure(t, "m2", "efterskole", "2023-08-14", "2024-06-30"),
			`{"id":"m2","intervention":"efterskole","start":"2023-08-14","end":"2024-06-30"}`},
		{"one day", measure(t, "m3", "aflastning", "2024-02-29", "2024-02-29"),
			`{"id":"m3","intervention":"aflastning","start":"2024-02-29","end":"2024-02-29"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js, err := json.Marshal(tc.m)
			require.NoError(t, err)
			assert.JSONEq(t, tc.js, string(js))

			var back ladder.Measure
			require.NoError(t, json.Unmarshal([]byte(tc.js), &back))
			assert.Equal(t, tc.m, back)
		})
	}
	// In a slice.
	ms := []ladder.Measure{tests[0].m, tests[1].m}
	js, err := json.Marshal(ms)
	require.NoError(t, err)
	var back []ladder.Measure
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, ms, back)

	// An empty "end" reads as open.
	var m ladder.Measure
	require.NoError(t, json.Unmarshal([]byte(`{"id":"m1","intervention":"plejefamilie","start":"2023-01-01","end":""}`), &m))
	assert.Equal(t, tests[0].m, m)
}

func TestMeasureUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		js   string
		want []string
	}{
		{"non-existent start", `{"id":"m1","intervention":"mst","start":"2023-02-30"}`,
			[]string{`ladder.Measure.UnmarshalJSON: measure "m1": field "start"`, `"2023-02-30"`}},
		{"non-existent end", `{"id":"m1","intervention":"mst","start":"2023-02-01","end":"2023-02-29"}`,
			[]string{`measure "m1": field "end"`, `"2023-02-29"`}},
		{"unpadded start", `{"id":"m1","intervention":"mst","start":"2023-2-3"}`,
			[]string{`field "start"`}},
		{"missing start", `{"id":"m1","intervention":"mst"}`,
			[]string{`field "start"`, `invalid date ""`}},
		{"unknown intervention", `{"id":"m1","intervention":"plejefamilje","start":"2023-02-01"}`,
			[]string{`ladder.Measure.UnmarshalJSON: measure "m1": field "intervention": unknown intervention "plejefamilje"`}},
		{"vendor code unknown to Default", `{"id":"m1","intervention":"vendor-mentor","start":"2023-02-01"}`,
			[]string{`unknown intervention "vendor-mentor"`}},
		{"end before start", `{"id":"m1","intervention":"mst","start":"2023-06-01","end":"2023-05-31"}`,
			[]string{`ladder.Measure.UnmarshalJSON: measure "m1": end 2023-05-31 is before start 2023-06-01`}},
		{"empty id", `{"id":"","intervention":"mst","start":"2023-06-01"}`,
			[]string{"empty measure id"}},
		{"wrong type", `{"id":7,"intervention":"mst","start":"2023-06-01"}`,
			[]string{"ladder.Measure.UnmarshalJSON"}},
		{"not an object", `"m1"`, []string{"ladder.Measure.UnmarshalJSON"}},
	}
	before := measure(t, "keep", "plejefamilie", "2020-01-01", "2020-12-31")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := before
			err := m.UnmarshalJSON([]byte(tc.js))
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Equal(t, before, m, "unchanged on error")

			if tc.name == "unknown intervention" {
				assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
			}

			var rec struct {
				M ladder.Measure `json:"m"`
			}
			rec.M = before
			require.Error(t, json.Unmarshal([]byte(`{"m":`+tc.js+`}`), &rec))
			assert.Equal(t, before, rec.M)
		})
	}
	_, err := json.Marshal(ladder.Measure{})
	assert.Error(t, err)
}

// JSON null leaves the measure as it was, as encoding/json does for other
// types (a Step or an Intervention field set to null is left alone too).
func TestMeasureUnmarshalJSONNull(t *testing.T) {
	keep := measure(t, "keep", "plejefamilie", "2020-01-01", "")
	var rec struct {
		M ladder.Measure      `json:"m"`
		S ladder.Step         `json:"s"`
		I ladder.Intervention `json:"i"`
	}
	rec.M, rec.S, rec.I = keep, ladder.Network, ladder.MustParseIntervention("mst")
	require.NoError(t, json.Unmarshal([]byte(`{"m":null,"s":null,"i":null}`), &rec))
	assert.Equal(t, keep, rec.M)
	assert.Equal(t, ladder.Network, rec.S)
	assert.Equal(t, "mst", rec.I.Code)
}

// vendorCatalogue is Default extended with the vendor's own vendorMentor.
func vendorCatalogue(t testing.TB) *ladder.Catalogue {
	t.Helper()
	cat, err := ladder.Default().Extend(vendorMentor())
	require.NoError(t, err)
	return cat
}

func TestCatalogueDecodeMeasureVendorCode(t *testing.T) {
	cat := vendorCatalogue(t)
	js := []byte(`{"id":"m1","intervention":"vendor-mentor","start":"2025-03-01"}`)

	m, err := cat.DecodeMeasure(js)
	require.NoError(t, err)
	assert.True(t, m.IsValid())
	assert.Equal(t, "m1", m.ID())
	assert.Equal(t, vendorMentor(), m.Intervention())
	assert.Equal(t, ladder.HomeBased, m.Step())
	assert.Equal(t, d("2025-03-01"), m.Start())
	_, ended := m.End()
	assert.False(t, ended, "no \"end\" is open")
	want, err := cat.NewMeasure("m1", "vendor-mentor", d("2025-03-01"), 0)
	require.NoError(t, err)
	assert.Equal(t, want, m)

	// json.Unmarshal resolves in the Default catalogue, which lacks the code,
	// and says where to go instead.
	keep := measure(t, "keep", "plejefamilie", "2020-01-01", "")
	viaDefault := keep
	err = json.Unmarshal(js, &viaDefault)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
	assert.Contains(t, err.Error(), `ladder.Measure.UnmarshalJSON: measure "m1": field "intervention": unknown intervention "vendor-mentor"`)
	assert.Contains(t, err.Error(), "Default catalogue")
	assert.Contains(t, err.Error(), "Catalogue.DecodeMeasure")
	assert.Equal(t, keep, viaDefault, "unchanged on error")

	// Default's own DecodeMeasure does not know the vendor's code either.
	m, err = ladder.Default().DecodeMeasure(js)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
	assert.Contains(t, err.Error(), `ladder.Catalogue.DecodeMeasure: measure "m1": field "intervention": unknown intervention "vendor-mentor"`)
	assert.Equal(t, ladder.Measure{}, m)

	// The vendor catalogue still knows the default codes.
	m, err = cat.DecodeMeasure([]byte(`{"id":"m2","intervention":"plejefamilie","start":"2025-03-01","end":"2025-12-31"}`))
	require.NoError(t, err)
	assert.Equal(t, measure(t, "m2", "plejefamilie", "2025-03-01", "2025-12-31"), m)
}

// A vendor that overrides a default code gets its own entry from
// DecodeMeasure, where json.Unmarshal gives the Default one.
func TestCatalogueDecodeMeasureOverride(t *testing.T) {
	override := ladder.MustParseIntervention("kostskole")
	override.Note = "This municipality follows up every 8 weeks."
	cat, err := ladder.Default().Extend(override)
	require.NoError(t, err)

	js := []byte(`{"id":"m1","intervention":"kostskole","start":"2025-03-01"}`)
	m, err := cat.DecodeMeasure(js)
	require.NoError(t, err)
	assert.Equal(t, override, m.Intervention())

	var viaDefault ladder.Measure
	require.NoError(t, json.Unmarshal(js, &viaDefault))
	assert.Equal(t, ladder.MustParseIntervention("kostskole"), viaDefault.Intervention())
	assert.NotEqual(t, override.Note, viaDefault.Intervention().Note)
}

func TestCatalogueDecodeMeasureNilCatalogue(t *testing.T) {
	var c *ladder.Catalogue
	for _, js := range []string{
		`{"id":"m1","intervention":"vendor-mentor","start":"2025-03-01"}`,
		// A nil catalogue is empty: it does not fall back to Default.
		`{"id":"m1","intervention":"mst","start":"2025-03-01"}`,
	} {
		m, err := c.DecodeMeasure([]byte(js))
		require.Error(t, err, js)
		assert.Contains(t, err.Error(), "ladder.Catalogue.DecodeMeasure: nil catalogue")
		assert.Equal(t, ladder.Measure{}, m)
	}
}

func TestCatalogueDecodeMeasureErrors(t *testing.T) {
	tests := []struct {
		name string
		js   string
		want []string
	}{
		{"non-existent start", `{"id":"m1","intervention":"vendor-mentor","start":"2023-02-30"}`,
			[]string{`ladder.Catalogue.DecodeMeasure: measure "m1": field "start"`, `"2023-02-30"`}},
		{"non-existent end", `{"id":"m1","intervention":"vendor-mentor","start":"2023-02-01","end":"2023-02-30"}`,
			[]string{`ladder.Catalogue.DecodeMeasure: measure "m1": field "end"`, `"2023-02-30"`}},
		{"non-existent end on a default code", `{"id":"m1","intervention":"mst","start":"2023-02-01","end":"2023-02-29"}`,
			[]string{`ladder.Catalogue.DecodeMeasure: measure "m1": field "end"`, `"2023-02-29"`}},
		{"unpadded start", `{"id":"m1","intervention":"vendor-mentor","start":"2025-3-1"}`,
			[]string{`field "start"`, `"2025-3-1"`}},
		{"missing start", `{"id":"m1","intervention":"vendor-mentor"}`,
			[]string{`field "start"`, `invalid date ""`}},
		{"end before start", `{"id":"m1","intervention":"vendor-mentor","start":"2025-03-01","end":"2025-02-28"}`,
			[]string{`ladder.Catalogue.DecodeMeasure: measure "m1": end 2025-02-28 is before start 2025-03-01`}},
		{"unknown intervention", `{"id":"m1","intervention":"vendor-mentr","start":"2025-03-01"}`,
			[]string{`ladder.Catalogue.DecodeMeasure: measure "m1": field "intervention": unknown intervention "vendor-mentr"`}},
		{"empty id", `{"id":"","intervention":"vendor-mentor","start":"2025-03-01"}`,
			[]string{"ladder.Catalogue.DecodeMeasure", "empty measure id"}},
		{"wrong type", `{"id":7,"intervention":"vendor-mentor","start":"2025-03-01"}`,
			[]string{"ladder.Catalogue.DecodeMeasure"}},
		{"not an object", `"m1"`, []string{"ladder.Catalogue.DecodeMeasure"}},
		{"null", `null`, []string{"ladder.Catalogue.DecodeMeasure"}},
		{"not JSON", `{"id":"m1",`, []string{"ladder.Catalogue.DecodeMeasure"}},
	}
	cat := vendorCatalogue(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := cat.DecodeMeasure([]byte(tc.js))
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Equal(t, ladder.Measure{}, m)
			if tc.name == "unknown intervention" {
				assert.True(t, errors.Is(err, ladder.ErrUnknownIntervention))
			} else if strings.Contains(tc.js, `"intervention":"vendor-mentor"`) || strings.Contains(tc.js, `"intervention":"mst"`) {
				assert.False(t, errors.Is(err, ladder.ErrUnknownIntervention), "the code is known")
			}
		})
	}
}

func TestCatalogueDecodeMeasureRoundTrip(t *testing.T) {
	cat := vendorCatalogue(t)
	mk := func(id, code, start, end string) ladder.Measure {
		t.Helper()
		var e date.Date
		if end != "" {
			e = d(end)
		}
		m, err := cat.NewMeasure(id, code, d(start), e)
		require.NoError(t, err)
		return m
	}
	for _, m := range []ladder.Measure{
		mk("m1", "vendor-mentor", "2025-03-01", ""),
		mk("m2", "vendor-mentor", "2024-02-29", "2025-02-28"),
		mk("m3", "vendor-mentor", "2024-02-29", "2024-02-29"),
		mk("m4", "plejefamilie", "2023-01-01", ""),
		mk("m5", "efterskole", "2023-08-14", "2024-06-30"),
	} {
		t.Run(m.ID(), func(t *testing.T) {
			js, err := m.MarshalJSON()
			require.NoError(t, err)
			back, err := cat.DecodeMeasure(js)
			require.NoError(t, err)
			assert.Equal(t, m, back)

			again, err := back.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(js), string(again))
		})
	}
}
