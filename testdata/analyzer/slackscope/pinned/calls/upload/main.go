// want package:`uses files.completeUploadExternal files.getUploadURLExternal`

// Command upload uploads a report: one call of UploadFile reaches two Web API methods
// that each need files:write, and the missing scope is one finding at the call, naming
// both.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.UploadFile(slack.UploadFileParameters{Filename: "report.txt", Content: "ok", FileSize: 2, Channel: "C1"}) // want `^\(\*slack.Client\).UploadFile calls files.completeUploadExternal and files.getUploadURLExternal, which need files:write on a bot token; manifest.yml does not request it \(oauth_config.scopes.bot\)`
}
