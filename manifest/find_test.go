package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// writeFiles writes files (path: content) under root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const slackManifest = "display_information:\n  name: bot\noauth_config:\n  scopes:\n    bot: [chat:write]\n"

// Where Find looks: up to the repository root (above go.mod), in slack/ and .slack/,
// passing over another tool's manifest.yml; without a repository, up to go.mod.
func TestFind(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		dir   string // the package directory, under the root
		want  string // the manifest found, under the root ("" for none)
		notes []string
	}{
		{"beside the package", map[string]string{".git/HEAD": "", "go.mod": "module m\n", "cmd/bot/manifest.yml": slackManifest}, "cmd/bot", "cmd/bot/manifest.yml", nil},
		{"at the module root", map[string]string{".git/HEAD": "", "go.mod": "module m\n", "manifest.json": `{"oauth_config": {}}`}, "cmd/bot", "manifest.json", nil},
		{"at the repository root above go.mod", map[string]string{".git/HEAD": "", "bot/go.mod": "module m\n", "manifest.yml": slackManifest}, "bot/cmd", "manifest.yml", nil},
		{"in slack/", map[string]string{".git/HEAD": "", "go.mod": "module m\n", "slack/manifest.yml": slackManifest}, "cmd", "slack/manifest.yml", nil},
		{"in .slack/", map[string]string{".git/HEAD": "", "go.mod": "module m\n", ".slack/manifest.json": `{"settings": {}}`}, "", ".slack/manifest.json", nil},
		{"a Cloud Foundry manifest passed over", map[string]string{".git/HEAD": "", "go.mod": "module m\n", "cmd/manifest.yml": "applications:\n- name: web\n", "manifest.yml": slackManifest}, "cmd", "manifest.yml",
			[]string{"cmd/manifest.yml is not a Slack app manifest (none of display_information, features, oauth_config, settings at the top); passed over"}},
		{"two side by side", map[string]string{".git/HEAD": "", "go.mod": "module m\n", "manifest.yml": slackManifest, "manifest.json": `{"oauth_config": {}}`}, "", "manifest.yml",
			[]string{"manifest.yml and manifest.json are both here; manifest.yml is used"}},
		{"none", map[string]string{".git/HEAD": "", "go.mod": "module m\n"}, "cmd", "", nil},
		{"no repository: up to go.mod", map[string]string{"mod/go.mod": "module m\n", "manifest.yml": slackManifest}, "mod/cmd", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, tc.files)
			dir := filepath.Join(root, tc.dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			got := Find(dir)
			rel := func(p string) string { return strings.TrimPrefix(strings.TrimPrefix(p, root), "/") }
			if rel(got.Path) != tc.want {
				t.Errorf("Find = %q, want %q", rel(got.Path), tc.want)
			}
			var notes []string
			for _, n := range got.Notes {
				notes = append(notes, strings.ReplaceAll(n, root+"/", ""))
			}
			if diff := cmp.Diff(tc.notes, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
			if len(got.Looked) == 0 || got.Looked[0] != dir {
				t.Errorf("Looked = %q, want it to start at %q", got.Looked, dir)
			}
		})
	}
}

// A Cache finds and parses a program's manifest once, not once per package, and reads it
// again when it changes.
func TestCache(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"go.mod": "module m\n", "cmd/bot/x.go": "package main\n"})
	p := filepath.Join(root, "manifest.yml")
	write := func(content string, mtime time.Time) {
		t.Helper()
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	then := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write("oauth_config:\n  scopes:\n    bot: [chat:write]\n", then)

	var c Cache
	sub := filepath.Join(root, "cmd", "bot")
	if got := c.Find(sub).Path; got != p || c.Find(sub).Path != p {
		t.Fatalf("Find = %q, want %q", got, p)
	}
	first, err := c.Manifest(p)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := c.Manifest(p); again != first {
		t.Error("an unchanged manifest was parsed again")
	}
	write("oauth_config:\n  scopes:\n    bot: [chat:write, users:read]\n", then.Add(time.Second))
	changed, err := c.Manifest(p)
	if err != nil {
		t.Fatal(err)
	}
	if changed == first || len(changed.Bot) != 2 {
		t.Errorf("after a change: %d bot scopes (same manifest: %v), want the new 2", len(changed.Bot), changed == first)
	}
	write("oauth_config: [", then.Add(2*time.Second))
	if _, err := c.Manifest(p); err == nil {
		t.Error("a manifest broken after it was read gave no error")
	}
	if _, err := c.Manifest(filepath.Join(root, "missing.yml")); err == nil || !strings.HasSuffix(err.Error(), "missing.yml: no such file or directory") {
		t.Errorf("a missing manifest: %v", err)
	}
}
