// Package suite loads trappe's conformance vectors (examples/conformance/v1)
// and runs them against an implementation of the service's contract: over
// HTTP (any language), or against the Go library through the code the
// service uses (Library).
//
// A vector is a request (endpoint, query, body) and the fields of the
// answer it asserts, with the source the expected values come from and the
// arithmetic worked by hand. The format is described in
// examples/conformance/README.md.
package suite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// Manifest lists the suite's levels.
type Manifest struct {
	Suite       string  `json:"suite"`
	Version     string  `json:"version"`
	Description string  `json:"description"`
	Levels      []Level `json:"levels"`
}

// Level is one group of vectors, kept in its own file.
type Level struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	File        string   `json:"file"`
	Sources     []string `json:"sources"`
}

// levelFile is the content of a level's file.
type levelFile struct {
	Level       string   `json:"level"`
	Description string   `json:"description"`
	Vectors     []Vector `json:"vectors"`
}

// Vector is one test case.
type Vector struct {
	ID          string `json:"id"`
	Level       string `json:"level"`
	Description string `json:"description"`
	// Source is the publication and page, or the paragraph, the expected
	// values come from.
	Source string `json:"source"`
	// Optional vectors check behaviour a conforming implementation need
	// not have (a setting, or trappe's own choice where the sources are
	// silent); a failure is reported but does not fail the run.
	Optional   bool     `json:"optional,omitempty"`
	Input      Input    `json:"input"`
	Expected   Expected `json:"expected"`
	Derivation string   `json:"derivation"`
}

// Input is the request.
type Input struct {
	// Method is GET or POST; empty means POST.
	Method string `json:"method,omitempty"`
	// Path is the endpoint, e.g. "/v1/schedule".
	Path string `json:"path"`
	// Query holds the query parameters, e.g. {"asof": "2024-03-01"}.
	Query map[string]string `json:"query,omitempty"`
	// Body is the JSON body of a POST.
	Body json.RawMessage `json:"body,omitempty"`
}

// Expected is what the answer must hold. Only the fields given are
// asserted.
type Expected struct {
	// Status is the HTTP status; 0 means 200.
	Status int `json:"status,omitempty"`
	// Items must each be found in the answer's "items": the keys case,
	// measure, due and kind (those given) select the item, every other
	// field given must equal the item's (a list as a set, an object by
	// the fields given, null as absent or null).
	Items []map[string]any `json:"items,omitempty"`
	// Complete: the answer's items are exactly those listed (none more).
	Complete bool `json:"complete,omitempty"`
	// Absent lists patterns no item of the answer may match.
	Absent []map[string]any `json:"absent,omitempty"`
	// Findings must each match a finding of the answer's "findings" (every
	// field given equal).
	Findings []map[string]any `json:"findings,omitempty"`
	// NoFindings lists patterns no finding of the answer may match.
	NoFindings []map[string]any `json:"noFindings,omitempty"`
	// Values are single values found by a path into the answer.
	Values []ValueCheck `json:"values,omitempty"`
}

// ValueCheck asserts one value of the answer, found by Path: names joined
// by ".", "[n]" for the n-th element of a list and "[key=value]" for the
// element of a list whose field key equals value, e.g.
// "figures.steps.counts[step=institution].children".
type ValueCheck struct {
	Path   string `json:"path"`
	Equals any    `json:"equals"`
	// Tolerance is the largest difference allowed for a number (0: equal
	// up to 1e-9). Equals null means the value is absent or null.
	Tolerance float64 `json:"tolerance,omitempty"`
}

// Suite is a loaded suite: the manifest and every vector, in manifest
// order.
type Suite struct {
	Manifest Manifest
	Vectors  []Vector
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+([-.][a-z0-9]+)*$`)

// Load reads manifest.json and every level's file from fsys, strictly (an
// unknown field is an error), and checks each vector: a unique id of the
// form "level/name", its level, a description, a source, a derivation, an
// endpoint and something to assert.
func Load(fsys fs.FS) (*Suite, error) {
	var s Suite
	if err := readStrict(fsys, "manifest.json", &s.Manifest); err != nil {
		return nil, err
	}
	var errs []error
	seen := map[string]bool{}
	levels := map[string]bool{}
	for _, lv := range s.Manifest.Levels {
		if levels[lv.ID] {
			errs = append(errs, fmt.Errorf("manifest.json: level %q listed twice", lv.ID))
		}
		levels[lv.ID] = true
		var lf levelFile
		if err := readStrict(fsys, lv.File, &lf); err != nil {
			errs = append(errs, err)
			continue
		}
		if lf.Level != lv.ID {
			errs = append(errs, fmt.Errorf("%s: level %q, but the manifest lists the file for %q", lv.File, lf.Level, lv.ID))
		}
		for i, v := range lf.Vectors {
			where := fmt.Sprintf("%s: vectors[%d] %q", lv.File, i, v.ID)
			bad := func(format string, args ...any) {
				errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
			}
			switch {
			case !idPattern.MatchString(v.ID):
				bad("id must look like \"level/name\" in lower case")
			case !strings.HasPrefix(v.ID, lv.ID+"/"):
				bad("id must start with the level %q", lv.ID+"/")
			case seen[v.ID]:
				bad("duplicate id")
			}
			seen[v.ID] = true
			if v.Level != lv.ID {
				bad("level %q in the file of level %q", v.Level, lv.ID)
			}
			if strings.TrimSpace(v.Description) == "" || strings.TrimSpace(v.Source) == "" || strings.TrimSpace(v.Derivation) == "" {
				bad("description, source and derivation are required")
			}
			if !strings.HasPrefix(v.Input.Path, "/v1/") {
				bad("input.path %q must be an endpoint under /v1/", v.Input.Path)
			}
			if m := v.Input.Method; m != "" && m != "GET" && m != "POST" {
				bad("input.method %q: want GET or POST", m)
			}
			e := v.Expected
			if len(e.Items)+len(e.Absent)+len(e.Findings)+len(e.NoFindings)+len(e.Values) == 0 && e.Status == 0 {
				bad("expected asserts nothing")
			}
			for _, vc := range e.Values {
				if _, err := parsePath(vc.Path); err != nil {
					bad("%v", err)
				}
			}
			s.Vectors = append(s.Vectors, v)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &s, nil
}

func readStrict(fsys fs.FS, name string, v any) error {
	raw, err := fs.ReadFile(fsys, path.Clean(name))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Levels returns the level ids in manifest order.
func (s *Suite) Levels() []string {
	out := make([]string, len(s.Manifest.Levels))
	for i, l := range s.Manifest.Levels {
		out[i] = l.ID
	}
	return out
}
