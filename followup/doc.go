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
//	H-FOREB        preventive (SEL § 52): +4 weeks, +3 months, +6 months (status), then every 3 months
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
// Which rule follows up which intervention is the municipality's data, not
// the catalogue's: a municipal set binds intervention codes (package
// ladder) to its rules (RuleSetSpec.Bindings; Herning's binds the default
// catalogue as domain.md §1 does). Another municipality binds the same
// codes to its own rules; a code its set does not bind gets the statutory
// floor alone and the finding followup.statutory-only. Herning's table is
// silent on aftercare (ungestøtte, formerly efterværn), so its codes get
// the floor alone: BarnetsLov covers ladder.BasisAftercare (BL § 95, stk.
// 1, lists §§ 114–116); ServiceLoven does not, because whether SEL § 70
// covered SEL § 76 is unconfirmed, so aftercare begun before 2024 owes its
// first statutory follow-up under Barnets Lov.
//
// Vendors build their own municipality's set in Go (NewRuleSet) or from JSON
// (json.Unmarshal into a RuleSet). Building a set that would relax the law,
// has a malformed period, refers to an unknown rule or contradicts itself is
// an error that lists every problem as coded findings.
//
// # One statutory chain
//
// The law's follow-up and, for placements, its supervision visits are one
// chain of deadlines. The first is due at the latest 3 months after the
// start (BL § 95 also: at the end of an assessment run alongside, if that
// is earlier). After it the law's own interval applies (SEL § 70: 6
// months), or, where the law has none (BL § 95, stk. 3), the decided
// cadence: the municipality's standing decision for the measures bound to
// its rules (RuleSetSpec.Decision: Herning keeps the half-yearly
// follow-ups it kept under SEL § 70) and the case's recorded decision
// (Record.Decision), the earlier where both apply. A measure with neither
// gets the finding followup.bl.no-decision.
//
// Walking the chain, the latest follow-up due on or before each deadline
// is marked statutory: it must have the statutory content (a child
// conversation, in person), no exception relaxes it, and the next deadline
// is measured from it (from the day it was held, if it was). Where no
// follow-up falls in a window, the chain adds a statutory-only follow-up at
// the deadline — or on the day a follow-up was held inside the window. For
// a placement each statutory follow-up is also the supervision visit (SEL §
// 148; BL § 156, stk. 5: in person, at the placement, with the child), the
// earlier of the two intervals counts, and no other item of the placement
// is statutory; only where the follow-up has no deadline do the visits go
// on alone, as supervision-visit items at most 6 months apart.
//
// Each law is a dated statutory set, and the law in force on a deadline
// decides it: a deadline that falls after a newer law took effect is
// measured again under the newer law from the same anchor (and where that
// would fall before the newer law took effect, it is the day it took
// effect: the reading that relaxes less). A law that gives no deadline
// makes the chain look ahead to the next law. So a measure that straddles
// 1 January 2024 keeps one unbroken chain, and an amendment is one more
// dated set, with no change of code. A marked item cites the law in force
// on its own due date. When the horizon ends before a window closes, the
// plan stops there rather than guess which follow-up beyond it would be
// marked.
//
// A rule that runs out (MST's course ends at +5 months; the family centre's
// status report comes at +8 months) schedules nothing after its last item:
// an open measure past it gets the warning followup.rule.ended, and the
// statutory chain goes on alone.
//
// Held follow-ups are matched to the items in date order, by one rule on
// every path: a held follow-up satisfies at most one item; one held before
// the previous item's working day, or on the same day as the follow-up
// that satisfied the previous item, is an extra follow-up.
//
// # Exceptions
//
// An exception (undtagelse) relaxes some extra follow-ups of some rules:
// which ones is data on the exception (Scope: the rule, the fixed items by
// index, the recurring phases by index). Herning's: X-BARNDOM relaxes only
// H-PLEJE's three-monthly follow-ups after the first year (phone or mail,
// and the child conversation after assessment); X-FJERN the extra
// follow-ups after the first of H-INST, H-PLEJE and H-EGET, not H-KORT
// (phone, the conversation still held); X-EFTERSKOLE those of H-EFTERSKOLE
// (phone). Each must be approved by the team leader (Grant: who and when)
// and applies from the day it was approved. No exception touches a
// statutory follow-up or the rule's first follow-up, or moves a date;
// loading an exception whose scope names a rule's first follow-up is an
// error, and the explanation of a relaxed item says what was relaxed, who
// approved it and how an ambiguous source was read (Exception.Reading).
//
// # Limits
//
// Every date the scheduler accepts lies in 1900-01-01 … 2199-12-31; the
// walk from a measure's start to the end of its plan is at most 40 years
// (MaxWalkMonths), a plan holds at most MaxPlanItems items, and the
// horizon is at most 10 years after the as-of date. A regime must cover
// every date it schedules with a statutory set: a nil or zero Regime is an
// error, NewRegime refuses gaps between statutory sets, and a date before
// the first set or after the last is an error naming the set.
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
// months, the child's plan, hearing the child) are data in the rule sets
// too; see intake.go.
//
// # The notification, the network meeting and the plans of young people
//
// A notification owes more than its assessment (NotificationDeadlines). A
// professional notifier is sent a receipt within 6 days of receipt (SEL §
// 155 b; the Barnets Lov paragraph, probably § 138, is unconfirmed). Whether
// the law counts days or working days is unconfirmed too, so the unit is
// data on the row: the shipped rows count calendar days, the reading that
// relaxes less, and a row with WorkingDays counts Danish working days. A
// notification about a child who already receives support has the case
// reassessed by someone not involved before, and one about abuse calls for
// a conversation with the child (BL § 137, tidl. SEL § 155 a). The law
// sets no deadline for these two; they are items of their own, due with
// the 24-hour assessment, which stay overdue until done — a requirement
// riding on the assessment would vanish once the assessment is made, so
// the items protect the child more (unconfirmed, and said so in each
// item's why). Herning releases the time reserved in CBF's calendars for a
// network meeting if CBF's staff are not invited within a week
// (Kompendium s. 23–27; NetworkMeetingDeadline, a municipal deadline read
// as a week before the reserved time).
//
// The young person's plan (ungeplan, BL § 108) is due at the latest 3
// months after the later of the decision and the 16th birthday — a must
// for placements and re-established stays, and where the municipality
// chose to make one — and before the decision for a placement without
// consent of a young person of 16 or over (YoungPersonsPlanDeadline). The
// age is reached at the start of the birthday (AgeReached); a birthday on
// 29 February in a year without one counts as 28 February, the earlier day
// (unconfirmed). Before a child returns home the plan is revised (BL §
// 100, stk. 5; ReturnHomePlanDeadline): due the day before the decision to
// return the child home, or before the day the child moves home when no
// decision is recorded.
// # Receipts
//
// An answer computed years ago must be checkable: which rules, which
// calendar, which day, which input. Regime.Receipt gives a Receipt
// (kvittering) with trappe's version, each rule set with the SHA-256 of its
// data (RuleSet.SHA256, of the JSON json.Marshal writes for it), the
// calendar's options, the as-of date and horizon, and the SHA-256 of the
// input bytes. Receipt.Replay checks a regime and an input against it and
// returns the Options that compute the same answer again. The version
// comes from the build information the Go toolchain embeds
// (runtime/debug), not from a file or the environment.
//
// An item of a measure that has ended and was never held is missed: it can
// no longer be held, so DueIn and NextDue leave it out, Compliance counts
// it, and the plan has a finding for it. Findings and reasons are derived
// when read (Plan.Findings, Item.Why), as messages with their arguments
// (package ladder/msg); nothing is formatted while scheduling.
//
// # Storing, answering fast, replaying
//
// Records, items and plans have a JSON wire format (json.go). A stored
// plan reads back with Regime.DecodePlan, which schedules its record again
// and refuses it if the answer differs (the rules or the law changed).
// Regime.NextDue answers "when is the next follow-up due?" from the raw
// record without building the plan, and DueAppend fills a caller's buffer;
// neither allocates in the common case. A Receipt names what an answer was
// computed with (trappe's version, each rule set's SHA-256, the calendar,
// the dates, the input's SHA-256), so it can be audited and computed again.
//
// Nothing here reads a clock: the as-of date is always a parameter. Rule
// sets, regimes, plans and calendars are immutable and safe for concurrent
// use.
package followup
