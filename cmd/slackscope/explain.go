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
	r := e.Response
	if e.UnknownCode {
		msg := fmt.Sprintf("slackscope: no method documents the error code %q", r.Error)
		if c := catalog.ClosestErrorCode(r.Error); c != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", c)
		}
		fmt.Fprintln(stderr, msg)
		return exitFindings
	}
	for _, l := range e.Lines {
		fmt.Fprintln(stdout, l)
	}
	switch {
	case (r.Error == "not_allowed_token_type" || r.Error == "missing_scope") && r.Method == "" && len(e.Add) == 0:
		fmt.Fprintf(stdout, "\nname the method to see the token types and scopes it takes: slackscope explain METHOD %s\n", r.Error)
	case len(e.Meanings) > 1 || len(e.Meanings) == 1 && len(e.Meanings[0].Methods) > 1:
		fmt.Fprintf(stdout, "\ndocumented by %s\n", wrap(strings.Join(e.DocumentedBy, ", "), 88, "  "))
		fmt.Fprintf(stdout, "\nname the method for its own wording: slackscope explain METHOD %s\n", r.Error)
	}
	if len(e.Add) == 0 {
		return exitOK
	}
	if e.List == "" {
		fmt.Fprintf(stdout, "\n%s is an app-level token's scope: add it to the app-level token in the app's settings (Basic Information), not to oauth_config\n", strings.Join(e.Add, ", "))
		return exitOK
	}
	fmt.Fprintf(stdout, "\nin the app manifest (then reinstall the app):\n\noauth_config:\n  scopes:\n    %s:\n", e.List)
	for i, s := range e.Add {
		if e.AnyOf && i > 0 {
			fmt.Fprintf(stdout, "      # or - %s\n", s)
			continue
		}
		fmt.Fprintf(stdout, "      - %s\n", s)
	}
	return exitOK
}

// wrap breaks text at spaces into lines of at most width bytes, each after the first
// starting with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(text) {
		if i > 0 {
			if line+1+len(w) > width {
				b.WriteString("\n" + indent)
				line = len(indent)
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
