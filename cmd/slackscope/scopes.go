package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/driver"
)

// programScopes is the minimum scope set of one program (a main package).
type programScopes struct {
	Package    string        `json:"package"`
	Tokens     []tokenScopes `json:"tokens"`
	Unresolved []unresolved  `json:"unresolved,omitempty"`
	// Partial is set when packages of the run did not load: what they call is missing.
	Partial bool `json:"partial,omitempty"`
	// Entries are, for a library (no command among the roots), what a call of each of its
	// exported functions and methods needs.
	Entries []entryScopes `json:"entries,omitempty"`
	// Subscriptions are the Events API events the code handles that need a scope: the
	// bot_events a manifest would subscribe to for it.
	Subscriptions []string `json:"subscriptions,omitempty"`
	// Advisories are Slack's dated notices for the methods the program calls.
	Advisories []advisory `json:"advisories,omitempty"`
}

// An advisory is a dated notice of the catalog for a method the program calls, and one
// call of it.
type advisory struct {
	Method   string `json:"method"`
	Date     string `json:"date"`
	Note     string `json:"note"`
	Source   string `json:"source"`
	Position string `json:"position"`
}

// advisories are the catalog's advisories of the methods among uses, by method and date.
func advisories(wd string, uses []analyzer.FactUse) []advisory {
	var out []advisory
	seen := map[string]bool{}
	for _, u := range uses {
		if u.Kind != analyzer.MethodUse || seen[u.Method] {
			continue
		}
		seen[u.Method] = true
		m, ok := catalog.LookupMethod(u.Method)
		if !ok {
			continue
		}
		for _, a := range m.Advisories {
			out = append(out, advisory{Method: m.Name, Date: a.Date, Note: a.Note, Source: a.Source, Position: relPosition(wd, u.Position)})
		}
	}
	slices.SortFunc(out, func(a, b advisory) int {
		return cmp.Or(strings.Compare(a.Method, b.Method), strings.Compare(a.Date, b.Date))
	})
	return out
}

type entryScopes struct {
	Func       string        `json:"func"`
	Position   string        `json:"position"`
	Tokens     []tokenScopes `json:"tokens"`
	Unresolved int           `json:"unresolved,omitempty"` // unresolved calls it reaches
}

type tokenScopes struct {
	Token       string      `json:"token"`
	Scopes      []scopeNeed `json:"scopes"`
	Choices     []choice    `json:"choices,omitempty"`
	Unsupported []string    `json:"unsupported,omitempty"`
}

// A scopeNeed is one scope and what needs it: the calls and features (methods), and the
// events the code handles (events), which need it only when the app subscribes to them.
type scopeNeed struct {
	Scope    string   `json:"scope"`
	Methods  []string `json:"methods"`
	Events   []string `json:"events,omitempty"`
	Position string   `json:"position"` // one call (or handler) that needs it
}

// onlyEvents reports whether only handled events need the scope.
func (s scopeNeed) onlyEvents() bool { return len(s.Methods) == 0 }

type choice struct {
	AnyOf    []string `json:"any_of"`
	Methods  []string `json:"methods"`
	Events   []string `json:"events,omitempty"`
	Position string   `json:"position"`
}

type unresolved struct {
	Position string `json:"position"`
	Callee   string `json:"callee"`
	Why      string `json:"why"`
}

