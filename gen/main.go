// Command gen turns the slackscope catalog (catalog/*.yaml, catalog/methods/*.yaml) into Go
// tables (catalog/zz_generated.go).
//
// Usage:
//
//	go run ./gen            # validate the YAML and write catalog/zz_generated.go
//	go run ./gen -check     # exit 1 if the checked-in file differs from what gen writes
//
// Run from anywhere inside the module (go generate runs it from catalog/). Errors in the
// YAML are printed one per line as file:line:col: field: what is wrong, and gen exits 1.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/slackscope/slackscope/gen/gocode"
	"github.com/slackscope/slackscope/gen/model"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK    = 0
	exitStale = 1 // -check: generated files are out of date; or the catalog is invalid
	exitUsage = 2
)

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "do not write; exit 1 if the generated files are out of date")
	dir := fs.String("catalog", "", "the catalog directory (default: catalog/ of the enclosing module)")
	out := fs.String("out", "", "the generated file (default: zz_generated.go in the catalog directory)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen [-check] [-catalog dir] [-out file]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	if *dir == "" {
		root, err := moduleRoot()
		if err != nil {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return exitUsage
		}
		*dir = filepath.Join(root, "catalog")
	}
	if *out == "" {
		*out = filepath.Join(*dir, "zz_generated.go")
	}
	c, err := model.LoadDir(rel(*dir))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitStale
	}
	src, err := gocode.Write(c)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return exitStale
		}
		if !bytes.Equal(old, src) {
			fmt.Fprintf(stderr, "gen: %s: generated files are out of date; run make generate\n", rel(*out))
			return exitStale
		}
		return exitOK
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	fmt.Fprintf(stdout, "gen: wrote %s (%d scopes, %d methods, %d events)\n", rel(*out), len(c.Scopes), len(c.Methods), len(c.Events))
	return exitOK
}

// moduleRoot is the directory of the go.mod enclosing the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the working directory; pass -catalog")
		}
		dir = parent
	}
}

// rel shortens path to be relative to the working directory, for messages.
func rel(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if r, err := filepath.Rel(wd, path); err == nil {
		return r
	}
	return path
}
