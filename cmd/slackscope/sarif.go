package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"slices"

	"github.com/slackscope/slackscope/analyzer"
)

// writeSARIF writes findings as a SARIF 2.1.0 log, which GitHub code scanning shows
// inline on pull requests: one rule per category, one result per finding.
func writeSARIF(w io.Writer, findings []finding) {
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
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(log)
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