// runScopes prints the minimum scope set of the programs among the packages.
func runScopes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scopes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	token := fs.String("token", "bot", "the token type the program calls with: bot or user")
	format := fs.String("format", "text", "output: text, json, manifest (the program's manifest with the scopes and subscriptions it lacks added; the oauth_config.scopes block when it has none), go (a grant.Need for the run-time check of package grant) or markdown (a justification report for a review: each scope, what needs it, where, the policy's justification)")
	manifestPath := fs.String("manifest", "", "with -format manifest: the app manifest to merge into; default: the one check finds for each program")
	outPath := fs.String("o", "", "write the output to this file instead of stdout (with -format go: the file go generate writes)")
	varName := fs.String("var", "slackScopes", "with -format go: the name of the variable declared")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: slackscope scopes [-token bot|user] [-format text|json|manifest|go|markdown] [-manifest file] [-o file] [-var name] packages")
		fs.PrintDefaults()
	}
	if !parsePackageArgs(fs, args, func() string { return *format }, stderr, "text", "json", "manifest", "go", "markdown") {
		return exitFailure
	}
	if *manifestPath != "" && *format != "manifest" {
		fmt.Fprintln(stderr, "slackscope: scopes: -manifest is read with -format manifest only")
		return exitFailure
	}
	if *outPath == "" {
		return scopesTo(stdout, stderr, fs.Args(), *token, *format, *manifestPath, *varName)
	}
	var out bytes.Buffer
	code := scopesTo(&out, stderr, fs.Args(), *token, *format, *manifestPath, *varName)
	if code == exitFailure {
		return code
	}
	if err := os.WriteFile(*outPath, out.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure
	}
	return code
}

// scopesTo is runScopes once its flags are read: the output goes to stdout.
func scopesTo(stdout, stderr io.Writer, patterns []string, token, format, manifestPath, varName string) int {
	// The scopes a program needs do not depend on what it requests: no manifest is read.
	cfg := analyzer.Config{Token: token, NoManifest: true}
	run, err := analyze("", patterns, &cfg, driver.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure
	}
	var notLoaded []string
	for _, b := range run.broken {
		notLoaded = append(notLoaded, b.Package+": "+b.Err)
	}
	if len(run.results) == 0 {
		// Nothing loaded: no answer at all, not an empty one.
		writeNotLoaded(stderr, notLoaded, false)
		if len(notLoaded) == 0 {
			fmt.Fprintln(stderr, "slackscope: no packages to analyse")
		}
		return exitFailure
	}
	progs := programs(run)
	for i := range progs {
		progs[i].Partial = len(notLoaded) > 0
	}
	code := exitOK
	switch format {
	case "markdown":
		if err := writeScopesMarkdown(stdout, run, progs); err != nil {
			fmt.Fprintf(stderr, "slackscope: scopes: %v\n", err)
			return exitFailure
		}
	case "go":
		if err := goOutput(stdout, progs, programRoots(run)[0].pkg.Name, varName); err != nil {
			fmt.Fprintf(stderr, "slackscope: scopes: %v\n", err)
			return exitFailure
		}
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(progs); err != nil {
			fmt.Fprintf(stderr, "slackscope: writing the scopes: %v\n", err)
			return exitFailure
		}
	case "manifest":
		code = writeManifests(run, progs, manifestPath, stdout, stderr)
		if code == exitFailure {
			return code
		}
	default:
		for i, p := range progs {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			writeScopesText(stdout, p, len(progs) > 1)
		}
	}
	if len(notLoaded) > 0 {
		// What did not load may hold calls: the sets above may lack their scopes.
		writeNotLoaded(stderr, notLoaded, true)
		return exitIncomplete
	}
	return code
}

// writeManifests prints, for each program, its manifest with what it lacks added
// (mergeManifest), or the block of a new one when it has none; the exit status is
// exitIncomplete when something could not be added, exitFailure when a manifest could
// not be read or written (said on stderr).
func writeManifests(run *analysisRun, progs []programScopes, named string, stdout, stderr io.Writer) int {
	wd, _ := os.Getwd()
	roots := programRoots(run)
	code := exitOK
	for i, p := range progs {
		if i > 0 || len(progs) > 1 {
			fmt.Fprintf(stdout, "# %s\n", p.Package)
		}
		path, err := programManifest(named, packageDir(roots[i]))
		if err != nil {
			fmt.Fprintf(stderr, "slackscope: -manifest: %v\n", err)
			return exitFailure
		}
		if path == "" {
			writeManifestBlock(stdout, p)
			continue
		}
		m, err := mergeManifest(path, p)
		if err != nil {
			fmt.Fprintf(stderr, "slackscope: %v\n", err)
			return exitFailure
		}
		if err := writeMerged(stdout, stderr, wd, m); err != nil {
			fmt.Fprintf(stderr, "slackscope: writing the manifest: %v\n", err)
			return exitFailure
		}
		if m.incomplete {
			code = exitIncomplete
		}
	}
	return code
}

