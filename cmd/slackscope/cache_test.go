package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The check cache on a copy of the example app: a second run with nothing changed
// answers from the cache (a tampered entry is what it replays, which only a cache hit
// can do), with the cold run's answer; an edit of the manifest, of a Go file, or of the
// -baseline file is never answered from it.
func TestCheckCache(t *testing.T) {
	dir := copyExample(t)
	cache := t.TempDir()
	check := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(binary, append(args, "./...")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "SLACKSCOPE_CACHE="+cache)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), code
	}
	entries := func() []string {
		t.Helper()
		m, err := filepath.Glob(filepath.Join(cache, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	edit := func(file, old, new string) {
		t.Helper()
		path := filepath.Join(dir, file)
		content, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(content), old) {
			t.Fatalf("%s: %v, or no %q in it", file, err, old)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(content), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cold, code := check()
	if code != exitFindings || len(entries()) != 1 {
		t.Fatalf("cold run: exit %d, %d cache entries, want 1 and 1:\n%s", code, len(entries()), cold)
	}
	if warm, code := check(); warm != cold || code != exitFindings {
		t.Fatalf("warm run (exit %d):\n%s\nwant the cold run's:\n%s", code, warm, cold)
	}
	// Only a hit replays what the entry holds.
	entry := entries()[0]
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(entry, bytes.Replace(data, []byte(`"Code":1`), []byte(`"Code":0`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, code := check(); code != exitOK {
		t.Fatalf("the run after the entry was changed exits %d: it did not answer from the cache", code)
	}

	// An edited manifest: the unused scope is gone.
	edit("manifest.yml", "      - files:write", "      #")
	if out, _ := check(); strings.Contains(out, "files:write") || !strings.Contains(out, "reactions:write") {
		t.Errorf("after the manifest's edit:\n%s", out)
	}
	// An edited Go file: a new call, a new finding (the line count stays the same).
	edit("main.go", "\treturn err\n}\n\nfunc main() {", "\tb.api.AddPin(b.channel, slack.ItemRef{})\n\treturn err\n}\n\nfunc main() {")
	if out, _ := check(); !strings.Contains(out, "pins:write") {
		t.Errorf("after main.go's edit, no pins:write:\n%s", out)
	}
	// A scope policy written at the module root, then edited: each is checked again.
	if err := os.WriteFile(filepath.Join(dir, ".slackscope.yml"), []byte("never: [reactions:*]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _ := check(); !strings.Contains(out, "[policy-violation]") {
		t.Errorf("after the policy was written, no policy-violation:\n%s", out)
	}
	edit(".slackscope.yml", "never: [reactions:*]", "never: [client]")
	if out, _ := check(); strings.Contains(out, "[policy-violation]") {
		t.Errorf("after the policy's edit, a policy-violation still:\n%s", out)
	}
	// A -baseline file's content is part of the key.
	if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte(`{"version": 1, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := check("-baseline", "b.json")
	if _, code := check("-write-baseline", "b.json"); code != exitFindings {
		t.Fatalf("-write-baseline exits %d", code)
	}
	if after, code := check("-baseline", "b.json"); after == before || code != exitOK {
		t.Errorf("with the rewritten baseline (exit %d):\n%s\nthe same as before it:\n%s", code, after, before)
	}
}
