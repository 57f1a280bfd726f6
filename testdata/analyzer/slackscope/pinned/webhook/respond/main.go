// want package:`uses slash_commands`

// Command respond answers slash commands and button clicks through their response_url:
// PostWebhook's name says webhook, but the URL comes from the payload, so no incoming
// webhook (and no incoming-webhook scope) is needed.
package main

import (
	"encoding/json"
	"net/http"

	"github.com/slack-go/slack"
)

func command(w http.ResponseWriter, r *http.Request) {
	s, err := slack.SlashCommandParse(r)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	slack.PostWebhook(s.ResponseURL, &slack.WebhookMessage{Text: "working on it"})
}

func interaction(w http.ResponseWriter, r *http.Request) {
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(r.FormValue("payload")), &cb); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	url := cb.ResponseURL
	slack.PostWebhookCustomHTTPContext(r.Context(), url, http.DefaultClient, &slack.WebhookMessage{Text: "done", ReplaceOriginal: true})
}

func main() {
	http.HandleFunc("/slack/commands", command)
	http.HandleFunc("/slack/interactions", interaction)
	http.ListenAndServe(":3000", nil)
}
