package followup_test

// Tests of Herning's ten municipal rules layered on the statutory floor.
//
// Every expected date below is worked out by hand from domain.md §2 and the
// scheduler's documented design, never copied from the program's output.
// Weekdays and holidays were checked with `date -d … +%A` against this
// hand-kept list of Danish public holidays:
//
//	2022: 1/1, 14–15/4, 17–18/4 (Easter 17/4), 13/5 Store Bededag, 26/5, 5–6/6, 25–26/12
//	2023: 1/1, 6–7/4, 9–10/4 (Easter 9/4), 5/5 Store Bededag, 18/5, 28–29/5, 5/6, 25–26/12
//	2024: 1/1, 28–29/3, 31/3–1/4 (Easter 31/3), 9/5, 19–20/5, 5/6, 25–26/12 (no Store Bededag)
//	2025: 1/1, 17–18/4, 20–21/4 (Easter 20/4), 29/5, 5/6, 8–9/6, 25–26/12
//	2026: 1/1, 2–3/4, 5–6/4 (Easter 5/4), 14/5, 24–25/5, 5/6, 25–26/12
//
// Month arithmetic clamps (31 Jan + 1M = 28/29 Feb); weeks are 7 days.

import (
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
	"github.com/trappe-dk/trappe/ladder"
)

// ---- helpers (prefixed ht to stay clear of other test files) ----

func htDate(s string) date.Date { return ladder.MustParseDate(s) }

// htMeasure builds a measure from the Default catalogue; end "" is open.
func htMeasure(t testing.TB, id, code, start, end string) ladder.Measure {
	t.Helper()
	var e date.Date
	if end != "" {
		e = htDate(end)
	}
	m, err := ladder.Default().NewMeasure(id, code, htDate(start), e)
	require.NoError(t, err)
	return m
}

// htPlan schedules rec under Herning's regime.
func htPlan(t testing.TB, rec followup.Record, asOf, until string) followup.Plan {
	t.Helper()
	opt := followup.Options{AsOf: htDate(asOf)}
	if until != "" {
		opt.Until = htDate(until)
	}
	p, err := followup.Herning().Schedule(rec, opt)
	require.NoError(t, err)
	return p
}

// htRow is one scheduled item as the tables below write it.
type htRow struct {
	Due, WorkingDay string
	Kind            followup.Kind
	Statutory       bool
	Rules           string // Item.Rules() joined by "+"
}

func htRows(items []followup.Item) []htRow {
	out := make([]htRow, 0, len(items))
	for _, it := range items {
		out = append(out, htRow{it.Due.String(), it.WorkingDay.String(), it.Kind, it.Statutory, strings.Join(it.Rules(), "+")})
	}
	return out
}

const (
	htFU  = followup.FollowUp
	htST  = followup.StatusFollowUp
	htRep = followup.StatusReport
	htEnd = followup.CourseEnd
	htSV  = followup.SupervisionVisit
)

// htRuleID is the id of the rule Herning's set binds code to ("" for none).
func htRuleID(code string) string {
	r, _ := followup.HerningRules().RuleFor(code)
	return r.ID
}

func htHasFinding(p followup.Plan, code string) bool {
	for _, f := range p.Findings() {
		if f.Code == code {
			return true
		}
	}
	return false
}

// ---- 1. every Herning rule over a horizon ----

