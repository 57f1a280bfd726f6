// want package:`uses interactivity slash_commands views.open`

// Command slash serves a slash command over HTTP and answers interactions: the command
// needs commands; opening a modal and reading its submission need no scope.
package main

import (
	"encoding/json"
	"net/http"
	"os"

	"github.com/slack-go/slack"
)

var api = slack.New(os.Getenv("SLACK_BOT_TOKEN"))

func command(w http.ResponseWriter, r *http.Request) {
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	api.OpenView(cmd.TriggerID, slack.ModalViewRequest{Type: slack.VTModal, Title: slack.NewTextBlockObject(slack.PlainTextType, "Deploy", false, false)})
}

func interaction(w http.ResponseWriter, r *http.Request) {
	var cb slack.InteractionCallback
	json.Unmarshal([]byte(r.FormValue("payload")), &cb)
	if cb.Type == slack.InteractionTypeViewSubmission {
		w.WriteHeader(http.StatusOK)
	}
}

func main() {
	http.HandleFunc("/slack/command", command)
	http.HandleFunc("/slack/interaction", interaction)
	http.ListenAndServe(":3000", nil)
}
