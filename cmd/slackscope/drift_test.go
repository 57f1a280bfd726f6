package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slackscope/slackscope/manifest"
)

// The drift bot (testdata/drift, its own module) against the live app and the grants
// its files hold, one drift each, and without any: what drift prints and its exit code,
// against testdata/<name>.golden. The module proxy is off: nothing may dial out.
func TestDriftGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "drift")
	offline := []string{"GOPROXY=off"}
	tests := []goldenCase{
		{name: "drift-none", args: []string{"slackscope", "drift", "-live", "live-same.json", "-grant", "grant-full.txt", "./..."}, code: exitOK},
		{name: "drift-live-only-scope", args: []string{"slackscope", "drift", "-live", "live-extra.json", "./..."}, code: exitFindings},
		{name: "drift-repo-only-scope", args: []string{"slackscope", "drift", "-live", "live-stale.json", "./..."}, code: exitFindings},
		{name: "drift-subscription-drift", args: []string{"slackscope", "drift", "-live", "live-events.json", "./..."}, code: exitFindings},
		{name: "drift-reinstall-needed", args: []string{"slackscope", "drift", "-grant", "grant-old.txt", "./..."}, code: exitFindings},
		{name: "drift-json", args: []string{"slackscope", "drift", "-json", "-live", "live-stale.json", "-grant", "grant-old.txt", "./..."}, code: exitFindings},
		// Nothing to compare is a usage error, never a silent pass.
		{name: "drift-usage", args: []string{"slackscope", "drift", "./..."}, code: exitFailure},
		{name: "drift-usage", args: []string{"slackscope", "drift", "-manifest", "manifest.yml", "./..."}, code: exitFailure},
		{name: "drift-export-failed", args: []string{"slackscope", "drift", "-live", "live-failed.json", "./..."}, code: exitFailure},
		// A package that does not load: the grant was compared with a partial set.
		{name: "drift-partial", args: []string{"slackscope", "drift", "-grant", "grant-full.txt", ".", "./nosuch"}, code: exitIncomplete},
		{name: "drift-help", args: []string{"slackscope", "drift", "-h"}, code: exitOK},
		{name: "drift-help", args: []string{"slackscope", "help", "drift"}, code: exitOK},
	}
	for _, tt := range tests {
		tt.env = offline
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, dir) })
	}
}

// A grant is read from the headers curl -D - writes (any case, CRLF, several responses:
// the last one's), or from a list of scopes.
func TestReadGrant(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
		err           string
	}{
		{"headers", "HTTP/2 200\r\ncontent-type: application/json\r\nx-oauth-scopes: chat:write,reactions:write\r\n\r\n{\"ok\":true}", []string{"chat:write", "reactions:write"}, ""},
		{"no status line", "X-OAuth-Scopes:chat:write\n", []string{"chat:write"}, ""},
		{"redirected", "HTTP/1.1 301\nx-oauth-scopes: users:read\n\nHTTP/2 200\nx-oauth-scopes: chat:write\n", []string{"chat:write"}, ""},
		{"no scopes", "HTTP/2 200\nx-oauth-scopes: \n", nil, ""},
		{"list", "chat:write, reactions:write\nusers:read\n", []string{"chat:write", "reactions:write", "users:read"}, ""},
		{"other headers", "HTTP/2 200\ncontent-type: text/html\n", nil, "the headers have no x-oauth-scopes"},
		{"empty", " \n", nil, "is empty"},
		{"bad list", "chat:write;users:read", nil, "cannot appear in a scope name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "grant.txt")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := readGrant(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("readGrant: %v, want an error with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for s := range got {
				names = append(names, s)
			}
			slices.Sort(names)
			if diff := cmp.Diff(tt.want, names); diff != "" {
				t.Errorf("scopes (-want +got):\n%s", diff)
			}
		})
	}
}

