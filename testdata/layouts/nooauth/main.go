// Command nooauth has a Slack manifest without oauth_config: it requests nothing, so
// its call of chat.postMessage misses chat:write.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.New(os.Getenv("SLACK_BOT_TOKEN")).PostMessage("C1", slack.MsgOptionText("hi", false))
}
