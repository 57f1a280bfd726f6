package manifest

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// applyInsertions adds scopes to list, one fix each, merged as Apply merges them.
func applyInsertions(t *testing.T, content, list string, scopes ...string) (string, bool) {
	t.Helper()
	end, ok := FindListEnd([]byte(content), "oauth_config", "scopes", list)
	if !ok {
		return "", false
	}
	var fixes [][]Edit
	for _, s := range scopes {
		edits := end.Insert(s)
		for _, e := range edits {
			if e.Offset != end.offset || e.End != e.Offset {
				t.Fatalf("an insertion into one list at %d, not %d: %+v", e.Offset, end.offset, e)
			}
		}
		fixes = append(fixes, edits)
	}
	return string(Apply([]byte(content), fixes...)), true
}

// A scope goes after the list's last item in its own style, YAML or JSON; missing YAML
// keys are created (after their mapping's last line, or before its first key when its
// text may run on: a block scalar); what cannot be done by one insertion per scope is
// refused.
func TestFindListEnd(t *testing.T) {
	for _, tc := range []struct {
		name, content, list, want string
	}{
		{"block list, comments kept", "oauth_config:\n  scopes:\n    bot:\n      - chat:write # posts\n      # users:read later\nsettings: {}\n", "bot",
			"oauth_config:\n  scopes:\n    bot:\n      - chat:write # posts\n      - a:b\n      - c:d\n      # users:read later\nsettings: {}\n"},
		{"block list at the end, no final newline", "oauth_config:\n  scopes:\n    bot:\n    -   'x:y'", "bot",
			"oauth_config:\n  scopes:\n    bot:\n    -   'x:y'\n    -   'a:b'\n    -   'c:d'\n"},
		{"empty block list", "oauth_config:\n  scopes:\n    user:\n    - x\n    bot:\n", "bot",
			"oauth_config:\n  scopes:\n    user:\n    - x\n    bot:\n    - a:b\n    - c:d\n"},
		{"flow list", "oauth_config:\n  scopes:\n    bot: [x, \"y\"] # two\n", "bot",
			"oauth_config:\n  scopes:\n    bot: [x, \"y\", \"a:b\", \"c:d\"] # two\n"},
		{"JSON with escaped slashes, kept", `{"settings":{"request_url":"https:\/\/example.com"},"oauth_config":{"scopes":{"bot":["x"]}}}`, "bot",
			`{"settings":{"request_url":"https:\/\/example.com"},"oauth_config":{"scopes":{"bot":["x", "a:b", "c:d"]}}}`},
		{"missing user list", "oauth_config:\n  scopes:\n    # the bot\n    bot:\n      - x\n", "user",
			"oauth_config:\n  scopes:\n    # the bot\n    bot:\n      - x\n    user:\n      - a:b\n      - c:d\n"},
		{"missing bot list", "oauth_config:\n  scopes:\n    user: [x]\n", "bot",
			"oauth_config:\n  scopes:\n    bot:\n      - a:b\n      - c:d\n    user: [x]\n"},
		{"missing scopes", "oauth_config:\n  redirect_urls:\n    - https://example.com\nsettings: {}\n", "bot",
			"oauth_config:\n  redirect_urls:\n    - https://example.com\n  scopes:\n    bot:\n      - a:b\n      - c:d\nsettings: {}\n"},
		{"missing scopes after a scalar", "oauth_config:\n  token_management_enabled: true\n  # more\nsettings: {}\n", "bot",
			"oauth_config:\n  token_management_enabled: true\n  scopes:\n    bot:\n      - a:b\n      - c:d\n  # more\nsettings: {}\n"},
		{"missing oauth_config after a block scalar", "display_information:\n  long_description: |\n    two\n    lines\n", "bot",
			"oauth_config:\n  scopes:\n    bot:\n      - a:b\n      - c:d\ndisplay_information:\n  long_description: |\n    two\n    lines\n"},
		{"null scopes", "oauth_config:\n  scopes:\n", "bot",
			"oauth_config:\n  scopes:\n    bot:\n      - a:b\n      - c:d\n"},
		{"missing oauth_config", "display_information:\n  name: x", "bot",
			"display_information:\n  name: x\noauth_config:\n  scopes:\n    bot:\n      - a:b\n      - c:d\n"},
		{"JSON, one per line", "{\n  \"oauth_config\": {\n    \"scopes\": {\n      \"bot\": [\n        \"x\"\n      ]\n    }\n  }\n}\n", "bot",
			"{\n  \"oauth_config\": {\n    \"scopes\": {\n      \"bot\": [\n        \"x\",\n        \"a:b\",\n        \"c:d\"\n      ]\n    }\n  }\n}\n"},
		{"JSON, one line", `{"oauth_config": {"scopes": {"bot": ["x", "y"]}}}`, "bot",
			`{"oauth_config": {"scopes": {"bot": ["x", "y", "a:b", "c:d"]}}}`},
		{"JSON, empty list", `{"oauth_config": {"scopes": {"bot": []}}}`, "bot", ""},
		{"JSON, missing list", `{"oauth_config": {"scopes": {"bot": ["x"]}}}`, "user", ""},
		{"user list with no bot list", "oauth_config:\n  scopes:\n    bot_optional: [x]\n", "user", "oauth_config:\n  scopes:\n    user:\n      - a:b\n      - c:d\n    bot_optional: [x]\n"},
		{"user list, no scopes", "oauth_config:\n  scopes:\n", "user", "oauth_config:\n  scopes:\n    user:\n      - a:b\n      - c:d\n"},
		{"an alias", "common: &c [x]\noauth_config:\n  scopes:\n    bot: *c\n", "bot", ""},
		{"empty flow list", "oauth_config:\n  scopes:\n    bot: []\n", "bot", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := applyInsertions(t, tc.content, tc.list, "a:b", "c:d")
			if !ok {
				if tc.want != "" {
					t.Fatalf("no insertion point, want\n%s", tc.want)
				}
				return
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("after the insertions (-want +got):\n%s", diff)
			}
			// Each insertion alone gives a manifest that requests the scope.
			one, _ := applyInsertions(t, tc.content, tc.list, "a:b")
			m, err := Parse("m", []byte(one))
			if err != nil {
				t.Fatal(err)
			}
			lists := map[string][]Ref{"bot": m.Bot, "user": m.User}
			if !slices.Contains(Names(lists[tc.list]), "a:b") {
				t.Errorf("%s list after one insertion: %v", tc.list, Names(lists[tc.list]))
			}
		})
	}
}

