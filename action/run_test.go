package action_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// gitEnv keeps git away from this machine's configuration and names the tests' author.
var gitEnv = []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
	"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"}

const botGoMod = `module example.com/actionbot

go 1.26

require github.com/slack-go/slack v0.35.0

require github.com/gorilla/websocket v1.5.3 // indirect
`

// botMain is the bot of the first commit, the pull request's base: it posts.
const botMain = `// Command actionbot says hello in a channel.
package main

import (
	"log"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	if _, _, err := api.PostMessage(os.Getenv("CHANNEL"), slack.MsgOptionText("Hello!", false)); err != nil {
		log.Fatal(err)
	}
}
`

// botMain2 is the second commit, the pull request's head: it reacts to its message too,
// which needs reactions:write, which the manifest does not request.
const botMain2 = `// Command actionbot says hello in a channel, and waves.
package main

import (
	"log"
	"os"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))
	channel, ts, err := api.PostMessage(os.Getenv("CHANNEL"), slack.MsgOptionText("Hello!", false))
	if err != nil {
		log.Fatal(err)
	}
	if err := api.AddReaction("wave", slack.NewRefToMessage(channel, ts)); err != nil {
		log.Fatal(err)
	}
}
`

const botManifest = `display_information:
  name: Actionbot
oauth_config:
  scopes:
    bot:
      - chat:write
`

// addedRow is the markdown diff's row for the scope the second commit adds.
const addedRow = "| **added** | `reactions:write` | bot | `reactions.add` |"

const (
	token    = "test-token"
	repoName = "octo/actionbot"
	prNumber = 7
	marker   = "<!-- slackscope-diff -->"
)

// needTools skips the test when a program the script runs is missing.
func needTools(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			t.Skipf("no %s on PATH: run.sh is not run", name)
		}
	}
}

// git runs git in dir, which must be a directory of the test's own.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if dir == "" {
		t.Fatal("git without a directory would run in this repository")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// botRepo makes the bot's repository, in a temporary directory: the first commit, then
// the second; it returns the directory and the first commit's SHA.
func botRepo(t *testing.T) (dir, base string) {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join("..", "testdata", "example", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"go.mod": botGoMod, "go.sum": string(sum), "main.go": botMain, "manifest.yml": botManifest})
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "actionbot says hello")
	base = git(t, dir, "rev-parse", "HEAD")
	writeFiles(t, dir, map[string]string{"main.go": botMain2})
	git(t, dir, "commit", "-q", "-a", "-m", "actionbot waves")
	return dir, base
}

