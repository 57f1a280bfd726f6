// want package:`uses chat.postMessage chat.unfurl`

// Command maybe passes options that may or may not unfurl: a slice that gets the unfurl
// only under a condition, a variable declared empty, one whose element is replaced, one
// handed to a function of the package. Each PostMessage may call chat.postMessage, so
// chat:write is needed beside links:write.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func adjust(o []slack.MsgOption) { o[0] = slack.MsgOptionText("", false) }

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))

	var later []slack.MsgOption
	if len(os.Args) > 1 {
		later = append(later, slack.MsgOptionUnfurl("1700000000.000100", nil))
	}
	api.PostMessage("C1", later...) // want `calls chat.postMessage, which needs chat:write on a bot token`

	replaced := []slack.MsgOption{slack.MsgOptionUnfurl("1700000000.000200", nil)}
	replaced[0] = slack.MsgOptionText("", false)
	api.PostMessage("C1", replaced...) // want `calls chat.postMessage, which needs chat:write on a bot token`

	handed := []slack.MsgOption{slack.MsgOptionUnfurl("1700000000.000300", nil)}
	adjust(handed)
	api.PostMessage("C1", handed...) // want `calls chat.postMessage, which needs chat:write on a bot token`
}
