package main

import (
	"context"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

//go:generate slackscope scopes -format go -o slackscope_scopes.go .

// recorder keeps what Slack says of the bot token's scopes (the x-oauth-scopes header of
// its answers).
var recorder = new(grant.Recorder)

// checkGrant stops the bot at start-up when its token lacks a scope the code needs (the
// manifest gained one, but the app was not reinstalled): slackScopes is the table
// slackscope writes from the code.
func checkGrant(api *slack.Client) {
	grant.MustCheck(context.Background(), api, recorder, slackScopes)
}
