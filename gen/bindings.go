package main

import (
	"flag"
	"fmt"
	"go/scanner"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/slackscope/slackscope/gen/bindgen"
	"github.com/slackscope/slackscope/gen/model"
)

// runBindings derives the bindings of a client module at the version the go.mod of the
// module root requires, checks them against the catalog and writes (or, with -check,
// compares) the bindings file.
func runBindings(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen bindings", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "do not write; exit 1 if the bindings file is out of date")
	dir := fs.String("catalog", "", "the catalog directory (default: catalog/ of the enclosing module)")
	module := fs.String("module", "github.com/slack-go/slack", "the client module to derive")
	out := fs.String("out", "", "the bindings file (default: bindings/slack-go.yaml in the catalog directory)")
	quiet := fs.Bool("q", false, "do not print the coverage report")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen bindings [-check] [-q] [-catalog dir] [-module path] [-out file]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen bindings: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitUsage
	}
	if *dir == "" {
		*dir = filepath.Join(root, "catalog")
	}
	if *out == "" {
		// Named for the module's owner when its last element is just "slack":
		// github.com/slack-go/slack is slack-go.yaml.
		name := path.Base(*module)
		if name == "slack" {
			name = path.Base(path.Dir(*module))
		}
		*out = filepath.Join(*dir, "bindings", name+".yaml")
	}
	c, err := model.LoadDir(rel(*dir))
	if err != nil {
		scanner.PrintError(stderr, err)
		return exitStale
	}
	d, err := bindgen.Derive(root, *module)
	if err != nil {
		fmt.Fprintf(stderr, "gen bindings: %v\n", err)
		return exitStale
	}
	src, err := d.YAML()
	if err != nil {
		fmt.Fprintf(stderr, "gen bindings: %v\n", err)
		return exitStale
	}
	// What gen writes must pass the checks gen applies when it reads the file back: every
	// method it names is in the catalog.
	if _, err := model.ParseBindings(rel(*out), src, c); err != nil {
		scanner.PrintError(stderr, err)
		return exitStale
	}
	if *check {
		return checkFresh([]output{{*out, src}}, stderr)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	if !*quiet {
		d.Report(stdout)
	}
	fmt.Fprintf(stdout, "gen: wrote %s (%d functions)\n", rel(*out), len(d.Bindings))
	return exitOK
}
