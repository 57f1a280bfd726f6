package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// noNeeded is the line that says where the scope a response names went, when slack-go's
// error was printed without it.
const noNeeded = "(Slack's needed field names the scope it checked; slack-go keeps it in SlackErrorResponse.Needed, which %#v prints but %v and %+v do not)"

func TestExplain(t *testing.T) {
	type view struct {
		Error      string
		Token      string
		TokenKnown bool
		Missing    []string
		Add        []string
		AnyOf      bool
		Lines      []string
	}
	tests := []struct {
		name, in string
		want     view
	}{
		{"classic needed on a classic bot", `{"ok":false,"error":"missing_scope","needed":"chat:write:bot","provided":"identify,bot"}`, view{
			Error: "missing_scope", Token: "legacy_bot", TokenKnown: true, Missing: []string{"chat:write:bot"}, Add: []string{"chat:write"},
			Lines: []string{"chat:write:bot is a classic scope; its granular replacement is chat:write", "add chat:write to the bot scopes"},
		}},
		{"granular needed on a bot token", `{"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write,chat:write.public"}`, view{
			Error: "missing_scope", Token: "bot", TokenKnown: true, Missing: []string{"reactions:write"}, Add: []string{"reactions:write"},
			Lines: []string{"add reactions:write to the bot scopes"},
		}},
		{"any of several", `{"ok":false,"error":"missing_scope","needed":"channels:history,groups:history,mpim:history,im:history","provided":"search:read"}`, view{
			Error: "missing_scope", Token: "user", TokenKnown: true,
			Missing: []string{"channels:history", "groups:history", "mpim:history", "im:history"},
			Add:     []string{"channels:history", "groups:history", "mpim:history", "im:history"}, AnyOf: true,
			Lines: []string{"add one of channels:history, groups:history, mpim:history, im:history to the user scopes (one is enough; pick the one for the conversation type the call touches)"},
		}},
		{"headers only", "HTTP/1.1 200 OK\nx-oauth-scopes: chat:write, chat:write.public\nX-Accepted-OAuth-Scopes: files:read\n", view{
			Token: "bot", TokenKnown: true, Missing: []string{"files:read"}, Add: []string{"files:read"},
			Lines: []string{"add files:read to the bot scopes"},
		}},
		{"implicit scope", `{"ok":false,"error":"missing_scope","needed":"rtm:stream","provided":"identify,channels:history"}`, view{
			Error: "missing_scope", Token: "bot", Missing: []string{"rtm:stream"},
			Lines: []string{"rtm:stream cannot be requested: cannot be requested directly; it is granted to classic bot tokens that requested `bot` and to user tokens that requested the deprecated `client` scope (https://api.slack.com/scopes/rtm:stream)"},
		}},
		{"wrong token type", "POST https://slack.com/api/search.messages\n" + `{"ok":false,"error":"not_allowed_token_type"}`, view{
			Error: "not_allowed_token_type", Token: "bot",
			Lines: []string{"search.messages does not accept this kind of token; it accepts user tokens (xoxp-) only", "search.messages needs search:read on a user token"},
		}},
		{"wrong token type, the method as a word", "search.messages not_allowed_token_type", view{
			Error: "not_allowed_token_type", Token: "bot",
			Lines: []string{"search.messages does not accept this kind of token; it accepts user tokens (xoxp-) only", "search.messages needs search:read on a user token"},
		}},
		// slack-go's SlackErrorResponse: %v and %+v print Err alone, %#v every field.
		{"slack-go error, %#v", `slack.SlackErrorResponse{Err:"missing_scope", Errors:[]slack.SlackResponseErrors(nil), ResponseMetadata:slack.ResponseMetadata{Cursor:"", Messages:[]string(nil), Warnings:[]string(nil)}, Needed:"reactions:write", Provided:"chat:write,chat:write.public"}`, view{
			Error: "missing_scope", Token: "bot", TokenKnown: true, Missing: []string{"reactions:write"}, Add: []string{"reactions:write"},
			Lines: []string{"add reactions:write to the bot scopes"},
		}},
		{"slack-go response, %+v", `{Ok:false Error:missing_scope Warning: Errors:[] ResponseMetadata:{Cursor: Messages:[] Warnings:[]} Needed:reactions:write Provided:chat:write,chat:write.public}`, view{
			Error: "missing_scope", Token: "bot", TokenKnown: true, Missing: []string{"reactions:write"}, Add: []string{"reactions:write"},
			Lines: []string{"add reactions:write to the bot scopes"},
		}},
		// %v names no scope: what the method needs is what to add, for a bot token where
		// it takes one, else for the token it takes.
		{"slack-go error, %v, with the method", "reactions.add: missing_scope", view{
			Error: "missing_scope", Token: "bot", Missing: []string{"reactions:write"}, Add: []string{"reactions:write"},
			Lines: []string{"reactions.add needs reactions:write on a bot token", "reactions.add needs reactions:write on a user token",
				"the error names no scope: this is what reactions.add needs on a bot token", noNeeded,
				"add reactions:write to the bot (or user, for a user token) scopes"},
		}},
		{"slack-go error, %+v, a user-token method", "search failed: search.messages: missing_scope", view{
			Error: "missing_scope", Token: "user", Missing: []string{"search:read"}, Add: []string{"search:read"},
			Lines: []string{"search.messages needs search:read on a user token",
				"the error names no scope: this is what search.messages needs on a user token", noNeeded,
				"add search:read to the user scopes"},
		}},
		{"slack-go error, %v, a method that needs two scopes", "team.externalTeams.list: missing_scope", view{
			Error: "missing_scope", Token: "bot", Missing: []string{"conversations.connect:manage", "team:read"}, Add: []string{"conversations.connect:manage", "team:read"},
			Lines: []string{"team.externalTeams.list needs conversations.connect:manage, and team:read on a bot token",
				"the error names no scope: this is what team.externalTeams.list needs on a bot token", noNeeded,
				"add conversations.connect:manage and team:read to the bot scopes (each is needed)"},
		}},
		{"slack-go error, %v, an app-level method", "apps.connections.open: missing_scope", view{
			Error: "missing_scope", Token: "app_level", Missing: []string{"connections:write"}, Add: []string{"connections:write"},
			Lines: []string{"apps.connections.open needs connections:write on an app-level token",
				"the error names no scope: this is what apps.connections.open needs on an app-level token", noNeeded,
				"add connections:write to the app-level token's scopes"},
		}},
		{"wrong token type, a method of two token types", "chat.postMessage: not_allowed_token_type", view{
			Error: "not_allowed_token_type", Token: "bot",
			Lines: []string{"chat.postMessage does not accept this kind of token; it accepts bot tokens (xoxb-) and user tokens (xoxp-)",
				"chat.postMessage needs chat:write on a bot token", "chat.postMessage needs chat:write on a user token"},
		}},
		{"a body in a log line", `time=2026-12-02T18:00:00Z level=ERROR msg="slack call failed" body={"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write.public"} attempt={"n":1}`, view{
			Error: "missing_scope", Token: "bot", TokenKnown: true, Missing: []string{"reactions:write"}, Add: []string{"reactions:write"},
			Lines: []string{"add reactions:write to the bot scopes"},
		}},
		{"a user-only scope", `{"ok":false,"error":"missing_scope","needed":"search:read","provided":"chat:write"}`, view{
			Error: "missing_scope", Token: "bot", Missing: []string{"search:read"}, Add: []string{"search:read"},
			Lines: []string{"search:read is granted to user tokens only: the call must be made with a user token (xoxp-), not the bot token", "add search:read to the user scopes"},
		}},
		{"an error code of one method", "chat.postMessage channel_not_found", view{
			Error: "channel_not_found", Token: "bot",
			Lines: []string{"chat.postMessage: channel_not_found: Value passed for `channel` was invalid."},
		}},
		{"an error code no method documents", "no_such_error", view{
			Error: "no_such_error", Token: "bot",
			Lines: []string{"no method in the catalog documents the error no_such_error"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Explain(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := view{e.Response.Error, e.Token.String(), e.TokenKnown, e.Missing, e.Add, e.AnyOf, e.Lines}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Explain (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExplainErrors(t *testing.T) {
	for in, want := range map[string]string{
		"hello":                           `no Slack error response found: expected a JSON body with "error", x-oauth-scopes / x-accepted-oauth-scopes headers, or an error code`,
		`{"ok":false,"error":`:            "response body is not JSON: unexpected end of JSON input",
		`{"error":"x","needed":"a;b"}`:    `needed: offset 1: character ';' cannot appear in a scope name (in "a;b")`,
		"x-oauth-scopes: chat:write%zz\n": `x-oauth-scopes header: offset 10: invalid %-escape in "chat:write%zz"`,
	} {
		if _, err := Explain(in); err == nil || err.Error() != want {
			t.Errorf("Explain(%q) error = %v, want %q", in, err, want)
		}
	}
}

// A bare error code: what the methods' docs say it means, and which document it.
func TestExplainErrorCode(t *testing.T) {
	e, err := Explain("channel_not_found")
	if err != nil {
		t.Fatal(err)
	}
	if e.UnknownCode || len(e.Meanings) < 2 || !slices.Contains(e.DocumentedBy, "chat.postMessage") || !slices.IsSorted(e.DocumentedBy) {
		t.Errorf("Explain(channel_not_found) = %+v", e)
	}
	for i := 1; i < len(e.Meanings); i++ {
		if len(e.Meanings[i].Methods) > len(e.Meanings[i-1].Methods) {
			t.Errorf("meaning %d is used by more methods than meaning %d", i, i-1)
		}
	}
	if e, _ := Explain("no_such_error"); !e.UnknownCode {
		t.Error("no_such_error is not reported as unknown")
	}
	if got := ClosestErrorCode("chanel_not_found"); got != "channel_not_found" {
		t.Errorf("ClosestErrorCode(chanel_not_found) = %q", got)
	}
	if e, _ := Explain(`{"ok":false,"error":"missing_scope","needed":"search:read","provided":"chat:write"}`); e.List != "user" {
		t.Errorf("search:read goes into the %q list, want user", e.List)
	}
	if e, _ := Explain(`{"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write"}`); e.List != "bot" {
		t.Errorf("reactions:write goes into the %q list, want bot", e.List)
	}
}