// buildSlackscope builds slackscope into a temporary directory and returns the directory.
func buildSlackscope(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	// -buildvcs=false: no git command runs in this repository.
	out, err := exec.Command("go", "build", "-buildvcs=false", "-o", filepath.Join(dir, "slackscope"), "github.com/slackscope/slackscope/cmd/slackscope").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

// hasDiff says whether this slackscope has the command diff.
func hasDiff(bin string) bool {
	return exec.Command(filepath.Join(bin, "slackscope"), "help", "diff").Run() == nil
}

// writeEvent writes a pull_request event's payload with base as the pull request's base.
func writeEvent(t *testing.T, base string) string {
	t.Helper()
	payload := map[string]any{
		"action": "synchronize",
		"number": prNumber,
		"pull_request": map[string]any{
			"number": prNumber,
			"base":   map[string]any{"ref": "main", "sha": base},
			"head":   map[string]any{"ref": "wave"},
		},
		"repository": map[string]any{"full_name": repoName},
	}
	data, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// issueComment is a pull request's comment, as the GitHub API gives it.
type issueComment struct {
	ID   int    `json:"id"`
	Body string `json:"body"`
}

// fakeGitHub plays the GitHub API's issue comments of one pull request: it lists them
// (100 a page), creates one and updates one, and records each request.
type fakeGitHub struct {
	t        *testing.T
	mu       sync.Mutex
	comments []issueComment
	requests []string // "METHOD path"
}

func (g *fakeGitHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.requests = append(g.requests, r.Method+" "+r.URL.Path)
	if got := r.Header.Get("Authorization"); got != "Bearer "+token {
		g.t.Errorf("%s %s: Authorization %q", r.Method, r.URL.Path, got)
		http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
		return
	}
	list := fmt.Sprintf("/repos/%s/issues/%d/comments", repoName, prNumber)
	one := fmt.Sprintf("/repos/%s/issues/comments/", repoName)
	switch {
	case r.Method == http.MethodGet && r.URL.Path == list:
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		perPage, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		if page < 1 || perPage != 100 {
			g.t.Errorf("GET %s: page %q, per_page %q", r.URL.Path, r.URL.Query().Get("page"), r.URL.Query().Get("per_page"))
		}
		start := min(max(page-1, 0)*perPage, len(g.comments))
		end := min(start+perPage, len(g.comments))
		writeJSON(g.t, w, http.StatusOK, g.comments[start:end])
	case r.Method == http.MethodPost && r.URL.Path == list:
		c := g.decode(r)
		c.ID = 1000 + len(g.comments)
		g.comments = append(g.comments, c)
		writeJSON(g.t, w, http.StatusCreated, c)
	case r.Method == http.MethodPatch && strings.HasPrefix(r.URL.Path, one):
		id, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, one))
		i := slices.IndexFunc(g.comments, func(c issueComment) bool { return c.ID == id })
		if i < 0 {
			http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
			return
		}
		g.comments[i].Body = g.decode(r).Body
		writeJSON(g.t, w, http.StatusOK, g.comments[i])
	default:
		http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
	}
}

func (g *fakeGitHub) decode(r *http.Request) issueComment {
	var c issueComment
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		g.t.Errorf("%s %s: the body is not JSON: %v", r.Method, r.URL.Path, err)
	}
	return c
}

// take returns the requests since the last take, and forgets them.
func (g *fakeGitHub) take() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	r := g.requests
	g.requests = nil
	return r
}

func (g *fakeGitHub) find(id int) (issueComment, int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	i := slices.IndexFunc(g.comments, func(c issueComment) bool { return c.ID == id })
	if i < 0 {
		return issueComment{}, len(g.comments)
	}
	return g.comments[i], len(g.comments)
}

func writeJSON(t *testing.T, w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		t.Error(err)
	}
}

// cleanEnv is the test's environment without what the script reads as its inputs (a test
// run inside GitHub Actions must not write into the real job's outputs), with git kept
// away from this machine's configuration and curl from any proxy.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GITHUB_") || strings.HasPrefix(name, "INPUT_") || strings.HasPrefix(name, "RUNNER_") ||
			strings.HasPrefix(name, "SLACKSCOPE_") || name == "GOFLAGS" || name == "GOPROXY" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, append([]string{"NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost"}, gitEnv...)...)
}

// result is what one run of the script did.
type result struct {
	code    int
	out     string            // its standard output and error
	outputs map[string]string // what it wrote to GITHUB_OUTPUT
	summary string            // what it wrote to GITHUB_STEP_SUMMARY
	path    string            // what it wrote to GITHUB_PATH
	temp    string            // its RUNNER_TEMP
}

// runScript runs run.sh with args in dir, with env, GitHub's files for the step's
// outputs, summary and path, and a RUNNER_TEMP of its own.
func runScript(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	files := t.TempDir()
	r := result{temp: t.TempDir(), outputs: map[string]string{}}
	output, summary, path := filepath.Join(files, "output"), filepath.Join(files, "summary"), filepath.Join(files, "path")
	script, err := filepath.Abs("run.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", append([]string{script}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(slices.Clip(env), "GITHUB_OUTPUT="+output, "GITHUB_STEP_SUMMARY="+summary, "GITHUB_PATH="+path, "RUNNER_TEMP="+r.temp)
	out, err := cmd.CombinedOutput()
	r.out = string(out)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run.sh: %v\n%s", err, out)
	}
	r.summary, r.path = readOptional(t, summary), readOptional(t, path)
	for line := range strings.Lines(readOptional(t, output)) {
		name, value, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "=")
		if !ok {
			t.Errorf("GITHUB_OUTPUT: a line without =: %q", line)
		}
		r.outputs[name] = value
	}
	return r
}

