package main

import (
	"path/filepath"
	"testing"
)

// lookup beyond TestCommandGolden's cases: slack-go names in capitals, message subtypes
// by their own names, and misses: functions an older slack-go release had under another
// name (said what they became, on the word of slack-go's CHANGELOG, with what the new
// function calls; still a miss), a short name that is no typo of a bound function, a
// mistyped subtype.
func TestLookupNamesGolden(t *testing.T) {
	tests := []goldenCase{
		{name: "bin-lookup-go-names-any-case", args: []string{"slackscope", "lookup", "(*SLACK.CLIENT).POSTMESSAGE", "client.addreaction", "SOCKETMODE.CLIENT.RUN"}, code: exitOK},
		{name: "bin-lookup-subtype", args: []string{"slackscope", "lookup", "bot_message", "Message_Changed"}, code: exitOK},
		{name: "bin-lookup-renamed-function", args: []string{"slackscope", "lookup", "UploadFileV2", "(*slack.Client).UploadFileV2Context"}, code: exitFindings},
		{name: "bin-lookup-short-miss", args: []string{"slackscope", "lookup", "New"}, code: exitFindings},
		{name: "bin-lookup-subtype-miss", args: []string{"slackscope", "lookup", "message_chnaged"}, code: exitFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, filepath.Join("..", "..", "testdata", "example")) })
	}
}
