package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
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
	// Func is the function the finding is in, for a baseline's key; "" outside any.
	Func string `json:"-"`
	// Fixes are the diagnostic's suggested fixes, for slackscope fix.
	Fixes []fileFix `json:"-"`
	// SuggestedFixes are Fixes as go vet -json writes them (file names relative to the
	// working directory), filled in by writeJSON.
	SuggestedFixes []jsonFix `json:"suggested_fixes,omitempty"`
}

// jsonFix and jsonEdit are a suggested fix in the shape of go vet -json's.
type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// A fileFix is a suggested fix with its edits as offsets into the files they change.
type fileFix struct {
	Message string
	Edits   []fileEdit
}

// A fileEdit replaces the bytes [Start, End) of File (an absolute path) with Text.
type fileEdit struct {
	File       string
	Start, End int
	Text       string
}

// fixesOf converts a diagnostic's fixes to file offsets; an edit outside any file of the
// file set is left out with its fix.
func fixesOf(fset *token.FileSet, d analysis.Diagnostic) []fileFix {
	var out []fileFix
next:
	for _, f := range d.SuggestedFixes {
		ff := fileFix{Message: f.Message}
		for _, e := range f.TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			tf := fset.File(e.Pos)
			if tf == nil || fset.File(end) != tf {
				continue next
			}
			ff.Edits = append(ff.Edits, fileEdit{File: tf.Name(), Start: tf.Offset(e.Pos), End: tf.Offset(end), Text: string(e.NewText)})
		}
		out = append(out, ff)
	}
	return out
}

// analysisRun is a standalone run of the analyzer over packages.
type analysisRun struct {
	findings []finding
	results  []rootResult
	// broken are the packages that did not load, with the reason: the run analysed the
	// others, and its answer is partial.
	broken []driver.Broken
}

type rootResult struct {
	pkg *packages.Package
	res *analyzer.Result
}

// analyze loads the packages matching patterns (from dir) and runs the slackscope
// analyzer, with its dependencies, on every package that loads.
func analyze(dir string, patterns []string, cfg *analyzer.Config, opts driver.Options) (*analysisRun, error) {
	pkgs, broken, err := driver.Load(dir, patterns, opts)
	if err != nil {
		return nil, err
	}
	run := &analysisRun{broken: broken}
	if len(pkgs) == 0 {
		return run, nil
	}
	a := analyzer.New(cfg)
	graph, err := driver.Analyze(pkgs, a)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	wd, _ := os.Getwd()
	// A manifest several programs of the run share is checked against what they need
	// together: a scope is unused only when every one of them says so.
	programsOf := map[string]int{}    // manifest path -> programs checked against it
	unusedBy := map[string]int{}      // finding key -> programs reporting it unused
	manifestOf := map[string]string{} // finding key -> its manifest's path
	for _, act := range graph.Roots {
		if res, ok := act.Result.(*analyzer.Result); ok && act.Err == nil && act.Package.Name == "main" && res.Manifest != nil {
			programsOf[res.Manifest.Path]++
		}
	}
	var acts []*checker.Action
	isRoot := map[*checker.Action]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %w", act.Package.PkgPath, act.Err)
		}
		if res, ok := act.Result.(*analyzer.Result); ok {
			run.results = append(run.results, rootResult{act.Package, res})
		}
		acts = append(acts, act)
		isRoot[act] = true
	}
	// The main module's packages the roots import are checked as well (slackscope
	// ./cmd/bot, and the internal/slackx it calls): their findings are the program's,
	// as in a run of ./... (each package's own reports the needs it checks against its
	// manifest, which main does not repeat).
	for act := range graph.All() {
		if act.Analyzer == a && !isRoot[act] && act.Package.Module != nil && act.Package.Module.Main {
			if act.Err != nil {
				return nil, fmt.Errorf("%s: %w", act.Package.PkgPath, act.Err)
			}
			acts = append(acts, act)
		}
	}
	for _, act := range acts {
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			f := finding{Pkg: act.Package.PkgPath, File: relTo(wd, p.Filename), Line: p.Line, Col: p.Column, Message: d.Message, Category: d.Category,
				Fixes: fixesOf(act.Package.Fset, d), Func: enclosingFunc(act.Package, d.Pos)}
			f.Posn = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
			key := f.Posn + "\x00" + f.Message
			if d.Category == analyzer.UnusedScope.Name {
				unusedBy[key]++
				manifestOf[key] = p.Filename
			}
			if !seen[key] { // a manifest's findings come once, whichever package reports them
				seen[key] = true
				run.findings = append(run.findings, f)
			}
		}
	}
	run.findings = slices.DeleteFunc(run.findings, func(f finding) bool {
		key := f.Posn + "\x00" + f.Message
		n := programsOf[manifestOf[key]]
		return f.Category == analyzer.UnusedScope.Name && n > 1 && unusedBy[key] < n
	})
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
	cfg      analyzer.Config
	format   string
	verbose  bool
	exitZero bool
	// baseline and writeBaseline are the files of -baseline and -write-baseline; base
	// is the baseline read, before anything is loaded.
	baseline, writeBaseline string
	base                    *baseline
	opts                    driver.Options
}

