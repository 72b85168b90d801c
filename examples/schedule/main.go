// Command schedule is a case worker's view of the Herning model: per
// worker, what is overdue and what is due in the coming weeks, why each
// item is due, the findings on caseloads, follow-ups and SMART goals, and
// the key figures for the year.
//
// With no flags it runs on an embedded sample municipality (sample.json)
// whose "today" is fixed in the file, so its output is reproducible:
//
//	go run ./examples/schedule
//	go run ./examples/schedule -lang en -worker w2 -weeks 8
//	go run ./examples/schedule -format json > plan.json
//	go run ./examples/schedule -format ics > opfoelgninger.ics
//	go run ./examples/schedule -cases mine.json -asof 2026-12-01
//
// Exit status: 0 on success, 2 for bad flags or bad input (a message on
// standard error names the file, the field, the bad value and the measure;
// nothing is written to standard output), 1 when the output cannot be
// written. See README.md beside this file for the JSON contract.
package main

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"io"
	"os"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/ladder"
)

//go:embed sample.json
var sample []byte

// sampleName is how the embedded sample is named in messages.
const sampleName = "sample.json (embedded)"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitInput = 2
)

// run is the whole command; main only wires it to the process. Nothing is
// written to stdout unless the command succeeds.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	fs.SetOutput(stderr)
	casesFile := fs.String("cases", "", "JSON `file` with workers and cases (default: the embedded sample municipality)")
	asofFlag := fs.String("asof", "", "the as-of `date` (YYYY-MM-DD) that decides done/overdue/upcoming (default: the file's \"asOf\", else today)")
	weeks := fs.Int("weeks", 0, fmt.Sprintf("look-ahead in weeks, 1 to %d (default: the file's \"weeks\", else %d)", report.MaxWeeks, report.DefaultWeeks))
	worker := fs.String("worker", "", "show only this worker's cases (worker `id`)")
	format := fs.String("format", "text", "output format: text, json or ics")
	lang := fs.String("lang", "da", "language of the text: da or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: schedule [flags]\n\nFollow-ups due per case worker under the Herning model.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitInput
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "schedule: "+format+"\n", a...)
		return exitInput
	}
	if fs.NArg() > 0 {
		return usage("unexpected argument %q (flags come before arguments; see -h)", fs.Arg(0))
	}
	switch *format {
	case "text", "json", "ics":
	default:
		return usage("-format %q: want text, json or ics", *format)
	}
	if _, err := msg.ParseLang(*lang); err != nil {
		return usage("-lang %q: want da or en (%v)", *lang, err)
	}
	if flagSet(fs, "weeks") && (*weeks < 1 || *weeks > report.MaxWeeks) {
		return usage("-weeks %d: want 1 to %d", *weeks, report.MaxWeeks)
	}
	var asOf date.Date
	if *asofFlag != "" {
		d, err := ladder.ParseDate(*asofFlag)
		if err != nil {
			return usage("-asof %q: %s", *asofFlag, input.DateReason(err))
		}
		asOf = d
	}

	name, src := sampleName, io.Reader(bytes.NewReader(sample))
	if *casesFile != "" {
		f, err := os.Open(*casesFile)
		if err != nil {
			return usage("-cases: %v", err)
		}
		defer f.Close()
		name, src = *casesFile, f
	}
	data, err := input.Decode(name, src, input.Options{})
	if err != nil {
		return inputErrors(stderr, err)
	}
	if asOf == 0 {
		asOf = data.AsOf
	}
	if !flagSet(fs, "weeks") {
		*weeks = cmp.Or(data.Weeks, report.DefaultWeeks)
	}
	if asOf == 0 {
		asOf = date.NewAt(time.Now())
	}

	rep, err := report.Build(data, report.Options{AsOf: asOf, Weeks: *weeks, Worker: *worker, Lang: *lang})
	if err != nil {
		return inputErrors(stderr, err)
	}

	var buf bytes.Buffer
	switch *format {
	case "text":
		writeText(&buf, data, rep, *lang)
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "schedule: encoding JSON: %v\n", err)
			return exitFail
		}
	case "ics":
		if err := writeICS(&buf, rep.AsOf, rep.Due(), *lang); err != nil {
			fmt.Fprintf(stderr, "schedule: encoding the calendar: %v\n", err)
			return exitFail
		}
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "schedule: writing output: %v\n", err)
		return exitFail
	}
	return exitOK
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// inputErrors prints every input problem on its own line and returns the
// exit status for bad input; an error that is not about the input is a bug
// and exits 1.
func inputErrors(stderr io.Writer, err error) int {
	l := input.AsErrors(err)
	if l == nil {
		fmt.Fprintf(stderr, "schedule: %v\n", err)
		return exitFail
	}
	for _, e := range l {
		fmt.Fprintf(stderr, "schedule: %v\n", e)
	}
	if len(l) >= input.MaxErrors {
		fmt.Fprintf(stderr, "schedule: stopped after %d problems\n", input.MaxErrors)
	}
	return exitInput
}
