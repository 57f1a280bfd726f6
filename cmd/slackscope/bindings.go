package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/slackscope/slackscope/catalog"
)

// shortName writes a Go function's full name relative to its client module:
// "(*github.com/slack-go/slack.Client).PostMessage" is "(*Client).PostMessage",
// "(*github.com/slack-go/slack/socketmode.Client).Run" is "(*socketmode.Client).Run".
func shortName(full, module string) string {
	return strings.NewReplacer(module+".", "", module+"/", "").Replace(full)
}

// printGoCallers lists the Go functions of each client module that call the method, and
// the options that make a message function call it.
func printGoCallers(w io.Writer, method string) {
	bs := catalog.BindingsFor(method)
	if len(bs) == 0 {
		return
	}
	for _, m := range catalog.BindingModules() {
		var names []string
		for _, b := range bs {
			if !strings.HasPrefix(strings.TrimPrefix(b.Func, "(*"), m.Path) {
				continue
			}
			name := shortName(b.Func, m.Path)
			if b.Option != nil {
				name += " (option)"
			}
			names = append(names, name)
		}
		if len(names) > 0 {
			fmt.Fprintf(w, "  %s %s: %s\n", m.Path, m.Version, strings.Join(names, ", "))
		}
	}
}

func printBinding(w io.Writer, b catalog.Binding) {
	fmt.Fprintf(w, "%s", b.Func)
	for _, m := range catalog.BindingModules() {
		if strings.HasPrefix(strings.TrimPrefix(strings.TrimPrefix(b.Func, "("), "*"), m.Path) {
			fmt.Fprintf(w, " (%s %s)", m.Path, m.Version)
		}
	}
	fmt.Fprintln(w)
	if len(b.Methods) > 0 {
		fmt.Fprintf(w, "  calls    %s\n", strings.Join(b.Methods, ", "))
	}
	for _, t := range b.Targets {
		fmt.Fprintf(w, "  sends to %s\n", target(t))
	}
	for _, o := range b.Open {
		fmt.Fprintf(w, "  unresolved: %s\n", o)
	}
	if b.Options != "" {
		fmt.Fprintln(w, "  options can change the endpoint (MsgOptionUpdate, MsgOptionResponseURL, ...)")
	}
	for _, a := range b.Args {
		fmt.Fprintf(w, "  argument %s from %s\n", a.Name, a.From)
	}
	if o := b.Option; o != nil {
		if len(o.Methods) > 0 {
			fmt.Fprintf(w, "  option: the request calls %s instead\n", strings.Join(o.Methods, ", "))
		}
		for _, t := range o.Targets {
			fmt.Fprintf(w, "  option: the request goes to %s instead\n", target(t))
		}
		if len(o.Args) > 0 {
			fmt.Fprintf(w, "  option: sets %s\n", strings.Join(o.Args, ", "))
		}
	}
}

func target(t catalog.BindingTarget) string {
	switch t.Kind {
	case "incoming_webhook":
		return "an incoming webhook (the URL in " + t.Detail + featureScopes("incoming_webhook") + ")"
	case "response_url":
		return "a response URL (" + t.Detail + "; no scope)"
	case "response_field":
		return "a URL from the response (" + t.Detail + ")"
	case "caller_url":
		return "a URL the caller passes (" + t.Detail + ")"
	}
	return t.Detail
}

// featureScopes says what an app feature needs, per token type: "; needs incoming-webhook
// (bot)".
func featureScopes(name string) string {
	f, ok := catalog.LookupFeature(name)
	if !ok {
		return ""
	}
	var parts []string
	for tt, r := range f.Tokens {
		if r.Kind != catalog.Accepted {
			continue
		}
		var cs []string
		for _, c := range r.Clauses {
			cs = append(cs, c.String())
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", strings.Join(cs, " and "), catalog.TokenType(tt)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; needs " + strings.Join(parts, ", ")
}