// The live manifest is the export's, or the object alone; Slack's "\/" reads.
func TestExportedManifest(t *testing.T) {
	const obj = `{"oauth_config":{"scopes":{"bot":["chat:write"]}},"settings":{"event_subscriptions":{"request_url":"https:\/\/example.com\/events","bot_events":["app_mention"]}}}`
	for _, content := range []string{`{"ok":true,"manifest":` + obj + `}`, obj} {
		raw, err := exportedManifest([]byte(content))
		if err != nil {
			t.Fatalf("%s: %v", content, err)
		}
		m, err := manifest.Parse("live.json", raw)
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		if got := append(manifest.Names(m.Bot), manifest.Names(m.BotEvents)...); !slices.Equal(got, []string{"chat:write", "app_mention"}) {
			t.Errorf("%s: read %v", content, got)
		}
	}
	for content, want := range map[string]string{
		`{"ok":false,"error":"invalid_auth"}`: "the export failed (invalid_auth)",
		`{"ok":true}`:                         `has no "manifest"`,
		`{"ok":true,"manifest":[]}`:           "not a JSON object",
		`["chat:write"]`:                      "expected a JSON object",
	} {
		if _, err := exportedManifest([]byte(content)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error with %q", content, err, want)
		}
	}
}

// A need the grant lacks is placed at the manifest's request of it, or at the grant file
// when the manifest does not request it (which it says) or none was read.
func TestReinstallPosition(t *testing.T) {
	app := &driftApp{scopes: programScopes{Tokens: []tokenScopes{{Token: "bot", Scopes: []scopeNeed{
		{Scope: "chat:write", Methods: []string{"chat.postMessage"}, Position: "main.go:12:2"},
	}}}}}
	requesting := &manifest.Manifest{Bot: []manifest.Ref{{Name: "chat:write", Line: 9, Col: 9}}}
	tests := []struct {
		name        string
		repo        *manifest.Manifest
		posn, extra string
	}{
		{"requested", requesting, "manifest.yml:9:9", ""},
		{"not requested", &manifest.Manifest{}, "grant.txt", "; manifest.yml does not request it either: add it to oauth_config.scopes.bot and apply it to the app first"},
		{"no manifest", nil, "grant.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &driftComparison{app: app, repo: tt.repo, grant: map[string]bool{}, grantToken: "bot", repoFile: "manifest.yml", grantFile: "grant.txt"}
			got := c.compare()
			want := []driftFinding{{Kind: reinstallNeeded, Scope: "chat:write", Token: "bot", Position: tt.posn,
				Detail: "reinstall the app: the installed grant lacks chat:write, which chat.postMessage needs at main.go:12:2" + tt.extra}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// What only handled events need counts when a manifest subscribes to one of them: an
// event the app is not subscribed to never arrives.
func TestReinstallEvents(t *testing.T) {
	app := &driftApp{scopes: programScopes{Tokens: []tokenScopes{{Token: "bot", Scopes: []scopeNeed{
		{Scope: "app_mentions:read", Events: []string{"app_mention"}, Position: "main.go:40:15"},
	}}}}}
	subscribed := &manifest.Manifest{BotEvents: []manifest.Ref{{Name: "app_mention", Line: 18, Col: 9}}}
	for _, tt := range []struct {
		name       string
		repo, live *manifest.Manifest
		want       int
	}{
		{"repository subscribes", subscribed, nil, 1},
		{"live app subscribes", &manifest.Manifest{}, subscribed, 1},
		{"nobody subscribes", &manifest.Manifest{}, nil, 0},
	} {
		c := &driftComparison{app: app, repo: tt.repo, live: tt.live, grant: map[string]bool{}, grantToken: "bot", repoFile: "manifest.yml", grantFile: "grant.txt"}
		got := c.grantDrift()
		if len(got) != tt.want {
			t.Errorf("%s: %d findings, want %d: %v", tt.name, len(got), tt.want, got)
		}
		if len(got) > 0 && !strings.Contains(got[0].Detail, "which the app_mention events the code handles need at main.go:40:15") {
			t.Errorf("%s: %s", tt.name, got[0].Detail)
		}
	}
}
