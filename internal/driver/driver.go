// Package driver loads packages and runs analyzers over them for slackscope's standalone
// command, and for the no-op checker the benchmarks measure it against: the same loading
// and the same checker, whatever the analyzers.
package driver

import (
	"fmt"
	"maps"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options are what a run asks of the loading.
type Options struct {
	Tests bool   // load test packages too
	Tags  string // build tags, comma-separated (go build -tags)
}

// A Broken package did not load: its path and why.
type Broken struct {
	Package string
	Err     string
}

// errNoModule is the error of a run outside any Go module, in place of the go
// command's.
var errNoModule = fmt.Errorf("no go.mod in this directory or any above it: run slackscope inside the app's Go module, or name its files (slackscope main.go)")

// outsideModule reports whether a go command error says the patterns are outside any
// module.
func outsideModule(msg string) bool {
	return strings.Contains(msg, "go.mod file not found") || strings.Contains(msg, "does not contain main module") ||
		strings.Contains(msg, "cannot find main module")
}

// Load loads the packages matching patterns from dir with everything an analysis with
// facts needs (syntax and types of the dependencies too). It returns the root packages
// that loaded with all their dependencies, and the roots that did not, each with the
// errors that stopped it (its own or a dependency's): the caller analyses what loaded
// and says what did not. err is for a load that gave nothing at all.
//
// Only the packages whose facts matter are loaded from source, the rest from export data
// (source.go), unless opts.Tests is set or the environment variable SLACKSCOPE_LOAD is
// "full".
func Load(dir string, patterns []string, opts Options) (pkgs []*packages.Package, broken []Broken, err error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: opts.Tests}
	if opts.Tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.Tags}
	}
	defer phase("load", time.Now())
	if !opts.Tests && os.Getenv("SLACKSCOPE_LOAD") != "full" {
		if roots, ok := loadPruned(*cfg, patterns); ok {
			return roots, nil, nil
		}
	}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		if outsideModule(err.Error()) {
			return nil, nil, errNoModule
		}
		return nil, nil, err
	}
	// errs are a package's errors and those of every package it imports.
	errs := map[*packages.Package][]string{}
	var visit func(p *packages.Package) []string
	visit = func(p *packages.Package) []string {
		if e, ok := errs[p]; ok {
			return e
		}
		errs[p] = nil // imports do not cycle, but be safe
		var out []string
		for _, e := range p.Errors {
			if e.Pos == "" || e.Pos == "-" {
				out = append(out, e.Msg)
			} else {
				out = append(out, e.Error())
			}
		}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			for _, e := range visit(p.Imports[path]) {
				if !slices.Contains(out, e) {
					out = append(out, e)
				}
			}
		}
		errs[p] = out
		return out
	}
	for _, p := range roots {
		if e := visit(p); len(e) > 0 {
			broken = append(broken, Broken{Package: p.PkgPath, Err: strings.Join(e, "\n")})
			continue
		}
		pkgs = append(pkgs, p)
	}
	if len(roots) == 0 {
		return nil, nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	if len(pkgs) == 0 && slices.ContainsFunc(broken, func(b Broken) bool { return outsideModule(b.Err) }) {
		return nil, nil, errNoModule
	}
	return pkgs, broken, nil
}

// Analyze runs the analyzers (and those they require) on pkgs.
func Analyze(pkgs []*packages.Package, analyzers ...*analysis.Analyzer) (*checker.Graph, error) {
	defer phase("analyze", time.Now())
	return checker.Analyze(analyzers, pkgs, nil)
}

// phase appends the wall time of a phase of a standalone run ("load 1.2s") to the file
// SLACKSCOPE_PHASES names, if any: the benchmarks use it to tell the analysis, where the
// tools differ, from the loading they share.
func phase(name string, start time.Time) {
	path := os.Getenv("SLACKSCOPE_PHASES")
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	fmt.Fprintf(f, "%s %d\n", name, time.Since(start).Nanoseconds())
	f.Close()
}

// InvokedByVet reports whether go vet runs the command as its -vettool: it asks for the
// version (-V=full) or the flags (-flags), or passes a unit's .cfg file.
func InvokedByVet(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

// BenchVersion answers go vet's -V=full with a build ID of its own when the environment
// variable SLACKSCOPE_BENCH_NONCE is set, so that a benchmark defeats go vet's cache for
// both tools alike (the ID keys vet's results). It reports whether it answered.
func BenchVersion(name string, args []string) bool {
	nonce := os.Getenv("SLACKSCOPE_BENCH_NONCE")
	if nonce == "" || len(args) != 1 || args[0] != "-V=full" {
		return false
	}
	fmt.Printf("%s version devel bench buildID=%s\n", name, nonce)
	return true
}

// Profile starts the profiles the environment asks for, for a standalone run:
// SLACKSCOPE_CPUPROFILE and SLACKSCOPE_MEMPROFILE name the files of a CPU and a heap
// profile ("%p" in a name becomes the process ID). The returned function writes them;
// call it before the process exits.
func Profile() (stop func()) {
	name := func(env string) string {
		return strings.ReplaceAll(os.Getenv(env), "%p", strconv.Itoa(os.Getpid()))
	}
	cpu, mem := name("SLACKSCOPE_CPUPROFILE"), name("SLACKSCOPE_MEMPROFILE")
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			cpuFile = f
		} else {
			fmt.Fprintf(os.Stderr, "SLACKSCOPE_CPUPROFILE: %v\n", err)
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err != nil {
				fmt.Fprintf(os.Stderr, "SLACKSCOPE_MEMPROFILE: %v\n", err)
				return
			}
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}
