// Command driftbot is the app of slackscope drift's tests: it receives the mentions of
// the bot over HTTP, reads the channel's recent history, answers in the channel and
// reacts to the mention. manifest.yml is what it needs; the live-*.json files (what
// apps.manifest.export returns) and the grant-*.txt files (the x-oauth-scopes of an
// auth.test response) are what Slack says of the installed app, each with one drift.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	http.HandleFunc("/slack/events", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if ev.Type == slackevents.URLVerification {
			var c slackevents.ChallengeResponse
			if err := json.Unmarshal(body, &c); err == nil {
				w.Write([]byte(c.Challenge))
			}
			return
		}
		if m, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); ok {
			go answer(api, m)
		}
	})
	log.Fatal(http.ListenAndServe(":3000", nil))
}

// answer says how busy the channel has been, and marks the mention as seen.
func answer(api *slack.Client, m *slackevents.AppMentionEvent) {
	hist, err := api.GetConversationHistory(&slack.GetConversationHistoryParameters{ChannelID: m.Channel, Limit: 20})
	if err != nil {
		log.Print(err)
		return
	}
	text := fmt.Sprintf("%d messages here lately", len(hist.Messages))
	if _, _, err := api.PostMessage(m.Channel, slack.MsgOptionText(text, false)); err != nil {
		log.Print(err)
	}
	if err := api.AddReaction("eyes", slack.NewRefToMessage(m.Channel, m.TimeStamp)); err != nil {
		log.Print(err)
	}
}
