// want package:`uses event:message rtm.connect rtm.start`

// Command rtm is a classic RTM bot with an app manifest: no manifest can describe a
// classic app, so the RTM call is classic-only, not a missing scope that adding bot
// (deprecated) would fix.
package main

import (
	"fmt"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	rtm := slack.New(os.Getenv("SLACK_BOT_TOKEN")).NewRTM()
	go rtm.ManageConnection() // want `\(\*slack.RTM\).ManageConnection calls rtm.connect, which only a classic app's bot token can call; no app manifest can request it` `\(\*slack.RTM\).ManageConnection calls rtm.start, which only a classic app's bot token can call`
	for msg := range rtm.IncomingEvents {
		if ev, ok := msg.Data.(*slack.MessageEvent); ok {
			fmt.Println(ev.Text)
		}
	}
}
