// Command bot posts and acknowledges through package notify.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/layouts/multi/notify"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.PostMessage("C1", slack.MsgOptionText("hi", false))
	notify.Ack(api, "C1", "1.2")
}
