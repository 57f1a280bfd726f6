// Command cloudfoundry has a manifest.yml, but it is a Cloud Foundry one: it is passed
// over, and the program is checked against no request (slackscope says so).
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.New(os.Getenv("SLACK_BOT_TOKEN")).PostMessage("C1", slack.MsgOptionText("hi", false))
}
