package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/ladder"
)

// generated returns an input document of n cases held by n/20 workers (20
// cases each, Herning's soft limit) in teams of 10: each case has a
// measure that started 30 to 729 days before the as-of date 2026-11-16,
// with its first follow-up held two weeks in, and every third case a
// second measure. Deterministic, so runs compare.
func generated(n int) []byte {
	type held struct {
		Date              string `json:"date"`
		ChildConversation bool   `json:"childConversation"`
		Mode              string `json:"mode"`
	}
	type measure struct {
		ID           string `json:"id"`
		Intervention string `json:"intervention"`
		Start        string `json:"start"`
		Followups    []held `json:"followups"`
	}
	type child struct {
		BirthDate string `json:"birthDate"`
	}
	type kase struct {
		ID       string    `json:"id"`
		Worker   string    `json:"worker"`
		Child    child     `json:"child"`
		Measures []measure `json:"measures"`
	}
	type worker struct {
		ID   string  `json:"id"`
		Name string  `json:"name"`
		Team string  `json:"team"`
		FTE  float64 `json:"fte"`
	}
	type doc struct {
		AsOf    string   `json:"asOf"`
		Workers []worker `json:"workers"`
		Cases   []kase   `json:"cases"`
	}
	codes := []string{"plejefamilie", "doegninstitution", "familiebehandling", "mst", "kontaktperson",
		"aflastning", "netvaerkspleje", "opholdssted", "privat-kontaktperson", "fft"}
	asOf := ladder.MustParseDate("2026-11-16")
	d := doc{AsOf: asOf.String()}
	for w := range (n + 19) / 20 {
		d.Workers = append(d.Workers, worker{ID: fmt.Sprintf("w%d", w), Name: fmt.Sprintf("Rådgiver %d", w), Team: fmt.Sprintf("team%d", w/10), FTE: 1})
	}
	for i := range n {
		c := kase{ID: fmt.Sprintf("c%06d", i), Worker: fmt.Sprintf("w%d", i/20),
			Child: child{BirthDate: fmt.Sprintf("%d-%02d-%02d", 2009+i%10, 1+i%12, 1+i%28)}}
		measures := 1
		if i%3 == 0 {
			measures = 2
		}
		for j := range measures {
			start := asOf - date.Date(30+(i*37+j*211)%700)
			c.Measures = append(c.Measures, measure{ID: fmt.Sprintf("m%d", j), Intervention: codes[(i+3*j)%len(codes)], Start: start.String(),
				Followups: []held{{Date: (start + 14).String(), ChildConversation: true, Mode: "in-person"}}})
		}
		d.Cases = append(d.Cases, c)
	}
	b, err := json.Marshal(d)
	if err != nil {
		panic(err)
	}
	return b
}

// benchmarkReport runs the command on n generated cases with the text
// output (the default), as a case worker's team would.
func benchmarkReport(b *testing.B, n int) {
	file := filepath.Join(b.TempDir(), "cases.json")
	doc := generated(n)
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if code := run([]string{"-cases", file}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}

func BenchmarkReport10k(b *testing.B)  { benchmarkReport(b, 10_000) }
func BenchmarkReport100k(b *testing.B) { benchmarkReport(b, 100_000) }
