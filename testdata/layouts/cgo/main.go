// Command cgo has a cgo file: the go command hands the analysis generated files first,
// but the manifest is found from the package's own directory.
package main

// #include <stdlib.h>
import "C"

import (
	"os"

	"github.com/slack-go/slack"
)

func main() {
	C.free(nil)
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	api.PostMessage("C1", slack.MsgOptionText("hi", false))
	api.AddReaction("eyes", slack.NewRefToMessage("C1", "1.2"))
}
