package grant_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

// scopesOfBot is what slackscope scopes -format go writes for a bot: what its code needs
// of the bot token.
var scopesOfBot = grant.Need{
	Program: "example.com/standup/cmd/bot",
	Tokens: []grant.Token{{
		Type: grant.Bot,
		Scopes: []grant.Scope{
			{Name: "chat:write", Needs: []string{"chat.postMessage"}, Sites: []string{"cmd/bot/main.go:27:5"}},
			{Name: "reactions:write", Needs: []string{"reactions.add"}, Sites: []string{"cmd/bot/main.go:31:3"}},
		},
	}},
}

// A fake Slack whose bot token was installed before the code called chat.postMessage:
// it holds reactions:write only.
func fakeInstall() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-OAuth-Scopes", "reactions:write")
		switch r.URL.Path {
		case "/auth.test":
			_, _ = io.WriteString(w, `{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"standup","team_id":"T1","user_id":"U1","bot_id":"B1"}`)
		case "/chat.postMessage":
			w.Header().Set("X-Accepted-OAuth-Scopes", "chat:write")
			_, _ = io.WriteString(w, `{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"reactions:write"}`)
		default:
			http.NotFound(w, r)
		}
	}))
}

// The start-up check: a client made with the Recorder, then Check (in main, MustCheck).
func ExampleCheck() {
	srv := fakeInstall()
	defer srv.Close()

	rec := new(grant.Recorder)
	api := slack.New("xoxb-…", slack.OptionAPIURL(srv.URL+"/"), rec.Option())
	if err := grant.Check(context.Background(), api, rec, scopesOfBot); err != nil {
		fmt.Println(err)
	}
	// Output:
	// slackscope/grant: example.com/standup/cmd/bot: the bot token lacks chat:write (needed by chat.postMessage at cmd/bot/main.go:27:5): add it to oauth_config.scopes.bot and reinstall the app
}

// A call that fails with missing_scope, in a request handler: FromError says what to add.
func ExampleNeed_FromError() {
	srv := fakeInstall()
	defer srv.Close()

	rec := new(grant.Recorder)
	api := slack.New("xoxb-…", slack.OptionAPIURL(srv.URL+"/"), slack.OptionHTTPClient(rec.HTTPClient(nil)))
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("Standup time!", false))
	if e, ok := scopesOfBot.FromError(err, rec); ok {
		err = e
	}
	fmt.Println(err)
	// Output:
	// slackscope/grant: example.com/standup/cmd/bot: chat.postMessage failed with missing_scope: the bot token lacks chat:write (needed by chat.postMessage at cmd/bot/main.go:27:5): add it to oauth_config.scopes.bot and reinstall the app
}
