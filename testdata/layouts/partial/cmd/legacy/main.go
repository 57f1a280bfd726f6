// Command legacy was written for an older slack-go: NewUnfurls is gone, so the package
// does not type-check, and what it calls cannot be known.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.UnfurlMessage("C1", "1700000000.000100", slack.NewUnfurls())
}
