package suite

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Request is a vector's request, ready to send.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Body   []byte
}

// RequestOf builds the request of a vector.
func RequestOf(v Vector) Request {
	r := Request{Method: v.Input.Method, Path: v.Input.Path, Query: url.Values{}, Body: v.Input.Body}
	if r.Method == "" {
		r.Method = http.MethodPost
	}
	keys := make([]string, 0, len(v.Input.Query))
	for k := range v.Input.Query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.Query.Set(k, v.Input.Query[k])
	}
	return r
}

// Target is an implementation under test: it answers a request with an
// HTTP status and a JSON body.
type Target interface {
	Do(ctx context.Context, r Request) (status int, body []byte, err error)
}

// HTTP is a Target that sends each request to a running service.
type HTTP struct {
	// Base is the service's address, e.g. "http://127.0.0.1:8080".
	Base   string
	Client *http.Client // nil: a client with a 30 s timeout
}

// Do sends the request and reads the answer.
func (h HTTP) Do(ctx context.Context, r Request) (int, []byte, error) {
	c := h.Client
	if c == nil {
		c = &http.Client{Timeout: 30 * time.Second}
	}
	u := strings.TrimRight(h.Base, "/") + r.Path
	if len(r.Query) > 0 {
		u += "?" + r.Query.Encode()
	}
	var body io.Reader
	if r.Method != http.MethodGet && r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, u, body)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	return resp.StatusCode, b, err
}

// Result is the outcome of one vector.
type Result struct {
	Vector   Vector
	Problems []string // empty: passed
}

// Passed reports whether the vector passed.
func (r Result) Passed() bool { return len(r.Problems) == 0 }

// Filter chooses the vectors to run.
type Filter struct {
	// Levels: only these levels (none: all).
	Levels []string
	// Run: only vectors whose id matches (nil: all).
	Run *regexp.Regexp
	// SkipOptional leaves the optional vectors out.
	SkipOptional bool
}

func (f Filter) keep(v Vector) bool {
	if f.SkipOptional && v.Optional {
		return false
	}
	if len(f.Levels) > 0 && !contains(f.Levels, v.Level) {
		return false
	}
	return f.Run == nil || f.Run.MatchString(v.ID)
}

// Run runs the vectors the filter keeps against t, in suite order.
func (s *Suite) Run(ctx context.Context, t Target, f Filter) []Result {
	var out []Result
	for _, v := range s.Vectors {
		if !f.keep(v) {
			continue
		}
		status, body, err := t.Do(ctx, RequestOf(v))
		r := Result{Vector: v}
		if err != nil {
			r.Problems = []string{"request failed: " + err.Error()}
		} else {
			r.Problems = Check(v, status, body)
		}
		out = append(out, r)
	}
	return out
}

// Tally is the count of one level.
type Tally struct {
	Level                          string
	Passed, Failed                 int
	OptionalPassed, OptionalFailed int
}

// Tallies counts the results per level, in suite order.
func (s *Suite) Tallies(results []Result) []Tally {
	byLevel := map[string]*Tally{}
	var out []*Tally
	for _, id := range s.Levels() {
		t := &Tally{Level: id}
		byLevel[id] = t
		out = append(out, t)
	}
	for _, r := range results {
		t := byLevel[r.Vector.Level]
		switch {
		case r.Vector.Optional && r.Passed():
			t.OptionalPassed++
		case r.Vector.Optional:
			t.OptionalFailed++
		case r.Passed():
			t.Passed++
		default:
			t.Failed++
		}
	}
	res := make([]Tally, len(out))
	for i, t := range out {
		res[i] = *t
	}
	return res
}

// RequiredFailures counts the failed vectors that are not optional.
func RequiredFailures(results []Result) int {
	n := 0
	for _, r := range results {
		if !r.Passed() && !r.Vector.Optional {
			n++
		}
	}
	return n
}

// Report writes the results per level: the counts, then each failure with
// what differed and the vector's derivation. verbose also lists the
// vectors that passed.
func (s *Suite) Report(w io.Writer, results []Result, verbose bool) {
	byLevel := map[string][]Result{}
	for _, r := range results {
		byLevel[r.Vector.Level] = append(byLevel[r.Vector.Level], r)
	}
	for _, t := range s.Tallies(results) {
		if t.Passed+t.Failed+t.OptionalPassed+t.OptionalFailed == 0 {
			continue
		}
		fmt.Fprintf(w, "%-14s %3d passed, %3d failed", t.Level, t.Passed, t.Failed)
		if t.OptionalPassed+t.OptionalFailed > 0 {
			fmt.Fprintf(w, "; optional: %d passed, %d failed", t.OptionalPassed, t.OptionalFailed)
		}
		fmt.Fprintln(w)
		for _, r := range byLevel[t.Level] {
			if r.Passed() {
				if verbose {
					fmt.Fprintf(w, "  ok   %s\n", r.Vector.ID)
				}
				continue
			}
			mark := "FAIL"
			if r.Vector.Optional {
				mark = "fail (optional)"
			}
			fmt.Fprintf(w, "  %s %s — %s\n", mark, r.Vector.ID, r.Vector.Description)
			fmt.Fprintf(w, "       source: %s\n", r.Vector.Source)
			for _, p := range r.Problems {
				fmt.Fprintf(w, "       - %s\n", p)
			}
			fmt.Fprintf(w, "       derivation: %s\n", r.Vector.Derivation)
		}
	}
	var passed, failed, optFailed int
	for _, r := range results {
		switch {
		case r.Passed():
			passed++
		case r.Vector.Optional:
			optFailed++
		default:
			failed++
		}
	}
	fmt.Fprintf(w, "total: %d vectors, %d passed, %d failed", len(results), passed, failed)
	if optFailed > 0 {
		fmt.Fprintf(w, ", %d optional failed", optFailed)
	}
	fmt.Fprintln(w)
}
