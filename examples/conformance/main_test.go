package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/caseload"
	"github.com/trappe-dk/trappe/examples/conformance/suite"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/measure"
)

func load(t *testing.T) *suite.Suite {
	t.Helper()
	sub, err := fs.Sub(vectors, "v1")
	require.NoError(t, err)
	s, err := suite.Load(sub)
	require.NoError(t, err)
	return s
}

// MinVectors is how many vectors the suite must hold at least.
const MinVectors = 150

func TestSuiteShape(t *testing.T) {
	s := load(t)
	assert.GreaterOrEqual(t, len(s.Vectors), MinVectors)
	perLevel := map[string]int{}
	for _, v := range s.Vectors {
		perLevel[v.Level]++
	}
	for _, l := range s.Levels() {
		assert.Positive(t, perLevel[l], "level %s has no vector", l)
	}
	// The optional vectors are settings or trappe's own choices; each
	// says so in its description.
	for _, v := range s.Vectors {
		if v.Optional {
			assert.True(t, strings.HasPrefix(v.Description, "Optional"), "%s: an optional vector's description starts with \"Optional\"", v.ID)
		}
	}
}

// TestLibrary runs every vector against the Go library, through the code
// the service uses.
func TestLibrary(t *testing.T) {
	s := load(t)
	for _, r := range s.Run(context.Background(), suite.Library{}, suite.Filter{}) {
		t.Run(r.Vector.ID, func(t *testing.T) {
			if !r.Passed() {
				t.Errorf("%s\n%s\nderivation: %s", r.Vector.Description, strings.Join(r.Problems, "\n"), r.Vector.Derivation)
			}
		})
	}
}

// covered returns every string the vectors assert (in items, findings and
// values; not what they assert is absent) and every exception id their
// requests record.
func covered(s *suite.Suite) map[string]bool {
	out := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out[x] = true
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, v := range s.Vectors {
		for _, it := range v.Expected.Items {
			walk(it)
		}
		for _, f := range v.Expected.Findings {
			walk(f)
		}
		for _, vc := range v.Expected.Values {
			walk(vc.Equals)
		}
		var body any
		if len(v.Input.Body) > 0 && json.Unmarshal(v.Input.Body, &body) == nil {
			for _, id := range exceptionIDs(body) {
				out[id] = true
			}
		}
	}
	return out
}

func exceptionIDs(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, exceptionIDs(e)...)
		}
	case map[string]any:
		for k, e := range x {
			if k == "exceptions" {
				if l, ok := e.([]any); ok {
					for _, g := range l {
						if m, ok := g.(map[string]any); ok {
							if id, ok := m["id"].(string); ok {
								out = append(out, id)
							}
						}
					}
				}
				continue
			}
			out = append(out, exceptionIDs(e)...)
		}
	}
	return out
}

// emittedFollowupCodes reads the finding codes the scheduler and its
// compliance check emit from the followup package's source.
func emittedFollowupCodes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "followup", "*.go"))
	require.NoError(t, err)
	re := regexp.MustCompile(`finding\.New\("(followup\.[a-z.-]+)"`)
	var codes []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllSubmatch(b, -1) {
			codes = append(codes, string(m[1]))
		}
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	require.NotEmpty(t, codes)
	return codes
}

