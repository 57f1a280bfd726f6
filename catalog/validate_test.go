package catalog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestValidate(t *testing.T) {
	type p struct {
		Code        Code
		List        List
		Scope       string
		Suggestions []string
	}
	tests := []struct {
		name string
		req  Request
		want []p
	}{
		{"clean granular request", Request{Bot: []string{"chat:write", "channels:history"}, User: []string{"search:read"}}, nil},
		{"typo", Request{Bot: []string{"chat:wirte"}}, []p{{UnknownScope, BotList, "chat:wirte", []string{"chat:write"}}}},
		{"dot for colon", Request{Bot: []string{"users.read"}}, []p{{UnknownScope, BotList, "users.read", []string{"users:read"}}}},
		{"upper case", Request{Bot: []string{"Chat:Write"}}, []p{{UnknownScope, BotList, "Chat:Write", []string{"chat:write"}}}},
		{"nothing close", Request{Bot: []string{"frobnicate"}}, []p{{UnknownScope, BotList, "frobnicate", nil}}},
		{"implicit scope", Request{User: []string{"rtm:stream"}}, []p{{UnknownScope, UserList, "rtm:stream", nil}}},
		{"perspectival", Request{User: []string{"chat:write:user"}}, []p{{DeprecatedScope, UserList, "chat:write:user", []string{"chat:write"}}}},
		{"deprecated classic", Request{Bot: []string{"read"}}, []p{{DeprecatedScope, BotList, "read", nil}}},
		{"classic list accepts classic", Request{Classic: []string{"identify", "channels:read"}}, nil},
		{"classic list still flags deprecated", Request{Classic: []string{"post"}}, []p{{DeprecatedScope, ClassicList, "post", []string{"chat:write"}}}},
		{"user-only in bot list", Request{Bot: []string{"search:read"}}, []p{{WrongTokenType, BotList, "search:read", nil}}},
		{"bot-only in user list", Request{User: []string{"chat:write.customize"}}, []p{{WrongTokenType, UserList, "chat:write.customize", nil}}},
		{"app-level scope in bot list", Request{Bot: []string{"connections:write"}}, []p{{WrongTokenType, BotList, "connections:write", nil}}},
		{"missing dependency", Request{Bot: []string{"chat:write.public"}}, []p{{MissingDependency, BotList, "chat:write.public", []string{"chat:write"}}}},
		{"dependency present", Request{Bot: []string{"chat:write", "chat:write.public", "users:read", "users:read.email"}}, nil},
		{"bot with client", Request{Classic: []string{"bot", "client"}}, []p{
			{DeprecatedScope, ClassicList, "bot", nil},
			{DeprecatedScope, ClassicList, "client", nil},
			{InvalidCombination, ClassicList, "bot", nil},
		}},
		{"sign in with slack with others", Request{User: []string{"identity.basic", "identity.email", "channels:read"}}, []p{
			{DeprecatedScope, UserList, "identity.basic", []string{"openid"}},
			{DeprecatedScope, UserList, "identity.email", []string{"email"}},
			{InvalidCombination, UserList, "identity.basic", nil},
		}},
		{"identity.email alone", Request{User: []string{"identity.email"}}, []p{
			{DeprecatedScope, UserList, "identity.email", []string{"email"}},
			{MissingDependency, UserList, "identity.email", []string{"identity.basic"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []p
			for _, pr := range Validate(tt.req) {
				if pr.Message == "" {
					t.Errorf("problem %+v has no message", pr)
				}
				got = append(got, p{pr.Code, pr.List, pr.Scope, pr.Suggestions})
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateMessages(t *testing.T) {
	got := Validate(Request{Classic: []string{"bot", "client"}})
	want := `bot and client cannot be requested together: Slack answers "invalid_scope: Cannot request service scope (bot) with deprecated scopes"`
	if last := got[len(got)-1]; last.Message != want || last.Rule != "bot-with-client" {
		t.Errorf("combination problem = %q (rule %q), want %q", last.Message, last.Rule, want)
	}
	got = Validate(Request{Bot: []string{"search:read"}})
	want = "scope search:read cannot be granted on a bot token (it works with user); move it to the user scopes"
	if got[0].Message != want {
		t.Errorf("wrong-token-type message = %q, want %q", got[0].Message, want)
	}
}

func TestClosest(t *testing.T) {
	for in, want := range map[string]string{
		"chat:wirte":         "chat:write",
		"channels:hisotry":   "channels:history",
		"users.read":         "users:read",
		"reactions_write":    "reactions:write",
		"im:histroy":         "im:history",
		"xyzzy":              "",
		"incoming_webhook":   "incoming-webhook",
		"chat:write.publick": "chat:write.public",
	} {
		if got := ClosestScope(in); got != want {
			t.Errorf("ClosestScope(%q) = %q, want %q", in, got, want)
		}
	}
}

// Past maxSuggested distinct unknown names, an unknown scope is still reported, without a
// suggestion; a name looked up before the cap keeps its suggestion when it comes again.
func TestValidateBoundsSuggestions(t *testing.T) {
	var bot []string
	for i := range maxSuggested + 50 {
		bot = append(bot, fmt.Sprintf("c%dat:write", i)) // each close to chat:write
	}
	bot = append(bot, "c0at:write")
	ps := Validate(Request{Bot: bot})
	if len(ps) != len(bot) {
		t.Fatalf("%d problems for %d unknown scopes", len(ps), len(bot))
	}
	for i, p := range ps {
		suggested := i < maxSuggested || i == len(bot)-1
		if p.Code != UnknownScope || p.Scope != bot[i] {
			t.Errorf("problem %d = %s %s, want unknown-scope %s", i, p.Code, p.Scope, bot[i])
		}
		if got := len(p.Suggestions) == 1 && strings.Contains(p.Message, "did you mean chat:write?"); got != suggested {
			t.Errorf("problem %d (%s): suggested %v, want %v: %s", i, p.Scope, got, suggested, p.Message)
		}
	}
	if want := fmt.Sprintf("unknown scope %q in the bot scopes", bot[maxSuggested]); ps[maxSuggested].Message != want {
		t.Errorf("message past the cap = %q, want %q", ps[maxSuggested].Message, want)
	}
}
