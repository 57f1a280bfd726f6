package golangci

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRelocateExample runs the plugin's analyzer on the example app, tests included, and
// compares its diagnostics, as golangci-lint would show them, with
// testdata/example.golden: the manifest's findings at the package clause of main.go.
func TestRelocateExample(t *testing.T) {
	a, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := a.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/example.golden", diagnose(t, "../../testdata/example", as[0]))
}

// TestRelocate runs a stub analyzer, which reports into testdata/relocate/app.yml, through
// inGoFiles on testdata/relocate, and compares what comes out with
// testdata/relocate.golden.
func TestRelocate(t *testing.T) {
	golden(t, "testdata/relocate.golden", diagnose(t, "testdata/relocate", inGoFiles(stub)))
}

// stub reports, in each package, findings located in the app.yml at the module root: one
// with a fix to app.yml, one related to the first call of main, one without a position,
// and one in Go code related to app.yml, with a fix that also edits app.yml and one that
// edits Go code only.
var stub = &analysis.Analyzer{
	Name: "stub",
	Doc:  "reports findings in app.yml",
	Run: func(pass *analysis.Pass) (any, error) {
		dir := filepath.Dir(pass.Fset.Position(pass.Files[0].Package).Filename)
		path := filepath.Join(dir, "app.yml")
		if pass.Pkg.Name() != "main" {
			path = filepath.Join(dir, "..", "app.yml")
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		tf := pass.Fset.AddFile(path, -1, len(content))
		tf.SetLinesForContent(content)
		line := func(n int) token.Pos { return tf.LineStart(n) }
		pass.Report(analysis.Diagnostic{Pos: line(4), End: line(5), Message: "bot scope with a fix in app.yml",
			SuggestedFixes: []analysis.SuggestedFix{{Message: "remove it", TextEdits: []analysis.TextEdit{{Pos: line(4), End: line(5)}}}}})
		var call ast.Node
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok && call == nil && pass.Pkg.Name() == "main" {
					call = c
				}
				return call == nil
			})
		}
		d := analysis.Diagnostic{Pos: line(2), Message: "oauth_config related to a call",
			Related: []analysis.RelatedInformation{{Pos: line(3), Message: "scopes here"}}}
		if call != nil {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: call.Pos(), Message: "the call"})
		}
		pass.Report(d)
		pass.Report(analysis.Diagnostic{Message: "no position"})
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				if fn, ok := decl.(*ast.FuncDecl); ok && pass.Pkg.Name() == "main" && fn.Name.Name == "main" {
					body := fn.Body.Lbrace + 1
					pass.Report(analysis.Diagnostic{Pos: fn.Pos(), Message: "in Go, related to app.yml",
						Related: []analysis.RelatedInformation{{Pos: line(7), Message: "is_enabled is false here"}},
						SuggestedFixes: []analysis.SuggestedFix{
							{Message: "both", TextEdits: []analysis.TextEdit{{Pos: body, End: body, NewText: []byte("\n")}, {Pos: line(6), End: line(7)}}},
							{Message: "Go only", TextEdits: []analysis.TextEdit{{Pos: body, End: body, NewText: []byte("\n")}}},
						}})
				}
			}
		}
		return nil, nil
	},
}

// diagnose loads the packages of dir, tests included, runs a on them and writes its
// diagnostics the way golangci-lint keeps them: one line each (deduplicated by position
// and message, so the test variant of a package adds nothing of its own), sorted, with
// their related positions and suggested fixes below, paths relative to dir.
func diagnose(t *testing.T, dir string, a *analysis.Analyzer) string {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the packages do not load")
	}
	// The generated test main packages are left out, as golangci-lint leaves them out.
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return strings.HasSuffix(p.PkgPath, ".test") })
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	at := func(fset *token.FileSet, pos token.Pos) string {
		if !pos.IsValid() {
			return "-"
		}
		p := fset.Position(pos)
		if rel, err := filepath.Rel(abs, p.Filename); err == nil {
			p.Filename = filepath.ToSlash(rel)
		}
		return p.String()
	}
	var lines []string
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			var b strings.Builder
			fmt.Fprintf(&b, "%s: %s\n", at(fset, d.Pos), d.Message)
			for _, r := range d.Related {
				fmt.Fprintf(&b, "\trelated %s: %s\n", at(fset, r.Pos), r.Message)
			}
			for _, f := range d.SuggestedFixes {
				fmt.Fprintf(&b, "\tfix %q:", f.Message)
				for _, e := range f.TextEdits {
					fmt.Fprintf(&b, " %s-%s %q", at(fset, e.Pos), at(fset, e.End), e.NewText)
				}
				b.WriteString("\n")
			}
			lines = append(lines, b.String())
		}
	}
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), "")
}

// golden compares got with the file name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}
