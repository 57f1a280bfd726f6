// want package:`uses event:app_mention chat.postMessage conversations.setTopic`

// Command handler serves HTTP: net/http calls its handler's exported methods through an
// interface (ServeHTTP counts, and so would any other exported method, since a
// dependency holding the value may call any of them), and it keeps a table of commands
// behind its own interface: only the types stored in it count, with the interface's
// methods.
package main

import (
	"net/http"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"example.com/bot/reach/slackx"
)

type command interface {
	Run(c *slack.Client, channel string) error
}

// archive is a command nobody stores in the table: its Run is never reached.
type archive struct{}

func (archive) Run(c *slack.Client, channel string) error {
	return c.ArchiveConversation(channel)
}

// commands is built when the package is initialized: what it stores counts.
var commands = map[string]command{"topic": slackx.Topic{Text: "deploys"}}

type handler struct{ api *slack.Client }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ev, _ := slackevents.ParseEvent(nil, slackevents.OptionNoVerifyToken())
	if _, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); ok {
		slackx.Post(h.api, "C1", "hello")
		commands["topic"].Run(h.api, "C1")
	}
}

// audit is unexported: no interface of a dependency can call it, and nothing here does.
func (h *handler) audit() {
	h.api.GetUsers()
}

func main() {
	http.Handle("/slack/events", &handler{api: slack.New(os.Getenv("SLACK_BOT_TOKEN"))})
	http.ListenAndServe(":8080", nil)
}
