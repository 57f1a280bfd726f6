// Command events is a Socket Mode bot that answers mentions and direct messages. The
// scopes its calls need come first; those its handled events need count only when the
// app subscribes to them, and its manifest subscribes to none yet: each handler gets a
// missing-subscription finding, and no missing-scope for an event that never arrives.
package main

import (
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
			payload, ok := evt.Data.(slackevents.EventsAPIEvent)
			if !ok {
				continue
			}
			client.Ack(*evt.Request)
			switch ev := payload.InnerEvent.Data.(type) {
			case *slackevents.AppMentionEvent:
				api.PostMessage(ev.Channel, slack.MsgOptionText("hello", false))
			case *slackevents.MessageEvent:
				if ev.ChannelType != "im" {
					continue
				}
				api.PostMessage(ev.Channel, slack.MsgOptionText("got your DM", false))
			}
		}
	}()
	client.Run()
}
