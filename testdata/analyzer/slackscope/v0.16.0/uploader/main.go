// want package:`uses auth.test files.completeUploadExternal files.getUploadURLExternal files.upload`

// Command uploader builds with slack-go v0.16.0, whose UploadFile still calls files.upload:
// slackscope checks the code against the version it builds with, and files.upload is
// retired.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	c := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	c.UploadFile(slack.FileUploadParameters{File: "report.csv", Channels: []string{"C1"}}) // want `\(\*slack.Client\).UploadFile calls files.upload, which Slack has retired; use files.getUploadURLExternal or files.completeUploadExternal instead`
	c.UploadFileV2(slack.UploadFileV2Parameters{File: "report.csv", FileSize: 10, Filename: "report.csv", Channel: "C1"})
}