func readOptional(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return string(data)
}

// expect fails the test when the run's exit status is not code.
func (r result) expect(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("run.sh exited %d, want %d; it said:\n%s", r.code, code, r.out)
	}
}

// checkSARIF checks that the run wrote its SARIF file, that the file is JSON, and that
// it holds the second commit's missing reactions:write, as many results as the output
// findings says.
func checkSARIF(t *testing.T, r result) {
	t.Helper()
	data, err := os.ReadFile(r.outputs["sarif-file"])
	if err != nil {
		t.Fatalf("the SARIF file (output sarif-file %q): %v", r.outputs["sarif-file"], err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("the SARIF file is not JSON: %v\n%s", err, data)
	}
	n, missing := 0, false
	for _, run := range log.Runs {
		for _, res := range run.Results {
			n++
			missing = missing || res.RuleID == "missing-scope" && strings.Contains(res.Message.Text, "reactions:write")
		}
	}
	if log.Version != "2.1.0" || !missing {
		t.Errorf("the SARIF file (version %q) has no missing-scope result for reactions:write:\n%s", log.Version, data)
	}
	if r.outputs["findings"] != strconv.Itoa(n) || r.outputs["check-exit-code"] != "0" {
		t.Errorf("outputs findings %q, check-exit-code %q; the SARIF holds %d results", r.outputs["findings"], r.outputs["check-exit-code"], n)
	}
}

// TestRun runs the action's script on the bot's repository as GitHub would: on a push,
// the check and its SARIF; on a pull request, the diff against its base and the pull
// request's comment, posted on the first run and updated on the next; and each time the
// exit status fail-on asks for. slackscope is built first and put on PATH; nothing is
// installed, nothing is uploaded and nothing dials out (GOPROXY=off, the API is a local
// fake).
func TestRun(t *testing.T) {
	needTools(t, "bash", "git", "jq", "curl", "go")
	bin := buildSlackscope(t)
	repo, base := botRepo(t)
	gh := &fakeGitHub{t: t}
	// Someone else's 100 comments come first: the script's comment is on page 2.
	for i := range 100 {
		gh.comments = append(gh.comments, issueComment{ID: 1 + i, Body: fmt.Sprintf("review comment %d", i+1)})
	}
	srv := httptest.NewServer(gh)
	defer srv.Close()
	event := writeEvent(t, base)
	env := func(eventName string, inputs ...string) []string {
		return append(append(cleanEnv(),
			"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GOPROXY=off", "GOFLAGS=-mod=mod",
			"GITHUB_EVENT_NAME="+eventName, "GITHUB_EVENT_PATH="+event, "GITHUB_API_URL="+srv.URL, "GITHUB_TOKEN="+token,
			"INPUT_INSTALL_FROM=none", "INPUT_UPLOAD_SARIF=false", "INPUT_PATTERNS=./...", "INPUT_WORKING_DIRECTORY=."), inputs...)
	}

	t.Run("push", func(t *testing.T) {
		r := runScript(t, repo, env("push"))
		r.expect(t, 1) // fail-on: findings, the default
		checkSARIF(t, r)
		if _, ok := r.outputs["diff-exit-code"]; ok || r.outputs["comment-id"] != "" {
			t.Errorf("a push was compared or commented: outputs %v", r.outputs)
		}
		if got := gh.take(); len(got) > 0 {
			t.Errorf("a push called the API: %v", got)
		}
		// No diff off a pull request, so nothing it adds fails the step.
		runScript(t, repo, env("push", "INPUT_FAIL_ON=added-scopes")).expect(t, 0)
		runScript(t, repo, env("push", "INPUT_FAIL_ON=never")).expect(t, 0)
	})

	t.Run("pull request", func(t *testing.T) {
		if !hasDiff(bin) {
			t.Skip("slackscope has no diff command yet (cmd/slackscope/diff.go): the pull request's diff and comment are not tested")
		}
		// The first run posts the comment.
		r := runScript(t, repo, env("pull_request"))
		r.expect(t, 1)
		checkSARIF(t, r)
		if r.outputs["diff-exit-code"] != "1" || r.outputs["added-scopes"] != "true" {
			t.Errorf("outputs diff-exit-code %q, added-scopes %q: want 1, true", r.outputs["diff-exit-code"], r.outputs["added-scopes"])
		}
		list := fmt.Sprintf("/repos/%s/issues/%d/comments", repoName, prNumber)
		if got, want := gh.take(), []string{"GET " + list, "GET " + list, "POST " + list}; !slices.Equal(got, want) {
			t.Errorf("the first run's requests: %v, want %v", got, want)
		}
		id, err := strconv.Atoi(r.outputs["comment-id"])
		if err != nil {
			t.Fatalf("output comment-id %q: %v\n%s", r.outputs["comment-id"], err, r.out)
		}
		c, n := gh.find(id)
		if !strings.HasPrefix(c.Body, marker+"\n") || !strings.Contains(c.Body, addedRow) || !strings.Contains(c.Body, "`"+base[:12]+"`") {
			t.Errorf("the comment %d does not start with the marker or lacks the row %s and the base %s:\n%s", id, addedRow, base[:12], c.Body)
		}
		if !strings.Contains(r.summary, addedRow) {
			t.Errorf("the job's summary lacks the diff:\n%s", r.summary)
		}
		if diff, err := os.ReadFile(r.outputs["diff-file"]); err != nil || marker+"\n"+string(diff) != c.Body {
			t.Errorf("output diff-file %q (%v) is not the comment's diff", r.outputs["diff-file"], err)
		}

		// The next run updates that comment, and posts none.
		r = runScript(t, repo, env("pull_request", "INPUT_FAIL_ON=never"))
		r.expect(t, 0)
		if got, want := gh.take(), []string{"GET " + list, "GET " + list, fmt.Sprintf("PATCH /repos/%s/issues/comments/%d", repoName, id)}; !slices.Equal(got, want) {
			t.Errorf("the second run's requests: %v, want %v", got, want)
		}
		if c2, n2 := gh.find(id); n2 != n || r.outputs["comment-id"] != strconv.Itoa(id) || c2.Body != c.Body {
			t.Errorf("the second run left %d comments (was %d), output comment-id %q (want %d), the body:\n%s", n2, n, r.outputs["comment-id"], id, c2.Body)
		}

		// fail-on: added-scopes fails on what the pull request adds; comment: false
		// calls no API.
		runScript(t, repo, env("pull_request", "INPUT_FAIL_ON=added-scopes", "INPUT_COMMENT=false")).expect(t, 1)
		if got := gh.take(); len(got) > 0 {
			t.Errorf("comment: false called the API: %v", got)
		}

		// A base the clone does not hold fails the step, even with fail-on: never (the
		// fetch of the base fails: the repository has no remote).
		unknown := writeEvent(t, strings.Repeat("0", 40))
		r = runScript(t, repo, append(env("pull_request", "INPUT_FAIL_ON=never"), "GITHUB_EVENT_PATH="+unknown))
		r.expect(t, 2)
		if !strings.Contains(r.out, "fetch-depth: 0") || r.outputs["diff-exit-code"] != "2" {
			t.Errorf("a base not in the clone: output diff-exit-code %q, and the script does not say to fetch it:\n%s", r.outputs["diff-exit-code"], r.out)
		}
	})

	t.Run("install from the action's source", func(t *testing.T) {
		// go install ./cmd/slackscope in this checkout: without -mod=mod, which could
		// rewrite its go.mod, and without git (-buildvcs=false).
		e := slices.DeleteFunc(env("push", "INPUT_INSTALL_FROM=action", "INPUT_FAIL_ON=never"), func(kv string) bool { return kv == "GOFLAGS=-mod=mod" })
		r := runScript(t, repo, append(e, "GOFLAGS=-mod=readonly -buildvcs=false"))
		r.expect(t, 0)
		checkSARIF(t, r)
		installed, _ := filepath.Glob(filepath.Join(r.temp, "slackscope.*", "bin", "slackscope"))
		if len(installed) != 1 || strings.TrimSpace(r.path) != filepath.Dir(installed[0]) {
			t.Errorf("installed %v, GITHUB_PATH %q; it said:\n%s", installed, r.path, r.out)
		}
	})
}

// TestInstallFails runs the script where it cannot install slackscope: each exits 2
// and says why, before it runs anything.
func TestInstallFails(t *testing.T) {
	needTools(t, "bash", "jq")
	// PATH without any slackscope.
	var path []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "slackscope")); err != nil {
			path = append(path, dir)
		}
	}
	env := append(cleanEnv(), "PATH="+strings.Join(path, string(os.PathListSeparator)), "GOPROXY=off")
	tests := []struct {
		name   string
		inputs []string
		want   string
	}{
		{"no version", []string{"INPUT_INSTALL_FROM=", "INPUT_VERSION=", "SLACKSCOPE_ACTION_REF="}, "no version to install"},
		{"none, and no slackscope on PATH", []string{"INPUT_INSTALL_FROM=none"}, "there is no slackscope on PATH"},
		{"not a checkout", []string{"INPUT_INSTALL_FROM=" + t.TempDir()}, "is not a checkout of slackscope"},
		{"fail-on", []string{"INPUT_INSTALL_FROM=none", "INPUT_FAIL_ON=always"}, "fail-on: expected findings, added-scopes or never"},
		{"comment", []string{"INPUT_INSTALL_FROM=none", "INPUT_COMMENT=yes"}, "comment: expected true or false"},
		{"upload-sarif", []string{"INPUT_INSTALL_FROM=none", "INPUT_UPLOAD_SARIF=no"}, "upload-sarif: expected true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runScript(t, t.TempDir(), append(slices.Clip(env), tt.inputs...), "check")
			r.expect(t, 2)
			if !strings.Contains(r.out, "::error title=slackscope::") || !strings.Contains(r.out, tt.want) {
				t.Errorf("run.sh said:\n%s\nwant an error annotation saying %q", r.out, tt.want)
			}
			if len(r.outputs) > 0 {
				t.Errorf("outputs %v", r.outputs)
			}
		})
	}
}