func TestHerningRulesSchedules(t *testing.T) {
	tests := []struct {
		name                  string
		code                  string
		start, asOf, until    string
		want                  []htRow
		wantNoStatutoryVisits bool
	}{
		{
			// H-INST: +2W, then every 6W from the previous follow-up. SEL until 2023.
			// 31 Jan 2023 (Tue) + 2W = 14 Feb; +6W = 28 Mar, 9 May, 20 Jun, 1 Aug,
			// 12 Sep, 24 Oct, 5 Dec, 16 Jan 2024, 27 Feb (2024 is leap: 16 Jan+42),
			// 9 Apr, 21 May (2 Jul is after the horizon). All Tuesdays, none a holiday.
			// One statutory chain; a placement's every chain item is both the follow-up
			// and the supervision visit, the deadline the earlier of the two:
			//   31 Jan + 3M = 30 Apr 2023 (clamped; the visit's 31 Jul is later) → latest due ≤ it: 28 Mar;
			//   28 Mar + 6M = 28 Sep (SEL § 70 and § 148 alike) → 12 Sep (24 Oct is later);
			//   12 Sep + 6M = 12 Mar 2024, under BL: Herning's decision (6M) and the visit agree
			//   → 27 Feb 2024, citing BL (in force on its due date);
			//   27 Feb + 6M = 27 Aug 2024 lies after the horizon: which follow-up meets it is not known yet.
			name: "H-INST 31 Jan 2023 across SEL→BL", code: "doegninstitution",
			start: "2023-01-31", asOf: "2023-01-31", until: "2024-06-30",
			want: []htRow{
				{"2023-02-14", "2023-02-14", htFU, false, "H-INST"},
				{"2023-03-28", "2023-03-28", htFU, true, "H-INST+SEL-70+SEL-148"},
				{"2023-05-09", "2023-05-09", htFU, false, "H-INST"},
				{"2023-06-20", "2023-06-20", htFU, false, "H-INST"},
				{"2023-08-01", "2023-08-01", htFU, false, "H-INST"},
				{"2023-09-12", "2023-09-12", htFU, true, "H-INST+SEL-70+SEL-148"},
				{"2023-10-24", "2023-10-24", htFU, false, "H-INST"},
				{"2023-12-05", "2023-12-05", htFU, false, "H-INST"},
				{"2024-01-16", "2024-01-16", htFU, false, "H-INST"},
				{"2024-02-27", "2024-02-27", htFU, true, "H-INST+BL-95+BL-156"},
				{"2024-04-09", "2024-04-09", htFU, false, "H-INST"},
				{"2024-05-21", "2024-05-21", htFU, false, "H-INST"},
			},
		},
		{
			// H-INST started Mon 18 Dec 2023: +2W = Mon 1 Jan 2024 (Nytårsdag; 31 Dec Sun,
			// 30 Dec Sat → working day Fri 29 Dec 2023). +6W: 12 Feb, 25 Mar, 6 May, 17 Jun,
			// 29 Jul, 9 Sep (all Mondays, none a holiday; 2. påskedag is 1 Apr, 2. pinsedag 20 May).
			// Chain: 18 Dec 2023 + 3M = 18 Mar 2024, under BL (the law in force on the deadline)
			// → latest ≤ it: 12 Feb (BL-95 and BL-156); 12 Feb + 6M = 12 Aug → 29 Jul;
			// 29 Jul + 6M = 29 Jan 2025 is after the horizon.
			name: "H-INST 18 Dec 2023, 2W lands on Nytårsdag", code: "opholdssted",
			start: "2023-12-18", asOf: "2023-12-18", until: "2024-09-30",
			want: []htRow{
				{"2024-01-01", "2023-12-29", htFU, false, "H-INST"},
				{"2024-02-12", "2024-02-12", htFU, true, "H-INST+BL-95+BL-156"},
				{"2024-03-25", "2024-03-25", htFU, false, "H-INST"},
				{"2024-05-06", "2024-05-06", htFU, false, "H-INST"},
				{"2024-06-17", "2024-06-17", htFU, false, "H-INST"},
				{"2024-07-29", "2024-07-29", htFU, true, "H-INST+BL-95+BL-156"},
				{"2024-09-09", "2024-09-09", htFU, false, "H-INST"},
			},
		},
		{
			// H-PLEJE started on leap day Thu 29 Feb 2024. +2W = 14 Mar; 6W phase:
			// 25 Apr, 6 Jun, 18 Jul, 29 Aug, 10 Oct, 21 Nov, 2 Jan 2025, 13 Feb 2025 (all Thursdays).
			// First year ends 29 Feb 2024 + 12M = 28 Feb 2025 (clamped). Previous 13 Feb 2025 < 28 Feb
			// → still 6W: 27 Mar 2025. Previous 27 Mar ≥ 28 Feb → 3M phase: 27 Jun 2025 (Fri),
			// 27 Sep 2025 (Sat → Fri 26 Sep), 27 Dec 2025 (Sat; 26 Dec 2. juledag, 25 Dec juledag →
			// Wed 24 Dec, which is open by default), 27 Mar 2026 (Fri).
			// Chain (BL-95 with Herning's 6M decision, each item also BL-156):
			// 29 Feb + 3M = 29 May 2024 → 25 Apr; 25 Apr + 6M = 25 Oct → 10 Oct;
			// 10 Oct + 6M = 10 Apr 2025 → 27 Mar 2025; 27 Mar + 6M = 27 Sep 2025 → 27 Sep itself;
			// 27 Sep + 6M = 27 Mar 2026 → 27 Mar 2026 itself; 27 Sep 2026 is out.
			name: "H-PLEJE 29 Feb 2024, 6W→3M, 27 Dec → 24 Dec", code: "plejefamilie",
			start: "2024-02-29", asOf: "2024-02-29", until: "2026-03-31",
			want: []htRow{
				{"2024-03-14", "2024-03-14", htFU, false, "H-PLEJE"},
				{"2024-04-25", "2024-04-25", htFU, true, "H-PLEJE+BL-95+BL-156"},
				{"2024-06-06", "2024-06-06", htFU, false, "H-PLEJE"},
				{"2024-07-18", "2024-07-18", htFU, false, "H-PLEJE"},
				{"2024-08-29", "2024-08-29", htFU, false, "H-PLEJE"},
				{"2024-10-10", "2024-10-10", htFU, true, "H-PLEJE+BL-95+BL-156"},
				{"2024-11-21", "2024-11-21", htFU, false, "H-PLEJE"},
				{"2025-01-02", "2025-01-02", htFU, false, "H-PLEJE"},
				{"2025-02-13", "2025-02-13", htFU, false, "H-PLEJE"},
				{"2025-03-27", "2025-03-27", htFU, true, "H-PLEJE+BL-95+BL-156"},
				{"2025-06-27", "2025-06-27", htFU, false, "H-PLEJE"},
				{"2025-09-27", "2025-09-26", htFU, true, "H-PLEJE+BL-95+BL-156"},
				{"2025-12-27", "2025-12-24", htFU, false, "H-PLEJE"},
				{"2026-03-27", "2026-03-27", htFU, true, "H-PLEJE+BL-95+BL-156"},
			},
		},
		{
			// H-PLEJE started Tue 31 Jan 2023 (SEL): same 6W dates as H-INST above up to
			// 16 Jan 2024. First year ends 31 Jan 2024; previous 16 Jan 2024 < 31 Jan → 6W: 27 Feb 2024
			// (after the first year: the phase goes by the previous follow-up's date). Previous
			// 27 Feb ≥ 31 Jan → 3M: 27 May 2024 (Mon), 27 Aug (Tue), 27 Nov (Wed).
			// Chain as H-INST above: 28 Mar and 12 Sep 2023 (SEL-70+SEL-148); 12 Sep + 6M =
			// 12 Mar 2024 (BL) → 27 Feb 2024; 27 Feb + 6M = 27 Aug 2024 → 27 Aug itself;
			// 27 Aug + 6M = 27 Feb 2025 is after the horizon.
			name: "H-PLEJE 31 Jan 2023, 6W→3M across SEL→BL", code: "netvaerkspleje",
			start: "2023-01-31", asOf: "2023-01-31", until: "2024-11-30",
			want: []htRow{
				{"2023-02-14", "2023-02-14", htFU, false, "H-PLEJE"},
				{"2023-03-28", "2023-03-28", htFU, true, "H-PLEJE+SEL-70+SEL-148"},
				{"2023-05-09", "2023-05-09", htFU, false, "H-PLEJE"},
				{"2023-06-20", "2023-06-20", htFU, false, "H-PLEJE"},
				{"2023-08-01", "2023-08-01", htFU, false, "H-PLEJE"},
				{"2023-09-12", "2023-09-12", htFU, true, "H-PLEJE+SEL-70+SEL-148"},
				{"2023-10-24", "2023-10-24", htFU, false, "H-PLEJE"},
				{"2023-12-05", "2023-12-05", htFU, false, "H-PLEJE"},
				{"2024-01-16", "2024-01-16", htFU, false, "H-PLEJE"},
				{"2024-02-27", "2024-02-27", htFU, true, "H-PLEJE+BL-95+BL-156"},
				{"2024-05-27", "2024-05-27", htFU, false, "H-PLEJE"},
				{"2024-08-27", "2024-08-27", htFU, true, "H-PLEJE+BL-95+BL-156"},
				{"2024-11-27", "2024-11-27", htFU, false, "H-PLEJE"},
			},
		},
		{
			// H-EGET started Thu 1 Feb 2024: +2W = 15 Feb; +6W = 28 Mar (Skærtorsdag → Wed 27 Mar),
			// 9 May (Kristi himmelfart → Wed 8 May), 20 Jun, 1 Aug, 12 Sep.
			// Chain: 1 Feb + 3M = 1 May → 28 Mar; 28 Mar + 6M = 28 Sep → 12 Sep.
			name: "H-EGET 1 Feb 2024, Skærtorsdag and Kristi himmelfart", code: "eget-vaerelse",
			start: "2024-02-01", asOf: "2024-02-01", until: "2024-09-30",
			want: []htRow{
				{"2024-02-15", "2024-02-15", htFU, false, "H-EGET"},
				{"2024-03-28", "2024-03-27", htFU, true, "H-EGET+BL-95+BL-156"},
				{"2024-05-09", "2024-05-08", htFU, false, "H-EGET"},
				{"2024-06-20", "2024-06-20", htFU, false, "H-EGET"},
				{"2024-08-01", "2024-08-01", htFU, false, "H-EGET"},
				{"2024-09-12", "2024-09-12", htFU, true, "H-EGET+BL-95+BL-156"},
			},
		},
		{
			// H-KORT: every 4W from the start (no fixed items). 31 Oct 2023 (Tue) + 4W = 28 Nov;
			// 26 Dec (2. juledag; 25 Dec juledag, 24 Sun, 23 Sat → Fri 22 Dec); 23 Jan 2024; 20 Feb;
			// 19 Mar; 16 Apr; 14 May; 11 Jun.
			// Chain: 31 Oct 2023 + 3M = 31 Jan 2024, after 1 Jan 2024 → BL → 23 Jan (BL-95+BL-156);
			// 23 Jan + 6M = 23 Jul 2024 is after the horizon.
			name: "H-KORT 31 Oct 2023, 2. juledag", code: "korttidsanbringelse",
			start: "2023-10-31", asOf: "2023-10-31", until: "2024-06-15",
			want: []htRow{
				{"2023-11-28", "2023-11-28", htFU, false, "H-KORT"},
				{"2023-12-26", "2023-12-22", htFU, false, "H-KORT"},
				{"2024-01-23", "2024-01-23", htFU, true, "H-KORT+BL-95+BL-156"},
				{"2024-02-20", "2024-02-20", htFU, false, "H-KORT"},
				{"2024-03-19", "2024-03-19", htFU, false, "H-KORT"},
				{"2024-04-16", "2024-04-16", htFU, false, "H-KORT"},
				{"2024-05-14", "2024-05-14", htFU, false, "H-KORT"},
				{"2024-06-11", "2024-06-11", htFU, false, "H-KORT"},
			},
		},
		{
			// H-FOREB: +4W, +3M, +6M status, then every 3M from the previous follow-up (after
			// the fixed items; a fixed meeting is never more than 3M after the previous one).
			// 31 Jan 2024 + 4W = 28 Feb; +3M = 30 Apr (clamped; 28 Feb + 3M = 28 May is later);
			// +6M = 31 Jul, but 30 Apr + 3M = 30 Jul is earlier → status on 30 Jul; then 30 Oct,
			// 30 Jan 2025, 30 Apr 2025, 30 Jul 2025, 30 Oct 2025 (30 Jan 2026 is out). No holidays.
			// Chain (BL-95, Herning's 6M decision): 31 Jan + 3M = 30 Apr → the +3M item itself;
			// 30 Apr + 6M = 30 Oct → itself; 30 Apr 2025 → itself; 30 Oct 2025 → itself.
			// Not a placement: no visits.
			name: "H-FOREB 31 Jan 2024", code: "fft",
			start: "2024-01-31", asOf: "2024-01-31", until: "2025-10-31", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2024-02-28", "2024-02-28", htFU, false, "H-FOREB"},
				{"2024-04-30", "2024-04-30", htFU, true, "H-FOREB+BL-95"},
				{"2024-07-30", "2024-07-30", htST, false, "H-FOREB"},
				{"2024-10-30", "2024-10-30", htFU, true, "H-FOREB+BL-95"},
				{"2025-01-30", "2025-01-30", htFU, false, "H-FOREB"},
				{"2025-04-30", "2025-04-30", htFU, true, "H-FOREB+BL-95"},
				{"2025-07-30", "2025-07-30", htFU, false, "H-FOREB"},
				{"2025-10-30", "2025-10-30", htFU, true, "H-FOREB+BL-95"},
			},
		},
		{
			// H-MST (SEL): 31 Jan 2023 + 4W = 28 Feb; +8W = 28 Mar; +3M = 30 Apr (Sun → Fri 28 Apr);
			// course ends +5M = 30 Jun (Fri). Nothing municipal after.
			// SEL-70: 30 Apr → the 3M item itself. Next 30 Apr + 6M = 30 Oct 2023: no municipal
			// follow-up in the window → a statutory-only follow-up on 30 Oct (Mon), SEL-70 only.
			// Next 30 Oct + 6M = 30 Apr 2024 is under BL: H-MST is bound to a Herning rule, so
			// Herning's decision (6M) gives the same day → a statutory-only BL-95 follow-up on
			// Tue 30 Apr 2024. 30 Oct 2024 is after the horizon.
			name: "H-MST 31 Jan 2023 (SEL)", code: "mst",
			start: "2023-01-31", asOf: "2023-01-31", until: "2024-06-30", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2023-02-28", "2023-02-28", htFU, false, "H-MST"},
				{"2023-03-28", "2023-03-28", htFU, false, "H-MST"},
				{"2023-04-30", "2023-04-28", htFU, true, "H-MST+SEL-70"},
				{"2023-06-30", "2023-06-30", htEnd, false, "H-MST"},
				{"2023-10-30", "2023-10-30", htFU, true, "SEL-70"},
				{"2024-04-30", "2024-04-30", htFU, true, "BL-95"},
			},
		},
		{
			// H-MST (BL): 31 Jan 2024 + 4W = 28 Feb; +8W = 27 Mar (leap February); +3M = 30 Apr (Tue);
			// course end 30 Jun (Sun → Fri 28 Jun). BL-95 on 30 Apr (deadline 30 Apr). Then the
			// chain goes on by Herning's decision: 30 Apr + 6M = Wed 30 Oct 2024, statutory only;
			// 30 Apr 2025 is after the horizon.
			name: "H-MST 31 Jan 2024 (BL)", code: "mst",
			start: "2024-01-31", asOf: "2024-01-31", until: "2025-01-31", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2024-02-28", "2024-02-28", htFU, false, "H-MST"},
				{"2024-03-27", "2024-03-27", htFU, false, "H-MST"},
				{"2024-04-30", "2024-04-30", htFU, true, "H-MST+BL-95"},
				{"2024-06-30", "2024-06-28", htEnd, false, "H-MST"},
				{"2024-10-30", "2024-10-30", htFU, true, "BL-95"},
			},
		},
		{
			// H-KONTAKT (SEL): 31 Jan 2023 + 4W = 28 Feb; +3M = 30 Apr (Sun → Fri 28 Apr); +6M = 31 Jul
			// capped at 30 Apr + 3M = 30 Jul (Sun → Fri 28 Jul); +9M = 31 Oct capped at 30 Oct; then
			// every 3M from the previous: 30 Jan 2024, 30 Apr 2024, 30 Jul 2024, 30 Oct 2024.
			// Chain: 30 Apr 2023 → 30 Apr item (SEL-70); 30 Oct 2023 → 30 Oct item (SEL-70);
			// 30 Apr 2024 (BL, Herning's decision) → 30 Apr 2024 item; 30 Oct 2024 → 30 Oct 2024 item.
			name: "H-KONTAKT 31 Jan 2023 (SEL)", code: "kontaktperson",
			start: "2023-01-31", asOf: "2023-01-31", until: "2024-10-31", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2023-02-28", "2023-02-28", htFU, false, "H-KONTAKT"},
				{"2023-04-30", "2023-04-28", htFU, true, "H-KONTAKT+SEL-70"},
				{"2023-07-30", "2023-07-28", htFU, false, "H-KONTAKT"},
				{"2023-10-30", "2023-10-30", htFU, true, "H-KONTAKT+SEL-70"},
				{"2024-01-30", "2024-01-30", htFU, false, "H-KONTAKT"},
				{"2024-04-30", "2024-04-30", htFU, true, "H-KONTAKT+BL-95"},
				{"2024-07-30", "2024-07-30", htFU, false, "H-KONTAKT"},
				{"2024-10-30", "2024-10-30", htFU, true, "H-KONTAKT+BL-95"},
			},
		},
		{
			// H-FAMCENTER (BL): 29 Feb 2024 + 4W = 28 Mar (Skærtorsdag → Wed 27 Mar); +3M = 29 May;
			// +6M = 29 Aug; +8M status report 29 Oct (Tue). No recurring items.
			// Chain: 29 May → the 3M item; 29 May + 6M = 29 Nov → latest meeting ≤ it: 29 Aug (the
			// report is no meeting); 29 Aug + 6M = 28 Feb 2025 (clamped; Fri), the horizon's last
			// day: a statutory-only BL-95 follow-up.
			name: "H-FAMCENTER 29 Feb 2024 (BL)", code: "familiebehandling",
			start: "2024-02-29", asOf: "2024-02-29", until: "2025-02-28", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2024-03-28", "2024-03-27", htFU, false, "H-FAMCENTER"},
				{"2024-05-29", "2024-05-29", htFU, true, "H-FAMCENTER+BL-95"},
				{"2024-08-29", "2024-08-29", htFU, true, "H-FAMCENTER+BL-95"},
				{"2024-10-29", "2024-10-29", htRep, false, "H-FAMCENTER"},
				{"2025-02-28", "2025-02-28", htFU, true, "BL-95"},
			},
		},
		{
			// H-FAMCENTER (SEL): 31 Jan 2023: 28 Feb; 30 Apr (Sun → 28 Apr); 31 Jul; report 30 Sep (Sat → 29 Sep).
			// SEL-70: 30 Apr → 3M item; next 30 Oct 2023 → latest *meeting* ≤ it is 31 Jul (the report is
			// not a meeting); next 31 Jul + 6M = 31 Jan 2024, under BL: Herning's decision gives the same
			// day → a statutory-only BL-95 follow-up on Wed 31 Jan 2024, the horizon's last day.
			name: "H-FAMCENTER 31 Jan 2023 (SEL)", code: "familiebehandling",
			start: "2023-01-31", asOf: "2023-01-31", until: "2024-01-31", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2023-02-28", "2023-02-28", htFU, false, "H-FAMCENTER"},
				{"2023-04-30", "2023-04-28", htFU, true, "H-FAMCENTER+SEL-70"},
				{"2023-07-31", "2023-07-31", htFU, true, "H-FAMCENTER+SEL-70"},
				{"2023-09-30", "2023-09-29", htRep, false, "H-FAMCENTER"},
				{"2024-01-31", "2024-01-31", htFU, true, "BL-95"},
			},
		},
		{
			// H-PRIVKONTAKT (BL): 31 Oct 2024 + 4W = 28 Nov; +3M = 31 Jan 2025; +6M = 30 Apr 2025 (clamped;
			// 31 Jan + 3M = 30 Apr too); then 3M from the previous: 30 Jul 2025, 30 Oct 2025, 30 Jan 2026,
			// 30 Apr 2026.
			// Chain: 31 Jan 2025 → the 31 Jan item; 31 Jan + 6M = 31 Jul 2025 → 30 Jul;
			// 30 Jul + 6M = 30 Jan 2026 → itself; 30 Jul 2026 is after the horizon.
			name: "H-PRIVKONTAKT 31 Oct 2024 (BL)", code: "privat-kontaktperson",
			start: "2024-10-31", asOf: "2024-10-31", until: "2026-04-30", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2024-11-28", "2024-11-28", htFU, false, "H-PRIVKONTAKT"},
				{"2025-01-31", "2025-01-31", htFU, true, "H-PRIVKONTAKT+BL-95"},
				{"2025-04-30", "2025-04-30", htFU, false, "H-PRIVKONTAKT"},
				{"2025-07-30", "2025-07-30", htFU, true, "H-PRIVKONTAKT+BL-95"},
				{"2025-10-30", "2025-10-30", htFU, false, "H-PRIVKONTAKT"},
				{"2026-01-30", "2026-01-30", htFU, true, "H-PRIVKONTAKT+BL-95"},
				{"2026-04-30", "2026-04-30", htFU, false, "H-PRIVKONTAKT"},
			},
		},
		{
			// H-EFTERSKOLE (BL): 9 Dec 2024 (Mon) + 4W = 6 Jan 2025; +3M = 9 Mar (Sun → Fri 7 Mar);
			// +6M = 9 Jun 2025 (2. pinsedag; 8 Jun pinsedag, 7 Sat, 6 Fri is open although
			// Grundlovsdag 5 Jun is closed → Fri 6 Jun); then 9 Sep, 9 Dec, 9 Mar 2026 (Mon).
			// Chain: 9 Mar 2025 → the 3M item; 9 Sep 2025 → itself; 9 Mar 2026 → itself.
			name: "H-EFTERSKOLE 9 Dec 2024, 2. pinsedag", code: "efterskole",
			start: "2024-12-09", asOf: "2024-12-09", until: "2026-03-09", wantNoStatutoryVisits: true,
			want: []htRow{
				{"2025-01-06", "2025-01-06", htFU, false, "H-EFTERSKOLE"},
				{"2025-03-09", "2025-03-07", htFU, true, "H-EFTERSKOLE+BL-95"},
				{"2025-06-09", "2025-06-06", htFU, false, "H-EFTERSKOLE"},
				{"2025-09-09", "2025-09-09", htFU, true, "H-EFTERSKOLE+BL-95"},
				{"2025-12-09", "2025-12-09", htFU, false, "H-EFTERSKOLE"},
				{"2026-03-09", "2026-03-09", htFU, true, "H-EFTERSKOLE+BL-95"},
			},
		},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-"+tc.code, tc.code, tc.start, "")
			seen[htRuleID(tc.code)] = true
			p := htPlan(t, followup.Record{Case: "c1", Measure: m}, tc.asOf, tc.until)
			assert.Equal(t, tc.want, htRows(p.Items()))
			for _, it := range p.Items() {
				if it.Statutory {
					assert.Equal(t, followup.Required, it.ChildConversation, "statutory item %s", it.Due)
					assert.Equal(t, followup.ModesOf(followup.InPerson), it.Modes, "statutory item %s", it.Due)
				}
				assert.Equal(t, "c1", it.Case)
				assert.Equal(t, m.ID(), it.Measure)
				if tc.wantNoStatutoryVisits {
					assert.NotEqual(t, followup.SupervisionVisit, it.Kind)
					for _, r := range it.Rules() {
						assert.NotContains(t, []string{"SEL-148", "BL-156"}, r)
					}
				}
			}
			// Herning's table decides the cadence: no "no decision" finding for a ruled measure.
			assert.False(t, htHasFinding(p, "followup.bl.no-decision"))
		})
	}
	t.Run("all ten rules covered", func(t *testing.T) {
		for _, id := range []string{"H-INST", "H-PLEJE", "H-EGET", "H-KORT", "H-FOREB", "H-MST", "H-KONTAKT", "H-FAMCENTER", "H-PRIVKONTAKT", "H-EFTERSKOLE"} {
			assert.True(t, seen[id], id)
			_, ok := followup.HerningRules().Rule(id)
			assert.True(t, ok, id)
		}
		assert.Len(t, followup.HerningRules().Rules(), 10)
	})
}

