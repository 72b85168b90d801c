package measure

import (
	"fmt"

	"github.com/rickb777/date/v2"
	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/ladder"
	"github.com/trappe-dk/trappe/ladder/msg"
)

// CaseType groups child cases the way KORA 2017 Figur 2.2 does. The zero
// value is not valid.
type CaseType uint8

const (
	InstitutionCase CaseType = 1 + iota // placement on the institution step
	FamilyCareCase                      // placement in a foster family or network
	HomeBasedCase                       // home-based placement
	PreventiveCase                      // supportive (preventive) measure with statutory follow-up
)

var caseTypeCodes = [...]string{"", "institution", "familiepleje", "hjemmebaseret-anbringelse", "forebyggende"}
var caseTypeEn = [...]string{"", "institution placement", "family care", "home-based placement", "preventive measure"}

// IsValid reports whether t is defined.
func (t CaseType) IsValid() bool { return t >= InstitutionCase && t <= PreventiveCase }

// String returns the code or "measure.CaseType(n)".
func (t CaseType) String() string {
	if !t.IsValid() {
		return fmt.Sprintf("measure.CaseType(%d)", uint8(t))
	}
	return caseTypeCodes[t]
}

// English returns the English label.
func (t CaseType) English() string {
	if !t.IsValid() {
		return t.String()
	}
	return caseTypeEn[t]
}

// CaseTypeOf returns the case type of an intervention, and false for one
// the law does not require follow-up on (early help, universal services)
// and for aftercare (ungestøtte, BL §§ 114–116): it is support to young
// adults, none of KORA 2017 Figur 2.2's four types of child case, and
// counting it as preventive would mix young adults into the children's
// follow-up rates.
func CaseTypeOf(iv ladder.Intervention) (CaseType, bool) {
	switch {
	case iv.Basis == ladder.BasisAftercare:
		return 0, false
	case iv.Placement && iv.Step == ladder.Institution:
		return InstitutionCase, true
	case iv.Placement && (iv.Step == ladder.FosterFamily || iv.Step == ladder.Network):
		return FamilyCareCase, true
	case iv.Placement:
		return HomeBasedCase, true
	case iv.FollowUpByLaw():
		return PreventiveCase, true
	}
	return 0, false
}

// StatutoryMinimumPerHalfYear is the law's minimum follow-ups per case per
// half-year used for the ratio: SEL § 70 asked for at most 6 months between
// follow-ups, one per half-year, and KORA 2017 calls about two per half-year
// "about twice the minimum" (KORA 2017, afsnit 2.2).
const StatutoryMinimumPerHalfYear = 1.0

// FollowUpRate is the average number of follow-ups in the law's sense (a
// child conversation held and the plan followed up) per child case of one
// type in one period, as in KORA 2017 Figur 2.2.
type FollowUpRate struct {
	Type      CaseType
	Cases     int     // distinct cases with a measure of this type active in the period
	FollowUps int     // follow-ups in the law's sense held in the period
	PerCase   float64 // FollowUps / Cases (0 with no cases)
	// PerHalfYear scales PerCase to a half-year (182.5 days) when the
	// period is not one; Ratio is PerHalfYear / StatutoryMinimumPerHalfYear.
	PerHalfYear float64
	Ratio       float64
	Explanation FigureExplanation
}

// FollowUpRates counts, per case type, the follow-ups in the law's sense
// held in [from, to] on the records' measures and divides by the number of
// cases of that type active in the period. A case with measures of two
// types counts once under each. Records of measures the law does not
// require follow-up on are left out. Types with no case are left out.
func FollowUpRates(records []followup.Record, from, to date.Date) ([]FollowUpRate, error) {
	const op = "measure.FollowUpRates"
	if err := checkPeriod(op, from, to); err != nil {
		return nil, err
	}
	type key struct {
		t    CaseType
		kase string
	}
	cases := map[key]bool{}
	counts := map[CaseType]int{}
	for i, r := range records {
		if !r.Measure.IsValid() {
			return nil, fmt.Errorf("%s: record %d (case %q) has an invalid measure", op, i, r.Case)
		}
		t, ok := CaseTypeOf(r.Measure.Intervention())
		if !ok || !r.Measure.Overlaps(from, to) {
			continue
		}
		cases[key{t, r.Case}] = true
		for _, h := range r.Held {
			if h.On >= from && h.On <= to && h.InLawsSense() {
				counts[t]++
			}
		}
	}
	perType := map[CaseType]int{}
	for k := range cases {
		perType[k.t]++
	}
	days := float64(to-from) + 1
	var out []FollowUpRate
	for t := InstitutionCase; t <= PreventiveCase; t++ {
		n := perType[t]
		if n == 0 {
			continue
		}
		r := FollowUpRate{Type: t, Cases: n, FollowUps: counts[t]}
		r.PerCase = float64(r.FollowUps) / float64(n)
		r.PerHalfYear = r.PerCase * 182.5 / days
		r.Ratio = r.PerHalfYear / StatutoryMinimumPerHalfYear
		r.Explanation = FigureExplanation{Figure: "followups-per-case", Source: "KORA 2017, Figur 2.2",
			Message: msg.New("measure.followup-rate", "followUps", msg.Int(r.FollowUps), "cases", msg.Int(n),
				"type", labels(t.String(), t.English()), "from", msg.Date(from), "to", msg.Date(to),
				"perHalfYear", msg.Float(r.PerHalfYear, 2), "ratio", msg.Float(r.Ratio, 2))}
		out = append(out, r)
	}
	return out, nil
}

// DeadlineCompliance is the share of follow-ups due by the plans' as-of
// dates that were held on time, overall and for the statutory ones.
type DeadlineCompliance struct {
	Due, OnTime, Late, Overdue    int
	StatutoryDue, StatutoryOnTime int
	Rate, StatutoryRate           float64 // 1 when nothing was due
	ContentFailures, Extra, Plans int
}

// ComplianceRates sums followup.Plan.Compliance over many plans.
func ComplianceRates(plans []followup.Plan) DeadlineCompliance {
	var d DeadlineCompliance
	for _, p := range plans {
		c := p.Compliance()
		d.Plans++
		d.Due += c.Due
		d.OnTime += c.DoneOnTime
		d.Late += c.DoneLate
		d.Overdue += c.Overdue
		d.StatutoryDue += c.StatutoryDue
		d.StatutoryOnTime += c.StatutoryOnTime
		d.ContentFailures += c.ContentFailures
		d.Extra += c.Extra
	}
	d.Rate, d.StatutoryRate = 1, 1
	if d.Due > 0 {
		d.Rate = float64(d.OnTime) / float64(d.Due)
	}
	if d.StatutoryDue > 0 {
		d.StatutoryRate = float64(d.StatutoryOnTime) / float64(d.StatutoryDue)
	}
	return d
}
