package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/analyzer"
)

// BenchmarkAnalyzeLargePackage runs the analyzer (with slackbindings, on the package and
// its dependencies, slack-go included) over one generated package of 500 functions that
// call the Slack API, already loaded: the analysis's own cost, not the type-checking
// every analyzer pays (make bench measures whole runs).
func BenchmarkAnalyzeLargePackage(b *testing.B) {
	dir := b.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "example", f))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var src strings.Builder
	src.WriteString("package big\n\nimport \"github.com/slack-go/slack\"\n")
	for i := range 500 {
		fmt.Fprintf(&src, `
func f%[1]d(c *slack.Client, ch string) error {
	_, ts, err := c.PostMessage(ch, slack.MsgOptionText("%[1]d", false), slack.MsgOptionUsername("bot"))
	if err != nil {
		return err
	}
	c.AddReaction("eyes", slack.NewRefToMessage(ch, ts))
	_, _, err = c.GetConversations(&slack.GetConversationsParameters{Types: []string{"im"}})
	return err
}
`, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.go"), []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("loading: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a := analyzer.New(&analyzer.Config{Token: "bot", NoManifest: true})
		g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		if res := g.Roots[0].Result.(*analyzer.Result); len(res.Uses) != 1500 {
			b.Fatalf("%d uses, want 1500", len(res.Uses))
		}
	}
}
