// want package:`uses incoming_webhook`

// Command incoming posts to the incoming webhook its configuration names: a URL whose
// origin the code does not show counts as an incoming webhook (incoming-webhook).
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	slack.PostWebhook(os.Getenv("SLACK_WEBHOOK_URL"), &slack.WebhookMessage{Text: "deploy finished"})
}
