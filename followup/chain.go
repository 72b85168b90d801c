package followup

import (
	"slices"

	"github.com/rickb777/date/v2"
)

// The statutory chain. The law's follow-up and, for placements, its
// supervision visits are one chain of deadlines (domain.md §2): the first
// at the latest First after the start (or the end of an assessment run
// alongside, if the law says so and that is earlier), each later one at
// most an interval after the previous statutory follow-up — the law's own
// interval (SEL § 70: 6 months) or, where the law has none (BL § 95), the
// decided cadence: the municipality's standing decision for the measures
// bound to its rules, the case's recorded decision, the earlier of the two
// where both apply. For a placement each deadline is also the supervision
// visit's (SEL § 148; BL § 156, stk. 5), and the earlier of the two
// intervals counts, so no other item of the placement is statutory; where
// the follow-up has no deadline (no decision), the visits go on alone.
//
// The law in force on a deadline decides it: a deadline that falls after a
// newer law took effect is measured again under that law, from the same
// anchor, and where the newer law's deadline would fall before the law took
// effect it is the day the law took effect. Where a law gives no deadline
// the chain looks ahead to the next law.

// link is one window of the chain: (opens, deadline], the first one
// [start, deadline], and what its deadline requires.
type link struct {
	active          bool
	opens, deadline date.Date
	first           bool
	followUp, visit bool     // the requirements it carries
	fuSet, visitSet *RuleSet // the law of each requirement
	by              decidedBy
	anchor          anchorKind
	from            date.Date
	fromHeld        bool
	offset          Span
	switched        bool // the law on the deadline is newer than the law at the anchor
	lawStart        bool // the deadline is the day the newer law took effect
	// missingDecision: a law on the way wanted a decision under BL § 95
	// for the follow-up and none was recorded.
	missingDecision bool
	last            int // the latest meeting item due on or before deadline, -1 none
}

// nextLink returns the window that opens at a (the effective date of the
// previous statutory item, or the start for the first), and false if no
// law gives a deadline from there.
func (w *walker) nextLink(a date.Date, held, first bool) (link, bool) {
	sets := w.r.statutory
	i0 := w.r.indexFrom(a)
	var cur link
	ok, missing := false, false
	for j := i0; j < len(sets); j++ {
		s := sets[j]
		if ok && s.Effective() > cur.deadline {
			break // the law in force on the deadline is found
		}
		c, cok := w.linkUnder(s, a, held, first)
		missing = missing || c.missingDecision
		if !cok {
			ok = false // this law gives no deadline: look ahead
			continue
		}
		if c.deadline < s.Effective() {
			c.deadline, c.lawStart = s.Effective(), true
		}
		c.switched = j != i0 || a < s.Effective()
		cur, ok = c, true
	}
	cur.missingDecision = missing
	cur.active = ok
	return cur, ok
}

// linkUnder is the window from a under the law s alone.
func (w *walker) linkUnder(s *RuleSet, a date.Date, held, first bool) (link, bool) {
	st := s.spec.Statutory
	l := link{first: first, from: a, fromHeld: held}
	var fu, visit date.Date
	var fuOff Span
	var fuAnchor anchorKind
	if slices.Contains(st.FollowUp.Covers, w.ctx.iv.Basis) {
		switch f := st.FollowUp; {
		case first:
			fu, fuOff, fuAnchor = f.First.AddTo(a), f.First, anchorStart
			if ae := w.rec.AssessmentEnd; f.FirstByAssessmentEnd && ae != 0 && ae < fu {
				fu, fuOff, fuAnchor = ae, Span{}, anchorAssessmentEnd
			}
		case !f.Then.IsZero():
			fu, fuOff, fuAnchor = f.Then.AddTo(a), f.Then, anchorStatutory
		default:
			var d Span
			fu, d, l.by = w.decided(a)
			fuOff, fuAnchor = d, anchorDecision
			l.missingDecision = fu == 0
		}
	}
	if st.Visits != nil && w.ctx.iv.Placement {
		visit = st.Visits.Every.AddTo(a)
		l.visit, l.visitSet = true, s
	}
	if fu != 0 {
		l.followUp, l.fuSet = true, s
	}
	switch {
	case fu != 0 && (visit == 0 || fu <= visit):
		l.deadline, l.offset, l.anchor = fu, fuOff, fuAnchor
		if fuAnchor == anchorAssessmentEnd {
			l.from = fu // the explanation names the assessment's end, not the start
		}
	case visit != 0:
		l.deadline, l.offset, l.anchor = visit, st.Visits.Every, anchorVisit
		if first {
			l.anchor = anchorStart
		}
	default:
		return l, false
	}
	return l, true
}

// decided returns the deadline from a under the decisions that apply to
// the measure — the municipal set's standing decision if the measure is
// bound to one of its rules, and the case's recorded decision — the
// earlier where both apply; zero if there is none.
func (w *walker) decided(a date.Date) (date.Date, Span, decidedBy) {
	var d date.Date
	var off Span
	by := byLaw
	if ms := w.r.municipal; w.ctx.rule != nil && ms != nil && ms.spec.Decision != nil {
		off = ms.spec.Decision.Every
		d, by = off.AddTo(a), byRuleSet
	}
	if rd := w.rec.Decision; rd != nil {
		switch rdd := rd.Every.AddTo(a); {
		case d == 0 || rdd < d:
			d, off, by = rdd, rd.Every, byRecord
		case rdd == d:
			by = byBothEqual
		}
	}
	return d, off, by
}

// mark makes items[idx] the statutory item of the open window. It cites
// the law in force on its own due date where that law has the same
// requirement, else the law of the deadline.
func (w *walker) mark(idx int) {
	it := &w.items[idx]
	l := &w.chain
	it.Statutory = true
	m := chainMark{law: l.fuSet, deadline: l.deadline, first: l.first, switched: l.switched, lawStart: l.lawStart, by: l.by,
		anchor: l.anchor, from: l.from, fromHeld: l.fromHeld, offset: l.offset}
	own := w.r.StatutoryAt(it.Due)
	if l.followUp {
		m.fuSet = l.fuSet
		if own != nil && slices.Contains(own.spec.Statutory.FollowUp.Covers, w.ctx.iv.Basis) {
			m.fuSet = own
		}
	}
	if l.visit {
		m.visitSet = l.visitSet
		if own != nil && own.spec.Statutory.Visits != nil {
			m.visitSet = own
		}
	}
	if m.law == nil {
		m.law = l.visitSet
	}
	it.why.mark = m
	if it.why.origin == fromChain {
		it.why.anchor, it.why.from, it.why.fromHeld, it.why.offset = l.anchor, l.from, l.fromHeld, l.offset
	}
}
