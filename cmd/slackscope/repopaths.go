package main

import (
	"os"
	"path/filepath"
)

// repoPaths writes a run's file paths as a SARIF log and a baseline name them: relative to the
// repository root, the nearest directory above the file that holds .git (a directory,
// or the file a worktree or submodule has), and in a tree that is no repository,
// relative to the module root of the package that reported it. A file inside neither is
// named by its file name alone: a log that is uploaded names no path of the machine
// that made it.
type repoPaths struct {
	wd        string
	moduleOf  map[string]string // package path -> its module's root directory
	repoRoots map[string]string // directory -> the repository root above it, or ""
	files     map[string][]byte // file -> its content, read for a fix's lines
}

func newRepoPaths(run *analysisRun) *repoPaths {
	p := &repoPaths{moduleOf: map[string]string{}, repoRoots: map[string]string{}, files: map[string][]byte{}}
	p.wd, _ = os.Getwd()
	for _, r := range run.results {
		if r.pkg.Module != nil {
			p.moduleOf[r.pkg.PkgPath] = r.pkg.Module.Dir
		}
	}
	return p
}

// uri is file (absolute, or relative to the working directory) as the log names it,
// for a finding of package pkg.
func (p *repoPaths) uri(file, pkg string) string {
	if !filepath.IsAbs(file) && p.wd != "" {
		file = filepath.Join(p.wd, file)
	}
	root := p.repoRoot(filepath.Dir(file))
	if root == "" {
		root = p.moduleOf[pkg]
	}
	return pathInModule(root, file)
}

// repoRoot is the nearest directory at or above dir that holds .git, or "".
func (p *repoPaths) repoRoot(dir string) string {
	if r, ok := p.repoRoots[dir]; ok {
		return r
	}
	r := ""
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		r = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		r = p.repoRoot(parent)
	}
	p.repoRoots[dir] = r
	return r
}
