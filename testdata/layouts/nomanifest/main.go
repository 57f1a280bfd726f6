// Command nomanifest calls chat.postMessage and has no app manifest anywhere: what it
// requests cannot be checked, and slackscope says so instead of passing.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.New(os.Getenv("SLACK_BOT_TOKEN")).PostMessage("C1", slack.MsgOptionText("hi", false))
}
