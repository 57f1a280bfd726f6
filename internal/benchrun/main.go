// Command benchrun measures whole runs of slackscope against two floors, in one run,
// alternating the tools: the type-check floor (internal/typecheck: the packages' syntax
// and types, their dependencies' types from export data, nothing run), the least a
// checker can pay, and the same-driver floor (internal/noopcheck: slackscope's driver
// with an analyzer that does nothing, every dependency from source as facts need). It
// also measures warm runs, nothing changed since the last: slackscope against go list
// -export on the same patterns (what a pre-commit hook on an unchanged tree should
// cost), and go vet's cached answer. It prints medians, ratios and peak memory as
// Markdown tables (make bench; BENCHMARKS.md explains the method).
//
//	go run ./internal/benchrun [-runs 5] [-sizes 10,100,1000] [-deps 1000] [-modes standalone,vet] [-keep dir]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type target struct {
	name     string
	dir      string
	patterns []string
}

type sample struct {
	wall    time.Duration
	maxRSS  int64         // KiB, of the process and the children it waited for
	analyze time.Duration // standalone: the analysis phase (driver.Analyze), after loading
	cpu     time.Duration // user and system time of the process and its children
}

func main() {
	runs := flag.Int("runs", 5, "timed runs of each tool per target and mode")
	sizes := flag.String("sizes", "10,100,1000", "sizes of the generated programs, in packages")
	modes := flag.String("modes", "standalone,vet", "standalone, vet, or both")
	depSizes := flag.String("deps", "1000", "sizes of the generated programs that also import a large dependency tree (x/tools, yaml, go-cmp); empty for none")
	keep := flag.String("keep", "", "write the tools and generated programs to this directory and keep them (for profiling)")
	flag.Parse()
	root, err := os.Getwd()
	check(err)
	tmp := *keep
	if tmp == "" {
		tmp, err = os.MkdirTemp("", "slackscope-bench")
		check(err)
		defer os.RemoveAll(tmp)
	}

	bins := map[string]string{"typecheck": filepath.Join(tmp, "typecheck"), "noop": filepath.Join(tmp, "noopcheck"), "slackscope": filepath.Join(tmp, "slackscope")}
	run(root, nil, "go", "build", "-o", bins["typecheck"], "./internal/typecheck")
	run(root, nil, "go", "build", "-o", bins["noop"], "./internal/noopcheck")
	run(root, nil, "go", "build", "-o", bins["slackscope"], "./cmd/slackscope")

	// slack-go as the app's dependency (what every app pays for its client), and as the
	// main module, run from its root (every package's calls analysed, its examples too).
	targets := []target{
		{"slack-go " + slackGoVersion(root) + " (module cache)", root, []string{"github.com/slack-go/slack/..."}},
		{"slack-go " + slackGoVersion(root) + " as the main module", slackGoDir(root), []string{"./..."}},
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		dir := filepath.Join(tmp, fmt.Sprintf("gen%d", n))
		generate(root, dir, n, false)
		targets = append(targets, target{fmt.Sprintf("generated, %d packages", n), dir, []string{"./..."}})
	}
	for _, s := range strings.Split(*depSizes, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		dir := filepath.Join(tmp, fmt.Sprintf("gendeps%d", n))
		generate(root, dir, n, true)
		targets = append(targets, target{fmt.Sprintf("generated, %d packages, large dependency tree", n), dir, []string{"./..."}})
	}

	fmt.Printf("%s, %d CPUs, %s; %d timed runs of each tool, alternating; medians.\n\n", runtime.Version(), runtime.NumCPU(), runtime.GOARCH, *runs)
	fmt.Println("Cold (every package analysed; the build cache warm, as in CI after the first build):")
	fmt.Println()
	fmt.Println("| target | mode | type-check floor | no-op floor | slackscope | vs type-check | vs no-op | CPU vs no-op | type-check peak RSS | no-op peak RSS | slackscope peak RSS | RSS vs type-check | RSS vs no-op |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	var phases, warm []string
	for _, t := range targets {
		for _, mode := range strings.Split(*modes, ",") {
			tools := []string{"noop", "slackscope"}
			if mode == "standalone" {
				// The type-check floor has no vet form: go vet's own type-checking is
				// the same for every tool, and the no-op floor measures it.
				tools = []string{"typecheck", "noop", "slackscope"}
			}
			res := map[string][]sample{}
			// One untimed run each warms the build cache (compiled dependencies) and the
			// file system; under vet, every run gets a new tool build ID, so vet's result
			// cache never answers for either tool.
			for i := 0; i <= *runs; i++ {
				order := slices.Clone(tools)
				rotate(order, i)
				for _, tool := range order {
					s := measure(t, mode, bins[tool], fmt.Sprintf("%s-%d-%d", tool, time.Now().UnixNano(), i))
					if i > 0 {
						res[tool] = append(res[tool], s)
					}
				}
			}
			fw, fm, fa, fc := medians(res["noop"])
			sw, sm, sa, sc := medians(res["slackscope"])
			tw, tm := "—", "—"
			tr, trm := "—", "—"
			if mode == "standalone" {
				w, m, _, _ := medians(res["typecheck"])
				tw, tm = w.Round(time.Millisecond).String(), fmt.Sprintf("%d MiB", m/1024)
				tr, trm = fmt.Sprintf("%.3fx", float64(sw)/float64(w)), fmt.Sprintf("%.3fx", float64(sm)/float64(m))
			}
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %.3fx | %.3fx | %s | %d MiB | %d MiB | %s | %.3fx |\n", t.name, mode,
				tw, fw.Round(time.Millisecond), sw.Round(time.Millisecond), tr, float64(sw)/float64(fw), float64(sc)/float64(fc),
				tm, fm/1024, sm/1024, trm, float64(sm)/float64(fm))
			if mode == "standalone" {
				phases = append(phases, fmt.Sprintf("| %s | %s | %s | %s | %.3fx |", t.name, fa.Round(100*time.Microsecond), sa.Round(100*time.Microsecond),
					fw.Round(time.Millisecond), float64(fw+sa-fa)/float64(fw)))
			}
		}
		warm = append(warm, measureWarm(t, bins["slackscope"], *runs, strings.Contains(*modes, "vet")))
	}
	if len(phases) > 0 {
		// The loading both tools share is most of a standalone run and most of its noise;
		// the analysis phase is where they differ.
		fmt.Println()
		fmt.Println("Standalone, the analysis phase alone (medians), and the floor's run plus slackscope's extra analysis time:")
		fmt.Println()
		fmt.Println("| target | floor analysis | slackscope analysis | floor run | (floor run + extra) / floor run |")
		fmt.Println("|---|---|---|---|---|")
		for _, p := range phases {
			fmt.Println(p)
		}
	}
	fmt.Println()
	fmt.Println("Warm (nothing changed since the run before): go list -export on the same patterns, slackscope standalone, and go vet answering from its cache:")
	fmt.Println()
	fmt.Println("| target | go list -export | slackscope | vs go list | go vet (cached) | vs go list |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, w := range warm {
		fmt.Println(w)
	}
}

