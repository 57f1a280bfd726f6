// want package:`uses chat.postMessage event:message.channels event:message.groups event:message.im event:message.mpim`

// Command ifelse answers direct messages one way and every other message another: the
// else branch handles channel, private channel and group DM messages, so all four
// message events (and their *:history scopes) are needed, not message.im alone.
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
	if msg, ok := ev.InnerEvent.Data.(*slackevents.MessageEvent); ok {
		if msg.ChannelType == "im" {
			api.PostMessage(msg.Channel, slack.MsgOptionText("thanks for the DM", false))
		} else {
			api.PostMessage(msg.Channel, slack.MsgOptionText("seen", false))
		}
	}
}

func main() {
	http.HandleFunc("/slack/events", events)
	http.ListenAndServe(":3000", nil)
}
