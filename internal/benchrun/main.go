// Command benchrun measures whole runs of slackscope against the floor every analyzer
// pays (internal/noopcheck: the same driver with an analyzer that does nothing), in one
// run, alternating the two tools, and prints medians, ratios and peak memory as a
// Markdown table (make bench; BENCHMARKS.md explains the method).
//
//	go run ./internal/benchrun [-runs 5] [-sizes 10,100,1000] [-modes standalone,vet] [-keep dir]
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

	bins := map[string]string{"noop": filepath.Join(tmp, "noopcheck"), "slackscope": filepath.Join(tmp, "slackscope")}
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
		generate(root, dir, n)
		targets = append(targets, target{fmt.Sprintf("generated, %d packages", n), dir, []string{"./..."}})
	}

	fmt.Printf("%s, %d CPUs, %s; %d timed runs of each tool, alternating; medians.\n\n", runtime.Version(), runtime.NumCPU(), runtime.GOARCH, *runs)
	fmt.Println("| target | mode | no-op floor | slackscope | ratio | CPU ratio | floor peak RSS | slackscope peak RSS | ratio |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	var phases []string
	for _, t := range targets {
		for _, mode := range strings.Split(*modes, ",") {
			res := map[string][]sample{}
			// One untimed run each warms the build cache (compiled dependencies) and the
			// file system; under vet, every run gets a new tool build ID, so vet's result
			// cache never answers for either tool.
			for i := 0; i <= *runs; i++ {
				order := []string{"noop", "slackscope"}
				if i%2 == 1 {
					order = []string{"slackscope", "noop"}
				}
				for _, tool := range order {
					s := measure(t, mode, bins[tool], fmt.Sprintf("%s-%d-%d", tool, time.Now().UnixNano(), i))
					if i > 0 {
						res[tool] = append(res[tool], s)
					}
				}
			}
			fw, fm, fa, fc := medians(res["noop"])
			sw, sm, sa, sc := medians(res["slackscope"])
			fmt.Printf("| %s | %s | %s | %s | %.3fx | %.3fx | %d MiB | %d MiB | %.3fx |\n", t.name, mode,
				fw.Round(time.Millisecond), sw.Round(time.Millisecond), float64(sw)/float64(fw), float64(sc)/float64(fc),
				fm/1024, sm/1024, float64(sm)/float64(fm))
			if mode == "standalone" {
				phases = append(phases, fmt.Sprintf("| %s | %s | %s | %s | %.3fx |", t.name, fa.Round(100*time.Microsecond), sa.Round(100*time.Microsecond),
					fw.Round(time.Millisecond), float64(fw+sa-fa)/float64(fw)))
			}
		}
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
}

// measure runs one tool once on a target.
func measure(t target, mode, bin, nonce string) sample {
	var cmd *exec.Cmd
	if mode == "vet" {
		cmd = exec.Command("go", append([]string{"vet", "-vettool=" + bin}, t.patterns...)...)
		cmd.Env = append(os.Environ(), "SLACKSCOPE_BENCH_NONCE="+nonce)
	} else {
		cmd = exec.Command(bin, t.patterns...)
		cmd.Env = append(os.Environ(), "SLACKSCOPE_PHASES="+phasesFile)
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
func generate(root, dir string, n int) {
	check(os.MkdirAll(dir, 0o755))
	gomod, err := os.ReadFile(filepath.Join(root, "testdata", "example", "go.mod"))
	check(err)
	gosum, err := os.ReadFile(filepath.Join(root, "testdata", "example", "go.sum"))
	check(err)
	check(os.WriteFile(filepath.Join(dir, "go.mod"), []byte(strings.Replace(string(gomod), "example.com/standup", "example.com/gen", 1)), 0o644))
	check(os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644))
	var imports, calls strings.Builder
	for i := range n {
		p := fmt.Sprintf("p%04d", i)
		check(os.MkdirAll(filepath.Join(dir, p), 0o755))
		src := fmt.Sprintf(`package %[1]s

import "github.com/slack-go/slack"

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
`, p)
		check(os.WriteFile(filepath.Join(dir, p, p+".go"), []byte(src), 0o644))
		fmt.Fprintf(&imports, "\t\"example.com/gen/%s\"\n", p)
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