// TestVerdict runs the script's last step, which fails as fail-on says from what the
// check step found (its outputs findings, check-exit-code and diff-exit-code).
func TestVerdict(t *testing.T) {
	needTools(t, "bash")
	tests := []struct {
		failOn, findings, checkExit, diffExit string
		want                                  int
	}{
		{"", "0", "0", "", 0},
		{"", "2", "0", "0", 1},
		{"findings", "0", "0", "1", 0},
		{"findings", "3", "0", "0", 1},
		{"findings", "0", "3", "", 3},
		{"findings", "0", "0", "3", 0},
		{"added-scopes", "4", "3", "", 0},
		{"added-scopes", "4", "0", "0", 0},
		{"added-scopes", "0", "0", "1", 1},
		{"added-scopes", "0", "0", "3", 3},
		{"never", "5", "3", "1", 0},
		{"never", "0", "0", "2", 2}, // the diff failed
		{"findings", "", "0", "", 2},
		{"sometimes", "0", "0", "", 2},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("fail-on=%s,findings=%s,check=%s,diff=%s", tt.failOn, tt.findings, tt.checkExit, tt.diffExit)
		t.Run(name, func(t *testing.T) {
			env := append(cleanEnv(), "INPUT_FAIL_ON="+tt.failOn, "SLACKSCOPE_FINDINGS="+tt.findings,
				"SLACKSCOPE_CHECK_EXIT="+tt.checkExit, "SLACKSCOPE_DIFF_EXIT="+tt.diffExit)
			r := runScript(t, t.TempDir(), env, "verdict")
			r.expect(t, tt.want)
			if (tt.want != 0) != strings.Contains(r.out, "::error title=slackscope::") {
				t.Errorf("exit %d, and it said:\n%s", r.code, r.out)
			}
		})
	}
}

