package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/manifest"
)

// A mergedManifest is a program's manifest with what the program needs and the
// manifest lacks added: scopes and subscriptions, in the manifest's own style, every
// other byte kept. notes say what it could not add (an open choice, a list no edit
// can extend), for whoever pastes it.
type mergedManifest struct {
	path    string
	content []byte
	notes   []string
	// incomplete is set when a scope or subscription the program needs could not be
	// added.
	incomplete bool
}

// programManifest is the manifest of the program p, whose package is in dir: the one
// named (-manifest), or the one found as check finds it; "" when there is none.
func programManifest(named, dir string) (string, error) {
	if named != "" {
		if _, err := os.Stat(named); err != nil {
			return "", err
		}
		return named, nil
	}
	return manifest.Find(dir).Path, nil
}

// mergeManifest adds to the manifest at path what p needs: each scope a call forces
// that its list lacks, each subscription the handlers need. A choice the manifest
// already makes (channels:history for conversations.replies) is kept; one it does not
// is a note, as is an event of several subscriptions (message).
func mergeManifest(path string, p programScopes) (*mergedManifest, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	man, err := manifest.Parse(path, content)
	if err != nil {
		return nil, err
	}
	m := &mergedManifest{path: path, content: content}
	var fixes [][]manifest.Edit
	add := func(have []manifest.Ref, item, what string, keys ...string) {
		if slices.Contains(manifest.Names(have), item) {
			return
		}
		end, ok := manifest.FindListEnd(content, keys...)
		if !ok {
			m.notes = append(m.notes, fmt.Sprintf("add %s to %s by hand (%s): no edit of this manifest's text can", item, strings.Join(keys, "."), what))
			m.incomplete = true
			return
		}
		fixes = append(fixes, end.Insert(item))
	}
	for _, t := range p.Tokens {
		have := map[string][]manifest.Ref{"bot": man.Bot, "user": man.User}[t.Token]
		if t.Token != "bot" && t.Token != "user" {
			m.notes = append(m.notes, fmt.Sprintf("%s needs %s, which no manifest requests", tokenPhrase(t.Token), strings.Join(scopeNames(t.Scopes), ", ")))
			continue
		}
		for _, s := range t.Scopes {
			add(have, s.Scope, "needed by "+strings.Join(append(slices.Clone(s.Methods), s.Events...), ", "), "oauth_config", "scopes", t.Token)
		}
		for _, c := range t.Choices {
			if !slices.ContainsFunc(c.AnyOf, func(s string) bool { return slices.Contains(manifest.Names(have), s) }) {
				m.notes = append(m.notes, fmt.Sprintf("%s needs one of %s (oauth_config.scopes.%s): add the one for the conversations it reads",
					strings.Join(append(slices.Clone(c.Methods), c.Events...), ", "), strings.Join(c.AnyOf, ", "), t.Token))
			}
		}
	}
	for _, e := range p.Subscriptions {
		subscribed := slices.ContainsFunc(man.BotEvents, func(r manifest.Ref) bool { return catalog.Delivers(r.Name, e) })
		switch {
		case subscribed:
		case e == "message":
			m.notes = append(m.notes, "a handler of every message needs a subscription to message.channels, message.groups, message.im or message.mpim (settings.event_subscriptions.bot_events), for the conversations it reads")
		default:
			add(man.BotEvents, e, "a handler needs the subscription", "settings", "event_subscriptions", "bot_events")
		}
	}
	m.content = manifest.Apply(content, fixes...)
	if _, err := manifest.Parse(path, m.content); err != nil {
		return nil, fmt.Errorf("%s: the merged manifest would not read: %v", path, err)
	}
	return m, nil
}

// writeMerged prints the merged manifest on stdout and its notes on stderr.
func writeMerged(stdout, stderr io.Writer, wd string, m *mergedManifest) error {
	if _, err := stdout.Write(m.content); err != nil {
		return err
	}
	for _, n := range m.notes {
		fmt.Fprintf(stderr, "slackscope: %s: %s\n", relTo(wd, m.path), n)
	}
	return nil
}

// packageDir is the directory of a program's package, from the files of its result.
func packageDir(r rootResult) string {
	if len(r.pkg.GoFiles) > 0 {
		return filepath.Dir(r.pkg.GoFiles[0])
	}
	return r.pkg.Dir
}

// tokenPhrase names a token type that oauth_config does not request.
func tokenPhrase(token string) string {
	switch token {
	case "app_level":
		return "the app-level token (made under Basic Information)"
	case "legacy_bot":
		return "a classic app's bot token"
	}
	return "the " + token + " token"
}
