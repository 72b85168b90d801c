// Package vendor is a case-management vendor's program in a module of its
// own, as trappe's users write one: it depends on trappe through go.mod
// (here with a replace directive pointing at the checkout; a vendor
// requires a released version or a pseudo-version instead), extends the
// intervention catalogue with its own code, binds it to a rule of its
// municipality, schedules a caseload, lists what is due, and stores the
// plans as JSON and reads them back. Its test is the proof that trappe's
// public API is enough for that, without reaching into any internal
// package.
package vendor
