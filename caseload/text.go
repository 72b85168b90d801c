package caseload

import (
	"math"
	"strconv"
	"strings"

	"github.com/trappe-dk/trappe/ladder/finding"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// numEn formats x for an error or a String method (never for a case
// worker's text, which takes num): whole numbers without decimals, others
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

// num is a number argument of a message: rounded to two decimals and shown
// with as many as it needs (25, 0,8 / 0.8, 26,67 / 26.67). NaN and
// infinities, which only a bad input holds, are a string as Go prints them
// ("NaN", "+Inf"), so the message still marshals.
func num(x float64) msg.Value {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return msg.String(strconv.FormatFloat(x, 'g', -1, 64))
	}
	r := math.Round(x*100) / 100
	prec := 2
	switch {
	case r == math.Trunc(r):
		prec = 0
	case math.Abs(r*10-math.Round(r*10)) < 1e-9:
		prec = 1
	}
	return msg.Float(r, prec)
}

// detailed returns a finding whose text is d, the sentence for one of the
// situations its code covers (see messages).
func detailed(code string, sev finding.Severity, subject, source string, d msg.Message) finding.Finding {
	return finding.New(code, sev, subject, source, "detail", msg.Nested(d))
}

// workerArg is a worker as an argument: the id, and the name if known.
func workerArg(w Worker) msg.Value {
	if w.Name != "" {
		return msg.Nested(msg.New("caseload.worker.named", "id", msg.String(w.ID), "name", msg.String(w.Name)))
	}
	return msg.Nested(msg.New("caseload.worker", "id", msg.String(w.ID)))
}

// loadArg is a number of cases and, when weights make it differ, the
// weighted load.
func loadArg(cases int, load float64) msg.Value {
	n := msg.New("caseload.cases.many", "n", msg.Int(cases))
	if cases == 1 {
		n = msg.New("caseload.cases.one", "n", msg.Int(cases))
	}
	if load == float64(cases) {
		return msg.Nested(n)
	}
	return msg.Nested(msg.New("caseload.load.weighted", "cases", msg.Nested(n), "load", num(load)))
}

// joined chains messages with the glue message code ("caseload.join.items"
// or "caseload.join.sentences"): the first, then the rest. ms must not be
// empty.
func joined(code string, ms []msg.Message) msg.Message {
	if len(ms) == 1 {
		return ms[0]
	}
	return msg.New(code, "first", msg.Nested(ms[0]), "rest", msg.Nested(joined(code, ms[1:])))
}
