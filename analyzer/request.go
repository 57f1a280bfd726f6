package analyzer

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
)

// request is the scope request of a manifest, placed in the pass's file set so that
// diagnostics and fixes can point into it.
type request struct {
	pass *analysis.Pass
	rep  *reporter
	man  *Manifest
	file *token.File
	// problems are the "list scope" pairs checkRequest reported: one finding a scope.
	problems map[string]bool
}

func newRequest(pass *analysis.Pass, rep *reporter, man *Manifest) *request {
	r := &request{pass: pass, rep: rep, man: man, file: addFile(pass, man.Path, man.Content)}
	// "# slackscope:ignore <category> <reason>" comments in the manifest silence findings
	// on their line or the next, like the Go directive.
	for i, line := range strings.Split(string(man.Content), "\n") {
		j := strings.Index(line, "# slackscope:ignore")
		if j < 0 {
			continue
		}
		fields := strings.Fields(line[j+len("# slackscope:ignore"):])
		pos := r.file.LineStart(i+1) + token.Pos(j)
		if len(fields) < 2 {
			rep.report(analysis.Diagnostic{Pos: pos, Category: "unused-ignore", Message: "slackscope:ignore needs a category and a reason"})
			continue
		}
		rep.directives = append(rep.directives, &directive{pos: pos, file: man.Path, line: i + 1, category: fields[0]})
	}
	return r
}

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }

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

// granted is the set of scopes the manifest requests for token type t.
func (r *request) granted(t catalog.TokenType) map[string]bool {
	refs := r.man.Bot
	if t == catalog.User {
		refs = r.man.User
	}
	out := map[string]bool{}
	for _, s := range refs {
		out[s.Name] = true
	}
	return out
}

func (r *request) refs(list catalog.List) []ScopeRef {
	if list == catalog.UserList {
		return r.man.User
	}
	return r.man.Bot
}

// span is the position of a requested scope's text (inside quotes, if any) and its end.
func (r *request) span(ref ScopeRef) (token.Pos, token.Pos) {
	pos := position(r.file, r.man.Content, ref.Line, ref.Col)
	off := r.file.Offset(pos)
	if off < len(r.man.Content) && (r.man.Content[off] == '"' || r.man.Content[off] == '\'') {
		pos++
	}
	return pos, pos + token.Pos(len(ref.Name))
}

// checkRequest reports the problems Slack (or good practice) finds in the request itself:
// deprecated, unknown and wrong-token-type scopes, refused combinations, missing
// dependencies. A single replacement or suggestion comes as a fix.
func (r *request) checkRequest() {
	problems := catalog.Validate(catalog.Request{Bot: names(r.man.Bot), User: names(r.man.User)})
	r.problems = map[string]bool{}
	for _, p := range problems {
		r.problems[string(p.List)+" "+p.Scope] = true
		var ref *ScopeRef
		for _, s := range r.refs(p.List) {
			if s.Name == p.Scope {
				ref = &s
				break
			}
		}
		if ref == nil {
			continue
		}
		pos, end := r.span(*ref)
		d := analysis.Diagnostic{Pos: pos, End: end, Category: string(p.Code), Message: p.Message}
		if (p.Code == catalog.DeprecatedScope || p.Code == catalog.UnknownScope) && len(p.Suggestions) == 1 {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("request %s instead of %s", p.Suggestions[0], p.Scope),
				TextEdits: []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte(p.Suggestions[0])}},
			}}
		}
		r.rep.report(d)
	}
}

