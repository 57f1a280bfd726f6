// Package bot holds the program's Slack client; its callers call the client's methods
// without importing slack-go themselves.
package bot

import "github.com/slack-go/slack"

// Bot is the program's connection to Slack.
type Bot struct {
	API *slack.Client
}

// New connects with a bot token.
func New(token string) *Bot { return &Bot{API: slack.New(token)} }
