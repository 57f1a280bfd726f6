package main

import (
	"os/exec"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/slackscope/slackscope/catalog"
)

func TestBuildVersion(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "17cda42abcdef0123456789"}, {Key: "vcs.modified", Value: "true"}}
	for _, tt := range []struct {
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"v0.1.0", nil, "v0.1.0"},                                                      // go install …@v0.1.0
		{"v0.1.0", vcs[:1], "v0.1.0 (commit 17cda42abcde)"},                            // a checkout at the tag
		{"v0.0.0-20261202185359-17cda42abcde", vcs[:1], "devel (commit 17cda42abcde)"}, // elsewhere
		{"v0.1.1-0.20261202185359-17cda42abcde+dirty", vcs, "devel (commit 17cda42abcde, modified)"},
		{"(devel)", nil, "devel"}, // -buildvcs=false
	} {
		info := &debug.BuildInfo{Main: debug.Module{Version: tt.version}, Settings: tt.settings}
		if got := buildVersion(info); got != tt.want {
			t.Errorf("buildVersion(%s) = %q, want %q", tt.version, got, tt.want)
		}
	}
}

// slackscope version and -version print the same, and name the pinned slack-go and the
// catalog's date and data.
func TestVersionCommand(t *testing.T) {
	var outs []string
	for _, arg := range []string{"version", "-version"} {
		out, err := exec.Command(binary, arg).Output()
		if err != nil {
			t.Fatalf("slackscope %s: %v", arg, err)
		}
		outs = append(outs, string(out))
	}
	if outs[0] != outs[1] {
		t.Errorf("version and -version differ:\n%s\n%s", outs[0], outs[1])
	}
	want := regexp.MustCompile(`^slackscope (devel|v\d+\.\d+\.\d+)( \(commit [0-9a-f]{12}(, modified)?\))?
  catalog   \d{4}-\d{2}-\d{2} \(data [0-9a-f]{16}\)
  bindings  github.com/slack-go/slack v\d+\.\d+\.\d+
  go        go\S+ \w+/\w+
$`)
	if !want.MatchString(outs[0]) {
		t.Errorf("slackscope version printed\n%s", outs[0])
	}
	if line := "  catalog   " + catalog.DataDate + " (data " + catalog.DataVersion + ")\n"; !strings.Contains(outs[0], line) {
		t.Errorf("slackscope version does not print %q:\n%s", line, outs[0])
	}
	for _, m := range catalog.BindingModules() {
		if !strings.Contains(outs[0], m.Path+" "+m.Version) {
			t.Errorf("slackscope version does not name %s %s:\n%s", m.Path, m.Version, outs[0])
		}
	}
}
