// want package:`uses chat.postMessage`

// Command raw posts through the wrapper, and calls a method the environment names through
// it too: the unresolved call is the wrapper's, and the program reaches it, so no
// requested scope is said to be unneeded.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/bot/reach/slackx"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	slackx.Post(c, "C1", "deployed")
	slackx.Call()
}
