package manifest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Bad manifests get exact messages, with positions.
func TestBadManifests(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
	}{
		{"not YAML", "oauth_config:\n  scopes:\n    bot: [chat:write\n", "m.yml:2: not YAML or JSON: did not find expected ',' or ']'"},
		{"not JSON", `{"oauth_config": {"scopes": {"bot": ["chat:write"}}}`, "m.yml:1:50: not JSON: invalid character '}' after array element"},
		{"empty", "", "m.yml: empty manifest (expected a mapping with oauth_config)"},
		{"a list", "- chat:write\n", "m.yml:1:1: expected a mapping with oauth_config at the top"},
		{"scopes a string", "oauth_config:\n  scopes: chat:write\n", "m.yml:2:11: oauth_config.scopes must be a mapping with bot and user lists"},
		{"scopes in the wrong place", "oauth_config:\n  scopes:\n    bot_scopes: [chat:write]\n", `m.yml:3:5: unknown key "bot_scopes" in oauth_config.scopes (expected bot, user, bot_optional or user_optional)`},
		{"bot not a list", "oauth_config:\n  scopes:\n    bot: chat:write\n", "m.yml:3:10: oauth_config.scopes.bot must be a list of scopes"},
		{"empty scope", "oauth_config:\n  scopes:\n    bot: [chat:write, '']\n", "m.yml:3:23: oauth_config.scopes.bot: expected a scope name"},
		{"non-UTF-8", "oauth_config:\n  scopes:\n    bot: [\xff]\n", "m.yml: not YAML or JSON: invalid leading UTF-8 octet"},
		{"events not a list", "settings:\n  event_subscriptions:\n    bot_events: app_mention\n", "m.yml:3:17: settings.event_subscriptions.bot_events must be a list of events"},
		{"duplicate bot key", "oauth_config:\n  scopes:\n    bot: [chat:write]\n    bot: [users:read]\n", "m.yml:4:5: oauth_config.scopes.bot is given twice (the first is at line 3)"},
		{"duplicate oauth_config", "oauth_config:\n  scopes:\n    bot: [chat:write]\noauth_config:\n  scopes:\n    bot: [users:read]\n", "m.yml:4:1: oauth_config is given twice (the first is at line 1)"},
		{"socket mode not a boolean", "settings:\n  socket_mode_enabled: yes please\n", "m.yml:2:24: settings.socket_mode_enabled must be true or false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("m.yml", []byte(tc.content))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v\nwant    %s", err, tc.want)
			}
		})
	}
}

