package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// req is a Requirement as the correction tests write it: its kind and its clauses.
type req struct {
	Kind    RequirementKind
	Clauses [][]string
}

func accepted(clauses ...[]string) req { return req{Kind: Accepted, Clauses: clauses} }

var unknown = req{Kind: Unknown}

// requirements is every token type of m that is accepted or unknown, as reqs.
func requirements(m Method) map[TokenType]req {
	got := map[TokenType]req{}
	for tok := TokenType(0); tok < NumTokenTypes; tok++ {
		r := m.Requirement(tok)
		if r.Kind == NotAccepted {
			continue
		}
		g := req{Kind: r.Kind}
		for _, c := range r.Clauses {
			g.Clauses = append(g.Clauses, []string(c))
		}
		got[tok] = g
	}
	return got
}

// TestCorrections checks the catalog's corrections of the reference data (issue 15,
// "Corrections" 1-8 and 12): each entry is what the cited Slack source says, where the
// reference tables said otherwise. A token type absent from want is not accepted.
func TestCorrections(t *testing.T) {
	tests := []struct {
		item   int
		method string
		want   map[TokenType]req
	}{
		// 1. setStatus accepts chat:write or assistant:write (changelog 2026-03-05).
		{1, "assistant.threads.setStatus", map[TokenType]req{
			Bot:       accepted([]string{"assistant:write", "chat:write"}),
			LegacyBot: unknown,
		}},
		// 2. Classic Sign in with Slack tokens call users.identity with identity.basic.
		{2, "users.identity", map[TokenType]req{
			User: accepted([]string{"identity.basic", "identity:read"}),
		}},
		// 3. apps.uninstall refuses granular bot tokens (error no_permission); 8: the
		// other token types are not stated.
		{3, "apps.uninstall", map[TokenType]req{User: unknown, LegacyBot: unknown}},
		// 4. "Must be a granular bot token": not legacy bot.
		{4, "agents.sessions.rename", map[TokenType]req{Bot: accepted([]string{"chat:write"})}},
		{4, "agents.sessions.setStatus", map[TokenType]req{Bot: accepted([]string{"chat:write"})}},
		// 5. "Required if calling with user token": a user token is accepted, its scope unknown.
		{5, "apps.datastore.count", map[TokenType]req{
			Bot: accepted([]string{"datastore:read"}), User: unknown, LegacyBot: unknown,
		}},
		{5, "apps.datastore.query", map[TokenType]req{
			Bot: accepted([]string{"datastore:read"}), User: unknown, LegacyBot: unknown,
		}},
		// 7. The legacy scopes page says admin.workflows:write, the method data :read.
		{7, "admin.functions.permissions.set", map[TokenType]req{
			User: accepted([]string{"admin.workflows:read", "admin.workflows:write"}),
		}},
		// 8. "No scope required" states no token type; unknown unless a page names it.
		{8, "apps.auth.external.delete", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "apps.auth.external.get", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "auth.revoke", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: accepted()}},
		{8, "auth.teams.list", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "auth.test", map[TokenType]req{Bot: accepted(), User: accepted(), LegacyBot: accepted()}},
		{8, "chat.getPermalink", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "chat.scheduledMessages.list", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "dialog.open", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "functions.completeError", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "functions.completeSuccess", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "functions.workflows.steps.list", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "functions.workflows.steps.responses.export", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "views.open", map[TokenType]req{Bot: accepted(), User: accepted(), LegacyBot: unknown}},
		{8, "views.publish", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "views.push", map[TokenType]req{Bot: unknown, User: unknown, LegacyBot: unknown}},
		{8, "views.update", map[TokenType]req{Bot: accepted(), User: accepted(), LegacyBot: unknown}},
		// 12. Newer than the reference: "Authentication token bearing the
		// code_channels:manage scope. Must be a granular bot token." (method pages).
		{12, "agents.conversations.archive", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.create", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.getCanvas", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.listViews", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.removeView", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.setCommands", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.setProperties", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		{12, "agents.conversations.setView", map[TokenType]req{Bot: accepted([]string{"code_channels:manage"})}},
		// No page of its own was readable: the scope page's family statement only.
		{12, "agents.conversations.setCanvasContent", map[TokenType]req{
			Bot: accepted([]string{"code_channels:manage"}), User: unknown,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			m, ok := LookupMethod(tt.method)
			if !ok {
				t.Fatalf("LookupMethod(%q) not found", tt.method)
			}
			if diff := cmp.Diff(tt.want, requirements(m), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("issue 15 item %d: %s requirements (-want +got):\n%s", tt.item, tt.method, diff)
			}
			if m.Source == "" {
				t.Errorf("%s has no source", tt.method)
			}
		})
	}
}

