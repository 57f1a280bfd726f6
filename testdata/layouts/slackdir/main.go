// Command slackdir keeps its manifest in slack/manifest.yml, where the search looks
// too.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.New(os.Getenv("SLACK_BOT_TOKEN")).PostMessage("C1", slack.MsgOptionText("hi", false))
}
