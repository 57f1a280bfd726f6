// Package msgx holds the options the bots share.
package msgx

import "github.com/slack-go/slack"

// AsDeployBot posts under the deploy bot's name and icon: chat:write.customize.
func AsDeployBot() slack.MsgOption {
	return slack.MsgOptionCompose(slack.MsgOptionUsername("deploy-bot"), slack.MsgOptionIconEmoji(":rocket:"))
}
