package main

import (
	"net/http"
	"os"

	"github.com/slack-go/slack"
)

// retry calls f until it succeeds.
func retry(f func(channel string, item slack.ItemRef) error) {
	for f("C1", slack.NewRefToMessage("C1", "1700000000.000100")) != nil {
	}
}

// raw calls the Web API method its caller names.
func raw(method string) {
	http.Post("https://slack.com/api/"+method, "application/json", nil)
}

// values shows a method value (it counts where it is taken) and a method name the
// analyzer cannot read (counted in the result as unresolved, not dropped).
func values(c *slack.Client) {
	retry(c.AddPin) // want `\(\*slack.Client\).AddPin calls pins.add, which needs pins:write on a bot token`
	raw(os.Getenv("SLACK_METHOD"))
}