// TestCoverage checks that every rule id, exception id, item kind and
// finding code of the shipped rule sets, and every statutory and intake
// rule id, appears in at least one vector.
func TestCoverage(t *testing.T) {
	s := load(t)
	have := covered(s)
	need := map[string][]string{}
	for _, r := range followup.HerningRules().Rules() {
		need["municipal rule"] = append(need["municipal rule"], r.ID)
	}
	for _, e := range followup.HerningRules().Exceptions() {
		need["exception"] = append(need["exception"], e.ID)
	}
	for _, set := range followup.Herning().StatutorySets() {
		st := set.Spec().Statutory
		need["statutory rule"] = append(need["statutory rule"], st.FollowUp.ID)
		if st.Visits != nil {
			need["statutory rule"] = append(need["statutory rule"], st.Visits.ID)
		}
	}
	for _, r := range followup.IntakeRules() {
		need["intake rule"] = append(need["intake rule"], r.ID)
	}
	for k := followup.Kind(1); k.IsValid(); k++ {
		need["item kind"] = append(need["item kind"], k.String())
	}
	need["schedule finding"] = emittedFollowupCodes(t)
	// SMART: every code ValidateGoal reports, except those the contract
	// cannot reach: the report always has an as-of date
	// (smart.input.no-as-of), JSON has no NaN or infinity
	// (smart.input.not-finite), the input decoder rejects an unknown
	// answer (smart.input.bad-answer), and CheckReview (smart.review.* and
	// its input checks) is not part of the report.
	unreachable := map[string]bool{"smart.input.no-as-of": true, "smart.input.not-finite": true, "smart.input.bad-answer": true,
		"smart.input.no-review-date": true, "smart.input.review-goal-mismatch": true}
	for _, r := range measure.Rules() {
		if unreachable[r.Code] || strings.HasPrefix(r.Code, "smart.review.") {
			continue
		}
		need["SMART finding"] = append(need["SMART finding"], r.Code)
	}
	// Caseload: the codes caseload.Validate can report under Herning's
	// policy for a document the input decoder accepts. The decoder refuses
	// missing and duplicate ids, an FTE outside (0, 1], unknown workers
	// and invalid measures; Herning has no new-hire period; Suggest and
	// CheckReassignment are not part of the service.
	need["caseload finding"] = []string{caseload.CodeOverSoftLimit, caseload.CodeOverHardLimit, caseload.CodeTeamAverage, caseload.CodeUnassigned}

	for what, ids := range need {
		require.NotEmpty(t, ids, what)
		for _, id := range ids {
			assert.True(t, have[id], "no vector asserts the %s %q", what, id)
		}
	}
	for _, id := range []string{"SEL-70", "SEL-148", "BL-95", "BL-156"} {
		assert.True(t, have[id], "no vector asserts %s", id)
	}
}

// mutated is a Target that answers like the library and then changes the
// answer, to check that the vectors notice.
type mutated struct {
	change func(doc map[string]any)
}

func (m mutated) Do(ctx context.Context, r suite.Request) (int, []byte, error) {
	status, body, err := suite.Library{}.Do(ctx, r)
	if err != nil || status != http.StatusOK {
		return status, body, err
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		return status, body, err
	}
	m.change(doc)
	b, err := json.Marshal(doc)
	return status, b, err
}

func eachItem(doc map[string]any, f func(it map[string]any)) {
	items, _ := doc["items"].([]any)
	for _, x := range items {
		if it, ok := x.(map[string]any); ok {
			f(it)
		}
	}
}

