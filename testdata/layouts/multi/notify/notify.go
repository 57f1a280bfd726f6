// Package notify is the bot's wrapper: its call of reactions.add is checked against the
// manifest that -slackscope.manifest names relative to the module root, under go vet as
// standalone.
package notify

import "github.com/slack-go/slack"

// Ack adds a reaction to a message.
func Ack(api *slack.Client, channel, ts string) error {
	return api.AddReaction("eyes", slack.NewRefToMessage(channel, ts))
}