// rotate turns tools left by i, so that each tool goes first in turn.
func rotate(tools []string, i int) {
	k := i % len(tools)
	copy(tools, append(slices.Clone(tools[k:]), tools[:k]...))
}

// measureWarm times runs with nothing changed since the previous one: go list -export
// (the go command's own answer from its cache), slackscope standalone (from its check
// cache, in a directory of its own, filled by the untimed first run), and go vet with
// slackscope as its tool under one build ID (its second run is answered from vet's
// cache), alternating, and formats a row of the warm table.
func measureWarm(t target, bin string, runs int, vet bool) string {
	var list, stand, vetted []time.Duration
	nonce := fmt.Sprintf("warm-%d", time.Now().UnixNano())
	cache, err := os.MkdirTemp("", "slackscope-bench-cache")
	check(err)
	defer os.RemoveAll(cache)
	for i := 0; i <= runs; i++ {
		l := timed(t, "go", append([]string{"list", "-export"}, t.patterns...), nil)
		s := timed(t, bin, t.patterns, []string{"SLACKSCOPE_CACHE=" + cache})
		var v time.Duration
		if vet {
			v = timed(t, "go", append([]string{"vet", "-vettool=" + bin}, t.patterns...), []string{"SLACKSCOPE_BENCH_NONCE=" + nonce})
		}
		if i > 0 {
			list, stand, vetted = append(list, l), append(stand, s), append(vetted, v)
		}
	}
	l, s, v := median(list), median(stand), median(vetted)
	vs, vr := "—", "—"
	if vet {
		vs, vr = v.Round(time.Millisecond).String(), fmt.Sprintf("%.3fx", float64(v)/float64(l))
	}
	return fmt.Sprintf("| %s | %s | %s | %.3fx | %s | %s |", t.name, l.Round(time.Millisecond), s.Round(time.Millisecond), float64(s)/float64(l), vs, vr)
}

