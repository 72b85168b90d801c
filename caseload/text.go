package caseload

import (
	"math"
	"strconv"
	"strings"
)

// numEn formats x for a message: whole numbers without decimals, others
// with up to two ("18.75"), and NaN or infinities as Go prints them.
func numEn(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	r := math.Round(x*100) / 100
	if r == math.Trunc(r) && math.Abs(r) < 1e15 {
		return strconv.FormatInt(int64(r), 10)
	}
	s := strconv.FormatFloat(r, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// numDa is numEn with a decimal comma.
func numDa(x float64) string { return strings.Replace(numEn(x), ".", ",", 1) }

// plural returns one or many by n.
func plural(n float64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
