// want package:`uses chat.unfurl`

// Command always unfurls links through options kept away from the call: a slice literal,
// a variable extended with append, a helper that returns one. Each slice certainly holds
// MsgOptionUnfurl, so each PostMessage calls chat.unfurl, never chat.postMessage: the
// manifest requests links:write alone, and no chat:write is missing.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func unfurl(ts string) []slack.MsgOption {
	if ts == "" {
		return []slack.MsgOption{slack.MsgOptionUnfurl("1700000000.000100", nil)}
	}
	return []slack.MsgOption{slack.MsgOptionUnfurl(ts, nil), slack.MsgOptionText("", false)}
}

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	o := []slack.MsgOption{slack.MsgOptionUnfurl("1700000000.000200", map[string]slack.Attachment{})}
	if len(os.Args) > 1 {
		o = append(o, slack.MsgOptionDisableLinkUnfurl())
	}
	for range o {
	}
	api.PostMessage("C1", o...)
	api.PostMessage("C1", unfurl(os.Getenv("TS"))...)
	api.PostMessage("C1", append(unfurl(""), slack.MsgOptionDisableMediaUnfurl())...)
}