// timed runs a command on a target and returns its wall time; findings (exit 1) and
// nothing to check against (exit 3) are not failures.
func timed(t target, name string, args, env []string) time.Duration {
	cmd := exec.Command(name, args...)
	cmd.Dir = t.dir
	cmd.Env = append(os.Environ(), env...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1 && ee.ExitCode() != 3) {
		fmt.Fprintf(os.Stderr, "benchrun: %s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
		os.Exit(2)
	}
	return d
}

func median(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// measure runs one tool once on a target.
func measure(t target, mode, bin, nonce string) sample {
	var cmd *exec.Cmd
	if mode == "vet" {
		cmd = exec.Command("go", append([]string{"vet", "-vettool=" + bin}, t.patterns...)...)
		cmd.Env = append(os.Environ(), "SLACKSCOPE_BENCH_NONCE="+nonce)
	} else {
		cmd = exec.Command(bin, t.patterns...)
		// A cold run: slackscope's check cache would answer every run after the first.
		cmd.Env = append(os.Environ(), "SLACKSCOPE_PHASES="+phasesFile, "SLACKSCOPE_CACHE=off")
		os.Remove(phasesFile)
	}
	cmd.Dir = t.dir
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		// Findings exit 1, a run with nothing to check against 3 (slack-go has no
		// manifest); anything else is a broken measurement.
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 && ee.ExitCode() != 3 {
			fmt.Fprintf(os.Stderr, "benchrun: %s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
			os.Exit(2)
		}
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	if ru != nil {
		rss = ru.Maxrss
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return sample{wall, rss, analyzePhase(), cpu}
}

// phasesFile is where a standalone run writes the times of its phases (driver.phase).
var phasesFile = filepath.Join(os.TempDir(), fmt.Sprintf("slackscope-bench-phases-%d", os.Getpid()))

// analyzePhase reads the analysis phase's time from phasesFile.
func analyzePhase() time.Duration {
	data, err := os.ReadFile(phasesFile)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if ns, ok := strings.CutPrefix(line, "analyze "); ok {
			n, _ := strconv.ParseInt(ns, 10, 64)
			return time.Duration(n)
		}
	}
	return 0
}

func medians(ss []sample) (wall time.Duration, rss int64, analyze, cpu time.Duration) {
	ws := make([]time.Duration, len(ss))
	ms := make([]int64, len(ss))
	as := make([]time.Duration, len(ss))
	cs := make([]time.Duration, len(ss))
	for i, s := range ss {
		ws[i], ms[i], as[i], cs[i] = s.wall, s.maxRSS, s.analyze, s.cpu
	}
	slices.Sort(ws)
	slices.Sort(ms)
	slices.Sort(as)
	slices.Sort(cs)
	return ws[len(ws)/2], ms[len(ms)/2], as[len(as)/2], cs[len(cs)/2]
}

// generate writes a program of n packages that call the Slack API (a wrapper per
// package, calls with options and constant arguments) and a main that imports them all.
// With deps, each package also uses a large dependency tree (golang.org/x/tools'
// loader and analysis passes, yaml.v3, go-cmp: slackscope's own dependencies, so their
// versions are those of its go.mod and go.sum), so that what dependencies cost shows.
func generate(root, dir string, n int, deps bool) {
	check(os.MkdirAll(dir, 0o755))
	from := filepath.Join(root, "testdata", "example")
	module := "example.com/gen"
	if deps {
		from = root
	}
	gomod, err := os.ReadFile(filepath.Join(from, "go.mod"))
	check(err)
	gosum, err := os.ReadFile(filepath.Join(from, "go.sum"))
	check(err)
	first, rest, _ := strings.Cut(string(gomod), "\n")
	check(os.WriteFile(filepath.Join(dir, "go.mod"), []byte(strings.Replace(first, strings.TrimPrefix(first, "module "), module, 1)+"\n"+rest), 0o644))
	check(os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644))
	var imports, calls strings.Builder
	for i := range n {
		p := fmt.Sprintf("p%04d", i)
		check(os.MkdirAll(filepath.Join(dir, p), 0o755))
		depImports, depUse := "", ""
		if deps {
			depImports = `
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/packages"
	"gopkg.in/yaml.v3"
`
			depUse = `
// Load loads what the package is told to, checks it and says what changed.
func Load(pattern string, old any) (string, error) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName}, pattern)
	if err != nil {
		return "", err
	}
	out, err := yaml.Marshal(pkgs[0].Name)
	return printf.Analyzer.Name + cmp.Diff(old, string(out)), err
}
`
		}
		src := fmt.Sprintf(`package %[1]s

import (%[2]s
	"github.com/slack-go/slack"
)

// Notify posts, reacts and lists.
func Notify(c *slack.Client, ch string) error {
	_, ts, err := c.PostMessage(ch, slack.MsgOptionText("hello from %[1]s", false))
	if err != nil {
		return err
	}
	if err := c.AddReaction("eyes", slack.NewRefToMessage(ch, ts)); err != nil {
		return err
	}
	_, _, err = c.GetConversations(&slack.GetConversationsParameters{Types: []string{"im"}})
	return err
}
%[3]s`, p, depImports, depUse)
		check(os.WriteFile(filepath.Join(dir, p, p+".go"), []byte(src), 0o644))
		fmt.Fprintf(&imports, "\t\"%s/%s\"\n", module, p)
		fmt.Fprintf(&calls, "\t%s.Notify(c, \"C1\")\n", p)
	}
	main := fmt.Sprintf("package main\n\nimport (\n\t\"os\"\n\n\t\"github.com/slack-go/slack\"\n\n%s)\n\nfunc main() {\n\tc := slack.New(os.Getenv(\"SLACK_BOT_TOKEN\"))\n%s}\n", imports.String(), calls.String())
	check(os.MkdirAll(filepath.Join(dir, "cmd", "gen"), 0o755))
	check(os.WriteFile(filepath.Join(dir, "cmd", "gen", "main.go"), []byte(main), 0o644))
}

// slackGoDir is the module cache directory of the slack-go release root requires.
func slackGoDir(root string) string {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/slack-go/slack")
	cmd.Dir = root
	out, err := cmd.Output()
	check(err)
	return strings.TrimSpace(string(out))
}

func slackGoVersion(root string) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "github.com/slack-go/slack").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func run(dir string, env []string, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		os.Exit(2)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		os.Exit(2)
	}
}
