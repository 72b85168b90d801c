package caseload_test

import (
	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder"
)

func d(s string) date.Date { return ladder.MustParseDate(s) }