// programs are the minimum sets of the main packages among the roots, or of every root
// when none is a command.
func programs(run *analysisRun) []programScopes {
	wd, _ := os.Getwd()
	out := []programScopes{}
	for _, r := range programRoots(run) {
		p := programScopes{Package: r.pkg.PkgPath}
		p.Tokens = tokenSets(wd, r.res.Minimum, r.res.Program)
		p.Subscriptions = subscriptions(r.res.Program)
		p.Advisories = advisories(wd, r.res.Program)
		// The unresolved calls the program reaches, in its own packages and its imports.
		for _, u := range r.res.ProgramUnresolved {
			p.Unresolved = append(p.Unresolved, unresolved{Position: relPosition(wd, u.Position), Callee: u.Callee, Why: u.Why})
		}
		if r.pkg.Name != "main" {
			for _, e := range r.res.Entries {
				p.Entries = append(p.Entries, entryScopes{Func: e.Func, Position: relPosition(wd, e.Position),
					Tokens: tokenSets(wd, e.Minimum, r.res.Program), Unresolved: len(e.Unresolved)})
			}
		}
		out = append(out, p)
	}
	return out
}

// tokenSets are the minimum sets per token type, in a fixed order, with a position of
// one use that needs each scope (from uses).
func tokenSets(wd string, min map[catalog.TokenType]catalog.MinimumSet, uses []analyzer.FactUse) []tokenScopes {
	where := map[string]string{}
	events := map[string]bool{}
	for _, u := range uses {
		where[u.Method] = relPosition(wd, u.Position)
		if u.Kind == analyzer.EventUse {
			events[u.Method] = true
		}
	}
	split := func(needs []string) (methods, evs []string) {
		methods = []string{}
		for _, n := range needs {
			if events[n] {
				evs = append(evs, n)
			} else {
				methods = append(methods, n)
			}
		}
		return methods, evs
	}
	var out []tokenScopes
	for _, t := range []catalog.TokenType{catalog.Bot, catalog.User, catalog.AppLevel, catalog.LegacyBot} {
		set, ok := min[t]
		if !ok {
			continue
		}
		ts := tokenScopes{Token: t.String(), Scopes: []scopeNeed{}}
		for _, s := range set.Scopes {
			methods, evs := split(s.Needs)
			ts.Scopes = append(ts.Scopes, scopeNeed{Scope: s.Scope, Methods: methods, Events: evs, Position: firstWhere(where, append(methods, evs...))})
		}
		for _, c := range set.Choices {
			methods, evs := split(c.Needs)
			ts.Choices = append(ts.Choices, choice{AnyOf: c.AnyOf, Methods: methods, Events: evs, Position: firstWhere(where, append(methods, evs...))})
		}
		// What calls need first; what only the handled events need after it.
		slices.SortStableFunc(ts.Scopes, func(a, b scopeNeed) int { return boolOrder(a.onlyEvents(), b.onlyEvents()) })
		slices.SortStableFunc(ts.Choices, func(a, b choice) int { return boolOrder(len(a.Methods) == 0, len(b.Methods) == 0) })
		for _, u := range set.Unsupported {
			why := "the catalog does not say what a " + t.String() + " token needs"
			if m, ok := catalog.LookupMethod(u.Name); ok && (m.Status == catalog.Retired || m.Status == catalog.Removed) {
				why = "Slack has " + m.Status.String() + " it"
			} else if u.Kind == catalog.NotAccepted {
				why = "a " + t.String() + " token cannot call it"
			}
			ts.Unsupported = append(ts.Unsupported, u.Name+": "+why)
		}
		out = append(out, ts)
	}
	return out
}

