package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// binary is the slackscope command, built once for the tests that run it as users do.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "slackscope-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "slackscope")
	// The runs of the built binary keep their check cache here, never in the user's.
	os.Setenv("SLACKSCOPE_CACHE", filepath.Join(dir, "cache"))
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// The example app (testdata/example, its own module) run through every subcommand and
// output format, and through go vet: what each prints, on stdout and stderr, and its exit
// code, against testdata/<name>.golden.
func TestCommandGolden(t *testing.T) {
	example := filepath.Join("..", "..", "testdata", "example")
	tests := []goldenCase{
		{"check-text", []string{"slackscope", "./..."}, exitFindings, "", nil, ""},
		{"check-json", []string{"slackscope", "-json", "./..."}, exitFindings, "", nil, ""},
		// -exit-zero: the same findings, exit 0 (a CI step that uploads SARIF).
		{"check-text", []string{"slackscope", "-exit-zero", "./..."}, exitOK, "", nil, ""},
		{"check-manifest-flag", []string{"slackscope", "check", "-manifest", "manifest.yml", "./..."}, exitFindings, "", nil, ""},
		{"check-no-such-package", []string{"slackscope", "./nosuchpkg"}, exitFailure, "", nil, ""},
		{"check-bad-format", []string{"slackscope", "-format", "xml", "./..."}, exitFailure, "", nil, ""},
		{"scopes-text", []string{"slackscope", "scopes", "./..."}, exitOK, "", nil, ""},
		{"scopes-json", []string{"slackscope", "scopes", "-format", "json", "./..."}, exitOK, "", nil, ""},
		{"scopes-manifest", []string{"slackscope", "scopes", "-format", "manifest", "./..."}, exitOK, "", nil, ""},
		{"explain-body", []string{"slackscope", "explain", `{"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write,users:read"}`}, exitOK, "", nil, ""},
		{"explain-headers", []string{"slackscope", "explain"}, exitOK, "HTTP/2 200\nx-oauth-scopes: chat:write,users:read\nx-accepted-oauth-scopes: channels:history,groups:history,im:history,mpim:history\n", nil, ""},
		// explain takes what a slack-go user has in the logs: the error value as %v (the
		// code alone) or %#v prints it, a log line around the JSON body, a bare code.
		{"explain-slack-go-v", []string{"slackscope", "explain", "reactions.add: missing_scope"}, exitOK, "", nil, ""},
		{"explain-slack-go-sharp-v", []string{"slackscope", "explain", `slack.SlackErrorResponse{Err:"missing_scope", Errors:[]slack.SlackResponseErrors(nil), ResponseMetadata:slack.ResponseMetadata{Cursor:"", Messages:[]string(nil), Warnings:[]string(nil)}, Needed:"reactions:write", Provided:"chat:write,users:read"}`}, exitOK, "", nil, ""},
		{"explain-log-line", []string{"slackscope", "explain"}, exitOK, `2026/12/02 18:00:00 search failed: {"ok":false,"error":"missing_scope","needed":"search:read","provided":"chat:write"} (retry {"n":1})` + "\n", nil, ""},
		{"explain-code", []string{"slackscope", "explain", "channel_not_found"}, exitOK, "", nil, ""},
		{"explain-code-of-method", []string{"slackscope", "explain", "chat.postMessage", "channel_not_found"}, exitOK, "", nil, ""},
		{"explain-token-type", []string{"slackscope", "explain", "search.messages", "not_allowed_token_type"}, exitOK, "", nil, ""},
		{"explain-unknown-code", []string{"slackscope", "explain", "chanel_not_found"}, exitFindings, "", nil, ""},
		{"bin-lookup-method", []string{"slackscope", "lookup", "chat.postMessage"}, exitOK, "", nil, ""},
		{"bin-lookup-unknown", []string{"slackscope", "lookup", "chat:wirte"}, exitFindings, "", nil, ""},
		// lookup takes names as slackscope prints them, short or bare, events, any case;
		// a miss gets the nearest method, scope, event or function.
		{"bin-lookup-go-names", []string{"slackscope", "lookup", "(*slack.Client).PostMessage", "Client.AddReaction", "postwebhook", "(*socketmode.Client).Run"}, exitOK, "", nil, ""},
		{"bin-lookup-bare-several", []string{"slackscope", "lookup", "Next"}, exitOK, "", nil, ""},
		{"bin-lookup-event", []string{"slackscope", "lookup", "app_mention", "MESSAGE.CHANNELS"}, exitOK, "", nil, ""},
		{"bin-lookup-any-case", []string{"slackscope", "lookup", "Reactions.Add", "REACTIONS:WRITE"}, exitOK, "", nil, ""},
		{"bin-lookup-misses", []string{"slackscope", "lookup", "UploadFileV2", "app_mentoin", "chat.postMesage", "GetUserInf", "reactions:wirte", "users.info"}, exitFindings, "", nil, ""},
		{"bin-validate", []string{"slackscope", "lookup", "-validate", "bot,client,chat:write:bot"}, exitFindings, "", nil, ""},
		{"bin-usage", []string{"slackscope"}, exitFailure, "", nil, ""},
		// Help on stdout with exit 0, however it is asked for; the same for one command.
		{"help", []string{"slackscope", "-h"}, exitOK, "", nil, ""},
		{"help", []string{"slackscope", "--help"}, exitOK, "", nil, ""},
		{"help", []string{"slackscope", "-help"}, exitOK, "", nil, ""},
		{"help", []string{"slackscope", "help"}, exitOK, "", nil, ""},
		{"help-scopes", []string{"slackscope", "help", "scopes"}, exitOK, "", nil, ""},
		{"help-scopes", []string{"slackscope", "scopes", "-h"}, exitOK, "", nil, ""},
		{"help-scopes", []string{"slackscope", "scopes", "./...", "--help"}, exitOK, "", nil, ""},
		{"help-check", []string{"slackscope", "check", "-h"}, exitOK, "", nil, ""},
		{"help-lookup", []string{"slackscope", "lookup", "-help"}, exitOK, "", nil, ""},
		{"help-explain", []string{"slackscope", "explain", "-h"}, exitOK, "", nil, ""},
		{"help-version", []string{"slackscope", "version", "-h"}, exitOK, "", nil, ""},
		{"help-unknown-topic", []string{"slackscope", "help", "scope"}, exitFailure, "", nil, ""},
		// A mistyped command is not taken for a package pattern.
		{"unknown-command", []string{"slackscope", "scope", "./..."}, exitFailure, "", nil, ""},
		{"unknown-command-case", []string{"slackscope", "Lookp", "chat:write"}, exitFailure, "", nil, ""},
		{"vet", []string{"go", "vet", "-vettool=slackscope", "./..."}, 1, "", nil, ""},
		// A package that calls slack-go's methods without importing slack-go: go vet
		// passes a package's facts only to its direct importers, facts on types further.
		{"vet-indirect", []string{"go", "vet", "-vettool=slackscope", "./indirect/..."}, 1, "", nil, filepath.Join("..", "..", "testdata", "analyzer", "slackscope", "pinned")},
		// No network: with the modules in the cache (make testdeps), the same findings
		// come with the module proxy off; slackscope itself never dials out.
		{"check-text", []string{"slackscope", "./..."}, exitFindings, "", []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, example) })
	}
}

