package model

import (
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestSourceDates(t *testing.T) {
	for _, tt := range []struct {
		source string
		want   []string
	}{
		{"https://api.slack.com/scopes (crawl 2025-03-27, github.com/x/y@4f38275:a.md)", []string{"2025-03-27"}},
		{"https://docs.slack.dev/changelog/2026/03/05/set-status-scope-update", []string{"2026-03-05"}},
		{"slack-api-ref present 2026-05-13..2026-06-22 (scraped)", []string{"2026-05-13", "2026-06-22"}},
		{"2024-10-25/2024-10-29", []string{"2024-10-25", "2024-10-29"}},
		{"https://api.slack.com/changelog/2021-10-rtm-start-to-stop", nil}, // a month alone
		{"slack_web_openapi_v2.json (2020-10)", nil},
		{"present 2025-02-30", nil},        // not a day
		{"2025-03/27 and 2025/03-27", nil}, // mixed separators
		{"id 12025-03-270", nil},           // inside a longer number
		{"npm slack-web-api-client@1.1.14", nil},
	} {
		if diff := cmp.Diff(tt.want, SourceDates(tt.source)); diff != "" {
			t.Errorf("SourceDates(%q) (-want +got):\n%s", tt.source, diff)
		}
	}
}

// The catalog's date is the newest date of its sources, wherever the source is; dates in
// notes, months alone and impossible days do not count.
func TestCatalogDate(t *testing.T) {
	c, err := LoadDir(filepath.Join("testdata", "dated"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Date != "2025-09-06" {
		t.Errorf("Date = %q, want 2025-09-06 (the deprecation's source)", c.Date)
	}
	// An advisory's date counts too.
	c.Methods[0].Advisories[0].Date = "2025-12-01"
	if got := c.newestDate(); got != "2025-12-01" {
		t.Errorf("with a newer advisory, newestDate() = %q, want 2025-12-01", got)
	}
}

// A catalog without a dated source has no date.
func TestCatalogWithoutDate(t *testing.T) {
	fsys := fstest.MapFS{
		"scopes.yaml":       {Data: []byte("scopes:\n  - name: chat:write\n    tokens: [bot]\n    source: https://api.slack.com/scopes/chat:write\n")},
		"methods/chat.yaml": {Data: []byte("methods:\n  - name: chat.postMessage\n    status: current\n    tokens: {bot: [chat:write]}\n    source: https://docs.slack.dev/reference/methods/chat.postMessage\n")},
	}
	c, err := Load(fsys, "undated")
	if err != nil {
		t.Fatal(err)
	}
	if c.Date != "" {
		t.Errorf("Date = %q, want none", c.Date)
	}
}

// The real catalog is dated, no earlier than its newest advisory.
func TestRealCatalogDate(t *testing.T) {
	c, err := LoadDir(filepath.Join("..", "..", "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Date == "" {
		t.Fatal("the catalog has no date")
	}
	for _, m := range c.Methods {
		for _, a := range m.Advisories {
			if a.Date > c.Date {
				t.Errorf("%s: advisory of %s is newer than the catalog's date %s", m.Name, a.Date, c.Date)
			}
		}
	}
}
