// want package:`uses chat.postMessage reactions.add`

// Command named calls the client's methods by reflection, as command routers that map
// names to methods do: a constant name is the method it names (chat:write,
// reactions:write); the options a reflective call passes are not followed, so the
// username override chat.postMessage may need is left unresolved, not guessed.
package main

import (
	"os"
	"reflect"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	post := reflect.ValueOf(api).MethodByName("PostMessage")
	post.Call([]reflect.Value{reflect.ValueOf("C123"), reflect.ValueOf(slack.MsgOptionText("hi", false))})
	react := reflect.ValueOf(api).MethodByName("AddReaction")
	react.Call([]reflect.Value{reflect.ValueOf("eyes"), reflect.ValueOf(slack.NewRefToMessage("C123", "1700000000.000100"))})
}
