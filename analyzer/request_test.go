package analyzer

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/manifest"
)

// A manifestFinding is a diagnostic of checkManifest and the line it points at.
type manifestFinding struct {
	analysis.Diagnostic
	line int
}

// checkManifest runs the checks of a manifest's request on its own (parse, the
// manifest's problems, checkRequest), outside any package, and returns what they report.
func checkManifest(tb testing.TB, content []byte) []manifestFinding {
	tb.Helper()
	req, rep, diags := manifestRequest(tb, content)
	req.reportProblems(rep)
	req.checkRequest(rep)
	rep.finish()
	out := make([]manifestFinding, len(*diags))
	for i, d := range *diags {
		out[i] = manifestFinding{Diagnostic: d}
		if d.Pos.IsValid() {
			out[i].line = req.file.Line(d.Pos)
		}
	}
	return out
}

// manifestRequest is the request of a manifest outside any package, the reporter the
// checks report to, and where its diagnostics go.
func manifestRequest(tb testing.TB, content []byte) (*request, *reporter, *[]analysis.Diagnostic) {
	tb.Helper()
	man, err := manifest.Parse("manifest.yml", content)
	if err != nil {
		tb.Fatal(err)
	}
	diags := new([]analysis.Diagnostic)
	pass := &analysis.Pass{Fset: token.NewFileSet(), Report: func(d analysis.Diagnostic) { *diags = append(*diags, d) }}
	return fromManifest(pass, man), newReporter(pass, false), diags
}

// unknownScopesManifest is a manifest whose bot list requests chat:write and then n
// scopes no catalog has, one a line from line 5, named by format and their number
// (x%d:read: x1:read, x2:read, ...).
func unknownScopesManifest(n int, format string) []byte {
	var b strings.Builder
	b.WriteString("oauth_config:\n  scopes:\n    bot:\n      - chat:write\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "      - "+format+"\n", i)
	}
	return []byte(b.String())
}

// A scope requested several times is reported once at each line that requests it, not
// once per line for every occurrence.
func TestDuplicatedUnknownScopeReportedAtEachLine(t *testing.T) {
	content := []byte("oauth_config:\n  scopes:\n    bot:\n      - chat:wrte\n      - users:read\n      - chat:wrte\n      - chat:wrte\n")
	diags := checkManifest(t, content)
	var lines []int
	for _, d := range diags {
		if d.Category != "unknown-scope" {
			continue
		}
		lines = append(lines, d.line)
		if want := `unknown scope "chat:wrte" in the bot scopes (did you mean chat:write?)`; d.Message != want {
			t.Errorf("message = %q, want %q", d.Message, want)
		}
		if len(d.SuggestedFixes) != 1 {
			t.Errorf("line %d: %d fixes, want the one replacing it", lines[len(lines)-1], len(d.SuggestedFixes))
		}
	}
	if got, want := fmt.Sprint(lines), "[4 6 7]"; got != want {
		t.Errorf("unknown-scope findings at lines %s, want %s", got, want)
	}
}

// Beyond the catalog's cap on suggestions, every unknown scope still has its finding, at
// its own line, without a "did you mean".
func TestUnknownScopesBeyondSuggestionCap(t *testing.T) {
	// c1at:write to c999at:write: each is close enough to chat:write to be suggested
	// it, were there no cap.
	const n = 999
	diags := checkManifest(t, unknownScopesManifest(n, "c%dat:write"))
	seen := map[int]bool{}
	suggested := 0
	for _, d := range diags {
		if d.Category != "unknown-scope" {
			t.Errorf("unexpected finding %q [%s]", d.Message, d.Category)
			continue
		}
		seen[d.line] = true
		if strings.Contains(d.Message, "did you mean") {
			suggested++
		}
	}
	for line := 5; line < 5+n; line++ {
		if !seen[line] {
			t.Errorf("no finding at line %d (c%dat:write)", line, line-4)
		}
	}
	if len(diags) != n {
		t.Errorf("%d findings, want %d", len(diags), n)
	}
	if suggested == 0 || suggested > 100 {
		t.Errorf("%d findings suggest a scope, want some, at most the cap of 100", suggested)
	}
}

// BenchmarkManifestCheck checks a manifest of n unknown scopes, from its bytes: parsing,
// positions and Validate. Its cost per scope should not grow with n.
func BenchmarkManifestCheck(b *testing.B) {
	for _, n := range []int{100, 10_000, 400_000} {
		content := unknownScopesManifest(n, "x%d:read")
		b.Run(fmt.Sprintf("scopes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if got := len(checkManifest(b, content)); got != n {
					b.Fatalf("%d findings, want %d", got, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/scope")
		})
	}
}

// A scope requested without the one it needs gets the fix that adds that one to its
// list (in the list's style), or the replacement that brings it in already.
func TestMissingDependencyFix(t *testing.T) {
	for _, tc := range []struct{ name, content, want string }{
		{"added", "oauth_config:\n  scopes:\n    bot:\n      - chat:write.public # posts anywhere\n",
			"oauth_config:\n  scopes:\n    bot:\n      - chat:write.public # posts anywhere\n      - chat:write\n"},
		{"user list, flow", "oauth_config:\n  scopes:\n    user: [users:read.email]\n",
			"oauth_config:\n  scopes:\n    user: [users:read.email, users:read]\n"},
		{"brought by a replacement", "oauth_config:\n  scopes:\n    bot:\n      - chat:write.public\n      - chat:write:bot\n",
			"oauth_config:\n  scopes:\n    bot:\n      - chat:write.public\n      - chat:write\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _, _ := manifestRequest(t, []byte(tc.content))
			var fixes [][]manifest.Edit
			for _, d := range checkManifest(t, []byte(tc.content)) {
				if d.Category != "missing-dependency" {
					continue
				}
				if len(d.SuggestedFixes) != 1 {
					t.Fatalf("%q: %d fixes, want 1", d.Message, len(d.SuggestedFixes))
				}
				var edits []manifest.Edit
				for _, e := range d.SuggestedFixes[0].TextEdits {
					edits = append(edits, manifest.Edit{Offset: req.file.Offset(e.Pos), End: req.file.Offset(e.End), Text: string(e.NewText)})
				}
				fixes = append(fixes, edits)
			}
			if len(fixes) == 0 {
				t.Fatal("no missing-dependency finding")
			}
			if got := string(manifest.Apply([]byte(tc.content), fixes...)); got != tc.want {
				t.Errorf("after the fix:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
