package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// slackscope fix on a copy of testdata/fix (a program whose YAML and JSON manifests
// request a deprecated, a misspelt and an unused scope and lack one; a Socket Mode app
// whose manifest lacks its settings, a subscription and a scope, and subscribes to an
// event nothing handles): -diff shows the change and writes nothing; fix rewrites each
// manifest, comments and order kept, into testdata/fix-<kind>-manifest.golden; a second
// run has nothing to fix.
func TestFixGolden(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "fix"))); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []struct{ pkg, manifest string }{{"yaml", "manifest.yml"}, {"json", "manifest.json"}, {"socket", "manifest.yml"}} {
		t.Run(kind.pkg, func(t *testing.T) {
			path := filepath.Join(dir, kind.pkg, kind.manifest)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			runGolden(t, goldenCase{name: "fix-diff-" + kind.pkg, args: []string{"slackscope", "fix", "-diff", "./" + kind.pkg}, code: exitFindings}, dir)
			if after, err := os.ReadFile(path); err != nil || string(after) != string(before) {
				t.Fatalf("fix -diff changed %s (%v)", kind.manifest, err)
			}
			runGolden(t, goldenCase{name: "fix-" + kind.pkg, args: []string{"slackscope", "fix", "./" + kind.pkg}, code: exitOK}, dir)
			compareGoldenFile(t, filepath.Join("testdata", "fix-"+kind.pkg+"-manifest.golden"), path)
			runGolden(t, goldenCase{name: "fix-again-" + kind.pkg, args: []string{"slackscope", "fix", "./" + kind.pkg}, code: exitOK}, dir)
			compareGoldenFile(t, filepath.Join("testdata", "fix-"+kind.pkg+"-manifest.golden"), path)
		})
	}
}

// compareGoldenFile compares the file at path with the golden file (rewritten with -update).
func compareGoldenFile(t *testing.T, golden, path string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, golden, string(got))
}

// Merging: an edit two fixes make is made once; an insertion of a scope another fix's
// replacement brings in is dropped; a fix that overlaps another differently is skipped.
func TestMergeFixes(t *testing.T) {
	content := []byte("oauth_config:\n  scopes:\n    bot:\n      - chat:write:bot\n")
	end := len(content)
	ins := func(text string) fileFix {
		return fileFix{Message: "add", Edits: []fileEdit{{Start: end, End: end, Text: text}}}
	}
	at := strings.Index(string(content), "chat:write:bot")
	replace := fileFix{Message: "replace", Edits: []fileEdit{{Start: at, End: at + len("chat:write:bot"), Text: "chat:write"}}}
	overlapping := fileFix{Message: "remove", Edits: []fileEdit{{Start: at - len("- "), End: end}}}
	m := mergeFixes(content, []fileFix{replace, ins("      - users:read\n"), ins("      - users:read\n"), ins("      - chat:write\n"), overlapping})
	if want := "oauth_config:\n  scopes:\n    bot:\n      - chat:write\n      - users:read\n"; string(m.content) != want || m.applied != 2 {
		t.Errorf("merged (%d applied):\n%s\nwant\n%s", m.applied, m.content, want)
	}
	if len(m.skipped) != 1 || m.skipped[0].fix.Message != "remove" {
		t.Errorf("skipped %v, want the overlapping removal", m.skipped)
	}
}

// fix's help, on stdout with exit 0 however it is asked for.
func TestFixHelpGolden(t *testing.T) {
	for _, args := range [][]string{{"slackscope", "fix", "-h"}, {"slackscope", "help", "fix"}, {"slackscope", "fix", "./...", "--help"}} {
		runGolden(t, goldenCase{name: "help-fix", args: args, code: exitOK}, ".")
	}
}