// ---- content of single items: participants, place, decisions ----

func TestHerningItemContent(t *testing.T) {
	youth := []string{"ung", "kontaktperson", "rådgiver"}
	centre := []string{"ung", "forældre (inviteres)", "centret", "rådgiver"}
	ng, tp, tf := followup.NewGoals, followup.TreatmentPlan, followup.TimeFrame

	t.Run("H-KONTAKT alternates youth and centre after +9M", func(t *testing.T) {
		// Same dates as the H-KONTAKT row above. Domain: +4W youth; +3M centre (status and
		// treatment plan); +6M youth (time frame); +9M centre; "and so on at the same intervals":
		// the fixed +6M and +9M are capped at 3 months after the previous one (30 Jul, 30 Oct
		// 2023); then youth (30 Jan 2024), centre (30 Apr 2024), youth (30 Jul), centre (30 Oct).
		m := htMeasure(t, "m-k", "kontaktperson", "2023-01-31", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2023-01-31", "2024-10-31")
		want := []struct {
			due          string
			participants []string
			place        string
			decides      []followup.Decision
		}{
			{"2023-02-28", youth, "", []followup.Decision{ng}},
			{"2023-04-30", centre, "på centret", []followup.Decision{ng, tp}},
			{"2023-07-30", youth, "", []followup.Decision{ng, tf}},
			{"2023-10-30", centre, "på centret", []followup.Decision{ng, tp}},
			{"2024-01-30", youth, "", []followup.Decision{ng, tf}},
			{"2024-04-30", centre, "på centret", []followup.Decision{ng, tp}},
			{"2024-07-30", youth, "", []followup.Decision{ng, tf}},
			{"2024-10-30", centre, "på centret", []followup.Decision{ng, tp}},
		}
		items := p.Items()
		require.Len(t, items, len(want))
		for i, w := range want {
			it := items[i]
			assert.Equal(t, w.due, it.Due.String())
			assert.Equal(t, w.participants, it.Participants(), w.due)
			assert.Equal(t, w.place, it.Place(), w.due)
			assert.Equal(t, w.decides, it.Decides(), w.due)
		}
	})

	t.Run("H-FAMCENTER report is a document", func(t *testing.T) {
		m := htMeasure(t, "m-f", "familiebehandling", "2024-02-29", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-02-29", "2025-02-28")
		items := p.Items()
		// The four items of the rule and the statutory-only follow-up on 28 Feb 2025 (29 Aug +
		// 6M, clamped) by Herning's decision; see TestHerningRulesSchedules.
		require.Len(t, items, 5)
		r := items[3]
		assert.Equal(t, "2024-10-29", r.Due.String()) // 29 Feb + 8M
		assert.Equal(t, followup.StatusReport, r.Kind)
		assert.False(t, r.Kind.IsMeeting())
		assert.False(t, r.Statutory)
		assert.Equal(t, followup.Optional, r.ChildConversation)
		assert.Equal(t, followup.Modes(0), r.Modes)
		// +4W at the centre: family, centre, case worker.
		assert.Equal(t, []string{"familie", "Familiecenteret", "rådgiver"}, items[0].Participants())
		assert.Equal(t, "på Familiecenteret", items[0].Place())
		// +3M family and case worker; it is also the first follow-up under BL, which decides
		// how later follow-up is organised (BL § 95).
		assert.Equal(t, []string{"familie", "rådgiver"}, items[1].Participants())
		assert.Equal(t, []followup.Decision{ng, followup.Cadence}, items[1].Decides())
		// +6M at the centre: support after treatment ends.
		assert.Equal(t, []followup.Decision{ng, followup.AfterSupport}, items[2].Decides())
		// After the rule ran out: a statutory-only follow-up with no municipal content, due
		// by Herning's decision under BL § 95, stk. 3.
		so := items[4]
		assert.Equal(t, []string{"BL-95"}, so.Rules())
		assert.Nil(t, so.Participants())
		assert.Equal(t, []followup.Decision{ng}, so.Decides())
		ex := so.Why()
		require.Len(t, ex.Reasons, 1)
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "No municipal follow-up falls within the law's deadline")
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "the municipality's decision under BL § 95, stk. 3: statutory follow-up at least every 6 months")
		assert.Contains(t, ex.Reasons[0].Text(msg.English), followup.SourceHerningDecision)
	})

	t.Run("H-MST course end and further course", func(t *testing.T) {
		m := htMeasure(t, "m-mst", "mst", "2023-01-31", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2023-01-31", "2024-06-30")
		items := p.Items()
		// Four items of the rule, then the statutory-only follow-ups on 30 Oct 2023 (SEL-70)
		// and 30 Apr 2024 (BL-95 by Herning's decision); see TestHerningRulesSchedules.
		require.Len(t, items, 6)
		assert.Equal(t, "hos MST", items[0].Place())
		assert.Equal(t, []followup.Decision{ng, followup.FurtherCourse}, items[2].Decides()) // +3M, SEL: no cadence decision
		ce := items[3]
		assert.Equal(t, followup.CourseEnd, ce.Kind)
		assert.Equal(t, followup.Optional, ce.ChildConversation)
		assert.Empty(t, ce.Decides())
		// The statutory-only follow-up on 30 Oct 2023 has no municipal content.
		so := items[4]
		assert.Nil(t, so.Participants())
		assert.Equal(t, "", so.Place())
		assert.Equal(t, []followup.Decision{ng}, so.Decides())
		assert.Equal(t, followup.Required, so.ChildConversation)
		ex := so.Why()
		require.Len(t, ex.Reasons, 1)
		assert.Equal(t, "SEL-70", ex.Reasons[0].RuleID)
		assert.Equal(t, followup.Statutory, ex.Reasons[0].Layer)
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "No municipal follow-up falls within the law's deadline")
		assert.Equal(t, []string{"BL-95"}, items[5].Rules())
	})

	t.Run("H-FOREB status follow-up and H-EFTERSKOLE next year", func(t *testing.T) {
		m := htMeasure(t, "m-fo", "aflastning", "2024-01-31", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-01-31", "2024-12-31")
		items := p.Items()
		require.GreaterOrEqual(t, len(items), 3)
		assert.Equal(t, followup.StatusFollowUp, items[2].Kind)
		assert.Equal(t, []followup.Decision{ng, followup.Continuation, followup.TimeFrame}, items[2].Decides())

		m = htMeasure(t, "m-ef", "efterskole", "2024-12-09", "")
		p = htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-12-09", "2025-12-31")
		items = p.Items()
		require.GreaterOrEqual(t, len(items), 3)
		assert.Equal(t, "2025-06-09", items[2].Due.String())
		assert.Equal(t, []followup.Decision{ng, followup.NextYearSupport}, items[2].Decides())
	})

	t.Run("supervision visit is at the placement", func(t *testing.T) {
		// H-EGET-like dates from 1 Feb 2024: 15 Feb, 28 Mar, 9 May, 20 Jun, 1 Aug, 12 Sep. The
		// chain items 28 Mar (1 Feb + 3M = 1 May) and 12 Sep (28 Mar + 6M = 28 Sep) are both the
		// follow-up and the supervision visit, held at the placement; the others are not.
		m := htMeasure(t, "m-i", "doegninstitution", "2024-02-01", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-02-01", "2024-09-30")
		n := 0
		for _, it := range p.Items() {
			switch it.Due {
			case htDate("2024-03-28"), htDate("2024-09-12"):
				n++
				assert.Equal(t, "på anbringelsesstedet", it.Place())
				assert.Equal(t, []string{"H-INST", "BL-95", "BL-156"}, it.Rules())
				ex := it.Why()
				require.Len(t, ex.Reasons, 3)
				assert.Equal(t, "BL-156", ex.Reasons[2].RuleID)
				assert.Contains(t, ex.Reasons[2].Text(msg.English), "The statutory follow-up is also the supervision visit")
			default:
				assert.Equal(t, "", it.Place(), it.Due.String())
				assert.Equal(t, []string{"H-INST"}, it.Rules(), it.Due.String())
			}
		}
		assert.Equal(t, 2, n)
	})

	t.Run("why names rule, set and anchor", func(t *testing.T) {
		m := htMeasure(t, "m-i", "doegninstitution", "2024-01-31", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m}, "2024-01-31", "2024-06-30")
		items := p.Items()
		require.GreaterOrEqual(t, len(items), 2)
		ex := items[0].Why()
		require.Len(t, ex.Reasons, 1)
		r := ex.Reasons[0]
		assert.Equal(t, "H-INST", r.RuleID)
		assert.Equal(t, followup.Municipal, r.Layer)
		assert.Equal(t, followup.SourceKompendium, r.Source)
		assert.Equal(t, htDate("2015-11-26"), r.Effective)
		assert.Contains(t, r.Text(msg.English), "2 weeks after the measure's start 2024-01-31")
		assert.Contains(t, r.Text(msg.Danish), "2 uger efter indsatsens start 2024-01-31")
		// 27 Mar: 6 weeks after 14 Feb, BL-95's first follow-up and the supervision visit (BL-156).
		ex = items[1].Why()
		require.Len(t, ex.Reasons, 3)
		assert.Equal(t, "BL-95", ex.Reasons[1].RuleID)
		assert.Equal(t, "BL-156", ex.Reasons[2].RuleID)
		assert.Equal(t, followup.BarnetsLovEffective, ex.Reasons[1].Effective)
		assert.Contains(t, ex.Reasons[0].Text(msg.English), "6 weeks after the previous follow-up, due on 2024-02-14")
		assert.Contains(t, ex.Text(msg.English), "[BL-95]")
		assert.True(t, strings.HasPrefix(items[1].Line(msg.English), "H-INST+BL-95+BL-156: "))
	})
}

func TestHerningWorkingDayCalendar(t *testing.T) {
	// H-PLEJE from 29 Feb 2024: the 27 Dec 2025 follow-up (Sat). With the default calendar
	// 24 Dec is open → Wed 24 Dec. With juleaftensdag closed → Tue 23 Dec 2025.
	m := htMeasure(t, "m-p", "plejefamilie", "2024-02-29", "")
	rec := followup.Record{Case: "c", Measure: m}
	cal, err := workday.New(workday.Options{ChristmasEveClosed: true})
	require.NoError(t, err)
	for _, tc := range []struct {
		cal  *workday.Calendar
		want string
	}{{nil, "2025-12-24"}, {cal, "2025-12-23"}} {
		p, err := followup.Herning().Schedule(rec, followup.Options{AsOf: htDate("2024-02-29"), Until: htDate("2026-01-31"), Calendar: tc.cal})
		require.NoError(t, err)
		found := false
		for _, it := range p.Items() {
			if it.Due == htDate("2025-12-27") {
				found = true
				assert.Equal(t, tc.want, it.WorkingDay.String())
			}
		}
		assert.True(t, found)
	}

	t.Run("Store Bededag only until 2023", func(t *testing.T) {
		// kostskole (statutory only): SEL-70 at start + 3M.
		// 5 Feb 2023 + 3M = Fri 5 May 2023, Store Bededag → Thu 4 May.
		// 26 Jan 2024 + 3M = Fri 26 Apr 2024, the same feast day but no holiday from 2024 → itself.
		for _, tc := range []struct{ start, due, wd string }{
			{"2023-02-05", "2023-05-05", "2023-05-04"},
			{"2024-01-26", "2024-04-26", "2024-04-26"},
		} {
			m := htMeasure(t, "m-k", "kostskole", tc.start, "")
			p := htPlan(t, followup.Record{Case: "c", Measure: m}, tc.start, tc.due)
			items := p.Items()
			require.Len(t, items, 1, tc.start)
			assert.Equal(t, tc.due, items[0].Due.String())
			assert.Equal(t, tc.wd, items[0].WorkingDay.String())
		}
	})
}

// ---- 3. ended measures ----

func TestHerningEndedMeasures(t *testing.T) {
	tests := []struct {
		name, code, start, end, until string
		want                          []htRow
		wantFindings, noFindings      []string
	}{
		{
			// doegninstitution 31 Jan 2024: 14 Feb, 27 Mar (chain: 31 Jan + 3M = 30 Apr), 8 May, 19 Jun, …
			// End 8 May is inclusive: the 8 May item stays, nothing after. The next chain deadline
			// 27 Mar + 6M = 27 Sep (follow-up by Herning's decision and visit alike) lies after the
			// end: no statutory-only item is added; by the layering rule the latest follow-up due on
			// or before it (8 May) is the one marked, both follow-up and visit.
			name: "end on a due date is inclusive", code: "doegninstitution", start: "2024-01-31", end: "2024-05-08", until: "2025-01-31",
			want: []htRow{
				{"2024-02-14", "2024-02-14", htFU, false, "H-INST"},
				{"2024-03-27", "2024-03-27", htFU, true, "H-INST+BL-95+BL-156"},
				{"2024-05-08", "2024-05-08", htFU, true, "H-INST+BL-95+BL-156"},
			},
		},
		{
			// End one day earlier cuts the 8 May item; the window to 27 Sep holds no follow-up
			// before the end, so 27 Mar is the only chain item.
			name: "end the day before a due date", code: "doegninstitution", start: "2024-01-31", end: "2024-05-07", until: "2025-01-31",
			want: []htRow{
				{"2024-02-14", "2024-02-14", htFU, false, "H-INST"},
				{"2024-03-27", "2024-03-27", htFU, true, "H-INST+BL-95+BL-156"},
			},
		},
		{
			// MST ended on the course end 30 Jun 2023: the course end is included; the SEL-70
			// deadline 30 Oct 2023 is after the end and adds nothing.
			name: "MST ended at course end", code: "mst", start: "2023-01-31", end: "2023-06-30", until: "2024-06-30",
			want: []htRow{
				{"2023-02-28", "2023-02-28", htFU, false, "H-MST"},
				{"2023-03-28", "2023-03-28", htFU, false, "H-MST"},
				{"2023-04-30", "2023-04-28", htFU, true, "H-MST+SEL-70"},
				{"2023-06-30", "2023-06-30", htEnd, false, "H-MST"},
			},
		},
		{
			// kostskole 15 Sep 2023: the first SEL-70 deadline 15 Dec 2023 is after the end 14 Dec:
			// nothing at all is owed.
			name: "statutory deadline after the end adds nothing", code: "kostskole", start: "2023-09-15", end: "2023-12-14", until: "2025-01-01",
			want:         []htRow{},
			wantFindings: []string{"followup.statutory-only"}, noFindings: []string{"followup.bl.no-decision"},
		},
		{
			// End on the deadline 15 Dec 2023 (inclusive): the statutory-only follow-up is owed
			// (and, as the latest meeting before the visit deadline 15 Mar 2024, is the visit).
			// The measure ended before Barnets Lov took effect and owes nothing after its end, so
			// no cadence decision under BL § 95 can be missing.
			name: "ended on its SEL deadline, before BL", code: "kostskole", start: "2023-09-15", end: "2023-12-15", until: "2025-01-01",
			want: []htRow{
				{"2023-12-15", "2023-12-15", htFU, true, "SEL-70+SEL-148"}, // due in 2023: cites Serviceloven, in force that day
			},
			wantFindings: []string{"followup.statutory-only"}, noFindings: []string{"followup.bl.no-decision"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-end", tc.code, tc.start, tc.end)
			p := htPlan(t, followup.Record{Case: "c", Measure: m}, tc.start, tc.until)
			assert.Equal(t, tc.want, htRows(p.Items()))
			for _, it := range p.Items() {
				assert.LessOrEqual(t, it.Due, htDate(tc.end))
			}
			for _, c := range tc.wantFindings {
				assert.True(t, htHasFinding(p, c), c)
			}
			for _, c := range tc.noFindings {
				assert.False(t, htHasFinding(p, c), "unexpected finding %s", c)
			}
		})
	}
}

// ---- 4. held follow-ups ----

func TestHerningHeldFollowUps(t *testing.T) {
	// doegninstitution from Wed 31 Jan 2024 (BL): unheld 14 Feb, 27 Mar, 8 May, 19 Jun, 31 Jul.
	// The chain item in the first window (to 31 Jan + 3M = 30 Apr) is both the follow-up
	// (BL-95) and the supervision visit (BL-156).
	type itemWant struct {
		due, wd string
		heldOn  string // "" not held
		late    int
		status  followup.Status
		rules   string
	}
	type heldWant struct {
		on   string
		kind followup.Kind
	}
	tests := []struct {
		name string
		held []heldWant
		asOf string
		want []itemWant // the first len(want) items
	}{
		{
			// Nothing held, as-of 1 Mar: 14 Feb overdue; 27 Mar upcoming.
			name: "none held", asOf: "2024-03-01",
			want: []itemWant{
				{"2024-02-14", "2024-02-14", "", 0, followup.Overdue, "H-INST"},
				{"2024-03-27", "2024-03-27", "", 0, followup.Upcoming, "H-INST+BL-95+BL-156"},
			},
		},
		{
			// Due on the as-of date is upcoming, not overdue.
			name: "due on as-of is upcoming", asOf: "2024-02-14",
			want: []itemWant{{"2024-02-14", "2024-02-14", "", 0, followup.Upcoming, "H-INST"}},
		},
		{
			// 2W item held 6 days late on Tue 20 Feb → next = 20 Feb + 6W = Tue 2 Apr; then 14 May.
			// BL-95 deadline 30 Apr: latest due ≤ it is 2 Apr.
			name: "late first item moves the chain", held: []heldWant{{"2024-02-20", 0}}, asOf: "2024-03-01",
			want: []itemWant{
				{"2024-02-14", "2024-02-14", "2024-02-20", 6, followup.Done, "H-INST"},
				{"2024-04-02", "2024-04-02", "", 0, followup.Upcoming, "H-INST+BL-95+BL-156"},
				{"2024-05-14", "2024-05-14", "", 0, followup.Upcoming, "H-INST"},
			},
		},
		{
			// Held 4 days early on Sat 10 Feb → next = 10 Feb + 6W = Sat 23 Mar (→ Fri 22 Mar);
			// then 4 May (Sat → Fri 3 May). BL-95: 23 Mar is the latest due ≤ 30 Apr.
			name: "early first item", held: []heldWant{{"2024-02-10", 0}}, asOf: "2024-02-12",
			want: []itemWant{
				{"2024-02-14", "2024-02-14", "2024-02-10", -4, followup.Done, "H-INST"},
				{"2024-03-23", "2024-03-22", "", 0, followup.Upcoming, "H-INST+BL-95+BL-156"},
				{"2024-05-04", "2024-05-03", "", 0, followup.Upcoming, "H-INST"},
			},
		},
		{
			// 20 Feb matches item 1 (late 6); 25 Feb is on/after item 1's due 14 Feb, so it matches
			// item 2 (due 2 Apr, 37 days early). Next = 25 Feb + 6W = Sun 7 Apr → Fri 5 Apr.
			// Held kinds do not matter for matching (a supervision-visit record is a meeting).
			name: "second held matches next item early", held: []heldWant{{"2024-02-25", followup.SupervisionVisit}, {"2024-02-20", 0}}, asOf: "2024-03-01",
			want: []itemWant{
				{"2024-02-14", "2024-02-14", "2024-02-20", 6, followup.Done, "H-INST"},
				{"2024-04-02", "2024-04-02", "2024-02-25", -37, followup.Done, "H-INST"},
				{"2024-04-07", "2024-04-05", "", 0, followup.Upcoming, "H-INST+BL-95+BL-156"},
			},
		},
		{
			// 10 Feb matches item 1 (due 14 Feb). 12 Feb is before item 1's due date, so it matches
			// no item and is passed over. 25 Mar is on/after item 1's due: it matches item 2
			// (due 10 Feb + 6W = 23 Mar), 2 days late. Next = 25 Mar + 6W = Mon 6 May.
			// BL-95 (deadline 30 Apr) → item 2.
			name: "unmatchable held does not block later ones", held: []heldWant{{"2024-02-10", 0}, {"2024-02-12", 0}, {"2024-03-25", 0}}, asOf: "2024-03-25",
			want: []itemWant{
				{"2024-02-14", "2024-02-14", "2024-02-10", -4, followup.Done, "H-INST"},
				{"2024-03-23", "2024-03-22", "2024-03-25", 2, followup.Done, "H-INST+BL-95+BL-156"},
				{"2024-05-06", "2024-05-06", "", 0, followup.Upcoming, "H-INST"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-held", "doegninstitution", "2024-01-31", "")
			rec := followup.Record{Case: "c", Measure: m}
			for _, h := range tc.held {
				rec.Held = append(rec.Held, followup.Held{On: htDate(h.on), Kind: h.kind, ChildConversation: true, Mode: followup.InPerson})
			}
			p := htPlan(t, rec, tc.asOf, "2024-12-31")
			items := p.Items()
			require.GreaterOrEqual(t, len(items), len(tc.want))
			for i, w := range tc.want {
				it := items[i]
				got := itemWant{it.Due.String(), it.WorkingDay.String(), "", it.Late, it.Status, strings.Join(it.Rules(), "+")}
				if it.HeldOn != 0 {
					got.heldOn = it.HeldOn.String()
				}
				assert.Equal(t, w, got, "item %d", i)
				assert.Equal(t, max(0, w.late), it.DaysLate(), "item %d", i)
				h, ok := it.Held()
				assert.Equal(t, w.heldOn != "", ok)
				if ok {
					assert.Equal(t, it.HeldOn, h.On)
				}
			}
			// NextDue is the first item not done.
			nd, ok := p.NextDue()
			require.True(t, ok)
			assert.NotEqual(t, followup.Done, nd.Status)
			for _, it := range items {
				if it.Due == nd.Due {
					break
				}
				assert.Equal(t, followup.Done, it.Status)
			}
		})
	}

	t.Run("why of a late-anchored item names the held date", func(t *testing.T) {
		m := htMeasure(t, "m-held", "doegninstitution", "2024-01-31", "")
		p := htPlan(t, followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-02-20")}}}, "2024-03-01", "2024-12-31")
		require.GreaterOrEqual(t, p.Len(), 2)
		assert.Contains(t, p.At(1).Why().Reasons[0].Text(msg.English), "6 weeks after the previous follow-up, held on 2024-02-20")
	})

	t.Run("status report received", func(t *testing.T) {
		// H-FAMCENTER from 29 Feb 2024: report due 29 Oct 2024, received Wed 30 Oct → late 1.
		m := htMeasure(t, "m-f", "familiebehandling", "2024-02-29", "")
		rec := followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-10-30"), Kind: followup.StatusReport}}}
		p := htPlan(t, rec, "2024-11-01", "2025-02-28")
		items := p.Items()
		// The rule's four items and the statutory-only follow-up on 28 Feb 2025 (29 Aug + 6M).
		require.Len(t, items, 5)
		// The meetings were not held: overdue. The report was received.
		for _, it := range items[:3] {
			assert.Equal(t, followup.Overdue, it.Status, it.Due.String())
		}
		assert.Equal(t, followup.Done, items[3].Status)
		assert.Equal(t, 1, items[3].Late)
		assert.Equal(t, followup.Upcoming, items[4].Status)
		// The rule ran out with the report on 29 Oct 2024 and the measure is still open on
		// 1 Nov: end it or record how follow-up goes on (domain.md §2).
		assert.True(t, htHasFinding(p, "followup.rule.ended"))
	})

	t.Run("course end is done once its date has come", func(t *testing.T) {
		// MST from 31 Jan 2024: course ends 30 Jun 2024.
		m := htMeasure(t, "m-mst", "mst", "2024-01-31", "")
		// Open past the course end: the warning followup.rule.ended from the day after it.
		for _, tc := range []struct {
			asOf  string
			want  followup.Status
			ended bool
		}{{"2024-06-29", followup.Upcoming, false}, {"2024-06-30", followup.Done, false}, {"2024-07-15", followup.Done, true}} {
			p := htPlan(t, followup.Record{Case: "c", Measure: m}, tc.asOf, "2025-01-31")
			items := p.Items()
			// The four items of the rule and the statutory-only follow-up 30 Oct 2024 (30 Apr + 6M).
			require.Len(t, items, 5)
			assert.Equal(t, followup.CourseEnd, items[3].Kind)
			assert.Equal(t, tc.want, items[3].Status, tc.asOf)
			assert.Equal(t, followup.Overdue, items[0].Status)
			assert.Equal(t, "2024-10-30", items[4].Due.String())
			assert.Equal(t, tc.ended, htHasFinding(p, "followup.rule.ended"), tc.asOf)
		}
		// An ended measure owes nothing: no warning for an MST ended on its course end.
		mEnded := htMeasure(t, "m-mst", "mst", "2024-01-31", "2024-06-30")
		p := htPlan(t, followup.Record{Case: "c", Measure: mEnded}, "2024-07-15", "2025-01-31")
		assert.False(t, htHasFinding(p, "followup.rule.ended"))
	})

	t.Run("held outside start..as-of is an error", func(t *testing.T) {
		m := htMeasure(t, "m-held-err", "doegninstitution", "2024-01-31", "")
		for _, tc := range []struct{ on, asOf, mention string }{
			{"2024-01-30", "2024-03-01", "2024-01-30"}, // the day before the start
			{"2024-03-02", "2024-03-01", "2024-03-02"}, // the day after as-of
		} {
			_, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate(tc.on)}}},
				followup.Options{AsOf: htDate(tc.asOf)})
			require.Error(t, err, tc.on)
			assert.ErrorIs(t, err, followup.ErrInput)
			assert.Contains(t, err.Error(), "m-held-err")
			assert.Contains(t, err.Error(), tc.mention)
		}
		// On the start and on the as-of date are fine.
		_, err := followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Held: []followup.Held{{On: htDate("2024-01-31")}, {On: htDate("2024-03-01")}}},
			followup.Options{AsOf: htDate("2024-03-01")})
		assert.NoError(t, err)
		// A zero held date.
		_, err = followup.Herning().Schedule(followup.Record{Case: "c", Measure: m, Held: []followup.Held{{}}}, followup.Options{AsOf: htDate("2024-03-01")})
		assert.ErrorIs(t, err, followup.ErrInput)
	})
}

