// want package:`uses chat.postEphemeral conversations.setTopic reactions.add users.info`

// Command pkgvars keeps its Slack calls in package-level variables: a function literal,
// a method expression, a table of handlers, and a call made while the package is
// initialized. Each counts: the manifest requests exactly what they need.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

var api = slack.New(os.Getenv("SLACK_BOT_TOKEN"))

var react = func(channel, ts string) error {
	return api.AddReaction("eyes", slack.NewRefToMessage(channel, ts))
}

var info = (*slack.Client).GetUserInfo

var handlers = map[string]func(channel string) error{
	"topic": func(channel string) error {
		_, err := api.SetTopicOfConversation(channel, "deploys")
		return err
	},
}

var _, _ = api.PostEphemeral("C1", "U1", slack.MsgOptionText("starting", false))

func main() {
	react("C1", "1700000000.000100")
	info(api, "U1")
	handlers["topic"]("C1")
}