// copyExample copies the example app (testdata/example) into a new temporary directory
// and returns it: its go.mod's replacement of the grant module, a path relative to the
// example, names the repository's grant/ from there too.
func copyExample(t *testing.T) string {
	t.Helper()
	example := filepath.Join("..", "..", "testdata", "example")
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(example)); err != nil {
		t.Fatal(err)
	}
	grantDir, err := filepath.Abs(filepath.Join(example, "..", "..", "grant"))
	if err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(dir, "go.mod")
	content, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	const rel = "=> ../../grant"
	if !strings.Contains(string(content), rel) {
		t.Fatalf("testdata/example/go.mod has no %q", rel)
	}
	if err := os.WriteFile(mod, []byte(strings.Replace(string(content), rel, "=> "+grantDir, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A goldenCase is one run of the built binary (or of go vet with it) and the golden file
// testdata/<name>.golden that holds its stdout, its stderr after "--- stderr", and whose
// exit code must be code.
type goldenCase struct {
	name  string
	args  []string // "slackscope" is replaced by the built binary
	code  int
	stdin string
	env   []string
	dir   string // default: the test's
}

// runGolden runs tt in dir (unless tt names its own) and compares with its golden file.
func runGolden(t *testing.T, tt goldenCase, dir string) {
	t.Helper()
	args := append([]string(nil), tt.args...)
	if args[0] == "slackscope" {
		args[0] = binary
	}
	if len(args) > 2 && args[2] == "-vettool=slackscope" {
		args[2] = "-vettool=" + binary
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	if tt.dir != "" {
		cmd.Dir = tt.dir
	}
	cmd.Stdin = strings.NewReader(tt.stdin)
	cmd.Env = append(os.Environ(), tt.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != tt.code {
		t.Errorf("exit code %d, want %d\nstderr: %s", code, tt.code, stderr.String())
	}
	got := stdout.String()
	if stderr.Len() > 0 {
		got += "--- stderr\n" + stderr.String()
	}
	// Absolute paths differ between checkouts.
	abs, _ := filepath.Abs(cmd.Dir)
	got = strings.ReplaceAll(got, abs, "$EXAMPLE")
	compareGolden(t, filepath.Join("testdata", tt.name+".golden"), got)
}

// compareGolden compares got with the golden file, which -update writes.
func compareGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
