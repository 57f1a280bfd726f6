package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

// A manifest is named relative to its program's module root, and by its file name alone
// when it lies outside the module: a SARIF log names no path of the machine.
func TestPathInModule(t *testing.T) {
	root := t.TempDir()
	for _, tt := range []struct{ root, path, want string }{
		{root, filepath.Join(root, "manifest.yml"), "manifest.yml"},
		{root, filepath.Join(root, "deploy", "slack", "manifest.yml"), "deploy/slack/manifest.yml"},
		{filepath.Join(root, "app"), filepath.Join(root, "shared", "manifest.yml"), "manifest.yml"},
		{"", filepath.Join(root, "manifest.yml"), "manifest.yml"},
	} {
		if got := pathInModule(tt.root, tt.path); got != tt.want {
			t.Errorf("pathInModule(%q, %q) = %q, want %q", tt.root, tt.path, got, tt.want)
		}
	}
}

// A run in which no program had a manifest says so: an empty list, not a missing one.
func TestSARIFWithoutManifest(t *testing.T) {
	var buf bytes.Buffer
	writeSARIF(&buf, &analysisRun{})
	var log struct {
		Runs []struct {
			Properties struct {
				Manifests *[]sarifManifest `json:"manifests"`
			} `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || log.Runs[0].Properties.Manifests == nil || len(*log.Runs[0].Properties.Manifests) != 0 {
		t.Errorf("runs[].properties.manifests of a run without a manifest: want [], got\n%s", buf.String())
	}
}
