package followup_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
)

// textEnum is what every small enum of the package offers: a stable code
// as String and as text, and a validity check.
type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

// enumCase is one valid value with its stable code, written out by hand
// (the codes are what vendors store, so the test spells them rather than
// reading them back from the package's tables).
type enumCase struct {
	value textEnum
	code  string
	// fresh returns a pointer to a zero value of the same type, to
	// unmarshal into.
	fresh func() encoding.TextUnmarshaler
	// deref reads the value back from the pointer fresh returned.
	deref func(encoding.TextUnmarshaler) textEnum
}

func kindCase(k followup.Kind, code string) enumCase {
	return enumCase{k, code,
		func() encoding.TextUnmarshaler { return new(followup.Kind) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.Kind) }}
}

func modeCase(m followup.Mode, code string) enumCase {
	return enumCase{m, code,
		func() encoding.TextUnmarshaler { return new(followup.Mode) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.Mode) }}
}

func childTalkCase(c followup.ChildTalk, code string) enumCase {
	return enumCase{c, code,
		func() encoding.TextUnmarshaler { return new(followup.ChildTalk) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.ChildTalk) }}
}

func statusCase(s followup.Status, code string) enumCase {
	return enumCase{s, code,
		func() encoding.TextUnmarshaler { return new(followup.Status) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.Status) }}
}

func layerCase(l followup.Layer, code string) enumCase {
	return enumCase{l, code,
		func() encoding.TextUnmarshaler { return new(followup.Layer) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.Layer) }}
}

func decisionCase(d followup.Decision, code string) enumCase {
	return enumCase{d, code,
		func() encoding.TextUnmarshaler { return new(followup.Decision) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.Decision) }}
}

func factCase(f followup.Fact, code string) enumCase {
	return enumCase{f, code,
		func() encoding.TextUnmarshaler { return new(followup.Fact) },
		func(u encoding.TextUnmarshaler) textEnum { return *u.(*followup.Fact) }}
}

// enumTable lists every defined value of every enum of the package.
var enumTable = []enumCase{
	kindCase(followup.FollowUp, "followup"),
	kindCase(followup.StatusFollowUp, "status"),
	kindCase(followup.StatusReport, "status-report"),
	kindCase(followup.CourseEnd, "course-end"),
	kindCase(followup.SupervisionVisit, "supervision-visit"),
	kindCase(followup.NotificationAssessment, "notification-assessment"),
	kindCase(followup.ChildAssessment, "child-assessment"),
	kindCase(followup.PreliminaryAssessment, "preliminary-assessment"),
	kindCase(followup.ChildsPlan, "childs-plan"),
	kindCase(followup.Hearing, "hearing"),
	// Issue 15: appended, never renumbered.
	kindCase(followup.NotifierReceipt, "notifier-receipt"),
	kindCase(followup.Reassessment, "reassessment"),
	kindCase(followup.ChildConversationOnNotification, "notification-conversation"),
	kindCase(followup.NetworkMeetingInvite, "network-meeting-invite"),
	kindCase(followup.YoungPersonsPlan, "young-persons-plan"),
	kindCase(followup.ReturnHomePlan, "return-home-plan"),

	modeCase(followup.InPerson, "in-person"),
	modeCase(followup.Phone, "phone"),
	modeCase(followup.Mail, "mail"),

	childTalkCase(followup.Required, "required"),
	childTalkCase(followup.Optional, "optional"),

	statusCase(followup.Done, "done"),
	statusCase(followup.Overdue, "overdue"),
	statusCase(followup.Upcoming, "upcoming"),
	statusCase(followup.Missed, "missed"),

	layerCase(followup.Statutory, "statutory"),
	layerCase(followup.Municipal, "municipal"),

	decisionCase(followup.NewGoals, "new-goals"),
	decisionCase(followup.Continuation, "continuation"),
	decisionCase(followup.TimeFrame, "time-frame"),
	decisionCase(followup.FurtherCourse, "further-course"),
	decisionCase(followup.NextYearSupport, "next-year-support"),
	decisionCase(followup.TreatmentPlan, "treatment-plan"),
	decisionCase(followup.AfterSupport, "after-support"),
	decisionCase(followup.Cadence, "cadence"),

	// The facts that choose an intake row (the child's plan: placement,
	// support, without consent, urgent, plan chosen under BL § 32).
	factCase(followup.FactPlacement, "placement"),
	factCase(followup.FactSupport, "support"),
	factCase(followup.FactWithoutConsent, "without-consent"),
	factCase(followup.FactUrgent, "urgent"),
	factCase(followup.FactPlanChosen, "plan-chosen"),
	// Issue 15: the notifier, the child's support, abuse, aftercare and a
	// re-established stay choose the new rows.
	factCase(followup.FactProfessional, "professional"),
	factCase(followup.FactAlreadySupported, "already-supported"),
	factCase(followup.FactAbuse, "abuse"),
	factCase(followup.FactAftercare, "aftercare"),
	factCase(followup.FactReestablished, "reestablished"),
}

