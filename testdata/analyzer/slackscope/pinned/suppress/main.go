// want package:`uses chat.postMessage reactions.add`

// Command suppress shows //slackscope:ignore: a reason is required, and a directive that
// silences nothing is reported.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	c.PostMessage("C1", slack.MsgOptionText("hi", false))
	//slackscope:ignore missing-scope reactions are added with a token of another app
	c.AddReaction("eyes", slack.NewRefToMessage("C1", "1700000000.000100"))

	//slackscope:ignore missing-scope nothing here needs it // want `slackscope:ignore missing-scope silences nothing here; remove it`
	c.PostMessage("C1", slack.MsgOptionText("again", false))

	//slackscope:ignore missing-scope // want `needs a reason after the category`
	//slackscope:ignore missing-scopes typo // want `names no category slackscope reports: missing-scopes`
}
