package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Layouts a real app has, and runs that used to pass having checked nothing
// (testdata/layouts, one package each): every run says what it checked, and one that
// could not check the app's request exits 3, or reports no-manifest when asked to.
func TestLayoutsGolden(t *testing.T) {
	layouts := filepath.Join("..", "..", "testdata", "layouts")
	tests := []goldenCase{
		{name: "layout-no-manifest", args: []string{"slackscope", "./nomanifest"}, code: exitIncomplete},
		// -exit-zero silences findings, never an incomplete check.
		{name: "layout-no-manifest", args: []string{"slackscope", "-exit-zero", "./nomanifest"}, code: exitIncomplete},
		{name: "layout-no-manifest-required", args: []string{"slackscope", "-require-manifest", "./nomanifest"}, code: exitFindings},
		{name: "layout-cloud-foundry-manifest", args: []string{"slackscope", "./cloudfoundry"}, code: exitIncomplete},
		{name: "layout-no-oauth-config", args: []string{"slackscope", "./nooauth"}, code: exitFindings},
		{name: "layout-slack-dir", args: []string{"slackscope", "./slackdir"}, code: exitFindings},
		{name: "layout-file-argument", args: []string{"slackscope", "-manifest", "cgo/manifest.yml", "nomanifest/main.go"}, code: exitOK},
		{name: "layout-summary-json", args: []string{"slackscope", "-json", "./nooauth"}, code: exitFindings},
		{name: "layout-verbose", args: []string{"slackscope", "-v", "./slackdir"}, code: exitFindings},
		{name: "layout-missing-manifest-flag", args: []string{"slackscope", "-manifest", "missing.yml", "./nomanifest"}, code: exitFailure},
		{name: "layout-manifest-flag-directory", args: []string{"slackscope", "-manifest", "multi", "./nomanifest"}, code: exitFailure},
		{name: "layout-token-app", args: []string{"slackscope", "-token", "app", "./nomanifest"}, code: exitFailure},
		{name: "layout-relative-manifest", args: []string{"slackscope", "-manifest", "multi/deploy/manifest.yml", "./multi/..."}, code: exitFindings},
		{name: "layout-vet-relative-manifest", args: []string{"go", "vet", "-vettool=slackscope", "-slackscope.manifest=multi/deploy/manifest.yml", "./multi/..."}, code: 1},
		{name: "layout-shared-manifest", args: []string{"slackscope", "./shared/..."}, code: exitFindings},
		{name: "layout-two-apps", args: []string{"slackscope", "./twoapps/..."}, code: exitFindings},
		// One command checked alone: its module's wrapper's finding is still reported.
		{name: "layout-one-program-wrapper", args: []string{"slackscope", "./wrapped/cmd/bot"}, code: exitFindings},
		{name: "layout-vet-two-apps", args: []string{"go", "vet", "-vettool=slackscope", "./twoapps/..."}, code: 1},
		{name: "layout-workspace", args: []string{"slackscope", "./bot/..."}, code: exitFindings, dir: filepath.Join(layouts, "workspace")},
		{name: "layout-workspace-scopes", args: []string{"slackscope", "scopes", "./bot/..."}, code: exitOK, dir: filepath.Join(layouts, "workspace")},
		{name: "layout-vet-workspace", args: []string{"go", "vet", "-vettool=slackscope", "./bot/..."}, code: 1, dir: filepath.Join(layouts, "workspace")},
		{name: "layout-scopes-partial", args: []string{"slackscope", "scopes", "./partial/..."}, code: exitIncomplete},
		{name: "layout-scopes-partial-json", args: []string{"slackscope", "scopes", "-format", "json", "./partial/..."}, code: exitIncomplete},
		{name: "layout-scopes-partial-manifest", args: []string{"slackscope", "scopes", "-format", "manifest", "./partial/..."}, code: exitIncomplete},
		{name: "layout-scopes-library", args: []string{"slackscope", "scopes", "./twoapps/internal/slackx"}, code: exitOK},
		{name: "layout-scopes-library-json", args: []string{"slackscope", "scopes", "-format", "json", "./twoapps/internal/slackx"}, code: exitOK},
		{name: "layout-events", args: []string{"slackscope", "./events"}, code: exitFindings},
		{name: "layout-events-scopes", args: []string{"slackscope", "scopes", "./events"}, code: exitOK},
		{name: "layout-events-scopes-json", args: []string{"slackscope", "scopes", "-format", "json", "./events"}, code: exitOK},
		{name: "layout-events-scopes-manifest", args: []string{"slackscope", "scopes", "-format", "manifest", "./events"}, code: exitOK},
		// A bot framework in a dependency module, on an older slack-go (v0.12.2).
		{name: "layout-framework", args: []string{"slackscope", "./..."}, code: exitFindings, dir: filepath.Join(layouts, "framework")},
		{name: "layout-framework-scopes-json", args: []string{"slackscope", "scopes", "-format", "json", "./..."}, code: exitOK, dir: filepath.Join(layouts, "framework")},
		{name: "layout-vet-framework", args: []string{"go", "vet", "-vettool=slackscope", "./..."}, code: 1, dir: filepath.Join(layouts, "framework")},
		{name: "layout-scopes-not-loaded", args: []string{"slackscope", "scopes", "./partial/cmd/legacy"}, code: exitFailure},
		// A Socket Mode app whose manifest lacks every setting it needs (testdata/fix/socket).
		{name: "layout-socket", args: []string{"slackscope", "./socket"}, code: exitFindings, dir: filepath.Join(layouts, "..", "fix")},
		{name: "layout-vet-socket", args: []string{"go", "vet", "-vettool=slackscope", "./socket"}, code: 1, dir: filepath.Join(layouts, "..", "fix")},
		// scopes -format manifest merges into the manifest found, YAML or JSON.
		{name: "layout-scopes-merge-yaml", args: []string{"slackscope", "scopes", "-format", "manifest", "./yaml"}, code: exitOK, dir: filepath.Join(layouts, "..", "fix")},
		{name: "layout-scopes-merge-json", args: []string{"slackscope", "scopes", "-format", "manifest", "./json"}, code: exitOK, dir: filepath.Join(layouts, "..", "fix")},
		{name: "layout-scopes-merge-named", args: []string{"slackscope", "scopes", "-format", "manifest", "-manifest", "socket/manifest.yml", "./socket"}, code: exitOK, dir: filepath.Join(layouts, "..", "fix")},
		{name: "layout-scopes-manifest-text", args: []string{"slackscope", "scopes", "-manifest", "socket/manifest.yml", "./socket"}, code: exitFailure, dir: filepath.Join(layouts, "..", "fix")},
		{name: "layout-vet-file-argument", args: []string{"go", "vet", "-vettool=slackscope", "-slackscope.manifest=slackdir/slack/manifest.yml", "nomanifest/main.go"}, code: 1},
	}
	if _, err := exec.LookPath("gcc"); err == nil && os.Getenv("CGO_ENABLED") != "0" {
		tests = append(tests,
			goldenCase{name: "layout-cgo", args: []string{"slackscope", "./cgo"}, code: exitFindings},
			goldenCase{name: "layout-vet-cgo", args: []string{"go", "vet", "-vettool=slackscope", "./cgo"}, code: 1})
	} else {
		t.Log("no C compiler: the cgo layout is not run")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, layouts) })
	}
}
