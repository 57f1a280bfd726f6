// Package slackx is the Slack wrapper two apps share; each app has its own manifest
// beside its command, and none is above this package: its calls are checked against the
// manifest of each program that reaches them.
package slackx

import "github.com/slack-go/slack"

// Post posts text to a channel.
func Post(c *slack.Client, channel, text string) error {
	_, _, err := c.PostMessage(channel, slack.MsgOptionText(text, false))
	return err
}

// Archive archives a channel.
func Archive(c *slack.Client, channel string) error {
	return c.ArchiveConversation(channel)
}
