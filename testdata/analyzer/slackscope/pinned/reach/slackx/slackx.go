// Package slackx is a wrapper shared by several commands, each of which calls a few of
// its functions: a command needs the scopes of the functions it reaches, not of the whole
// package.
package slackx

import (
	"net/http"
	"os"

	"github.com/slack-go/slack"
)

// Post posts text to a channel.
func Post(c *slack.Client, channel, text string) error { // want Post:`reaches chat.postMessage`
	_, _, err := c.PostMessage(channel, slack.MsgOptionText(text, false))
	return err
}

// React adds a reaction to a message.
func React(c *slack.Client, channel, ts string) error { // want React:`reaches reactions.add`
	return c.AddReaction("white_check_mark", slack.NewRefToMessage(channel, ts))
}

// Pin pins a message.
func Pin(c *slack.Client, channel, ts string) error { // want Pin:`reaches pins.add`
	return c.AddPin(channel, slack.NewRefToMessage(channel, ts))
}

// Invite invites users to a channel.
func Invite(c *slack.Client, channel string, users ...string) error { // want Invite:`reaches conversations.invite`
	_, err := c.InviteUsersToConversation(channel, users...)
	return err
}

// Announce posts and pins: it reaches what both reach.
func Announce(c *slack.Client, channel, text string) error { // want Announce:`reaches chat.postMessage pins.add`
	if err := Post(c, channel, text); err != nil {
		return err
	}
	return Pin(c, channel, "1700000000.000100")
}

// Call calls the Web API method the environment names: nobody can tell which from the
// code, and whoever reaches it is told so.
func Call() error { // want Call:`reaches 1 unresolved`
	_, err := http.Post("https://slack.com/api/"+os.Getenv("SLACK_METHOD"), "application/json", nil)
	return err
}

// A Topic sets a channel's topic; it is a command of the handler program.
type Topic struct{ Text string }

// Run sets the topic.
func (t Topic) Run(c *slack.Client, channel string) error { // want Run:`reaches conversations.setTopic`
	_, err := c.SetTopicOfConversation(channel, t.Text)
	return err
}
