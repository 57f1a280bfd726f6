// Command cleanup archives and posts; its manifest forgot chat:write.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/layouts/twoapps/internal/slackx"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	slackx.Archive(c, "C1")
	slackx.Post(c, "C2", "archived C1")
}
