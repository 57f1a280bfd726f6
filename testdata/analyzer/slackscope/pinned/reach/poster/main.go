// want package:`uses chat.postMessage reactions.add`

// Command poster posts and reacts, in main and in a goroutine; a helper nobody calls pins,
// and the wrapper's other functions are never reached: pins:write is not needed.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/bot/reach/slackx"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	slackx.Post(c, "C1", "deployed")
	done := make(chan error)
	go func() { done <- slackx.React(c, "C1", "1700000000.000100") }()
	<-done
}

// pinLater is dead code: no path from main reaches it, and what it calls is not checked.
func pinLater(c *slack.Client) {
	slackx.Pin(c, "C1", "1700000000.000100")
	c.GetUsers() // users:read is not requested, and not reported: the call is never made
}