// ---- 7. invariants over many random measures ----

// htPhaseEvery returns the recurring interval that applies after a follow-up on prev,
// straight from domain.md's table; false for rules without recurring follow-ups.
func htPhaseEvery(rule string, start, prev date.Date) (followup.Span, bool) {
	switch rule {
	case "H-INST", "H-EGET":
		return followup.Weeks(6), true
	case "H-KORT":
		return followup.Weeks(4), true
	case "H-PLEJE":
		if prev < followup.AddMonths(start, 12) {
			return followup.Weeks(6), true
		}
		return followup.Months(3), true
	case "H-FOREB", "H-KONTAKT", "H-PRIVKONTAKT", "H-EFTERSKOLE": // fixed meetings too: never more than 3M after the previous
		return followup.Months(3), true
	}
	return followup.Span{}, false
}

func htEffective(it followup.Item) date.Date {
	if it.HeldOn != 0 {
		return it.HeldOn
	}
	return it.Due
}

func htHasRule(it followup.Item, ids ...string) bool {
	for _, r := range it.Rules() {
		for _, id := range ids {
			if r == id {
				return true
			}
		}
	}
	return false
}

func TestHerningScheduleInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 95))
	all := ladder.Default().All()
	require.NotEmpty(t, all)
	cal := workday.Danish()
	lo, hi := htDate("2019-01-01"), htDate("2027-12-31")
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		iv := all[rng.IntN(len(all))]
		start := lo + date.Date(rng.IntN(int(hi-lo)+1))
		var endD date.Date
		if rng.IntN(2) == 0 {
			endD = start + date.Date(rng.IntN(1500))
		}
		m, err := ladder.NewMeasure("m-prop", iv, start, endD)
		require.NoError(t, err)
		asOf := start + date.Date(rng.IntN(1200)-60)
		until := asOf + date.Date(rng.IntN(1800))
		rec := followup.Record{Case: "c", Measure: m}
		if rng.IntN(4) == 0 {
			rec.Decision = &followup.CadenceDecision{Every: followup.Months(1 + rng.IntN(12))}
		}
		if rng.IntN(5) == 0 {
			rec.AssessmentEnd = start + date.Date(rng.IntN(150))
		}
		// Grants for the exceptions that apply to the rule.
		for _, e := range followup.HerningRules().Exceptions() {
			for _, r := range e.AppliesTo() {
				if r == htRuleID(iv.Code) && rng.IntN(2) == 0 && asOf >= start-100 {
					rec.Grants = append(rec.Grants, followup.Grant{ID: e.ID, ApprovedBy: "TL", ApprovedOn: start - 100 + date.Date(rng.IntN(int(asOf-start)+101))})
				}
			}
		}
		opt := followup.Options{AsOf: asOf, Until: until}
		// Held history: either random dates in [start, as-of] or a plausible history from a
		// first plan (each meeting due by as-of held with probability 0.7, −10..+30 days off).
		if asOf >= start {
			if rng.IntN(2) == 0 {
				for k := rng.IntN(8); k > 0; k-- {
					rec.Held = append(rec.Held, followup.Held{On: start + date.Date(rng.IntN(int(asOf-start)+1))})
				}
			} else {
				p0, err := followup.Herning().Schedule(rec, opt)
				require.NoError(t, err)
				for _, it := range p0.Items() {
					if it.Kind.IsMeeting() && it.Due <= asOf && rng.IntN(10) < 7 {
						on := min(max(it.Due+date.Date(rng.IntN(41)-10), start), asOf)
						rec.Held = append(rec.Held, followup.Held{On: on, ChildConversation: true})
					}
				}
			}
		}
		p, err := followup.Herning().Schedule(rec, opt)
		require.NoError(t, err, "case %d: %v", i, m)
		items := p.Items()
		// check fails the test with the measure's context; the message is only
		// built on failure (building it for every assertion is slow under -race).
		check := func(ok bool, format string, args ...any) {
			t.Helper()
			if !ok {
				t.Fatalf("case %d: %v asOf %s until %s held %v grants %v decision %v assessment end %s: %s",
					i, m, asOf, until, rec.Held, rec.Grants, rec.Decision, rec.AssessmentEnd, fmt.Sprintf(format, args...))
			}
		}
		limit := until
		if endD != 0 && endD < limit {
			limit = endD
		}
		ruleID := htRuleID(iv.Code)
		// The previous follow-up of each item and whether it is the rule's
		// first, in the walk's order.
		prevOf, firstOf := htWalk(items, start, ruleID)
		for j := range items {
			prevMeeting, firstOfRule := prevOf[j], firstOf[j]
			it := items[j]
			if j > 0 {
				check(items[j-1].Due <= it.Due, "not sorted at %d", j)
			}
			check(it.Due >= start, "item %s before start", it.Due)
			check(it.Due <= limit, "item %s after end/horizon %s", it.Due, limit)
			check(it.WorkingDay <= it.Due, "working day %s after due %s", it.WorkingDay, it.Due)
			check(cal.IsWorkingDay(it.WorkingDay), "%s is not a working day", it.WorkingDay)
			for d := it.WorkingDay + 1; d <= it.Due; d++ {
				check(!cal.IsWorkingDay(d), "%s: a later working day %s exists", it.Due, d)
			}
			isStat := htHasRule(it, "SEL-70", "BL-95", "SEL-148", "BL-156")
			check(isStat == it.Statutory, "%s statutory flag %t vs rules %v", it.Due, it.Statutory, it.Rules())
			relaxed := it.Modes.Has(followup.Phone) || it.Modes.Has(followup.Mail) || (it.Kind.IsMeeting() && it.ChildConversation == followup.Optional)
			if it.Statutory || relaxed {
				rel := it.Why().Relaxations
				if it.Statutory {
					check(it.ChildConversation == followup.Required, "statutory %s: child conversation %s", it.Due, it.ChildConversation)
					check(it.Modes == followup.ModesOf(followup.InPerson), "statutory %s: modes %s", it.Due, it.Modes)
					check(len(rel) == 0, "statutory %s relaxed by %v", it.Due, rel)
				}
				if relaxed {
					check(!it.Statutory, "statutory %s relaxed", it.Due)
					check(len(rel) > 0, "%s relaxed without a grant", it.Due)
					for _, x := range rel {
						check(x.ApprovedOn <= it.Due, "%s relaxed by %s approved later, %s", it.Due, x.ID, x.ApprovedOn)
						check(htInScope(x.ID, ruleID, firstOfRule, start, prevMeeting), "%s relaxed by %s, outside its scope (previous follow-up %s)", it.Due, x.ID, prevMeeting)
					}
				}
			}
			// An extra follow-up in an approved exception's scope is relaxed.
			if it.Kind.IsMeeting() && !it.Statutory && htHasRule(it, ruleID) {
				for _, g := range rec.Grants {
					if it.Due >= g.ApprovedOn && htInScope(g.ID, ruleID, firstOfRule, start, prevMeeting) {
						check(slices.ContainsFunc(it.Why().Relaxations, func(x followup.Relaxation) bool { return x.ID == g.ID }),
							"%s (previous follow-up %s) is in the scope of %s but not relaxed", it.Due, prevMeeting, g.ID)
					}
				}
			}
			if it.HeldOn != 0 {
				check(it.Status == followup.Done, "%s held but %s", it.Due, it.Status)
				check(it.Late == int(it.HeldOn-it.Due), "%s late %d", it.Due, it.Late)
				check(it.HeldOn >= start && it.HeldOn <= asOf, "%s held on %s", it.Due, it.HeldOn)
			} else {
				want := followup.Upcoming
				end, hasEnd := m.End()
				switch {
				case it.Kind == followup.CourseEnd && it.Due <= asOf:
					want = followup.Done
				case hasEnd && end < asOf:
					want = followup.Missed // the measure has ended: it can no longer be held
				case it.Due < asOf:
					want = followup.Overdue
				}
				check(it.Status == want, "%s status %s, want %s", it.Due, it.Status, want)
			}
			if it.Kind == followup.SupervisionVisit || htHasRule(it, "SEL-148", "BL-156") {
				check(iv.Placement, "visit %s on a non-placement", it.Due)
			}
			if htHasRule(it, "SEL-70", "BL-95") {
				check(iv.FollowUpByLaw(), "statutory follow-up %s on a measure the law does not cover", it.Due)
			}
			// Recurring gap: the next meeting is due at most one phase interval after the
			// previous follow-up's effective date (the interval chosen by that date).
			if it.Kind.IsMeeting() {
				if every, ok := htPhaseEvery(ruleID, start, prevMeeting); ok {
					check(it.Due <= every.AddTo(prevMeeting), "gap before %s over %s from %s", it.Due, every, prevMeeting)
				}
			}
		}
		bound := ruleID != ""
		if !iv.FollowUpByLaw() && !bound {
			check(len(items) == 0, "%d items on a measure the law does not cover and Herning is silent on", len(items))
		}
		if msg := htChainProblem(rec, bound, limit, items); msg != "" {
			check(false, "%s", msg)
		}
	}
}

