// want package:`uses conversations.open\(mpim:write\)`

// Command group opens a group DM with the on-call pair and the bot's owner: more than
// one user in Users opens a multi-person DM, which needs mpim:write.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.OpenConversation(&slack.OpenConversationParameters{
		Users: []string{os.Getenv("PRIMARY"), os.Getenv("SECONDARY"), os.Getenv("OWNER")},
	})
}
