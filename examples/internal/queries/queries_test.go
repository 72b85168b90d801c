package queries

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
)

func TestCalendar(t *testing.T) {
	cal, errs := Calendar(url.Values{})
	require.Nil(t, errs)
	assert.Same(t, workday.Danish(), cal)

	cal, errs = Calendar(url.Values{ParamClosed24Dec: {"true"}})
	require.Nil(t, errs)
	assert.False(t, cal.IsWorkingDay(ladder.MustParseDate("2024-12-24")))
	assert.True(t, cal.IsWorkingDay(ladder.MustParseDate("2024-12-31")))

	_, errs = Calendar(url.Values{ParamClosed24Dec: {"yes"}, ParamClosed31Dec: {"2"}})
	require.Len(t, errs, 2)
	assert.Equal(t, "closed24dec", errs[0].Field)
}

func TestScheduleOptions(t *testing.T) {
	var opt report.Options
	require.Nil(t, ScheduleOptions(url.Values{}, &opt))
	assert.Nil(t, opt.Regime, "no setting: Herning's regime, chosen by report.Build")

	require.Nil(t, ScheduleOptions(url.Values{ParamPhoneChildConversation: {"true"}}, &opt))
	require.NotNil(t, opt.Regime)
	sets := opt.Regime.StatutorySets()
	require.Len(t, sets, 2)
	assert.False(t, sets[0].Spec().Statutory.PhoneChildConversation, "Serviceloven is unchanged")
	assert.True(t, sets[1].Spec().Statutory.PhoneChildConversation)
	assert.Same(t, followup.HerningRules(), opt.Regime.Municipal())

	errs := ScheduleOptions(url.Values{ParamPhoneChildConversation: {"sometimes"}}, &opt)
	require.Len(t, errs, 1)
	assert.Equal(t, "query", errs[0].File)
}

func TestWorkdaysLimit(t *testing.T) {
	body := `{"dates": [` + strings.Repeat(`"2024-01-01",`, MaxWorkdayDates) + `"2024-01-02"]}`
	_, err := Workdays("request body", strings.NewReader(body), workday.Danish())
	l := input.AsErrors(err)
	require.Len(t, l, 1)
	assert.Contains(t, l[0].Reason, "more than")
}

func TestDecodeTrailingData(t *testing.T) {
	_, err := Workdays("request body", strings.NewReader(`{"dates": []} {}`), workday.Danish())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than one JSON value")
}
