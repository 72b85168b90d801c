package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/contract"
	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/queries"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
)

// MaxBodyBytes bounds a request body: 1 MiB. A larger body gets 413.
const MaxBodyBytes = 1 << 20

// bodyName names the request body in input errors.
const bodyName = "request body"

type handlerOptions struct {
	// today returns the as-of date when neither the query nor the body
	// gives one; nil means the server's local date.
	today func() date.Date
}

// newHandler returns the service's routes.
func newHandler(opt handlerOptions) http.Handler {
	if opt.today == nil {
		opt.today = func() date.Date { return date.NewAt(time.Now()) }
	}
	h := &handler{opt: opt, regime: followup.Herning()}
	h.base = h.regime.Receipt(followup.Options{}, nil)
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/schedule", h.method(http.MethodPost, h.schedule))
	mux.HandleFunc("/v1/caseload/validate", h.method(http.MethodPost, h.validate))
	mux.HandleFunc("/v1/rules", h.method(http.MethodGet, h.rules))
	mux.HandleFunc("/v1/intake", h.method(http.MethodPost, h.intake))
	mux.HandleFunc("/v1/workdays", h.method(http.MethodPost, h.workdays))
	mux.HandleFunc("/v1/figures/childyears", h.method(http.MethodPost, h.childYears))
	mux.HandleFunc("/v1/openapi.json", h.method(http.MethodGet, openAPI))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not found", fmt.Sprintf("no endpoint %q; see /v1/schedule, /v1/caseload/validate, /v1/rules, /v1/intake, /v1/workdays, /v1/figures/childyears, /v1/openapi.json", r.URL.Path), nil, h.base)
	})
	return recoverPanics(mux, h.base)
}

// recoverPanics answers a request whose handler panicked (a bug, never bad
// input) with a JSON 500, instead of net/http's dropped connection; other
// requests are not affected either way.
func recoverPanics(next http.Handler, rc followup.Receipt) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				writeError(w, http.StatusInternalServerError, "internal error", fmt.Sprintf("%s %s: the server failed; please report it", r.Method, r.URL.Path), nil, rc)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type handler struct {
	opt    handlerOptions
	regime *followup.Regime
	// base is the receipt of an answer that read no input and has no
	// as-of date: the version, the rule sets and the calendar.
	base followup.Receipt
}

// receipt is the receipt of an answer computed from body (nil: none was
// read) as of opt.AsOf (zero: no date yet) up to opt.Until.
func (h *handler) receipt(body []byte, opt followup.Options) followup.Receipt {
	return h.regime.Receipt(opt, body)
}

// method answers 405 with an Allow header for any other method (HEAD is
// allowed where GET is).
func (h *handler) method(m string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != m && !(m == http.MethodGet && r.Method == http.MethodHead) {
			allow := m
			if m == http.MethodGet {
				allow = "GET, HEAD"
			}
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "method not allowed", fmt.Sprintf("%s %s: use %s", r.Method, r.URL.Path, allow), nil, h.base)
			return
		}
		next(w, r)
	}
}

// errorBody is every error response: a short error, a message for the
// developer, for bad input every problem with its field, and the receipt
// (with the SHA-256 of the body when one was read, and the as-of date and
// horizon once they are known), so that a refusal can be audited too.
type errorBody struct {
	Error    string           `json:"error"`
	Message  string           `json:"message"`
	Problems input.Errors     `json:"problems,omitempty"`
	Receipt  followup.Receipt `json:"receipt"`
}

