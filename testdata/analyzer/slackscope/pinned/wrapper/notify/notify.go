// Each function says what a call of it reaches; initializing the package reaches nothing.

// Package notify wraps the client; its callers' packages learn, through facts, which Web
// API methods they reach.
package notify

import (
	"github.com/slack-go/slack"

	"example.com/bot/wrapper/post"
)

// Notify posts text to a channel, through package post.
func Notify(c *slack.Client, channel, text string) error { // want Notify:`reaches chat.postMessage`
	return post.Send(c, channel, "notice: "+text)
}

// Pin pins a message.
func Pin(c *slack.Client, channel, ts string) error { // want Pin:`reaches pins.add`
	return c.AddPin(channel, slack.NewRefToMessage(channel, ts))
}
