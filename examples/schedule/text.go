package main

import (
	"bytes"
	"fmt"
	"github.com/trappe-dk/trappe/ladder/msg"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rickb777/date/v2"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/examples/internal/report"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
)

// words holds the labels of the text output in one language.
type words struct {
	asOf, weeksAhead, until                  string
	team, fte, cases, overdueN, upcoming     string
	overdue, dueNext, nothing                string
	deadline, age                            string
	statutory, municipal                     string
	caseload, compliance, schedule, smart    string
	figures, none, limits, childYears, rates string
	steps, deadlines, statutoryDeadlines     string
	weekdays                                 [7]string
	unassigned                               string
}

var da = words{
	asOf: "pr.", weeksAhead: "uger frem til", until: "til",
	team: "team", fte: "årsværk", cases: "sager", overdueN: "overskredet", upcoming: "kommende",
	overdue: "Overskredet", dueNext: "Forfalder de næste %d uger", nothing: "Intet forfalder.",
	deadline: "frist", age: "år",
	statutory: "lovpligtig", municipal: "kommunal",
	caseload: "Sagsbelastning", compliance: "Opfølgninger holdt og ikke holdt", schedule: "Bemærkninger til indsatserne", smart: "SMART-mål",
	figures: "Nøgletal %s–%s", none: "Ingen.", limits: "grænse %s/%s", childYears: "Årsbørn",
	rates: "Opfølgninger i lovens forstand pr. sag pr. halvår (lovens minimum er 1)",
	steps: "Børn pr. trin %s", deadlines: "Frister til og med %s: %d af %d holdt til tiden (%s %%), %d for sent, %d ikke holdt",
	statutoryDeadlines: "lovpligtige: %d af %d til tiden (%s %%); %d holdt uden det krævede indhold",
	weekdays:           [7]string{"sø", "ma", "ti", "on", "to", "fr", "lø"},
	unassigned:         "(sager uden rådgiver)",
}

