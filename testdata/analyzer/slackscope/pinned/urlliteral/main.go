// want package:`uses emoji.list`

// Command urlliteral calls the Web API without a client, building the URL as a url.URL:
// the method is the literal's path (emoji.list: emoji:read).
package main

import (
	"net/http"
	"net/url"
	"os"
)

func main() {
	u := url.URL{Scheme: "https", Host: "slack.com", Path: "/api/emoji.list"}
	req, err := http.NewRequest(http.MethodGet, u.String(), nil)
	if err != nil {
		return
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("SLACK_BOT_TOKEN"))
	http.DefaultClient.Do(req)
}
