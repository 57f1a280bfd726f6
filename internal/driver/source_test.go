package driver_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/internal/driver"
)

// The pruned load gives the analysis the packages whose facts matter from source, and
// the same answer as a load of every package from source (uses, minimum, diagnostics),
// on the example app and the layouts: a framework in a dependency module, a go.work
// workspace, two apps sharing a wrapper, a shared manifest, a Socket Mode bot, a policy.
func TestPrunedLoadSameAnswer(t *testing.T) {
	testdata := filepath.Join("..", "..", "testdata")
	for _, tc := range []struct{ name, dir, pattern string }{
		{"example", filepath.Join(testdata, "example"), "./..."},
		{"framework", filepath.Join(testdata, "layouts", "framework"), "./..."},
		{"workspace", filepath.Join(testdata, "layouts", "workspace"), "./bot/..."},
		{"twoapps", filepath.Join(testdata, "layouts"), "./twoapps/..."},
		{"shared", filepath.Join(testdata, "layouts"), "./shared/..."},
		{"events", filepath.Join(testdata, "layouts"), "./events"},
		{"policy", filepath.Join(testdata, "policy"), "./..."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOPROXY", "off")
			pruned := loadAndAnalyze(t, tc.dir, tc.pattern)
			t.Setenv("SLACKSCOPE_LOAD", "full")
			full := loadAndAnalyze(t, tc.dir, tc.pattern)
			if diff := cmp.Diff(full.results, pruned.results); diff != "" {
				t.Errorf("results (-full +pruned):\n%s", diff)
			}
			for _, path := range []string{"github.com/slack-go/slack", "github.com/slack-go/slack/slackevents"} {
				if !slices.Contains(pruned.source, path) && slices.Contains(full.source, path) {
					t.Errorf("pruned load: %s not from source", path)
				}
			}
			for _, path := range []string{"fmt", "net/http", "encoding/json", "crypto/tls"} {
				if slices.Contains(pruned.source, path) {
					t.Errorf("pruned load: %s from source, want export data", path)
				}
				if !slices.Contains(full.source, path) {
					t.Errorf("full load: %s not from source", path)
				}
			}
		})
	}
}

type loadResult struct {
	source  []string            // the packages of the graph loaded from source
	results map[string][]string // per root package: its program's uses, minimum and diagnostics
}

func loadAndAnalyze(t *testing.T, dir, pattern string) loadResult {
	t.Helper()
	pkgs, broken, err := driver.Load(dir, []string{pattern}, driver.Options{})
	if err != nil || len(broken) > 0 {
		t.Fatalf("Load: %v, broken %v", err, broken)
	}
	var res loadResult
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if len(p.Syntax) > 0 {
			res.source = append(res.source, p.PkgPath)
		}
		for _, imp := range p.Imports {
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
	graph, err := driver.Analyze(pkgs, analyzer.New(&analyzer.Config{NoManifest: true}))
	if err != nil {
		t.Fatal(err)
	}
	res.results = map[string][]string{}
	for _, act := range graph.Roots {
		r, ok := act.Result.(*analyzer.Result)
		if act.Err != nil || !ok {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		var lines []string
		for _, u := range r.Program {
			lines = append(lines, u.Method+" "+u.Position+" "+u.Callee)
		}
		for tok, m := range r.Minimum {
			lines = append(lines, fmt.Sprintf("%s: %+v", tok, m))
		}
		for _, d := range act.Diagnostics {
			lines = append(lines, fmt.Sprintf("%s: %s [%s]", act.Package.Fset.Position(d.Pos), d.Message, d.Category))
		}
		slices.Sort(lines)
		res.results[act.Package.PkgPath] = lines
	}
	return res
}
