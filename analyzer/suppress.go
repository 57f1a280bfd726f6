package analyzer

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// directive is one //slackscope:ignore comment.
type directive struct {
	pos      token.Pos
	file     string
	line     int
	category string
	used     bool
}

const ignorePrefix = "//slackscope:ignore"

// reporter reports diagnostics unless a directive on their line, or the line above,
// silences them; a directive without a reason, or with an unknown category, is itself
// reported, and so is one that silences nothing.
type reporter struct {
	pass       *analysis.Pass
	directives []*directive
}

// categories are the diagnostic categories slackscope reports.
var categories = []string{
	"missing-scope", "unused-scope", "deprecated-scope", "unknown-scope", "invalid-combination",
	"wrong-token-type", "missing-dependency", "retired-method", "unhandled-event", "invalid-manifest", "unused-ignore",
}

func newReporter(pass *analysis.Pass) *reporter {
	r := &reporter{pass: pass}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				r.parse(c)
			}
		}
	}
	return r
}

func (r *reporter) parse(c *ast.Comment) {
	rest, ok := strings.CutPrefix(c.Text, ignorePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return
	}
	if i := strings.Index(rest, " //"); i >= 0 {
		rest = rest[:i] // a comment after the directive is not its reason
	}
	fields := strings.Fields(rest)
	switch {
	case len(fields) == 0:
		r.pass.Report(analysis.Diagnostic{Pos: c.Pos(), Category: "unused-ignore",
			Message: "slackscope:ignore needs a category and a reason: //slackscope:ignore missing-scope <why>"})
		return
	case !slices.Contains(categories, fields[0]):
		r.pass.Report(analysis.Diagnostic{Pos: c.Pos(), Category: "unused-ignore",
			Message: "slackscope:ignore names no category slackscope reports: " + fields[0] + " (expected one of " + strings.Join(categories, ", ") + ")"})
		return
	case len(fields) == 1:
		r.pass.Report(analysis.Diagnostic{Pos: c.Pos(), Category: "unused-ignore",
			Message: "slackscope:ignore " + fields[0] + " needs a reason after the category"})
		return
	}
	p := r.pass.Fset.Position(c.Pos())
	r.directives = append(r.directives, &directive{pos: c.Pos(), file: p.Filename, line: p.Line, category: fields[0]})
}

// report reports d unless a directive silences it.
func (r *reporter) report(d analysis.Diagnostic) {
	p := r.pass.Fset.Position(d.Pos)
	for _, dir := range r.directives {
		if dir.category == d.Category && dir.file == p.Filename && (dir.line == p.Line || dir.line == p.Line-1) {
			dir.used = true
			return
		}
	}
	d.Message += " [" + d.Category + "]" // go vet prints the message alone
	r.pass.Report(d)
}

// finish reports the directives that silenced nothing.
func (r *reporter) finish() {
	for _, dir := range r.directives {
		if !dir.used {
			r.pass.Report(analysis.Diagnostic{Pos: dir.pos, Category: "unused-ignore",
				Message: "slackscope:ignore " + dir.category + " silences nothing here; remove it"})
		}
	}
}
