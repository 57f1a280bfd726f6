package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// diffBot is a version of the diff bot's main.go: what it does (its doc comment), the
// standard packages it imports besides log and os, and main's body after the client.
func diffBot(does string, std []string, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Command diffbot %s.\npackage main\n\nimport (\n", does)
	for _, p := range slices.Sorted(slices.Values(append(std, "log", "os"))) {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString("\n\t\"github.com/slack-go/slack\"\n")
	if strings.Contains(body, "slackevents.") {
		b.WriteString("\t\"github.com/slack-go/slack/slackevents\"\n")
	}
	fmt.Fprintf(&b, ")\n\nfunc main() {\n\tapi := slack.New(os.Getenv(\"SLACK_BOT_TOKEN\"))\n%s}\n", body)
	return b.String()
}

// greet posts the greeting; named, it first reads the member's name (users.info).
func greet(named bool) string {
	if !named {
		return `	channel, ts, err := api.PostMessage(os.Getenv("CHANNEL"), slack.MsgOptionText("Welcome!", false))
	if err != nil {
		log.Fatal(err)
	}
`
	}
	return `	u, err := api.GetUserInfo(os.Getenv("USER_ID"))
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := api.PostMessage(os.Getenv("CHANNEL"), slack.MsgOptionText("Welcome, "+u.RealName, false)); err != nil {
		log.Fatal(err)
	}
`
}

// react marks the greeting with a reaction (reactions.add).
const react = `	if err := api.AddReaction("wave", slack.NewRefToMessage(channel, ts)); err != nil {
		log.Fatal(err)
	}
`

// answerMentions answers a mention of the bot (app_mentions:read, and the app_mention
// subscription).
const answerMentions = `	http.HandleFunc("/slack/events", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
		if err != nil {
			return
		}
		if m, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); ok {
			api.PostMessage(m.Channel, slack.MsgOptionText("Hello!", false))
		}
	})
	log.Fatal(http.ListenAndServe(":3000", nil))
`

var (
	// Commit 1: the bot greets a member by name (users:read) in a channel (chat:write).
	diffBotMain     = diffBot("greets a new member of a channel by name", nil, greet(true))
	diffBotManifest = "display_information:\n  name: Diffbot\noauth_config:\n  scopes:\n    bot:\n      - chat:write\n      - users:read\n"
	// Commit 2: the greeting no longer names the member (no users.info) and is marked
	// with a reaction (reactions:write, which the manifest gains).
	diffBotMain2     = diffBot("greets a new member of a channel, and marks the greeting", nil, greet(false)+react)
	diffBotManifest2 = diffBotManifest + "      - reactions:write\n"
	// Uncommitted edits of commit 2: one takes the reaction out, one answers mentions
	// too (which the manifest lacks).
	diffBotNoReaction = diffBot("greets a new member of a channel", nil, greet(false)+"\t_, _ = channel, ts\n")
	diffBotMention    = diffBot("greets a new member of a channel, marks the greeting, and answers a mention of it",
		[]string{"encoding/json", "io", "net/http"}, greet(false)+react+answerMentions)
)

// gitEnv is the environment of the tests' git: no user or system configuration, fixed
// dates (the commits, and so their SHAs in the goldens, are the same on every run).
var gitEnv = []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
	"GIT_AUTHOR_DATE=2026-12-01T12:00:00Z", "GIT_COMMITTER_DATE=2026-12-01T12:00:00Z"}

// gitIn runs git in dir, as the tests' user.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// writeFiles writes the files (name -> content) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// diffRepo makes the diff bot's repository: commit 1, then commit 2. Its go.mod requires
// what the example app's go.sum holds, slack-go and its websocket module.
func diffRepo(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join("..", "..", "testdata", "example", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/diffbot\n\ngo 1.26\n\nrequire github.com/slack-go/slack v0.35.0\n\nrequire github.com/gorilla/websocket v1.5.3 // indirect\n",
		"go.sum": string(sum), "main.go": diffBotMain, "manifest.yml": diffBotManifest,
	})
	gitIn(t, dir, "init", "-q", "-b", "main")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "diffbot greets by name")
	writeFiles(t, dir, map[string]string{"main.go": diffBotMain2, "manifest.yml": diffBotManifest2})
	gitIn(t, dir, "commit", "-q", "-a", "-m", "diffbot reacts to its greeting")
	return dir
}

