// want package:`uses`

// Command dynamic calls whatever client method its first argument names: nothing can be
// said of the scopes it needs, so the call is unresolved, and the manifest's scopes are
// not called unused without saying so.
package main

import (
	"os"
	"reflect"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	reflect.ValueOf(api).MethodByName(os.Args[1]).Call(nil)
}
