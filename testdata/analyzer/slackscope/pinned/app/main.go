// Command app is a deploy bot of the kind slackscope is for: it announces deploys,
// updates and reacts to its messages, whispers to the requester, opens an approval modal,
// uploads logs, looks users up, reads recent history, and answers mentions (events.go).
// Its manifest requests exactly the scopes those calls and that event need, so slackscope
// has nothing to report; its Result's minimum scope set is checked by TestFixtures/app.
package main

import (
	"bufio"
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"example.com/bot/app/slackx"
)

type config struct {
	token, channel, adminEmail string
}

func loadConfig() (config, error) {
	c := config{
		token:      os.Getenv("SLACK_BOT_TOKEN"),
		channel:    os.Getenv("DEPLOY_CHANNEL"),
		adminEmail: os.Getenv("DEPLOY_ADMIN_EMAIL"),
	}
	if c.token == "" || c.channel == "" {
		return c, fmt.Errorf("SLACK_BOT_TOKEN and DEPLOY_CHANNEL must be set")
	}
	return c, nil
}

// recentDeploys reads the channel's last messages, to say how many deploys ran today.
func recentDeploys(api *slack.Client, channel string) (int, error) {
	h, err := api.GetConversationHistoryContext(context.Background(), &slack.GetConversationHistoryParameters{ // want `calls conversations.history: Slack applies new rate limits`
		ChannelID: channel,
		Oldest:    fmt.Sprint(time.Now().Add(-24 * time.Hour).Unix()),
		Limit:     200,
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range h.Messages {
		if strings.HasPrefix(m.Text, "Deploying ") {
			n++
		}
	}
	return n, nil
}

// admin finds the deploy admin by email, to mention them on failures.
func admin(api *slack.Client, email string) string {
	if email == "" {
		return ""
	}
	u, err := api.GetUserByEmail(email)
	if err != nil {
		log.Printf("admin lookup: %v", err)
		return ""
	}
	return u.ID
}

// parse reads "service version requester" lines from the deploy queue.
func parse(line string) (slackx.Deploy, bool) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return slackx.Deploy{}, false
	}
	return slackx.Deploy{Service: f[0], Version: f[1], Requester: f[2], Started: time.Now()}, true
}

func run(cfg config) error {
	api := slack.New(cfg.token)
	if _, err := api.AuthTest(); err != nil {
		return fmt.Errorf("auth: %w", err)
	}
	n := slackx.New(api)
	today, err := recentDeploys(api, cfg.channel)
	if err != nil {
		return err
	}
	log.Printf("%d deploys so far today", today)
	adminID := admin(api, cfg.adminEmail)

	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		d, ok := parse(sc.Text())
		if !ok {
			continue
		}
		d.Channel = cfg.channel
		if err := n.Whisper(d); err != nil {
			log.Printf("whisper: %v", err)
		}
		ts, err := n.Announce(d)
		if err != nil {
			return err
		}
		name, _ := n.Requester(d)
		logText := fmt.Sprintf("deploy of %s requested by %s\n", d.Service, name)
		failed := strings.HasSuffix(d.Version, "-rc")
		if err := n.AttachLog(d, ts, strings.NewReader(logText), len(logText)); err != nil {
			log.Printf("log upload: %v", err)
		}
		if err := n.Done(d, ts, failed); err != nil {
			return err
		}
		if failed && adminID != "" {
			go func() {
				_, _, err := api.PostMessage(cfg.channel, slack.MsgOptionText("<@"+adminID+"> please look", false), slack.MsgOptionTS(ts))
				if err != nil {
					log.Printf("escalate: %v", err)
				}
			}()
		}
	}
	return sc.Err()
}

func main() {
	cfg, err := loadConfig()
	if err != nil {
		log.Fatal(err)
	}
	if len(os.Args) == 3 && os.Args[1] == "approve" {
		// Invoked from an interaction handler with its trigger_id.
		d := slackx.Deploy{Service: "api", Version: "prod", Channel: cfg.channel}
		if err := slackx.New(slack.New(cfg.token)).AskApproval(os.Args[2], d); err != nil {
			log.Fatal(err)
		}
		return
	}
	if len(os.Args) == 2 && os.Args[1] == "serve" {
		http.Handle("/slack/events", events(slackx.New(slack.New(cfg.token)), cfg.channel))
		log.Fatal(http.ListenAndServe(":3000", nil))
	}
	if err := run(cfg); err != nil {
		log.Fatal(err)
	}
}
