// Command bot loads; its neighbour legacy does not.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.New(os.Getenv("SLACK_BOT_TOKEN")).PostMessage("C1", slack.MsgOptionText("hi", false))
}
