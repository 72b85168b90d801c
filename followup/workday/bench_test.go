package workday_test

import (
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/followup/workday"
)

// benchDates are 4096 consecutive days from 1 Jan 2024, holidays and
// weekends included, like the due dates of a large case load.
func benchDates(start date.Date) []date.Date {
	ds := make([]date.Date, 4096)
	for i := range ds {
		ds[i] = start + date.Date(i)
	}
	return ds
}

func BenchmarkOnOrBefore(b *testing.B) {
	c := workday.Danish()
	ds := benchDates(d(2024, 1, 1))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.OnOrBefore(ds[i&4095])
		i++
	}
}

func BenchmarkOnOrBeforeOutsideWindow(b *testing.B) {
	c := workday.Danish()
	ds := benchDates(d(2500, 1, 1))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.OnOrBefore(ds[i&4095])
		i++
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	c := workday.Danish()
	ds := benchDates(d(2024, 1, 1))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.IsWorkingDay(ds[i&4095])
		i++
	}
}

func BenchmarkWorkingDaysBetweenYear(b *testing.B) {
	c := workday.Danish()
	b.ReportAllocs()
	for b.Loop() {
		c.WorkingDaysBetween(d(2024, 1, 1), d(2024, 12, 31))
	}
}

func BenchmarkDanishBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workday.New(workday.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
