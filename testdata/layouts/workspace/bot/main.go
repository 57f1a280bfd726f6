// Command bot announces deploys through the workspace's notify module; its manifest
// requests no scope, and chat.postMessage needs chat:write.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/notify"
)

func main() {
	notify.Announce(slack.New(os.Getenv("SLACK_BOT_TOKEN")), "C1", "deployed")
}
