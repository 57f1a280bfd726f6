// want package:`uses event:app_mention chat.postMessage`

// Command declared handles app_mention over the Events API, but its manifest subscribes
// to other events and declares a slash command no code handles: the reverse direction
// of the check.
package main

import (
	"encoding/json"
	"net/http"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	http.HandleFunc("/events", func(w http.ResponseWriter, r *http.Request) {
		var body json.RawMessage
		json.NewDecoder(r.Body).Decode(&body)
		ev, _ := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
		if m, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); ok { // want `\*slackevents.AppMentionEvent handles the app_mention event, but manifest.yml does not subscribe to app_mention`
			api.PostMessage(m.Channel, slack.MsgOptionText("hi", false))
		}
	})
	http.ListenAndServe(":3000", nil)
}
