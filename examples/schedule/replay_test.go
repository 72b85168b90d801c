package main

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trappe-dk/trappe/followup"
	"github.com/trappe-dk/trappe/followup/workday"
)

// replayable is what an answer says about how to compute it again: its
// receipt, and the language and worker filter it was asked for.
type replayable struct {
	Lang    string           `json:"lang"`
	Worker  string           `json:"worker"`
	Receipt followup.Receipt `json:"receipt"`
}

// An answer is computed again from its receipt and its input, byte for
// byte: the receipt checks the rule sets and the input and gives the as-of
// date and horizon, which are passed as flags.
func TestReplayFromReceipt(t *testing.T) {
	small := caseDoc(`{"id": "m1", "intervention": "doegninstitution", "start": "2026-01-05",
	  "followups": [{"date": "2026-01-19", "childConversation": true, "mode": "in-person"}]}`)
	tests := []struct {
		name  string
		input []byte
		args  []string
	}{
		{"sample", sample, nil},
		{"sample en", sample, []string{"-lang", "en"}},
		{"sample one worker", sample, []string{"-worker", "w2"}},
		{"sample en one worker 12 weeks", sample, []string{"-lang", "en", "-worker", "w2", "-weeks", "12"}},
		{"sample later", sample, []string{"-asof", "2026-12-15", "-weeks", "1"}},
		{"a file", []byte(small), []string{"-asof", "2026-03-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "in.json", string(tt.input))
			args := append([]string{"-format", "json"}, tt.args...)
			if string(tt.input) != string(sample) {
				args = append(args, "-cases", path)
			}
			code, first, errs := runCmd(t, args...)
			require.Equal(t, 0, code, errs)

			var ans replayable
			require.NoError(t, json.Unmarshal([]byte(first), &ans))
			opt, err := ans.Receipt.Replay(followup.Herning(), tt.input)
			require.NoError(t, err)
			assert.Equal(t, workday.Danish().Options(), opt.Calendar.Options(), "the command uses the Danish calendar")
			days := int(opt.Until - opt.AsOf)
			require.Zero(t, days%7, "the horizon is whole weeks")

			again := []string{"-format", "json", "-cases", path, "-asof", opt.AsOf.String(),
				"-weeks", strconv.Itoa(days / 7), "-lang", ans.Lang}
			if ans.Worker != "" {
				again = append(again, "-worker", ans.Worker)
			}
			code, second, errs := runCmd(t, again...)
			require.Equal(t, 0, code, errs)
			assert.Equal(t, first, second, "the replayed answer is the same, byte for byte")

			// The receipt's input digest is of the bytes read.
			_, err = ans.Receipt.Replay(followup.Herning(), append([]byte(" "), tt.input...))
			assert.ErrorContains(t, err, "receipt.input.changed")
		})
	}
}