func writeError(w http.ResponseWriter, status int, short, msg string, problems input.Errors, rc followup.Receipt) {
	writeJSON(w, status, errorBody{Error: short, Message: msg, Problems: problems, Receipt: rc})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		fmt.Fprintf(&buf, "{\"error\":\"internal error\",\"message\":%q}\n", err.Error())
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// readInput reads and validates the request body. It writes the error
// response itself and returns nil when the request is bad.
func (h *handler) readInput(w http.ResponseWriter, r *http.Request) *input.Data {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/json") {
			writeError(w, http.StatusUnsupportedMediaType, "unsupported media type", fmt.Sprintf("Content-Type %q: send application/json", ct), nil, h.base)
			return nil
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body too large", fmt.Sprintf("the body is larger than %d bytes", MaxBodyBytes), nil, h.base)
			return nil
		}
		writeError(w, http.StatusBadRequest, "bad input", "cannot read the request body: "+err.Error(), nil, h.base)
		return nil
	}
	data, err := input.Decode(bodyName, bytes.NewReader(body), input.Options{})
	if err != nil {
		writeInputError(w, err, h.receipt(body, followup.Options{}))
		return nil
	}
	return data
}

func writeInputError(w http.ResponseWriter, err error, rc followup.Receipt) {
	l := input.AsErrors(err)
	switch {
	case l == nil:
		writeError(w, http.StatusInternalServerError, "internal error", err.Error(), nil, rc)
	case errors.Is(err, report.ErrOverBudget):
		writeError(w, http.StatusRequestEntityTooLarge, "over budget", l[0].Error(), l, rc)
	default:
		writeError(w, http.StatusBadRequest, "bad input", l[0].Error(), l, rc)
	}
}

// schedule answers POST /v1/schedule with the report of examples/schedule
// -format json.
func (h *handler) schedule(w http.ResponseWriter, r *http.Request) {
	data := h.readInput(w, r)
	if data == nil {
		return
	}
	opt, problems := queries.ReportOptions(r.URL.Query(), data, h.opt.today())
	if problems != nil {
		writeInputError(w, problems, h.receipt(data.Bytes(), followup.Options{}))
		return
	}
	if opt.Regime == nil { // a query setting (phoneChildConversation) may have chosen another
		opt.Regime = h.regime
	}
	rep, err := report.Build(data, opt)
	if err != nil {
		until := opt.AsOf + date.Date(7*opt.Weeks)
		writeInputError(w, err, h.receipt(data.Bytes(), followup.Options{AsOf: opt.AsOf, Until: until}))
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// validate answers POST /v1/caseload/validate: the team's caseloads
// against Herning's policy (caseload.Herning) on the as-of date.
func (h *handler) validate(w http.ResponseWriter, r *http.Request) {
	data := h.readInput(w, r)
	if data == nil {
		return
	}
	opt, problems := queries.ReportOptions(r.URL.Query(), data, h.opt.today())
	if problems != nil {
		writeInputError(w, problems, h.receipt(data.Bytes(), followup.Options{}))
		return
	}
	out := queries.Validate(data, opt.AsOf)
	rc := h.receipt(data.Bytes(), followup.Options{AsOf: opt.AsOf, Until: opt.AsOf})
	out.Receipt = &rc
	writeJSON(w, http.StatusOK, out)
}

// openAPIDocument is the service's OpenAPI 3.1 document, as embedded.
var openAPIDocument = contract.OpenAPI()

// openAPI answers GET /v1/openapi.json with the OpenAPI 3.1 document of
// the service (examples/contract/schema/openapi.json): the document, not
// an answer, so it has no receipt.
func openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openAPIDocument)
}

// rules answers GET /v1/rules: the municipal rule set, the statutory sets
// with their effective dates and sources, and the intervention catalogue.
// The receipt lists each set with the SHA-256 of its data, as every
// answer's receipt does, so that an old answer's sets can be matched
// against today's.
func (h *handler) rules(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		Municipal     *followup.RuleSet      `json:"municipal"`
		Statutory     []*followup.RuleSet    `json:"statutory"`
		Interventions []queries.Intervention `json:"interventions"`
		Receipt       followup.Receipt       `json:"receipt"`
	}{h.regime.Municipal(), h.regime.StatutorySets(), queries.Interventions(h.regime.Municipal()), h.base})
}
