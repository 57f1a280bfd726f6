// Package notify is a module of its own in the workspace: it posts through its own
// interface, which a *slack.Client satisfies.
package notify

import "github.com/slack-go/slack"

// A Poster posts messages; *slack.Client is one.
type Poster interface {
	PostMessage(channel string, options ...slack.MsgOption) (string, string, error)
}

// Announce posts text to channel.
func Announce(p Poster, channel, text string) error {
	_, _, err := p.PostMessage(channel, slack.MsgOptionText(text, false))
	return err
}

// Pin pins a message; the bot never calls it.
func Pin(c *slack.Client, channel, ts string) error {
	return c.AddPin(channel, slack.NewRefToMessage(channel, ts))
}
