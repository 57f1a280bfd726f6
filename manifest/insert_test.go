package manifest

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// applyInsertions adds scopes to list as a tool merging the edits does: each Header
// once, then the Items in order.
func applyInsertions(t *testing.T, content, list string, scopes ...string) (string, bool) {
	t.Helper()
	end, ok := FindListEnd([]byte(content), list)
	if !ok {
		return "", false
	}
	var ins string
	for i, s := range scopes {
		in := end.Insert(s)
		if i == 0 {
			ins = in.Header
		}
		ins += in.Item
		if in.Offset != end.offset {
			t.Fatalf("insertions into one list at %d and %d", end.offset, in.Offset)
		}
	}
	return content[:end.offset] + ins + content[end.offset:], true
}

// A scope goes after the list's last item in its own style, YAML or JSON; missing YAML
// keys are created; what cannot be done by one insertion per scope is refused.
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
		{"missing user list", "oauth_config:\n  scopes:\n    # the bot\n    bot:\n      - x\n", "user",
			"oauth_config:\n  scopes:\n    # the bot\n    user:\n      - a:b\n      - c:d\n    bot:\n      - x\n"},
		{"missing bot list", "oauth_config:\n  scopes:\n    user: [x]\n", "bot",
			"oauth_config:\n  scopes:\n    bot:\n      - a:b\n      - c:d\n    user: [x]\n"},
		{"missing scopes", "oauth_config:\n  redirect_urls:\n    - https://example.com\nsettings: {}\n", "bot",
			"oauth_config:\n  redirect_urls:\n    - https://example.com\n  scopes:\n    bot:\n      - a:b\n      - c:d\nsettings: {}\n"},
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
		{"user list with no bot list", "oauth_config:\n  scopes:\n    bot_optional: [x]\n", "user", ""},
		{"user list, no scopes", "oauth_config:\n  scopes:\n", "user", ""},
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
