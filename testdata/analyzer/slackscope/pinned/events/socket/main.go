// want package:`uses apps.connections.open event:reaction_added slash_commands`

// Command socket runs a Socket Mode client in the switch style: an app-level token opens
// the connection (connections:write), the request types it switches on are slash commands
// and Events API payloads, and the inner event it asserts is reaction_added.
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
			switch evt.Type {
			case socketmode.EventTypeSlashCommand:
				client.Ack(*evt.Request)
			case socketmode.EventTypeEventsAPI:
				payload, _ := evt.Data.(slackevents.EventsAPIEvent)
				client.Ack(*evt.Request)
				if _, ok := payload.InnerEvent.Data.(*slackevents.ReactionAddedEvent); ok {
					continue
				}
			}
		}
	}()
	client.Run()
}
