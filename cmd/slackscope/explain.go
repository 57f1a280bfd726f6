package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/slackscope/slackscope/catalog"
)

// runExplain reads a Slack error response (the JSON body of missing_scope or
// not_allowed_token_type, or the x-oauth-scopes and x-accepted-oauth-scopes headers)
// from the arguments or standard input, and says what to request, in granular terms,
// with the manifest lines to add.
func runExplain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: slackscope explain [response | error code | method]...   (or the response on standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitFailure
	}
	args = fs.Args()
	text := strings.Join(args, " ")
	if len(args) == 0 || (len(args) == 1 && args[0] == "-") {
		b, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "slackscope: reading standard input: %v\n", err)
			return exitFailure
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		fs.Usage()
		return exitFailure
	}
	e, err := catalog.Explain(text)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure
	}
	for _, l := range e.Lines {
		fmt.Fprintln(stdout, l)
	}
	if len(e.Add) == 0 {
		return exitOK
	}
	list := "bot"
	if e.TokenKnown && e.Token == catalog.User {
		list = "user"
	}
	fmt.Fprintf(stdout, "\nin the app manifest (then reinstall the app):\n\noauth_config:\n  scopes:\n    %s:\n", list)
	for i, s := range e.Add {
		if e.AnyOf && i > 0 {
			fmt.Fprintf(stdout, "      # or - %s\n", s)
			continue
		}
		fmt.Fprintf(stdout, "      - %s\n", s)
	}
	return exitOK
}