// htWalk returns, for each item, the effective date of the meeting before
// it in the walk's order (the measure's start for the first) and whether
// it is the first meeting of rule. The walk's order is the order of the
// earlier of due and held date: a follow-up held early on an item lets the
// next deadline, measured from the day it was held, fall before that
// item's due date, so due order alone is not the order the items came in.
func htWalk(items []followup.Item, start date.Date, rule string) ([]date.Date, []bool) {
	key := func(i int) date.Date { return min(items[i].Due, htEffective(items[i])) }
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(key(a) - key(b)) })
	prev, first := make([]date.Date, len(items)), make([]bool, len(items))
	p, f := start, true
	for _, i := range order {
		prev[i], first[i] = p, f
		if it := items[i]; it.Kind.IsMeeting() {
			p = htEffective(it)
			if rule != "" && htHasRule(it, rule) {
				f = false
			}
		}
	}
	return prev, first
}

// htInScope reports whether the exception id relaxes a follow-up of rule
// (domain.md §2, "Exceptions"): never the rule's first follow-up; X-BARNDOM
// only H-PLEJE's three-monthly phase after the first year (the phase is
// chosen by the previous follow-up, on or after start + 12 months); X-FJERN
// every later follow-up of H-INST, H-PLEJE and H-EGET; X-EFTERSKOLE every
// later follow-up of H-EFTERSKOLE (+3 and +6 months and the three-monthly
// phase). Whether the item is statutory is checked apart.
func htInScope(id, rule string, first bool, start, prev date.Date) bool {
	if first {
		return false
	}
	switch id {
	case "X-BARNDOM":
		return rule == "H-PLEJE" && prev >= followup.AddMonths(start, 12)
	case "X-FJERN":
		return rule == "H-INST" || rule == "H-PLEJE" || rule == "H-EGET"
	case "X-EFTERSKOLE":
		return rule == "H-EFTERSKOLE"
	}
	return false
}

