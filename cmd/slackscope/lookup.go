package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/slackscope/slackscope/catalog"
)

func runLookup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lookup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	validate := fs.Bool("validate", false, "treat the arguments as a scope request (bot scopes) and report its problems")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: slackscope lookup [-validate] name...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitFailure
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitFailure
	}
	if *validate {
		return validateRequest(strings.Join(fs.Args(), " "), stdout, stderr)
	}
	code, printed := exitOK, false
	for _, name := range fs.Args() {
		var buf bytes.Buffer
		note := ""
		if !lookupName(&buf, name) {
			r, ok := catalog.LookupRenamed(name)
			b, bound := catalog.LookupBinding(r.To)
			if !ok || !bound {
				fmt.Fprintln(stderr, missMessage(name))
				code = exitFindings
				continue
			}
			// Still a miss (the pinned release has no such function), which says what
			// it became and shows that instead.
			printBinding(&buf, b)
			note, code = renamedMessage(r), exitFindings
		}
		if printed {
			fmt.Fprintln(stdout)
		}
		if note != "" {
			fmt.Fprintln(stderr, note)
		}
		stdout.Write(buf.Bytes())
		printed = true
	}
	return code
}

// lookupName prints what the catalog knows of name: a Web API method, a scope, an event,
// or the slack-go functions it denotes; case does not matter. It reports whether it found
// any.
func lookupName(w io.Writer, name string) bool {
	if m, ok := catalog.LookupMethodFold(name); ok {
		printMethod(w, m)
	} else if s, ok := catalog.LookupScope(strings.ToLower(name)); ok {
		printScope(w, s)
	} else if e, ok := catalog.LookupEventFold(name); ok {
		printEvent(w, e)
	} else if bs := catalog.ResolveBinding(name); len(bs) > 0 {
		for i, b := range bs {
			if i > 0 {
				fmt.Fprintln(w)
			}
			printBinding(w, b)
		}
	} else {
		return false
	}
	return true
}

// renamedMessage says what the renamed function r became, in which release, and on
// whose word; lookup shows the new function's binding with it.
func renamedMessage(r catalog.Renamed) string {
	m, _ := bindingModule(r.To) // r.To has a binding, so a module
	return fmt.Sprintf("slackscope: %s was renamed %s in %s %s (source: %s); lookup shows the pinned %s's %s instead",
		displayName(r.From), displayName(r.To), m.Path, r.In, r.Source, m.Version, displayName(r.To))
}

// missMessage says that name is none of what lookup knows, and the nearest name that is.
// A slack-go function is suggested by spelling alone: the bindings say what each
// function of the pinned release calls, and a name of an older release is told what it
// became only when the client's release notes record its rename (catalog.LookupRenamed).
func missMessage(name string) string {
	var mods []string
	for _, m := range catalog.BindingModules() {
		mods = append(mods, m.Path+" "+m.Version)
	}
	msg := fmt.Sprintf("slackscope: %q is neither a Web API method, a scope, an event nor a function of %s that makes a request", name, strings.Join(mods, ", "))
	c := catalog.ClosestName(name)
	switch {
	case c == "":
	case displayName(c) != c:
		msg += fmt.Sprintf(" (did you mean %s? nearest by spelling; the bindings do not say what a removed function became)", displayName(c))
	default:
		msg += fmt.Sprintf(" (did you mean %s?)", c)
	}
	return msg
}

// displayName is how lookup writes a name it suggests or says was renamed: a slack-go
// function relative to its module ((*Client).PostMessage), anything else as it is.
func displayName(name string) string {
	if m, ok := bindingModule(name); ok {
		return shortName(name, m.Path)
	}
	return name
}

// bindingModule is the client module whose function the full Go name name is.
func bindingModule(name string) (catalog.BindingModule, bool) {
	for _, m := range catalog.BindingModules() {
		if strings.HasPrefix(strings.TrimPrefix(name, "(*"), m.Path) {
			return m, true
		}
	}
	return catalog.BindingModule{}, false
}

