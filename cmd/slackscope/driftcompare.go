package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/manifest"
)

// A driftComparison holds what drift compares: the code's needs, always; the
// repository's manifest when one is found or named; the live app's manifest (-live) and
// the installed grant (-grant) when their files are given.
type driftComparison struct {
	wd         string
	app        *driftApp
	repo, live *manifest.Manifest
	grant      map[string]bool
	grantToken string
	// The files, as the findings name them.
	repoFile, liveFile, grantFile string
}

// compared names the inputs of the comparisons that ran, for stderr.
func (c *driftComparison) compared() []string {
	var out []string
	if c.grant != nil {
		out = append(out, "code")
	}
	if c.repo != nil {
		out = append(out, c.repoFile)
	}
	if c.live != nil {
		out = append(out, c.liveFile)
	}
	if c.grant != nil {
		out = append(out, c.grantFile)
	}
	return out
}

// compare runs the comparisons whose inputs are given: the repository's manifest with
// the live app, then the code with the grant.
func (c *driftComparison) compare() []driftFinding {
	var out []driftFinding
	if c.live != nil {
		for _, l := range c.lists() {
			out = append(out, c.listDrift(l)...)
		}
	}
	if c.grant != nil {
		out = append(out, c.grantDrift()...)
	}
	return out
}

// A driftList is one list of a manifest that the repository and the live app must
// agree on: a token's scopes or subscriptions.
type driftList struct {
	key        string // oauth_config.scopes.bot
	token      string
	events     bool
	repo, live []manifest.Ref
}

func (c *driftComparison) lists() []driftList {
	return []driftList{
		{"oauth_config.scopes.bot", "bot", false, c.repo.Bot, c.live.Bot},
		{"oauth_config.scopes.user", "user", false, c.repo.User, c.live.User},
		{"settings.event_subscriptions.bot_events", "bot", true, c.repo.BotEvents, c.live.BotEvents},
		{"settings.event_subscriptions.user_events", "user", true, c.repo.UserEvents, c.live.UserEvents},
	}
}

// listDrift is what one of the lists holds on one side only: the live app's extra items
// first (applying the repository's manifest would drop them), then the manifest's (it
// was not applied).
func (c *driftComparison) listDrift(l driftList) []driftFinding {
	var out []driftFinding
	verb, kind, undo := "requests", liveOnlyScope, "strip it"
	if l.events {
		verb, kind, undo = "subscribes to", subscriptionDrift, "unsubscribe it"
	}
	for _, r := range missingFrom(l.live, l.repo) {
		out = append(out, l.finding(kind, r.Name, c.liveFile, fmt.Sprintf(
			"the live app %s %s (%s) and %s does not: applying %s would %s; add it to %s if the app still needs it",
			verb, r.Name, l.key, c.repoFile, c.repoFile, undo, c.repoFile)))
	}
	if !l.events {
		kind = repoOnlyScope
	}
	then := ", then reinstall the app"
	if l.events {
		then = ""
	}
	for _, r := range missingFrom(l.repo, l.live) {
		out = append(out, l.finding(kind, r.Name, refPosition(c.repoFile, r), fmt.Sprintf(
			"%s %s %s (%s) and the live app does not: the manifest was not applied; apply it to the app (apps.manifest.update, or the app's settings)%s",
			c.repoFile, verb, r.Name, l.key, then)))
	}
	return out
}

// finding is a finding of the list about its item name.
func (l driftList) finding(kind, name, position, detail string) driftFinding {
	f := driftFinding{Kind: kind, Token: l.token, Detail: detail, Position: position}
	if l.events {
		f.Event = name
	} else {
		f.Scope = name
	}
	return f
}

