package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// go vet caches results by the sources, the flags and the tool's ID: editing the
// manifest between two runs must still change the answer (vetid.go), not replay the
// first one. The run is the layout testdata/layouts/events, copied so it can be edited.
func TestVetSeesEditedManifest(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "layouts")
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", "events/main.go", "events/manifest.yml"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vet := func() string {
		t.Helper()
		cmd := exec.Command("go", "vet", "-vettool="+binary, "./events")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
		out, _ := cmd.CombinedOutput() // findings exit 1
		return string(out)
	}
	first := vet()
	if !strings.Contains(first, "does not subscribe to app_mention") || strings.Contains(first, "app_mentions:read") {
		t.Fatalf("first run: want a missing subscription and no missing scope, got:\n%s", first)
	}
	edited := "settings:\n  socket_mode_enabled: true\n  event_subscriptions:\n    bot_events:\n      - app_mention\n      - message.im\n" +
		"oauth_config:\n  scopes:\n    bot:\n      - chat:write\n"
	if err := os.WriteFile(filepath.Join(dir, "events", "manifest.yml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	second := vet()
	if strings.Contains(second, "does not subscribe to app_mention") || !strings.Contains(second, "which needs app_mentions:read") {
		t.Fatalf("second run, after subscribing to app_mention: want its missing scope, got (a cached replay?):\n%s", second)
	}
}

// The digest go vet keys its cache with covers every manifest of the tree, and only
// manifests: an edit changes it, a file under vendor or another file does not.
func TestManifestDigest(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	digest := func() string {
		var b strings.Builder
		hashManifests(&b, root)
		return b.String()
	}
	write("go.mod", "module example.com/app\n")
	write("cmd/bot/manifest.yml", "oauth_config: {}\n")
	write(".slack/manifest.json", "{}\n")
	before := digest()
	write("vendor/x/manifest.yml", "ignored\n")
	write("cmd/bot/main.go", "package main\n")
	write(".cache/manifest.yml", "ignored\n")
	if got := digest(); got != before {
		t.Errorf("digest changed for files that are not manifests slackscope reads:\n%q\n%q", before, got)
	}
	write("cmd/bot/manifest.yml", "oauth_config: {scopes: {bot: [chat:write]}}\n")
	if digest() == before {
		t.Error("digest unchanged after a manifest edit")
	}
	if !strings.Contains(before, ".slack/manifest.json") {
		t.Errorf("digest %q does not cover the Slack CLI's .slack/manifest.json", before)
	}
}
