// want package:`uses event:app_mention auth.test chat.postEphemeral chat.postMessage chat.update conversations.history files.completeUploadExternal files.getUploadURLExternal reactions.add reactions.remove event:url_verification users.info users.lookupByEmail views.open`

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/slack-go/slack/slackevents"

	"example.com/bot/app/slackx"
)

// events answers mentions over the Events API: "@deploy-bot status api" replies with
// the last deploy of the service, and "@deploy-bot approve" opens the approval modal
// through the interaction that follows.
func events(n *slackx.Notifier, channel string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if ev.Type == slackevents.URLVerification {
			var c slackevents.ChallengeResponse
			json.Unmarshal(body, &c)
			w.Write([]byte(c.Challenge))
			return
		}
		mention, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent)
		if !ok {
			return
		}
		fields := strings.Fields(mention.Text)
		if len(fields) >= 3 && fields[1] == "status" {
			n.Whisper(slackx.Deploy{Service: fields[2], Channel: channel, Requester: mention.User})
		}
	}
}
