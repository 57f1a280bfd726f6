// want package:`uses chat.postMessage event:message.im`

// Command guard ignores every message that is not a direct message before it answers,
// in the three spellings real bots use: a guard that returns, the event's IsIM method,
// and a switch whose default returns. Only message.im (im:history) is needed.
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"

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
	switch msg := ev.InnerEvent.Data.(type) {
	case *slackevents.MessageEvent:
		if msg.BotID != "" || msg.ChannelType != "im" {
			return
		}
		answer(msg)
	}
}

func answer(msg *slackevents.MessageEvent) {
	if !msg.IsIM() {
		return
	}
	switch ct := msg.ChannelType; ct {
	case "im":
		if strings.HasPrefix(msg.Text, "help") {
			api.PostMessage(msg.Channel, slack.MsgOptionText("try: status", false))
		}
	default:
		return
	}
}

func main() {
	http.HandleFunc("/slack/events", events)
	http.ListenAndServe(":3000", nil)
}
