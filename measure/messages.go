package measure

import "github.com/trappe-dk/trappe/ladder/msg"

// messages is the catalogue of the package's texts, in Danish and English
// side by side: every finding of the SMART and review checks and of the
// barometer, every rule's one-line summary, and every key figure's
// explanation, each with its arguments as data. No other file of the
// package builds a sentence.
//
// The finding codes (smart.…, barometer.…) are stable: vendors store
// them. The other codes are namespaced measure.…. Numbers in a text come
// from its arguments (a threshold from its constant, a period as months),
// formatted for the language by package msg.
//
// A part that is only sometimes there (a share that cannot be computed, a
// national figure) is a nested message of its own, passed as an argument
// that is the zero msg.Value when the part is absent (it renders as
// nothing, and as null in JSON); such a part begins with its own separator.
var messages = []msg.Entry{
	// -----------------------------------------------------------------
	// What a SMART finding is about: the goal or a sub-goal.
	{Code: "measure.smart.goal", Da: "Målet", En: "The goal"},
	{Code: "measure.smart.sub-goal", Da: "Delmålet", En: "The sub-goal"},
	{Code: "measure.smart.goal.lower", Da: "målet", En: "the goal"},
	{Code: "measure.smart.sub-goal.lower", Da: "delmålet", En: "the sub-goal"},
	{Code: "measure.smart.sub-goal.no", Args: []string{"no"}, Da: "Delmål nr. {no}", En: "Sub-goal no. {no}"},

	// SMART findings: input problems (ValidateGoal, CheckReview).
	{Code: "smart.input.no-as-of",
		Da: "Vurderingsdatoen mangler (asOf er nul). Angiv den dato målet skal vurderes på; regler der afhænger af dagens dato er sprunget over.",
		En: "The as-of date is missing (zero). Pass the date to judge the goal on; rules that depend on today's date were skipped."},
	{Code: "smart.input.no-id", Args: []string{"item", "noun"},
		Da: "{item} har intet id. Giv {noun} et id, så fund og opfølgninger kan henføres til det.",
		En: "{item} has no id. Give {noun} an id so that findings and follow-ups can refer to it."},
	{Code: "smart.input.duplicate-id", Args: []string{"id"},
		Da: "Delmål-id \"{id}\" bruges mere end én gang under målet. Giv hvert delmål sit eget id.",
		En: "Sub-goal id \"{id}\" is used more than once under the goal. Give each sub-goal its own id."},
	{Code: "smart.input.plan-inverted", Args: []string{"planTo", "planFrom"},
		Da: "Planperioden slutter {planTo}, før den begynder {planFrom}. Ret planperiodens start- og slutdato; reglerne om planperioden er sprunget over.",
		En: "The plan period ends on {planTo}, before it starts on {planFrom}. Correct the plan period's start and end; the plan-period rules were skipped."},
	{Code: "smart.input.not-finite", Args: []string{"problem"}, Da: "{problem}", En: "{problem}"},
	{Code: "measure.smart.not-finite.indicator", Args: []string{"fields"},
		Da: "Indikatoren har et ugyldigt tal (NaN eller uendeligt) i: {fields}. Angiv endelige tal.",
		En: "The indicator has an invalid number (NaN or infinite) in: {fields}. Give finite numbers."},
	{Code: "measure.smart.not-finite.measured", Args: []string{"value"},
		Da: "Den målte værdi {value} er ikke et endeligt tal. Angiv den målte værdi.",
		En: "The measured value {value} is not a finite number. Give the measured value."},
	{Code: "smart.input.scale-inverted", Args: []string{"min", "max"},
		Da: "Indikatorens skala er tom eller vendt: min {min} er ikke mindre end maks {max}. Ret skalaens min og maks, eller fjern skalaen.",
		En: "The indicator's scale is empty or reversed: min {min} is not below max {max}. Correct the scale's min and max, or remove the scale."},
	{Code: "smart.input.met-after-as-of", Args: []string{"item", "met", "asOf"},
		Da: "{item} er registreret som nået {met}, efter vurderingsdatoen {asOf}. Ret datoen for, hvornår målet blev nået.",
		En: "{item} is recorded as met on {met}, after the as-of date {asOf}. Correct the date it was met."},
	{Code: "smart.input.bad-answer", Args: []string{"problem"}, Da: "{problem}", En: "{problem}"},
	{Code: "measure.smart.bad-answer.attractive", Args: []string{"value"},
		Da: "Feltet \"attraktivt for barnet\" har den ukendte værdi {value}. Angiv ja, nej eller ikke besvaret.",
		En: "The field \"attractive to the child\" has the unknown value {value}. Give yes, no or unset."},
	{Code: "measure.smart.bad-answer.new-goals", Args: []string{"value"},
		Da: "Beslutningen om nye mål har den ukendte værdi {value}. Angiv ja eller nej.",
		En: "The decision on new goals has the unknown value {value}. Give yes or no."},
	{Code: "smart.input.review-goal-mismatch", Args: []string{"review", "goal"},
		Da: "Opfølgningen gælder målet \"{review}\", men blev tjekket mod målet \"{goal}\". Tjek opfølgningen mod det rigtige mål.",
		En: "The review is about goal \"{review}\" but was checked against goal \"{goal}\". Check it against the right goal."},
	{Code: "smart.input.no-review-date",
		Da: "Opfølgningen har ingen dato. Angiv datoen for opfølgningen.",
		En: "The review has no date. Give the date of the follow-up."},

	// SMART findings: S.
	{Code: "smart.S.no-text", Args: []string{"item"},
		Da: "{item} har ingen tekst. Skriv i ét konkret udsagn, hvad der skal være opnået, fx \"Mathias møder i skole 5 dage om ugen\".",
		En: "{item} has no text. Write in one concrete statement what is to be achieved, e.g. \"Mathias attends school 5 days a week\"."},
	{Code: "smart.S.too-short", Args: []string{"text", "words", "min"},
		Da: "Teksten \"{text}\" har kun {words} ord og er for kort til at være specifik (mindst {min}). Beskriv, hvad barnet skal gøre eller kunne, og i hvilken situation.",
		En: "The text \"{text}\" has only {words} words, too few to be specific (at least {min}). Describe what the child will do or be able to do, and in which situation."},
	{Code: "smart.S.vague", Args: []string{"words"},
		Da: "Teksten bruger vage ord ({words}) og har hverken tal, indikator eller kriterier. Skriv, hvad der konkret skal ændre sig, fx hvor ofte eller hvor meget, eller tilføj en indikator eller kriterier, der kan observeres.",
		En: "The text uses vague words ({words}) and has no number, indicator or criteria. Say what concretely should change, e.g. how often or how much, or add an indicator or criteria that can be observed."},
	{Code: "smart.S.no-who",
		Da: "Der står ikke, hvem der arbejder med målet. Skriv navn eller rolle på dem, der arbejder med det, fx barnet, forældrene, kontaktpersonen eller skolen.",
		En: "Nobody is named as working on the goal. Add the names or roles of those who work on it, e.g. the child, the parents, the contact person or the school."},

	// SMART findings: M.
	{Code: "smart.M.no-indicator", Args: []string{"item"},
		Da: "{item} har hverken en indikator eller kriterier, så fremskridt ikke kan ses. Tilføj en målbar indikator (navn, enhed, udgangspunkt og målværdi) eller kriterier, der kan observeres.",
		En: "{item} has neither an indicator nor criteria, so progress cannot be seen. Add a measurable indicator (name, unit, baseline and target) or criteria that can be observed."},
	{Code: "smart.M.indicator-no-name",
		Da: "Indikatoren har intet navn. Skriv, hvad der måles, fx \"fremmøde i skole\" eller \"SDQ totalscore\".",
		En: "The indicator has no name. Say what is measured, e.g. \"school attendance\" or \"SDQ total score\"."},
	{Code: "smart.M.indicator-no-unit", Args: []string{"indicator"},
		Da: "Indikatoren \"{indicator}\" har ingen enhed. Angiv enheden, fx \"dage pr. uge\" eller \"point\".",
		En: "The indicator \"{indicator}\" has no unit. Give the unit, e.g. \"days a week\" or \"points\"."},
	{Code: "smart.M.target-equals-baseline", Args: []string{"target"},
		Da: "Indikatorens målværdi {target} er den samme som udgangspunktet, så der er intet at nå. Angiv den værdi, barnet skal nå.",
		En: "The indicator's target {target} equals its baseline, so there is nothing to reach. Give the value the child is to reach."},
	{Code: "smart.M.baseline-out-of-scale", Args: []string{"baseline", "min", "max"},
		Da: "Udgangspunktet {baseline} ligger uden for skalaen {min}–{max}. Ret udgangspunktet eller skalaen.",
		En: "The baseline {baseline} lies outside the scale {min}–{max}. Correct the baseline or the scale."},
	{Code: "smart.M.target-out-of-scale", Args: []string{"target", "min", "max"},
		Da: "Målværdien {target} ligger uden for skalaen {min}–{max}. Ret målværdien eller skalaen.",
		En: "The target {target} lies outside the scale {min}–{max}. Correct the target or the scale."},
	{Code: "smart.M.blank-criterion", Args: []string{"numbers"},
		Da: "Kriterie nr. {numbers} er tomt. Skriv, hvad der kan observeres, eller fjern kriteriet.",
		En: "Criterion no. {numbers} is blank. Write what can be observed, or remove the criterion."},

	// SMART findings: A.
	{Code: "smart.A.not-accepted", Args: []string{"problem"}, Da: "{problem}", En: "{problem}"},
	{Code: "measure.smart.not-accepted.unrecorded",
		Da: "Det er ikke registreret, at barnet har accepteret målet. Tal med barnet om målet, fx i en børnesamtale, og notér accept, dato og hvordan.",
		En: "The child's acceptance of the goal is not recorded. Talk with the child about the goal, e.g. in a child conversation, and record the acceptance, its date and how it was given."},
	{Code: "measure.smart.not-accepted.refused", Args: []string{"recorded"},
		Da: "Barnet har ikke accepteret målet (registreret {recorded}). Formulér målet sammen med barnet, så barnet kan acceptere det, og registrér accepten.",
		En: "The child has not accepted the goal (recorded on {recorded}). Word the goal together with the child so the child can accept it, and record the acceptance."},
	{Code: "smart.A.no-acceptance-date",
		Da: "Barnets accept er registreret uden dato. Angiv datoen, hvor barnet accepterede målet.",
		En: "The child's acceptance is recorded without a date. Give the date the child accepted the goal."},
	{Code: "smart.A.no-acceptance-how",
		Da: "Der står ikke, hvordan barnets accept blev givet. Notér hvordan, fx \"børnesamtale 2026-03-02\".",
		En: "It is not recorded how the child's acceptance was given. Note how, e.g. \"child conversation 2026-03-02\"."},
	{Code: "smart.A.accepted-after-as-of", Args: []string{"recorded", "asOf"},
		Da: "Barnets accept er dateret {recorded}, efter vurderingsdatoen {asOf}. Ret datoen for accepten.",
		En: "The child's acceptance is dated {recorded}, after the as-of date {asOf}. Correct the date of the acceptance."},
	{Code: "smart.A.not-attractive",
		Da: "Barnet finder ikke målet attraktivt. Tal med barnet om, hvordan målet kan formuleres, så barnet har lyst til at arbejde med det.",
		En: "The child does not find the goal attractive. Talk with the child about how to word the goal so the child wants to work on it."},
	{Code: "smart.A.attractive-unknown",
		Da: "Det er ikke noteret, om barnet finder målet attraktivt. Spørg barnet, og notér svaret.",
		En: "It is not noted whether the child finds the goal attractive. Ask the child and note the answer."},

	// SMART findings: R.
	{Code: "smart.R.due-before-plan", Args: []string{"due", "planFrom"},
		Da: "Fristen {due} ligger før planperioden begynder {planFrom}, så der er ingen tid til at arbejde mod målet. Sæt en frist inden for planperioden.",
		En: "The due date {due} is before the plan period starts on {planFrom}, leaving no time to work towards it. Set a due date within the plan period."},
	{Code: "smart.R.steep-target", Args: []string{"change", "span", "percent", "days"},
		Da: "Målet kræver en ændring på {change} af skalaens {span} ({percent} %) på {days} fra planens start. Overvej om det er realistisk; sæt eventuelt et delmål eller en senere frist.",
		En: "The goal needs a change of {change} of the scale's {span} ({percent} %) in {days} from the plan start. Consider whether that is realistic; perhaps set a sub-goal or a later due date."},

	// SMART findings: T.
	{Code: "smart.T.no-due", Args: []string{"item"},
		Da: "{item} har ingen frist. Angiv, hvornår det forventes opfyldt.",
		En: "{item} has no due date. Give the date it is expected to be met."},
	{Code: "smart.T.due-passed", Args: []string{"due", "item"},
		Da: "Fristen {due} er overskredet, og {item} er ikke registreret som nået. Tag stilling til, om det er nået, og skriv et nyt mål eller en ny frist ind i handleplanen.",
		En: "The due date {due} has passed and {item} is not recorded as met. Decide whether it is met, and write a new goal or a new due date into the plan."},
	{Code: "smart.T.due-after-plan", Args: []string{"due", "planTo"},
		Da: "Fristen {due} ligger efter planperiodens slut {planTo}. Sæt en frist inden for planperioden, eller forlæng planen.",
		En: "The due date {due} is after the plan period ends on {planTo}. Set a due date within the plan period, or extend the plan."},
	{Code: "smart.T.due-after-measure-end", Args: []string{"due", "measureEnd"},
		Da: "Fristen {due} ligger efter indsatsens slutdato {measureEnd}. Sæt en frist senest den dag, indsatsen slutter.",
		En: "The due date {due} is after the measure ends on {measureEnd}. Set a due date no later than the day the measure ends."},
	{Code: "smart.T.sub-due-after-goal", Args: []string{"due", "goalDue"},
		Da: "Delmålets frist {due} ligger efter målets frist {goalDue}. Sæt delmålets frist senest samme dag som målets.",
		En: "The sub-goal is due on {due}, after its goal's due date {goalDue}. Set the sub-goal's due date on or before the goal's."},

	// Review findings (CheckReview).
	{Code: "smart.review.no-decision",
		Da: "Der er ikke taget stilling til, om der skal formuleres nye mål i handleplanen. Registrér beslutningen (ja eller nej) ved denne opfølgning.",
		En: "No decision is recorded on whether new goals must be written into the plan. Record the decision (yes or no) at this follow-up."},
	{Code: "smart.review.no-measurement", Args: []string{"indicator"},
		Da: "Indikatoren \"{indicator}\" er ikke målt ved opfølgningen. Notér den aktuelle værdi, så fremskridtet kan ses.",
		En: "The indicator \"{indicator}\" was not measured at the review. Record its current value so that progress can be seen."},
	{Code: "smart.review.overdue-no-new-goal", Args: []string{"due"},
		Da: "Fristen {due} er overskredet, og målet er ikke nået, men der er besluttet ingen nye mål. Skriv et nyt mål eller en ny frist ind i handleplanen, eller registrér at målet er nået.",
		En: "The due date {due} has passed and the goal is not met, yet no new goals were decided. Write a new goal or due date into the plan, or record that the goal is met."},

	// -----------------------------------------------------------------
	// One-line summaries of the rules (Rules), one per finding code.
	{Code: "measure.rule.smart.input.bad-answer", Da: "Et ja/nej-felt har en ukendt værdi.", En: "A yes/no field has an unknown value."},
	{Code: "measure.rule.smart.input.duplicate-id", Da: "To delmål har samme id.", En: "Two sub-goals share an id."},
	{Code: "measure.rule.smart.input.met-after-as-of", Da: "Målet er nået på en dato efter vurderingsdatoen.", En: "The goal is met on a date after the as-of date."},
	{Code: "measure.rule.smart.input.no-as-of", Da: "Vurderingsdatoen mangler.", En: "The as-of date is missing."},
	{Code: "measure.rule.smart.input.no-id", Da: "Målet eller delmålet har intet id.", En: "The goal or sub-goal has no id."},
	{Code: "measure.rule.smart.input.no-review-date", Da: "Opfølgningen har ingen dato.", En: "The review has no date."},
	{Code: "measure.rule.smart.input.not-finite", Da: "Et tal er NaN eller uendeligt.", En: "A number is NaN or infinite."},
	{Code: "measure.rule.smart.input.plan-inverted", Da: "Planperioden slutter før den begynder.", En: "The plan period ends before it starts."},
	{Code: "measure.rule.smart.input.review-goal-mismatch", Da: "Opfølgningen gælder et andet mål.", En: "The review is about another goal."},
	{Code: "measure.rule.smart.input.scale-inverted", Da: "Skalaens min er ikke mindre end maks.", En: "The scale's min is not below its max."},
	{Code: "measure.rule.smart.S.no-text", Da: "Målet har ingen tekst.", En: "The goal has no text."},
	{Code: "measure.rule.smart.S.no-who", Da: "Ingen er nævnt som dem der arbejder med målet.", En: "Nobody is named as working on the goal."},
	{Code: "measure.rule.smart.S.too-short", Args: []string{"min"}, Da: "Målteksten har færre end {min} ord.", En: "The goal text has fewer than {min} words."},
	{Code: "measure.rule.smart.S.vague", Da: "Målteksten har vage ord og hverken tal, indikator eller kriterier.", En: "The goal text has vague words and no number, indicator or criteria."},
	{Code: "measure.rule.smart.M.baseline-out-of-scale", Da: "Udgangspunktet ligger uden for skalaen.", En: "The baseline lies outside the scale."},
	{Code: "measure.rule.smart.M.blank-criterion", Da: "Et kriterie er tomt.", En: "A criterion is blank."},
	{Code: "measure.rule.smart.M.indicator-no-name", Da: "Indikatoren har intet navn.", En: "The indicator has no name."},
	{Code: "measure.rule.smart.M.indicator-no-unit", Da: "Indikatoren har ingen enhed.", En: "The indicator has no unit."},
	{Code: "measure.rule.smart.M.no-indicator", Da: "Målet har hverken indikator eller kriterier.", En: "The goal has neither indicator nor criteria."},
	{Code: "measure.rule.smart.M.target-equals-baseline", Da: "Målværdien er lig udgangspunktet.", En: "The target equals the baseline."},
	{Code: "measure.rule.smart.M.target-out-of-scale", Da: "Målværdien ligger uden for skalaen.", En: "The target lies outside the scale."},
	{Code: "measure.rule.smart.A.accepted-after-as-of", Da: "Accepten er dateret efter vurderingsdatoen.", En: "The acceptance is dated after the as-of date."},
	{Code: "measure.rule.smart.A.attractive-unknown", Da: "Det er ikke noteret om barnet finder målet attraktivt.", En: "Whether the child finds the goal attractive is not noted."},
	{Code: "measure.rule.smart.A.no-acceptance-date", Da: "Accepten har ingen dato.", En: "The acceptance has no date."},
	{Code: "measure.rule.smart.A.no-acceptance-how", Da: "Der står ikke hvordan accepten blev givet.", En: "How the acceptance was given is not recorded."},
	{Code: "measure.rule.smart.A.not-accepted", Da: "Barnets accept er ikke registreret.", En: "The child's acceptance is not recorded."},
	{Code: "measure.rule.smart.A.not-attractive", Da: "Barnet finder ikke målet attraktivt.", En: "The child does not find the goal attractive."},
	{Code: "measure.rule.smart.R.due-before-plan", Da: "Fristen ligger før planperioden begynder.", En: "The due date is before the plan starts."},
	{Code: "measure.rule.smart.R.steep-target", Args: []string{"share", "within"},
		Da: "Målet kræver en ændring på over {share} % af skalaen på under {within}.",
		En: "The goal needs a change of over {share} % of the scale in under {within}."},
	{Code: "measure.rule.smart.T.due-after-measure-end", Da: "Fristen ligger efter indsatsens slut.", En: "The due date is after the measure ends."},
	{Code: "measure.rule.smart.T.due-after-plan", Da: "Fristen ligger efter planperiodens slut.", En: "The due date is after the plan period."},
	{Code: "measure.rule.smart.T.due-passed", Da: "Fristen er overskredet og målet er ikke nået.", En: "The due date has passed and the goal is not met."},
	{Code: "measure.rule.smart.T.no-due", Da: "Målet har ingen frist.", En: "The goal has no due date."},
	{Code: "measure.rule.smart.T.sub-due-after-goal", Da: "Delmålets frist ligger efter målets.", En: "The sub-goal is due after its goal."},
	{Code: "measure.rule.smart.review.no-decision", Da: "Der er ikke taget stilling til nye mål.", En: "No decision on new goals was recorded."},
	{Code: "measure.rule.smart.review.no-measurement", Da: "Indikatorens værdi er ikke målt ved opfølgningen.", En: "The indicator was not measured at the review."},
	{Code: "measure.rule.smart.review.overdue-no-new-goal", Da: "Fristen er overskredet, men der er besluttet ingen nye mål.", En: "The goal is overdue but no new goals were decided."},

	// -----------------------------------------------------------------
	// Goal progress (Progress.Explain).
	{Code: "measure.progress", Args: []string{"name", "current", "unit", "baseline", "target", "achieved", "elapsed", "total", "expected", "status"},
		Da: "{name}: {current} {unit} (udgangspunkt {baseline}, mål {target}). {achieved} % af vejen er nået; efter {elapsed} af {total} dage forventes {expected} %. Status: {status}.",
		En: "{name}: {current} {unit} (baseline {baseline}, target {target}). {achieved} % of the way reached; after {elapsed} of {total} days {expected} % is expected. Status: {status}."},

	// -----------------------------------------------------------------
	// Key figures (Explanation).
	{Code: "measure.cited", Args: []string{"text", "source"}, Da: "{text} ({source})", En: "{text} ({source})"},
	{Code: "measure.percent", Args: []string{"percent"}, Da: "{percent} %", En: "{percent} %"},

	// Child-years (ChildYearFigures).
	{Code: "measure.childyears.period", Args: []string{"from", "to", "common", "leap"},
		Da: "i perioden {from}–{to}; hver indsats tæller sine dage i perioden, hver dag 1/{common} årsbarn (1/{leap} i skudår)",
		En: "over {from}–{to}; each measure counts its days in the period, each day 1/{common} child-year (1/{leap} in a leap year)"},
	{Code: "measure.childyears.entered", Da: "indtastet pr. indsatstype", En: "entered per intervention type"},
	{Code: "measure.childyears.group", Args: []string{"group", "years", "period", "share"},
		Da: "{group}: {years} årsbørn, {period}{share}.",
		En: "{group}: {years} child-years, {period}{share}."},
	{Code: "measure.childyears.group.share", Args: []string{"percent"},
		Da: "; {percent} % af alle anbragte årsbørn",
		En: "; {percent} % of all placed child-years"},
	{Code: "measure.childyears.code", Args: []string{"name", "code", "placement", "years", "period"},
		Da: "{name} ({code}, {placement}): {years} årsbørn, {period}.",
		En: "{name} ({code}, {placement}): {years} child-years, {period}."},
	{Code: "measure.childyears.placement", Da: "en anbringelse", En: "a placement"},
	{Code: "measure.childyears.not-placement",
		Da: "ikke en anbringelse, tæller ikke med i anbragte i alt",
		En: "not a placement, not part of all placements"},

	// Comparing two snapshots (ChildYearChange).
	{Code: "measure.childyears.change", Args: []string{"name", "before", "after", "change", "percent", "share"},
		Da: "{name}: {before} → {after} årsbørn, ændring {change}{percent}{share}.",
		En: "{name}: {before} → {after} child-years, change {change}{percent}{share}."},
	{Code: "measure.childyears.change.percent", Args: []string{"percent"}, Da: " ({percent} %)", En: " ({percent} %)"},
	{Code: "measure.childyears.change.share", Args: []string{"before", "after", "points"},
		Da: "; andel af alle anbragte {before} % → {after} % ({points} procentpoint)",
		En: "; share of all placed {before} % → {after} % ({points} points)"},

	// Children on the ladder.
	{Code: "measure.steps", Args: []string{"children", "on"},
		Da: "{children} børn pr. {on} fordelt på indsatstrappens trin; hvert barn tæller én gang, på det højeste trin blandt sine aktive indsatser (hverdagsliv uden aktiv indsats).",
		En: "{children} children on {on} by ladder step; each child counts once, on the highest step among its active measures (everyday life with none active)."},
	{Code: "measure.moves", Args: []string{"moves", "from", "to", "down", "up", "children"},
		Da: "{moves} flytninger mellem indsatstrappens trin i perioden {from}–{to} ({down} ned, {up} op) for {children} børn; et barn kan flytte mere end én gang, og skift mellem indsatser på samme trin tæller ikke.",
		En: "{moves} moves between ladder steps over {from}–{to} ({down} down, {up} up) by {children} children; a child can move more than once, and changes between measures on one step do not count."},

	// Cases per worker, breakdowns, SDQ.
	{Code: "measure.cases-per-worker", Args: []string{"cases", "workers", "mean", "aim"},
		Da: "{cases} børnesager fordelt på {workers} rådgivere, i gennemsnit {mean} sager pr. rådgiver; hvert barn tæller én gang hos sin rådgiver (målet i Herning-modellen er i gennemsnit højst {aim}).",
		En: "{cases} children's cases among {workers} workers, on average {mean} cases per worker; each child counts once, with its worker (the Herning model aims at an average of at most {aim})."},
	{Code: "measure.breakdowns", Args: []string{"breakdowns", "childYears", "percent"},
		Da: "{breakdowns} sammenbrud i anbringelser over {childYears} anbragte årsbørn: {percent} % (Ankestyrelsens definition: anbringelsen ophører, fordi barnet forlader stedet, eller stedet opgiver barnet).",
		En: "{breakdowns} placement breakdowns over {childYears} placed child-years: {percent} % (Ankestyrelsen's definition: the placement ends because the child leaves the place or the place gives the child up)."},
	{Code: "measure.sdq", Args: []string{"max", "children", "before", "after", "change", "improved", "unchanged", "worsened"},
		Da: "SDQ samlet vanskelighedsscore (0–{max}, højere = flere problemer) for {children} børn: gennemsnit {before} før og {after} efter, ændring {change} point (negativ = bedre); {improved} bedre, {unchanged} uændret, {worsened} dårligere.",
		En: "SDQ total difficulties score (0–{max}, higher = more problems) for {children} children: mean {before} before and {after} after, change {change} points (negative = better); {improved} better, {unchanged} unchanged, {worsened} worse."},

	// Follow-ups per case (FollowUpRates).
	{Code: "measure.followup-rate", Args: []string{"followUps", "cases", "type", "from", "to", "perHalfYear", "ratio"},
		Da: "{followUps} opfølgninger i lovens forstand (børnesamtale holdt og planen fulgt op) i {cases} sager af typen {type} {from}–{to}: {perHalfYear} pr. sag pr. halvår, {ratio} gange lovens minimum.",
		En: "{followUps} follow-ups in the law's sense (child conversation held and plan followed up) in {cases} {type} cases {from}–{to}: {perHalfYear} per case per half-year, {ratio} times the legal minimum."},

	// Placement lengths (PlacementLengths.Explain).
	{Code: "measure.placement-length", Args: []string{"group", "placements", "from", "to", "median", "open", "shortMark", "shortShare", "shortSettled", "longMark", "longShare", "longSettled"},
		Da: "{group}, i kraft i perioden {from}–{to}: {placements} anbringelser, median {median} dage ({open} stadig i gang, talt med til {to}). Over {shortMark}: {shortShare} af {shortSettled} afgjorte; over {longMark}: {longShare} af {longSettled} afgjorte. Hver indsats tæller for sig; en åben anbringelse, der endnu ikke har nået mærket, er ikke afgjort.",
		En: "{group} in effect over {from}–{to}: {placements} placements, median {median} days ({open} still open, counted up to {to}). Over {shortMark}: {shortShare} of {shortSettled} settled; over {longMark}: {longShare} of {longSettled} settled. Each measure counts on its own; an open placement that has not reached the mark is not settled."},
	{Code: "measure.placement-length.no-share", Da: "–", En: "–"},

	// -----------------------------------------------------------------
	// Børnesagsbarometret: the findings of Misses, per deadline.
	{Code: "barometer.first-follow-up.late", Args: []string{"id", "done", "deadline", "months", "start"},
		Da: "Indsats {id}: første opfølgning holdt {done}, efter fristen {deadline} ({months} efter indsatsens start {start}).",
		En: "Measure {id}: first follow-up held {done}, after the deadline {deadline} ({months} after the measure's start, {start})."},
	{Code: "barometer.first-follow-up.missing", Args: []string{"id", "deadline", "months", "start"},
		Da: "Indsats {id}: første opfølgning er ikke holdt; fristen var {deadline} ({months} efter indsatsens start {start}).",
		En: "Measure {id}: first follow-up not held; the deadline was {deadline} ({months} after the measure's start, {start})."},
	{Code: "barometer.assessment.late", Args: []string{"id", "done", "deadline", "months", "start"},
		Da: "Undersøgelse {id}: børnefaglig undersøgelse afsluttet {done}, efter fristen {deadline} ({months} efter kommunen blev opmærksom på barnets mulige behov {start}).",
		En: "Assessment {id}: child assessment finished {done}, after the deadline {deadline} ({months} after the municipality learned of the child's possible need, {start})."},
	{Code: "barometer.assessment.missing", Args: []string{"id", "deadline", "months", "start"},
		Da: "Undersøgelse {id}: børnefaglig undersøgelse er ikke afsluttet; fristen var {deadline} ({months} efter kommunen blev opmærksom på barnets mulige behov {start}).",
		En: "Assessment {id}: child assessment not finished; the deadline was {deadline} ({months} after the municipality learned of the child's possible need, {start})."},

	// Børnesagsbarometret: what a figure counted (BarometerReport.Explain).
	{Code: "measure.barometer.foerste-opfoelgning", Args: []string{"months", "onTime", "due", "share", "from", "to", "asOf", "late", "missing", "pending", "endedEarly", "national"},
		Da: "Første opfølgning inden for {months} efter indsatsens start: {onTime} af {due} ({share}) for indsatser med fristens start {from}–{to} og frist senest {asOf}; {late} for sent, {missing} mangler, {pending} har fristen endnu til gode. {endedEarly}{national}",
		En: "First follow-up within {months} of the measure's start: {onTime} of {due} ({share}) for measures whose clock started {from}–{to} with a deadline on or before {asOf}; {late} late, {missing} missing, {pending} not yet due. {endedEarly}{national}"},
	{Code: "measure.barometer.boernefaglig-undersoegelse", Args: []string{"months", "onTime", "due", "share", "from", "to", "asOf", "late", "missing", "pending", "endedEarly", "national"},
		Da: "Børnefaglig undersøgelse inden for {months} efter kommunen blev opmærksom på barnets mulige behov: {onTime} af {due} ({share}) for undersøgelser med fristens start {from}–{to} og frist senest {asOf}; {late} for sent, {missing} mangler, {pending} har fristen endnu til gode. {endedEarly}{national}",
		En: "Child assessment within {months} of the day the municipality learned of the child's possible need: {onTime} of {due} ({share}) for assessments whose clock started {from}–{to} with a deadline on or before {asOf}; {late} late, {missing} missing, {pending} not yet due. {endedEarly}{national}"},
	{Code: "measure.barometer.foerste-opfoelgning.keep",
		Da: "En indsats, der sluttede før fristen uden første opfølgning, tæller som overskredet.",
		En: "A measure that ended before its deadline without a first follow-up counts as missed."},
	{Code: "measure.barometer.boernefaglig-undersoegelse.keep",
		Da: "En undersøgelse, der blev stoppet før fristen uden at være afsluttet, tæller som overskredet.",
		En: "An assessment stopped unfinished before its deadline counts as missed."},
	{Code: "measure.barometer.foerste-opfoelgning.drop", Args: []string{"dropped"},
		Da: "Indsatser, der sluttede før fristen uden første opfølgning, er taget ud ({dropped}).",
		En: "Measures that ended before their deadline without a first follow-up are left out ({dropped})."},
	{Code: "measure.barometer.boernefaglig-undersoegelse.drop", Args: []string{"dropped"},
		Da: "Undersøgelser, der blev stoppet før fristen uden at være afsluttet, er taget ud ({dropped}).",
		En: "Assessments stopped unfinished before their deadline are left out ({dropped})."},
	{Code: "measure.barometer.national", Args: []string{"year", "percent"},
		Da: " Landstal (Ankestyrelsen, Børnesagsbarometret {year}): {percent} %.",
		En: " National figure (Ankestyrelsen, Børnesagsbarometret {year}): {percent} %."},
	{Code: "measure.barometer.nothing-due", Da: "ingen frister", En: "nothing due"},
}

var _ = msg.Define(messages...)
