package model

import (
	"os"
	"path/filepath"
	"testing"
)

// Each folder of testdata/badbindings holds a bindings file with one kind of mistake; its
// want.txt holds the exact errors ParseBindings must report against the real catalog.
func TestBadBindings(t *testing.T) {
	c, err := LoadDir(filepath.Join("..", "..", "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..", "testdata", "badbindings")
	dirs, err := os.ReadDir(root)
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no bad bindings found: %v", err)
	}
	for _, d := range dirs {
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(root, d.Name())
			data, err := os.ReadFile(filepath.Join(dir, "bindings.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseBindings("testdata/badbindings/"+d.Name()+"/bindings.yaml", data, c)
			if err == nil {
				t.Fatal("ParseBindings accepted a bad file")
			}
			compareWant(t, filepath.Join(dir, "want.txt"), errorLines(err))
		})
	}
}

// The checked-in bindings file passes the checks.
func TestBindingsFileIsValid(t *testing.T) {
	c, err := LoadDir(filepath.Join("..", "..", "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadBindings(filepath.Join("..", "..", "catalog", "bindings", "slack-go.yaml"), c)
	if err != nil {
		t.Fatal(err)
	}
	if n, bound, open, methods := b.Stats(); n < 400 || bound != n || open != 0 || len(methods) < 200 {
		t.Errorf("bindings file: %d functions reach a request, %d bound, %d open, %d methods", n, bound, open, len(methods))
	}
}