// TestActionYAML checks action.yml against run.sh: the first step passes each input but
// the token as INPUT_NAME, each output is one the script writes, the upload step is
// codeql's, on the input upload-sarif, and the last step passes check's outputs to the
// verdict.
func TestActionYAML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("run.sh")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs  map[string]struct{ Default string } `yaml:"inputs"`
		Outputs map[string]struct{ Value string }   `yaml:"outputs"`
		Runs    struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID   string            `yaml:"id"`
				If   string            `yaml:"if"`
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
				Env  map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	steps := action.Runs.Steps
	if action.Runs.Using != "composite" || len(steps) != 3 {
		t.Fatalf("runs: %s with %d steps, want composite with 3 (check, upload, verdict)", action.Runs.Using, len(steps))
	}
	check, upload, verdict := steps[0], steps[1], steps[2]
	if check.ID != "check" || !strings.HasSuffix(check.Run, "/action/run.sh\" check") || !strings.HasSuffix(verdict.Run, "/action/run.sh\" verdict") {
		t.Errorf("the steps run %q (id %q) and %q", check.Run, check.ID, verdict.Run)
	}
	for name := range action.Inputs {
		if name == "token" {
			continue
		}
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if got, want := check.Env[env], "${{ inputs."+name+" }}"; got != want {
			t.Errorf("input %s: the check step's %s is %q, want %q", name, env, got, want)
		}
		if !strings.Contains(string(script), env) {
			t.Errorf("input %s: run.sh does not read %s", name, env)
		}
	}
	if check.Env["GITHUB_TOKEN"] != "${{ inputs.token }}" || action.Inputs["token"].Default != "${{ github.token }}" {
		t.Errorf("the token: input default %q, GITHUB_TOKEN %q", action.Inputs["token"].Default, check.Env["GITHUB_TOKEN"])
	}
	for name, out := range action.Outputs {
		if got, want := out.Value, "${{ steps.check.outputs."+name+" }}"; got != want {
			t.Errorf("output %s: %q, want %q", name, got, want)
		}
		if !strings.Contains(string(script), "output "+name+" ") {
			t.Errorf("output %s: run.sh never writes it", name)
		}
	}
	if !strings.HasPrefix(upload.Uses, "github/codeql-action/upload-sarif@") || upload.If != "inputs.upload-sarif == 'true'" ||
		upload.With["sarif_file"] != "${{ steps.check.outputs.sarif-file }}" {
		t.Errorf("the upload step: uses %q, if %q, with %v", upload.Uses, upload.If, upload.With)
	}
	for env, output := range map[string]string{"SLACKSCOPE_FINDINGS": "findings", "SLACKSCOPE_CHECK_EXIT": "check-exit-code", "SLACKSCOPE_DIFF_EXIT": "diff-exit-code"} {
		if got, want := verdict.Env[env], "${{ steps.check.outputs."+output+" }}"; got != want {
			t.Errorf("the verdict step's %s is %q, want %q", env, got, want)
		}
	}
	if verdict.Env["INPUT_FAIL_ON"] != "${{ inputs.fail-on }}" {
		t.Errorf("the verdict step's INPUT_FAIL_ON is %q", verdict.Env["INPUT_FAIL_ON"])
	}
}
