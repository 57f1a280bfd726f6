package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"runtime/debug"

	"github.com/slackscope/slackscope/catalog"
)

// runVersion is slackscope version (and -version): slackscope's own version, the
// catalog's date (the newest date its sources name) and digest, and the slack-go
// release whose bindings it holds.
func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: slackscope version") }
	if err := fs.Parse(args); err != nil {
		return exitFailure
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "slackscope: version takes no arguments (got %q)\n", fs.Arg(0))
		return exitFailure
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintf(stdout, "slackscope %s\n", buildVersion(info))
	date := catalog.DataDate
	if date == "" {
		date = "undated"
	}
	fmt.Fprintf(stdout, "  catalog   %s (data %s)\n", date, catalog.DataVersion)
	for _, m := range catalog.BindingModules() {
		fmt.Fprintf(stdout, "  bindings  %s %s\n", m.Path, m.Version)
	}
	fmt.Fprintf(stdout, "  go        %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

// pseudoVersion matches the version the go command stamps on a build from a checkout
// that is not at a release tag (v0.0.0-20261202185359-17cda42abcde), and a modified one.
var pseudoVersion = regexp.MustCompile(`-(0\.)?\d{14}-[0-9a-f]{12}|\+dirty$`)

// buildVersion is the module version slackscope was built at (go install …@v0.1.0, or
// a checkout at a release tag), or "devel" with the commit when built from a checkout
// elsewhere, or plain "devel" when the build recorded neither.
func buildVersion(info *debug.BuildInfo) string {
	if info == nil {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" || pseudoVersion.MatchString(v) {
		v = "devel"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (commit %.12s%s)", rev, modified)
	}
	return v
}
