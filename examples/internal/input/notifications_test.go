package input

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// caseDoc builds a one-case document with a case's extra JSON fields.
func caseDoc(fields string) string {
	return `{"cases": [{"id": "c1", "child": {"birthDate": "2009-06-30"},
    "measures": [{"id": "m1", "intervention": "opholdssted", "start": "2026-01-31", "youngPersonsPlan": "2026-04-20"}]` + fields + `}]}`
}

func TestDecodeNotifications(t *testing.T) {
	d, err := Decode("cases.json", strings.NewReader(caseDoc(`, "notifications": [
      {"received": "2026-11-13T14:20:00+01:00", "assessed": "2026-11-13T16:05:00+01:00", "fromProfessional": true,
       "receiptSent": "2026-11-16T09:00:00+01:00", "alreadySupported": true, "reassessed": "2026-11-14T10:00:00+01:00",
       "abuse": true, "childTalked": "2026-11-14T11:00:00+01:00"},
      {"received": "2026-11-16T08:05:00+01:00"}]`)), Options{})
	require.NoError(t, err)
	c := d.Cases[0]
	require.Len(t, c.Notifications, 2)
	cet := time.FixedZone("", 60*60)
	n := c.Notifications[0]
	assert.Equal(t, "c1", n.Case)
	assert.True(t, time.Date(2026, time.November, 13, 14, 20, 0, 0, cet).Equal(n.Received))
	assert.True(t, time.Date(2026, time.November, 13, 16, 5, 0, 0, cet).Equal(n.Assessed))
	assert.True(t, n.FromProfessional && n.AlreadySupported && n.Abuse)
	assert.True(t, time.Date(2026, time.November, 16, 9, 0, 0, 0, cet).Equal(n.ReceiptSent))
	assert.True(t, time.Date(2026, time.November, 14, 10, 0, 0, 0, cet).Equal(n.Reassessed))
	assert.True(t, time.Date(2026, time.November, 14, 11, 0, 0, 0, cet).Equal(n.ChildTalked))
	assert.Equal(t, followup.Notification{Case: "c1", Received: c.Notifications[1].Received}, c.Notifications[1], "only the receipt")
	assert.Equal(t, ladder.MustParseDate("2026-04-20"), c.YoungPersonsPlans["m1"])

	// The as-of day counts to its end: a notification received at 08:05
	// on the as-of date is fine; one the day before the receipt is not.
	assert.NoError(t, d.CheckAsOf(ladder.MustParseDate("2026-11-16")))
	l := AsErrors(d.CheckAsOf(ladder.MustParseDate("2026-11-15")))
	require.Len(t, l, 2, "%v", l)
	assert.Equal(t, "cases[0].notifications[0].receiptSent", l[0].Field)
	assert.Equal(t, `"2026-11-16T09:00:00+01:00"`, l[0].Value)
	assert.Contains(t, l[0].Reason, "after the as-of date 2026-11-15")
	assert.Equal(t, "cases[0].notifications[1].received", l[1].Field)

	l = AsErrors(d.CheckAsOf(ladder.MustParseDate("2026-04-19")))
	var fields []string
	for _, e := range l {
		fields = append(fields, e.Field)
	}
	assert.Contains(t, fields, "cases[0].measures[0].youngPersonsPlan")
}

func TestDecodeNotificationsBad(t *testing.T) {
	tests := []struct {
		name, fields, field, value, reason string
	}{
		{"missing receipt time", `, "notifications": [{"fromProfessional": true}]`,
			"cases[0].notifications[0].received", "", "missing: give a time"},
		{"no offset", `, "notifications": [{"received": "2026-11-13T14:20:00"}]`,
			"cases[0].notifications[0].received", `"2026-11-13T14:20:00"`, "RFC 3339, with the UTC offset"},
		{"the zero time, which would read as not given", `, "notifications": [{"received": "0001-01-01T00:00:00Z"}]`,
			"cases[0].notifications[0].received", `"0001-01-01T00:00:00Z"`, "outside the supported dates"},
		{"an assessment at the zero time", `, "notifications": [{"received": "2026-11-13T14:20:00+01:00", "assessed": "0001-01-01T00:00:00Z"}]`,
			"cases[0].notifications[0].assessed", `"0001-01-01T00:00:00Z"`, "outside the supported dates"},
		{"a one-digit hour time.Parse would take", `, "notifications": [{"received": "2026-11-13T9:15:00+01:00"}]`,
			"cases[0].notifications[0].received", `"2026-11-13T9:15:00+01:00"`, "RFC 3339"},
		{"an offset of 24 hours", `, "notifications": [{"received": "2026-11-13T09:15:00+24:00"}]`,
			"cases[0].notifications[0].received", `"2026-11-13T09:15:00+24:00"`, "RFC 3339"},
		{"a date, not a time", `, "notifications": [{"received": "2026-11-13"}]`,
			"cases[0].notifications[0].received", `"2026-11-13"`, "RFC 3339"},
		{"assessed before received", `, "notifications": [{"received": "2026-11-13T14:20:00+01:00", "assessed": "2026-11-13T14:00:00+01:00"}]`,
			"cases[0].notifications[0].assessed", `"2026-11-13T14:00:00+01:00"`, "before the notification was received"},
		{"unknown field", `, "notifications": [{"received": "2026-11-13T14:20:00+01:00", "professional": true}]`,
			"cases[0].notifications[0].professional", "", "unknown field"},
		{"wrong type", `, "notifications": [{"received": "2026-11-13T14:20:00+01:00", "abuse": "yes"}]`,
			"cases[0].notifications[0].abuse", `"yes"`, "want true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("cases.json", strings.NewReader(caseDoc(tt.fields)), Options{})
			l := AsErrors(err)
			require.NotEmpty(t, l, "%v", err)
			assert.Equal(t, tt.field, l[0].Field)
			assert.Equal(t, tt.value, l[0].Value)
			assert.Contains(t, l[0].Reason, tt.reason)
		})
	}
	_, err := Decode("cases.json", strings.NewReader(`{"cases": [{"id": "c1", "measures": [{"id": "m1", "intervention": "opholdssted", "start": "2026-01-31", "youngPersonsPlan": "2026-02-30"}]}]}`), Options{})
	l := AsErrors(err)
	require.Len(t, l, 1)
	assert.Equal(t, "cases[0].measures[0].youngPersonsPlan", l[0].Field)
	assert.Equal(t, "m1", l[0].Measure)
	assert.Contains(t, l[0].Reason, "not an existing date")
}
