package followup

import "github.com/trappe-dk/trappe/ladder/msg"

// intake15Messages are the texts of the intake items of issue 15 (the
// receipt to a professional notifier, the reassessment and the
// conversation with the child on a notification, Herning's network
// meeting, the young person's plan, the plan revised before the return
// home) and of the intake rows' checks. Each template names its
// arguments; the numbers come from the rows.
var intake15Messages = []msg.Entry{
	// ---- how an item was done ----
	{Code: "followup.intake.done.on-time", Args: []string{"what", "on"},
		Da: "{what} {on}, rettidigt.",
		En: "{what} on {on}, on time."},
	{Code: "followup.intake.done.late", Args: []string{"what", "on", "late"},
		Da: "{what} {on}, {late} for sent.",
		En: "{what} on {on}, {late} late."},
	{Code: "followup.intake.done-at.on-time", Args: []string{"what", "at"},
		Da: "{what} {at}, inden fristen.",
		En: "{what} at {at}, within the deadline."},
	{Code: "followup.intake.done-at.late", Args: []string{"what", "at", "by"},
		Da: "{what} {at}, {by} efter fristen.",
		En: "{what} at {at}, {by} after the deadline."},

	// ---- which law, month ends ----
	{Code: "followup.intake.law.after", Args: []string{"anchor", "day", "law", "boundary"},
		Da: "Loven vælges efter {anchor} ({day}), så {law} gælder, selv om fristen falder efter {boundary}.",
		En: "The law is chosen by {anchor} ({day}), so {law} applies even though the deadline falls after {boundary}."},
	{Code: "followup.intake.law.before", Args: []string{"anchor", "day", "law", "boundary"},
		Da: "Loven vælges efter {anchor} ({day}), så {law} gælder, selv om fristen falder før {boundary}.",
		En: "The law is chosen by {anchor} ({day}), so {law} applies even though the deadline falls before {boundary}."},

	// ---- the notification ----
	{Code: "followup.intake.receipt.within", Args: []string{"when", "received", "within", "due"},
		Da: "{when}: underretningen blev modtaget {received}. Kommunen bekræfter modtagelsen over for underretteren senest {within} efter modtagelsen, {due}.",
		En: "{when}: the notification was received at {received}. The municipality confirms receipt to the notifier at the latest {within} after receipt, on {due}."},
	{Code: "followup.intake.receipt.working-days", Args: []string{"when", "received", "n", "due"},
		Da: "{when}: underretningen blev modtaget {received}. Kommunen bekræfter modtagelsen over for underretteren senest {due}, arbejdsdag nr. {n} efter modtagelsen.",
		En: "{when}: the notification was received at {received}. The municipality confirms receipt to the notifier by {due}, working day number {n} after receipt."},
	{Code: "followup.intake.reassessment", Args: []string{"received"},
		Da: "Underretningen blev modtaget {received} og angår et barn eller en ung, der allerede får støtte, er anbragt eller har en foranstaltning efter reglerne om ungdomskriminalitet. Kommunen revurderer sagen, og i revurderingen deltager en eller flere fra myndighedsområdet, som ikke før har været involveret i sagen.",
		En: "The notification was received at {received} and concerns a child or young person who already receives support, is placed or has a measure under the youth-crime rules. The municipality reassesses the case, with one or more people from the children's authority who have not taken part in the case before."},
	{Code: "followup.intake.conversation", Args: []string{"received"},
		Da: "Underretningen blev modtaget {received} og handler om overgreb mod barnet eller den unge. Der holdes en samtale med barnet; udøves overgrebet af forældrene, holdes samtalen uden deres samtykke og uden at de er til stede. Samtalen kan kun undlades, hvis barnets modenhed eller sagens karakter taler imod den.",
		En: "The notification was received at {received} and is about abuse of the child or young person. A conversation with the child is held; where the parents are the abusers, it is held without their consent and presence. It may be left out only where the child's maturity or the nature of the case speaks against it."},
	{Code: "followup.intake.with-assessment", Args: []string{"within", "dueAt"},
		Da: "Punktet forfalder sammen med vurderingen af underretningen, inden {within} efter modtagelsen: senest {dueAt}. Fristen regnes i timer og flyttes ikke til en arbejdsdag.",
		En: "The item is due with the assessment of the notification, within {within} of receipt: by {dueAt}. The deadline runs in hours and is not moved to a working day."},

	// ---- Herning's network meeting ----
	{Code: "followup.intake.network", Args: []string{"slot", "ahead", "due"},
		Da: "Der er reserveret tid til netværksmødet {slot} i kalenderen hos medarbejderne fra CBF. Er de ikke indkaldt senest {ahead} før, {due}, kan de selv disponere over tiden.",
		En: "Time for the network meeting on {slot} is reserved in the calendars of CBF's staff. If they are not invited at the latest {ahead} before, on {due}, they may use the time otherwise."},
	{Code: "followup.intake.network.released", Args: []string{"slot"},
		Da: "Fristen er passeret uden indkaldelse: tiden {slot} er frigivet.",
		En: "The deadline passed without an invitation: the time on {slot} is released."},

	// ---- the young person's plan ----
	{Code: "followup.intake.youth.birthday", Args: []string{"born", "age", "birthday"},
		Da: "Den unge er født {born} og fylder {age} år {birthday}.",
		En: "The young person was born on {born} and turns {age} on {birthday}."},
	{Code: "followup.intake.youth.leap-day", Args: []string{"year"},
		Da: "Fødselsdagen er den 29. februar, som {year} ikke har; alderen nås ved begyndelsen af den 28. februar, den tidligste af de mulige dage (ikke bekræftet: dansk praksis kan være 1. marts).",
		En: "The birthday is 29 February, which {year} does not have; the age is reached at the start of 28 February, the earlier of the possible days (unconfirmed: Danish practice may be 1 March)."},
	{Code: "followup.intake.youth.within", Args: []string{"when", "within", "decided", "age", "birthday", "anchor", "due"},
		Da: "{when}: ungeplanen foreligger senest {within} efter det seneste af afgørelsen ({decided}) og den dag den unge fylder {age} år ({birthday}), altså {anchor}: senest {due}.",
		En: "{when}: the young person's plan exists at the latest {within} after the later of the decision ({decided}) and the day the young person turns {age} ({birthday}), that is {anchor}: by {due}."},
	{Code: "followup.intake.youth.before", Args: []string{"when", "decided", "due"},
		Da: "{when}: ungeplanen foreligger før afgørelsen ({decided}), dvs. senest dagen før, {due}.",
		En: "{when}: the young person's plan exists before the decision ({decided}), that is at the latest the day before, {due}."},

	// ---- the plan before the return home ----
	{Code: "followup.intake.return-home", Args: []string{"anchorWhat", "anchor", "due"},
		Da: "Før barnet hjemgives, revideres barnets plan, ungeplanen eller de relevante dele af den helhedsorienterede plan, og den videre indsats beskrives. Fristen regnes fra {anchorWhat} ({anchor}): senest dagen før, {due}.",
		En: "Before the child returns home, the child's plan, the young person's plan or the relevant parts of the coordinated plan are revised, and the further effort is set out. The deadline runs from {anchorWhat} ({anchor}): at the latest the day before, {due}."},
	{Code: "followup.intake.return-home.moves", Args: []string{"returns"},
		Da: "Barnet flytter hjem {returns}.",
		En: "The child moves home on {returns}."},

	// ---- the checks of intake rows (findings; the code is the message) ----
	{Code: "ruleset.intake.form", Args: []string{"form", "kind", "allowed"},
		Da: "Fristen angivet som {form} læses ikke for typen {kind}; brug {allowed}.",
		En: "A deadline given as {form} is not read for kind {kind}; use {allowed}."},
	{Code: "ruleset.intake.working-days", Args: []string{"n", "max"},
		Da: "Arbejdsdage {n} skal være 1–{max}.",
		En: "Working days {n} must be 1–{max}."},
	{Code: "ruleset.intake.age", Args: []string{"age", "max"},
		Da: "Alderen {age} skal være 0–{max}.",
		En: "Age {age} must be 0–{max}."},
	{Code: "ruleset.intake.age-kind", Args: []string{"kind"},
		Da: "En alder (fromAge) læses kun for ungeplanen, ikke for typen {kind}.",
		En: "An age (fromAge) is read only for the young person's plan, not for kind {kind}."},
}

var _ = msg.Define(intake15Messages...)

// intake15Text renders a message of the table in Danish and English, for
// the Reason and Requirement structs that still hold strings.
func intake15Text(code string, args ...any) msg.Message {
	return msg.New(code, args...)
}

// textValue turns a Text of the rules' data into a message argument.
func textValue(t Text) msg.Value {
	return msg.Text(map[msg.Lang]string{msg.Danish: t.Da, msg.English: t.En})
}
