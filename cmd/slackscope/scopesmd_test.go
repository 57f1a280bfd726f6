package main

import (
	"path/filepath"
	"testing"
)

// The check of the policy bot: each policy finding, at the manifest and at the call, and
// in JSON.
func TestPolicyCheckGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "policy")
	for _, tt := range []goldenCase{
		{name: "policy-check", args: []string{"slackscope", "./..."}, code: exitFindings},
		{name: "policy-check-json", args: []string{"slackscope", "-json", "./..."}, code: exitFindings},
		// A missing scope the policy forbids gets no fix: fix adds nothing for files:read.
		{name: "policy-fix-diff", args: []string{"slackscope", "fix", "-diff", "./..."}, code: exitOK},
	} {
		tt.env = []string{"GOPROXY=off", "SLACKSCOPE_CACHE=off"}
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, dir) })
	}
}

// scopes -format markdown: the policy bot (testdata/policy: a justified choice, a
// missing justification, a forbidden scope), and the example app, which has no policy.
func TestScopesMarkdownGolden(t *testing.T) {
	testdata := filepath.Join("..", "..", "testdata")
	for _, tt := range []goldenCase{
		{name: "scopes-markdown-policy", args: []string{"slackscope", "scopes", "-format", "markdown", "."}, code: exitOK, dir: filepath.Join(testdata, "policy")},
		{name: "scopes-markdown-example", args: []string{"slackscope", "scopes", "-format", "markdown", "."}, code: exitOK, dir: filepath.Join(testdata, "example")},
	} {
		tt.env = []string{"GOPROXY=off"}
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, testdata) })
	}
}
