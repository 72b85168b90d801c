// Package workday is the Danish working-day calendar (arbejdsdagskalender)
// used by the follow-up scheduler.
//
// A follow-up (opfølgning) on a measure for a child or young person has a due
// date set by law or by the plan. When that date is not an arbejdsdag
// (working day) the case worker cannot act on it, and acting late would break
// the deadline. The scheduler therefore plans every follow-up on the latest
// working day on or before its due date: [Calendar.OnOrBefore]. Moving the
// date earlier never breaks a deadline; moving it later could. The earliest
// working day on or after a date ([Calendar.OnOrAfter]) and a count of
// working days ([Calendar.WorkingDaysBetween]) are provided for reports.
//
// # What counts as closed
//
// A day is closed (not an arbejdsdag) when it is
//
//   - a Saturday (lørdag) or Sunday (søndag);
//   - one of the Danish helligdage as defined by the dk package of
//     github.com/rickar/cal/v2 (dk.Holidays): Nytårsdag, Skærtorsdag,
//     Langfredag, Anden påskedag, Store bededag, Kristi Himmelfartsdag,
//     Anden Pinsedag, Grundlovsdag, Juledag and Anden juledag. Påskedag and
//     Pinsedag are always Sundays; they are only used to name the reason;
//   - 24 December (juleaftensdag) when [Options.ChristmasEveClosed] is set,
//     and 31 December (nytårsaftensdag) when [Options.NewYearsEveClosed] is
//     set. By default both are ordinary working days when they fall on a
//     weekday;
//   - one of the municipality's own closing days, [Options.ExtraClosed].
//
// Store bededag (the fourth Friday after Easter) was abolished as a public
// holiday from 2024 by lov om afskaffelse af store bededag (2023). cal's
// dk.StoreBededag has EndYear 2023, so Store bededag 2023 (Friday 5 May
// 2023) is closed and the same Friday in 2024 (26 April 2024) is a working
// day.
//
// Grundlovsdag (5 June) is not one of the official helligdage, but it is in
// cal's Danish list and most workplaces, municipal administrations included,
// close at noon or all day under collective agreements. This package keeps
// it closed by default; there is deliberately no option to open it, so a
// follow-up due on Grundlovsdag is planned on the working day before.
//
// The holiday rules are applied to the Gregorian years 1583–9999 (cal's
// Easter computation is the Gregorian one, valid from 1583). Outside those
// years only weekends are closed.
//
// # Speed and limits
//
// [New] precomputes a bitset of closed days for the years 1970–2130, so
// [Calendar.IsWorkingDay], [Calendar.OnOrBefore] and [Calendar.OnOrAfter]
// take a few nanoseconds and allocate nothing for those years. Other dates
// are computed with cal directly (about a microsecond). A [Calendar] is
// immutable after construction and safe for concurrent use; [Danish] is
// built once and shared. The zero Calendar, and a nil *Calendar, behave
// exactly like [Danish].
//
// Without ExtraClosed the longest run of closed days is five (Skærtorsdag to
// Anden påskedag, or 24–28 December with juleaftensdag closed). [New]
// rejects ExtraClosed dates that make a run longer than [MaxClosedRun] days,
// so OnOrBefore and OnOrAfter never search more than MaxClosedRun+1 days.
// The only time they cannot find a working day is at the very ends of the
// int64 range of [date.Date], where no earlier (or later) day exists; they
// then return their argument unchanged.
package workday
