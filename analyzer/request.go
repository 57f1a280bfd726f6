package analyzer

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/policy"
	"github.com/slackscope/slackscope/manifest"
)

// A request is one set of scopes the app asks for, wherever it is written: the app
// manifest's oauth_config.scopes, an oauth2.Config's Scopes, the scope parameters of an
// authorize URL. Validation, fixes and the missing-scope checks read requests alone, so
// each exists once for every kind of request.
type request struct {
	source string // for messages: "manifest.yml", "oauth2.Config", "the authorize URL"
	flow   string // the catalog's authorize flow: v2 (a manifest's), v1, openid
	pos    token.Pos
	scopes []requested
	// man and file are the manifest and its file in the pass's file set, for a
	// manifest's request; nil for one written in Go.
	man  *manifest.Manifest
	file *token.File

	// Worked out on first use, for the checks of main packages and for the missing-scope
	// fixes of every package: what Validate says of the request, the fixes that replace
	// scopes, and where each list's new scopes go.
	problems  []catalog.Problem
	validated bool
	repl      *replacements
	ends      map[string]*manifest.ListEnd
	// socket is set when the manifest enables Socket Mode or the program runs it (and
	// missing-setting's fix enables it): settings that need a request URL otherwise
	// (event subscriptions, interactivity) can then be fixed by an edit.
	socket bool
	// framework is what the program's dependencies handle (framework.go): a subscription
	// one of them handles is not unhandled.
	framework *frameworkFact
	// policy is the module's .slackscope.yml (nil: none).
	policy *policy.Policy
}

// A requested scope: its list, its name and the span of its text.
type requested struct {
	list     catalog.List
	name     string
	pos, end token.Pos
	// exact is set when pos..end is the scope's text, which a fix may replace.
	exact bool
	// optional is set for a manifest's bot_optional and user_optional scopes.
	optional bool
}

// fromManifest is the request of a manifest, its file added to the pass's file set so
// that diagnostics and fixes can point into it.
func fromManifest(pass *analysis.Pass, man *manifest.Manifest) *request {
	r := &request{source: filepath.Base(man.Path), flow: catalog.DefaultAuthorizeFlow().Flow, man: man, file: addFile(pass, man.Path, man.Content)}
	if r.file != nil {
		r.pos = r.file.Pos(0)
	}
	for _, l := range []struct {
		list     catalog.List
		refs     []manifest.Ref
		optional bool
	}{
		{catalog.BotList, man.Bot, false}, {catalog.UserList, man.User, false},
		{catalog.BotList, man.BotOptional, true}, {catalog.UserList, man.UserOptional, true},
	} {
		for _, ref := range l.refs {
			pos, end := r.span(ref)
			r.scopes = append(r.scopes, requested{list: l.list, name: ref.Name, pos: pos, end: end, exact: true, optional: l.optional})
		}
	}
	return r
}

