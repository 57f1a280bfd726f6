// Command bot posts; its manifest requests chat:write.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/layouts/twoapps/internal/slackx"
)

func main() {
	slackx.Post(slack.New(os.Getenv("SLACK_BOT_TOKEN")), "C1", "deployed")
}
