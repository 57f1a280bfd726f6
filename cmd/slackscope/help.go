package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/slackscope/slackscope/internal/editdist"
)

// A command is a subcommand of slackscope, as the dispatcher and the help see it.
type command struct {
	name    string
	summary string // one line, for the list of commands
	doc     string // what it does, in a few lines
	// usage is the usage line when the command has no flag set of its own; otherwise
	// the help takes the usage line and the flags from what the command prints for -h,
	// so that they cannot drift apart.
	usage    string
	examples []string
	run      func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands is every subcommand, in the order the help lists them. (A function, not a
// variable: runHelp reads the list.)
func commands() []command {
	return []command{
		{
			name:    "check",
			summary: "check the packages' Slack calls against the scopes the app requests (the default)",
			doc: `Loads the packages, works out the scopes their Slack calls need, and reports, as
file:line:col: message [category], each scope the app requests that is missing, unused,
deprecated, misspelt, refused together or of the wrong token type. The manifest is found
beside each package or above it, up to go.mod. "slackscope packages" is the same command.
Exit status 1 when there are findings (0 with -exit-zero), 3 when the run could not check
everything.`,
			examples: []string{
				"slackscope ./...",
				"slackscope check -manifest deploy/manifest.yml ./...",
				"slackscope -format sarif -exit-zero ./... > slackscope.sarif",
				"slackscope -baseline .slackscope-baseline.json ./...   # only what is not in the baseline",
			},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runCheck("check", args, stdout, stderr)
			},
		},
		{
			name:    "fix",
			summary: "rewrite the app manifest's scopes to what the check's fixes say",
			doc: `Runs the check, then applies every fix it suggests to the manifest: a deprecated or
misspelt scope replaced, an unused one removed (not while some calls are unresolved), a
missing one added to its list (a choice of several scopes is left to you); a handled
event subscribed to, an unhandled subscription removed, Socket Mode and interactivity
switched on where the code needs them. The manifest is edited in place, YAML or JSON,
its comments, order and everything else kept; a second run has nothing to fix. -diff
prints the change as a unified diff instead. Exit status 1 when a fix was skipped (it
overlaps another) or -diff shows a change.`,
			examples: []string{
				"slackscope fix ./...",
				"slackscope fix -diff ./... | less",
				"slackscope fix -manifest deploy/manifest.json ./cmd/bot",
			},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runFix(args, stdout, stderr)
			},
		},
		{
			name:    "scopes",
			summary: "print the minimum scope set of the programs among the packages",
			doc: `Prints, per program (main package) and token type, the scopes its calls need, the
methods that need each and a call site; open choices (one of several conversation
scopes) are listed, never settled. What the program needs does not depend on its
manifest; -format manifest prints the program's manifest with the scopes and
subscriptions it lacks added (or, without one, the oauth_config.scopes block);
-format go writes the minimum as a grant.Need, which the app checks its token's grant
against at start-up (package github.com/slackscope/slackscope/grant); -format markdown
writes a justification report for a review: each scope, what needs it and where, and
the justification of the module's .slackscope.yml.`,
			examples: []string{
				"slackscope scopes ./...",
				"slackscope scopes -format manifest ./cmd/bot > merged.yml",
				"slackscope scopes -format go -o slackscope_scopes.go ./cmd/bot",
				"slackscope scopes -format markdown ./cmd/bot > SCOPES.md",
				"slackscope scopes -token user ./cmd/search",
			},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runScopes(args, stdout, stderr)
			},
		},
		{
			name:    "drift",
			summary: "compare the code and the manifest with the live app and an installed token's grant",
			doc: `Compares, offline and from files, the repository's app manifest (found as check finds
it, or -manifest) with the live app's (-live: what apps.manifest.export returns), and the
scopes the code needs (as scopes computes them) with the scopes an installed token has
(-grant: the headers of an auth.test response, whose x-oauth-scopes is read, or a scope
list). Reports, as file:line:col: message [kind], live-only-scope, repo-only-scope and
subscription-drift (manifest and live app), and reinstall-needed (code and grant). Only
the comparisons whose files are given run, and stderr says which; with neither -live
nor -grant there is nothing to compare (exit status 2). Exit status 1 on drift, 3 when
packages did not load and the grant was compared with a partial set.`,
			examples: []string{
				"slackscope drift -live live.json -grant grant.txt ./cmd/bot",
				"slackscope drift -json -grant user-grant.txt -grant-token user ./...",
				`curl -s -H "Authorization: Bearer $SLACK_CONFIG_TOKEN" "https://slack.com/api/apps.manifest.export?app_id=A0123" > live.json`,
				`curl -s -D - -o /dev/null -H "Authorization: Bearer $SLACK_BOT_TOKEN" https://slack.com/api/auth.test > grant.txt`,
			},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runDrift(args, stdout, stderr)
			},
		},
		{
			name:    "diff",
			summary: "print the scopes and subscriptions a change adds and removes, against a git revision",
			doc: `Runs the analysis of scopes in the working tree and at the git revision -base (checked
out in a temporary worktree, removed afterwards, from the same subdirectory), and prints
what the change adds and removes, per program (matched by package path): the scopes the
code needs per token type, with what needs each and where (in the working tree when
added, at the base when removed), the subscriptions its handlers need, and the scopes
its manifest requests. -base HEAD, the default, is what the uncommitted change adds; in
CI pass the pull request's base (origin/main, or its SHA). -format markdown writes a
pull-request comment. Exit status 1 when the change adds something, 0 when it adds
nothing (removals only), 2 outside a git repository or for an unknown revision, 3 when
it adds nothing but a tree did not load fully.`,
			examples: []string{
				"slackscope diff ./...",
				"slackscope diff -base origin/main -format markdown ./... > comment.md",
				"slackscope diff -json -base \"$BASE_SHA\" ./cmd/bot",
			},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runDiff(args, stdout, stderr)
			},
		},
		{
			name:    "lookup",
			summary: "look up a Web API method, scope, event or slack-go function in the catalog",
			doc: `Prints what the catalog knows of each name: a method's scopes per token type and the
slack-go functions that call it; a scope's token types, status and methods; an event's
scopes; a slack-go function's methods. Names as slackscope prints them
((*slack.Client).PostMessage), bare (PostMessage, Client.PostMessage) or in any case.
An unknown name gets the closest one and exit status 1; a function a slack-go release
renamed (UploadFileV2) says what it became, and its new name is looked up.`,
			examples: []string{
				"slackscope lookup chat.postMessage chat:write app_mention",
				"slackscope lookup '(*slack.Client).PostMessage' PostWebhook",
				`slackscope lookup -validate "bot,client,chat:write:bot"`,
			},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runLookup(args, stdout, stderr)
			},
		},
		{
			name:    "explain",
			summary: "say what a Slack error response means and which scope to request",
			doc: `Reads a failed call's response from the arguments or standard input: the JSON body
(alone or inside a log line), the x-oauth-scopes and x-accepted-oauth-scopes headers,
slack-go's error value as %v or %#v prints it, or a bare error code; a method name
(chat.postMessage) among the arguments narrows the answer to that method.`,
			examples: []string{
				`slackscope explain '{"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write"}'`,
				"slackscope explain channel_not_found",
				"slackscope explain search.messages not_allowed_token_type",
				"curl -si https://slack.com/api/... | slackscope explain",
			},
			run: func(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
				return runExplain(args, stdin, stdout, stderr)
			},
		},
		{
			name:    "mcp",
			summary: "serve lookup, scopes, check and explain to coding agents over MCP (stdio)",
			doc: `Serves the Model Context Protocol on standard input and output, for a coding agent
that writes or changes the app: its tools are lookup (a method's, scope's, event's or
slack-go function's entry in the catalog), scopes (the minimum per program and token
type, as -format json prints it), check (the findings, as -json prints them, and the exit
status) and explain (a failed call's error). Each tool answers with structured JSON;
scopes and check run in the directory the agent names. The agent starts the server: add
the command to its MCP configuration (see the README).`,
			usage: "slackscope mcp",
			examples: []string{
				"slackscope mcp   # started by the agent, which speaks MCP on its stdin and stdout",
				"claude mcp add slackscope -- slackscope mcp",
				`{"mcpServers": {"slackscope": {"command": "slackscope", "args": ["mcp"]}}}   # .mcp.json`,
			},
			run: func(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
				return runMCP(args, stdin, stdout, stderr)
			},
		},
		{
			name:     "version",
			summary:  "print slackscope's version, the catalog's date and the slack-go release it pins",
			doc:      `Also slackscope -version.`,
			usage:    "slackscope version",
			examples: []string{"slackscope version"},
			run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
				return runVersion(args, stdout, stderr)
			},
		},
		{
			name:     "help",
			summary:  "print the usage, or a command's flags and examples",
			doc:      `Also slackscope -h, and -h after any command.`,
			usage:    "slackscope help [command]",
			examples: []string{"slackscope help scopes"},
			run:      runHelp,
		},
	}
}

func lookupCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// mistypedCommand reports whether word, the first argument, is a mistyped command rather
// than a package pattern, and the command it is closest to. A package pattern has a
// "/", a "." or an "@" in it (./..., example.com/app, std/...): never a command. A bare
// word is a pattern too (a standard library package such as fmt, all, std, or a main
// module without a dot), unless it is within typoDistance edits of a command's name (one
// edit for a name of three letters) and shorter than that many edits would make it.
func mistypedCommand(word string) (string, bool) {
	if word == "" || strings.ContainsAny(word, "/.@\\:=") || strings.HasPrefix(word, "-") {
		return "", false
	}
	best, bestD := "", typoDistance+1
	for _, c := range commands() {
		d := editdist.Levenshtein(strings.ToLower(word), c.name)
		if len(c.name) <= typoDistance+1 && d > 1 {
			continue // two edits make any short word a short command: fmt is not fix
		}
		if d < bestD && d < len(word) {
			best, bestD = c.name, d
		}
	}
	return best, best != ""
}

// typoDistance is how many edits away from a command name a bare first argument is taken
// for a typo of it (scope: scopes; lookp: lookup; explian: explain).
const typoDistance = 2

func isHelpFlag(a string) bool {
	return a == "-h" || a == "-help" || a == "--help" || a == "--h"
}