// addFile adds a non-Go file to the pass's file set (as asmdecl does for assembly), so
// that diagnostics can point into it.
func addFile(pass *analysis.Pass, path string, content []byte) *token.File {
	if content == nil {
		return nil
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	tf := pass.Fset.AddFile(path, -1, len(content))
	tf.SetLinesForContent(content)
	return tf
}

// position is the position of line and column (1-based, in bytes) in tf.
func position(tf *token.File, content []byte, line, col int) token.Pos {
	if line < 1 || line > tf.LineCount() {
		return token.NoPos
	}
	off := tf.Offset(tf.LineStart(line)) + max(col-1, 0)
	if off > len(content) {
		off = len(content)
	}
	return tf.Pos(off)
}

// at is the position of a manifest's line and column.
func (r *request) at(line, col int) token.Pos { return position(r.file, r.man.Content, line, col) }

// span is the position of a manifest item's text (inside quotes, if any) and its end.
func (r *request) span(ref manifest.Ref) (token.Pos, token.Pos) {
	pos := r.at(ref.Line, ref.Col)
	off := r.file.Offset(pos)
	if off < len(r.man.Content) && (r.man.Content[off] == '"' || r.man.Content[off] == '\'') {
		pos++
	}
	return pos, pos + token.Pos(len(ref.Name))
}

// names are the scopes the request asks for in list (optional ones are in their list
// too, so they are left out here).
func (r *request) names(list catalog.List) []string {
	var out []string
	for _, s := range r.scopes {
		if s.list == list && !s.optional {
			out = append(out, s.name)
		}
	}
	return out
}

// granted is the set of scopes the request asks for for token type t.
func (r *request) granted(t catalog.TokenType) map[string]bool {
	out := map[string]bool{}
	for _, s := range r.scopes {
		if s.list == listOf(t) {
			out[s.name] = true
		}
	}
	return out
}

// listOf is the request list a token type's scopes are asked for in.
func listOf(t catalog.TokenType) catalog.List {
	if t == catalog.User {
		return catalog.UserList
	}
	return catalog.BotList
}

// checkRequest reports the problems Slack (or good practice) finds in the request itself:
// deprecated, unknown and wrong-token-type scopes, refused combinations, missing
// dependencies, at every place the request names the scope. A single replacement or
// suggestion comes as a fix. It returns the "list scope" pairs it reported.
//
// Its cost is linear in the request's size: the places of each scope are indexed once,
// and a problem Validate gives once per occurrence of a repeated scope is reported once
// at each of them, not once per occurrence at all of them.
func (r *request) checkRequest(rep *reporter) map[string]bool {
	at := r.places()
	reported := map[string]bool{}
	done := map[problemKey]bool{}
	fixes := r.replacements().at
	for _, p := range r.validate() {
		k := placeKey(p.List, p.Scope)
		reported[k] = true
		pk := keyOf(p)
		if done[pk] {
			continue // a copy, for another occurrence of the same scope
		}
		done[pk] = true
		msg := p.Message
		if r.man == nil {
			msg += " (" + r.source + ")"
		}
		for _, s := range at[k] {
			d := analysis.Diagnostic{Pos: s.pos, End: s.end, Message: msg}
			if _, ok := replacement(p); ok {
				d.SuggestedFixes = fixes[s.pos]
			} else if p.Code == catalog.MissingDependency && len(p.Suggestions) == 1 && (p.List == catalog.BotList || p.List == catalog.UserList) {
				// The scope it needs goes into the same list (or comes with a
				// replacement that brings it in already).
				t := catalog.Bot
				if p.List == catalog.UserList {
					t = catalog.User
				}
				d.SuggestedFixes = r.addFix(t, catalog.Clause{p.Suggestions[0]})
			}
			rep.report(checkFor(p.Code), d)
		}
	}
	return reported
}

// validate is what the catalog's Validate says of the request (worked out once).
func (r *request) validate() []catalog.Problem {
	if !r.validated {
		r.problems = catalog.Validate(catalog.Request{Bot: r.names(catalog.BotList), User: r.names(catalog.UserList), Classic: r.names(catalog.ClassicList)})
		r.validated = true
	}
	return r.problems
}

// replacement is the one scope to request instead of a deprecated or misspelt one.
func replacement(p catalog.Problem) (string, bool) {
	if (p.Code == catalog.DeprecatedScope || p.Code == catalog.UnknownScope) && len(p.Suggestions) == 1 {
		return p.Suggestions[0], true
	}
	return "", false
}

// replacements are the fixes of the request's deprecated and misspelt scopes that have
// one replacement: by the position of the scope they fix, and by placeKey of the scope
// they bring in, so that a missing-scope fix for that scope is the same fix (applied
// together, they write it once, never a second chat:write beside the replaced
// chat:write:bot).
type replacements struct {
	at     map[token.Pos][]analysis.SuggestedFix
	brings map[string][]analysis.SuggestedFix
}

// replacements works out the request's replacements once. Of several scopes replaced
// by the same one (chat:write:bot and chat:write:user), the first is replaced and the
// others removed, as those are when the list already has it.
func (r *request) replacements() *replacements {
	if r.repl != nil {
		return r.repl
	}
	r.repl = &replacements{at: map[token.Pos][]analysis.SuggestedFix{}, brings: map[string][]analysis.SuggestedFix{}}
	at := r.places()
	for _, p := range r.validate() {
		repl, ok := replacement(p)
		if !ok {
			continue
		}
		for _, s := range at[placeKey(p.List, p.Scope)] {
			if _, done := r.repl.at[s.pos]; done || !s.exact {
				continue // Validate's copy for another occurrence
			}
			k := placeKey(s.list, repl)
			_, claimed := r.repl.brings[k]
			fixes := r.replaceFix(s, repl, len(at[k]) > 0 || claimed)
			r.repl.at[s.pos] = fixes
			if len(at[k]) == 0 && !claimed {
				r.repl.brings[k] = fixes
			}
		}
	}
	return r.repl
}

// places indexes where the request names each scope, by placeKey.
func (r *request) places() map[string][]requested {
	at := map[string][]requested{}
	for _, s := range r.scopes {
		k := placeKey(s.list, s.name)
		at[k] = append(at[k], s)
	}
	return at
}

// placeKey is the key of a scope in a list: "bot chat:write".
func placeKey(list catalog.List, scope string) string { return string(list) + " " + scope }

// A problemKey is what checkRequest reports of a problem: its check, where (the scope
// in its list) and its message. Validate's copies of a problem, one per occurrence of a
// repeated scope, have the same key.
type problemKey struct {
	code           catalog.Code
	list           catalog.List
	scope, message string
}

func keyOf(p catalog.Problem) problemKey { return problemKey{p.Code, p.List, p.Scope, p.Message} }

// replaceFix is the fix that requests repl instead of s: the scope's text replaced, or,
// when the list already requests repl (already), the item removed (never a duplicate).
func (r *request) replaceFix(s requested, repl string, already bool) []analysis.SuggestedFix {
	msg := fmt.Sprintf("request %s instead of %s", repl, s.name)
	if r.man != nil && already {
		if del, ok := r.deleteItem(s.pos); ok {
			return []analysis.SuggestedFix{{Message: msg + " (already requested: remove " + s.name + ")", TextEdits: []analysis.TextEdit{del}}}
		}
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: []analysis.TextEdit{{Pos: s.pos, End: s.end, NewText: []byte(repl)}}}}
}

