// Command cleanup reacts to old messages with the same app's token; pins:write is
// requested by the shared manifest and needed by neither program.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.AddReaction("wastebasket", slack.NewRefToMessage("C1", "1700000000.000100"))
}
