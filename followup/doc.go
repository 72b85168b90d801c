// Package followup turns the follow-up requirements (opfølgningskrav) of
// the Herning model into a rule engine and scheduler: when each measure
// (indsats, foranstaltning) must be followed up, what each follow-up must
// contain, which of them the law requires, and why.
//
// # Rules are data
//
// A RuleSet is a validated, immutable value with a name, a layer, an
// effective date and a source citation per rule. There are two layers. The
// statutory sets are the law: ServiceLoven (until 31 December 2023: the
// first follow-up at the latest 3 months after the start, then at most 6
// months apart, SEL § 70; personal supervision of placements twice a year,
// SEL § 148) and BarnetsLov (from 1 January 2024: the first follow-up within
// 3 months, or at the end of an assessment run alongside if earlier, and
// after that the cadence the municipality decided, BL §§ 95–96; at least two
// supervision visits a year at the placement with a conversation with the
// child, BL § 156, stk. 5). The municipal set is a municipality's own
// practice, layered on the law. HerningRules holds Herning's table
// (Herningmodellen 1.0 — kompendium, pp. 32–35; KORA 2017, Tabel 5.1):
//
//	H-INST         institution placement: +2 weeks, then every 6 weeks
//	H-PLEJE        foster family / network: +2 weeks, every 6 weeks the first year, then every 3 months
//	H-EGET         own room: +2 weeks, then every 6 weeks
//	H-KORT         short-term placement: every 4 weeks
//	H-FOREB        preventive (SEL § 52): +4 weeks, every 3 months, status at +6 months
//	H-MST          MST: +4 and +8 weeks, +3 months (further course), course ends at +5 months
//	H-KONTAKT      contact person: +4 weeks, +3 months (centre), +6 months, +9 months (centre), …
//	H-FAMCENTER    family centre: +4 weeks, +3 months, +6 months, status report at +8 months
//	H-PRIVKONTAKT  private contact person: +4 weeks, +3 and +6 months, then every 3 months
//	H-EFTERSKOLE   efterskole as support: +4 weeks, +3 and +6 months (status from school), then every 3 months
//
// Fixed items are offsets from the measure's start; recurring ones run from
// the previous follow-up — the day it was held if it was, otherwise its due
// date — so a late follow-up moves the chain and never stretches a gap. Weeks
// are 7 days; months are calendar months, and a day missing in the target
// month clamps to its last day (31 January + 1 month = 28 or 29 February).
// H-PLEJE's first year runs from the start up to (not including) start + 12
// months, and the interval is chosen by the date of the previous follow-up.
// Where the table says "then every 3 months" after fixed items (H-KONTAKT,
// H-PRIVKONTAKT, H-EFTERSKOLE), the recurrence starts after the fixed items,
// and a fixed follow-up is still never due more than one interval after the
// previous one: for a start on 31 January, +3 months is 30 April and +6
// months is 30 July (3 months after 30 April), not 31 July.
//
// Held follow-ups are matched to the items in date order. One held before
// the previous item's due date is an extra follow-up that satisfies nothing
// (Compliance counts it).
//
// Vendors build their own municipality's set in Go (NewRuleSet) or from JSON
// (json.Unmarshal into a RuleSet). Building a set that would relax the law,
// has a malformed period, refers to an unknown rule or contradicts itself is
// an error that lists every problem as coded findings.
//
// # How the layers combine
//
// Regime.Schedule builds the municipal schedule and walks the statutory chain
// in the same pass. The first statutory deadline is measured from the start;
// the latest municipal follow-up due on or before it is marked statutory and
// must then have the statutory content (a child conversation, in person); the
// next statutory deadline is measured from that follow-up. Where no municipal
// follow-up falls inside a window, a statutory-only follow-up is added at the
// deadline — unless a follow-up was held inside the window, which is then the
// latest one on or before the deadline and becomes the statutory item on the
// day it was held. The law in force on each deadline decides the next
// deadline, so a measure that spans 1 January 2024 moves from Serviceloven's
// chain to Barnets Lov's; each marked follow-up cites the law in force on its
// own due date (a follow-up due in December 2023 cites SEL § 148 even when the
// visit deadline it meets falls in 2024). When the horizon ends before a
// statutory window closes, the plan stops there rather than guess which
// follow-up beyond it would be marked. Under
// Barnets Lov the law has no interval after the first follow-up: with a
// municipal rule the municipal table is the decided cadence; otherwise the
// decision recorded on the measure (Record.Decision) drives the chain, and a
// measure with neither gets the finding "followup.bl.no-decision".
//
// Supervision of placements appears in the schedule the same way: visits are
// kept at most six months apart (which gives at least two in every year of
// the placement), the latest follow-up on or before each visit deadline is
// marked as the visit — in person, at the placement, with a conversation with
// the child — and a supervision-visit item is added where no follow-up falls
// in the window.
//
// # Exceptions
//
// Herning's exceptions (undtagelser) X-BARNDOM, X-FJERN and X-EFTERSKOLE
// relax only the extra, non-statutory follow-ups: they allow phone or mail
// and, for X-BARNDOM, a follow-up without a child conversation. Each must be
// approved by the team leader (Grant: who and when) and applies from the day
// it was approved. An exception never moves a date and never touches a
// statutory item.
//
// # Items, status and why
//
// Each Item has its due date and the latest Danish working day on or before
// it (package workday), its kind, whether it is statutory, whether a child
// conversation is required, the allowed modes, the rule ids it satisfies and
// its status as of a date: done (held, possibly late), overdue or upcoming.
// Item.Why returns the reasons as data — rule id, rule set and its effective
// date, source, the exception and who approved it — with Danish and English
// text a case worker can read.
//
// Plan.Compliance checks each held follow-up against the item it satisfied:
// on time or how late, and whether it met the content. DueIn lists what is
// due or overdue across a whole caseload. The intake deadlines (a
// notification assessed within 24 hours, the child assessment within 4
// months, the child's plan, hearing the child) are in intake.go.
//
// Nothing here reads a clock: the as-of date is always a parameter. Rule
// sets, regimes, plans and calendars are immutable and safe for concurrent
// use.
package followup