func (c *checkFlags) formatOf() string { return c.format }

func (c *checkFlags) register(fs *flag.FlagSet) {
	c.registerAnalysis(fs)
	fs.BoolVar(&c.cfg.RequireManifest, "require-manifest", false, "report a program for which no app manifest is found as a finding (no-manifest), not only on stderr")
	fs.StringVar(&c.format, "format", "text", "output: text, json or sarif")
	fs.BoolFunc("json", "same as -format json", func(string) error { c.format = "json"; return nil })
	fs.StringVar(&c.baseline, "baseline", "", "report only the findings this baseline file (from -write-baseline) does not hold")
	fs.StringVar(&c.writeBaseline, "write-baseline", "", "write the run's findings to this file, for -baseline (keys that survive moved lines: check, file, function, message)")
	fs.BoolVar(&c.exitZero, "exit-zero", false, "exit 0 even when there are findings (a CI step that uploads the SARIF); a failure still exits 2, a check that could not check everything 3")
}

// registerAnalysis registers the flags that decide what the analysis checks, which
// slackscope fix shares with the checker.
func (c *checkFlags) registerAnalysis(fs *flag.FlagSet) {
	c.cfg.Token, c.format = "bot", "text"
	fs.StringVar(&c.cfg.Manifest, "manifest", "", "the app manifest (YAML or JSON); default: manifest.yml, manifest.yaml or manifest.json beside each package or above it (also in slack/ and .slack/), up to the repository root")
	fs.StringVar(&c.cfg.Token, "token", "bot", "the token type the program calls with: bot or user")
	fs.StringVar(&c.cfg.ManifestSum, "manifest-sum", "", "the start of the manifest's SHA-256 (hex); a manifest that no longer matches is reported")
	fs.BoolVar(&c.opts.Tests, "test", false, "also load test packages (their calls never count as the app's needs)")
	fs.StringVar(&c.opts.Tags, "tags", "", "a comma-separated list of build tags, as for go build")
	fs.BoolVar(&c.verbose, "v", false, "say on stderr where each program's manifest was looked for")
}

// validate checks the flags that the analysis would otherwise reject package by package:
// a usage error is said once, before anything is loaded.
func (c *checkFlags) validate() error {
	if c.cfg.Token != "bot" && c.cfg.Token != "user" {
		return fmt.Errorf("-token %s: expected bot or user", c.cfg.Token)
	}
	if c.baseline != "" {
		b, err := readBaseline(c.baseline)
		if err != nil {
			return fmt.Errorf("-baseline: %w", err)
		}
		c.base = b
	}
	if c.cfg.Manifest != "" {
		st, err := os.Stat(c.cfg.Manifest)
		switch {
		case err != nil:
			return fmt.Errorf("-manifest %s: %w", c.cfg.Manifest, errors.Unwrap(err))
		case st.IsDir():
			return fmt.Errorf("-manifest %s: is a directory (expected a manifest file)", c.cfg.Manifest)
		}
		abs, err := filepath.Abs(c.cfg.Manifest)
		if err != nil {
			return err
		}
		c.cfg.Manifest = abs
	}
	return nil
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
	if err := c.validate(); err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure
	}
	// An unchanged tree answers from the cache (cache.go); -write-baseline writes a file,
	// and always runs.
	dir, key := cacheDir(), ""
	if dir != "" && c.writeBaseline == "" {
		if k, ok := checkKey(&c, args, fs.Args()); ok {
			if r, hit := loadCached(dir, k); hit {
				stdout.Write(r.Stdout)
				stderr.Write(r.Stderr)
				return r.Code
			}
			key = k
		}
	}
	var outBuf, errBuf bytes.Buffer
	if key != "" {
		stdout, stderr = io.MultiWriter(stdout, &outBuf), io.MultiWriter(stderr, &errBuf)
	}
	code, complete := c.check(fs.Args(), stdout, stderr)
	if key != "" && complete {
		storeCached(dir, key, &cachedRun{Stdout: outBuf.Bytes(), Stderr: errBuf.Bytes(), Code: code})
	}
	return code
}

