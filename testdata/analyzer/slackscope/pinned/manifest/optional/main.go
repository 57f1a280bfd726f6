// want package:`uses chat.postMessage files.info`

// Command optional requests files:read as an optional scope (a workspace may decline
// it): it counts as requested, is not unused, and an optional scope missing from the
// bot list is a manifest Slack refuses.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.PostMessage("C1", slack.MsgOptionText("hi", false))
	api.GetFileInfo("F1", 0, 0)
}
