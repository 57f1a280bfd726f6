// want package:`uses chat.postMessage event:message`

// Command escape keeps the channel-type test in a variable and a helper: what the test
// lets through cannot be followed, so every message event counts (one of the four
// *:history scopes is left as a choice), never only message.im.
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

func isDM(msg *slackevents.MessageEvent) bool { return msg.ChannelType == "im" }

func events(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if msg, ok := ev.InnerEvent.Data.(*slackevents.MessageEvent); ok {
		if isDM(msg) {
			api.PostMessage(msg.Channel, slack.MsgOptionText("hi", false))
		}
	}
}

func main() {
	http.HandleFunc("/slack/events", events)
	http.ListenAndServe(":3000", nil)
}