// TestVectorsBite runs the suite against implementations that are wrong
// in one way each, and expects the levels about that to fail.
func TestVectorsBite(t *testing.T) {
	s := load(t)
	for name, c := range map[string]struct {
		change func(map[string]any)
		levels []string
	}{
		"no working days": {func(doc map[string]any) {
			eachItem(doc, func(it map[string]any) { it["workingDay"] = it["due"] })
			if days, ok := doc["days"].([]any); ok {
				for _, d := range days {
					m := d.(map[string]any)
					m["workingDay"], m["closed"] = m["date"], false
				}
			}
		}, []string{"dates", "workdays", "intake"}},
		"nothing statutory": {func(doc map[string]any) {
			eachItem(doc, func(it map[string]any) { it["statutory"] = false })
		}, []string{"dates", "statutory-sel", "statutory-bl", "rules", "exceptions", "held"}},
		"no exceptions applied": {func(doc map[string]any) {
			eachItem(doc, func(it map[string]any) {
				if it["statutory"] == false && it["kind"] == "followup" {
					it["modes"], it["childConversation"] = []string{"in-person"}, "required"
				}
			})
		}, []string{"exceptions"}},
		"dates a day late": {func(doc map[string]any) {
			eachItem(doc, func(it map[string]any) {
				if d, ok := it["due"].(string); ok {
					tm, err := time.Parse(time.DateOnly, d)
					if err == nil {
						it["due"] = tm.AddDate(0, 0, 1).Format(time.DateOnly)
					}
				}
			})
		}, []string{"dates", "statutory-sel", "statutory-bl", "rules", "held", "intake"}},
		"no findings": {func(doc map[string]any) {
			if _, ok := doc["findings"]; ok {
				doc["findings"] = []any{}
			}
		}, []string{"rules", "caseload", "smart", "held"}},
		"figures off": {func(doc map[string]any) {
			if rows, ok := doc["rows"].([]any); ok {
				for _, r := range rows {
					m := r.(map[string]any)
					if b, ok := m["before"].(float64); ok {
						m["before"] = b * 1.02
					}
				}
			}
			if f, ok := doc["figures"].(map[string]any); ok {
				f["moves"] = map[string]any{"up": 0, "down": 0, "children": 0}
				for _, g := range f["childYears"].([]any) {
					g.(map[string]any)["childYears"] = 0.0
				}
			}
		}, []string{"figures", "ladder"}},
	} {
		t.Run(name, func(t *testing.T) {
			failed := map[string]int{}
			for _, r := range s.Run(context.Background(), mutated{c.change}, suite.Filter{}) {
				if !r.Passed() {
					failed[r.Vector.Level]++
				}
			}
			for _, l := range c.levels {
				assert.Positive(t, failed[l], "no vector of level %s noticed", l)
			}
		})
	}
}

func TestRun(t *testing.T) {
	ctx := context.Background()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"-library", "-level", "dates,workdays", "-v"}, &out, &errb)
	assert.Equal(t, 0, code, errb.String())
	assert.Contains(t, out.String(), "dates           10 passed,   0 failed")
	assert.Contains(t, out.String(), "ok   dates/month-end-clamp-31-january")
	assert.Contains(t, out.String(), "optional: 5 passed, 0 failed")

	out.Reset()
	assert.Equal(t, 0, run(ctx, []string{"-list"}, &out, &errb))
	assert.Contains(t, out.String(), "workdays/grundlovsdag-closed (optional)")

	for _, args := range [][]string{{}, {"-url", "ftp://x"}, {"-url", "http://x", "-library"}, {"-library", "-level", "nope"}, {"-library", "-run", "("}, {"-library", "-run", "^nothing$"}, {"extra"}} {
		errb.Reset()
		assert.Equal(t, 2, run(ctx, args, &out, &errb), "%v", args)
		assert.NotEmpty(t, errb.String(), "%v", args)
	}
}

// TestRunReportsFailures runs the command against a service that answers
// every request wrongly: required failures give exit status 1 and show the
// derivation.
func TestRunReportsFailures(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"items": [], "findings": [], "days": [], "rows": []}`))
	}))
	defer srv.Close()
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-url", srv.URL, "-level", "dates"}, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Contains(t, out.String(), "FAIL dates/month-end-clamp-31-january")
	assert.Contains(t, out.String(), "derivation: +4 weeks: 31 Jan + 28 days = 28 Feb 2024")

	// Optional vectors that fail do not fail the run.
	out.Reset()
	code = run(context.Background(), []string{"-url", srv.URL, "-run", "^workdays/24-december-closed$"}, &out, &errb)
	assert.Equal(t, 0, code, out.String())
	assert.Contains(t, out.String(), "fail (optional) workdays/24-december-closed")
}

// TestAgainstTheService builds the service, starts it on a free port, runs
// the whole suite against it over HTTP as a vendor would, and stops it.
func TestAgainstTheService(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts examples/service")
	}
	bin := filepath.Join(t.TempDir(), "service")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build the service")
	}
	build := exec.Command(gobin, "build", "-o", bin, "../service")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ../service: %v\n%s", err, b)
	}
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`listening on (http://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var url string
	select {
	case url = <-addr:
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not start")
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-url", url}, &out, &errb)
	assert.Equal(t, 0, code, "%s%s", out.String(), errb.String())
	assert.Contains(t, out.String(), "0 failed")
	t.Log(out.String())
}