// check runs the check of the packages and writes its answer; complete is set when
// every package loaded and the answer can be kept.
func (c *checkFlags) check(patterns []string, stdout, stderr io.Writer) (code int, complete bool) {
	run, err := analyze("", patterns, &c.cfg, c.opts)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return exitFailure, false
	}
	sum := summarize(run, c.cfg.RequireManifest)
	if len(run.results) == 0 {
		sum.write(stderr, c.verbose) // nothing loaded: a failure, not a partial answer
		return exitFailure, false
	}
	complete = len(run.broken) == 0
	if c.writeBaseline != "" {
		if err := writeBaseline(c.writeBaseline, run); err != nil {
			fmt.Fprintf(stderr, "slackscope: -write-baseline: %v\n", err)
			return exitFailure, false
		}
		fmt.Fprintf(stderr, "slackscope: wrote %d %s to the baseline %s\n", len(run.findings), plural2(len(run.findings), "finding", "findings"), c.writeBaseline)
	}
	if c.base != nil {
		known, gone := applyBaseline(c.base, run)
		defer func() {
			fmt.Fprintf(stderr, "slackscope: %d %s in the baseline %s, not shown", known, plural2(known, "finding is", "findings are"), c.baseline)
			if gone > 0 {
				fmt.Fprintf(stderr, "; %d of its findings %s gone (write it again with -write-baseline)", gone, plural2(gone, "is", "are"))
			}
			fmt.Fprintln(stderr)
		}()
	}
	switch c.format {
	case "json":
		if err := writeJSON(stdout, run.findings, sum); err != nil {
			fmt.Fprintf(stderr, "slackscope: %v\n", err)
			return exitFailure, false
		}
	case "sarif":
		writeSARIF(stdout, run)
	default:
		for _, f := range run.findings {
			fmt.Fprintf(stdout, "%s: %s [%s]\n", f.Posn, f.Message, f.Category)
		}
	}
	sum.write(stderr, c.verbose)
	switch {
	case len(run.findings) > 0 && !c.exitZero:
		return exitFindings, complete
	case sum.incomplete():
		return exitIncomplete, complete
	}
	return exitOK, complete
}

// parseAndAnalyze parses a command's flags and package patterns, checks them and runs
// the analysis; on failure it has said why, and the command exits 2.
func (c *checkFlags) parseAndAnalyze(fs *flag.FlagSet, args []string, stderr io.Writer, formats ...string) (*analysisRun, bool) {
	if !parsePackageArgs(fs, args, c.formatOf, stderr, formats...) {
		return nil, false
	}
	if err := c.validate(); err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return nil, false
	}
	run, err := analyze("", fs.Args(), &c.cfg, c.opts)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: %v\n", err)
		return nil, false
	}
	return run, true
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
// analyzer name, then the diagnostics; the run's summary goes under the key
// "slackscope:summary", which no package path can be (import paths hold no colon).
func writeJSON(w io.Writer, findings []finding, sum *summary) error {
	tree := map[string]any{summaryKey: sum}
	wd, _ := os.Getwd()
	for _, f := range findings {
		for _, fx := range f.Fixes {
			jf := jsonFix{Message: fx.Message, Edits: []jsonEdit{}}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: relTo(wd, e.File), Start: e.Start, End: e.End, New: e.Text})
			}
			f.SuggestedFixes = append(f.SuggestedFixes, jf)
		}
		pkg, _ := tree[f.Pkg].(map[string][]finding)
		if pkg == nil {
			pkg = map[string][]finding{}
			tree[f.Pkg] = pkg
		}
		pkg["slackscope"] = append(pkg["slackscope"], f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}

const summaryKey = "slackscope:summary"
