// Command gen turns the slackscope catalog (catalog/*.yaml, catalog/methods/*.yaml) into Go
// tables (catalog/zz_generated.go), the bindings of Go Slack clients
// (catalog/bindings/*.yaml) and the functions a client release renamed (the hand-written
// catalog/bindings/renamed.yaml) into catalog/zz_bindings.go, and the enums of its schema
// (gen/model/schema.go) into catalog/zz_enums.go. Its bindings subcommand derives the
// bindings files from the client's source, at the version go.mod pins.
//
// Usage:
//
//	go run ./gen                   # validate the YAML and write the Go tables
//	go run ./gen -check            # exit 1 if the checked-in tables differ from what gen writes
//	go run ./gen -compare FILE     # list how a dump of Slack's method pages differs from the catalog
//	go run ./gen bindings          # derive catalog/bindings/slack-go.yaml, print its coverage
//	go run ./gen bindings -check   # exit 1 if the checked-in bindings file is stale
//
// Run from anywhere inside the module (go generate runs it from catalog/). Errors in the
// YAML are printed one per line as file:line:col: field: what is wrong, and gen exits 1.
//
// -compare reads FILE, a JSON object of Slack's method pages by method name in the shape
// of docs.slack.dev/reference/methods/<method>.json, writes nothing, and prints every
// difference with the catalog, one a line, sorted: methods only one side has, the scopes
// of each token type a page states (as sets), the rate limit, the arguments the catalog
// names, the error codes. It exits 1 when there is a difference, 0 when there is none:
// a refresh of the catalog is a review of that list.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"io"
	"os"
	"path/filepath"
	"sort"

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
	if len(args) > 0 && args[0] == "bindings" {
		return runBindings(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "do not write; exit 1 if the generated files are out of date")
	dir := fs.String("catalog", "", "the catalog directory (default: catalog/ of the enclosing module)")
	out := fs.String("out", "", "the generated file (default: zz_generated.go in the catalog directory)")
	cmp := fs.String("compare", "", "do not write; list how the method pages in `file` (JSON) differ from the catalog, exit 1 if they do")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen [-check] [-catalog dir] [-out file]\n       gen -compare file [-catalog dir]\n       gen bindings [-check] [-catalog dir] [-module path] [-out file]")
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
		scanner.PrintError(stderr, err)
		return exitStale
	}
	if *cmp != "" {
		return runCompare(*cmp, c, stdout, stderr)
	}
	src, err := gocode.Write(c)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	bs, err := loadBindings(*dir, c)
	if err != nil {
		scanner.PrintError(stderr, err)
		return exitStale
	}
	rs, err := model.LoadRenamed(rel(filepath.Join(*dir, "bindings", model.RenamedFile)), bs)
	if err != nil {
		scanner.PrintError(stderr, err)
		return exitStale
	}
	bsrc, err := gocode.WriteBindings(bs, rs)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	esrc, err := gocode.WriteEnums(model.Enums)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitStale
	}
	bout := filepath.Join(filepath.Dir(*out), "zz_bindings.go")
	eout := filepath.Join(filepath.Dir(*out), "zz_enums.go")
	outputs := []output{{*out, src}, {bout, bsrc}, {eout, esrc}}
	if *check {
		return checkFresh(outputs, stderr)
	}
	if code := write(outputs, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "gen: wrote %s (%d scopes, %d methods, %d events)\n", rel(*out), len(c.Scopes), len(c.Methods), len(c.Events))
	fmt.Fprintf(stdout, "gen: wrote %s (%d bindings files)\n", rel(bout), len(bs))
	fmt.Fprintf(stdout, "gen: wrote %s (%d enums)\n", rel(eout), len(model.Enums))
	return exitOK
}

// output is a generated file and its contents.
type output struct {
	path string
	data []byte
}

// checkFresh reports every output whose file differs from what gen would write.
func checkFresh(outputs []output, stderr io.Writer) int {
	code := exitOK
	for _, o := range outputs {
		old, err := os.ReadFile(o.path)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return exitStale
		}
		if !bytes.Equal(old, o.data) {
			fmt.Fprintf(stderr, "gen: %s: generated files are out of date; run make generate\n", rel(o.path))
			code = exitStale
		}
	}
	return code
}

func write(outputs []output, stderr io.Writer) int {
	for _, o := range outputs {
		if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return exitStale
		}
		if err := os.WriteFile(o.path, o.data, 0o644); err != nil {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return exitStale
		}
	}
	return exitOK
}

// loadBindings reads and checks every bindings file of the catalog, sorted by name: every
// YAML file of its bindings directory but the renamed file.
func loadBindings(dir string, c *model.Catalog) ([]*model.Bindings, error) {
	files, err := filepath.Glob(filepath.Join(dir, "bindings", "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*model.Bindings
	for _, f := range files {
		if filepath.Base(f) == model.RenamedFile {
			continue
		}
		b, err := model.LoadBindings(rel(f), c)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
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