func printEvent(w io.Writer, e catalog.Event) {
	var apis []string
	if e.APIs&catalog.EventsAPI != 0 {
		apis = append(apis, "Events API")
	}
	if e.APIs&catalog.RTM != 0 {
		apis = append(apis, "RTM")
	}
	fmt.Fprintf(w, "%s (event: %s)\n", e.Name, strings.Join(apis, ", "))
	if e.Description != "" {
		fmt.Fprintf(w, "  %s\n", e.Description)
	}
	if e.Deprecated {
		fmt.Fprintln(w, "  deprecated")
	}
	if len(e.Scopes) == 0 {
		fmt.Fprintln(w, "  scopes: none needed")
	}
	var cs []string
	for _, c := range e.Scopes {
		cs = append(cs, c.String())
	}
	if len(cs) > 0 {
		fmt.Fprintf(w, "  scopes: %s\n", strings.Join(cs, ", and "))
	}
	if e.ChannelType != "" {
		fmt.Fprintf(w, "  delivers messages with channel_type %s\n", e.ChannelType)
	}
	if e.Note != "" {
		fmt.Fprintf(w, "  note: %s\n", e.Note)
	}
	fmt.Fprintf(w, "  source: %s\n", e.Source)
}

func printMethod(w io.Writer, m catalog.Method) {
	fmt.Fprintf(w, "%s (%s)\n", m.Name, m.Status)
	if m.Description != "" {
		fmt.Fprintf(w, "  %s\n", m.Description)
	}
	if m.Auth != catalog.Bearer {
		fmt.Fprintf(w, "  takes no bearer token (%s): no scopes\n", m.Auth)
	}
	for t := catalog.TokenType(0); t < catalog.NumTokenTypes; t++ {
		r := m.Requirement(t)
		switch r.Kind {
		case catalog.Accepted:
			if len(r.Clauses) == 0 {
				fmt.Fprintf(w, "  %-14s no scope needed\n", t)
				continue
			}
			var cs []string
			for _, c := range r.Clauses {
				cs = append(cs, c.String())
			}
			fmt.Fprintf(w, "  %-14s %s\n", t, strings.Join(cs, ", and "))
		case catalog.Unknown:
			fmt.Fprintf(w, "  %-14s unknown (no source says)\n", t)
		}
	}
	for _, c := range m.Conditional {
		fmt.Fprintf(w, "  also %s when %s\n", c.Scope, c.When)
	}
	for _, a := range m.Arguments {
		if a.One != "" || a.Many != "" {
			fmt.Fprintf(w, "  argument %s narrows it: one value: %s, more: %s\n", a.Name, a.One, a.Many)
			continue
		}
		var vs []string
		for _, v := range a.Values {
			vs = append(vs, v.Value+": "+v.Scope)
		}
		fmt.Fprintf(w, "  argument %s narrows it: %s (default %s)\n", a.Name, strings.Join(vs, ", "), strings.Join(a.Default, ","))
	}
	fmt.Fprintf(w, "  rate limit: %s\n", m.RateLimit)
	for _, a := range m.Advisories {
		fmt.Fprintf(w, "  advisory (%s): %s (%s)\n", a.Date, a.Note, a.Source)
	}
	if len(m.Deprecation.Replacements) > 0 {
		fmt.Fprintf(w, "  replaced by %s\n", strings.Join(m.Deprecation.Replacements, ", "))
	}
	printGoCallers(w, m.Name)
	fmt.Fprintf(w, "  source: %s\n", m.Source)
}

func printScope(w io.Writer, s catalog.Scope) {
	fmt.Fprintf(w, "%s (%s)\n", s.Name, s.Status)
	if s.Description != "" {
		fmt.Fprintf(w, "  %s\n", s.Description)
	}
	tokens := s.Tokens.String()
	if tokens == "" {
		tokens = "unknown"
	}
	fmt.Fprintf(w, "  tokens: %s\n", tokens)
	if s.Classic {
		fmt.Fprintln(w, "  classic apps only")
	}
	if len(s.Requires) > 0 {
		fmt.Fprintf(w, "  requires: %s\n", strings.Join(s.Requires, ", "))
	}
	if len(s.Deprecation.Replacements) > 0 {
		fmt.Fprintf(w, "  replaced by: %s\n", strings.Join(s.Deprecation.Replacements, ", "))
	}
	if len(s.Methods) > 0 {
		fmt.Fprintf(w, "  methods (%d): %s\n", len(s.Methods), strings.Join(s.Methods, " "))
	}
	fmt.Fprintf(w, "  source: %s\n", s.Source)
}

func validateRequest(text string, stdout, stderr io.Writer) int {
	scopes, err := catalog.ParseScopes(text)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure
	}
	ps := catalog.Validate(catalog.Request{Bot: scopes})
	for _, p := range ps {
		fmt.Fprintf(stdout, "%s [%s]\n", p.Message, p.Code)
	}
	if len(ps) > 0 {
		return exitFindings
	}
	fmt.Fprintln(stdout, "no problems")
	return exitOK
}