// What a manifest holds, item by item with positions: aliases are followed, optional
// lists read and checked, settings and commands read, a second document named.
func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          *Manifest
	}{
		{"no oauth_config", "display_information:\n  name: x\n", &Manifest{}},
		{"empty bot list", "oauth_config:\n  scopes:\n    bot: []\n", &Manifest{HasOAuth: true}},
		{"bot with nothing after it", "oauth_config:\n  scopes:\n    bot:\n", &Manifest{HasOAuth: true}},
		{"an alias as the list", "common: &common [chat:write, users:read]\noauth_config:\n  scopes:\n    bot: *common\n", &Manifest{
			HasOAuth: true, Bot: []Ref{{"chat:write", 1, 18}, {"users:read", 1, 30}}}},
		{"optional scopes", "oauth_config:\n  scopes:\n    bot: [chat:write, files:read]\n    bot_optional: [files:read, pins:read]\n", &Manifest{
			HasOAuth: true, Bot: []Ref{{"chat:write", 3, 11}, {"files:read", 3, 23}},
			BotOptional: []Ref{{"files:read", 4, 20}, {"pins:read", 4, 32}},
			Problems:    []*Error{{Path: "m.yml", Line: 4, Col: 32, Msg: "optional scope pins:read is not in oauth_config.scopes.bot (an optional scope must be in both lists)"}}}},
		{"settings and commands", "features:\n  slash_commands:\n    - command: /standup\n      description: x\n    - description: no name\nsettings:\n  socket_mode_enabled: true\n  interactivity:\n    is_enabled: false\n", &Manifest{
			SlashCommands: []Ref{{"/standup", 3, 16}, {"", 5, 7}},
			SocketMode:    &Setting{true, 7, 24}, Interactivity: &Setting{false, 9, 17}}},
		// Slack's export escapes the slashes of URLs, as JSON allows; an escaped backslash
		// before a slash stays what it is.
		{"JSON with escaped slashes", `{"settings":{"event_subscriptions":{"request_url":"https:\/\/example.com\/slack","bot_events":["app_mention"]}},` +
			`"display_information":{"name":"a\\\/b"},"oauth_config":{"scopes":{"bot":["chat:write"]}}}`, &Manifest{
			HasOAuth: true, Bot: []Ref{{"chat:write", 1, 186}}, BotEvents: []Ref{{"app_mention", 1, 96}}, HasEventSubscriptions: true}},
		// A name with an emoji as a surrogate pair, after a byte-order mark.
		{"JSON with a surrogate pair and a BOM", "\ufeff" + `{"display_information":{"name":"bot \ud83e\udd16"},"oauth_config":{"scopes":{"bot":["chat:write"]}}}`, &Manifest{
			HasOAuth: true, Bot: []Ref{{"chat:write", 1, 85}}}}, // yaml counts columns after the BOM
		{"two documents", "oauth_config:\n  scopes:\n    bot: [chat:write]\n---\noauth_config:\n  scopes:\n    bot: [users:read]\n", &Manifest{
			HasOAuth: true, Bot: []Ref{{"chat:write", 3, 11}},
			Warnings: []*Error{{Path: "m.yml", Line: 4, Col: 1, Msg: "a second YAML document; Slack reads the first only, and so does slackscope"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse("m.yml", []byte(tc.content))
			if err != nil {
				t.Fatal(err)
			}
			got.Path, got.Content = "", nil
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

// A 1 MB scope is read as one (the catalog calls it unknown), and reading a manifest of
// 100,000 scopes takes one pass.
func TestLargeManifests(t *testing.T) {
	big := strings.Repeat("a", 1<<20)
	m, err := Parse("m.yml", []byte("oauth_config:\n  scopes:\n    bot: ["+big+"]\n"))
	if err != nil || len(m.Bot) != 1 || len(m.Bot[0].Name) != 1<<20 {
		t.Errorf("1 MB scope: %v", err)
	}
	var b strings.Builder
	b.WriteString("oauth_config:\n  scopes:\n    bot:\n")
	for range 100_000 {
		b.WriteString("      - chat:write\n")
	}
	m, err = Parse("m.yml", []byte(b.String()))
	if err != nil || len(m.Bot) != 100_000 {
		t.Errorf("100,000 scopes: %d, %v", len(m.Bot), err)
	}
}

// Directives: trailing ones and ones on their own line, with and without a reason; a '#'
// inside a quoted scalar starts no comment.
func TestDirectives(t *testing.T) {
	content := `oauth_config:
  scopes:
    bot:
      # slackscope:ignore unused-scope the admin panel uses it
      - reminders:write
      - pins:read # slackscope:ignore unused-scope read by the cron job
      - "a # slackscope:ignore unused-scope not a comment"
      # slackscope:ignore
      # slackscope:ignored unused-scope another word
`
	m, err := Parse("m.yml", []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	want := []Directive{
		{Line: 4, Col: 7, Check: "unused-scope", Reason: "the admin panel uses it", OwnLine: true},
		{Line: 6, Col: 19, Check: "unused-scope", Reason: "read by the cron job"},
		{Line: 8, Col: 7, OwnLine: true},
	}
	if diff := cmp.Diff(want, m.Directives); diff != "" {
		t.Errorf("directives (-want +got):\n%s", diff)
	}
}

// IsSlack tells a Slack manifest from another tool's.
func TestIsSlack(t *testing.T) {
	for content, want := range map[string]bool{
		"display_information:\n  name: x\n":            true,
		"oauth_config: {}\n":                           true,
		`{"_metadata": {"major_version": 1}}`:          true,
		"applications:\n- name: web\n  memory: 512M\n": false, // Cloud Foundry
		"version: 2\nbuild:\n  commands: [make]\n":     false,
		"- a\n": false,
		"":      false,
		"settings: &s {socket_mode_enabled: true}\nx: *s\n": true,
		// Slack's export escapes slashes.
		`{"settings":{"event_subscriptions":{"request_url":"https:\/\/example.com\/slack"}}}`: true,
	} {
		if got := IsSlack([]byte(content)); got != want {
			t.Errorf("IsSlack(%q) = %v, want %v", content, got, want)
		}
	}
}
