// want package:`uses chat.postMessage\+chat:write.customize chat.unfurl`

// Command follow passes its options the ways real code does: a slice built with append
// under a condition (with an unfurl in it: chat.unfurl, links:write), a helper of the
// package, a helper of another package, an unexported wrapper. Each is followed: the
// manifest requests exactly what they need.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/bot/options/msgx"
)

func opts(text string, unfurl bool) []slack.MsgOption {
	o := []slack.MsgOption{slack.MsgOptionText(text, false)}
	if unfurl {
		o = append(o, slack.MsgOptionUnfurl("1700000000.000100", map[string]slack.Attachment{}))
	}
	return o
}

func quiet() slack.MsgOption { return slack.MsgOptionDisableLinkUnfurl() }

// send is unexported: its callers, all here, say what opts holds.
func send(api *slack.Client, channel string, opts ...slack.MsgOption) {
	api.PostMessage(channel, opts...)
}

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.SendMessage("C1", opts("deployed", len(os.Args) > 1)...)
	api.PostMessage("C1", quiet())
	send(api, "C1", msgx.AsDeployBot(), slack.MsgOptionText("as the deploy bot", false))
}
