package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/queries"
	"github.com/trappe-dk/trappe/followup"
)

// The endpoints beyond the schedule (package examples/internal/queries),
// which let an implementation in another language be checked level by
// level against examples/conformance:
//
//	POST /v1/intake               the intake deadlines of notifications, assessments, plans and hearings
//	POST /v1/workdays             Danish working days alone (?closed24dec=true&closed31dec=true)
//	POST /v1/figures/childyears   two child-year snapshots compared the way KORA 2017 does

// readBody reads the request body with the same rules as readInput (JSON
// only, at most MaxBodyBytes). It writes the error response itself and
// returns nil when the request is bad.
func readBody(w http.ResponseWriter, r *http.Request, base followup.Receipt) []byte {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/json") {
			writeError(w, http.StatusUnsupportedMediaType, "unsupported media type", fmt.Sprintf("Content-Type %q: send application/json", ct), nil, base)
			return nil
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body too large", fmt.Sprintf("the body is larger than %d bytes", MaxBodyBytes), nil, base)
			return nil
		}
		writeError(w, http.StatusBadRequest, "bad input", "cannot read the request body: "+err.Error(), nil, base)
		return nil
	}
	return body
}

// answer writes v with its receipt (what it was computed with, the
// input's SHA-256 among it), or the input error with the receipt.
func answer(w http.ResponseWriter, v any, err error, rc followup.Receipt) {
	if err != nil {
		writeInputError(w, err, rc)
		return
	}
	b, err := withReceipt(v, rc)
	if err != nil {
		writeInputError(w, err, rc)
		return
	}
	writeJSON(w, http.StatusOK, json.RawMessage(b))
}

// withReceipt writes v's JSON object with a "receipt" member added.
func withReceipt(v any, rc followup.Receipt) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	r, err := json.Marshal(struct {
		Receipt followup.Receipt `json:"receipt"`
	}{rc})
	if err != nil {
		return nil, err
	}
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("service: the answer is not a JSON object")
	}
	if string(body) == "{}" {
		return r, nil
	}
	return append(append(body[:len(body)-1], ','), r[1:]...), nil
}

// intake answers POST /v1/intake.
func (h *handler) intake(w http.ResponseWriter, r *http.Request) {
	body := readBody(w, r, h.base)
	if body == nil {
		return
	}
	rc := h.receipt(body, followup.Options{})
	q := r.URL.Query()
	cal, problems := queries.Calendar(q)
	lang := q.Get("lang")
	if lang == "" {
		lang = "da"
	}
	if problems == nil && lang != "da" && lang != "en" {
		problems = append(problems, langProblem(lang))
	}
	if problems != nil {
		writeInputError(w, problems, rc)
		return
	}
	a, err := queries.Intake(bodyName, bytes.NewReader(body), q, cal, lang)
	answer(w, a, err, rc)
}

// workdays answers POST /v1/workdays.
func (h *handler) workdays(w http.ResponseWriter, r *http.Request) {
	body := readBody(w, r, h.base)
	if body == nil {
		return
	}
	rc := h.receipt(body, followup.Options{})
	cal, problems := queries.Calendar(r.URL.Query())
	if problems != nil {
		writeInputError(w, problems, rc)
		return
	}
	a, err := queries.Workdays(bodyName, bytes.NewReader(body), cal)
	answer(w, a, err, rc)
}

// childYears answers POST /v1/figures/childyears.
func (h *handler) childYears(w http.ResponseWriter, r *http.Request) {
	body := readBody(w, r, h.base)
	if body == nil {
		return
	}
	a, err := queries.ChildYears(bodyName, bytes.NewReader(body))
	answer(w, a, err, h.receipt(body, followup.Options{}))
}

// langProblem is the problem of a lang other than da or en.
func langProblem(lang string) *input.Error {
	return &input.Error{File: "query", Field: "lang", Value: strconv.Quote(lang), Reason: "want da or en"}
}
