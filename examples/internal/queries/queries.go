// Package queries answers the service's questions beyond the schedule, so
// that an implementation in another language can be checked level by level
// (examples/conformance): the intake deadlines (POST /v1/intake), Danish
// working days alone (POST /v1/workdays) and the comparison of two
// child-year snapshots the way KORA 2017 compares them (POST
// /v1/figures/childyears). It also reads the schedule's optional settings
// from the query (closed24dec, closed31dec, phoneChildConversation).
//
// The HTTP service and the conformance suite's library runner share these
// functions, so both give the same answers. Each decoder is strict like
// examples/internal/input: an unknown or repeated key, a date that does not
// exist or a value of the wrong type is an input.Errors naming the field.
package queries

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/jsonstrict"
)

// The query parameters of the optional settings.
const (
	// ParamClosed24Dec closes 24 December (juleaftensdag).
	ParamClosed24Dec = "closed24dec"
	// ParamClosed31Dec closes 31 December (nytårsaftensdag).
	ParamClosed31Dec = "closed31dec"
	// ParamPhoneChildConversation lets a child conversation by phone meet
	// the statutory conversation of a follow-up under Barnets Lov (BL § 5;
	// unconfirmed, so a setting). A supervision visit stays in person.
	ParamPhoneChildConversation = "phoneChildConversation"
)

// boolParam reads an optional true/false query parameter.
func boolParam(q url.Values, name string, problems *input.Errors) bool {
	s := q.Get(name)
	if s == "" {
		return false
	}
	v, err := strconv.ParseBool(s)
	if err != nil {
		*problems = append(*problems, &input.Error{File: "query", Field: name, Value: strconv.Quote(s), Reason: "want true or false"})
	}
	return v
}

// Calendar returns the working-day calendar the query asks for: Danish,
// with 24 and 31 December closed when closed24dec and closed31dec are true.
func Calendar(q url.Values) (*workday.Calendar, input.Errors) {
	var problems input.Errors
	opts := workday.Options{
		ChristmasEveClosed: boolParam(q, ParamClosed24Dec, &problems),
		NewYearsEveClosed:  boolParam(q, ParamClosed31Dec, &problems),
	}
	if problems != nil {
		return nil, problems
	}
	if !opts.ChristmasEveClosed && !opts.NewYearsEveClosed {
		return workday.Danish(), nil
	}
	cal, err := workday.New(opts)
	if err != nil { // no ExtraClosed: cannot fail
		return nil, input.Errors{{File: "query", Reason: err.Error()}}
	}
	return cal, nil
}

// ScheduleOptions applies the optional settings of the query to opt: the
// calendar (closed24dec, closed31dec) and, with phoneChildConversation,
// Herning's regime on a Barnets Lov set that lets a phone conversation
// with the child meet a statutory follow-up.
func ScheduleOptions(q url.Values, opt *report.Options) input.Errors {
	cal, problems := Calendar(q)
	phone := boolParam(q, ParamPhoneChildConversation, &problems)
	if problems != nil {
		return problems
	}
	opt.Calendar = cal
	if phone {
		opt.Regime = phoneRegime()
	}
	return nil
}

// phoneRegime is Herning's rules on Serviceloven and on a Barnets Lov set
// whose PhoneChildConversation is true.
var phoneRegime = sync.OnceValue(func() *followup.Regime {
	spec := followup.BarnetsLov().Spec()
	spec.Statutory.PhoneChildConversation = true
	bl := followup.MustRuleSet(spec)
	r, err := followup.NewRegime(followup.HerningRules(), followup.ServiceLoven(), bl)
	if err != nil {
		panic(err) // the shipped sets with one setting changed; checked by the tests
	}
	return r
})

// MaxBodyBytes bounds what the decoders read.
const MaxBodyBytes = 1 << 20

// decode reads one strict JSON object from r into v: every unknown or
// repeated key, a syntax error or a value of the wrong type is reported
// with its path.
func decode(file string, r io.Reader, v any) input.Errors {
	raw, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	if err != nil {
		return input.Errors{{File: file, Reason: "cannot read: " + err.Error()}}
	}
	if len(raw) > MaxBodyBytes {
		return input.Errors{{File: file, Reason: fmt.Sprintf("larger than %d bytes", MaxBodyBytes)}}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return input.Errors{{File: file, Reason: "malformed JSON: empty document"}}
	}
	var errs input.Errors
	problems, err := jsonstrict.Check(raw, reflect.TypeOf(v).Elem(), input.MaxErrors)
	if err != nil {
		return input.Errors{{File: file, Reason: "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")}}
	}
	for _, p := range problems {
		reason := "duplicate key: the key is given twice in one object (keep one)"
		if p.Kind == jsonstrict.Unknown {
			reason = "unknown field (want one of " + strings.Join(p.Known, ", ") + ")"
		}
		errs = append(errs, &input.Error{File: file, Field: p.Path, Reason: reason})
	}
	if errs != nil {
		return errs
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return input.Errors{{File: file, Field: te.Field, Value: te.Value, Reason: "wrong type: want " + te.Type.String()}}
		}
		return input.Errors{{File: file, Reason: "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return input.Errors{{File: file, Reason: "malformed JSON: more than one JSON value in the document"}}
	}
	return nil
}

// fields collects the problems of one request with their paths.
type fields struct {
	file string
	errs input.Errors
}

func (f *fields) bad(field, value, caseID, reason string) {
	if len(f.errs) < input.MaxErrors {
		f.errs = append(f.errs, &input.Error{File: f.file, Field: field, Value: value, Case: caseID, Reason: reason})
	}
}

// date parses a required (req) or optional date strictly.
func (f *fields) date(field, s, caseID string, req bool) date.Date {
	if s == "" {
		if req {
			f.bad(field, "", caseID, "missing: give a date as YYYY-MM-DD")
		}
		return 0
	}
	d, err := ladder.ParseDate(s)
	if err != nil {
		f.bad(field, strconv.Quote(s), caseID, input.DateReason(err))
		return 0
	}
	return d
}

// asOf is the as-of date: the query's asof wins over the body's.
func (f *fields) asOf(q url.Values, body string) date.Date {
	if s := q.Get("asof"); s != "" {
		d, err := ladder.ParseDate(s)
		if err != nil {
			f.errs = append(f.errs, &input.Error{File: "query", Field: "asof", Value: strconv.Quote(s), Reason: input.DateReason(err)})
		}
		return d
	}
	return f.date("asOf", body, "", true)
}
