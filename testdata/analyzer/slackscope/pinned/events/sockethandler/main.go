// want package:`uses event:app_mention apps.connections.open shortcuts slash_commands`

// Command sockethandler runs Socket Mode with a SocketmodeHandler: the event type it
// registers a handler for, its slash command and its shortcut.
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
	h := socketmode.NewSocketmodeHandler(client)
	h.HandleEvents(slackevents.AppMention, func(evt *socketmode.Event, c *socketmode.Client) { c.Ack(*evt.Request) })
	h.HandleSlashCommand("/deploy", func(evt *socketmode.Event, c *socketmode.Client) { c.Ack(*evt.Request) })
	h.HandleShortcut("open-deploy", func(evt *socketmode.Event, c *socketmode.Client) { c.Ack(*evt.Request) })
	h.RunEventLoop()
}
