package main

import (
	"path/filepath"
	"testing"
)

// The catalog's data as the commands print it (issue 15): rate limits and advisories in
// lookup and scopes, the catalog's date in version; against testdata/<name>.golden
// (go test -update rewrites them).
func TestCatalogDataGolden(t *testing.T) {
	example := filepath.Join("..", "..", "testdata", "example")
	tests := []goldenCase{
		// A tier, Slack's one special limit, and a method no source gives a limit for.
		{"catalog-lookup-rate-limits", []string{"slackscope", "lookup", "conversations.history", "admin.analytics.messages.metadata", "agents.conversations.create"}, exitOK, "", nil, ""},
		// Dated advisories: a rate limit for some apps, a retirement, a scope on its way
		// out, RTM for classic apps only.
		{"catalog-lookup-advisories", []string{"slackscope", "lookup", "files.upload", "assistant.threads.setStatus", "rtm.connect"}, exitOK, "", nil, ""},
		// The example app calls conversations.replies: scopes prints its advisory.
		{"catalog-scopes-advisories", []string{"slackscope", "scopes", "./..."}, exitOK, "", nil, ""},
		{"catalog-scopes-advisories-json", []string{"slackscope", "scopes", "-format", "json", "./..."}, exitOK, "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, example) })
	}
}