func TestEnumTextRoundTrip(t *testing.T) {
	for _, tc := range enumTable {
		t.Run(fmt.Sprintf("%T/%s", tc.value, tc.code), func(t *testing.T) {
			assert.True(t, tc.value.IsValid())
			assert.Equal(t, tc.code, tc.value.String())

			text, err := tc.value.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.code, string(text))

			u := tc.fresh()
			require.NoError(t, u.UnmarshalText(text))
			assert.Equal(t, tc.value, tc.deref(u))

			// JSON follows from the text form: a quoted code.
			js, err := json.Marshal(tc.value)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.code+`"`, string(js))
			u = tc.fresh()
			require.NoError(t, json.Unmarshal(js, u))
			assert.Equal(t, tc.value, tc.deref(u))
		})
	}
}

// TestEnumTableIsComplete checks that the table above has every value: the
// value after the last listed one of each type is invalid, and so is 0.
func TestEnumTableIsComplete(t *testing.T) {
	tests := []struct {
		name         string
		zero, after  textEnum
		wantZero     string
		wantAfter    string
		countInTable int
		wantCount    int
	}{
		{"Kind", followup.Kind(0), followup.ReturnHomePlan + 1, "followup.Kind(0)", "followup.Kind(17)", countOf[followup.Kind](), 16},
		{"Mode", followup.Mode(0), followup.Mail + 1, "followup.Mode(0)", "followup.Mode(4)", countOf[followup.Mode](), 3},
		{"ChildTalk", followup.ChildTalk(0), followup.Optional + 1, "followup.ChildTalk(0)", "followup.ChildTalk(3)", countOf[followup.ChildTalk](), 2},
		{"Status", followup.Status(0), followup.Missed + 1, "followup.Status(0)", "followup.Status(5)", countOf[followup.Status](), 4},
		{"Layer", followup.Layer(0), followup.Municipal + 1, "followup.Layer(0)", "followup.Layer(3)", countOf[followup.Layer](), 2},
		{"Decision", followup.Decision(0), followup.Cadence + 1, "followup.Decision(0)", "followup.Decision(9)", countOf[followup.Decision](), 8},
		{"Fact", followup.Fact(0), followup.FactReestablished + 1, "followup.Fact(0)", "followup.Fact(11)", countOf[followup.Fact](), 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.wantCount, tc.countInTable)
			for _, v := range []struct {
				val  textEnum
				want string
			}{{tc.zero, tc.wantZero}, {tc.after, tc.wantAfter}} {
				assert.False(t, v.val.IsValid(), v.want)
				assert.Equal(t, v.want, v.val.String())
				assert.Equal(t, v.want, fmt.Sprint(v.val))
				_, err := v.val.MarshalText()
				assert.Error(t, err, v.want)
				_, err = json.Marshal(v.val)
				assert.Error(t, err, v.want)
			}
		})
	}
}

func countOf[T textEnum]() int {
	n := 0
	for _, tc := range enumTable {
		if _, ok := tc.value.(T); ok {
			n++
		}
	}
	return n
}

func TestEnumInvalidValuesDiagnostics(t *testing.T) {
	// Labels of invalid values fall back to the diagnostic, never panic.
	assert.Equal(t, "followup.Kind(200)", followup.Kind(200).Danish())
	assert.Equal(t, "followup.Kind(200)", followup.Kind(200).English())
	assert.Equal(t, "followup.Mode(9)", followup.Mode(9).Danish())
	assert.Equal(t, "followup.Mode(9)", followup.Mode(9).English())
	assert.Equal(t, "followup.ChildTalk(0)", followup.ChildTalk(0).Danish())
	assert.Equal(t, "followup.Status(0)", followup.Status(0).Danish())
	assert.Equal(t, "followup.Decision(0)", followup.Decision(0).Danish())
	assert.Equal(t, "followup.Decision(255)", followup.Decision(255).English())

	// A struct holding an invalid value does not marshal either.
	_, err := json.Marshal(struct{ K followup.Kind }{})
	assert.Error(t, err)
	_, err = json.Marshal(followup.Content{ChildConversation: followup.Required, Modes: followup.ModesOf(followup.InPerson), Decides: []followup.Decision{0}})
	assert.Error(t, err)
}

