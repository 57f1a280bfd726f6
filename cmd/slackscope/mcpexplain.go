package main

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/slackscope/slackscope/catalog"
)

// explainInput is the explain tool's arguments.
type explainInput struct {
	Text string `json:"text" jsonschema:"what the failed call returned: its JSON error body (alone or in a log line), its x-oauth-scopes and x-accepted-oauth-scopes headers, slack-go's error value as %v or %#v prints it, or a bare error code; a method name in it (chat.postMessage) narrows the answer to that method"`
}

// explainOutput is the explain tool's result: catalog.Explain's answer, and what
// slackscope explain prints of it.
type explainOutput struct {
	Error    string   `json:"error" jsonschema:"the error code"`
	Method   string   `json:"method,omitempty" jsonschema:"the method called, when the text names it"`
	Needed   []string `json:"needed,omitempty" jsonschema:"the body's needed: any one of these would do"`
	Provided []string `json:"provided,omitempty" jsonschema:"the token's scopes, from the body's provided or the x-oauth-scopes header"`
	Accepted []string `json:"accepted,omitempty" jsonschema:"x-accepted-oauth-scopes: the scopes the method checks for"`
	Token    string   `json:"token,omitempty" jsonschema:"the token type the provided scopes point to, when they tell"`
	Missing  []string `json:"missing,omitempty" jsonschema:"the scopes the call checks for that the token lacks"`
	Add      []string `json:"add,omitempty" jsonschema:"what to request, in granular terms: every one, or with any_of any one of them"`
	AnyOf    bool     `json:"any_of,omitempty"`
	List     string   `json:"manifest_list,omitempty" jsonschema:"the app manifest's list add goes into: bot (oauth_config.scopes.bot) or user (oauth_config.scopes.user); empty for an app-level token's scopes"`
	// Meanings are what the docs say the error code means, when the text names no scope.
	Meanings     []errorMeaning `json:"meanings,omitempty"`
	DocumentedBy []string       `json:"documented_by,omitempty" jsonschema:"the methods whose docs list the error code"`
	UnknownCode  bool           `json:"unknown_code,omitempty" jsonschema:"no method documents the error code (text says the nearest that one does)"`
	Text         string         `json:"text" jsonschema:"what slackscope explain prints: the explanation, and the manifest lines to add"`
}

// errorMeaning is one wording of an error code, with the methods whose docs use it.
type errorMeaning struct {
	Description string   `json:"description"`
	Methods     []string `json:"methods"`
}

// mcpExplain is the explain tool: what slackscope explain says of a failed call.
func mcpExplain(_ context.Context, _ *mcp.CallToolRequest, in explainInput) (*mcp.CallToolResult, explainOutput, error) {
	if t := strings.TrimSpace(in.Text); t == "" || t == "-" {
		return nil, explainOutput{}, errors.New("text is empty: pass the error body, the log line, the response headers or the error code")
	}
	e, err := catalog.Explain(in.Text)
	if err != nil {
		return nil, explainOutput{}, err
	}
	// The text as the command's one argument, after "--": a text that starts with "-"
	// is no flag.
	var stdout, stderr bytes.Buffer
	if runExplain([]string{"--", in.Text}, strings.NewReader(""), &stdout, &stderr) == exitFailure {
		return nil, explainOutput{}, errors.New(strings.TrimSpace(strings.TrimPrefix(stderr.String(), "slackscope: ")))
	}
	r := e.Response
	out := explainOutput{Error: r.Error, Method: r.Method, Needed: r.Needed, Provided: r.Provided, Accepted: r.Accepted,
		Missing: e.Missing, Add: e.Add, AnyOf: e.AnyOf, List: e.List, DocumentedBy: e.DocumentedBy, UnknownCode: e.UnknownCode,
		Text: stdout.String() + strings.TrimPrefix(stderr.String(), "slackscope: ")}
	if len(out.Provided) == 0 {
		out.Provided = r.Granted
	}
	if e.TokenKnown {
		out.Token = e.Token.String()
	}
	for _, m := range e.Meanings {
		out.Meanings = append(out.Meanings, errorMeaning{Description: m.Description, Methods: m.Methods})
	}
	return nil, out, nil
}
