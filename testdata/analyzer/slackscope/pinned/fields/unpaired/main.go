// want package:`uses chat.postMessage`

// Command unpaired reads the email of a user it decodes itself, and calls no method
// whose answer holds one: the read needs no scope, and the manifest's users:read.email
// is unused.
package main

import (
	"encoding/json"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	var u slack.User
	if err := json.NewDecoder(os.Stdin).Decode(&u); err != nil {
		return
	}
	api.PostMessage("C123", slack.MsgOptionText("hello "+u.Profile.Email, false))
}
