package caseload

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/trappe-dk/trappe/ladder/msg"
)

// messageJSON is a message in a type's JSON: its code and arguments as
// data (as msg.Message.MarshalJSON writes them) and, for a reader without
// the catalogue, its text in Danish and English.
type messageJSON struct {
	Code string          `json:"code"`
	Args json.RawMessage `json:"args,omitempty"`
	Da   string          `json:"da"`
	En   string          `json:"en"`
}

func toMessageJSON(m msg.Message) (messageJSON, error) {
	b, err := m.MarshalJSON()
	if err != nil {
		return messageJSON{}, err
	}
	var j messageJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return messageJSON{}, err
	}
	j.Da, j.En = m.Text(msg.Danish), m.Text(msg.English)
	return j, nil
}

// message reads the message back from its code and arguments. The JSON
// does not say an argument's kind, so it is read by its form: a string is
// a msg.String, a whole number a msg.Int, another number a msg.Float with
// its decimals, an array of strings a msg.List, an object with a "code" a
// nested message, and another object a msg.Text. That is every kind this
// package's transfer messages use (strings, texts and nested messages), so
// a decision reads back equal to the one written; a date or a period would
// read back as its string.
func (j messageJSON) message() (msg.Message, error) {
	if j.Code == "" {
		return msg.Message{}, errors.New(`message: field "code" is missing`)
	}
	return decodeMessage(j.Code, j.Args)
}

func decodeMessage(code string, args json.RawMessage) (msg.Message, error) {
	m := msg.Message{Code: code, Args: []msg.Arg{}}
	if len(args) == 0 || string(args) == "null" {
		return m, nil
	}
	dec := json.NewDecoder(bytes.NewReader(args))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return msg.Message{}, fmt.Errorf("message %q: args are not an object", code)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return msg.Message{}, fmt.Errorf("message %q: %w", code, err)
		}
		name, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return msg.Message{}, fmt.Errorf("message %q: argument %q: %w", code, name, err)
		}
		v, err := decodeValue(raw)
		if err != nil {
			return msg.Message{}, fmt.Errorf("message %q: argument %q: %w", code, name, err)
		}
		m.Args = append(m.Args, msg.Arg{Name: name, Value: v})
	}
	return m, nil
}

func decodeValue(raw json.RawMessage) (msg.Value, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return msg.Value{}, errors.New("no value")
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return msg.String(s), err
	case '[':
		var l []string
		err := json.Unmarshal(raw, &l)
		return msg.List(l...), err
	case '{':
		var o map[string]json.RawMessage
		if err := json.Unmarshal(raw, &o); err != nil {
			return msg.Value{}, err
		}
		if c, ok := o["code"]; ok {
			var code string
			if err := json.Unmarshal(c, &code); err != nil {
				return msg.Value{}, err
			}
			m, err := decodeMessage(code, o["args"])
			return msg.Nested(m), err
		}
		var tx map[msg.Lang]string
		err := json.Unmarshal(raw, &tx)
		return msg.Text(tx), err
	case 'n':
		return msg.Value{}, nil
	}
	s := string(raw)
	if n, err := strconv.Atoi(s); err == nil {
		return msg.Int(n), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return msg.Value{}, fmt.Errorf("%s is not a value", s)
	}
	prec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 && !strings.ContainsAny(s, "eE") {
		prec = len(s) - i - 1
	}
	return msg.Float(f, prec), nil
}
