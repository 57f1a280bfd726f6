// want package:`uses chat.postMessage chat.unfurl`

// Command maybe passes options that may or may not unfurl: a slice that gets the unfurl
// only under a condition, a variable declared empty, one whose element is replaced, one
// handed to a function of the package, a range variable, a function literal's
// parameter, an append to a shared slice. Each PostMessage may call chat.postMessage, so
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

	// A range variable and a function literal's parameter start with values no
	// assignment shows.
	for _, opts := range [][]slack.MsgOption{{slack.MsgOptionText("", false)}} {
		if len(os.Args) > 2 {
			opts = append(opts, slack.MsgOptionUnfurl("1700000000.000400", nil))
		}
		api.PostMessage("C1", opts...) // want `calls chat.postMessage, which needs chat:write on a bot token`
	}
	send := func(opts ...slack.MsgOption) {
		if len(os.Args) > 3 {
			opts = append(opts, slack.MsgOptionUnfurl("1700000000.000500", nil))
		}
		api.PostMessage("C1", opts...) // want `calls chat.postMessage, which needs chat:write on a bot token`
	}
	send()

	// An append to a shared slice: the next append to it overwrites the unfurl.
	common := make([]slack.MsgOption, 0, 8)
	common = append(common, slack.MsgOptionText("hi", false))
	unfurl := append(common, slack.MsgOptionUnfurl("1700000000.000600", nil))
	_ = append(common, slack.MsgOptionAsUser(true))
	api.PostMessage("C1", unfurl...) // want `calls chat.postMessage, which needs chat:write on a bot token`
}
