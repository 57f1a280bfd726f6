// want package:"reaches the network"

// Command app calls the Slack API only through package notify: the facts carry
// chat.postMessage from slack-go through notify to main (three packages).
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/bot/notify"
)

func main() { // want main:`reaches chat.postMessage`
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	if err := notify.Notify(c, "C123", "deployed"); err != nil {
		os.Exit(1)
	}
}
