// want package:`uses users.info`

// Command indirect calls a slack-go method through package bot and never imports
// slack-go: the method's summary reaches it all the same, under go vet too, where only a
// package's direct imports pass their package facts on (facts on types go further).
package main

import (
	"fmt"
	"os"

	"example.com/bot/indirect/bot"
)

func main() {
	b := bot.New(os.Getenv("SLACK_BOT_TOKEN"))
	u, err := b.API.GetUserInfo("U0123") // want `\(\*slack.Client\).GetUserInfo calls users.info, which needs users:read on a bot token; manifest.yml does not request it \(oauth_config.scopes.bot\)`
	fmt.Println(u, err)
}
