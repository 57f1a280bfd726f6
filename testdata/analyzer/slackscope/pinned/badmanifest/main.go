// want package:`uses chat.postMessage`

// Command badmanifest has a manifest that is not YAML: slackscope says where, and goes on.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.New(os.Getenv("SLACK_BOT_TOKEN")).PostMessage("C1", slack.MsgOptionText("hi", false))
}
