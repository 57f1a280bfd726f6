package golangci

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"
)

// recipe is where README's .custom-gcl.yml and .golangci.yml are kept, as the tests run
// them.
const recipe = "testdata/golangci-lint"

// TestGolangciLint builds golangci-lint with the plugin the way golangci-lint custom does,
// from the .custom-gcl.yml of README (in a layout where slackscope is cloned beside the
// module linted), runs it with README's .golangci.yml on a copy of the example app, and
// compares what it prints with testdata/golangci-lint.golden: the linter's description,
// every finding (the manifest's included), and golangci-lint's cache, which keeps the
// findings of an unchanged package after its manifest changes until cache clean.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipped the build of golangci-lint with the plugin (a minute or two with a cold build cache) and its run on the example app")
	}
	start := time.Now()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := os.Symlink(root, filepath.Join(tmp, "slackscope")); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(tmp, "app")
	copyDir(t, filepath.Join(root, "testdata", "example"), app)
	copyDir(t, recipe, app)
	// The example's go.mod names the repository's grant module relative to itself.
	mod := filepath.Join(app, "go.mod")
	content, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	content = []byte(strings.Replace(string(content), "=> ../../grant", "=> "+filepath.Join(root, "grant"), 1))
	if err := os.WriteFile(mod, content, 0o644); err != nil {
		t.Fatal(err)
	}

	bin := buildCustom(t, app, filepath.Join(tmp, "build"))
	t.Logf("golangci-lint built in %s", time.Since(start).Round(time.Second))

	var out strings.Builder
	lint := func(args ...string) {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), bin, args...)
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "lint-cache"))
		b, err := cmd.CombinedOutput()
		code := 0
		if e, ok := err.(*exec.ExitError); ok {
			code = e.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		text := strings.ReplaceAll(string(b), tmp, "$TMP")
		if args[0] == "linters" { // the one line of the plugin's linter, of hundreds
			var ours []string
			for l := range strings.Lines(text) {
				if strings.HasPrefix(l, "slackscope:") {
					ours = append(ours, l)
				}
			}
			text = strings.Join(ours, "")
		}
		fmt.Fprintf(&out, "$ ./custom-gcl %s\n%sexit %d\n\n", strings.Join(args, " "), text, code)
	}
	run := []string{"run", "--output.text.print-issued-lines=false", "./..."}
	lint("linters")
	lint(run...)

	manifest := filepath.Join(app, "manifest.yml")
	write(t, manifest, append(readFile(t, manifest), "      - reactions:write\n"...))
	out.WriteString("# manifest.yml: reactions:write added to oauth_config.scopes.bot\n")
	lint(run...)
	lint("cache", "clean")
	lint(run...)
	t.Logf("all done in %s", time.Since(start).Round(time.Second))

	golden(t, "testdata/golangci-lint.golden", out.String())
}

// TestReadmeRecipe checks that README.md shows, to the letter, the .custom-gcl.yml and
// .golangci.yml that TestGolangciLint builds and runs with, and the output of its first
// run (without the exit code).
func TestReadmeRecipe(t *testing.T) {
	readme := string(readFile(t, "../../README.md"))
	for _, name := range []string{".custom-gcl.yml", ".golangci.yml"} {
		b := string(readFile(t, filepath.Join(recipe, name)))
		if !strings.Contains(readme, "```yaml\n"+b+"```\n") {
			t.Errorf("README.md does not show %s/%s as a yaml block:\n%s", recipe, name, b)
		}
	}
	runs := strings.Split(string(readFile(t, "testdata/golangci-lint.golden")), "\n\n")
	if len(runs) < 2 {
		t.Fatal("testdata/golangci-lint.golden: no run")
	}
	run := runs[1][:strings.LastIndex(runs[1], "exit ")]
	if !strings.Contains(readme, "```\n"+run+"```\n") {
		t.Errorf("README.md does not show the run of testdata/golangci-lint.golden:\n%s", run)
	}
}

// customConfig is .custom-gcl.yml, as golangci-lint custom reads it.
type customConfig struct {
	Version string `yaml:"version"`
	Plugins []struct {
		Module  string `yaml:"module"`
		Import  string `yaml:"import"`
		Version string `yaml:"version"`
		Path    string `yaml:"path"`
	} `yaml:"plugins"`
}

// importsTemplate is the plugins.go golangci-lint custom writes into its clone of
// golangci-lint (pkg/commands/internal/imports.go).
const importsTemplate = `
package main

import (
{{range .Imports -}}
	_ "{{.}}"
{{end -}}
)
`

// buildCustom builds golangci-lint with the plugins of dir/.custom-gcl.yml in the module
// build, the way golangci-lint custom builds it in its clone: the command's main.go of that
// version, a plugins.go that imports each plugin, a replace directive for each plugin
// with a path (taken from dir), go mod tidy, go build. It returns the binary.
func buildCustom(t *testing.T, dir, build string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg customConfig
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(build, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 8*time.Minute)
	defer cancel()
	goCmd := func(args ...string) []byte {
		t.Helper()
		start := time.Now()
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = build
		cmd.Env = append(os.Environ(), "GOWORK=off")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
		}
		t.Logf("go %s: %s", args[0], time.Since(start).Round(100*time.Millisecond))
		return out
	}

	golangci := "github.com/golangci/golangci-lint/v2"
	goCmd("mod", "init", "custom-gcl")
	goCmd("mod", "edit", "-require="+golangci+"@"+cfg.Version)
	var mod struct{ Dir string }
	if err := json.Unmarshal(goCmd("mod", "download", "-json", golangci+"@"+cfg.Version), &mod); err != nil {
		t.Fatal(err)
	}
	// The clone's main.go, as it is; its go.sum, with the plugins' (which spares go mod
	// tidy looking up sums the repository already holds).
	main, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(build, "main.go"), main)
	sums := [][]byte{readFile(t, filepath.Join(mod.Dir, "go.sum"))}

	var imports []string
	for _, p := range cfg.Plugins {
		if p.Import == "" {
			p.Import = p.Module
		}
		imports = append(imports, p.Import)
		if p.Path == "" {
			t.Fatalf("plugin %s: only plugins with a path are built here", p.Module)
		}
		path, err := filepath.Abs(filepath.Join(dir, p.Path))
		if err != nil {
			t.Fatal(err)
		}
		goCmd("mod", "edit", "-replace="+p.Module+"="+path)
		if s, err := os.ReadFile(filepath.Join(path, "go.sum")); err == nil {
			sums = append(sums, s)
		}
	}
	var src bytes.Buffer
	if err := template.Must(template.New("plugins.go").Parse(importsTemplate)).Execute(&src, map[string]any{"Imports": imports}); err != nil {
		t.Fatal(err)
	}
	plugins, err := format.Source(src.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(build, "plugins.go"), plugins)
	write(t, filepath.Join(build, "go.sum"), bytes.Join(sums, nil))

	goCmd("mod", "tidy")
	bin := filepath.Join(build, "custom-gcl")
	goCmd("build", "-ldflags", "-s -w -X 'main.version="+cfg.Version+"-custom-gcl' -X 'main.date=test'", "-o", bin, ".")
	return bin
}

// copyDir copies the regular files of src (not its directories) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			write(t, filepath.Join(dst, e.Name()), readFile(t, filepath.Join(src, e.Name())))
		}
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
