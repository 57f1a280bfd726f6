// want package:`uses chat.postMessage`

// Command dependency requests chat:write.public without the chat:write it extends.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	c.PostMessage("C1", slack.MsgOptionText("hi", false)) // want `PostMessage calls chat.postMessage, which needs chat:write on a bot token`
}