// boolOrder orders false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// subscriptions are the Events API events among uses that need a scope and are not only
// RTM's: what the app's manifest subscribes to so that its handlers run.
func subscriptions(uses []analyzer.FactUse) []string {
	var out []string
	for _, u := range uses {
		if u.Kind != analyzer.EventUse || u.RTM {
			continue
		}
		if e, ok := catalog.LookupEvent(u.Method); ok && e.APIs&catalog.EventsAPI != 0 && len(e.Scopes) > 0 {
			out = append(out, u.Method)
		}
	}
	return out
}

func firstWhere(where map[string]string, methods []string) string {
	for _, m := range methods {
		if p := where[m]; p != "" {
			return p
		}
	}
	return ""
}

// relPosition shortens "file:line:col" to be relative to wd.
func relPosition(wd, posn string) string {
	file, line, col := splitPosn(posn)
	if line == "" {
		return relTo(wd, file)
	}
	if col == "" {
		return relTo(wd, file) + ":" + line
	}
	return relTo(wd, file) + ":" + line + ":" + col
}

// splitPosn splits "file:line:col" (or "file:line", or "file") into its parts.
func splitPosn(posn string) (file, line, col string) {
	file = posn
	var parts []string
	for range 2 {
		if i := strings.LastIndex(file, ":"); i >= 0 {
			parts = append([]string{file[i+1:]}, parts...)
			file = file[:i]
		}
	}
	switch len(parts) {
	case 2:
		line, col = parts[0], parts[1]
	case 1:
		line = parts[0]
	}
	return file, line, col
}

func writeScopesText(w io.Writer, p programScopes, header bool) {
	if header {
		fmt.Fprintf(w, "%s\n", p.Package)
	}
	if len(p.Tokens) == 0 {
		fmt.Fprintln(w, "no Slack Web API calls found")
	}
	for _, t := range p.Tokens {
		writeTokenText(w, t)
	}
	if len(p.Advisories) > 0 {
		fmt.Fprintln(w, "advisories (Slack's notices for the methods the program calls):")
		for _, a := range p.Advisories {
			fmt.Fprintf(w, "  %s (%s): %s  %s\n    source: %s\n", a.Method, a.Date, a.Note, a.Position, a.Source)
		}
	}
	if len(p.Unresolved) > 0 {
		fmt.Fprintln(w, "unresolved calls (what they need is not known from the code):")
		for _, u := range p.Unresolved {
			fmt.Fprintf(w, "  %s: %s: %s\n", u.Position, u.Callee, u.Why)
		}
	}
	writeEntriesText(w, p.Entries)
}

// writeTokenText writes one token's scopes: those the calls need, then apart those only
// the handled events need (each part aligned on its own).
func writeTokenText(w io.Writer, t tokenScopes) {
	fmt.Fprintf(w, "%s token: %d scope%s\n", t.Token, len(t.Scopes), plural(len(t.Scopes)))
	width, eventWidth := 0, 0
	for _, s := range t.Scopes {
		if s.onlyEvents() {
			eventWidth = max(eventWidth, len(s.Scope))
		} else {
			width = max(width, len(s.Scope))
		}
	}
	header := false // the event-only part has begun
	eventIndent := func() string {
		if !header {
			header = true
			fmt.Fprintln(w, "  needed if the app subscribes to the events its code handles:")
		}
		return "    "
	}
	for _, s := range t.Scopes {
		if !s.onlyEvents() {
			fmt.Fprintf(w, "  %-*s  %s  %s\n", width, s.Scope, strings.Join(s.Methods, ", "), s.Position)
		}
	}
	for _, c := range t.Choices {
		if len(c.Methods) > 0 {
			fmt.Fprintf(w, "  %s: one of %s  %s\n", strings.Join(c.Methods, ", "), strings.Join(c.AnyOf, ", "), c.Position)
		}
	}
	for _, s := range t.Scopes {
		if s.onlyEvents() {
			fmt.Fprintf(w, "%s%-*s  %s  %s\n", eventIndent(), eventWidth, s.Scope, strings.Join(s.Events, ", "), s.Position)
		}
	}
	for _, c := range t.Choices {
		if len(c.Methods) == 0 {
			fmt.Fprintf(w, "%s%s: one of %s  %s\n", eventIndent(), strings.Join(c.Events, ", "), strings.Join(c.AnyOf, ", "), c.Position)
		}
	}
	for _, u := range t.Unsupported {
		fmt.Fprintf(w, "  %s\n", u)
	}
}

