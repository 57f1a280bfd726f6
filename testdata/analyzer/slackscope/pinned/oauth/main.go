// want package:`uses chat.postMessage reactions.add`

// Command oauth requests its scopes in code, not in a manifest: an oauth2.Config and a
// hand-built authorize URL. slackscope checks them like a manifest's, with fixes for
// deprecated and misspelt scopes, and reports at the request what the calls need but it
// lacks.
package main

import (
	"net/http"
	"os"

	"github.com/slack-go/slack"
	"golang.org/x/oauth2"
	oauthslack "golang.org/x/oauth2/slack"
)

var config = oauth2.Config{ // want `oauth2.Config lacks reactions:write for the bot token, which the program needs: reactions.add by \(\*slack.Client\).AddReaction at main.go:\d+:\d+`
	ClientID:     os.Getenv("SLACK_CLIENT_ID"),
	ClientSecret: os.Getenv("SLACK_CLIENT_SECRET"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://slack.com/oauth/v2/authorize",
		TokenURL: "https://slack.com/api/oauth.v2.access",
	},
	Scopes: []string{
		"chat:write",
		"chat:write:bot",  // want `chat:write:bot is deprecated; request chat:write instead .*\(oauth2.Config\)`
		"reactions:wirte", // want `unknown scope "reactions:wirte".*\(oauth2.Config\)`
		"search:read",     // want `search:read cannot be granted on a bot token.*\(oauth2.Config\)`
	},
}

// classic uses x/oauth2/slack's Endpoint, the v1 flow of classic apps: its Scopes are a
// classic list, and its perspectival scopes are as deprecated as classic apps are.
var classic = oauth2.Config{
	Endpoint: oauthslack.Endpoint,
	Scopes:   []string{"chat:write:bot", "reactions:write"}, // want `chat:write:bot is deprecated; request chat:write instead .*\(oauth2.Config\)`
}

// installURL asks for the user scopes in a hand-built URL.
const installURL = "https://slack.com/oauth/v2/authorize?client_id=1234.5678&scope=commands&user_scope=chat:write:user" // want `chat:write:user is deprecated; request chat:write instead .*\(the authorize URL\)`

func install(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, config.AuthCodeURL("state"), http.StatusFound)
}

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	c.PostMessage("C1", slack.MsgOptionText("installed", false))
	c.AddReaction("tada", slack.NewRefToMessage("C1", "1700000000.000100"))
	http.HandleFunc("/install", install)
	http.HandleFunc("/install/direct", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, installURL, http.StatusFound) })
	http.ListenAndServe(":8080", nil)
}
