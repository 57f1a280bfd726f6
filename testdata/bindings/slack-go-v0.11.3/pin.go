// Package bindings pins github.com/slack-go/slack v0.11.3 for the derivation tests
// (internal/derive/load): the packages derived are the client's, not this one.
package bindings

import (
	_ "github.com/slack-go/slack"
	_ "github.com/slack-go/slack/socketmode"
)
