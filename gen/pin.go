//go:build tools

// This file pins the slack-go version whose bindings gen derives (go run ./gen bindings):
// go.mod's requirement on github.com/slack-go/slack is that version. The build tag keeps it
// out of every build; go mod tidy still sees it. To upgrade, see README.md, "Bindings".
package main

import (
	_ "github.com/slack-go/slack"
	_ "github.com/slack-go/slack/slackevents"
	_ "github.com/slack-go/slack/socketmode"
)
