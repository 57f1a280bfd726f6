package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A directive is one slackscope:ignore comment, in Go or in a manifest: it silences the
// findings of its check on the line it covers. A directive at the end of a line covers
// that line; one on a line of its own covers the next.
type directive struct {
	pos   token.Pos
	file  string // as the file set names it
	line  int    // the line covered
	check *Check
	used  bool
}

const ignoreWord = "slackscope:ignore"

// reporter reports diagnostics unless a directive silences them; a directive without a
// reason, or naming no check, is itself reported, and so is one that silences nothing.
type reporter struct {
	pass       *analysis.Pass
	vet        bool // go vet prints the message alone: add " [category]" to it
	directives []*directive
	missing    []*missingCall  // reported by finish, one per call and scope
	advised    map[string]bool // the calls and notices checkAdvisories reported
}

// A missingCall is the missing-scope finding of one call and one clause of scopes, held
// until the pass ends: the methods of the call that need the clause, and the rest of the
// message ("files:write on a bot token; manifest.yml does not request it (...)").
type missingCall struct {
	pos     token.Pos
	callee  string
	methods []string
	need    string
	fixes   []analysis.SuggestedFix
}

// missingCall records that the call at pos, of callee, reaches method, which needs what
// need says.
func (r *reporter) missingCall(pos token.Pos, callee, method, need string, fixes []analysis.SuggestedFix) {
	for _, m := range r.missing {
		if m.pos == pos && m.callee == callee && m.need == need {
			if !slices.Contains(m.methods, method) {
				m.methods = append(m.methods, method)
			}
			return
		}
	}
	r.missing = append(r.missing, &missingCall{pos: pos, callee: callee, methods: []string{method}, need: need, fixes: fixes})
}

func newReporter(pass *analysis.Pass, vet bool) *reporter {
	r := &reporter{pass: pass, vet: vet}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if text, ok := goDirective(c.Text); ok {
					r.add(c.Pos(), r.ownLine(c), text)
				}
			}
		}
	}
	return r
}

// goDirective is the text after "slackscope:ignore" of a line comment
// (//slackscope:ignore ...) or a block comment (/* slackscope:ignore ... */).
func goDirective(comment string) (string, bool) {
	var rest string
	if body, ok := strings.CutPrefix(comment, "//"); ok {
		rest, ok = strings.CutPrefix(body, ignoreWord)
		if !ok {
			return "", false
		}
		if i := strings.Index(rest, " //"); i >= 0 {
			rest = rest[:i] // a comment after the directive is not its reason
		}
	} else {
		body := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(comment, "/*"), "*/"))
		if rest, ok = strings.CutPrefix(body, ignoreWord); !ok {
			return "", false
		}
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false // slackscope:ignored is another word
	}
	return rest, true
}

// ownLine reports whether a comment stands alone on its line (only white space before
// it).
func (r *reporter) ownLine(c *ast.Comment) bool {
	p := r.pass.Fset.PositionFor(c.Pos(), false)
	content, err := r.pass.ReadFile(p.Filename)
	if err != nil || p.Offset > len(content) {
		return true
	}
	start := strings.LastIndexByte(string(content[:p.Offset]), '\n') + 1
	return strings.TrimSpace(string(content[start:p.Offset])) == ""
}

// add records the directive at pos whose text after the word is text ("missing-scope
// <reason>"), or reports what is wrong with it.
func (r *reporter) add(pos token.Pos, ownLine bool, text string) {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		r.pass.Report(r.diagnostic(UnusedIgnore, analysis.Diagnostic{Pos: pos,
			Message: "slackscope:ignore needs a check and a reason: slackscope:ignore missing-scope <why>"}))
		return
	}
	c, ok := CheckNamed(fields[0])
	switch {
	case !ok:
		r.pass.Report(r.diagnostic(UnusedIgnore, analysis.Diagnostic{Pos: pos,
			Message: "slackscope:ignore names no category slackscope reports: " + fields[0] + " (expected one of " + checkNames() + ")"}))
		return
	case len(fields) == 1:
		r.pass.Report(r.diagnostic(UnusedIgnore, analysis.Diagnostic{Pos: pos,
			Message: "slackscope:ignore " + fields[0] + " needs a reason after the category"}))
		return
	}
	p := r.pass.Fset.Position(pos)
	line := p.Line
	if ownLine {
		line++
	}
	r.directives = append(r.directives, &directive{pos: pos, file: p.Filename, line: line, check: c})
}

// report reports d as a finding of check c unless a directive silences it.
func (r *reporter) report(c *Check, d analysis.Diagnostic) {
	p := r.pass.Fset.Position(d.Pos)
	for _, dir := range r.directives {
		if dir.check == c && dir.line == p.Line && dir.file == p.Filename {
			dir.used = true
			return
		}
	}
	r.pass.Report(r.diagnostic(c, d))
}

// diagnostic is d as a finding of c: its category, its URL, and under go vet the
// category in the message.
func (r *reporter) diagnostic(c *Check, d analysis.Diagnostic) analysis.Diagnostic {
	d.Category = c.Name
	d.URL = c.URL()
	if r.vet {
		d.Message += " [" + c.Name + "]"
	}
	return d
}

// finish reports the directives that silenced nothing.
func (r *reporter) finish() {
	r.flushMissing()
	for _, dir := range r.directives {
		if !dir.used {
			r.pass.Report(r.diagnostic(UnusedIgnore, analysis.Diagnostic{Pos: dir.pos,
				Message: "slackscope:ignore " + dir.check.Name + " silences nothing here; remove it"}))
		}
	}
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// flushMissing reports the missing-scope findings of the calls recorded so far.
func (r *reporter) flushMissing() {
	for _, m := range r.missing {
		slices.Sort(m.methods)
		verb := "needs"
		if len(m.methods) > 1 {
			verb = "need"
		}
		r.report(MissingScope, analysis.Diagnostic{Pos: m.pos, Message: fmt.Sprintf("%s calls %s, which %s %s",
			m.callee, andList(m.methods), verb, m.need), SuggestedFixes: m.fixes})
	}
	r.missing = nil
}
