// Package bindings pins github.com/nlopes/slack v0.6.0, slack-go's former name, for the
// derivation tests (internal/derive/load).
package bindings

import _ "github.com/nlopes/slack"
