package load

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/internal/derive"
)

// BenchmarkDeriveSlackGo derives the bindings of every package of the pinned slack-go,
// in dependency order, from already type-checked syntax, as the analyzer does for a
// dependency (summaries, no call sites): the derivation's own cost, not the loading
// every analyzer pays.
func BenchmarkDeriveSlackGo(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: pinned.dir}
	pkgs, err := packages.Load(cfg, pinned.module+"/...")
	if err != nil {
		b.Fatal(err)
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		if !skipped(p.PkgPath, skip) {
			roots = append(roots, p)
		}
	}
	roots = order(roots)
	b.ReportAllocs()
	for b.Loop() {
		sums := map[string]*derive.Summary{}
		for _, p := range roots {
			d := derive.Package(derive.Input{Pkg: p.Types, Files: p.Syntax, Info: p.TypesInfo,
				Imported: func(f *types.Func) *derive.Summary { return sums[f.FullName()] }, NoSites: true})
			for f, s := range d.Summaries {
				sums[f.FullName()] = s
			}
		}
	}
}
