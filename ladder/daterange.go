package ladder

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/rickb777/date/v2"
)

// MinDate and MaxDate bound every date the library accepts as input:
// 1900-01-01 to 2199-12-31, both inclusive. A children's case is decided
// within a lifetime of today, so the range holds every real date with
// room to spare, and it keeps every walk over dates (a schedule from a
// measure's start, a count of days) short enough to finish and small
// enough never to overflow. The zero date.Date (0001-01-01), which
// callers use for "not given", lies outside it, so it is never a valid
// input value.
const (
	MinDate date.Date = 693595 // 1900-01-01, days since 0001-01-01
	MaxDate date.Date = 803167 // 2199-12-31
)

// ErrDateRange is wrapped by every error about a date outside
// MinDate–MaxDate, the zero date included.
var ErrDateRange = errors.New("outside the supported dates 1900-01-01 to 2199-12-31")

// InDateRange reports whether d lies in MinDate–MaxDate.
func InDateRange(d date.Date) bool { return d >= MinDate && d <= MaxDate }

// CheckDate returns nil if d lies in MinDate–MaxDate, and otherwise an
// error wrapping ErrDateRange that names the function op, the field and
// the value, e.g.
//
//	ladder.NewMeasure: measure "m1": field "start": 1850-03-01 is outside the supported dates 1900-01-01 to 2199-12-31
//
// Callers that take a date from outside the library check it with
// CheckDate where it enters.
func CheckDate(op, field string, d date.Date) error {
	if InDateRange(d) {
		return nil
	}
	return fmt.Errorf("%s: field %q: %s is %w", op, field, DateText(d), ErrDateRange)
}

// DateText renders d for a message. A date far outside the supported
// range does not format reliably as YYYY-MM-DD (date.Date.String wraps
// around beyond about ±10¹⁴ days), so a date outside the years −9999 to
// 9999 is shown as its day number, e.g. "date.Date(-9223372036854775807)";
// the zero date is "0001-01-01 (the zero date)".
func DateText(d date.Date) string {
	switch {
	case d == 0:
		return "0001-01-01 (the zero date)"
	case d < textMin || d > textMax:
		return "date.Date(" + strconv.FormatInt(int64(d), 10) + ")"
	}
	return d.String()
}

// textMin and textMax are -9999-01-01 and 9999-12-31, the dates DateText
// formats as such.
const (
	textMin date.Date = -3652425
	textMax date.Date = 3652058
)

// clampDate returns d moved into MinDate–MaxDate.
func clampDate(d date.Date) date.Date { return min(max(d, MinDate), MaxDate) }