// The fixes slackscope makes to one manifest, merged by Apply in any order: two events
// into a settings.event_subscriptions.bot_events that does not exist, Socket Mode and
// interactivity switched on (settings missing too, or there), a scope added; each
// order gives a manifest that reads, with each change made once.
func TestApplyCreatedSettings(t *testing.T) {
	for _, tc := range []struct {
		name, content string
	}{
		{"no settings", "display_information:\n  name: x\noauth_config:\n  scopes:\n    bot:\n      - chat:write\n"},
		{"empty settings", "oauth_config:\n  scopes:\n    bot:\n      - chat:write\nsettings:\n"},
		{"settings with a false switch", "oauth_config:\n  scopes:\n    bot:\n      - chat:write\nsettings:\n  socket_mode_enabled: false # for now\n  org_deploy_enabled: false\n"},
		{"JSON", "{\n  \"oauth_config\": {\"scopes\": {\"bot\": [\"chat:write\"]}},\n  \"settings\": {\n    \"event_subscriptions\": {\"bot_events\": [\"team_join\"]},\n    \"interactivity\": {\"is_enabled\": false},\n    \"socket_mode_enabled\": false\n  }\n}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := []byte(tc.content)
			events, ok := FindListEnd(content, "settings", "event_subscriptions", "bot_events")
			if !ok {
				t.Fatal("no place for bot_events")
			}
			scopes, ok := FindListEnd(content, "oauth_config", "scopes", "bot")
			if !ok {
				t.Fatal("no place for bot scopes")
			}
			socket, ok := SetScalar(content, "true", "settings", "socket_mode_enabled")
			if !ok {
				t.Fatal("cannot set socket_mode_enabled")
			}
			inter, ok := SetScalar(content, "true", "settings", "interactivity", "is_enabled")
			if !ok {
				t.Fatal("cannot set interactivity.is_enabled")
			}
			fixes := [][]Edit{events.Insert("app_mention"), socket, events.Insert("message.im"), inter, scopes.Insert("im:history")}
			var first []byte
			for _, order := range [][]int{{0, 1, 2, 3, 4}, {1, 3, 0, 4, 2}, {4, 2, 3, 1, 0}} {
				var in [][]Edit
				for _, i := range order {
					in = append(in, fixes[i])
				}
				got := Apply(content, in...)
				m, err := Parse("m", got)
				if err != nil {
					t.Fatalf("order %v: %v\n%s", order, err, got)
				}
				if want := []string{"app_mention", "message.im"}; !slices.Equal(Names(m.BotEvents)[len(Names(m.BotEvents))-2:], want) &&
					!slices.Equal(Names(m.BotEvents)[len(Names(m.BotEvents))-2:], []string{"message.im", "app_mention"}) {
					t.Errorf("order %v: bot_events %v\n%s", order, Names(m.BotEvents), got)
				}
				if m.SocketMode == nil || !m.SocketMode.Value || m.Interactivity == nil || !m.Interactivity.Value {
					t.Errorf("order %v: socket mode %+v, interactivity %+v\n%s", order, m.SocketMode, m.Interactivity, got)
				}
				if !slices.Equal(Names(m.Bot), []string{"chat:write", "im:history"}) {
					t.Errorf("order %v: bot scopes %v", order, Names(m.Bot))
				}
				if first == nil {
					first = got
				}
			}
			// The first order, in full: comments and every other byte kept.
			t.Logf("%s", first)
			if !strings.HasPrefix(string(first), tc.content[:strings.Index(tc.content, "chat:write")]) {
				t.Errorf("the manifest's start changed:\n%s", first)
			}
		})
	}
}

