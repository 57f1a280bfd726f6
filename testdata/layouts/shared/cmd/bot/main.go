// Command bot posts; it shares the app (and its manifest) with cmd/cleanup, which reacts:
// the manifest is checked against what both need, so neither reports the other's scope.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.PostMessage("C1", slack.MsgOptionText("deployed", false))
}
