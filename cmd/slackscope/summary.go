package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/analyzer"
)

// exitIncomplete is the exit status of a run that found nothing wrong but could not
// check everything: a program without a manifest (or a scope request in code), packages
// that did not load, no Slack use found at all. CI that insists on a full check fails
// on it; one that does not can accept 3.
const exitIncomplete = 3

// A summary says what a run checked; every check run ends with it on stderr, and -json
// output carries it.
type summary struct {
	Programs   []programSummary `json:"programs"`
	Packages   int              `json:"packages"`
	Uses       int              `json:"uses"`       // the methods, events and features the programs reach
	Unresolved int              `json:"unresolved"` // the calls they reach whose Web API method is not known
	// NotLoaded are the packages that did not load, with the reason.
	NotLoaded []string `json:"not_loaded,omitempty"`
	// Notes are what the manifest search said (a file passed over).
	Notes []string `json:"notes,omitempty"`

	requireManifest bool
}

// A programSummary is one program (a main package, or the package when none is) and
// what it was checked against.
type programSummary struct {
	Package string `json:"package"`
	// CheckedAgainst are the manifest and the scope requests in code; empty: nothing.
	CheckedAgainst []string `json:"checked_against"`
	// Looked are the directories searched for a manifest, nearest first.
	Looked []string `json:"looked,omitempty"`
}

func summarize(run *analysisRun, requireManifest bool) *summary {
	s := &summary{Programs: []programSummary{}, requireManifest: requireManifest}
	wd, _ := os.Getwd()
	for _, b := range run.broken {
		s.NotLoaded = append(s.NotLoaded, b.Package+": "+b.Err)
	}
	for _, r := range run.results {
		s.Packages++
		for _, n := range r.res.Search.Notes {
			n = strings.ReplaceAll(n, wd+string(os.PathSeparator), "")
			if !slices.Contains(s.Notes, n) {
				s.Notes = append(s.Notes, n)
			}
		}
	}
	// What the programs reach, wherever it is (a workspace module, a shared package),
	// each use once; dead code is not counted.
	uses, unresolved := map[string]bool{}, map[string]bool{}
	for _, r := range programRoots(run) {
		for _, u := range r.res.Program {
			if u.Kind != analyzer.FieldUse { // a field read goes with the call it reads (users.info)
				uses[u.Kind.String()+" "+u.Method] = true
			}
		}
		for _, u := range r.res.ProgramUnresolved {
			unresolved[u.Position+" "+u.Callee] = true
		}
	}
	s.Uses, s.Unresolved = len(uses), len(unresolved)
	for _, r := range programRoots(run) {
		p := programSummary{Package: r.pkg.PkgPath, CheckedAgainst: []string{}}
		for _, req := range r.res.Requests {
			p.CheckedAgainst = append(p.CheckedAgainst, relTo(wd, req))
		}
		for _, d := range r.res.Search.Looked {
			p.Looked = append(p.Looked, relTo(wd, d))
		}
		s.Programs = append(s.Programs, p)
	}
	return s
}

// programRoots are the main packages among the roots, or every root when none is a
// command.
func programRoots(run *analysisRun) []rootResult {
	var roots []rootResult
	for _, r := range run.results {
		if r.pkg.Name == "main" {
			roots = append(roots, r)
		}
	}
	if len(roots) == 0 {
		return run.results
	}
	return roots
}

// unchecked are the programs checked against no request (none with -require-manifest,
// which makes them findings).
func (s *summary) unchecked() []string {
	if s.requireManifest {
		return nil
	}
	var out []string
	for _, p := range s.Programs {
		if len(p.CheckedAgainst) == 0 {
			out = append(out, p.Package)
		}
	}
	return out
}

// incomplete reports whether the run left something unchecked.
func (s *summary) incomplete() bool {
	return len(s.NotLoaded) > 0 || s.Uses == 0 || len(s.unchecked()) > 0
}

// write writes the summary for people: the packages that did not load first, the
// search's notes, what went unchecked, and one closing line of what was checked.
func (s *summary) write(w io.Writer, verbose bool) {
	writeNotLoaded(w, s.NotLoaded, s.Packages > 0)
	for _, n := range s.Notes {
		fmt.Fprintf(w, "slackscope: %s\n", n)
	}
	for _, p := range s.Programs {
		if verbose {
			fmt.Fprintf(w, "slackscope: %s: manifest looked for in %s\n", p.Package, strings.Join(p.Looked, ", "))
		}
	}
	for _, p := range s.unchecked() {
		fmt.Fprintf(w, "slackscope: %s: no Slack app manifest found (manifest.yml, manifest.yaml or manifest.json, also in slack/ or .slack/, up to the repository root), nor a scope request in code: what it requests was not checked; pass -manifest, or -require-manifest to make this a finding\n", p)
	}
	if s.Uses == 0 && s.Packages > 0 {
		fmt.Fprintln(w, "slackscope: found no Slack Web API call, event handler or app feature: nothing needed checking (is this the app's module?)")
	}
	var against []string
	for _, p := range s.Programs {
		for _, a := range p.CheckedAgainst {
			if !slices.Contains(against, a) {
				against = append(against, a)
			}
		}
	}
	checked := "no request"
	if len(against) > 0 {
		checked = strings.Join(against, ", ")
	}
	if s.Packages == 0 {
		return
	}
	fmt.Fprintf(w, "slackscope: checked %d %s (%d %s): %d Slack %s found (calls, handlers, features), %d unresolved; against %s\n",
		len(s.Programs), plural2(len(s.Programs), "program", "programs"),
		s.Packages, plural2(s.Packages, "package", "packages"),
		s.Uses, plural2(s.Uses, "use", "uses"), s.Unresolved, checked)
}

// writeNotLoaded lists the packages that did not load, with the reason; partial says
// that others did, and were analysed.
func writeNotLoaded(w io.Writer, notLoaded []string, partial bool) {
	if len(notLoaded) == 0 {
		return
	}
	tail := ""
	if partial {
		tail = "; the answer is partial"
	}
	fmt.Fprintf(w, "slackscope: %d %s did not load%s:\n", len(notLoaded), plural2(len(notLoaded), "package", "packages"), tail)
	for _, n := range notLoaded {
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(n, "\n", "\n    "))
	}
}

func plural2(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
