// want package:`uses event:app_mention chat.postMessage event:message.im event:reaction_added`

// Command httpapi receives the Events API over HTTP: the inner event types it switches
// on are the events it handles, and the ChannelType it checks narrows message events to
// direct messages (im:history, not one of four *:history scopes).
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

var api = slack.New(os.Getenv("SLACK_BOT_TOKEN"))

func events(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	switch inner := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent: // want `\*slackevents.AppMentionEvent handles the app_mention event, which needs app_mentions:read on a bot token`
		api.PostMessage(inner.Channel, slack.MsgOptionText("hi!", false))
	case *slackevents.ReactionAddedEvent:
	case *slackevents.MessageEvent:
		if inner.ChannelType == "im" {
			api.PostMessage(inner.Channel, slack.MsgOptionText("got your DM", false))
		}
	}
}

func main() {
	http.HandleFunc("/slack/events", events)
	http.ListenAndServe(":3000", nil)
}
