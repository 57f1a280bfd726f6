package grant_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

// Calls of the two methods the fake Slack refuses.
var (
	post = func(ctx context.Context, api *slack.Client) error {
		_, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("standup time", false))
		return err
	}
	history = func(ctx context.Context, api *slack.Client) error {
		_, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1"})
		return err
	}
	connect = func(ctx context.Context, api *slack.Client) error {
		_, _, err := api.StartSocketModeContext(ctx)
		return err
	}
)

// refusal is a missing_scope answer with the headers Slack sends with it.
func refusal(body, granted, accepted string) reply {
	return reply{body: body, headers: map[string]string{"x-oauth-scopes": granted, "x-accepted-oauth-scopes": accepted}}
}

// TestFromError checks the errors FromError makes of missing_scope refusals: from Slack's
// needed and provided, and from the recorded headers only.
func TestFromError(t *testing.T) {
	const (
		needed = `{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"reactions:write"}`
		bare   = `{"ok":false,"error":"missing_scope"}`
	)
	replies := map[string]reply{
		"auth.test":             scopes(botAuth, "reactions:write"),
		"chat.postMessage":      refusal(needed, "reactions:write", "chat:write"),
		"conversations.history": refusal(bare, "reactions:write", "channels:history,groups:history,im:history,mpim:history"),
		"apps.connections.open": refusal(`{"ok":false,"error":"missing_scope","needed":"connections:write"}`, "authorizations:read", "connections:write"),
	}
	tests := []struct {
		name    string
		call    func(context.Context, *slack.Client) error
		http    bool // record through rec.HTTPClient, not rec.Option
		check   bool // run Check first, which notes the token's type
		need    grant.Need
		want    string
		granted []string
	}{
		// rec.Option: slack-go does not report chat.postMessage's headers.
		{"needed and provided", post, false, false, grant.Need{},
			"slackscope/grant: the token lacks chat:write: add it to oauth_config.scopes.bot for a bot token or oauth_config.scopes.user for a user token, and reinstall the app",
			[]string{"reactions:write"}},
		{"needed and provided, after Check, with the need", post, false, true, standup,
			"slackscope/grant: example.com/standup/cmd/bot: the bot token lacks chat:write (needed by chat.postMessage and chat.update at cmd/bot/main.go:27:5): add it to oauth_config.scopes.bot and reinstall the app",
			[]string{"reactions:write"}},
		{"needed and provided, recorded", post, true, true, grant.Need{},
			"slackscope/grant: chat.postMessage failed with missing_scope: the bot token lacks chat:write (needed by chat.postMessage): add it to oauth_config.scopes.bot and reinstall the app",
			[]string{"reactions:write"}},
		{"the recorded header only", history, true, true, grant.Need{},
			"slackscope/grant: conversations.history failed with missing_scope: the bot token lacks one of channels:history, groups:history, im:history or mpim:history (needed by conversations.history): add one to oauth_config.scopes.bot and reinstall the app",
			[]string{"reactions:write"}},
		{"the recorded header, narrowed by the need", history, true, false, standup,
			"slackscope/grant: example.com/standup/cmd/bot: conversations.history failed with missing_scope: the bot token lacks one of channels:history or groups:history (needed by conversations.history at cmd/bot/standup.go:40:2): add one to oauth_config.scopes.bot and reinstall the app",
			[]string{"reactions:write"}},
		{"an app-level token's, by the need", connect, false, false, socket,
			"slackscope/grant: example.com/standup/cmd/bot: apps.connections.open failed with missing_scope: the app-level token lacks connections:write (needed by apps.connections.open at cmd/bot/main.go:20:8): generate an app-level token with it at Basic Information > App-Level Tokens",
			[]string{"authorizations:read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			rec := new(grant.Recorder)
			srv := fakeSlack(t, replies)
			api := client(srv, rec)
			if tt.http {
				api = slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"), slack.OptionHTTPClient(rec.HTTPClient(nil)))
			}
			if tt.check {
				if err := grant.Check(ctx, api, rec, grant.Need{}); err != nil {
					t.Fatal(err)
				}
			}
			e, ok := tt.need.FromError(tt.call(ctx, api), rec)
			if !ok {
				t.Fatal("FromError: not a missing_scope error")
			}
			if got := e.Error(); got != tt.want {
				t.Errorf("FromError:\n got %s\nwant %s", got, tt.want)
			}
			if !slices.Equal(e.Granted, tt.granted) {
				t.Errorf("Granted = %q, want %q", e.Granted, tt.granted)
			}
		})
	}
}

// TestFromErrorOthers checks what FromError says of a missing_scope error that names no
// scope, when the Recorder cannot tell, and that it leaves other errors alone.
func TestFromErrorOthers(t *testing.T) {
	srv := fakeSlack(t, map[string]reply{
		"chat.postMessage":      {body: `{"ok":false,"error":"missing_scope"}`},
		"conversations.history": refusal(`{"ok":false,"error":"channel_not_found"}`, "reactions:write", "channels:history"),
	})
	ctx := context.Background()
	rec := new(grant.Recorder)
	api := client(srv, rec)
	// conversations.history's answer is recorded, chat.postMessage's is not: FromError
	// must not take the first for the second.
	otherErr := history(ctx, api)
	const want = "slackscope/grant: Slack did not say which scope the token lacks; to learn what the method accepts, record every response with slack.New(token, slack.OptionHTTPClient(rec.HTTPClient(nil)))"
	for _, r := range []*grant.Recorder{rec, nil} {
		e, ok := grant.FromError(post(ctx, api), r)
		if !ok || e.Error() != want {
			t.Errorf("FromError(bare missing_scope) = %v, %t; want %s", e, ok, want)
		}
	}
	for _, err := range []error{otherErr, errors.New("missing_scope"), nil} {
		if e, ok := grant.FromError(err, rec); ok {
			t.Errorf("FromError(%v) = %v, want no MissingError", err, e)
		}
	}
}