// writeEntriesText writes, for a library, what a program that calls each exported
// function needs.
func writeEntriesText(w io.Writer, entries []entryScopes) {
	if len(entries) == 0 {
		return
	}
	fmt.Fprintln(w, "exported functions (what a program that calls each needs):")
	width := 0
	for _, e := range entries {
		width = max(width, len(e.Func))
	}
	for _, e := range entries {
		var needs []string
		for _, t := range e.Tokens {
			names := scopeNames(t.Scopes)
			for _, c := range t.Choices {
				names = append(names, "one of "+strings.Join(c.AnyOf, "|"))
			}
			names = append(names, t.Unsupported...)
			if len(names) > 0 {
				needs = append(needs, t.Token+": "+strings.Join(names, ", "))
			}
		}
		if len(needs) == 0 {
			needs = []string{"no scope"}
		}
		if e.Unresolved > 0 {
			needs = append(needs, fmt.Sprintf("%d unresolved", e.Unresolved))
		}
		fmt.Fprintf(w, "  %-*s  %s  %s\n", width, e.Func, strings.Join(needs, "; "), e.Position)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// writeManifestBlock prints the oauth_config.scopes block of an app manifest, ready to
// paste: the forced scopes, and for each open choice a comment and the catalog's
// suggestion, to be confirmed by whoever knows which conversations the app touches.
func writeManifestBlock(w io.Writer, p programScopes) {
	fmt.Fprintln(w, "oauth_config:")
	fmt.Fprintln(w, "  scopes:")
	if p.Partial {
		fmt.Fprintln(w, "    # partial: packages of the run did not load, and their calls are not counted")
	}
	for _, t := range p.Tokens {
		list := map[string]string{"bot": "bot", "user": "user"}[t.Token]
		if list == "" {
			fmt.Fprintf(w, "    # %s token: %s (not part of oauth_config)\n", t.Token, strings.Join(scopeNames(t.Scopes), ", "))
			continue
		}
		fmt.Fprintf(w, "    %s:\n", list)
		for _, s := range t.Scopes {
			if s.onlyEvents() {
				fmt.Fprintf(w, "      - %s # for the %s subscription\n", s.Scope, strings.Join(s.Events, ", "))
			} else {
				fmt.Fprintf(w, "      - %s\n", s.Scope)
			}
		}
		for _, c := range t.Choices {
			fmt.Fprintf(w, "      # %s needs one of %s: add the one for the conversations it reads\n", strings.Join(append(slices.Clone(c.Methods), c.Events...), ", "), strings.Join(c.AnyOf, ", "))
		}
	}
	if len(p.Subscriptions) == 0 {
		return
	}
	// The subscriptions the handlers need, beside the scopes they need.
	fmt.Fprintln(w, "settings:")
	fmt.Fprintln(w, "  event_subscriptions:")
	fmt.Fprintln(w, "    bot_events:")
	for _, e := range p.Subscriptions {
		if e == "message" {
			fmt.Fprintln(w, "      # message: subscribe to message.channels, message.groups, message.im or message.mpim, for the conversations it reads")
			continue
		}
		fmt.Fprintf(w, "      - %s\n", e)
	}
}

func scopeNames(ss []scopeNeed) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Scope)
	}
	return out
}
