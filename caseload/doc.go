// Package caseload is the "who" of the Herning model: how many children's
// cases a case worker (socialrådgiver) holds, how heavy they are, how much
// follow-up work they bring, who should get a new case and whether a case
// follows a family that moves.
//
// # Sagstal and sagstyngde
//
// A worker's caseload (sagstal) counts children: a case (børnesag) is one
// child, however many measures the child has and however many events the
// case sees. A case without an active measure counts as well. Because new
// cases are distributed across the team, Herning's caseloads are mixed —
// cases with early help under SEL § 11, cases with measures under SEL § 52,
// early cross-disciplinary prevention and cases with no measure at all —
// and one worker can hold a case from the notification through the
// assessment to the measure (KORA 2017 §5.2). Count alone is a blunt measure: Socialstyrelsen names the weight
// of the cases (sagstyngde) beside their number as what makes close
// follow-up possible (Strategisk ramme, "Myndighedsområdet"). A [Weights]
// value lets a municipality weigh cases by ladder step, by intervention or
// by its own categories; a case then counts by its heaviest part, never as
// several cases.
//
// # Limits
//
// In Herning's Sverige teams a worker held 20–25 cases, against 45–50 in
// the municipality's other districts (KORA 2017 §1); the model's target is
// at most 25 on average (KORA 2017 §5.2), and the Kompendium states that
// its follow-up practice can be kept with at most 20–25 children's cases
// per worker (Kompendium s. 32–35). Dansk Socialrådgiverforening's guiding
// figure for the children's area is about 20–30 children per full-time
// worker (feb. 2020), lower for about the first six months of a new hire
// and for part-timers. A [Policy] holds such limits as a value: [Herning]
// and [DS2020] are shipped, and [NewPolicy] builds a municipality's own. A
// worker's limits are scaled by FTE (årsværk) and, in the new-hire period,
// by a factor. [Validate] checks a [Team] against a policy and returns
// every finding at once, each with a stable code (caseload.over-hard-limit,
// caseload.over-soft-limit, caseload.team-average, …) and a message in
// Danish and English.
//
// # Texts
//
// Every finding, transfer reason and handover carries its message as data
// (package msg): a code and its arguments — ids, names, counts, limits,
// FTE, dates — so a vendor can show it in its own words without parsing
// text. The Danish and English words live in one catalogue, messages.go;
// numbers in a text come from the arguments and are formatted per language
// ("20 = 25 × 0,8 årsværk" / "20 = 25 × 0.8 FTE"). Render with
// Finding.Text, TransferDecision.Text or Handover.Text, or with a vendor's
// own msg.Catalogue. Where one finding code covers situations that read
// differently, its message holds a nested message ("detail") whose code
// names the situation, e.g. caseload.missing-id with
// caseload.missing-id.worker or caseload.missing-id.new-case.
//
// # Workload and capacity
//
// The limits are not arbitrary: they are what the follow-up rules cost.
// [Workload] schedules every measure of every case with the follow-up
// regime (package followup) and counts, per worker and per ISO week and
// month, the follow-ups owed and, given minutes per item, the hours.
// [Capacity] turns the rules around: given a case mix, the time one
// follow-up takes and the hours a worker has for them, it simulates a
// steady-state year and returns the largest caseload at which every
// deadline can be kept. Its model and assumptions are in its documentation.
// Follow-ups are only part of the work on a case: with Herning's table and
// 4 hours a meeting, a mixed caseload costs about 14 hours of follow-up a
// case a year, so follow-ups alone would allow some 90 cases on 30 hours a
// week. The Kompendium's 20–25 therefore leaves about 39–52 hours a case a
// year for the rest of the case work (CapacityResult.OtherHoursFor), and
// with that rest given as CapacityModel.OtherHoursPerCaseYear — 40 hours,
// an assumption — the capacity lands at 24, falling to 20 as the mix moves
// towards placements. The example shows the figures.
//
// # Distribution and transfer
//
// Every notification is assessed within 24 hours by the worker on duty;
// a notification in a case not known goes to the team leader, who
// distributes it among the team (Kompendium s. 28). [Suggest] proposes the
// worker with the most room within the limits, never over a hard limit,
// and says so when nobody has room; [CheckReassignment] checks moving a
// case. When a family moves between districts, the case moves with it —
// except placement cases and aftercare (efterværn) cases; the receiving
// team leader assigns the case and the handing-over worker calls a
// handover meeting (Kompendium s. 36). [Transfer] makes that decision for
// one case from its measures: an active placement or an active aftercare
// measure (ungestøtte, which is no placement) keeps it.
//
// # Input
//
// Nothing here reads a clock, a file or the network: "today" is always an
// argument, and no function changes its input. A [Team] can be read from
// JSON with [DecodeTeam] (or json.Unmarshal), in the format
//
//	{"workers": [{"id": "w1", "name": "…", "team": "nord", "fte": 1.0, "employedSince": "2020-01-01"}],
//	 "cases": [{"id": "c1", "worker": "w1", "child": {"birthDate": "2012-03-04"},
//	   "keys": ["akut"],
//	   "measures": [{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05", "end": "2026-06-30",
//	     "exceptions": [{"id": "X-FJERN", "approvedBy": "…", "approvedOn": "2026-01-10"}],
//	     "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}],
//	     "decision": {"decidedOn": "2026-03-30", "every": "P3M"}, "assessmentEnd": "2026-02-01"}]}]}
//
// where "exceptions" are the approved exceptions (followup.Grant),
// "followups" the follow-ups held (followup.Held), "decision" the cadence
// decision under BL § 95 and "assessmentEnd" the end of an assessment run
// alongside the measure; all but the measure's id, intervention and start
// are optional. A field the format does not have (a typo such as
// "startDate", or "goals", which this package does not read) and a key
// given twice in one object are errors naming the JSON path, as is an id
// or a name holding a control or bidirectional formatting character
// (ladder.UnsafeRune); encoding/json alone would drop the one and keep
// the last of the other without a word.
// An aftercare case is told by its measures (an "ungestoette-…"
// intervention); the "aftercare" flag of an earlier format is refused when
// true, so that such a case is not silently moved with the citizen.
//
// Sources: Herning Kommune, Herningmodellen 1.0 — kompendium (2015),
// s. 28, 32–35 and 36; Pedersen & Kloppenborg, Slutevaluering af Herning
// Kommunes Sverigesprogram (KORA 2017), §1 and §5.2; Socialstyrelsen,
// Strategisk ramme & Faglig retning; Dansk Socialrådgiverforening,
// vejledende sagstal (feb. 2020).
package caseload
