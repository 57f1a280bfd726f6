// Each function says what a call of it reaches; initializing the package reaches nothing.

// Package post is the bottom of the wrapper chain cmd -> notify -> post -> slack.
package post

import "github.com/slack-go/slack"

// Send posts text to a channel.
func Send(c *slack.Client, channel, text string) error { // want Send:`reaches chat.postMessage`
	_, _, err := c.PostMessage(channel, slack.MsgOptionText(text, false))
	return err
}
