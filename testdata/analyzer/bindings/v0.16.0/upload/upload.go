// want package:"reaches the network"

// Package upload is built with slack-go v0.16.0, whose UploadFile still calls
// files.upload (after auth.test): the facts follow the version the code builds with.
package upload

import "github.com/slack-go/slack"

// Report uploads a report file.
func Report(c *slack.Client, path string) error { // want Report:`reaches auth.test, files.upload`
	_, err := c.UploadFile(slack.FileUploadParameters{File: path, Channels: []string{"C123"}})
	return err
}

// ReportV2 uses the two-step external upload, which v0.16.0 offers as UploadFileV2.
func ReportV2(c *slack.Client, path string, size int) error { // want ReportV2:`reaches files.completeUploadExternal, files.getUploadURLExternal`
	_, err := c.UploadFileV2(slack.UploadFileV2Parameters{File: path, FileSize: size, Filename: "report", Channel: "C123"})
	return err
}
