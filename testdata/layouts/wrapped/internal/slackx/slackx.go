// Package slackx is the app's wrapper of the Slack client, shared by its commands.
package slackx

import "github.com/slack-go/slack"

// Announce posts text to the announcements channel.
func Announce(api *slack.Client, text string) error {
	_, _, err := api.PostMessage("C0ANNOUNCE", slack.MsgOptionText(text, false))
	return err
}
