// Command slackscope tells which Slack OAuth scopes a Go app built on
// github.com/slack-go/slack needs, and checks the ones it requests.
//
//	slackscope ./...                          # check the packages: file:line:col: message [category]
//	slackscope check -manifest m.yml ./...    # the same, against that manifest
//	slackscope scopes [-format text|json|manifest|go|markdown] ./...   # the minimum scope set
//	slackscope fix ./...                      # rewrite the manifest as the check's fixes say
//	slackscope diff -base origin/main ./...   # what a change adds to the scopes
//	slackscope drift -live live.json -grant grant.txt ./...   # the installed app against the code
//	slackscope mcp                            # lookup, scopes, check, explain for coding agents
//	go vet -vettool=$(which slackscope) ./... # as a vet tool
//	slackscope lookup chat.postMessage        # the scopes a method needs, per token type
//	slackscope lookup chat:write              # a scope: token types, status, the methods it grants
//	slackscope lookup '(*slack.Client).PostMessage' app_mention   # a slack-go function, an event
//	slackscope lookup -validate "bot,client,chat:write:bot"
//	slackscope explain '{"ok":false,"error":"missing_scope","needed":"chat:write",...}'
//	slackscope explain channel_not_found      # what an error code means, and who returns it
//	slackscope version                        # slackscope, the catalog's date, the pinned slack-go
//	slackscope help [command]                 # usage, flags and examples (also -h)
//
// Exit codes: 0 success and nothing found; 1 findings (diagnostics, an unknown name, a
// request with problems); 2 usage or tool failure (a manifest flag that names no file, an
// unknown command); 3 nothing found, but not everything could be checked (no manifest,
// packages that did not load). Under go vet, vet's own conventions apply.
package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/internal/driver"
)

const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2
)

func main() {
	if driver.BenchVersion("slackscope", os.Args[1:]) {
		return
	}
	if vetVersion(os.Args[1:], os.Stdout) {
		return
	}
	if driver.InvokedByVet(os.Args[1:]) {
		// go vet prints the message alone: the category goes into it.
		unitchecker.Main(analyzer.New(&analyzer.Config{Token: "bot", CategoryInMessage: true})) // does not return
	}
	stop := driver.Profile()
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a command line (without the program name) to a subcommand, the help or
// the standalone checker, and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeUsage(stderr)
		return exitFailure
	}
	first := args[0]
	switch {
	case isHelpFlag(first):
		writeUsage(stdout)
		return exitOK
	case first == "-version" || first == "--version":
		return runVersion(args[1:], stdout, stderr)
	}
	if c, ok := lookupCommand(first); ok {
		if wantsHelp(args[1:]) {
			writeCommandHelp(stdout, c)
			return exitOK
		}
		return c.run(args[1:], stdin, stdout, stderr)
	}
	if near, ok := mistypedCommand(first); ok {
		fmt.Fprintf(stderr, "slackscope: unknown command %q (did you mean %s?)\nrun 'slackscope help' for usage.\n", first, near)
		return exitFailure
	}
	if wantsHelp(args) {
		writeUsage(stdout)
		return exitOK
	}
	return runCheck("slackscope", args, stdout, stderr)
}
