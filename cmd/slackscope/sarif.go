package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/analyzer"
)

// writeSARIF writes a run's findings as a SARIF 2.1.0 log, which GitHub code scanning
// shows inline on pull requests: one rule per category, one result per finding. The
// run's properties name the manifest each program was checked against (see
// sarifManifests), so that a log with no result still says what it passed.
func writeSARIF(w io.Writer, run *analysisRun) {
	findings := run.findings
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region region `json:"region"`
		} `json:"physicalLocation"`
	}
	type message struct {
		Text string `json:"text"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		Level     string     `json:"level"`
		Message   message    `json:"message"`
		Locations []location `json:"locations"`
	}
	type rule struct {
		ID               string  `json:"id"`
		ShortDescription message `json:"shortDescription"`
		HelpURI          string  `json:"helpUri"`
	}
	var rules []rule
	var results []result
	for _, f := range findings {
		if !slices.ContainsFunc(rules, func(r rule) bool { return r.ID == f.Category }) {
			rules = append(rules, rule{ID: f.Category, ShortDescription: message{checkTitle(f.Category)},
				HelpURI: checkURL(f.Category)})
		}
		var loc location
		loc.PhysicalLocation.ArtifactLocation.URI = filepath.ToSlash(f.File)
		loc.PhysicalLocation.Region = region{f.Line, f.Col}
		results = append(results, result{RuleID: f.Category, Level: "warning", Message: message{f.Message}, Locations: []location{loc}})
	}
	slices.SortFunc(rules, func(a, b rule) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	if results == nil {
		results = []result{}
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "slackscope",
				"informationUri": "https://pkg.go.dev/github.com/slackscope/slackscope",
				"rules":          rules,
			}},
			"results":    results,
			"properties": map[string]any{"manifests": sarifManifests(run)},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(log)
}

// A sarifManifest is a program of the run and the manifest it was checked against.
type sarifManifest struct {
	Program string `json:"program"`
	Path    string `json:"path"`
}

// sarifManifests are the run's programs that were checked against a manifest, by
// package path, each with the manifest's path relative to the program's module root
// (slash-separated). A manifest outside the module is named by its file name alone: a
// log that is uploaded names no path of the machine that made it. Empty, never nil,
// when no program had a manifest.
func sarifManifests(run *analysisRun) []sarifManifest {
	out := []sarifManifest{}
	for _, r := range programRoots(run) {
		if r.res.Manifest == nil {
			continue
		}
		root := ""
		if r.pkg.Module != nil {
			root = r.pkg.Module.Dir
		}
		out = append(out, sarifManifest{Program: r.pkg.PkgPath, Path: pathInModule(root, r.res.Manifest.Path)})
	}
	slices.SortFunc(out, func(a, b sarifManifest) int { return strings.Compare(a.Program, b.Program) })
	return out
}

// pathInModule is path relative to the module root, slash-separated, or its file name
// when it is not inside root (or root is unknown).
func pathInModule(root, path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if rel, err := filepath.Rel(root, path); root != "" && err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.Base(path)
}

// checkURL is where a check is documented.
func checkURL(name string) string {
	if c, ok := analyzer.CheckNamed(name); ok {
		return c.URL()
	}
	return "https://pkg.go.dev/github.com/slackscope/slackscope/analyzer"
}

// checkTitle is the one-line title of a check, from the analyzer's table of checks.
func checkTitle(name string) string {
	if c, ok := analyzer.CheckNamed(name); ok {
		return c.Title
	}
	return name
}
