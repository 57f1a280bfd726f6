package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/internal/driver"
)

// analysisInput is what the scopes and check tools are run on: the packages, from the
// directory given, never the server's own.
type analysisInput struct {
	Dir      string   `json:"dir" jsonschema:"the directory to run in, as slackscope is run from it: the app's Go module or a directory inside it (absolute, or relative to the server's working directory)"`
	Patterns []string `json:"patterns,omitempty" jsonschema:"the package patterns, as for go build, relative to dir; default ./..."`
	Token    string   `json:"token,omitempty" jsonschema:"the token type the programs call with: bot (the default) or user"`
}

// scopesOutput is the scopes tool's result.
type scopesOutput struct {
	// Programs are what slackscope scopes -format json prints.
	Programs []programScopes `json:"programs"`
	// NotLoaded are the packages that did not load, with the reason.
	NotLoaded  []string `json:"not_loaded,omitempty" jsonschema:"the packages that did not load, with the reason: the programs' sets lack what they call (partial)"`
	ExitStatus int      `json:"exit_status" jsonschema:"slackscope scopes's exit status: 0 complete, 3 packages did not load"`
}

// checkInput is the check tool's arguments.
type checkInput struct {
	analysisInput
	Manifest string `json:"manifest,omitempty" jsonschema:"the app manifest to check against (YAML or JSON; relative to dir); default: manifest.yml, manifest.yaml or manifest.json beside each program or above it (also in slack/ and .slack/), up to the repository root"`
}

// checkOutput is the check tool's result.
type checkOutput struct {
	Findings []checkFinding `json:"findings"`
	// Summary is what slackscope -json writes under "slackscope:summary".
	Summary *summary `json:"summary"`
	// Report are the lines slackscope check ends with on stderr.
	Report     []string `json:"report" jsonschema:"what slackscope check says after the findings: the packages that did not load, the programs it found no manifest for, what it checked against what"`
	ExitStatus int      `json:"exit_status" jsonschema:"slackscope check's exit status: 0 nothing found, 1 findings, 3 nothing found but not everything could be checked"`
}

// A checkFinding is a finding as slackscope -json writes it, with its package.
type checkFinding struct {
	Package string `json:"package"`
	finding
}

// mcpScopes is the scopes tool: the minimum scope sets of the programs among the
// packages, as slackscope scopes -format json prints them.
func mcpScopes(_ context.Context, _ *mcp.CallToolRequest, in analysisInput) (*mcp.CallToolResult, scopesOutput, error) {
	dir, patterns, c, err := in.resolve("")
	if err != nil {
		return nil, scopesOutput{}, err
	}
	// The scopes a program needs do not depend on what it requests: no manifest is read.
	cfg := analyzer.Config{Token: c.cfg.Token, NoManifest: true}
	run, err := analyzeLoaded(dir, patterns, &cfg)
	if err != nil {
		return nil, scopesOutput{}, err
	}
	out := scopesOutput{Programs: programs(run)}
	for _, b := range run.broken {
		out.NotLoaded = append(out.NotLoaded, b.Package+": "+b.Err)
	}
	if len(out.NotLoaded) > 0 {
		for i := range out.Programs {
			out.Programs[i].Partial = true
		}
		out.ExitStatus = exitIncomplete
	}
	return nil, out, nil
}

// mcpCheck is the check tool: the findings of slackscope check, its summary and the
// exit status it would have.
func mcpCheck(_ context.Context, _ *mcp.CallToolRequest, in checkInput) (*mcp.CallToolResult, checkOutput, error) {
	dir, patterns, c, err := in.resolve(in.Manifest)
	if err != nil {
		return nil, checkOutput{}, err
	}
	run, err := analyzeLoaded(dir, patterns, &c.cfg)
	if err != nil {
		return nil, checkOutput{}, err
	}
	sum := summarize(run, c.cfg.RequireManifest)
	findings, err := jsonFindings(run.findings, sum)
	if err != nil {
		return nil, checkOutput{}, err
	}
	out := checkOutput{Findings: findings, Summary: sum, Report: summaryReport(sum)}
	switch {
	case len(run.findings) > 0:
		out.ExitStatus = exitFindings
	case sum.incomplete():
		out.ExitStatus = exitIncomplete
	}
	return nil, out, nil
}

// resolve checks the input as the command line's flags are checked, and returns the
// run's directory (absolute), its patterns and its flags; manifest, when not "", is
// relative to the directory.
func (in analysisInput) resolve(manifest string) (dir string, patterns []string, c checkFlags, err error) {
	if in.Dir == "" {
		return "", nil, c, errors.New("dir is empty: pass the directory of the app's Go module (where its go.mod is)")
	}
	if dir, err = filepath.Abs(in.Dir); err != nil {
		return "", nil, c, err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", nil, c, fmt.Errorf("dir %s: not a directory; pass the directory of the app's Go module (where its go.mod is)", dir)
	}
	patterns = in.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	for _, p := range patterns {
		if p == "" || strings.HasPrefix(p, "-") {
			return "", nil, c, fmt.Errorf("pattern %q: expected a package pattern (./..., ./cmd/bot, example.com/app/...)", p)
		}
	}
	c.cfg.Token = cmp.Or(in.Token, "bot")
	if manifest != "" && !filepath.IsAbs(manifest) {
		manifest = filepath.Join(dir, manifest)
	}
	c.cfg.Manifest = manifest
	if err := c.validate(); err != nil {
		// Its message names the flag (-token user): the tool's argument has the name
		// without the dash.
		return "", nil, c, errors.New(strings.TrimPrefix(err.Error(), "-"))
	}
	return dir, patterns, c, nil
}

// analyzeLoaded is analyze in dir when at least one package loads; when none does, the
// error says why, as slackscope check does on stderr.
func analyzeLoaded(dir string, patterns []string, cfg *analyzer.Config) (*analysisRun, error) {
	run, err := analyze(dir, patterns, cfg, driver.Options{})
	if err != nil {
		return nil, err
	}
	if len(run.results) > 0 {
		return run, nil
	}
	var buf bytes.Buffer
	summarize(run, false).write(&buf, false)
	if buf.Len() == 0 {
		return nil, fmt.Errorf("no packages in %s match %s", dir, strings.Join(patterns, " "))
	}
	return nil, errors.New(strings.TrimSpace(strings.TrimPrefix(buf.String(), "slackscope: ")))
}

// jsonFindings are the findings as slackscope -json writes them (writeJSON fills in
// their suggested fixes), each with its package, by package and in the run's order.
func jsonFindings(findings []finding, sum *summary) ([]checkFinding, error) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, findings, sum); err != nil {
		return nil, err
	}
	var tree map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		return nil, err
	}
	out := []checkFinding{}
	for _, pkg := range slices.Sorted(maps.Keys(tree)) {
		if pkg == summaryKey {
			continue
		}
		var byAnalyzer map[string][]finding
		if err := json.Unmarshal(tree[pkg], &byAnalyzer); err != nil {
			return nil, fmt.Errorf("%s: %w", pkg, err)
		}
		for _, f := range byAnalyzer["slackscope"] {
			out = append(out, checkFinding{Package: pkg, finding: f})
		}
	}
	return out, nil
}

// summaryReport are the lines the summary writes for people, without their
// "slackscope: ".
func summaryReport(sum *summary) []string {
	var buf bytes.Buffer
	sum.write(&buf, false)
	lines := []string{}
	for l := range strings.Lines(buf.String()) {
		lines = append(lines, strings.TrimPrefix(strings.TrimRight(l, "\n"), "slackscope: "))
	}
	return lines
}