func TestEnumDanishLabels(t *testing.T) {
	// The Danish terms of domain.md that users know.
	tests := []struct {
		got, want string
	}{
		{followup.FollowUp.Danish(), "opfølgning"},
		{followup.SupervisionVisit.Danish(), "tilsynsbesøg"},
		{followup.StatusReport.Danish(), "statusrapport modtages"},
		{followup.Hearing.Danish(), "partshøring af barnet"},
		{followup.ChildAssessment.Danish(), "børnefaglig undersøgelse"},
		{followup.PreliminaryAssessment.Danish(), "foreløbig vurdering"},
		{followup.YoungPersonsPlan.Danish(), "ungeplan"},
		{followup.NotifierReceipt.Danish(), "kvittering til underretter"},
		{followup.InPerson.Danish(), "personligt"},
		{followup.Phone.Danish(), "telefonisk"},
		{followup.Overdue.Danish(), "overskredet"},
		{followup.FollowUp.English(), "follow-up"},
		{followup.Phone.English(), "by phone"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.got)
	}
}

func TestFactsSet(t *testing.T) {
	var s followup.Facts
	assert.False(t, s.Has(followup.FactPlacement), "the zero value is the empty set")
	s = s.With(followup.FactPlacement).With(followup.FactWithoutConsent)
	for f := followup.Fact(0); f <= followup.FactReestablished+1; f++ {
		want := f == followup.FactPlacement || f == followup.FactWithoutConsent
		assert.Equal(t, want, s.Has(f), f.String())
	}
	// The last fact fits the set too (more than 8 facts: a 16-bit set).
	all := s.With(followup.FactReestablished).With(followup.FactAbuse)
	assert.True(t, all.Has(followup.FactReestablished))
	assert.True(t, all.Has(followup.FactAbuse))
	assert.False(t, all.Has(followup.FactAftercare))
	// An invalid fact is never in a set and adds nothing.
	assert.Equal(t, s, s.With(0).With(followup.FactReestablished+1).With(200))
	assert.False(t, s.Has(0))
	// With returns a new set; the receiver is a value.
	t0 := followup.Facts(0)
	_ = t0.With(followup.FactUrgent)
	assert.False(t, t0.Has(followup.FactUrgent))
}

func TestKindIsMeeting(t *testing.T) {
	// Meetings are held with people: follow-ups, status follow-ups and
	// supervision visits. A status report is a document (H-FAMCENTER at
	// +8 months), a course end is recorded, not held (H-MST at +5 months).
	meetings := map[followup.Kind]bool{followup.FollowUp: true, followup.StatusFollowUp: true, followup.SupervisionVisit: true}
	for k := followup.Kind(0); k <= followup.ReturnHomePlan+1; k++ {
		assert.Equal(t, meetings[k], k.IsMeeting(), k.String())
	}
}

func TestUnmarshalTextErrors(t *testing.T) {
	tests := []struct {
		name  string
		into  encoding.TextUnmarshaler
		input string
		op    string
	}{
		{"Kind Danish label", new(followup.Kind), "opfølgning", "followup.Kind.UnmarshalText"},
		{"Kind upper case", new(followup.Kind), "FOLLOWUP", "followup.Kind.UnmarshalText"},
		{"Kind diagnostic", new(followup.Kind), "followup.Kind(0)", "followup.Kind.UnmarshalText"},
		{"Mode", new(followup.Mode), "fax", "followup.Mode.UnmarshalText"},
		{"Mode empty", new(followup.Mode), "", "followup.Mode.UnmarshalText"},
		{"ChildTalk", new(followup.ChildTalk), "yes", "followup.ChildTalk.UnmarshalText"},
		{"Status", new(followup.Status), "late", "followup.Status.UnmarshalText"},
		{"Layer", new(followup.Layer), "kommunal", "followup.Layer.UnmarshalText"},
		{"Decision", new(followup.Decision), "new goals", "followup.Decision.UnmarshalText"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.into.UnmarshalText([]byte(tc.input))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.op+":")
			assert.Contains(t, err.Error(), fmt.Sprintf("%q", tc.input))
			// On error the target is unchanged: still the zero value.
			assert.False(t, tc.into.(interface{ IsValid() bool }).IsValid())
		})
	}

	// An existing value is kept on error.
	k := followup.CourseEnd
	require.Error(t, k.UnmarshalText([]byte("ended")))
	assert.Equal(t, followup.CourseEnd, k)
}

