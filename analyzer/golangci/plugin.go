// Package golangci registers slackscope as a golangci-lint module plugin. It is a module
// of its own, so that golangci-lint's dependencies stay out of slackscope's.
//
// golangci-lint drops every issue located in a file other than a .go file (and go.mod),
// so the plugin moves the findings slackscope reports in the app manifest to Go code: to
// the call site the finding relates to where there is one, otherwise to the package
// clause of the package checked (the file declaring main in a main package), with the
// manifest's file and line, relative to the module root, at the end of the message:
//
//	main.go:3:1: scope chat:write:bot is deprecated; request chat:write instead (manifest.yml:11) [deprecated-scope] (slackscope)
//
// Suggested fixes that edit the manifest are left out (golangci-lint applies fixes to Go
// files only; slackscope fix applies them).
//
// README.md (golangci-lint) has the .custom-gcl.yml and .golangci.yml that build and
// enable it; the end-to-end test builds golangci-lint with them.
package golangci

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/analyzer"
)

func init() { register.Plugin("slackscope", New) }

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	Manifest    string `json:"manifest"`
	Token       string `json:"token"`
	ManifestSum string `json:"manifest-sum"`
}

type plugin struct{ cfg analyzer.Config }

// New makes the plugin from its settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("slackscope settings: %w", err)
	}
	if s.Token == "" {
		s.Token = "bot"
	}
	if s.Token != "bot" && s.Token != "user" {
		return nil, fmt.Errorf("slackscope settings: token %q: expected bot or user", s.Token)
	}
	// golangci-lint prints a finding's message and the linter's name, not its category:
	// the message carries it ("[missing-scope]"), which a slackscope:ignore directive
	// names.
	return &plugin{cfg: analyzer.Config{Manifest: s.Manifest, Token: s.Token, ManifestSum: s.ManifestSum, CategoryInMessage: true}}, nil
}

// BuildAnalyzers returns the slackscope analyzer with the plugin's settings, its findings
// moved to where golangci-lint keeps them.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{inGoFiles(analyzer.New(&p.cfg))}, nil
}

// GetLoadMode says the analyzer needs type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// inGoFiles is a, each of its diagnostics passed through relocate before it is reported.
func inGoFiles(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) { pass.Report(relocate(pass, d)) }
		return a.Run(&p)
	}
	return &w
}

// relocate is d as golangci-lint keeps it: at a Go position, without the fixes that edit
// other files. A diagnostic in another file (the manifest) goes to the first related
// position in a Go file, or else to the package clause, its file and line added to its
// message; so do related positions in other files.
func relocate(pass *analysis.Pass, d analysis.Diagnostic) analysis.Diagnostic {
	d.SuggestedFixes = goFixes(pass.Fset, d.SuggestedFixes)
	if !inGo(pass.Fset, d.Pos) {
		at := token.NoPos
		for _, r := range d.Related {
			if inGo(pass.Fset, r.Pos) {
				at = r.Pos
				break
			}
		}
		if at == token.NoPos {
			f := clauseFile(pass)
			if f == nil {
				return d // no Go file to move it to: golangci-lint drops it
			}
			at = f.Package
		}
		// The position goes before the category the message ends with.
		msg, cat := d.Message, ""
		if c := " [" + d.Category + "]"; d.Category != "" && strings.HasSuffix(msg, c) {
			msg, cat = strings.TrimSuffix(msg, c), c
		}
		d.Message = msg + where(pass, d.Pos, at) + cat
		d.Pos, d.End = at, token.NoPos
	}
	if len(d.Related) > 0 {
		related := make([]analysis.RelatedInformation, 0, len(d.Related))
		for _, r := range d.Related {
			if !inGo(pass.Fset, r.Pos) {
				r.Message += where(pass, r.Pos, d.Pos)
				r.Pos, r.End = d.Pos, token.NoPos
			}
			related = append(related, r)
		}
		d.Related = related
	}
	return d
}

// inGo reports whether pos is in a .go file (as golangci-lint reads positions: a line
// directive to another kind of file does not count).
func inGo(fset *token.FileSet, pos token.Pos) bool {
	return pos.IsValid() && filepath.Ext(fset.PositionFor(pos, false).Filename) == ".go"
}

// goFixes are the fixes whose edits are all in Go files (nil when none is).
func goFixes(fset *token.FileSet, fixes []analysis.SuggestedFix) []analysis.SuggestedFix {
	var kept []analysis.SuggestedFix
fixes:
	for _, f := range fixes {
		for _, e := range f.TextEdits {
			if !inGo(fset, e.Pos) {
				continue fixes
			}
		}
		kept = append(kept, f)
	}
	return kept
}

// where is " (manifest.yml:12)": the file and line of pos, the file relative to the root of
// the module of the Go file at (as it is, when there is none or pos is outside it), or ""
// for no position.
func where(pass *analysis.Pass, pos, at token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := pass.Fset.PositionFor(pos, false)
	name := p.Filename
	for dir := filepath.Dir(pass.Fset.Position(at).Filename); ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if rel, err := filepath.Rel(dir, name); err == nil && !strings.HasPrefix(rel, "..") {
				name = rel
			}
			break
		}
		if up := filepath.Dir(dir); up != dir {
			dir = up
			continue
		}
		break
	}
	return " (" + filepath.ToSlash(name) + ":" + strconv.Itoa(p.Line) + ")"
}

// clauseFile is the file whose package clause takes the package's findings located in
// other files: in a main package the file declaring main, otherwise the first by name
// that is not a test (so that the test variant of a package puts them at the same place).
func clauseFile(pass *analysis.Pass) *ast.File {
	var first *ast.File
	firstName := ""
	for _, f := range pass.Files {
		name := pass.Fset.Position(f.Package).Filename
		if filepath.Ext(name) != ".go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if pass.Pkg.Name() == "main" && declaresMain(f) {
			return f
		}
		if first == nil || name < firstName {
			first, firstName = f, name
		}
	}
	if first == nil && len(pass.Files) > 0 {
		first = pass.Files[0]
	}
	return first
}

// declaresMain reports whether f declares the function main.
func declaresMain(f *ast.File) bool {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" {
			return true
		}
	}
	return false
}