// htStatutoryIDs are the rules of the statutory chain: the follow-up
// (SEL § 70, BL § 95) and the supervision of placements (SEL § 148, BL § 156).
var htStatutoryIDs = []string{"SEL-70", "BL-95", "SEL-148", "BL-156"}

// htFirstStatDeadline is the chain's first deadline (domain.md §2, "The
// statutory chain"): start + 3 months; under Barnets Lov (the law in force
// on that deadline) the end of an assessment run alongside if earlier — but
// never before Barnets Lov took effect (a deadline the newer law would put
// before its own start is its effective date). Aftercare begun before 2024
// owes nothing before 1 January 2024: the Serviceloven set does not cover
// it. For a placement the supervision visit's first deadline, start + 6
// months, is later, so the follow-up's decides.
func htFirstStatDeadline(rec followup.Record, start date.Date) date.Date {
	dl := max(followup.AddMonths(start, 3), statutoryFrom(rec.Measure.Intervention(), start))
	if dl >= followup.BarnetsLovEffective && rec.AssessmentEnd != 0 && rec.AssessmentEnd < dl {
		dl = max(rec.AssessmentEnd, followup.BarnetsLovEffective)
	}
	return dl
}

// htNextStatDeadline is the next chain deadline after a statutory item
// whose effective date is eff, straight from domain.md §2 and statutory.md:
// SEL § 70 (and SEL § 148) 6 months, if that deadline falls before 2024
// and the Serviceloven set covers the measure (not aftercare); otherwise
// Barnets Lov decides: the decided cadence — Herning's standing
// 6 months for a measure bound to its rules, the case's recorded decision,
// the earlier of the two, moved to 1 Jan 2024 if it would fall before —
// and, for a placement, the supervision visit at most 6 months after
// (BL § 156, stk. 5), the earlier deadline counting. false: the chain ends
// (Barnets Lov, nothing decided, no placement).
func htNextStatDeadline(rec followup.Record, bound, placement bool, eff date.Date) (date.Date, bool) {
	six := followup.AddMonths(eff, 6)
	if six < followup.BarnetsLovEffective && selCovers(rec.Measure.Intervention().Basis) {
		return six, true
	}
	var fu date.Date
	if bound {
		fu = six
	}
	if rec.Decision != nil {
		if d := rec.Decision.Every.AddTo(eff); fu == 0 || d < fu {
			fu = d
		}
	}
	if fu != 0 {
		fu = max(fu, followup.BarnetsLovEffective)
	}
	switch {
	case placement && fu != 0:
		return min(fu, six), true
	case placement:
		return six, true
	case fu != 0:
		return fu, true
	}
	return 0, false
}

