package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/trappe-dk/trappe/examples/conformance/suite"
)

// TestConformance runs the conformance suite (examples/conformance/v1)
// against the service in-process, over HTTP.
func TestConformance(t *testing.T) {
	s, err := suite.Load(os.DirFS("../conformance/v1"))
	if err != nil {
		t.Fatal(err)
	}
	srv := testServer(t)
	for _, r := range s.Run(context.Background(), suite.HTTP{Base: srv.URL, Client: srv.Client()}, suite.Filter{}) {
		t.Run(r.Vector.ID, func(t *testing.T) {
			if !r.Passed() {
				t.Errorf("%s\n%s\nderivation: %s", r.Vector.Description, strings.Join(r.Problems, "\n"), r.Vector.Derivation)
			}
		})
	}
}
