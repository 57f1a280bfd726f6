package main

import (
	"path/filepath"
	"testing"
)

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
