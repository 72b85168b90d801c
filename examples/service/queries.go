package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/queries"
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
func readBody(w http.ResponseWriter, r *http.Request) []byte {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/json") {
			writeError(w, http.StatusUnsupportedMediaType, "unsupported media type", fmt.Sprintf("Content-Type %q: send application/json", ct), nil)
			return nil
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body too large", fmt.Sprintf("the body is larger than %d bytes", MaxBodyBytes), nil)
			return nil
		}
		writeError(w, http.StatusBadRequest, "bad input", "cannot read the request body: "+err.Error(), nil)
		return nil
	}
	return body
}

// answer writes v, or the input error.
func answer(w http.ResponseWriter, v any, err error) {
	if err != nil {
		writeInputError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// intake answers POST /v1/intake.
func (h *handler) intake(w http.ResponseWriter, r *http.Request) {
	body := readBody(w, r)
	if body == nil {
		return
	}
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
		writeInputError(w, problems)
		return
	}
	a, err := queries.Intake(bodyName, bytes.NewReader(body), q, cal, lang)
	answer(w, a, err)
}

// workdays answers POST /v1/workdays.
func (h *handler) workdays(w http.ResponseWriter, r *http.Request) {
	body := readBody(w, r)
	if body == nil {
		return
	}
	cal, problems := queries.Calendar(r.URL.Query())
	if problems != nil {
		writeInputError(w, problems)
		return
	}
	a, err := queries.Workdays(bodyName, bytes.NewReader(body), cal)
	answer(w, a, err)
}

// childYears answers POST /v1/figures/childyears.
func (h *handler) childYears(w http.ResponseWriter, r *http.Request) {
	body := readBody(w, r)
	if body == nil {
		return
	}
	a, err := queries.ChildYears(bodyName, bytes.NewReader(body))
	answer(w, a, err)
}

// langProblem is the problem of a lang other than da or en.
func langProblem(lang string) *input.Error {
	return &input.Error{File: "query", Field: "lang", Value: strconv.Quote(lang), Reason: "want da or en"}
}
