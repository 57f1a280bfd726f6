// Package driver loads packages and runs analyzers over them for slackscope's standalone
// command, and for the no-op checker the benchmarks measure it against: the same loading
// and the same checker, whatever the analyzers.
package driver

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Load loads the packages matching patterns from dir with everything an analysis with
// facts needs (syntax and types of the dependencies too). A package that does not load
// is an error naming it.
func Load(dir string, patterns []string, tests bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: tests}
	defer phase("load", time.Now())
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Pos == "" || e.Pos == "-" {
				errs = append(errs, e.Msg)
			} else {
				errs = append(errs, e.Error())
			}
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
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
