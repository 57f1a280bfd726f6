// want package:`uses field:profile.email users.info users.list`

// Command email mails the people it looks up: it reads the email of users from
// users.info and users.list, which Slack leaves out of their answers unless the token
// has users:read.email. Each read is reported; a write to the field is not a read.
package main

import (
	"fmt"
	"os"

	"github.com/slack-go/slack"
)

func mail(to string) { fmt.Println("mail", to) }

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	u, err := api.GetUserInfo("U123")
	if err != nil {
		return
	}
	mail(u.Profile.Email) // want `Email reads the profile.email field of what users.info and users.list return, which needs users:read.email on a bot token; manifest.yml does not request it \(oauth_config.scopes.bot\)`
	users, _ := api.GetUsers()
	for _, m := range users {
		profile := m.Profile
		mail(profile.Email) // want `Email reads the profile.email field of what users.info and users.list return, which needs users:read.email`
	}
	var p slack.UserProfile
	p.Email = "noreply@example.com"
	fmt.Println(p.RealName)
}
