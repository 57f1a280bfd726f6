package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/internal/driver"
)

// A finding is one diagnostic, as every output format sees it.
type finding struct {
	Pkg      string `json:"-"`
	Posn     string `json:"posn"`
	File     string `json:"-"`
	Line     int    `json:"-"`
	Col      int    `json:"-"`
	Message  string `json:"message"`
	Category string `json:"category"`
}

// analysis is a standalone run of the analyzer over packages.
type analysisRun struct {
	findings []finding
	results  []rootResult
}

type rootResult struct {
	pkg *packages.Package
	res *analyzer.Result
}

// analyze loads the packages matching patterns (from dir) and runs the slackscope
// analyzer, with its dependencies, on them.
func analyze(dir string, patterns []string, cfg *analyzer.Config, tests bool) (*analysisRun, error) {
	pkgs, err := driver.Load(dir, patterns, tests)
	if err != nil {
		return nil, err
	}
	a := analyzer.New(cfg)
	graph, err := driver.Analyze(pkgs, a)
	if err != nil {
		return nil, err
	}
	run := &analysisRun{}
	seen := map[string]bool{}
	wd, _ := os.Getwd()
	for _, act := range graph.Roots {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		if res, ok := act.Result.(*analyzer.Result); ok {
			run.results = append(run.results, rootResult{act.Package, res})
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			msg := strings.TrimSuffix(d.Message, " ["+d.Category+"]") // the analyzer adds it for go vet
			f := finding{Pkg: act.Package.PkgPath, File: relTo(wd, p.Filename), Line: p.Line, Col: p.Column, Message: msg, Category: d.Category}
			f.Posn = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
			key := f.Posn + "\x00" + f.Message
			if !seen[key] { // a manifest's findings come once, whichever package reports them
				seen[key] = true
				run.findings = append(run.findings, f)
			}
		}
	}
	slices.SortFunc(run.findings, func(a, b finding) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		return strings.Compare(a.Message, b.Message)
	})
	return run, nil
}

func relTo(wd, path string) string {
	if wd == "" {
		return path
	}
	if r, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// checkFlags are the flags of the standalone checker and of `slackscope check`.
type checkFlags struct {
	cfg    analyzer.Config
	format string
	tests  bool
}

func (c *checkFlags) formatOf() string { return c.format }

func (c *checkFlags) register(fs *flag.FlagSet) {
	c.cfg.Token = "bot"
	fs.StringVar(&c.cfg.Manifest, "manifest", "", "the app manifest (YAML or JSON); default: manifest.yml, manifest.yaml or manifest.json beside each package or above it, up to go.mod")
	fs.StringVar(&c.cfg.Token, "token", "bot", "the token type the program calls with: bot or user")
	fs.StringVar(&c.cfg.ManifestSum, "manifest-sum", "", "the start of the manifest's SHA-256 (hex); a manifest that no longer matches is reported")
	fs.StringVar(&c.format, "format", "text", "output: text, json or sarif")
	fs.BoolVar(&c.tests, "test", false, "also load test packages (their calls never count as the app's needs)")
	fs.BoolFunc("json", "same as -format json", func(string) error { c.format = "json"; return nil })
}

// runCheck is the standalone checker: slackscope [flags] packages, and slackscope check.
func runCheck(name string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c checkFlags
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: slackscope %s[flags] packages\n", strings.TrimPrefix(name+" ", "slackscope "))
		fs.PrintDefaults()
	}
	if !parsePackageArgs(fs, args, c.formatOf, stderr, "text", "json", "sarif") {
		return exitFailure
	}
	run, err := analyze("", fs.Args(), &c.cfg, c.tests)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure
	}
	switch c.format {
	case "json":
		writeJSON(stdout, run.findings)
	case "sarif":
		writeSARIF(stdout, run.findings)
	default:
		for _, f := range run.findings {
			fmt.Fprintf(stdout, "%s: %s [%s]\n", f.Posn, f.Message, f.Category)
		}
	}
	if len(run.findings) > 0 {
		return exitFindings
	}
	return exitOK
}

// parsePackageArgs parses a subcommand's flags and package patterns, and checks that
// format() is one of formats; on failure it has said why, and the command exits 2.
func parsePackageArgs(fs *flag.FlagSet, args []string, format func() string, stderr io.Writer, formats ...string) bool {
	if err := parseInterspersed(fs, args); err != nil {
		return false
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return false
	}
	if f := format(); !slices.Contains(formats, f) {
		fmt.Fprintf(stderr, "slackscope: -format %q: expected %s\n", f, orList(formats))
		return false
	}
	return true
}

// orList writes "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// parseInterspersed parses flags that may come after the package patterns too
// (slackscope ./... -json).
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(rest)
}

// writeJSON writes findings as the x/tools drivers' -json does: package path, then
// analyzer name, then the diagnostics.
func writeJSON(w io.Writer, findings []finding) {
	tree := map[string]map[string][]finding{}
	for _, f := range findings {
		if tree[f.Pkg] == nil {
			tree[f.Pkg] = map[string][]finding{}
		}
		tree[f.Pkg]["slackscope"] = append(tree[f.Pkg]["slackscope"], f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	enc.Encode(tree)
}
