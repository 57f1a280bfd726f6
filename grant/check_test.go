package grant_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

// kind names the kind of a Check error, for the tables.
func kind(err error) string {
	var (
		missing  *grant.MissingError
		classic  *grant.ClassicTokenError
		appLevel *grant.AppLevelTokenError
		typ      *grant.TokenTypeError
	)
	switch {
	case err == nil:
		return "pass"
	case errors.As(err, &missing):
		return "missing"
	case errors.As(err, &classic):
		return "classic"
	case errors.As(err, &appLevel):
		return "app-level"
	case errors.As(err, &typ):
		return "token type"
	case errors.Is(err, grant.ErrNoHeader):
		return "no header"
	}
	return "other"
}

// socket is standup with a Socket Mode connection: an app-level token's need.
var socket = grant.Need{
	Program: standup.Program,
	Tokens: append([]grant.Token{{
		Type:   grant.AppLevel,
		Scopes: []grant.Scope{{Name: "connections:write", Needs: []string{"apps.connections.open"}, Sites: []string{"cmd/bot/main.go:20:8"}}},
	}}, standup.Tokens...),
}

// TestCheck checks grants against standup's Need through a fake Slack: each case is what
// auth.test answers, and Check's error.
func TestCheck(t *testing.T) {
	userOnly := grant.Need{Program: standup.Program, Tokens: standup.Tokens[1:]}
	tests := []struct {
		name string
		auth reply
		need grant.Need
		kind string
		want string // the error's message
	}{
		{"a scope missing", scopes(botAuth, "chat:write,reactions:write,channels:history"), standup, "missing",
			"slackscope/grant: example.com/standup/cmd/bot: the bot token lacks users:read (needed by users.info at cmd/bot/standup.go:12:9): add it to oauth_config.scopes.bot and reinstall the app"},
		{"several missing", scopes(botAuth, "reactions:write"), standup, "missing",
			"slackscope/grant: example.com/standup/cmd/bot: the bot token lacks chat:write (needed by chat.postMessage and chat.update at cmd/bot/main.go:27:5), users:read (needed by users.info at cmd/bot/standup.go:12:9) and one of channels:history or groups:history (needed by conversations.history at cmd/bot/standup.go:40:2): add them to oauth_config.scopes.bot and reinstall the app"},
		{"extras pass", scopes(botAuth, "chat:write, users:read,groups:history,reactions:write"), standup, "pass", ""},
		{"choice met", scopes(botAuth, "chat:write,users:read,channels:history"), standup, "pass", ""},
		{"choice not met", scopes(botAuth, "chat:write,users:read,im:history"), standup, "missing",
			"slackscope/grant: example.com/standup/cmd/bot: the bot token lacks one of channels:history or groups:history (needed by conversations.history at cmd/bot/standup.go:40:2): add one to oauth_config.scopes.bot and reinstall the app"},
		{"user token", scopes(userAuth, "users:read"), standup, "missing",
			"slackscope/grant: example.com/standup/cmd/bot: the user token lacks users.profile:write (needed by users.profile.set at cmd/bot/status.go:8:2): add it to oauth_config.scopes.user and reinstall the app"},
		{"user token met", scopes(userAuth, "users.profile:write"), standup, "pass", ""},
		{"classic bot token", scopes(botAuth, "bot,identify,read,post"), standup, "classic",
			"slackscope/grant: example.com/standup/cmd/bot: the bot token is a classic app's (it holds bot, identify, post and 1 more): its grant cannot be compared with the granular scopes the program needs, so the check does not apply; migrate the app to granular scopes, or do not check this token"},
		{"classic user token", scopes(userAuth, "identify,channels:read"), standup, "classic",
			"slackscope/grant: example.com/standup/cmd/bot: the user token is a classic app's (it holds identify): its grant cannot be compared with the granular scopes the program needs, so the check does not apply; migrate the app to granular scopes, or do not check this token"},
		{"app-level token refused", reply{body: `{"ok":false,"error":"not_allowed_token_type"}`}, socket, "app-level",
			"slackscope/grant: example.com/standup/cmd/bot: auth.test refused the token (not_allowed_token_type): it is not a bot or user token, most likely an app-level token (xapp-); app-level tokens are checked at Basic Information > App-Level Tokens (the program needs connections:write there), not by Check: give Check the bot or user token"},
		{"app-level token answered", scopes(`{"ok":true,"url":"https://acme.slack.com/","team":"Acme","team_id":"T1"}`, "connections:write"), standup, "app-level",
			"slackscope/grant: example.com/standup/cmd/bot: the token is an app-level token (it holds connections:write only); app-level tokens are checked at Basic Information > App-Level Tokens, not by Check: give Check the bot or user token"},
		{"a token type the need lacks", scopes(botAuth, "chat:write"), userOnly, "token type",
			"slackscope/grant: example.com/standup/cmd/bot: the token is a bot token, but slackscope found no call the program makes with one (it uses a user token): give Check that token"},
		{"a token type the need lacks, of two", scopes(userAuth, "users:read"), grant.Need{Program: socket.Program, Tokens: socket.Tokens[:2]}, "token type",
			"slackscope/grant: example.com/standup/cmd/bot: the token is a user token, but slackscope found no call the program makes with one (it uses an app-level token or a bot token): give Check that token"},
		{"a need of nothing", scopes(botAuth, "chat:write"), grant.Need{}, "pass", ""},
		{"auth.test fails", reply{body: `{"ok":false,"error":"invalid_auth"}`}, standup, "other",
			"slackscope/grant: auth.test: invalid_auth"},
		{"no x-oauth-scopes sent", reply{body: botAuth}, standup, "no header",
			"slackscope/grant: no x-oauth-scopes header recorded for auth.test: auth.test answered without it, so the token's scopes are unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeSlack(t, map[string]reply{"auth.test": tt.auth})
			rec := new(grant.Recorder)
			err := grant.Check(context.Background(), client(srv, rec), rec, tt.need)
			if got := kind(err); got != tt.kind {
				t.Errorf("Check: %s error (%v), want %s", got, err, tt.kind)
			}
			if got := message(err); got != tt.want {
				t.Errorf("Check:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// message is err's message; "" for nil.
func message(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestInspectExtras checks that scopes granted and not needed pass, and are reported.
func TestInspectExtras(t *testing.T) {
	srv := fakeSlack(t, map[string]reply{"auth.test": scopes(botAuth, "chat:write,users:read,groups:history,reactions:write,users:read.email")})
	rec := new(grant.Recorder)
	r, err := grant.Inspect(context.Background(), client(srv, rec), rec, standup)
	if err != nil {
		t.Fatal(err)
	}
	want := &grant.Report{
		Program: standup.Program,
		Token:   grant.Bot,
		Granted: []string{"chat:write", "groups:history", "reactions:write", "users:read", "users:read.email"},
		Extra:   []string{"reactions:write", "users:read.email"},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Inspect = %+v, want %+v", r, want)
	}
	if err := r.Err(); err != nil {
		t.Errorf("Err = %v, want nil", err)
	}
	const line = "slackscope/grant: example.com/standup/cmd/bot: the bot token holds every scope the program needs; it also holds reactions:write and users:read.email, which nothing slackscope sees needs: remove them from oauth_config.scopes.bot unless something else does"
	if got := r.String(); got != line {
		t.Errorf("String:\n got %s\nwant %s", got, line)
	}
	r.Extra = nil
	const none = "slackscope/grant: example.com/standup/cmd/bot: the bot token holds every scope the program needs"
	if got := r.String(); got != none {
		t.Errorf("String without extras:\n got %s\nwant %s", got, none)
	}
}

// TestCheckMissingError checks the fields of a MissingError, extras included.
func TestCheckMissingError(t *testing.T) {
	srv := fakeSlack(t, map[string]reply{"auth.test": scopes(botAuth, "chat:write,reactions:write,channels:history")})
	rec := new(grant.Recorder)
	var e *grant.MissingError
	if err := grant.Check(context.Background(), client(srv, rec), rec, standup); !errors.As(err, &e) {
		t.Fatalf("Check = %v, want a *MissingError", err)
	}
	want := &grant.MissingError{
		Program: standup.Program,
		Token:   grant.Bot,
		Missing: []grant.Missing{{Scopes: []string{"users:read"}, Needs: []string{"users.info"}, Sites: []string{"cmd/bot/standup.go:12:9"}}},
		Granted: []string{"channels:history", "chat:write", "reactions:write"},
		Extra:   []string{"reactions:write"},
	}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("Check = %+v, want %+v", e, want)
	}
}

// TestCheckNotRecorded checks that a client not made with the Recorder fails, never passes.
func TestCheckNotRecorded(t *testing.T) {
	srv := fakeSlack(t, map[string]reply{"auth.test": scopes(botAuth, "chat:write,users:read,channels:history")})
	plain := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"))
	const how = ": make the client with the Recorder: slack.New(token, rec.Option()) or slack.New(token, slack.OptionHTTPClient(rec.HTTPClient(nil)))"
	for _, tt := range []struct {
		name string
		rec  *grant.Recorder
		want string
	}{
		{"another recorder", new(grant.Recorder), grant.ErrNoHeader.Error() + how},
		{"no recorder", nil, grant.ErrNoHeader.Error() + ": the Recorder is nil; " + how[2:]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := grant.Check(context.Background(), plain, tt.rec, standup)
			if !errors.Is(err, grant.ErrNoHeader) || err.Error() != tt.want {
				t.Errorf("Check:\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestMustCheck checks that MustCheck panics with Check's error, and passes quietly.
func TestMustCheck(t *testing.T) {
	srv := fakeSlack(t, map[string]reply{"auth.test": scopes(botAuth, "reactions:write")})
	rec := new(grant.Recorder)
	defer func() {
		err, _ := recover().(error)
		var e *grant.MissingError
		if !errors.As(err, &e) {
			t.Errorf("MustCheck panicked with %v, want a *MissingError", err)
		}
	}()
	grant.MustCheck(context.Background(), client(srv, rec), rec, grant.Need{})
	grant.MustCheck(context.Background(), client(srv, rec), rec, standup)
	t.Error("MustCheck returned on a missing scope")
}