// wantsHelp reports whether a command's arguments ask for its help (-h, -help, --help
// before a "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if isHelpFlag(a) {
			return true
		}
	}
	return false
}

// runHelp is slackscope help [command].
func runHelp(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		writeUsage(stdout)
		return exitOK
	case 1:
		if c, ok := lookupCommand(args[0]); ok {
			writeCommandHelp(stdout, c)
			return exitOK
		}
		msg := fmt.Sprintf("slackscope: unknown help topic %q (expected a command: %s)", args[0], orList(commandNames()))
		if near, ok := mistypedCommand(args[0]); ok {
			msg = fmt.Sprintf("slackscope: unknown help topic %q (did you mean %s?)", args[0], near)
		}
		fmt.Fprintln(stderr, msg)
		return exitFailure
	}
	fmt.Fprintln(stderr, "usage: slackscope help [command]")
	return exitFailure
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// writeUsage writes slackscope's usage: what it is, the commands, the checker's flags,
// how the first argument is told from a package pattern, go vet, and the exit codes.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, `slackscope works out the Slack OAuth scopes a Go program built on
github.com/slack-go/slack needs, and checks the scopes the app requests.

usage:
  slackscope [flags] packages        check the packages (the same as slackscope check)
  slackscope <command> [arguments]
  go vet -vettool=$(which slackscope) [-slackscope.manifest file] packages

commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s  %s\n", c.name, c.summary)
	}
	check, _ := lookupCommand("check")
	_, flags := commandFlags(check)
	fmt.Fprintf(w, "\nflags of the checker (slackscope [flags] packages, slackscope check):\n%s", flags)
	fmt.Fprintf(w, `
The first argument is a command when it is one's name, or a bare word (no "/", "." or
"@") within %d edits of one, which is reported as a typo (slackscope scope ./...: did you
mean scopes?); anything else starts the packages (./..., example.com/app/cmd/bot, fmt).

exit status: 0 nothing found; 1 findings or an unknown name; 2 usage error or failure.
run 'slackscope help <command>' for a command's flags and examples.
`, typoDistance)
}

// writeCommandHelp writes a command's usage line, what it does, its flags and examples.
func writeCommandHelp(w io.Writer, c command) {
	usage, flags := commandFlags(c)
	fmt.Fprintf(w, "usage: %s\n\n%s\n\n%s\n", usage, c.summary, c.doc)
	if flags != "" {
		fmt.Fprintf(w, "\nflags:\n%s", flags)
	}
	fmt.Fprintln(w, "\nexamples:")
	for _, e := range c.examples {
		fmt.Fprintf(w, "  %s\n", e)
	}
}

// commandFlags is a command's usage line (without "usage: ") and its flags as its flag
// set prints them, from what the command itself prints for -h.
func commandFlags(c command) (usage, flags string) {
	if c.usage != "" {
		return c.usage, ""
	}
	var buf bytes.Buffer
	c.run([]string{"-h"}, strings.NewReader(""), &buf, &buf)
	first, rest, _ := strings.Cut(buf.String(), "\n")
	return strings.TrimPrefix(first, "usage: "), rest
}