func TestParseKindAndMode(t *testing.T) {
	for _, tc := range enumTable {
		switch v := tc.value.(type) {
		case followup.Kind:
			got, err := followup.ParseKind(tc.code)
			require.NoError(t, err)
			assert.Equal(t, v, got)
		case followup.Mode:
			got, err := followup.ParseMode(tc.code)
			require.NoError(t, err)
			assert.Equal(t, v, got)
		}
	}

	_, err := followup.ParseKind("tilsynsbesøg")
	require.Error(t, err)
	assert.Equal(t, `followup.ParseKind: unknown Kind "tilsynsbesøg" (want one of followup, status, status-report, course-end, supervision-visit, notification-assessment, child-assessment, preliminary-assessment, childs-plan, hearing, notifier-receipt, reassessment, notification-conversation, network-meeting-invite, young-persons-plan, return-home-plan)`, err.Error())

	_, err = followup.ParseMode("telefonisk")
	require.Error(t, err)
	assert.Equal(t, `followup.ParseMode: unknown Mode "telefonisk" (want one of in-person, phone, mail)`, err.Error())

	_, err = followup.ParseMode(" phone")
	assert.Error(t, err, "no trimming: codes are exact")
}

func TestModesSet(t *testing.T) {
	tests := []struct {
		name   string
		set    followup.Modes
		list   []followup.Mode
		str    string
		json   string
		valid  bool
		phone  bool
		person bool
	}{
		{"empty", followup.ModesOf(), nil, "", `[]`, false, false, false},
		{"in person", followup.ModesOf(followup.InPerson), []followup.Mode{followup.InPerson}, "in-person", `["in-person"]`, true, false, true},
		{"order does not matter", followup.ModesOf(followup.Phone, followup.InPerson), []followup.Mode{followup.InPerson, followup.Phone}, "in-person+phone", `["in-person","phone"]`, true, true, true},
		{"all", followup.ModesOf(followup.Mail, followup.Phone, followup.InPerson), []followup.Mode{followup.InPerson, followup.Phone, followup.Mail}, "in-person+phone+mail", `["in-person","phone","mail"]`, true, true, true},
		{"duplicates and invalid modes ignored", followup.ModesOf(followup.Mail, followup.Mail, 0, 7), []followup.Mode{followup.Mail}, "mail", `["mail"]`, true, false, false},
		{"union", followup.ModesOf(followup.InPerson).With(followup.ModesOf(followup.Phone, followup.Mail)), []followup.Mode{followup.InPerson, followup.Phone, followup.Mail}, "in-person+phone+mail", `["in-person","phone","mail"]`, true, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.list, tc.set.List())
			assert.Equal(t, tc.str, tc.set.String())
			assert.Equal(t, tc.valid, tc.set.IsValid())
			assert.Equal(t, tc.phone, tc.set.Has(followup.Phone))
			assert.Equal(t, tc.person, tc.set.Has(followup.InPerson))
			assert.False(t, tc.set.Has(0))

			js, err := json.Marshal(tc.set)
			require.NoError(t, err)
			assert.Equal(t, tc.json, string(js))
			var back followup.Modes
			require.NoError(t, json.Unmarshal(js, &back))
			assert.Equal(t, tc.set, back)
		})
	}
}

func TestModesJSONErrors(t *testing.T) {
	// An out-of-range set prints a diagnostic and does not marshal.
	bad := followup.Modes(9)
	assert.Equal(t, "followup.Modes(9)", bad.String())
	assert.False(t, bad.IsValid())
	_, err := json.Marshal(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "followup.Modes.MarshalJSON")

	tests := []struct {
		name, input, want string
	}{
		{"unknown code", `["in-person","fax"]`, `"fax"`},
		{"not a list", `"phone"`, "followup.Modes.UnmarshalJSON"},
		{"number", `[1]`, "followup.Modes.UnmarshalJSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := followup.ModesOf(followup.Mail)
			err := json.Unmarshal([]byte(tc.input), &s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "followup.Modes.UnmarshalJSON")
			assert.Equal(t, followup.ModesOf(followup.Mail), s, "unchanged on error")
		})
	}
}
