// want package:`uses admin.conversations.archive chat.postMessage conversations.history field:profile.email users.info`

// Command policybot posts the standup, reads the channel's history for answers, looks
// each author up with their email, and archives old standup channels with an admin's
// token. Its module's policy (.slackscope.yml) forbids admin scopes and asks a
// justification for users:read.email and the history scopes; it justifies
// channels:history only.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.PostMessage("C1", slack.MsgOptionText("standup time", false))
	api.GetConversationHistory(&slack.GetConversationHistoryParameters{ChannelID: "C1"}) // want `Slack applies new rate limits`
	u, err := api.GetUserInfo("U1")
	if err == nil {
		fmt.Println(u.Profile.Email)
	}
	admin := slack.New(os.Getenv("SLACK_ADMIN_TOKEN"))
	admin.AdminConversationsArchive(context.Background(), "C0") // want `\(\*slack.Client\).AdminConversationsArchive calls admin.conversations.archive, which needs admin.conversations:write, which .slackscope.yml forbids \(never: admin.\*, .slackscope.yml:3:5\)`
}