// SetScalar replaces a scalar's text, quotes and all, or creates the key; RemoveItem
// removes an item in the list's style.
func TestSetScalarRemoveItem(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
		path                []string
	}{
		{"replace, comment kept", "settings:\n  socket_mode_enabled: false # later\n", "settings:\n  socket_mode_enabled: true # later\n", []string{"settings", "socket_mode_enabled"}},
		{"replace a quoted value", "settings:\n  socket_mode_enabled: \"false\"\n", "settings:\n  socket_mode_enabled: true\n", []string{"settings", "socket_mode_enabled"}},
		{"create after a list", "settings:\n  event_subscriptions:\n    bot_events:\n      - team_join\n", "settings:\n  event_subscriptions:\n    bot_events:\n      - team_join\n  socket_mode_enabled: true\n", []string{"settings", "socket_mode_enabled"}},
		{"create two levels", "settings:\n  org_deploy_enabled: false", "settings:\n  org_deploy_enabled: false\n  interactivity:\n    is_enabled: true\n", []string{"settings", "interactivity", "is_enabled"}},
		{"JSON", `{"settings": {"socket_mode_enabled": false}}`, `{"settings": {"socket_mode_enabled": true}}`, []string{"settings", "socket_mode_enabled"}},
		{"JSON, missing", `{"settings": {}}`, "", []string{"settings", "socket_mode_enabled"}},
		{"not a scalar", "settings:\n  socket_mode_enabled: [x]\n", "", []string{"settings", "socket_mode_enabled"}},
	} {
		t.Run("set "+tc.name, func(t *testing.T) {
			edits, ok := SetScalar([]byte(tc.content), "true", tc.path...)
			if !ok {
				if tc.want != "" {
					t.Fatalf("not set, want\n%s", tc.want)
				}
				return
			}
			if diff := cmp.Diff(tc.want, string(Apply([]byte(tc.content), edits))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, tc := range []struct {
		name, content, item, want string
	}{
		{"block", "bot:\n  - a # why\n  - b\n", "a", "bot:\n  - b\n"},
		{"flow, first", `{"bot": ["a", "b"]}`, `"a"`, `{"bot": ["b"]}`},
		{"flow, last", "{\"bot\": [\n  \"a\",\n  \"b\"\n]}", `"b"`, "{\"bot\": [\n  \"a\"\n]}"},
		{"flow, only", `{"bot": ["a"]}`, `"a"`, `{"bot": []}`},
		{"not an item", "bot: a\n", "a", ""},
	} {
		t.Run("remove "+tc.name, func(t *testing.T) {
			i := strings.Index(tc.content, tc.item)
			line := strings.Count(tc.content[:i], "\n") + 1
			col := i - strings.LastIndex(tc.content[:i], "\n")
			e, ok := RemoveItem([]byte(tc.content), line, col)
			if !ok {
				if tc.want != "" {
					t.Fatalf("not removed, want\n%s", tc.want)
				}
				return
			}
			if diff := cmp.Diff(tc.want, string(Apply([]byte(tc.content), []Edit{e}))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
