package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/slackscope/slackscope/manifest"
)

// runFix is slackscope fix: the check's analysis, then every suggested fix that edits a
// manifest the run checked against (deprecated, misspelt, unused and missing scopes),
// merged and written in place, or shown as a unified diff with -diff. The manifest is
// changed only where a fix says: comments, order and every other byte stay.
func runFix(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fix", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c checkFlags
	c.registerAnalysis(fs)
	diff := fs.Bool("diff", false, "print the changes as a unified diff on stdout and change nothing (exit status 1 when there are some)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: slackscope fix [-manifest file] [-diff] [flags] packages")
		fs.PrintDefaults()
	}
	run, ok := c.parseAndAnalyze(fs, args, stderr, "text")
	if !ok {
		return exitFailure
	}
	sum := summarize(run, false)
	sum.write(stderr, c.verbose)
	if len(run.results) == 0 {
		return exitFailure
	}
	wd, _ := os.Getwd()
	code := exitOK
	changed := 0
	for _, mf := range manifestFixes(run) {
		name := relTo(wd, mf.path)
		content, err := os.ReadFile(mf.path)
		if err != nil {
			fmt.Fprintf(stderr, "slackscope: %v\n", err)
			return exitFailure
		}
		m := mergeFixes(content, mf.fixes)
		for _, s := range m.skipped {
			fmt.Fprintf(stderr, "slackscope: %s: skipped a fix (%s): %s\n", name, s.fix.Message, s.why)
			code = exitFindings
		}
		if m.applied == 0 {
			continue
		}
		changed++
		if *diff {
			writeUnifiedDiff(stdout, name, content, m.content)
			code = exitFindings
			continue
		}
		mode := os.FileMode(0o644)
		if st, err := os.Stat(mf.path); err == nil {
			mode = st.Mode().Perm()
		}
		if err := os.WriteFile(mf.path, m.content, mode); err != nil {
			fmt.Fprintf(stderr, "slackscope: %v\n", err)
			return exitFailure
		}
		edits := "edits"
		if m.applied == 1 {
			edits = "edit"
		}
		fmt.Fprintf(stderr, "slackscope: fixed %s (%d %s)\n", name, m.applied, edits)
	}
	if changed == 0 {
		fmt.Fprintln(stderr, "slackscope: nothing to fix")
		if code == exitOK && sum.incomplete() {
			return exitIncomplete
		}
	}
	return code
}

// A manifestFix is a manifest the run checked against and the fixes that edit it, in
// the order of the findings.
type manifestFix struct {
	path  string
	fixes []fileFix
}

// manifestFixes collects the fixes of the run's findings whose edits are all in a
// manifest some program was checked against (never a Go file, never a fix that also
// edits another file), per manifest.
func manifestFixes(run *analysisRun) []manifestFix {
	manifests := map[string]bool{}
	for _, r := range run.results {
		if r.res.Manifest != nil {
			if abs, err := filepath.Abs(r.res.Manifest.Path); err == nil {
				manifests[abs] = true
			}
		}
	}
	var out []manifestFix
	for _, f := range run.findings {
		for _, fix := range f.Fixes {
			if len(fix.Edits) == 0 || !manifests[fix.Edits[0].File] ||
				slices.ContainsFunc(fix.Edits, func(e fileEdit) bool { return e.File != fix.Edits[0].File }) {
				continue
			}
			i := slices.IndexFunc(out, func(m manifestFix) bool { return m.path == fix.Edits[0].File })
			if i < 0 {
				i = len(out)
				out = append(out, manifestFix{path: fix.Edits[0].File})
			}
			out[i].fixes = append(out[i].fixes, fix)
		}
	}
	return out
}

// A merge is what mergeFixes made of one manifest's fixes.
type merge struct {
	content []byte
	applied int // fixes applied, duplicates not counted
	skipped []skippedFix
}

type skippedFix struct {
	fix fileFix
	why string
}

// mergeFixes applies fixes to content, in order, as one change (manifest.Apply: the
// same edit made by several fixes is made once, and insertions at one place that
// create keys are merged as the paths they are). A fix that changes nothing more (several
// calls missing one scope) is a duplicate. A fix that overlaps an accepted one
// differently, or after which the manifest no longer reads, is skipped and said. A fix
// that would make a list name a scope twice (an insertion of the scope another fix's
// replacement brings in) is dropped as a duplicate.
func mergeFixes(content []byte, fixes []fileFix) merge {
	m := merge{content: content}
	var accepted [][]manifest.Edit
	dups := 0
	if man, err := manifest.Parse("manifest", content); err == nil {
		dups = duplicateScopes(man)
	}
	for _, fix := range fixes {
		if slices.ContainsFunc(fix.Edits, func(e fileEdit) bool { return e.Start > e.End || e.End > len(content) }) {
			m.skipped = append(m.skipped, skippedFix{fix, "the manifest changed while it was checked"})
			continue
		}
		edits := make([]manifest.Edit, len(fix.Edits))
		for i, e := range fix.Edits {
			edits[i] = manifest.Edit{Offset: e.Start, End: e.End, Text: e.Text}
		}
		if slices.ContainsFunc(edits, func(e manifest.Edit) bool {
			return slices.ContainsFunc(accepted, func(a []manifest.Edit) bool {
				return slices.ContainsFunc(a, func(a manifest.Edit) bool { return a != e && overlap(a, e) })
			})
		}) {
			m.skipped = append(m.skipped, skippedFix{fix, "it overlaps another fix"})
			continue
		}
		next := manifest.Apply(content, append(slices.Clone(accepted), edits)...)
		if string(next) == string(m.content) {
			continue
		}
		man, err := manifest.Parse("manifest", next)
		if err != nil {
			m.skipped = append(m.skipped, skippedFix{fix, "the manifest would not read after it: " + err.Error()})
			continue
		}
		if duplicateScopes(man) > dups {
			continue
		}
		accepted = append(accepted, edits)
		m.content = next
		m.applied++
	}
	return m
}

// overlap reports whether two edits of one file change the same bytes: two insertions
// never do (they go in order); an insertion overlaps a replacement only strictly
// inside it.
func overlap(a, b manifest.Edit) bool {
	switch {
	case a.Offset == a.End && b.Offset == b.End:
		return false
	case a.Offset == a.End:
		return b.Offset < a.Offset && a.Offset < b.End
	case b.Offset == b.End:
		return a.Offset < b.Offset && b.Offset < a.End
	}
	return a.Offset < b.End && b.Offset < a.End
}

// duplicateScopes counts the scopes a manifest's lists name more than once.
func duplicateScopes(man *manifest.Manifest) int {
	n := 0
	for _, list := range [][]manifest.Ref{man.Bot, man.User, man.BotOptional, man.UserOptional} {
		seen := map[string]bool{}
		for _, r := range list {
			if seen[r.Name] {
				n++
			}
			seen[r.Name] = true
		}
	}
	return n
}
