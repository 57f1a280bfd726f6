// want package:`uses chat.postMessage`

// Command open posts through a method that takes options: its callers may be anywhere
// (another package, through an interface), so what the options set is not known, and
// the call is reported as unresolved rather than guessed. The manifest's
// chat:write.customize is then not called unused.
package main

import (
	"os"

	"github.com/slack-go/slack"
)

type bot struct{ api *slack.Client }

// Say posts to the deploy channel.
func (b *bot) Say(opts ...slack.MsgOption) error {
	_, _, err := b.api.PostMessage("C1", opts...)
	return err
}

func main() {
	b := &bot{api: slack.New(os.Getenv("SLACK_BOT_TOKEN"))}
	b.Say(slack.MsgOptionText("deployed", false))
}
