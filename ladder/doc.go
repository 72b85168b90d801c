// Package ladder encodes the intervention ladder (indsatstrappen) of the
// Herning model: where a child's measures sit, where the child stands on a
// given day, and how the child moved between steps over a period.
//
// # The steps
//
// The ladder has six steps standing on ordinary everyday life (hverdagsliv),
// the ground a child with no targeted measure stands on and the place the
// work aims to bring every child back to. From least to most intrusive:
// early help in universal services (almen), preventive measures
// (forebyggende), home-based measures (hjemmebaserede foranstaltninger),
// placement in kinship or network care (netvaerk), placement in a foster
// family (plejefamilie) and placement in an institution (institution). See
// Socialstyrelsen, Strategisk ramme & Faglig retning, Figur 3 (p. 14), and
// Ramme og retning — Partnerskab, Figur 2 (p. 7). [Step] is that order: its values
// are the ranks 0–6 and compare with < and >; the zero value is
// [EverydayLife].
//
// # Principles
//
// Herningmodellen 1.0 — kompendium (2015), section "Indsatstrappen" (dated
// 16 Dec 2015), and the Strategisk ramme's section on the ladder set out the
// rules this package keeps:
//
//   - A step measures how far a measure reaches into the child's everyday
//     life and how far it takes the child from it. That is the only order.
//     What a measure costs plays no part in where it sits, and a lower step
//     is not necessarily the cheaper one, so nothing here orders or ranks by
//     cost.
//   - Every step may be used when the child needs it; the direction of the
//     work is down the ladder, towards everyday life ([Step.Down]).
//   - Measures (indsatser, foranstaltninger) combine across steps: a youth
//     placed in a foster family may also attend an efterskole; a network
//     placement may run beside a counselling course. [PositionAt] puts the
//     child on the highest step among the measures active that day and
//     lists all of them, because the lower ones still count.
//   - Being under assessment (under afklaring or undersøgelse) is a status
//     of the case, not a step; it has no Step value.
//
// # A step is not a legal category
//
// Whether a measure is legally a placement (anbringelse) is recorded apart
// from its step. The home-based placements (hjemmebaserede anbringelser) —
// own room, boarding school, efterskole, staffed shared flat — are
// placements in law but sit on the home-based step (KORA 2017, §2.1 and
// §4.3). A residential stay for the whole family (døgnfamiliebehandling)
// counts on the institution step though the child is not placed. An
// [Intervention] therefore carries its step, its placement flag and its
// legal basis in Serviceloven and Barnets Lov ([Basis]). Which municipal
// follow-up rule applies to it is not the catalogue's business: a
// municipality's rule set in package followup binds codes to its rules.
//
// # The catalogue
//
// [Default] is the catalogue of Herning's intervention types, each under a
// stable code that case-management systems store and that never changes
// meaning; [Catalogue.OnStep] lists the types on one step. A vendor adds
// or overrides its own intervention types with [Catalogue.Extend], which
// validates every entry and reports every problem at once, and leaves
// Default as it was. [Catalogue.DecodeMeasure] reads a measure's JSON
// against such a catalogue; a [Measure] read with encoding/json knows only
// the Default codes.
//
// # Aftercare
//
// Support to a young person of 18 to 22 after a placement or a contact
// person — efterværn under Serviceloven (SEL § 76), ungestøtte under Barnets
// Lov (BL §§ 114–116) — has its own basis, [BasisAftercare], and six
// entries: a continued stay (døgnophold) in the foster family, with the
// network foster family or at the institution, a move-out stay
// (udslusning) or continued stay in a home-based placement form, a fixed
// contact person, and other support towards an independent life. None of
// them is a placement: a placement ends at 18, and the continued stay at
// the former placement is ungestøtte (our reading of the payment rules,
// Bek. nr. 95 af 29/01/2024 § 11; unconfirmed by a paragraph's text). A
// continued stay sits on the step of where the young person lives, so a
// youth who stays on in the foster family at 18 changes intervention but
// makes no move on the ladder. Barnets Lov requires follow-up on
// ungestøtte (BL § 95, stk. 1); which of §§ 114–116 gives which measure,
// and whether SEL § 70 covered SEL § 76, are unconfirmed and said so in
// each entry's Note.
//
// # Measures, positions and moves
//
// A [Measure] is one intervention given to one child from a start date to an
// optional end date. The end date is inclusive: a measure ending on 30 June
// is in effect on 30 June and not on 1 July. Dates are
// [github.com/rickb777/date/v2.Date] values (days, no time zone); nothing in
// this package reads a clock, so "today" is always an argument.
//
// Every date the library accepts lies in [MinDate]–[MaxDate], 1900-01-01
// to 2199-12-31: [ParseDate] and [NewMeasure] reject anything else, the
// zero date (0001-01-01, which callers read as "not given") among it, and
// other packages check the dates they take with [CheckDate]. The bound
// keeps every walk over dates finite and every count of days far from
// overflow. Ids must also be safe to print on one line ([CheckText]): no
// control characters and no bidirectional formatting characters.
//
// [TrajectoryOf] follows a child through a period: where it stood on the
// first day, then each change of position, up, down or lateral (same step,
// other interventions on it). A measure ending on 31 May and another
// starting on 1 June is one change on 1 June; a gap between them passes
// through everyday life. [Moves] keeps only the changes between steps, in
// the sense of KORA 2017, Figur 4.1, which counts children who moved from
// one step to another in a period and leaves out those who stayed on one
// step throughout.
//
// For counting many children, [StepAt] gives the step of [PositionAt]
// alone and [AppendMoves] the moves of [Moves] into a slice the caller
// reuses; neither allocates for an ordinary child.
//
// Sources: Herning Kommune, Herningmodellen 1.0 — kompendium (2015); Pedersen &
// Kloppenborg, Slutevaluering af Herning Kommunes Sverigesprogram (KORA
// 2017); Socialstyrelsen, Strategisk ramme & Faglig retning; Socialstyrelsen,
// Ramme og retning — Partnerskab om en tidligere forebyggende og mere
// effektiv indsats.
package ladder
