// want package:`uses chat.postMessage event:message.channels event:message.groups event:message.im event:message.mpim reactions.add`

// Command react marks every message it sees before it answers direct messages: the
// reaction comes before the channel-type test and uses the message, so every message
// event is handled, not message.im alone.
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
		api.AddReaction("eyes", slack.NewRefToMessage(msg.Channel, msg.TimeStamp))
		if msg.ChannelType != "im" {
			return
		}
		api.PostMessage(msg.Channel, slack.MsgOptionText("on it", false))
	}
}

func main() {
	http.HandleFunc("/slack/events", events)
	http.ListenAndServe(":3000", nil)
}
