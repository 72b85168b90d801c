package input

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/trappe-dk/trappe/ladder/jsonstrict"
)

// kind is the JSON type a field must have.
type kind uint8

const (
	kString kind = 1 + iota
	kNumber
	kBool
	kObject
	kArray
)

func (k kind) String() string {
	switch k {
	case kString:
		return "a string"
	case kNumber:
		return "a number"
	case kBool:
		return "true or false"
	case kObject:
		return "an object"
	case kArray:
		return "a list"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// shape describes the JSON a field must hold: its kind, the fields of an
// object, the element of a list.
type shape struct {
	kind   kind
	fields map[string]*shape // kObject
	elem   *shape            // kArray
}

var (
	str     = &shape{kind: kString}
	num     = &shape{kind: kNumber}
	boolean = &shape{kind: kBool}
)

func object(fields map[string]*shape) *shape { return &shape{kind: kObject, fields: fields} }
func list(elem *shape) *shape                { return &shape{kind: kArray, elem: elem} }

// fileShape is the input contract (see examples/schedule/README.md). Every
// object rejects fields it does not know, so that a typo ("endDate") is an
// error rather than a silently open measure.
var fileShape = func() *shape {
	indicator := object(map[string]*shape{
		"name": str, "unit": str, "baseline": num, "target": num,
		"scale": object(map[string]*shape{"min": num, "max": num}),
	})
	subGoal := object(map[string]*shape{
		"id": str, "what": str, "indicator": indicator, "criteria": list(str), "due": str, "met": str,
	})
	goal := object(map[string]*shape{
		"id": str, "what": str, "who": list(str), "indicator": indicator, "criteria": list(str),
		"due": str, "met": str, "measure": str, "planFrom": str, "planTo": str,
		"acceptance": object(map[string]*shape{"accepted": boolean, "recordedOn": str, "how": str, "attractive": str}),
		"subGoals":   list(subGoal),
	})
	measure := object(map[string]*shape{
		"id": str, "intervention": str, "start": str, "end": str, "assessmentEnd": str,
		"exceptions": list(object(map[string]*shape{"id": str, "approvedBy": str, "approvedOn": str})),
		"followups": list(object(map[string]*shape{
			"date": str, "childConversation": boolean, "mode": str, "kind": str,
			"notAtPlacement": boolean, "noPlanReview": boolean,
		})),
		"cadence": object(map[string]*shape{"decidedOn": str, "every": str, "note": str}),
		// Issue 15: the day the young person's plan was made (notifications.go).
		"youngPersonsPlan": str,
	})
	return object(map[string]*shape{
		"asOf": str, "weeks": num,
		"workers": list(object(map[string]*shape{
			"id": str, "name": str, "team": str, "fte": num, "employedSince": str,
		})),
		"cases": list(object(map[string]*shape{
			"id": str, "worker": str,
			"child":    object(map[string]*shape{"birthDate": str}),
			"measures": list(measure),
			"goals":    list(goal),
			// Issue 15: the notifications received (notifications.go).
			"notifications": list(notificationShape),
		})),
	})
}()

// checkShape walks v (decoded with UseNumber) against s and reports every
// unknown field and every value of the wrong type, with its full path.
// JSON null is accepted anywhere and means "not given".
func (d *decoder) checkShape(v any, s *shape, path string) {
	if v == nil {
		return
	}
	var got kind
	switch v.(type) {
	case string:
		got = kString
	case json.Number:
		got = kNumber
	case bool:
		got = kBool
	case map[string]any:
		got = kObject
	case []any:
		got = kArray
	}
	if got != s.kind {
		d.add(&Error{Field: path, Value: describe(v), Reason: fmt.Sprintf("want %s", s.kind)})
		return
	}
	switch s.kind {
	case kObject:
		m := v.(map[string]any)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fs, ok := s.fields[k]
			p := join(path, k)
			if !ok {
				d.add(&Error{Field: p, Reason: "unknown field (want one of " + knownFields(s) + ")"})
				continue
			}
			d.checkShape(m[k], fs, p)
		}
	case kArray:
		for i, e := range v.([]any) {
			d.checkShape(e, s.elem, path+"["+strconv.Itoa(i)+"]")
		}
	}
}

func knownFields(s *shape) string {
	keys := make([]string, 0, len(s.fields))
	for k := range s.fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += ", "
		}
		out += k
	}
	return out
}

// join appends key to a JSON path; a key that is not a plain name is
// quoted (cases[0]["a\nb"]), so that no character from the input reaches a
// message unescaped.
func join(path, key string) string { return jsonstrict.Join(path, key) }

// describe renders a JSON value of the wrong type for an Error.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		return "{…}"
	case []any:
		return "[…]"
	}
	return "null"
}
