// Command fixsocket is the fixture of slackscope fix on a Socket Mode app: it answers
// each mention and each press of its button. Its manifest neither enables Socket Mode
// nor interactivity, does not subscribe to app_mention, subscribes to team_join that no
// code handles (and so requests users:read for nothing), and lacks chat:write: fix
// repairs each, and a second fix finds nothing.
package main

import (
	"log"
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
			switch evt.Type {
			case socketmode.EventTypeEventsAPI:
				outer, ok := evt.Data.(slackevents.EventsAPIEvent)
				if !ok {
					continue
				}
				client.Ack(*evt.Request)
				if ev, ok := outer.InnerEvent.Data.(*slackevents.AppMentionEvent); ok {
					if _, _, err := api.PostMessage(ev.Channel, slack.MsgOptionText("Press the button", false)); err != nil {
						log.Print(err)
					}
				}
			case socketmode.EventTypeInteractive:
				cb, ok := evt.Data.(slack.InteractionCallback)
				if !ok {
					continue
				}
				client.Ack(*evt.Request)
				if cb.Type == slack.InteractionTypeBlockActions {
					if _, _, err := api.PostMessage(cb.Channel.ID, slack.MsgOptionText("Pressed", false)); err != nil {
						log.Print(err)
					}
				}
			}
		}
	}()
	if err := client.Run(); err != nil {
		log.Fatal(err)
	}
}
