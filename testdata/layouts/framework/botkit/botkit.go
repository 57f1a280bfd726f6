// Package botkit is a small bot framework of the kind Slack apps are built on: it runs
// the Socket Mode loop, decodes every Events API event it knows, and calls the handlers
// an app registers. It handles many events; an app built on it subscribes to a few.
package botkit

import (
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// A Bot dispatches events to the handlers registered on it.
type Bot struct {
	API      *slack.Client
	client   *socketmode.Client
	mention  []func(*slackevents.AppMentionEvent)
	message  []func(*slackevents.MessageEvent)
	reaction []func(user, emoji string)
	joined   []func(*slackevents.MemberJoinedChannelEvent)
}

// New makes a bot from a bot token and an app-level token.
func New(botToken, appToken string) *Bot {
	api := slack.New(botToken, slack.OptionAppLevelToken(appToken))
	return &Bot{API: api, client: socketmode.New(api)}
}

// OnMention registers a handler of app_mention.
func (b *Bot) OnMention(f func(*slackevents.AppMentionEvent)) { b.mention = append(b.mention, f) }

// OnMessage registers a handler of message events.
func (b *Bot) OnMessage(f func(*slackevents.MessageEvent)) { b.message = append(b.message, f) }

// OnReaction registers a handler of reaction_added: the framework's own callback, which
// names no event type.
func (b *Bot) OnReaction(f func(user, emoji string)) { b.reaction = append(b.reaction, f) }

// OnJoin registers a handler of member_joined_channel.
func (b *Bot) OnJoin(f func(*slackevents.MemberJoinedChannelEvent)) { b.joined = append(b.joined, f) }

// Run acknowledges and dispatches events until the connection ends.
func (b *Bot) Run() error {
	go func() {
		for evt := range b.client.Events {
			payload, ok := evt.Data.(slackevents.EventsAPIEvent)
			if !ok {
				continue
			}
			b.client.Ack(*evt.Request)
			switch ev := payload.InnerEvent.Data.(type) {
			case *slackevents.AppMentionEvent:
				for _, f := range b.mention {
					f(ev)
				}
			case *slackevents.MessageEvent:
				for _, f := range b.message {
					f(ev)
				}
			case *slackevents.ReactionAddedEvent:
				for _, f := range b.reaction {
					f(ev.User, ev.Reaction)
				}
			case *slackevents.MemberJoinedChannelEvent:
				for _, f := range b.joined {
					f(ev)
				}
			}
		}
	}()
	return b.client.Run()
}
