package main

import (
	"encoding/json"
	"os/exec"
	"testing"
)

// Run from the root of the slack-go module, on its own examples (slack-go is then the
// main module, and every method of *slack.Client is in it): each example needs what it
// reaches, not the whole client.
func TestSlackGoExamples(t *testing.T) {
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/slack-go/slack").Output()
	if err != nil {
		t.Fatalf("go mod download github.com/slack-go/slack: %v", err)
	}
	var mod struct{ Dir, Version string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %s (%v)", out, err)
	}
	t.Logf("slack-go %s", mod.Version)
	tt := goldenCase{
		name: "reach-slack-go-examples",
		args: []string{"slackscope", "scopes", "./examples/pins", "./examples/reactions", "./examples/users", "./examples/eventsapi", "./examples/socketmode"},
		code: exitOK,
		dir:  mod.Dir,
	}
	runGolden(t, tt, mod.Dir)
}
