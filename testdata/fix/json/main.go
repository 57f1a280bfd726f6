// Command fixme is the fixture of slackscope fix: a bot that posts a question, reacts to
// each answer in its thread and greets who answered. Its manifest has a deprecated
// scope, a misspelt one, an unused one and lacks one, for fix to repair; what the thread
// needs is a choice of several scopes, which fix leaves to the author.
package main

import (
	"log"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	channel := os.Getenv("CHANNEL")
	_, ts, err := api.PostMessage(channel, slack.MsgOptionText("Who is in today?", false))
	if err != nil {
		log.Fatal(err)
	}
	msgs, _, _, err := api.GetConversationReplies(&slack.GetConversationRepliesParameters{ChannelID: channel, Timestamp: ts})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range msgs[1:] {
		if err := api.AddReaction("wave", slack.NewRefToMessage(channel, m.Timestamp)); err != nil {
			log.Fatal(err)
		}
		u, err := api.GetUserInfo(m.User)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("%s is in", u.RealName)
	}
}