// checkUnused reports requested scopes that no call of the program needs. Scopes that
// events or app features could need are left alone until slackscope reads handlers.
func (r *request) checkUnused(prog []FactUse, tk tokens) {
	needed := map[catalog.TokenType]map[string]bool{catalog.Bot: {}, catalog.User: {}}
	for _, u := range prog {
		t := tk.forUse(u)
		n, ok := need(u, t)
		if !ok || needed[t] == nil {
			continue
		}
		addClauses(needed[t], n.Requirement.Clauses)
	}
	// Scopes the events the manifest subscribes to need, and its slash commands, are
	// needed too: the subscription is the app's own declaration.
	for _, t := range []catalog.TokenType{catalog.Bot, catalog.User} {
		subs := r.man.BotEvents
		if t == catalog.User {
			subs = r.man.UserEvents
		}
		for _, e := range subs {
			if ev, ok := catalog.LookupEvent(e.Name); ok {
				addClauses(needed[t], ev.Scopes)
			}
		}
	}
	if r.man.SlashCommands {
		if f, ok := catalog.LookupFeature("slash_commands"); ok {
			addClauses(needed[catalog.Bot], f.Tokens[catalog.Bot].Clauses)
		}
	}
	for _, set := range needed {
		for s := range set {
			addRequires(set, s)
		}
	}
	for _, t := range []catalog.TokenType{catalog.Bot, catalog.User} {
		refs := r.man.Bot
		if t == catalog.User {
			refs = r.man.User
		}
		for _, ref := range refs {
			if needed[t][ref.Name] || r.problems[listName(t)+" "+ref.Name] {
				continue // needed, or already reported
			}
			if _, known := catalog.LookupScope(ref.Name); !known {
				continue // unknown-scope says more
			}
			pos, end := r.span(ref)
			d := analysis.Diagnostic{Pos: pos, End: end, Category: "unused-scope", Message: fmt.Sprintf(
				"%s requests %s for the %s token, but no call of the program needs it", filepath.Base(r.man.Path), ref.Name, tokenName(t))}
			if fix, ok := r.deleteItem(pos); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: "remove " + ref.Name, TextEdits: []analysis.TextEdit{fix}}}
			}
			r.rep.report(d)
		}
	}
}

// checkUnhandled reports the events the manifest subscribes to that no code of the
// program handles: Slack sends them for nothing, and their scopes are granted for nothing.
// A message.* subscription is handled by code that handles message events in general.
func (r *request) checkUnhandled(prog []FactUse) {
	handled := map[string]bool{}
	for _, u := range prog {
		if u.Kind == EventUse {
			handled[u.Method] = true
		}
	}
	for _, list := range [][]ScopeRef{r.man.BotEvents, r.man.UserEvents} {
		for _, e := range list {
			base, _, _ := strings.Cut(e.Name, ".")
			if handled[e.Name] || (base == "message" && handled["message"]) {
				continue
			}
			pos, end := r.span(e)
			r.rep.report(analysis.Diagnostic{Pos: pos, End: end, Category: "unhandled-event", Message: fmt.Sprintf(
				"%s subscribes to %s, but no code of the program handles it", filepath.Base(r.man.Path), e.Name)})
		}
	}
}

// addClauses adds every scope the clauses name.
func addClauses(set map[string]bool, cs []catalog.Clause) {
	for _, c := range cs {
		for _, s := range c {
			set[s] = true
		}
	}
}

// addRequires adds the scopes s depends on (chat:write.public needs chat:write).
func addRequires(set map[string]bool, s string) {
	sc, ok := catalog.LookupScope(s)
	if !ok {
		return
	}
	for _, dep := range sc.Requires {
		if !set[dep] {
			set[dep] = true
			addRequires(set, dep)
		}
	}
}

// deleteItem is the edit that removes the block-list item ("  - scope") at pos, line and
// all; ok is false for flow lists ([a, b]), which it leaves alone.
func (r *request) deleteItem(pos token.Pos) (analysis.TextEdit, bool) {
	line := r.file.Line(pos)
	start := r.file.Offset(r.file.LineStart(line))
	end := len(r.man.Content)
	if line < r.file.LineCount() {
		end = r.file.Offset(r.file.LineStart(line + 1))
	}
	text := bytes.TrimSpace(r.man.Content[start:end])
	if !bytes.HasPrefix(text, []byte("- ")) {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: r.file.Pos(start), End: r.file.Pos(end)}, true
}
