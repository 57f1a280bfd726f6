// want package:`uses chat.postMessage pins.add reactions.add users.info`

// Command directives silences findings with directives in both forms: a trailing one
// covers its own line, one on a line of its own the next; block comments count too.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.AddReaction("eyes", slack.NewRefToMessage("C1", "1.2")) //slackscope:ignore missing-scope reactions are added with another app's token
	/* slackscope:ignore missing-scope pins are added by the admin app */
	api.AddPin("C1", slack.NewRefToMessage("C1", "1.2"))
	api.PostMessage("C1", slack.MsgOptionText("hi", false)) //slackscope:ignore missing-scope a trailing directive covers its own line only // want `slackscope:ignore missing-scope silences nothing here; remove it`
	api.GetUserInfo("U1")                                   // want `\(\*slack.Client\).GetUserInfo calls users.info, which needs users:read on a bot token; manifest.yml does not request it`
}
