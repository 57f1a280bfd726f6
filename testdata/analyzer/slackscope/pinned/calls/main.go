// want package:`uses channels.history chat.postMessage\+chat:write.customize chat.update conversations.history conversations.list\(channels:read,im:read\) pins.add reactions.add search.messages`

// Command calls shows how slackscope finds the Web API calls of a bot and checks them
// against manifest.yml beside it.
package main

import (
	"net/http"
	"os"

	"github.com/slack-go/slack"
)

// poster is the kind of interface testable code declares; *slack.Client satisfies it,
// and only the methods actually called count.
type poster interface {
	PostMessage(channelID string, options ...slack.MsgOption) (string, string, error)
	DeleteMessage(channel, messageTimestamp string) (string, string, error)
}

func announce(p poster, channel string) {
	p.PostMessage(channel, slack.MsgOptionText("hello", false)) // chat:write: requested
}

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	announce(c, "C1")
	values(c)

	// An option picks another endpoint: chat.update, which chat:write covers.
	c.PostMessage("C1", slack.MsgOptionUpdate("1700000000.000100"), slack.MsgOptionText("edited", false))

	// A reply to an interaction goes to its response URL: no scope at all.
	c.PostMessage("", slack.MsgOptionResponseURL("https://hooks.slack.com/actions/T/1/x", slack.ResponseTypeEphemeral))

	// A username override needs chat:write.customize.
	c.PostMessage("C1", slack.MsgOptionText("hi", false), slack.MsgOptionUsername("deploy-bot")) // want `\(\*slack.Client\).PostMessage calls chat.postMessage, which needs chat:write.customize on a bot token; manifest.yml does not request it \(oauth_config.scopes.bot\)`

	// In a goroutine, still a call.
	done := make(chan bool)
	go func() {
		c.AddReaction("eyes", slack.NewRefToMessage("C1", "1700000000.000100")) // want `AddReaction calls reactions.add, which needs reactions:write`
		done <- true
	}()
	<-done

	// Constant conversation types narrow the any-of: im only needs im:read.
	c.GetConversations(&slack.GetConversationsParameters{Types: []string{"im"}}) // want `GetConversations calls conversations.list, which needs im:read on a bot token`

	// Without types Slack lists public channels: channels:read, not "one of four".
	c.GetConversations(&slack.GetConversationsParameters{}) // want `calls conversations.list, which needs channels:read on a bot token`

	// The history of a conversation of unknown type: any one of four scopes will do, and
	// channels:history is requested.
	c.GetConversationHistory(&slack.GetConversationHistoryParameters{ChannelID: "C1"}) // want `calls conversations.history: Slack applies new rate limits`

	// search.messages works with user tokens only.
	c.SearchMessages("deploy", slack.NewSearchParameters()) // want `SearchMessages calls search.messages, which a bot token cannot call \(Slack answers not_allowed_token_type\); it needs a user token`

	// A raw call to a retired method.
	http.Post("https://slack.com/api/channels.history", "application/json", nil) // want `an HTTP request calls channels.history, which Slack has retired; use conversations.history instead`
}
