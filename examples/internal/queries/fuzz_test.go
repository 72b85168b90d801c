package queries

import (
	"bytes"
	"net/url"
	"testing"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/followup/workday"
)

// FuzzQueries feeds any body to the three decoders: each answers or
// returns input errors, never panics and never fails otherwise.
func FuzzQueries(f *testing.F) {
	for _, s := range []string{
		`{"dates": ["2023-05-05", "2024-02-29"]}`,
		`{"asOf": "2024-03-01", "now": "2024-03-01T16:00:00+01:00", "notifications": [{"case": "c1", "received": "2024-03-01T14:30:00+01:00", "fromProfessional": true, "abuse": true}],
		  "assessments": [{"case": "c1", "learned": "2023-10-31"}], "plans": [{"case": "c1", "decided": "2024-05-31", "basis": "placement"}],
		  "hearings": [{"case": "c1", "start": "2024-03-04"}], "youngPeople": [{"case": "c1", "birthDate": "2008-02-29", "decided": "2024-03-01", "basis": "placement"}],
		  "returnHomes": [{"case": "c1", "returns": "2024-06-14"}], "networkMeetings": [{"case": "c1", "slot": "2024-04-17"}]}`,
		`{"before": {"plejefamilie": 1.5}, "after": {"doegninstitution": 0}}`,
		`{"asOf": "9999-12-31"}`, `[]`, `{"dates": [1]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		check := func(what string, err error) {
			if err != nil && input.AsErrors(err) == nil {
				t.Fatalf("%s: an error that is not input errors: %v", what, err)
			}
		}
		_, err := Workdays("request body", bytes.NewReader(body), workday.Danish())
		check("Workdays", err)
		_, err = Intake("request body", bytes.NewReader(body), url.Values{}, workday.Danish(), "en")
		check("Intake", err)
		_, err = ChildYears("request body", bytes.NewReader(body))
		check("ChildYears", err)
	})
}
