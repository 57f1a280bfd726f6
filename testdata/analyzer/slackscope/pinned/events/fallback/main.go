// want package:`uses apps.connections.open event:message rtm.connect`

// Command fallback runs Socket Mode and falls back to RTM when no app-level token is
// set. The message events it handles come through the Events API on the modern path,
// so they need one of the *:history scopes on the bot token, not only the classic bot
// scope of the RTM path (which is reported as classic-only, apart).
package main

import (
	"fmt"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

func main() {
	if os.Getenv("SLACK_APP_TOKEN") == "" {
		legacy()
		return
	}
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"), slack.OptionAppLevelToken(os.Getenv("SLACK_APP_TOKEN")))
	client := socketmode.New(api)
	go func() {
		for evt := range client.Events {
			payload, ok := evt.Data.(slackevents.EventsAPIEvent)
			if !ok {
				continue
			}
			client.Ack(*evt.Request)
			switch inner := payload.InnerEvent; inner.Type {
			case "message":
				ev := inner.Data.(*slackevents.MessageEvent)
				fmt.Println(ev.Text)
			}
		}
	}()
	client.Run()
}

// legacy is the classic path: an RTM session with a classic bot token.
func legacy() {
	rtm := slack.New(os.Getenv("SLACK_BOT_TOKEN")).NewRTM()
	go rtm.ManageConnection()
	for msg := range rtm.IncomingEvents {
		if ev, ok := msg.Data.(*slack.MessageEvent); ok {
			fmt.Println(ev.Text)
		}
	}
}
