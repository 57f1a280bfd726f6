package main

import (
	"path/filepath"
	"testing"
)

// explain on what a slack-go user has in the logs, beyond TestCommandGolden's cases:
// slack-go's error value with %v or %+v (the code alone, after the caller's own words),
// its SlackResponse with %+v, the error wrapped and printed with %#v, a JSON body inside
// a log line, and not_allowed_token_type for methods of each kind of token.
func TestExplainGolden(t *testing.T) {
	tests := []goldenCase{
		{name: "explain-slack-go-plus-v-user-method", args: []string{"slackscope", "explain", "search.messages: missing_scope"}, code: exitOK},
		{name: "explain-slack-go-plus-v-two-scopes", args: []string{"slackscope", "explain", "team.externalTeams.list: missing_scope"}, code: exitOK},
		{name: "explain-slack-go-plus-v-app-level", args: []string{"slackscope", "explain", "apps.connections.open: missing_scope"}, code: exitOK},
		{name: "explain-slack-go-response-plus-v", args: []string{"slackscope", "explain"}, code: exitOK,
			stdin: "2026/12/02 18:00:00 search: {Ok:false Error:missing_scope Warning: Errors:[] ResponseMetadata:{Cursor: Messages:[] Warnings:[]} Needed:search:read Provided:chat:write}\n"},
		{name: "explain-slack-go-wrapped-sharp-v", args: []string{"slackscope", "explain", `&fmt.wrapError{msg:"reactions.add: missing_scope", err:slack.SlackErrorResponse{Err:"missing_scope", Errors:[]slack.SlackResponseErrors(nil), ResponseMetadata:slack.ResponseMetadata{Cursor:"", Messages:[]string(nil), Warnings:[]string(nil)}, Needed:"reactions:write", Provided:"chat:write,users:read"}}`}, code: exitOK},
		{name: "explain-json-in-log-line", args: []string{"slackscope", "explain"}, code: exitOK,
			stdin: `time=2026-12-02T18:00:00Z level=ERROR msg="post failed" err="slack: " body={"ok":false,"error":"missing_scope","needed":"chat:write","provided":"users:read,reactions:write"}` + "\n"},
		{name: "explain-token-type-two-types", args: []string{"slackscope", "explain", "chat.postMessage", "not_allowed_token_type"}, code: exitOK},
		{name: "explain-token-type-app-level", args: []string{"slackscope", "explain"}, code: exitOK,
			stdin: `POST https://slack.com/api/apps.connections.open: {"ok":false,"error":"not_allowed_token_type"}` + "\n"},
		{name: "explain-token-type-no-method", args: []string{"slackscope", "explain", "not_allowed_token_type"}, code: exitOK},
		{name: "explain-code-unknown-far", args: []string{"slackscope", "explain", "no_such_error"}, code: exitFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, filepath.Join("..", "..", "testdata", "example")) })
	}
}
