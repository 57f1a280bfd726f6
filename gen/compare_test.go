package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/compare")

// gen -compare lists every difference between a dump of method pages and the catalog,
// sorted, and exits 1; on a dump that agrees it prints nothing and exits 0.
func TestCompare(t *testing.T) {
	dir := filepath.Join("testdata", "compare")
	for _, tt := range []struct {
		dump, golden string
		code         int
	}{
		{"changed.json", "changed.golden", exitStale},
		{"same.json", "", exitOK},
	} {
		t.Run(tt.dump, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := []string{"-catalog", filepath.Join(dir, "catalog"), "-compare", filepath.Join(dir, tt.dump)}
			if code := run(args, &stdout, &stderr); code != tt.code {
				t.Errorf("gen -compare %s = %d, want %d; stderr: %s", tt.dump, code, tt.code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			if tt.golden == "" {
				if stdout.Len() > 0 {
					t.Errorf("gen -compare %s printed differences:\n%s", tt.dump, stdout.String())
				}
				return
			}
			golden := filepath.Join(dir, tt.golden)
			if *update {
				if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("gen -compare %s (-want +got):\n%s", tt.dump, diff)
			}
		})
	}
}

// A file that is not a dump of method pages is a usage error, not a difference.
func TestCompareBadDump(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"list.json":  `["chat.postMessage"]`,
		"scope.json": `{"chat.postMessage": {"scope": "all"}}`,
	} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		args := []string{"-catalog", filepath.Join("testdata", "compare", "catalog"), "-compare", file}
		if code := run(args, &bytes.Buffer{}, &stderr); code != exitUsage {
			t.Errorf("gen -compare %s = %d, want %d; stderr: %s", name, code, exitUsage, stderr.String())
		}
	}
	var stderr bytes.Buffer
	if code := run([]string{"-catalog", filepath.Join("testdata", "compare", "catalog"), "-compare", filepath.Join(dir, "missing.json")}, &bytes.Buffer{}, &stderr); code != exitUsage {
		t.Errorf("gen -compare on a missing file = %d, want %d", code, exitUsage)
	}
}
