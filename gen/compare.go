package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/slackscope/slackscope/gen/model"
)

// page is what compare reads of one method page of a dump in the shape of Slack's method
// JSON (docs.slack.dev/reference/methods/<method>.json, merged into one object by
// method name, as the reference data's docs_slack_dev_methods.json is).
type page struct {
	// Scope is {"bot": [...], "user": [...], ...}, or the string "none".
	Scope      json.RawMessage `json:"scope"`
	RateLimits *string         `json:"rate_limits"` // "t1" ... "t5", or a special limit in Slack's words
	Args       struct {
		Properties map[string]json.RawMessage `json:"properties"`
	} `json:"args"`
	Errors map[string]json.RawMessage `json:"errors"`
}

// pageTokens are the token types a method page's scope object lists scopes for: compare
// leaves the others (legacy_bot, app_level), which the pages do not state, alone.
var pageTokens = []string{"bot", "user", "configuration", "seamless_user"}

// inDocs are the statuses of the methods Slack's method pages still document.
var inDocs = map[string]bool{"": true, "current": true, "deprecated": true}

// runCompare is gen -compare FILE: every difference between the dump of method pages in
// FILE and the catalog c, one line each, sorted; exit 1 when there is one.
func runCompare(file string, c *model.Catalog, stdout, stderr io.Writer) int {
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitUsage
	}
	var pages map[string]page
	if err := json.Unmarshal(data, &pages); err != nil {
		fmt.Fprintf(stderr, "gen: %s: %v (expected an object of method pages by method name)\n", rel(file), err)
		return exitUsage
	}
	lines, err := compare(pages, c)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %s: %v\n", rel(file), err)
		return exitUsage
	}
	for _, l := range lines {
		fmt.Fprintln(stdout, l)
	}
	if len(lines) > 0 {
		return exitStale
	}
	return exitOK
}

// compare lists the differences between the pages and the catalog, sorted: methods only
// one side has, the scopes of each token type a page states (as sets: a page does not
// say which are alternatives), the rate limit, the arguments the catalog names (its list
// arguments and conditional scopes'), and the error codes.
func compare(pages map[string]page, c *model.Catalog) ([]string, error) {
	var out []string
	diff := func(method, format string, args ...any) {
		out = append(out, method+": "+fmt.Sprintf(format, args...))
	}
	methods := map[string]*model.Method{}
	for _, m := range c.Methods {
		methods[m.Name] = m
	}
	for name, p := range pages {
		m := methods[name]
		if m == nil {
			diff(name, "in the dump, not in the catalog")
			continue
		}
		if !inDocs[m.Status] {
			diff(name, "in the dump, but %s in the catalog", m.Status)
		}
		scopes, err := pageScopes(p.Scope)
		if err != nil {
			return nil, fmt.Errorf("%s: scope: %v", name, err)
		}
		for _, tt := range pageTokens {
			if got, want := catalogScopes(m, tt), scopes[tt]; !slices.Equal(got, want) {
				have := list(got)
				if slices.Contains(m.UnknownTokens, tt) {
					have = "unknown"
				}
				diff(name, "scopes %s: catalog %s, dump %s", tt, have, list(want))
			}
		}
		for tt := range scopes {
			if !slices.Contains(pageTokens, tt) {
				diff(name, "scopes %s: a token type the catalog does not compare", tt)
			}
		}
		if got, want := catalogRate(m), pageRate(p.RateLimits); got != want {
			diff(name, "rate limit: catalog %s, dump %s", got, want)
		}
		for _, a := range catalogArgs(m) {
			if _, ok := p.Args.Properties[a]; !ok {
				diff(name, "argument %s: in the catalog, not in the dump", a)
			}
		}
		for code := range p.Errors {
			if _, ok := m.Errors[code]; !ok {
				diff(name, "error %s: in the dump, not in the catalog", code)
			}
		}
		for code := range m.Errors {
			if _, ok := p.Errors[code]; !ok {
				diff(name, "error %s: in the catalog, not in the dump", code)
			}
		}
	}
	for _, m := range c.Methods {
		if _, ok := pages[m.Name]; !ok && inDocs[m.Status] {
			diff(m.Name, "in the catalog, not in the dump")
		}
	}
	sort.Strings(out)
	return out, nil
}

// pageScopes are a page's scopes by token type, each sorted; "none" is none.
func pageScopes(raw json.RawMessage) (map[string][]string, error) {
	out := map[string][]string{}
	if len(raw) == 0 || string(raw) == "null" {
		return out, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s != "none" {
			return nil, fmt.Errorf("unexpected %q (expected an object or \"none\")", s)
		}
		return out, nil
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	for tt, l := range out {
		out[tt] = sortedSet(l)
	}
	return out, nil
}

// catalogScopes is every scope the method's clauses name for the token type, sorted.
func catalogScopes(m *model.Method, tt string) []string {
	var out []string
	for _, clause := range m.Tokens[tt] {
		out = append(out, model.Alternatives(clause)...)
	}
	return sortedSet(out)
}

func catalogRate(m *model.Method) string {
	switch {
	case m.RateLimit == nil:
		return "none"
	case m.RateLimit.Tier == "special":
		return fmt.Sprintf("%q", m.RateLimit.Limit)
	}
	return m.RateLimit.Tier
}

func pageRate(r *string) string {
	switch {
	case r == nil || *r == "":
		return "none"
	case len(*r) == 2 && (*r)[0] == 't':
		return *r
	}
	return fmt.Sprintf("%q", *r)
}

// catalogArgs are the Web API arguments the catalog names for the method, sorted.
func catalogArgs(m *model.Method) []string {
	var out []string
	for _, a := range m.Arguments {
		out = append(out, a.Name)
	}
	for _, cd := range m.Conditional {
		out = append(out, cd.Args...)
	}
	return sortedSet(out)
}

func sortedSet(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	out := slices.Clone(l)
	sort.Strings(out)
	return slices.Compact(out)
}

// list prints a set of scopes: "none" for the empty one.
func list(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, " ")
}
