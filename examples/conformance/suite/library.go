package suite

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/queries"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
)

// Library is a Target that answers each request with the Go library,
// through the code the service uses (examples/internal/input, report and
// queries), without HTTP. Its answers are the service's JSON.
type Library struct {
	// Today is the as-of date when neither the query nor the body gives
	// one; zero means the local date.
	Today date.Date
}

const bodyName = "request body"

// errorBody is the service's error answer.
type errorBody struct {
	Error    string       `json:"error"`
	Message  string       `json:"message"`
	Problems input.Errors `json:"problems,omitempty"`
}

// Do answers the request.
func (l Library) Do(_ context.Context, r Request) (int, []byte, error) {
	want := http.MethodPost
	if r.Path == "/v1/rules" {
		want = http.MethodGet
	}
	if r.Method != want {
		return reply(http.StatusMethodNotAllowed, errorBody{Error: "method not allowed", Message: r.Method + " " + r.Path + ": use " + want})
	}
	var (
		v   any
		err error
	)
	switch r.Path {
	case "/v1/schedule":
		v, err = l.schedule(r)
	case "/v1/caseload/validate":
		v, err = l.validate(r)
	case "/v1/rules":
		v = rules()
	case "/v1/intake":
		cal, problems := queries.Calendar(r.Query)
		if problems != nil {
			err = problems
			break
		}
		v, err = queries.Intake(bodyName, bytes.NewReader(r.Body), r.Query, cal, cmp.Or(r.Query.Get("lang"), "da"))
	case "/v1/workdays":
		cal, problems := queries.Calendar(r.Query)
		if problems != nil {
			err = problems
			break
		}
		v, err = queries.Workdays(bodyName, bytes.NewReader(r.Body), cal)
	case "/v1/figures/childyears":
		v, err = queries.ChildYears(bodyName, bytes.NewReader(r.Body))
	default:
		return reply(http.StatusNotFound, errorBody{Error: "not found", Message: fmt.Sprintf("no endpoint %q", r.Path)})
	}
	if err != nil {
		l := input.AsErrors(err)
		if l == nil {
			return 0, nil, err // a bug, not bad input
		}
		status := http.StatusBadRequest
		if errors.Is(err, report.ErrOverBudget) {
			status = http.StatusRequestEntityTooLarge
		}
		return reply(status, errorBody{Error: "bad input", Message: l[0].Error(), Problems: l})
	}
	return reply(http.StatusOK, v)
}

func reply(status int, v any) (int, []byte, error) {
	b, err := json.Marshal(v)
	return status, b, err
}

// options reads the request's options as the service does.
func (l Library) options(r Request, data *input.Data) (report.Options, error) {
	opt, problems := queries.ReportOptions(r.Query, data, cmp.Or(l.Today, date.NewAt(time.Now())))
	if problems != nil {
		return opt, problems
	}
	return opt, nil
}

func (l Library) schedule(r Request) (any, error) {
	data, err := input.Decode(bodyName, bytes.NewReader(r.Body), input.Options{})
	if err != nil {
		return nil, err
	}
	opt, err := l.options(r, data)
	if err != nil {
		return nil, err
	}
	return report.Build(data, opt)
}

func (l Library) validate(r Request) (any, error) {
	data, err := input.Decode(bodyName, bytes.NewReader(r.Body), input.Options{})
	if err != nil {
		return nil, err
	}
	opt, err := l.options(r, data)
	if err != nil {
		return nil, err
	}
	return queries.Validate(data, opt.AsOf), nil
}

// rules is the answer of GET /v1/rules.
func rules() any {
	return struct {
		Municipal     *followup.RuleSet      `json:"municipal"`
		Statutory     []*followup.RuleSet    `json:"statutory"`
		Interventions []queries.Intervention `json:"interventions"`
	}{followup.HerningRules(), followup.Herning().StatutorySets(), queries.Interventions(followup.HerningRules())}
}
