// Command standup is the example app of slackscope's README: a small bot that asks a
// channel for its daily standup, thanks everyone who answers in the thread with a
// reaction, and schedules tomorrow's reminder.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

type bot struct {
	api     *slack.Client
	channel string
}

// ask posts today's question and returns its timestamp.
func (b *bot) ask() (string, error) {
	_, ts, err := b.api.PostMessage(b.channel, slack.MsgOptionText("What did you do yesterday, and what's next?", false))
	return ts, err
}

// thank reacts to every answer in the thread and returns who answered.
func (b *bot) thank(ts string) ([]string, error) {
	msgs, _, _, err := b.api.GetConversationReplies(&slack.GetConversationRepliesParameters{ChannelID: b.channel, Timestamp: ts})
	if err != nil {
		return nil, err
	}
	var names []string
	for _, m := range msgs[1:] {
		if err := b.api.AddReaction("white_check_mark", slack.NewRefToMessage(b.channel, m.Timestamp)); err != nil {
			return nil, err
		}
		u, err := b.api.GetUserInfo(m.User)
		if err != nil {
			return nil, err
		}
		names = append(names, u.RealName)
	}
	return names, nil
}

// remind schedules tomorrow's question.
func (b *bot) remind() error {
	at := time.Now().Add(24 * time.Hour).Unix()
	_, _, err := b.api.PostMessage(b.channel,
		slack.MsgOptionText("Standup in 10 minutes!", false),
		slack.MsgOptionSchedule(fmt.Sprint(at)))
	return err
}

func main() {
	b := &bot{api: slack.New(os.Getenv("SLACK_BOT_TOKEN"), recorder.Option()), channel: os.Getenv("STANDUP_CHANNEL")}
	checkGrant(b.api)
	ts, err := b.ask()
	if err != nil {
		log.Fatal(err)
	}
	time.Sleep(time.Hour)
	names, err := b.thank(ts)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("answered: %s", strings.Join(names, ", "))
	if err := b.remind(); err != nil {
		log.Fatal(err)
	}
}
