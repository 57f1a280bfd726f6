// Command bot announces through the module's wrapper (internal/slackx), whose call needs
// chat:write; the manifest at the module's root lacks it. Checked alone (slackscope
// ./wrapped/cmd/bot), the wrapper's finding is still reported.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/layouts/wrapped/internal/slackx"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	slackx.Announce(api, "deployed")
	api.AddReaction("rocket", slack.NewRefToMessage("C0ANNOUNCE", "1700000000.000100"))
}
