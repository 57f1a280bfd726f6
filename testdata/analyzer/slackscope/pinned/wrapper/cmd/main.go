// want package:`uses chat.postMessage pins.add`

// Command cmd reaches the Web API only through package notify (cmd -> notify -> post):
// the manifest's pins:write and chat:write are needed through it.
package main

import (
	"os"

	"github.com/slack-go/slack"

	"example.com/bot/wrapper/notify"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	notify.Notify(c, "C1", "deployed")
	notify.Pin(c, "C1", "1700000000.000100")
}