var en = words{
	asOf: "as of", weeksAhead: "weeks ahead to", until: "to",
	team: "team", fte: "FTE", cases: "cases", overdueN: "overdue", upcoming: "upcoming",
	overdue: "Overdue", dueNext: "Due in the next %d weeks", nothing: "Nothing due.",
	deadline: "due", age: "yrs",
	statutory: "statutory", municipal: "municipal",
	caseload: "Caseload", compliance: "Follow-ups held and missed", schedule: "Notes on the measures", smart: "SMART goals",
	figures: "Key figures %s–%s", none: "None.", limits: "limits %s/%s", childYears: "Child-years",
	rates: "Follow-ups in the law's sense per case per half-year (the legal minimum is 1)",
	steps: "Children per step on %s", deadlines: "Deadlines up to %s: %d of %d held on time (%s %%), %d late, %d not held",
	statutoryDeadlines: "statutory: %d of %d on time (%s %%); %d held without the required content",
	weekdays:           [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	unassigned:         "(cases without a worker)",
}

func wordsFor(lang string) words {
	if lang == "en" {
		return en
	}
	return da
}

// number formats x with dec decimals, with a decimal comma in Danish.
func number(x float64, dec int, lang string) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if lang == "da" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// age returns whole years from birth to on.
func age(birth, on date.Date) int {
	y := on.Year() - birth.Year()
	if on.Month() < birth.Month() || (on.Month() == birth.Month() && on.Day() < birth.Day()) {
		y--
	}
	return y
}

// esc makes a string from the input safe to print in the text output: a
// character that could end the line or reorder it (ladder.UnsafeRune: CR,
// LF, NUL and the other controls, the bidirectional formatting
// characters) is written as a Go escape such as \n or \u202e, and a byte
// that is not UTF-8 as \xff. The decoder rejects these in ids and names
// already; free text such as a goal's wording may hold them.
func esc(s string) string {
	if !strings.ContainsFunc(s, ladder.UnsafeRune) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case ladder.UnsafeRune(r):
			q := strconv.QuoteRune(r) // '\n', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func writeText(b *bytes.Buffer, data *input.Data, rep *report.Report, lang string) {
	w := wordsFor(lang)
	births := map[string]date.Date{}
	for _, c := range data.Cases {
		births[c.ID] = c.BirthDate
	}
	fmt.Fprintf(b, "%s · %s %s · %d %s %s\n", esc(rep.Rules), w.asOf, rep.AsOf, rep.Weeks, w.weeksAhead, rep.Until)

	// The due list by worker, in one pass: scanning it for every worker
	// was quadratic.
	due := rep.Due()
	dueOf := map[string][]int{}
	for i := range due {
		dueOf[due[i].Worker] = append(dueOf[due[i].Worker], i)
	}
	for _, wk := range rep.Workers {
		b.WriteString("\n")
		head := esc(wk.ID)
		if head == "" {
			head = w.unassigned
		}
		if wk.Name != "" {
			head += " " + esc(wk.Name)
		}
		var parts []string
		if wk.Team != "" {
			parts = append(parts, w.team+" "+esc(wk.Team))
		}
		if wk.FTE > 0 {
			parts = append(parts, number(wk.FTE, 1, lang)+" "+w.fte)
		}
		parts = append(parts, casesText(wk, w, lang),
			fmt.Sprintf("%s %d", w.overdueN, wk.Overdue), fmt.Sprintf("%s %d", w.upcoming, wk.Upcoming))
		fmt.Fprintf(b, "%s · %s\n", head, strings.Join(parts, " · "))

		var over, next []int
		for _, i := range dueOf[wk.ID] {
			if due[i].Status == followup.Overdue {
				over = append(over, i)
			} else {
				next = append(next, i)
			}
		}
		if len(over) > 0 {
			fmt.Fprintf(b, "  %s\n", w.overdue)
			for _, i := range over {
				writeItem(b, &due[i], births, rep.AsOf, w, lang)
			}
		}
		fmt.Fprintf(b, "  "+w.dueNext+"\n", rep.Weeks)
		if len(next) == 0 {
			fmt.Fprintf(b, "    %s\n", w.nothing)
		}
		for _, i := range next {
			writeItem(b, &due[i], births, rep.AsOf, w, lang)
		}
		writeDeadlines(b, rep, wk.ID, births, w, lang)
	}

	section := func(title, area string) {
		fmt.Fprintf(b, "\n%s\n", title)
		n := 0
		for _, f := range rep.Findings {
			if f.Area != area {
				continue
			}
			n++
			where := esc(f.Subject)
			if f.Case != "" && f.Case != f.Subject {
				where = esc(f.Case) + "/" + esc(f.Subject)
			}
			sev := f.Severity.String()
			if lang == "da" {
				sev = f.Severity.Danish()
			}
			fmt.Fprintf(b, "  %s %s [%s]: %s\n", sev, esc(f.Code), where, esc(f.Text(msg.Lang(lang))))
		}
		if n == 0 {
			fmt.Fprintf(b, "  %s\n", w.none)
		}
	}
	section(w.caseload, "caseload")
	section(w.compliance, "compliance")
	section(w.smart, "smart")
	section(w.schedule, "schedule")
	writeFigures(b, rep, w, lang)
}

// casesText is "sager 14 (grænse 10/12)": the soft and hard limits.
func casesText(wk report.Worker, w words, lang string) string {
	s := fmt.Sprintf("%s %d", w.cases, wk.Cases)
	if wk.HardLimit > 0 {
		s += " (" + fmt.Sprintf(w.limits, number(wk.SoftLimit, 0, lang), number(wk.HardLimit, 0, lang)) + ")"
	}
	return s
}

// writeItem writes one item on two lines: what and when, then why.
func writeItem(b *bytes.Buffer, it *report.Item, births map[string]date.Date, asOf date.Date, w words, lang string) {
	day := w.weekdays[it.WorkingDay.Weekday()] + " " + it.WorkingDay.String()
	if it.Due != it.WorkingDay {
		day += fmt.Sprintf(" (%s %s %s)", w.deadline, w.weekdays[it.Due.Weekday()], it.Due)
	}
	who := esc(it.Case)
	if bd := births[it.Case]; bd != 0 && bd <= asOf {
		who += fmt.Sprintf(" (%d %s)", age(bd, asOf), w.age)
	}
	kind, talk, layer := it.Kind.Danish(), it.ChildConversation.Danish(), w.municipal
	if lang == "en" {
		kind, talk = it.Kind.English(), it.ChildConversation.English()
	}
	if it.Statutory {
		layer = w.statutory
	}
	fields := []string{day, who, esc(it.Measure) + " " + esc(it.Intervention), kind, layer}
	if it.Kind.IsMeeting() {
		fields = append(fields, talk, modeWords(it.Modes, lang))
	}
	fmt.Fprintf(b, "    %s\n", strings.Join(fields, " · "))
	fmt.Fprintf(b, "        %s\n", esc(it.Why.Text))
}

func modeWords(m followup.Modes, lang string) string {
	var parts []string
	for _, x := range m.List() {
		if lang == "en" {
			parts = append(parts, x.English())
		} else {
			parts = append(parts, x.Danish())
		}
	}
	sep := " eller "
	if lang == "en" {
		sep = " or "
	}
	return strings.Join(parts, sep)
}

func writeFigures(b *bytes.Buffer, rep *report.Report, w words, lang string) {
	f := rep.Figures
	fmt.Fprintf(b, "\n"+w.figures+"\n", f.From, f.To)
	var groups []string
	for _, g := range f.ChildYears {
		label := g.Group.Danish()
		if lang == "en" {
			label = g.Group.English()
		}
		s := label + " " + number(g.ChildYears, 2, lang)
		if g.Percent != nil {
			s += " (" + number(*g.Percent, 0, lang) + " %)"
		}
		groups = append(groups, s)
	}
	fmt.Fprintf(b, "  %s: %s\n", w.childYears, strings.Join(groups, " · "))
	if len(f.ChildYears) > 0 {
		fmt.Fprintf(b, "    %s\n", f.ChildYears[0].Explanation.Text(msg.Lang(lang)))
	}
	var steps []string
	for _, s := range f.Steps.Counts {
		steps = append(steps, fmt.Sprintf("%s %d", s.Step.Code(), s.Children))
	}
	fmt.Fprintf(b, "  "+w.steps+": %s (%s)\n", f.Steps.On, strings.Join(steps, " · "), f.Steps.Explanation.Source)
	fmt.Fprintf(b, "  %s\n", f.Moves.Explanation.Text(msg.Lang(lang)))
	fmt.Fprintf(b, "  %s\n", f.CasesPerWorker.Explanation.Text(msg.Lang(lang)))
	if len(f.FollowUpRates) > 0 {
		var rates []string
		for _, r := range f.FollowUpRates {
			label := r.Type
			if lang == "en" {
				label = r.English()
			}
			rates = append(rates, fmt.Sprintf("%s %s (%d %s)", label, number(r.PerHalfYear, 2, lang), r.Cases, w.cases))
		}
		fmt.Fprintf(b, "  %s: %s (%s)\n", w.rates, strings.Join(rates, " · "), f.FollowUpRates[0].Explanation.Source)
	}
	d := f.Deadlines
	fmt.Fprintf(b, "  "+w.deadlines+"; "+w.statutoryDeadlines+"\n", f.To, d.OnTime, d.Due, number(100*d.Rate, 1, lang), d.Late, d.Overdue,
		d.StatutoryOnTime, d.StatutoryDue, number(100*d.StatutoryRate, 1, lang), d.ContentFailures)
}
