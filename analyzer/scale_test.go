package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/analyzer"
)

// The analyzer over real code at scale: every package of the slack-go module go.mod pins
// (its examples included) and the analysis packages of golang.org/x/tools, with their
// dependencies. No panic, no analysis error; what it cannot resolve is counted.
// Skipped with -short.
func TestRealCodeAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses a few hundred packages")
	}
	patterns := []string{"github.com/slack-go/slack/...", "golang.org/x/tools/..."}
	if p := os.Getenv("SLACKSCOPE_SCALE_PATTERNS"); p != "" {
		patterns = strings.Fields(p)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: filepath.Join("..")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	// Some x/tools packages import modules outside slackscope's go.sum (telemetry,
	// goldmark, x/net): they, and what imports them, do not load here and are left out.
	var ok []*packages.Package
	for _, p := range pkgs {
		var bad *packages.Package
		packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
			if len(q.Errors) > 0 && bad == nil {
				bad = q
			}
		})
		if bad == nil {
			ok = append(ok, p)
		} else {
			t.Logf("leaving out %s: %s does not load here", p.PkgPath, bad.PkgPath)
		}
	}
	if len(ok) < 50 {
		t.Fatalf("only %d packages loaded", len(ok))
	}
	a := analyzer.New(&analyzer.Config{Token: "bot", NoManifest: true, Dependencies: true})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, ok, nil)
	if err != nil {
		t.Fatal(err)
	}
	roots, unresolved, uses := 0, 0, 0
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if !act.IsRoot || act.Analyzer != a {
			continue
		}
		roots++
		if res, ok := act.Result.(*analyzer.Result); ok {
			unresolved += len(res.Unresolved)
			uses += len(res.Uses)
		}
	}
	t.Logf("%d packages analysed: %d Web API uses, %d unresolved calls counted", roots, uses, unresolved)
	if uses < 300 {
		t.Errorf("only %d Web API uses in slack-go and its examples; the analyzer lost them", uses)
	}
}