// TestCorrectionsValidate checks the corrections that Validate applies (issue 15,
// items 6 and 9).
func TestCorrectionsValidate(t *testing.T) {
	type p struct {
		Code  Code
		List  List
		Scope string
		Rule  string
	}
	tests := []struct {
		item int
		name string
		req  Request
		want []p
	}{
		// 6. channels:write is a user-token scope; bots use channels:manage.
		{6, "channels:write in the bot list", Request{Bot: []string{"channels:write"}}, []p{
			{WrongTokenType, BotList, "channels:write", ""},
		}},
		{6, "channels:write in the user list", Request{User: []string{"channels:write"}}, nil},
		{6, "channels:manage in the bot list", Request{Bot: []string{"channels:manage"}}, nil},
		// 9. bot with the deprecated read or post.
		{9, "bot with read", Request{Classic: []string{"bot", "read"}}, []p{
			{DeprecatedScope, ClassicList, "bot", ""},
			{DeprecatedScope, ClassicList, "read", ""},
			{InvalidCombination, ClassicList, "bot", "bot-with-read"},
		}},
		{9, "bot with post", Request{Classic: []string{"bot", "post"}}, []p{
			{DeprecatedScope, ClassicList, "bot", ""},
			{DeprecatedScope, ClassicList, "post", ""},
			{InvalidCombination, ClassicList, "bot", "bot-with-post"},
		}},
		{9, "read and post without bot", Request{Classic: []string{"read", "post"}}, []p{
			{DeprecatedScope, ClassicList, "read", ""},
			{DeprecatedScope, ClassicList, "post", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []p
			for _, pr := range Validate(tt.req) {
				got = append(got, p{pr.Code, pr.List, pr.Scope, pr.Rule})
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("issue 15 item %d: Validate (-want +got):\n%s", tt.item, diff)
			}
		})
	}
}

// TestCorrectionsScopes checks the scope entries corrected by issue 15 (items 6, 10).
func TestCorrectionsScopes(t *testing.T) {
	s, _ := LookupScope("channels:write")
	if got, want := s.Tokens.String(), "user"; got != want {
		t.Errorf("item 6: channels:write tokens = %s, want %s", got, want)
	}
	// The conversations.* methods keep it among their bot alternatives, as the
	// method data lists it.
	m, _ := LookupMethod("conversations.create")
	if r := m.Requirement(Bot); len(r.Clauses) != 1 || !r.Clauses[0].Has("channels:write") || !r.Clauses[0].Has("channels:manage") {
		t.Errorf("item 6: conversations.create bot clauses = %v, want channels:write kept beside channels:manage", r.Clauses)
	}
	// 10. rtm:stream is the implicit scope of classic bot and client tokens, not a
	// workspace-app scope.
	rs, _ := LookupScope("rtm:stream")
	if strings.Contains(rs.Deprecation.Note, "workspace-app") {
		t.Errorf("item 10: rtm:stream deprecation note %q still calls it a workspace-app scope", rs.Deprecation.Note)
	}
	for _, want := range []string{"`bot`", "`client`", "RTM"} {
		if !strings.Contains(rs.Deprecation.Note, want) {
			t.Errorf("item 10: rtm:stream deprecation note %q does not mention %q", rs.Deprecation.Note, want)
		}
	}
}

// TestCorrectionsNotes checks that each silent choice between disagreeing sources
// (issue 15, item 11) is a note that says the sources disagree, names what the other
// source says, and which reading the catalog chose.
func TestCorrectionsNotes(t *testing.T) {
	tests := []struct {
		method string
		want   []string // in the note
		source []string // in the source
	}{
		{"conversations.externalInvitePermissions.set",
			[]string{"conversations.connect:manage", "channels:write", "mpim:write"},
			[]string{"legacy-oauth-scopes"}},
		{"team.externalTeams.disconnect",
			[]string{"conversations.connect:manage", "channels:write", "mpim:write"},
			[]string{"legacy-oauth-scopes"}},
		{"conversations.kick",
			[]string{"im:write", "mpim:write", "OpenAPI"},
			[]string{"legacy-oauth-scopes", "slack_web_openapi_v2.json"}},
		{"assistant.search.context",
			[]string{"Data Access API", "search:read.users", "search:read and seamless.user"},
			[]string{"legacy-oauth-scopes", "data-access-api"}},
		{"conversations.history",
			[]string{"legacy bot", "DMs and MPIMs", "legacy_bot stays unknown"},
			[]string{"conversations.history"}},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			m, ok := LookupMethod(tt.method)
			if !ok {
				t.Fatalf("LookupMethod(%q) not found", tt.method)
			}
			type text struct{ Note, Source []string }
			var missing text
			for _, w := range append([]string{"SOURCES DISAGREE", "Chosen:"}, tt.want...) {
				if !strings.Contains(m.Note, w) {
					missing.Note = append(missing.Note, w)
				}
			}
			for _, w := range tt.source {
				if !strings.Contains(m.Source, w) {
					missing.Source = append(missing.Source, w)
				}
			}
			if diff := cmp.Diff(text{}, missing, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("issue 15 item 11: %s: note %q, source %q lack (-want +got):\n%s", tt.method, m.Note, m.Source, diff)
			}
		})
	}
}

// TestNewerMethods checks issue 15, item 12 on every method newer than the reference
// (in the catalog, not in methods.tsv): each was looked up, and its note says what was
// found; the code_channels:manage scope the agents.conversations.* pages name exists.
func TestNewerMethods(t *testing.T) {
	ref := column(t, referenceDir(t), "methods.tsv", "method")
	var newer, unnoted []string
	for m := range Methods() {
		if slices.Contains(ref, m.Name) {
			continue
		}
		newer = append(newer, m.Name)
		if !strings.Contains(m.Note, "issue 15 item 12") {
			unnoted = append(unnoted, m.Name)
		}
	}
	if len(newer) == 0 {
		t.Fatal("no method newer than the reference")
	}
	if diff := cmp.Diff([]string(nil), unnoted, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("newer methods whose note does not say what item 12 found (-want +got):\n%s", diff)
	}
	s, ok := LookupScope("code_channels:manage")
	if !ok {
		t.Fatal("scope code_channels:manage not in the catalog")
	}
	if got, want := s.Tokens.String(), "bot"; got != want {
		t.Errorf("code_channels:manage tokens = %s, want %s", got, want)
	}
	if !strings.Contains(s.Source, "https://docs.slack.dev/reference/scopes/code_channels.manage") {
		t.Errorf("code_channels:manage source %q does not cite its scope page", s.Source)
	}
}
