// Command conformance runs trappe's conformance vectors (v1/ beside this
// file) against an implementation of the service's HTTP contract, in any
// language, and prints per level how many passed and, for each failure,
// what differed and how the expected value was worked out from the
// sources. See README.md beside this file.
//
//	go run ./examples/conformance -url http://127.0.0.1:8080
//	go run ./examples/conformance -library          # the Go library itself, no HTTP
//	go run ./examples/conformance -url URL -level dates,workdays -v
//
// The exit status is 0 when every required vector passed, 1 when one
// failed (a failed optional vector is reported, not counted) and 2 for a
// usage error.
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"regexp"
	"strings"

	"github.com/trappe-dk/trappe/examples/conformance/suite"
)

//go:embed v1/*.json
var vectors embed.FS

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("conformance", flag.ContinueOnError)
	fl.SetOutput(stderr)
	url := fl.String("url", "", "the service's base `URL`, e.g. http://127.0.0.1:8080")
	lib := fl.Bool("library", false, "run against the Go library in this binary instead of a service")
	dir := fl.String("dir", "", "read the vectors from this `directory` (manifest.json and the level files) instead of the built-in v1")
	levels := fl.String("level", "", "run only these `levels`, comma-separated (see -list)")
	runRE := fl.String("run", "", "run only the vectors whose id matches this `regexp`")
	skipOpt := fl.Bool("skip-optional", false, "leave the optional vectors out")
	verbose := fl.Bool("v", false, "list the vectors that passed too")
	list := fl.Bool("list", false, "list the levels and their vectors, and run nothing")
	if err := fl.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "conformance: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	var fsys fs.FS
	if *dir != "" {
		fsys = os.DirFS(*dir)
	} else {
		sub, err := fs.Sub(vectors, "v1")
		if err != nil {
			fmt.Fprintf(stderr, "conformance: %v\n", err)
			return 2
		}
		fsys = sub
	}
	s, err := suite.Load(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "conformance: loading the vectors: %v\n", err)
		return 2
	}
	if *list {
		listSuite(stdout, s)
		return 0
	}
	var target suite.Target
	switch {
	case *url != "" && *lib:
		fmt.Fprintln(stderr, "conformance: give -url or -library, not both")
		return 2
	case *url != "":
		if !strings.HasPrefix(*url, "http://") && !strings.HasPrefix(*url, "https://") {
			fmt.Fprintf(stderr, "conformance: -url %q: want http:// or https://\n", *url)
			return 2
		}
		target = suite.HTTP{Base: *url}
	case *lib:
		target = suite.Library{}
	default:
		fmt.Fprintln(stderr, "conformance: give -url URL (a running service) or -library")
		fl.Usage()
		return 2
	}
	f := suite.Filter{SkipOptional: *skipOpt}
	if *levels != "" {
		known := s.Levels()
		for _, l := range strings.Split(*levels, ",") {
			l = strings.TrimSpace(l)
			if !contains(known, l) {
				fmt.Fprintf(stderr, "conformance: unknown level %q (want one of %s)\n", l, strings.Join(known, ", "))
				return 2
			}
			f.Levels = append(f.Levels, l)
		}
	}
	if *runRE != "" {
		re, err := regexp.Compile(*runRE)
		if err != nil {
			fmt.Fprintf(stderr, "conformance: -run: %v\n", err)
			return 2
		}
		f.Run = re
	}
	results := s.Run(ctx, target, f)
	if len(results) == 0 {
		fmt.Fprintln(stderr, "conformance: no vector matches")
		return 2
	}
	s.Report(stdout, results, *verbose)
	if suite.RequiredFailures(results) > 0 {
		return 1
	}
	return 0
}

func listSuite(w io.Writer, s *suite.Suite) {
	for _, l := range s.Manifest.Levels {
		fmt.Fprintf(w, "%s — %s\n", l.ID, l.Title)
		for _, v := range s.Vectors {
			if v.Level != l.ID {
				continue
			}
			opt := ""
			if v.Optional {
				opt = " (optional)"
			}
			fmt.Fprintf(w, "  %s%s: %s\n", v.ID, opt, v.Description)
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
