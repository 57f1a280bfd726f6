package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/manifest"
)

// A scopeDiff is what slackscope diff reports: what the working tree adds to the base's
// needs and requests, and what it removes. Added items have their positions in the
// working tree, removed ones at the base.
type scopeDiff struct {
	Base       string `json:"base"`        // the revision compared with, as -base names it
	BaseCommit string `json:"base_commit"` // the commit it names
	// Programs are the programs whose needs changed, matched by package path.
	Programs []programDiff `json:"programs"`
	// Manifests are the manifests whose requests changed, by path.
	Manifests []manifestDiff `json:"manifests"`
	// Partial is set when either tree did not load fully (or a manifest did not parse):
	// what was not read may need or request more.
	Partial bool `json:"partial,omitempty"`
}

// A programDiff is what the change does to one program's needs.
type programDiff struct {
	Package string `json:"package"`
	// Status is "new" for a program only the working tree has, "gone" for one only the
	// base has, empty for one both have.
	Status               string        `json:"status,omitempty"`
	Added                []scopeChange `json:"added"`
	Removed              []scopeChange `json:"removed"`
	SubscriptionsAdded   []eventChange `json:"subscriptions_added"`
	SubscriptionsRemoved []eventChange `json:"subscriptions_removed"`
}

// A scopeChange is a scope (or a choice of one of several: AnyOf) of a token type that
// one tree's program needs and the other's does not, with what needs it there.
type scopeChange struct {
	Token    string   `json:"token"`
	Scope    string   `json:"scope,omitempty"`
	AnyOf    []string `json:"any_of,omitempty"`
	Methods  []string `json:"methods"`
	Events   []string `json:"events,omitempty"`
	Position string   `json:"position"`
}

func (c scopeChange) key() string {
	return c.Token + "\x00" + c.Scope + "\x00" + strings.Join(c.AnyOf, ",")
}

// An eventChange is an event a program's handlers need a subscription to, and one
// handler.
type eventChange struct {
	Event    string `json:"event"`
	Position string `json:"position"`
}

func (c eventChange) key() string { return c.Event }

// A manifestDiff is what the change does to the scopes one manifest requests.
type manifestDiff struct {
	Path    string          `json:"path"`
	Added   []requestChange `json:"added"`
	Removed []requestChange `json:"removed"`
}

// A requestChange is a scope of oauth_config.scopes.bot or .user (List), and where the
// manifest requests it.
type requestChange struct {
	List     string `json:"list"`
	Scope    string `json:"scope"`
	Position string `json:"position"`
}

func (c requestChange) key() string { return c.List + "\x00" + c.Scope }

// compareSides is what the working tree adds to the base and removes from it.
func compareSides(base, work *diffSide) *scopeDiff {
	d := &scopeDiff{Programs: []programDiff{}, Manifests: []manifestDiff{}, Partial: base.partial || work.partial ||
		len(base.notLoaded) > 0 || len(work.notLoaded) > 0}
	for _, pkg := range unionKeys(base.programs, work.programs) {
		if p := compareProgram(pkg, base.programs, work.programs); p.changed() {
			d.Programs = append(d.Programs, p)
		}
	}
	for _, path := range unionKeys(base.manifests, work.manifests) {
		if base.unreadable[path] || work.unreadable[path] {
			continue
		}
		was, is := requestChanges(base.manifests[path]), requestChanges(work.manifests[path])
		m := manifestDiff{Path: path, Added: notIn(is, was, requestChange.key), Removed: notIn(was, is, requestChange.key)}
		if len(m.Added)+len(m.Removed) > 0 {
			d.Manifests = append(d.Manifests, m)
		}
	}
	return d
}

// compareProgram compares the program pkg of the two trees (either may lack it).
func compareProgram(pkg string, base, work map[string]sideProgram) programDiff {
	b, inBase := base[pkg]
	w, inWork := work[pkg]
	p := programDiff{Package: pkg}
	switch {
	case !inBase:
		p.Status = "new"
	case !inWork:
		p.Status = "gone"
	}
	was, is := scopeChanges(b.scopes.Tokens), scopeChanges(w.scopes.Tokens)
	p.Added, p.Removed = notIn(is, was, scopeChange.key), notIn(was, is, scopeChange.key)
	wasSubs, isSubs := eventChanges(b), eventChanges(w)
	p.SubscriptionsAdded = notIn(isSubs, wasSubs, eventChange.key)
	p.SubscriptionsRemoved = notIn(wasSubs, isSubs, eventChange.key)
	return p
}

func (p programDiff) changed() bool {
	return len(p.Added)+len(p.Removed)+len(p.SubscriptionsAdded)+len(p.SubscriptionsRemoved) > 0
}

// adds reports whether the change adds a scope, a choice, a subscription or a request:
// what a reviewer looks at.
func (d *scopeDiff) adds() bool {
	for _, p := range d.Programs {
		if len(p.Added)+len(p.SubscriptionsAdded) > 0 {
			return true
		}
	}
	return slices.ContainsFunc(d.Manifests, func(m manifestDiff) bool { return len(m.Added) > 0 })
}

// empty reports whether nothing changed.
func (d *scopeDiff) empty() bool { return len(d.Programs)+len(d.Manifests) == 0 }

// exitCode is 1 when the change adds something, else 3 when the answer is partial, else 0.
func (d *scopeDiff) exitCode() int {
	switch {
	case d.adds():
		return exitFindings
	case d.Partial:
		return exitIncomplete
	}
	return exitOK
}

// scopeChanges lists a program's scopes and choices, token by token.
func scopeChanges(tokens []tokenScopes) []scopeChange {
	var out []scopeChange
	for _, t := range tokens {
		for _, s := range t.Scopes {
			out = append(out, scopeChange{Token: t.Token, Scope: s.Scope, Methods: s.Methods, Events: s.Events, Position: s.Position})
		}
		for _, c := range t.Choices {
			out = append(out, scopeChange{Token: t.Token, AnyOf: c.AnyOf, Methods: c.Methods, Events: c.Events, Position: c.Position})
		}
	}
	return out
}

// eventChanges lists the subscriptions a program's handlers need, each once.
func eventChanges(p sideProgram) []eventChange {
	var out []eventChange
	for _, e := range p.scopes.Subscriptions {
		if !slices.ContainsFunc(out, func(c eventChange) bool { return c.Event == e }) {
			out = append(out, eventChange{Event: e, Position: p.events[e]})
		}
	}
	return out
}

// requestChanges lists the scopes a manifest requests (none for nil), bot then user.
func requestChanges(m *manifest.Manifest) []requestChange {
	if m == nil {
		return nil
	}
	var out []requestChange
	for _, l := range []struct {
		name string
		refs []manifest.Ref
	}{{"bot", m.Bot}, {"user", m.User}} {
		for _, r := range l.refs {
			out = append(out, requestChange{List: l.name, Scope: r.Name, Position: fmt.Sprintf("%s:%d:%d", m.Path, r.Line, r.Col)})
		}
	}
	return out
}

// notIn are the items of xs whose key none of ys has, in order (never nil: JSON
// writes an empty list).
func notIn[T any](xs, ys []T, key func(T) string) []T {
	out := []T{}
	for _, x := range xs {
		if !slices.ContainsFunc(ys, func(y T) bool { return key(y) == key(x) }) {
			out = append(out, x)
		}
	}
	return out
}

// unionKeys are the keys of a and b, sorted.
func unionKeys[V any](a, b map[string]V) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
