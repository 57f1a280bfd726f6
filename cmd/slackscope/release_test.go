package main

import (
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// releasePairs are the GOOS/GOARCH pairs a release ships binaries for.
var releasePairs = []string{"darwin/amd64", "darwin/arm64", "linux/amd64", "linux/arm64", "windows/amd64", "windows/arm64"}

// The release recipe (.goreleaser.yaml at the repository root) builds ./cmd/slackscope
// for exactly releasePairs, and each pair builds with go build, with the recipe's
// environment (CGO_ENABLED=0), flags and ldflags, into a binary of that system and
// architecture. GoReleaser itself is not run: this is what it would build.
func TestReleaseBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the release builds (six cross-compilations of slackscope) are not run")
	}
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Binary  string   `yaml:"binary"`
			Env     []string `yaml:"env"`
			Flags   []string `yaml:"flags"`
			Ldflags []string `yaml:"ldflags"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Ignore  []struct {
				Goos   string `yaml:"goos"`
				Goarch string `yaml:"goarch"`
			} `yaml:"ignore"`
		} `yaml:"builds"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != 2 || len(cfg.Builds) != 1 {
		t.Fatalf(".goreleaser.yaml: want version 2 and one build, got version %d and %d builds", cfg.Version, len(cfg.Builds))
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/slackscope" || b.Binary != "slackscope" || !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf(".goreleaser.yaml builds ./cmd/slackscope as slackscope with CGO_ENABLED=0: got main %q, binary %q, env %q", b.Main, b.Binary, b.Env)
	}
	var pairs []string
	for _, goos := range b.Goos {
		for _, goarch := range b.Goarch {
			if !slices.ContainsFunc(b.Ignore, func(i struct {
				Goos   string `yaml:"goos"`
				Goarch string `yaml:"goarch"`
			}) bool {
				return i.Goos == goos && (i.Goarch == "" || i.Goarch == goarch)
			}) {
				pairs = append(pairs, goos+"/"+goarch)
			}
		}
	}
	slices.Sort(pairs)
	if diff := cmp.Diff(releasePairs, pairs); diff != "" {
		t.Errorf(".goreleaser.yaml's GOOS/GOARCH pairs (-this test's +the recipe's):\n%s", diff)
	}
	out := t.TempDir()
	for _, pair := range pairs {
		t.Run(strings.ReplaceAll(pair, "/", "-"), func(t *testing.T) {
			goos, goarch, _ := strings.Cut(pair, "/")
			bin := filepath.Join(out, goos+"-"+goarch, b.Binary)
			args := append([]string{"build"}, b.Flags...)
			if len(b.Ldflags) > 0 {
				args = append(args, "-ldflags", strings.Join(b.Ldflags, " "))
			}
			cmd := exec.Command("go", append(args, "-o", bin, b.Main)...)
			cmd.Dir = root
			cmd.Env = append(append(os.Environ(), b.Env...), "GOOS="+goos, "GOARCH="+goarch)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("GOOS=%s GOARCH=%s go %s: %v\n%s", goos, goarch, strings.Join(cmd.Args[1:], " "), err, msg)
			}
			if got, err := binaryTarget(bin); err != nil || got != pair {
				t.Errorf("%s built for %s is a binary for %q (%v)", b.Binary, pair, got, err)
			}
		})
	}
}

// binaryTarget is the GOOS/GOARCH an executable is for, read from its headers.
func binaryTarget(name string) (string, error) {
	if f, err := elf.Open(name); err == nil {
		defer f.Close()
		return "linux/" + map[elf.Machine]string{elf.EM_X86_64: "amd64", elf.EM_AARCH64: "arm64"}[f.Machine], nil
	}
	if f, err := macho.Open(name); err == nil {
		defer f.Close()
		return "darwin/" + map[macho.Cpu]string{macho.CpuAmd64: "amd64", macho.CpuArm64: "arm64"}[f.Cpu], nil
	}
	if f, err := pe.Open(name); err == nil {
		defer f.Close()
		return "windows/" + map[uint16]string{pe.IMAGE_FILE_MACHINE_AMD64: "amd64", pe.IMAGE_FILE_MACHINE_ARM64: "arm64"}[f.Machine], nil
	}
	return "", fmt.Errorf("%s: not an ELF, Mach-O or PE executable", name)
}

// make install-hook REPO=dir installs slackscope (make install, here into a temporary
// GOBIN) and writes dir's git pre-commit hook, which runs slackscope on the module; a
// pre-commit hook that is not slackscope's is left as it is, and make fails.
func TestMakeInstallHook(t *testing.T) {
	for _, tool := range []string{"make", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: make install-hook is not run", tool)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	repo, err := filepath.EvalSymlinks(t.TempDir()) // as git writes it
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	gobin := filepath.Join(repo, "bin")
	makeHook := []string{"make", "--no-print-directory", "-C", root, "install-hook", "REPO=" + repo}
	env := []string{"GOBIN=" + gobin}
	runGolden(t, goldenCase{name: "make-install-hook", args: makeHook, code: 0, env: env}, repo)
	runGolden(t, goldenCase{name: "make-install-hook-file", args: []string{"sh", "-c", "cat .git/hooks/pre-commit && test -x .git/hooks/pre-commit && echo '(executable)'"}}, repo)
	if out, err := exec.Command(filepath.Join(gobin, "slackscope"), "version").Output(); err != nil || !strings.HasPrefix(string(out), "slackscope ") {
		t.Errorf("the installed slackscope version: %v\n%s", err, out)
	}
	// Run again, it rewrites its own hook; another program's hook stays.
	runGolden(t, goldenCase{name: "make-install-hook", args: makeHook, code: 0, env: env}, repo)
	hook := filepath.Join(repo, ".git", "hooks", "pre-commit")
	const other = "#!/bin/sh\nexec golangci-lint run\n"
	if err := os.WriteFile(hook, []byte(other), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(makeHook[0], makeHook[1:]...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "exists and is not slackscope's hook: left as it is") {
		t.Errorf("make install-hook over another program's hook: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(hook); string(b) != other {
		t.Errorf("make install-hook rewrote another program's hook:\n%s", b)
	}
}
