package main

import (
	"bytes"
	"encoding/json"
	"os"
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

// A SARIF log names every file relative to the repository root, not to the directory
// the check runs in: the example app laid out as a module bot/ of a repository, its
// program in bot/cmd/standup and its manifest at the module root, checked from the
// module's directory. The repository is found by its .git, a directory or the file a
// worktree or submodule has; outside any repository the module root takes its place
// (TestSARIFPathsModuleRoot). Each finding carries its suggested fixes, as SARIF fixes
// on the same paths.
func TestSARIFPathsGolden(t *testing.T) {
	noNetwork := []string{"GOPROXY=off"}
	for _, tt := range []struct {
		name, git string // git: "dir", "file" or "" (no repository)
		prefix    string // where the module lies in the tree
	}{
		{"sarif-repo-root", "dir", "bot"},
		{"sarif-repo-root", "file", "bot"},
		{"sarif-module-root", "", ""},
	} {
		t.Run(tt.name+"-"+tt.git, func(t *testing.T) {
			tree := t.TempDir()
			if tt.git == "" {
				if root := (&repoPaths{repoRoots: map[string]string{}}).repoRoot(tree); root != "" {
					t.Skipf("the temporary directory lies in a repository (%s): no tree outside one to test", root)
				}
			}
			module := filepath.Join(tree, tt.prefix)
			layOutExample(t, module)
			switch tt.git {
			case "dir":
				sarifTestMkdir(t, filepath.Join(tree, ".git"))
			case "file":
				sarifTestWrite(t, filepath.Join(tree, ".git"), "gitdir: ../repo.git/worktrees/bot\n")
			}
			runGolden(t, goldenCase{name: tt.name, args: []string{"slackscope", "-format", "sarif", "./cmd/standup"}, code: exitFindings, env: noNetwork}, module)
		})
	}
}

// Outside a repository, a path is relative to the module root of the package that
// reported it, whichever directory the check ran in; a file outside the module is named
// by its file name.
func TestSARIFPathsModuleRoot(t *testing.T) {
	tree := t.TempDir()
	module := filepath.Join(tree, "bot")
	p := &repoPaths{wd: filepath.Join(module, "cmd", "standup"), moduleOf: map[string]string{"example.com/standup/cmd/standup": module},
		repoRoots: map[string]string{tree: "", module: "", filepath.Join(module, "cmd"): "", filepath.Join(module, "cmd", "standup"): ""}}
	for file, want := range map[string]string{
		"main.go": "cmd/standup/main.go",
		filepath.Join("..", "..", "manifest.yml"):       "manifest.yml",
		filepath.Join(module, "deploy", "manifest.yml"): "deploy/manifest.yml",
		filepath.Join(tree, "shared", "manifest.yml"):   "manifest.yml",
	} {
		if got := p.uri(file, "example.com/standup/cmd/standup"); got != want {
			t.Errorf("uri(%q) = %q, want %q", file, got, want)
		}
	}
}

// layOutExample copies the example app (testdata/example) into dir as a module whose
// program is cmd/standup and whose manifest is at the module root.
func layOutExample(t *testing.T, dir string) {
	t.Helper()
	example := copyExample(t) // its go.mod names the grant module wherever it is
	for src, dst := range map[string]string{
		"go.mod": "go.mod", "go.sum": "go.sum", "manifest.yml": "manifest.yml",
		"main.go":              filepath.Join("cmd", "standup", "main.go"),
		"grant.go":             filepath.Join("cmd", "standup", "grant.go"),
		"slackscope_scopes.go": filepath.Join("cmd", "standup", "slackscope_scopes.go"),
	} {
		b, err := os.ReadFile(filepath.Join(example, src))
		if err != nil {
			t.Fatal(err)
		}
		sarifTestMkdir(t, filepath.Dir(filepath.Join(dir, dst)))
		sarifTestWrite(t, filepath.Join(dir, dst), string(b))
	}
}

func sarifTestMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func sarifTestWrite(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
