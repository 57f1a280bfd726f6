// want package:`uses apps.connections.open chat.postMessage event:message.im event:message.mpim`

// Command switch tells message events apart with a switch on their channel type: with no
// default, only the cases' types are handled (direct and group direct messages); an
// acknowledgement before the test does not handle the message.
package main

import (
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// thread answers in threads of group direct messages; a tagless switch reads as an
// if-else chain.
func thread(api *slack.Client, msg *slackevents.MessageEvent) {
	switch {
	case msg.ChannelType == "mpim" && msg.ThreadTimeStamp != "":
		api.PostMessage(msg.Channel, slack.MsgOptionTS(msg.ThreadTimeStamp), slack.MsgOptionText("in thread", false))
	}
}

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"), slack.OptionAppLevelToken(os.Getenv("SLACK_APP_TOKEN")))
	client := socketmode.New(api)
	go func() {
		for evt := range client.Events {
			payload, ok := evt.Data.(slackevents.EventsAPIEvent)
			if !ok {
				continue
			}
			client.Ack(*evt.Request)
			msg, ok := payload.InnerEvent.Data.(*slackevents.MessageEvent)
			if !ok {
				continue
			}
			switch msg.ChannelType {
			case slackevents.ChannelTypeIM:
				api.PostMessage(msg.Channel, slack.MsgOptionText("hello", false))
			case "mpim":
				api.PostMessage(msg.Channel, slack.MsgOptionText("hello all", false))
				thread(api, msg)
			}
		}
	}()
	client.Run()
}
