package grant_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

// A reply is how the fake Slack answers one Web API method: a JSON body and headers.
type reply struct {
	body    string
	headers map[string]string
}

// The answers of auth.test for a bot token and for a user token (no bot_id).
const (
	botAuth  = `{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"standup","team_id":"T1","user_id":"U1","bot_id":"B1"}`
	userAuth = `{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"ada","team_id":"T1","user_id":"U2"}`
)

// scopes is a reply with a body and the x-oauth-scopes header Slack sends with it.
func scopes(body, granted string) reply {
	return reply{body: body, headers: map[string]string{"x-oauth-scopes": granted}}
}

// fakeSlack is a local server that answers the Web API methods of replies like Slack, and
// any other with 404.
func fakeSlack(t *testing.T, replies map[string]reply) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rp, ok := replies[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		for k, v := range rp.headers {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if _, err := io.WriteString(w, rp.body); err != nil {
			t.Errorf("writing the reply of %s: %v", r.URL.Path, err)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// client is a slack-go client of srv whose responses rec records.
func client(srv *httptest.Server, rec *grant.Recorder) *slack.Client {
	return slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"), rec.Option())
}

// standup is the Need of a standup bot: two scopes and a choice for its bot token, one scope
// for its user token.
var standup = grant.Need{
	Program: "example.com/standup/cmd/bot",
	Tokens: []grant.Token{
		{
			Type: grant.Bot,
			Scopes: []grant.Scope{
				{Name: "chat:write", Needs: []string{"chat.postMessage", "chat.update"}, Sites: []string{"cmd/bot/main.go:27:5"}},
				{Name: "users:read", Needs: []string{"users.info"}, Sites: []string{"cmd/bot/standup.go:12:9"}},
			},
			Choices: []grant.Choice{{
				AnyOf: []string{"channels:history", "groups:history"},
				Needs: []string{"conversations.history"},
				Sites: []string{"cmd/bot/standup.go:40:2"},
			}},
		},
		{
			Type:   grant.User,
			Scopes: []grant.Scope{{Name: "users.profile:write", Needs: []string{"users.profile.set"}, Sites: []string{"cmd/bot/status.go:8:2"}}},
		},
	},
}
