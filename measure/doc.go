// Package measure answers "how well": whether the goals in a child's plan
// are SMART, how a goal is progressing, and the key figures (nøgletal) that
// municipalities report about their children's services.
//
// # SMART goals
//
// Herning reads SMART as specifik, målbart, accepterede og attraktive for
// barnet, realistiske and tidsfaste (Herningmodellen 1.0 — kompendium, s.
// 32), with four guiding questions: what is the goal, who works on it, how
// can progress be seen, and when should it be met. Socialstyrelsen adds
// concrete goals with sub-goals (delmål) and a time frame, set with the
// child and the family and followed up during the measure; Barnets Lov § 92
// asks the child's plan for concrete goals set with the child and the
// parents. ValidateGoal checks a Goal letter by letter and returns every
// finding at once, each with a stable code (smart.S.…, smart.M.…, smart.A.…,
// smart.R.…, smart.T.…) and a message that says what to add. Rules lists
// every rule with its source; the checks are plain and deterministic — no
// language model, no network. The Kompendium gives only the letters and the
// guiding questions: the thresholds that make a letter checkable — at least
// MinGoalWords words, the list of vague words, a change of more than half
// the scale in under SteepDays days — are trappe's own rules and cited as
// such, not as the Kompendium's. Goal.Progress compares a measured value with
// the baseline and target and says whether the goal is on track for its due
// date; CheckReview reports a follow-up that made no decision on new goals,
// which every follow-up must make.
//
// # Key figures
//
// ChildYears counts child-years (årsbørn) from measure spans: each day a
// placement is in effect counts 1/365 of a year (1/366 in a leap year), so
// a child placed for half a year counts about 0.5. Figures are given per
// intervention and per placement group (institution, family care, network,
// home-based placements), with shares of all placed child-years.
// CompareChildYears and KORA2017 reproduce the published figures of KORA
// 2017 (Tabel 2.1–2.3) to the percent. CountSteps counts children per step
// of the ladder on a date (Figur 2.1), CountMoves builds the from×to matrix
// of moves between steps in a period (Figur 4.1), FollowUpRates gives the
// follow-ups in the law's sense per child case per half-year by case type and
// their ratio to the statutory minimum (Figur 2.2), ComplianceRates the share
// of deadlines kept, and there are cases per worker, placement breakdowns
// (sammenbrud) per placed child-year and the SDQ total difficulties score
// (0–40, higher means more difficulties).
//
// # Børnesagsbarometret
//
// Ankestyrelsen's Børnesagsbarometret reports per municipality the share of
// first follow-ups held within 3 months of a measure's start (BL § 95 stk.
// 2, tidl. SEL § 70) and the share of child assessments (børnefaglige
// undersøgelser) finished within 4 months of the day the municipality
// learned the child may need support (BL § 20 stk. 3, tidl. SEL § 50).
// FirstFollowUps and Assessments compute both from a municipality's own
// records, given as plain values, overall, per case worker and per team, so
// the municipality sees its figure before the watchdog does. The deadline
// is the clock's start plus 3 or 4 calendar months, a missing day clamped
// to the month's last (31 January + 3 months = 30 April), and the deadline
// day is on time. A BarometerQuery picks the cohort (clocks started in a
// period) and an as-of date: only records whose deadline has passed are in
// the denominator; the rest are pending. Measures the law does not require
// follow-up on are left out. A measure that ended before its deadline with
// no follow-up counts as missed unless the query says DropEndedEarly — the
// sources read do not settle it, and keeping it relaxes the protection
// less. Misses lists a finding for each missed deadline, and
// BarometerBenchmarks holds the national shares read on ast.dk.
//
// # Placement length
//
// Herning treats an institution placement as an emergency to be ended from
// the day it starts (Kompendium s. 14), and the largest change in such a
// placement comes in its first six months (Strategisk ramme, "Viden vi
// bygger på"). CountPlacementLengths gives, per placement group, the number
// of placements in effect in a period, the median length in days and the
// share that lasted over 6 and over 12 calendar months. Each measure is one
// placement. A placement still in effect after the period counts up to the
// period's last day (open), so the overall median is a lower bound while
// any are open, and MedianEndedDays gives the full lengths of those that
// ended. An open placement that has not reached a mark by the period's end
// is left out of that mark's share instead of counting as short.
//
// Every figure can explain itself: what was counted, and the table or
// figure it follows.
//
// # Texts
//
// Every finding and every explanation is a message (package msg): a stable
// code and its arguments as data — dates, periods, counts, shares, names —
// so a vendor can render it in its own words without parsing text. The
// words are in one catalogue, messages.go, Danish and English side by side;
// numbers come from the arguments and are formatted per language (a Danish
// decimal comma, "3 måneder" / "3 months"). Render with Text(lang), or with
// a vendor's msg.Catalogue; a text missing in a language shows its code.
package measure
