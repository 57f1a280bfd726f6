package model

import (
	"flag"
	"go/scanner"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the want.txt files of testdata/badcatalog")

// Each folder of testdata/badcatalog is a small catalog with one kind of mistake; its
// want.txt holds the exact errors Load must report, one per line.
func TestBadCatalogs(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "badcatalog")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no bad catalogs found")
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(root, d.Name())
			display := "testdata/badcatalog/" + d.Name()
			_, err := Load(os.DirFS(dir), display)
			if err == nil {
				t.Fatal("Load succeeded on a bad catalog")
			}
			got := errorLines(err)
			compareWant(t, filepath.Join(dir, "want.txt"), got)
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if !strings.HasPrefix(line, display+"/") {
					t.Errorf("error %q does not name its file", line)
				}
			}
		})
	}
}

// errorLines is err as gen prints it: one error a line.
func errorLines(err error) string {
	var b strings.Builder
	scanner.PrintError(&b, err)
	return b.String()
}

// compareWant compares got with the file want (rewritten with -update).
func compareWant(t *testing.T, want, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(data), got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestLoadRealCatalog(t *testing.T) {
	c, err := LoadDir(filepath.Join("..", "..", "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Scopes) < 100 || len(c.Methods) < 400 || len(c.Events) < 100 {
		t.Errorf("catalog is short: %d scopes, %d methods, %d events", len(c.Scopes), len(c.Methods), len(c.Events))
	}
	for _, s := range c.Scopes {
		if s.Source == "" {
			t.Errorf("scope %s has no source", s.Name)
		}
	}
}

func TestObjectAction(t *testing.T) {
	for name, want := range map[string][2]string{
		"files:write:user":  {"files", "write"},
		"chat:write.public": {"chat", "write.public"},
		"admin.users:read":  {"admin.users", "read"},
		"identify":          {"", ""},
		"users:read.email":  {"users", "read.email"},
	} {
		o, a := ObjectAction(name)
		if o != want[0] || a != want[1] {
			t.Errorf("ObjectAction(%q) = %q, %q; want %q, %q", name, o, a, want[0], want[1])
		}
	}
}
