// want package:`uses event:app_mention apps.connections.open`

// Command selector handles mentions in one expression: the event's type asserted inside
// a selector (ev.InnerEvent.Data.(*slackevents.AppMentionEvent).Text). Its manifest
// subscribes to app_mention and requests app_mentions:read: both are needed.
package main

import (
	"fmt"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"), slack.OptionAppLevelToken(os.Getenv("SLACK_APP_TOKEN")))
	client := socketmode.New(api)
	go func() {
		for evt := range client.Events {
			if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
				client.Ack(*evt.Request)
				fmt.Println(ev.InnerEvent.Data.(*slackevents.AppMentionEvent).Text)
			}
		}
	}()
	client.Run()
}