// htChainProblem checks the statutory chain of a plan: the items that carry
// a statutory rule are the chain; the first is due by the first deadline,
// each next one by the deadline the previous one sets, and none is missing
// up to limit (the end or the horizon). For a placement every chain item is
// the supervision visit too, and, where nothing was held, the visits come
// at least twice in every 12 months of the plan. It returns "" or what is
// wrong.
func htChainProblem(rec followup.Record, bound bool, limit date.Date, items []followup.Item) string {
	iv := rec.Measure.Intervention()
	start := rec.Measure.Start()
	var chain []followup.Item
	for _, it := range items {
		if !htHasRule(it, htStatutoryIDs...) {
			continue
		}
		chain = append(chain, it)
		switch {
		case !iv.FollowUpByLaw():
			return fmt.Sprintf("statutory item %s on %s, which the law does not require follow-up on", it.Due, iv.Code)
		case iv.Placement && !htHasRule(it, "SEL-148", "BL-156"):
			return fmt.Sprintf("chain item %s of a placement is not the supervision visit: %v", it.Due, it.Rules())
		case !iv.Placement && htHasRule(it, "SEL-148", "BL-156"):
			return fmt.Sprintf("supervision visit %s on %s, which is no placement", it.Due, iv.Code)
		case iv.Placement && bound && !htHasRule(it, "SEL-70", "BL-95"):
			return fmt.Sprintf("chain item %s of a placement bound to a Herning rule is not the follow-up: %v", it.Due, it.Rules())
		case it.Kind == followup.SupervisionVisit && htHasRule(it, "SEL-70", "BL-95"):
			return fmt.Sprintf("supervision-visit item %s carries the follow-up: %v", it.Due, it.Rules())
		case it.Kind == followup.SupervisionVisit && bound:
			return fmt.Sprintf("supervision-visit item %s alone, though Herning's decision gives the follow-up a deadline", it.Due)
		}
	}
	if !iv.FollowUpByLaw() {
		return ""
	}
	first := htFirstStatDeadline(rec, start)
	if len(chain) == 0 {
		if first <= limit {
			return fmt.Sprintf("no statutory item, though the first deadline %s is within the plan (to %s)", first, limit)
		}
		return ""
	}
	eff := func(it followup.Item) date.Date {
		if it.HeldOn != 0 {
			return it.HeldOn
		}
		return it.Due
	}
	// A follow-up held early can satisfy an item due after the next
	// deadline it sets, so walk the chain by the earlier of due and held
	// date, and measure from the latest effective date so far.
	key := func(it followup.Item) date.Date { return min(it.Due, eff(it)) }
	slices.SortStableFunc(chain, func(a, b followup.Item) int { return int(key(a) - key(b)) })
	if d := slices.MinFunc(chain, func(a, b followup.Item) int { return int(a.Due - b.Due) }).Due; d > first {
		return fmt.Sprintf("first statutory item due %s, after the deadline %s", d, first)
	}
	latest := eff(chain[0])
	for _, it := range chain[1:] {
		dl, ok := htNextStatDeadline(rec, bound, iv.Placement, latest)
		if !ok {
			return fmt.Sprintf("statutory item %s after the chain ended (at %s)", it.Due, latest)
		}
		if it.Due > dl {
			return fmt.Sprintf("statutory item %s due after the deadline %s set by the previous one (effective %s)", it.Due, dl, latest)
		}
		latest = max(latest, eff(it))
	}
	if dl, ok := htNextStatDeadline(rec, bound, iv.Placement, latest); ok && dl <= limit {
		return fmt.Sprintf("the chain stops after %s though its next deadline %s is within the plan (to %s)", latest, dl, limit)
	}
	// At least two supervision visits in every 12 months of a placement
	// (SEL § 148; BL § 156, stk. 5), where nothing was held (a visit held
	// late is the case worker's delay, not the plan's).
	if !iv.Placement || slices.ContainsFunc(items, func(it followup.Item) bool { return it.HeldOn != 0 }) {
		return ""
	}
	var visits []date.Date
	for _, it := range chain {
		visits = append(visits, it.Due)
	}
	slices.Sort(visits)
	for a := start; followup.AddMonths(a, 12) <= limit; a++ {
		lo, _ := slices.BinarySearch(visits, a)
		hi, found := slices.BinarySearch(visits, followup.AddMonths(a, 12))
		if found {
			hi++
		}
		if hi-lo < 2 {
			return fmt.Sprintf("only %d supervision visits from %s to %s", hi-lo, a, followup.AddMonths(a, 12))
		}
	}
	return ""
}

