// Package slackx has no package fact: initializing it reaches nothing; each method says what it reaches.

// Package slackx is the deploy bot's thin layer over slack-go: an interface that
// *slack.Client satisfies (so that tests can fake it) and a Notifier built on it. Only the
// methods the Notifier calls count; the interface declares more.
package slackx

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/slack-go/slack"
)

// Client is the part of *slack.Client the bot uses, and a little more.
type Client interface {
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	UpdateMessageContext(ctx context.Context, channelID, timestamp string, options ...slack.MsgOption) (string, string, string, error)
	AddReactionContext(ctx context.Context, name string, item slack.ItemRef) error
	RemoveReactionContext(ctx context.Context, name string, item slack.ItemRef) error
	GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error)
	OpenViewContext(ctx context.Context, triggerID string, view slack.ModalViewRequest) (*slack.ViewResponse, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
	// Declared for a future feature, never called: it must not count.
	KickUserFromConversationContext(ctx context.Context, channelID string, user string) error
}

// A Deploy is one deployment the bot reports on.
type Deploy struct {
	Service, Version, Requester string
	Channel                     string
	Started                     time.Time
}

// Notifier posts deploy news.
type Notifier struct {
	c       Client
	timeout time.Duration
}

// New returns a Notifier over c.
func New(c Client) *Notifier { return &Notifier{c: c, timeout: 10 * time.Second} }

func (n *Notifier) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), n.timeout)
}

// Announce posts that a deploy started and returns the message's timestamp.
func (n *Notifier) Announce(d Deploy) (string, error) { // want Announce:`reaches chat.postMessage reactions.add`
	ctx, cancel := n.ctx()
	defer cancel()
	text := fmt.Sprintf("Deploying %s %s for <@%s>", d.Service, d.Version, d.Requester)
	_, ts, err := n.c.PostMessageContext(ctx, d.Channel, slack.MsgOptionText(text, false))
	if err != nil {
		return "", err
	}
	return ts, n.c.AddReactionContext(ctx, "hourglass", slack.NewRefToMessage(d.Channel, ts))
}

// Done marks the announcement finished: the text is edited and the reaction swapped.
func (n *Notifier) Done(d Deploy, ts string, failed bool) error { // want Done:`reaches chat.update reactions.add reactions.remove`
	ctx, cancel := n.ctx()
	defer cancel()
	status, emoji := "done", "white_check_mark"
	if failed {
		status, emoji = "FAILED", "x"
	}
	text := fmt.Sprintf("Deploy of %s %s %s in %s", d.Service, d.Version, status, time.Since(d.Started).Round(time.Second))
	if _, _, _, err := n.c.UpdateMessageContext(ctx, d.Channel, ts, slack.MsgOptionText(text, false)); err != nil {
		return err
	}
	ref := slack.NewRefToMessage(d.Channel, ts)
	if err := n.c.RemoveReactionContext(ctx, "hourglass", ref); err != nil {
		return err
	}
	return n.c.AddReactionContext(ctx, emoji, ref)
}

// Whisper tells only the requester that their deploy is queued.
func (n *Notifier) Whisper(d Deploy) error { // want Whisper:`reaches chat.postEphemeral`
	ctx, cancel := n.ctx()
	defer cancel()
	_, _, err := n.c.PostMessageContext(ctx, d.Channel,
		slack.MsgOptionText("Your deploy is queued.", false),
		slack.MsgOptionPostEphemeral(d.Requester))
	return err
}

// AskApproval opens a modal in which an approver confirms a production deploy.
func (n *Notifier) AskApproval(triggerID string, d Deploy) error { // want AskApproval:`reaches views.open`
	ctx, cancel := n.ctx()
	defer cancel()
	modal := slack.ModalViewRequest{
		Type:       slack.VTModal,
		CallbackID: "approve-deploy",
		Title:      slack.NewTextBlockObject(slack.PlainTextType, "Approve deploy", false, false),
		Submit:     slack.NewTextBlockObject(slack.PlainTextType, "Approve", false, false),
		Close:      slack.NewTextBlockObject(slack.PlainTextType, "Cancel", false, false),
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType,
				fmt.Sprintf("*%s* %s to production?", d.Service, d.Version), false, false), nil, nil),
		}},
	}
	_, err := n.c.OpenViewContext(ctx, triggerID, modal)
	return err
}

// AttachLog uploads the deploy log into the announcement's thread.
func (n *Notifier) AttachLog(d Deploy, ts string, log io.Reader, size int) error { // want AttachLog:`reaches files.completeUploadExternal files.getUploadURLExternal`
	ctx, cancel := n.ctx()
	defer cancel()
	_, err := n.c.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader:          log,
		FileSize:        size,
		Filename:        d.Service + ".log",
		Title:           "Deploy log",
		Channel:         d.Channel,
		ThreadTimestamp: ts,
	})
	return err
}

// Requester returns the display name of whoever asked for the deploy.
func (n *Notifier) Requester(d Deploy) (string, error) { // want Requester:`reaches users.info`
	ctx, cancel := n.ctx()
	defer cancel()
	u, err := n.c.GetUserInfoContext(ctx, d.Requester)
	if err != nil {
		return "", err
	}
	if u.Profile.DisplayName != "" {
		return u.Profile.DisplayName, nil
	}
	return u.RealName, nil
}
