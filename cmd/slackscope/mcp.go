package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// runMCP is slackscope mcp: a Model Context Protocol server on standard input and
// output, for coding agents, whose tools are lookup, scopes, check and explain. It
// serves until the client closes its end.
func runMCP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: slackscope mcp") }
	if err := fs.Parse(args); err != nil {
		return exitFailure
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "slackscope: mcp takes no arguments (got %q); the agent passes each tool its directory and packages\n", fs.Arg(0))
		return exitFailure
	}
	// The command's own streams, not os.Stdin and os.Stdout: run is handed them.
	t := &mcp.IOTransport{Reader: io.NopCloser(stdin), Writer: nopWriteCloser{stdout}}
	if err := newMCPServer().Run(context.Background(), t); err != nil {
		fmt.Fprintf(stderr, "slackscope: mcp: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// nopWriteCloser is a writer whose Close does nothing: closing the session leaves the
// command's standard output to the command.
type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// mcpInstructions tell the agent what the server is for and when to call its tools.
const mcpInstructions = `slackscope works out the Slack OAuth scopes a Go app built on github.com/slack-go/slack needs, from its code, and checks the scopes its app manifest requests. After changing the app's Slack calls, event handlers or manifest, call check on its module; call scopes for the minimum set to request; lookup for what a method, scope, event or slack-go function needs; explain for a failed call's error (missing_scope, not_allowed_token_type). Everything is worked out from the code and slackscope's built-in catalog: nothing is sent to Slack.`

// newMCPServer is the server slackscope mcp runs: named slackscope, at the version
// slackscope version prints, with its four tools.
func newMCPServer() *mcp.Server {
	info, _ := debug.ReadBuildInfo()
	s := mcp.NewServer(&mcp.Implementation{Name: "slackscope", Version: buildVersion(info)},
		&mcp.ServerOptions{Instructions: mcpInstructions})
	// lookup and explain read the catalog alone; scopes and check run the go command,
	// which may download the modules the packages need.
	mcp.AddTool(s, readOnlyTool("lookup", lookupDoc, true), mcpLookup)
	mcp.AddTool(s, readOnlyTool("scopes", scopesDoc, false), mcpScopes)
	mcp.AddTool(s, readOnlyTool("check", checkDoc, false), mcpCheck)
	mcp.AddTool(s, readOnlyTool("explain", explainDoc, true), mcpExplain)
	return s
}

// readOnlyTool is a tool that changes nothing, which agents may call without asking;
// offline says that it reaches nothing outside the machine either.
func readOnlyTool(name, description string, offline bool) *mcp.Tool {
	a := &mcp.ToolAnnotations{ReadOnlyHint: true}
	if offline {
		a.OpenWorldHint = new(false)
	}
	return &mcp.Tool{Name: name, Description: description, Annotations: a}
}

// The tools' descriptions, which the agent reads to choose among them.
const (
	lookupDoc  = `Look names up in slackscope's catalog of the Slack Web API: for a Web API method (chat.postMessage), the scopes each token type needs, its rate limit and the slack-go functions that call it; for a scope (chat:write), its token types, status and the methods it grants; for an event (app_mention), the scopes it needs; for a slack-go function ((*slack.Client).PostMessage, PostMessage), the Web API methods it calls. An unknown name gets the nearest known one (kind "unknown", did_you_mean). The same as slackscope lookup.`
	scopesDoc  = `The minimum OAuth scopes each program (main package) among the packages needs, per token type, from its Slack calls, event handlers and app features: each scope with the methods or events that need it and one call site, the open choices (one of several conversation scopes, left to you), the calls whose method is not known, and the Events API events to subscribe to. What the program needs, not what its manifest requests. The same as slackscope scopes -format json, run in dir; file positions are relative to the server's working directory, absolute outside it.`
	checkDoc   = `Check the packages' Slack calls against the scopes the app requests in its manifest (found beside each program or above it, up to go.mod, or the one named): each finding with its position, message, category (missing-scope, unused-scope, deprecated-scope, ...) and suggested fixes as file edits; the run's summary and report (what went unchecked, and against what); and the exit status slackscope check would have: 0 nothing found, 1 findings, 3 nothing found but not everything could be checked (no manifest, packages that did not load). The same findings as slackscope -json, run in dir; file positions are relative to the server's working directory, absolute outside it.`
	explainDoc = `Say what a failed Slack Web API call's error means and which scope to request. Give it the JSON error body (alone or inside a log line), the x-oauth-scopes and x-accepted-oauth-scopes response headers, slack-go's error value as %v or %#v prints it, or a bare error code (channel_not_found); a method name (chat.postMessage) in the text narrows the answer to that method. Returns the scopes to add (add, any_of), the manifest list they go in, what the error code means, and slackscope explain's text with the manifest lines to add.`
)