// TestHerningFixedAndRecurringDoNotDoubleUp: for rules with fixed items at +3M
// and +6M followed by "every 3 months", a start on a month end must not make
// the 3-monthly chain produce an extra meeting a day or two before the fixed
// +6M item (domain.md: "+4 weeks, +3 months, +6 months, then every 3 months"),
// and the fixed item itself is never due more than 3 months after the
// previous follow-up ("it never lets a gap exceed the interval").
func TestHerningFixedAndRecurringDoNotDoubleUp(t *testing.T) {
	tests := []struct {
		name, code, start, until string
		held                     []string
		want                     []string
	}{
		{
			// 31 Jan 2023 + 4W = 28 Feb; +3M = 30 Apr; +6M = 31 Jul, but 30 Apr + 3M = 30 Jul
			// is earlier, so 30 Jul; then 3M from 30 Jul = 30 Oct. One meeting, not two.
			name: "H-PRIVKONTAKT 31 Jan 2023", code: "privat-kontaktperson", start: "2023-01-31", until: "2023-10-31",
			want: []string{"2023-02-28", "2023-04-30", "2023-07-30", "2023-10-30"},
		},
		{
			// 30 Nov 2022 + 4W = 28 Dec; +3M = 28 Feb 2023; +6M = 30 May 2023, capped at
			// 28 Feb + 3M = 28 May; then 28 Aug.
			name: "H-EFTERSKOLE 30 Nov 2022", code: "efterskole", start: "2022-11-30", until: "2023-08-31",
			want: []string{"2022-12-28", "2023-02-28", "2023-05-28", "2023-08-28"},
		},
		{
			// 31 Jan 2023: +4W 28 Feb; +3M 30 Apr; +6M capped 30 Jul; +9M capped 30 Oct; then 30 Jan 2024.
			name: "H-KONTAKT 31 Jan 2023", code: "kontaktperson", start: "2023-01-31", until: "2024-01-31",
			want: []string{"2023-02-28", "2023-04-30", "2023-07-30", "2023-10-30", "2024-01-30"},
		},
		{
			// The case helper-5 raised: 31 Jan 2024, the +3M item held early on 1 Mar. +6M
			// (31 Jul) is capped at 1 Mar + 3M = 1 Jun, so no 5-month gap; then 1 Sep.
			name: "H-PRIVKONTAKT early held +3M", code: "privat-kontaktperson", start: "2024-01-31", until: "2024-09-30",
			held: []string{"2024-02-28", "2024-03-01"},
			want: []string{"2024-02-28", "2024-04-30", "2024-06-01", "2024-09-01"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := htMeasure(t, "m-dbl", tc.code, tc.start, "")
			rec := followup.Record{Case: "c", Measure: m}
			asOf := tc.start
			for _, h := range tc.held {
				rec.Held = append(rec.Held, followup.Held{On: ladder.MustParseDate(h), ChildConversation: true, Mode: followup.InPerson})
				asOf = h
			}
			p := htPlan(t, rec, asOf, tc.until)
			var got []string
			for _, it := range p.Items() {
				got = append(got, it.Due.String())
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
