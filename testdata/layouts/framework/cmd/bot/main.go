// Command bot is built on a framework (botkit, a module of its own, on slack-go v0.12.2)
// that handles four events. The app registers a handler of app_mention (its code names
// the event's type) and one of reaction_added (through the framework's own callback,
// which names none). The framework's other cases are not the app's: nothing is asked
// for joins or messages. Its manifest subscribes to app_mention and reaction_added, which
// are handled, and to channel_created, which nothing handles.
package main

import (
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"example.com/botkit"
)

func main() {
	bot := botkit.New(os.Getenv("SLACK_BOT_TOKEN"), os.Getenv("SLACK_APP_TOKEN"))
	bot.OnMention(func(ev *slackevents.AppMentionEvent) {
		bot.API.PostMessage(ev.Channel, slack.MsgOptionText("hello", false))
	})
	bot.OnReaction(func(user, emoji string) {
		bot.API.PostMessage(user, slack.MsgOptionText("thanks for the :"+emoji+":", false))
	})
	if err := bot.Run(); err != nil {
		os.Exit(1)
	}
}
