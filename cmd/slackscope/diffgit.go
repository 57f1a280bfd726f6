package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A gitRepo is the git repository that holds the working directory, as slackscope diff
// sees it.
type gitRepo struct {
	root string // its top-level directory
	// prefix is the working directory relative to root ("" at the top): the base is
	// analysed from the same subdirectory of its tree.
	prefix string
}

// gitOutput runs git with args in dir and returns its standard output; the error carries
// what git said on stderr.
func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return stdout.String(), fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}

// openRepo finds the repository of the working directory.
func openRepo() (*gitRepo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("git is not on PATH: diff reads the base revision with it")
	}
	out, err := gitOutput("", "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, errors.New("the working directory is not in a git repository: diff compares the working tree with a revision of its repository (-base)")
		}
		return nil, err
	}
	root, prefix, _ := strings.Cut(strings.TrimRight(out, "\n"), "\n")
	return &gitRepo{root: root, prefix: filepath.FromSlash(strings.TrimSuffix(prefix, "/"))}, nil
}

// resolve is the commit that ref names, in full.
func (r *gitRepo) resolve(ref string) (string, error) {
	if ref == "" || strings.HasPrefix(ref, "-") {
		return "", fmt.Errorf("-base %q: expected a revision (HEAD, origin/main, a commit's SHA)", ref)
	}
	out, err := gitOutput(r.root, "rev-parse", "--verify", "--quiet", ref+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("-base %s: unknown revision: no commit, branch or tag of the repository has that name (in CI, fetch the base first: a shallow clone lacks it)", ref)
	}
	return strings.TrimSpace(out), nil
}

// checkout checks commit out, detached, in a new worktree in a temporary directory, and
// returns its directory and the function that removes it (the worktree and the
// directory), which the caller defers.
func (r *gitRepo) checkout(commit string) (dir string, remove func() error, err error) {
	tmp, err := os.MkdirTemp("", "slackscope-diff-")
	if err != nil {
		return "", nil, err
	}
	// The analysis names files by their real paths: so does the tree.
	if dir, err = filepath.EvalSymlinks(tmp); err != nil {
		return "", nil, errors.Join(err, os.RemoveAll(tmp))
	}
	remove = func() error {
		_, err := gitOutput(r.root, "worktree", "remove", "--force", dir)
		if err != nil {
			// Whatever git left: the directory goes, and git forgets the worktree.
			_, pruneErr := gitOutput(r.root, "worktree", "prune")
			err = errors.Join(err, os.RemoveAll(tmp), pruneErr)
		}
		return err
	}
	if _, err := gitOutput(r.root, "worktree", "add", "--detach", "--quiet", dir, commit); err != nil {
		return "", nil, errors.Join(err, os.RemoveAll(tmp)) // git undoes a failed add itself
	}
	return dir, remove, nil
}

// shortCommit is the start of a commit's SHA that output names it by.
func shortCommit(commit string) string {
	return commit[:min(len(commit), 12)]
}
