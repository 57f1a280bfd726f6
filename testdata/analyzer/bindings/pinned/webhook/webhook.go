// want package:"reaches the network"

// Package webhook posts to an incoming webhook: a URL its caller gives, no Web API method.
package webhook

import "github.com/slack-go/slack"

// Send posts text to the webhook at url.
func Send(url, text string) error { // want Send:`reaches \{url\}`
	return slack.PostWebhook(url, &slack.WebhookMessage{Text: text})
}
