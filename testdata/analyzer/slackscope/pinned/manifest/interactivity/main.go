// want package:`uses apps.connections.open chat.update interactivity`

// Command interactivity answers button clicks over Socket Mode, but its manifest does
// not enable interactivity: Slack would send it no interaction. The socket_mode setting
// is there; interactivity is a setting of its own.
package main

import (
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"), slack.OptionAppLevelToken(os.Getenv("SLACK_APP_TOKEN")))
	client := socketmode.New(api)
	go func() {
		for evt := range client.Events {
			if evt.Type != socketmode.EventTypeInteractive { // want `EventTypeInteractive handles interactivity, but manifest.yml does not enable interactivity \(settings.interactivity.is_enabled: true\): Slack sends the app none`
				continue
			}
			cb, ok := evt.Data.(slack.InteractionCallback)
			if !ok {
				continue
			}
			client.Ack(*evt.Request)
			if cb.Type == slack.InteractionTypeBlockActions {
				api.UpdateMessage(cb.Channel.ID, cb.Message.Timestamp, slack.MsgOptionText("done", false))
			}
		}
	}()
	client.Run()
}
