package main

import (
	"os/exec"
	"strings"
	"testing"
)

// A bare word close to a command is a typo; a package pattern never is, nor any package
// of the standard library, nor the go command's meta-patterns.
func TestMistypedCommand(t *testing.T) {
	for word, want := range map[string]string{
		"scope": "scopes", "Scopes": "scopes", "lookp": "lookup", "explian": "explain",
		"chek": "check", "verison": "version", "hlep": "help", "fxi": "", "fixx": "fix",
		"./...": "", "./scope": "", "example.com/scope": "", "scope/...": "", "std": "",
		"all": "", "cmd": "", "tool": "", "work": "", "main": "", "-json": "", "s": "", "": "",
	} {
		got, ok := mistypedCommand(word)
		if got != want || ok != (want != "") {
			t.Errorf("mistypedCommand(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if c, ok := mistypedCommand(pkg); ok {
			t.Errorf("standard library package %s is taken for a typo of %s", pkg, c)
		}
	}
}
