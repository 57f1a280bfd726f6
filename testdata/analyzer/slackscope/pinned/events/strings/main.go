// want package:`uses event:app_mention event:reaction_added`

// Command strings serves the Events API beside a GraphQL resolver: event names count only
// where they are compared with an event's Type (through a local variable too), never in a
// switch on a GraphQL field's name, although "message" and "team_join" are event names.
package main

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/slack-go/slack/slackevents"
)

// field is a GraphQL field of the generated resolver.
type field struct{ Name string }

func resolve(f field) string {
	switch f.Name {
	case "message", "team_join":
		return f.Name
	}
	if f.Name == "channel_created" {
		return "created"
	}
	return ""
}

func events(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ev, _ := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	t := ev.InnerEvent.Type
	switch t {
	case "app_mention":
		w.Write([]byte("hello"))
	}
	if ev.InnerEvent.Type == "reaction_added" {
		w.Write([]byte(resolve(field{Name: "message"})))
	}
}

func main() {
	http.HandleFunc("/slack/events", events)
	http.ListenAndServe(":8080", nil)
}
