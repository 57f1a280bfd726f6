package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/internal/driver"
	"github.com/slackscope/slackscope/manifest"
)

// A diffSide is one of the two trees slackscope diff compares: what its programs need,
// as scopes computes it, and what their manifests request.
type diffSide struct {
	// dir is the directory the packages are loaded from: the working directory, or the
	// same subdirectory of the base's tree. Positions are relative to it.
	dir      string
	programs map[string]sideProgram // by package path
	// manifests are the programs' manifests by path relative to dir (nil: the tree has
	// none there); unreadable are the paths whose manifest does not parse, which are not
	// compared.
	manifests  map[string]*manifest.Manifest
	unreadable map[string]bool
	notLoaded  []string
	// notes are what stderr says of the tree: a manifest that does not parse, a load
	// that failed; partial is set when they make the answer partial.
	notes   []string
	partial bool
}

// A sideProgram is one program of a tree: its minimum scope set and, for each event its
// handlers need a subscription to, one handler's position.
type sideProgram struct {
	scopes programScopes
	events map[string]string
}

func newSide(dir string) *diffSide {
	return &diffSide{dir: dir, programs: map[string]sideProgram{}, manifests: map[string]*manifest.Manifest{}, unreadable: map[string]bool{}}
}

// analyzeSide runs the analysis of scopes on the packages, from the working directory,
// and reads the manifest each program's check would find. The side is returned with the
// error of a load that gave nothing.
func analyzeSide(patterns []string, token string) (*diffSide, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	s := newSide(wd)
	// What a program needs does not depend on what it requests: no manifest is checked.
	cfg := analyzer.Config{Token: token, NoManifest: true}
	run, err := analyze("", patterns, &cfg, driver.Options{})
	if err != nil {
		return s, err
	}
	for _, b := range run.broken {
		s.notLoaded = append(s.notLoaded, b.Package+": "+b.Err)
	}
	if len(run.results) == 0 {
		return s, nil
	}
	progs, roots := programs(run), programRoots(run)
	for i, p := range progs {
		s.programs[p.Package] = sideProgram{scopes: p, events: handlerPositions(wd, roots[i].res.Program)}
		path, err := programManifest("", packageDir(roots[i]))
		if err != nil {
			return s, err
		}
		if path != "" {
			s.readManifest(relPath(wd, path))
		}
	}
	return s, nil
}

// handlerPositions are, for each event among uses, the position of one handler.
func handlerPositions(wd string, uses []analyzer.FactUse) map[string]string {
	out := map[string]string{}
	for _, u := range uses {
		if u.Kind == analyzer.EventUse && out[u.Method] == "" {
			out[u.Method] = relPosition(wd, u.Position)
		}
	}
	return out
}

// relPath is path relative to dir, "../" and all: both trees name a manifest above the
// working directory alike.
func relPath(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return path
}

// readManifest reads the manifest at path (relative to the side's directory), once; a
// file that is not there, or not a Slack app manifest, requests nothing.
func (s *diffSide) readManifest(path string) {
	if _, done := s.manifests[path]; done || s.unreadable[path] {
		return
	}
	content, err := os.ReadFile(filepath.Join(s.dir, path))
	switch {
	case errors.Is(err, fs.ErrNotExist), err == nil && !manifest.IsSlack(content):
		s.manifests[path] = nil
		return
	case err != nil:
		s.unreadable[path] = true
		s.notes = append(s.notes, fmt.Sprintf("%s: %v", path, errors.Unwrap(err)))
		s.partial = true
		return
	}
	m, err := manifest.Parse(path, content)
	if err != nil {
		s.unreadable[path] = true
		s.notes = append(s.notes, fmt.Sprintf("%v: its requests are not compared", err))
		s.partial = true
		return
	}
	s.manifests[path] = m
}

// manifestPaths are the paths of the side's manifests, read or not, in order.
func (s *diffSide) manifestPaths() []string {
	paths := slices.Collect(maps.Keys(s.manifests))
	paths = append(paths, slices.Collect(maps.Keys(s.unreadable))...) // no path is in both
	slices.Sort(paths)
	return paths
}

// readEachOther reads in each tree the manifests the other tree's programs use: a
// manifest only one tree's programs find (a program the change adds, whose manifest
// was already there) is compared with what the other tree holds at its path.
func readEachOther(a, b *diffSide) {
	for _, p := range a.manifestPaths() {
		b.readManifest(p)
	}
	for _, p := range b.manifestPaths() {
		a.readManifest(p)
	}
}

// inDir runs fn with dir as the working directory, and goes back.
func inDir(dir string, fn func() error) error {
	old, err := os.Getwd()
	if err != nil {
		return err
	}
	if err := os.Chdir(dir); err != nil {
		return err
	}
	return errors.Join(fn(), os.Chdir(old))
}
