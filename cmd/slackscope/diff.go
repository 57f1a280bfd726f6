package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// diffFlags are the flags of slackscope diff.
type diffFlags struct {
	base   string // -base: the git revision the working tree is compared with
	token  string // -token: the token type the programs call with
	format string // -format: text, json or markdown
}

// runDiff is slackscope diff: what the change from a git revision to the working tree
// adds to and removes from the scopes the programs need, the subscriptions their
// handlers need and the scopes their manifests request.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f diffFlags
	fs.StringVar(&f.base, "base", "HEAD", "the git revision to compare the working tree with: HEAD shows what the uncommitted change adds; in CI, the pull request's base (origin/main, or its SHA)")
	fs.StringVar(&f.token, "token", "bot", "the token type the programs call with: bot or user")
	fs.StringVar(&f.format, "format", "text", "output: text, json or markdown (a pull-request comment)")
	fs.BoolFunc("json", "same as -format json", func(string) error { f.format = "json"; return nil })
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: slackscope diff [-base revision] [-token bot|user] [-format text|json|markdown] packages")
		fs.PrintDefaults()
	}
	if !parsePackageArgs(fs, args, func() string { return f.format }, stderr, "text", "json", "markdown") {
		return exitFailure
	}
	if f.token != "bot" && f.token != "user" {
		fmt.Fprintf(stderr, "slackscope: diff: -token %s: expected bot or user\n", f.token)
		return exitFailure
	}
	d, err := f.compare(fs.Args(), stderr)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: diff: %v\n", err)
		return exitFailure
	}
	if err := writeDiff(stdout, d, f.format); err != nil {
		fmt.Fprintf(stderr, "slackscope: writing the diff: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stderr, "slackscope: diff compared the working tree with %s (%s)\n", d.Base, shortCommit(d.BaseCommit))
	return d.exitCode()
}

// compare analyses the packages in the working tree and at the base, and compares them;
// what stderr should say of either tree (packages that did not load, notes) it has said.
func (f *diffFlags) compare(patterns []string, stderr io.Writer) (*scopeDiff, error) {
	repo, err := openRepo()
	if err != nil {
		return nil, err
	}
	commit, err := repo.resolve(f.base)
	if err != nil {
		return nil, err
	}
	work, err := analyzeSide(patterns, f.token)
	if err != nil {
		return nil, err
	}
	if len(work.programs) == 0 {
		writeNotLoaded(stderr, work.notLoaded, false)
		return nil, errors.New("no package of the working tree loaded: nothing to compare")
	}
	base, err := f.analyzeBase(repo, commit, patterns, work, stderr)
	if err != nil {
		return nil, err
	}
	writeSideNotes(stderr, "in the working tree", work)
	writeSideNotes(stderr, "at "+f.base, base)
	d := compareSides(base, work)
	d.Base, d.BaseCommit = f.base, commit
	return d, nil
}

// analyzeBase checks commit out in a temporary worktree, analyses the packages from the
// working directory's place in it, reads the manifests each tree's programs use in the
// other, and removes the worktree. A base that gives no package is a side without
// programs: one the directory is new in holds none; one that does not load is partial.
func (f *diffFlags) analyzeBase(repo *gitRepo, commit string, patterns []string, work *diffSide, stderr io.Writer) (*diffSide, error) {
	tree, remove, err := repo.checkout(commit)
	if err != nil {
		return nil, fmt.Errorf("checking %s out: %w", f.base, err)
	}
	defer func() {
		// The answer stands; the leftover is said.
		if err := remove(); err != nil {
			fmt.Fprintf(stderr, "slackscope: diff: removing the worktree of %s: %v\n", f.base, err)
		}
	}()
	dir := filepath.Join(tree, repo.prefix)
	base, err := f.analyzeIn(dir, patterns)
	if err != nil {
		return nil, err
	}
	readEachOther(base, work)
	return base, nil
}

// analyzeIn analyses the packages from dir, a directory of the base's tree; the base's
// own errors (it has no such directory, it does not load) are said in its notes.
func (f *diffFlags) analyzeIn(dir string, patterns []string) (*diffSide, error) {
	if _, err := os.Stat(dir); err != nil {
		base := newSide(dir)
		base.notes = append(base.notes, "the working directory is new: every program is")
		return base, nil
	}
	var base *diffSide
	var loadErr error
	if err := inDir(dir, func() error {
		base, loadErr = analyzeSide(patterns, f.token)
		return nil
	}); err != nil {
		return nil, err
	}
	if base == nil {
		return nil, loadErr
	}
	if loadErr != nil {
		base.notes = append(base.notes, "nothing loaded: "+inside(dir, loadErr.Error()))
		base.partial = true
	}
	for i, n := range base.notLoaded {
		base.notLoaded[i] = inside(dir, n)
	}
	return base, nil
}

// writeSideNotes writes what stderr says of one tree (where: "at HEAD~1"): the packages
// that did not load, and the notes.
func writeSideNotes(w io.Writer, where string, s *diffSide) {
	if len(s.notLoaded) > 0 {
		fmt.Fprintf(w, "slackscope: diff: %s:\n", where)
		writeNotLoaded(w, s.notLoaded, true)
	}
	for _, n := range s.notes {
		fmt.Fprintf(w, "slackscope: diff: %s: %s\n", where, n)
	}
}

// inside is msg with the files under dir named relative to it, as positions are: the
// base's tree is gone once diff is done.
func inside(dir, msg string) string {
	return strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
}
