// want package:`uses event:message rtm.connect rtm.start`

// Command rtm is a classic RTM bot: rtm.connect (or rtm.start) with a classic bot token,
// which the bot scope covers, and RTM message events.
package main

import (
	"fmt"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	rtm := slack.New(os.Getenv("SLACK_BOT_TOKEN")).NewRTM()
	go rtm.ManageConnection()
	for msg := range rtm.IncomingEvents {
		if ev, ok := msg.Data.(*slack.MessageEvent); ok {
			fmt.Println(ev.Text)
		}
	}
}
