package main

import "testing"

// Outside any Go module, check and scopes say so in a sentence, not in the go command's
// words, and exit 2.
func TestOutsideModuleGolden(t *testing.T) {
	dir := t.TempDir()
	runGolden(t, goldenCase{name: "no-module", args: []string{"slackscope", "./..."}, code: exitFailure, env: []string{"GOFLAGS=", "GOWORK=off"}}, dir)
	runGolden(t, goldenCase{name: "no-module-scopes", args: []string{"slackscope", "scopes", "./..."}, code: exitFailure, env: []string{"GOFLAGS=", "GOWORK=off"}}, dir)
}
