// want package:`uses event:app_mention apps.connections.open chat.postMessage`

// Command socketmode is a Socket Mode bot whose manifest forgets to turn Socket Mode on.
// The app-level token's connections:write is made under Basic Information, never in the
// manifest: it is not a missing scope, and settings.socket_mode_enabled is what is
// checked.
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
			if evt.Type != socketmode.EventTypeEventsAPI {
				continue
			}
			client.Ack(*evt.Request)
			payload, _ := evt.Data.(slackevents.EventsAPIEvent)
			if ev, ok := payload.InnerEvent.Data.(*slackevents.AppMentionEvent); ok {
				api.PostMessage(ev.Channel, slack.MsgOptionText("hello", false))
			}
		}
	}()
	client.Run() // want `\(\*socketmode.Client\).Run calls apps.connections.open, which runs Socket Mode; manifest.yml does not enable it \(settings.socket_mode_enabled: true\)`
}
