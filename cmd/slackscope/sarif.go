package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/analyzer"
)

// SARIF objects, as far as slackscope writes them (SARIF 2.1.0, sections 3.x).
type (
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	// A sarifRegion is a text region (lines and columns, 1-based; columns count bytes,
	// as go/token's do) and, in a fix, the same bytes as a binary region (byteOffset,
	// byteLength), which is exact whatever the file's encoding.
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Region           sarifRegion   `json:"region"`
		} `json:"physicalLocation"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
	sarifChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifFix struct {
		Description     sarifMessage  `json:"description"`
		ArtifactChanges []sarifChange `json:"artifactChanges"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
		Fixes     []sarifFix      `json:"fixes,omitempty"`
	}
)

// writeSARIF writes a run's findings as a SARIF 2.1.0 log, which GitHub code scanning
// shows inline on pull requests: one rule per category, one result per finding, with
// the finding's suggested fixes. Every path is relative to the repository root (see
// repoPaths), which is what code scanning matches against the files of a commit,
// whatever directory slackscope ran in. The run's properties name the manifest each
// program was checked against (see sarifManifests), so that a log with no result still
// says what it passed.
func writeSARIF(w io.Writer, run *analysisRun) {
	findings := run.findings
	paths := newRepoPaths(run)
	type rule struct {
		ID               string       `json:"id"`
		ShortDescription sarifMessage `json:"shortDescription"`
		HelpURI          string       `json:"helpUri"`
	}
	var rules []rule
	var results []sarifResult
	for _, f := range findings {
		if !slices.ContainsFunc(rules, func(r rule) bool { return r.ID == f.Category }) {
			rules = append(rules, rule{ID: f.Category, ShortDescription: sarifMessage{checkTitle(f.Category)},
				HelpURI: checkURL(f.Category)})
		}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = paths.uri(f.File, f.Pkg)
		loc.PhysicalLocation.Region = sarifRegion{StartLine: f.Line, StartColumn: f.Col}
		results = append(results, sarifResult{RuleID: f.Category, Level: "warning", Message: sarifMessage{f.Message},
			Locations: []sarifLocation{loc}, Fixes: paths.fixes(f)})
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
		results = []sarifResult{}
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
			"properties": map[string]any{"manifests": sarifManifests(run, paths)},
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
// package path, each with the manifest's path as the log's results write paths. Empty,
// never nil, when no program had a manifest.
func sarifManifests(run *analysisRun, paths *repoPaths) []sarifManifest {
	out := []sarifManifest{}
	for _, r := range programRoots(run) {
		if r.res.Manifest == nil {
			continue
		}
		out = append(out, sarifManifest{Program: r.pkg.PkgPath, Path: paths.uri(r.res.Manifest.Path, r.pkg.PkgPath)})
	}
	slices.SortFunc(out, func(a, b sarifManifest) int { return strings.Compare(a.Program, b.Program) })
	return out
}

// fixes are a finding's suggested fixes as SARIF fixes: one artifact change per file an
// edit touches, in the order the edits come.
func (p *repoPaths) fixes(f finding) []sarifFix {
	var out []sarifFix
	for _, fx := range f.Fixes {
		sf := sarifFix{Description: sarifMessage{fx.Message}, ArtifactChanges: []sarifChange{}}
		for _, e := range fx.Edits {
			uri := p.uri(e.File, f.Pkg)
			i := slices.IndexFunc(sf.ArtifactChanges, func(c sarifChange) bool { return c.ArtifactLocation.URI == uri })
			if i < 0 {
				sf.ArtifactChanges = append(sf.ArtifactChanges, sarifChange{ArtifactLocation: sarifArtifact{uri}})
				i = len(sf.ArtifactChanges) - 1
			}
			r := sarifReplacement{DeletedRegion: p.region(e.File, e.Start, e.End)}
			if e.Text != "" {
				r.InsertedContent = &sarifMessage{e.Text}
			}
			sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, r)
		}
		out = append(out, sf)
	}
	return out
}

// region is the bytes [start, end) of file: their byte offset and length, and their
// lines and columns when the file can be read and holds them.
func (p *repoPaths) region(file string, start, end int) sarifRegion {
	n := end - start
	r := sarifRegion{ByteOffset: &start, ByteLength: &n}
	content, ok := p.files[file]
	if !ok {
		content, _ = os.ReadFile(file)
		p.files[file] = content
	}
	if end > len(content) || start > end {
		return r
	}
	r.StartLine, r.StartColumn = lineCol(content, start)
	r.EndLine, r.EndColumn = lineCol(content, end)
	return r
}

// lineCol is the 1-based line and byte column of offset in content.
func lineCol(content []byte, offset int) (line, col int) {
	before := content[:offset]
	line = 1 + bytes.Count(before, []byte("\n"))
	return line, 1 + offset - (bytes.LastIndexByte(before, '\n') + 1)
}

// pathInModule is path relative to root (a module's or the repository's root),
// slash-separated, or its file name when it is not inside root (or root is unknown).
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
