package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
		{"scopes in the wrong place", "oauth_config:\n  scopes:\n    bot_scopes: [chat:write]\n", `m.yml:3:5: unknown key "bot_scopes" in oauth_config.scopes (expected bot or user)`},
		{"bot not a list", "oauth_config:\n  scopes:\n    bot: chat:write\n", "m.yml:3:10: oauth_config.scopes.bot must be a list of scopes"},
		{"empty scope", "oauth_config:\n  scopes:\n    bot: [chat:write, '']\n", "m.yml:3:23: oauth_config.scopes.bot: expected a scope name"},
		{"non-UTF-8", "oauth_config:\n  scopes:\n    bot: [\xff]\n", "m.yml: not YAML or JSON: invalid leading UTF-8 octet"},
		{"events not a list", "settings:\n  event_subscriptions:\n    bot_events: app_mention\n", "m.yml:3:17: settings.event_subscriptions.bot_events must be a list of events"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseManifest("m.yml", []byte(tc.content))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v\nwant    %s", err, tc.want)
			}
		})
	}
}

// A manifest without scopes requests nothing; an empty list requests nothing; a 1 MB
// scope is read as one (and the catalog calls it unknown).
func TestOddManifests(t *testing.T) {
	m, err := ParseManifest("m.yml", []byte("display_information:\n  name: x\n"))
	if err != nil || m.HasScopes {
		t.Errorf("no oauth_config: %+v, %v", m, err)
	}
	m, err = ParseManifest("m.yml", []byte("oauth_config:\n  scopes:\n    bot: []\n"))
	if err != nil || !m.HasScopes || len(m.Bot) != 0 {
		t.Errorf("empty bot list: %+v, %v", m, err)
	}
	big := strings.Repeat("a", 1<<20)
	m, err = ParseManifest("m.yml", []byte("oauth_config:\n  scopes:\n    bot: ["+big+"]\n"))
	if err != nil || len(m.Bot) != 1 || len(m.Bot[0].Name) != 1<<20 {
		t.Errorf("1 MB scope: %v", err)
	}
}

// The analyzer finds and parses a program's manifest once, not once per package, and
// reads it again when it changes.
func TestManifestCache(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "cmd", "bot")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(content string, mtime time.Time) {
		t.Helper()
		p := filepath.Join(root, "manifest.yml")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	then := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write("oauth_config:\n  scopes:\n    bot: [chat:write]\n", then)

	var c manifestCache
	path := c.find(sub)
	if want := filepath.Join(root, "manifest.yml"); path != want || c.find(sub) != want {
		t.Fatalf("find = %q, want %q", path, want)
	}
	if got, ok := c.found[filepath.Join(root, "cmd")]; !ok || got != path {
		t.Errorf("the directory between was not remembered: %q, %v", got, ok)
	}
	first, err := c.manifest(path)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := c.manifest(path); again != first {
		t.Error("an unchanged manifest was parsed again")
	}
	write("oauth_config:\n  scopes:\n    bot: [chat:write, users:read]\n", then.Add(time.Second))
	changed, err := c.manifest(path)
	if err != nil {
		t.Fatal(err)
	}
	if changed == first || len(changed.Bot) != 2 {
		t.Errorf("after a change: %d bot scopes (same manifest: %v), want the new 2", len(changed.Bot), changed == first)
	}
	write("oauth_config: [", then.Add(2*time.Second))
	if _, err := c.manifest(path); err == nil {
		t.Error("a manifest broken after it was read gave no error")
	}
}
