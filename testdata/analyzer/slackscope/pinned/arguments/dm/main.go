// want package:`uses chat.postMessage conversations.list conversations.open`

// Command dm opens a direct message with the user who asked, then posts to it. One user
// in Users opens a 1:1 DM: im:write, not one of four scopes. The second call passes a
// list the code does not show; its choice is already met by im:write. Likewise one
// conversations.list of DMs needs im:read, which meets the choice of one whose types
// come from the environment: the minimum is per call, not per method.
package main

import (
	"os"
	"strings"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	ch, _, _, err := api.OpenConversation(&slack.OpenConversationParameters{Users: []string{os.Getenv("REQUESTER")}})
	if err != nil {
		return
	}
	api.PostMessage(ch.ID, slack.MsgOptionText("here is your report", false))
	api.OpenConversation(&slack.OpenConversationParameters{Users: strings.Split(os.Getenv("OWNERS"), ",")})
	api.GetConversations(&slack.GetConversationsParameters{Types: []string{"im"}})
	api.GetConversations(&slack.GetConversationsParameters{Types: strings.Split(os.Getenv("TYPES"), ",")})
}