// missingFrom are the refs of have whose names other lacks, by name.
func missingFrom(have, other []manifest.Ref) []manifest.Ref {
	names := manifest.Names(other)
	var out []manifest.Ref
	for _, r := range have {
		if !slices.Contains(names, r.Name) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b manifest.Ref) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func refPosition(file string, r manifest.Ref) string {
	return fmt.Sprintf("%s:%d:%d", file, r.Line, r.Col)
}

// grantDrift is what the code needs on the grant's token that the grant lacks: each
// scope, and each choice none of whose scopes it has. What only handled events need
// counts when a manifest subscribes to one of them (otherwise they never arrive).
func (c *driftComparison) grantDrift() []driftFinding {
	var out []driftFinding
	for _, t := range c.app.scopes.Tokens {
		if t.Token != c.grantToken {
			continue
		}
		for _, s := range t.Scopes {
			if c.grant[s.Scope] || s.onlyEvents() && !c.subscribed(s.Events) {
				continue
			}
			out = append(out, c.reinstall([]string{s.Scope}, s.Methods, s.Events, s.Position))
		}
		for _, ch := range t.Choices {
			if slices.ContainsFunc(ch.AnyOf, func(s string) bool { return c.grant[s] }) || len(ch.Methods) == 0 && !c.subscribed(ch.Events) {
				continue
			}
			out = append(out, c.reinstall(ch.AnyOf, ch.Methods, ch.Events, ch.Position))
		}
	}
	return out
}

// subscribed reports whether the repository's manifest or the live app subscribes to a
// subscription that delivers one of events.
func (c *driftComparison) subscribed(events []string) bool {
	for _, m := range []*manifest.Manifest{c.repo, c.live} {
		if m == nil {
			continue
		}
		for _, sub := range append(slices.Clone(m.BotEvents), m.UserEvents...) {
			if slices.ContainsFunc(events, func(e string) bool { return catalog.Delivers(sub.Name, e) }) {
				return true
			}
		}
	}
	return false
}

// reinstall is the finding of a need the grant lacks: one scope, or a choice of several
// (anyOf); methods and events need it, at the call site where. It is placed at the
// repository manifest's request of the scope when it has one, at the grant file
// otherwise.
func (c *driftComparison) reinstall(anyOf, methods, events []string, where string) driftFinding {
	f := driftFinding{Kind: reinstallNeeded, Token: c.grantToken, Position: c.grantFile}
	lacks, add, none := "lacks "+anyOf[0]+", which", "it", "does not request it"
	if len(anyOf) == 1 {
		f.Scope = anyOf[0]
	} else {
		f.AnyOf = anyOf
		lacks, add, none = "has none of "+strings.Join(anyOf, ", ")+", one of which", "the one for the conversations it reads", "requests none of them"
	}
	f.Detail = fmt.Sprintf("reinstall the app: the installed grant %s %s at %s", lacks, needers(methods, events), where)
	if r, ok := c.requested(anyOf); ok {
		f.Position = refPosition(c.repoFile, r)
	} else if c.repo != nil {
		f.Detail += fmt.Sprintf("; %s %s either: add %s to oauth_config.scopes.%s and apply it to the app first", c.repoFile, none, add, c.grantToken)
	}
	return f
}

// requested is the repository manifest's request of the first of scopes it requests on
// the grant's token.
func (c *driftComparison) requested(scopes []string) (manifest.Ref, bool) {
	if c.repo == nil {
		return manifest.Ref{}, false
	}
	list := c.repo.Bot
	if c.grantToken == "user" {
		list = c.repo.User
	}
	for _, r := range list {
		if slices.Contains(scopes, r.Name) {
			return r, true
		}
	}
	return manifest.Ref{}, false
}

// needers says what needs a scope: "chat.postMessage needs", "chat.postMessage and
// chat.update need", "the app_mention events the code handles need".
func needers(methods, events []string) string {
	var parts []string
	if len(methods) > 0 {
		parts = append(parts, andList(methods))
	}
	if len(events) > 0 {
		parts = append(parts, "the "+andList(events)+" events the code handles")
	}
	verb := " need"
	if len(methods) == 1 && len(events) == 0 {
		verb = " needs"
	}
	return strings.Join(parts, " and ") + verb
}

// andList writes "a", "a and b", "a, b and c".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