// slackscope diff on the diff bot's repository: what commit 2 adds to commit 1 (text,
// JSON, markdown), nothing (HEAD on a clean tree), an uncommitted edit, an unknown
// revision; then outside any repository. The module proxy is off: nothing may dial out.
// Each run leaves no worktree behind, in git or in the temporary directory.
func TestDiffGolden(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: diff is not run")
	}
	repo := diffRepo(t)
	tmp := t.TempDir()
	env := append([]string{"GOPROXY=off", "TMPDIR=" + tmp}, gitEnv...)
	tests := []struct {
		goldenCase
		before func()
	}{
		{goldenCase: goldenCase{name: "diff-text", args: []string{"slackscope", "diff", "-base", "HEAD~1", "./..."}, code: exitFindings}},
		{goldenCase: goldenCase{name: "diff-json", args: []string{"slackscope", "diff", "-json", "-base", "HEAD~1", "./..."}, code: exitFindings}},
		{goldenCase: goldenCase{name: "diff-markdown", args: []string{"slackscope", "diff", "-base", "HEAD~1", "-format", "markdown", "./..."}, code: exitFindings}},
		{goldenCase: goldenCase{name: "diff-none", args: []string{"slackscope", "diff", "./..."}, code: exitOK}},
		{goldenCase: goldenCase{name: "diff-none-markdown", args: []string{"slackscope", "diff", "-format", "markdown", "./..."}, code: exitOK}},
		{goldenCase: goldenCase{name: "diff-unknown-base", args: []string{"slackscope", "diff", "-base", "nosuch", "./..."}, code: exitFailure}},
		// An uncommitted edit that only removes (the reaction): exit 0.
		{goldenCase: goldenCase{name: "diff-removed-only", args: []string{"slackscope", "diff", "./..."}, code: exitOK},
			before: func() { writeFiles(t, repo, map[string]string{"main.go": diffBotNoReaction}) }},
		{goldenCase: goldenCase{name: "diff-uncommitted", args: []string{"slackscope", "diff", "./..."}, code: exitFindings},
			before: func() { writeFiles(t, repo, map[string]string{"main.go": diffBotMention}) }},
		{goldenCase: goldenCase{name: "diff-help", args: []string{"slackscope", "diff", "-h"}, code: exitOK}},
		{goldenCase: goldenCase{name: "diff-help", args: []string{"slackscope", "help", "diff"}, code: exitOK}},
	}
	for _, tt := range tests {
		tt.env = env
		t.Run(tt.name, func(t *testing.T) {
			if tt.before != nil {
				tt.before()
			}
			runGolden(t, tt.goldenCase, repo)
			checkNoWorktree(t, repo, tmp)
		})
	}
	// Outside any repository (git looks no further up than the directory's parent).
	outside := t.TempDir()
	runGolden(t, goldenCase{name: "diff-not-a-repository", args: []string{"slackscope", "diff", "./..."}, code: exitFailure,
		env: append(env, "GIT_CEILING_DIRECTORIES="+filepath.Dir(outside))}, outside)
}

// checkNoWorktree fails the test when diff left a worktree in the repository, or a
// directory in tmp.
func checkNoWorktree(t *testing.T, repo, tmp string) {
	t.Helper()
	if n := regexp.MustCompile(`(?m)^worktree `).FindAllStringIndex(gitIn(t, repo, "worktree", "list", "--porcelain"), -1); len(n) != 1 {
		t.Errorf("diff left %d worktrees in the repository:\n%s", len(n)-1, gitIn(t, repo, "worktree", "list"))
	}
	if left, err := os.ReadDir(tmp); err != nil || len(left) > 0 {
		t.Errorf("diff left %v in the temporary directory (%v)", left, err)
	}
}

// What diff exits with: 1 when the change adds a scope, a subscription or a request
// (partial or not), else 3 when a tree did not load fully, else 0 (removals alone).
func TestDiffExitCode(t *testing.T) {
	adds := []programDiff{{SubscriptionsAdded: []eventChange{{Event: "app_mention"}}}}
	removes := []programDiff{{Removed: []scopeChange{{Token: "bot", Scope: "users:read"}}}}
	requests := []manifestDiff{{Added: []requestChange{{List: "bot", Scope: "reactions:write"}}}}
	for _, tt := range []struct {
		name string
		d    scopeDiff
		want int
	}{
		{"adds", scopeDiff{Programs: adds}, exitFindings},
		{"adds, partial", scopeDiff{Programs: adds, Partial: true}, exitFindings},
		{"requests", scopeDiff{Manifests: requests}, exitFindings},
		{"removes", scopeDiff{Programs: removes}, exitOK},
		{"removes, partial", scopeDiff{Programs: removes, Partial: true}, exitIncomplete},
		{"nothing", scopeDiff{}, exitOK},
	} {
		if got := tt.d.exitCode(); got != tt.want {
			t.Errorf("%s: exit code %d, want %d", tt.name, got, tt.want)
		}
	}
}
