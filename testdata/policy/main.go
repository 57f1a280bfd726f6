// want package:`uses admin.conversations.archive chat.postMessage conversations.history files.info field:profile.email users.info`

// Command policybot posts the standup, reads the channel's history for answers, looks
// each author up with their email, reads a file's details, and archives old standup
// channels with an admin's token. Its module's policy (.slackscope.yml) forbids admin
// and file scopes and asks a justification for users:read.email and the history
// scopes; it justifies channels:history only.
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
	// files:read: forbidden and not requested, so the missing scope gets no fix.
	api.GetFileInfo("F1", 0, 0) // want `\(\*slack.Client\).GetFileInfo calls files.info, which needs files:read on a bot token; manifest.yml does not request it` `\(\*slack.Client\).GetFileInfo calls files.info, which needs files:read, which .slackscope.yml forbids \(never: files:\*, .slackscope.yml:4:5\)`
	admin := slack.New(os.Getenv("SLACK_ADMIN_TOKEN"))
	admin.AdminConversationsArchive(context.Background(), "C0") // want `\(\*slack.Client\).AdminConversationsArchive calls admin.conversations.archive, which needs admin.conversations:write, which .slackscope.yml forbids \(never: admin.\*, .slackscope.yml:3:5\)`
}