// addFix is the fix for a missing clause of token type t in a manifest: the scope
// inserted into its list (manifest.FindListEnd), or the replacement that brings it in
// already. A choice of several scopes gets none: only the app's author knows which
// conversations it reads.
func (r *request) addFix(t catalog.TokenType, c catalog.Clause) []analysis.SuggestedFix {
	if r.man == nil || r.file == nil || len(c) != 1 {
		return nil
	}
	list, scope := listOf(t), c[0]
	if _, forbidden := r.policy.Forbids(scope); forbidden {
		return nil // the module's policy forbids it: no fix requests it (policy.go says so at the call)
	}
	if fixes, ok := r.replacements().brings[placeKey(list, scope)]; ok {
		return fixes
	}
	return r.insertFix(fmt.Sprintf("add %s to oauth_config.scopes.%s", scope, list), scope, "oauth_config", "scopes", string(list))
}

// insertFix is the fix that adds item to the manifest's list at path
// (manifest.FindListEnd), or none where no edit per item can.
func (r *request) insertFix(msg, item string, path ...string) []analysis.SuggestedFix {
	if r.man == nil || r.file == nil {
		return nil
	}
	if r.ends == nil {
		r.ends = map[string]*manifest.ListEnd{}
	}
	key := strings.Join(path, ".")
	end, seen := r.ends[key]
	if !seen {
		end, _ = manifest.FindListEnd(r.man.Content, path...)
		r.ends[key] = end
	}
	if end == nil {
		return nil
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: r.textEdits(end.Insert(item))}}
}

// setFix is the fix that sets the manifest's scalar at path to value
// (manifest.SetScalar), or none.
func (r *request) setFix(value string, path ...string) []analysis.SuggestedFix {
	if r.man == nil || r.file == nil {
		return nil
	}
	edits, ok := manifest.SetScalar(r.man.Content, value, path...)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{Message: fmt.Sprintf("set %s: %s", strings.Join(path, "."), value), TextEdits: r.textEdits(edits)}}
}

// textEdits are a manifest's edits as the pass's.
func (r *request) textEdits(edits []manifest.Edit) []analysis.TextEdit {
	out := make([]analysis.TextEdit, len(edits))
	for i, e := range edits {
		out[i] = analysis.TextEdit{Pos: r.file.Pos(e.Offset), End: r.file.Pos(e.End), NewText: []byte(e.Text)}
	}
	return out
}

// gaps are the clauses of a need that the request does not meet for token type t.
func (r *request) gaps(clauses []catalog.Clause, t catalog.TokenType) []catalog.Clause {
	granted := r.granted(t)
	var out []catalog.Clause
	for _, c := range clauses {
		if !slices.ContainsFunc(c, func(s string) bool { return granted[s] }) {
			out = append(out, c)
		}
	}
	return out
}

// deleteItem is the edit that removes the list item at pos, in a block list its line
// and all (manifest.RemoveItem).
func (r *request) deleteItem(pos token.Pos) (analysis.TextEdit, bool) {
	p := r.file.Position(pos)
	e, ok := manifest.RemoveItem(r.man.Content, p.Line, p.Column)
	if !ok {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: r.file.Pos(e.Offset), End: r.file.Pos(e.End)}, true
}
