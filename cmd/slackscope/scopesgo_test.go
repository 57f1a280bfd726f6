package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// scopes -format go: the golden of the events layout (call scopes in the table, event-only
// ones in its comment), one command only, and a file written with -o that compiles against
// the grant module of this repository.
func TestScopesGoGolden(t *testing.T) {
	layouts := filepath.Join("..", "..", "testdata", "layouts")
	for _, tt := range []goldenCase{
		{name: "scopes-go-events", args: []string{"slackscope", "scopes", "-format", "go", "./events"}, code: exitOK},
		{name: "scopes-go-two-programs", args: []string{"slackscope", "scopes", "-format", "go", "./shared/..."}, code: exitFailure},
		{name: "scopes-go-bad-var", args: []string{"slackscope", "scopes", "-format", "go", "-var", "slack-scopes", "./events"}, code: exitFailure},
	} {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, layouts) })
	}
}

// The example app's table (testdata/example/slackscope_scopes.go, which its go:generate
// line writes) is what scopes -format go writes today: a stale table fails here.
func TestExampleScopesTable(t *testing.T) {
	example := filepath.Join("..", "..", "testdata", "example")
	want, err := os.ReadFile(filepath.Join(example, "slackscope_scopes.go"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "scopes", "-format", "go", ".")
	cmd.Dir = example
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("scopes -format go: %v", err)
	}
	if string(got) != string(want) {
		t.Errorf("testdata/example/slackscope_scopes.go is stale: run go generate there (with this slackscope on PATH)\n%s", got)
	}
}

// The example app's start-up check (testdata/example/grant.go), against a local server
// that answers like Slack with a grant that lacks reactions:write: the line it prints
// (README, "At run time").
func TestExampleGrantCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests the example app with the grant module")
	}
	dir := copyExample(t)
	writeFile(t, filepath.Join(dir, "grant_test.go"), grantCheckTest)
	out := filepath.Join(dir, "slackscope_scopes.go")
	cmd := exec.Command(binary, "scopes", "-format", "go", "-o", out, ".")
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scopes -format go -o: %v\n%s", err, msg)
	}
	test := exec.Command("go", "test", "-count=1", "-run", "TestGrant", "-v", ".")
	test.Dir = dir
	test.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	msg, err := test.CombinedOutput()
	if err != nil {
		t.Fatalf("go test of the example app: %v\n%s", err, msg)
	}
	var got string
	for line := range strings.Lines(string(msg)) {
		if strings.HasPrefix(line, "slackscope/grant: ") {
			got += line
		}
	}
	compareGolden(t, filepath.Join("testdata", "scopes-go-grant-check.golden"), got)
}

// grantCheckTest is a test of the example app with the generated table: grant.Check
// against an httptest server whose auth.test grants all but reactions:write.
const grantCheckTest = `package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

func TestGrant(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-oauth-scopes", "chat:write,users:read,channels:history")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, ` + "`" + `{"ok":true,"url":"https://example.slack.com/","team":"T","user":"standup","team_id":"T1","user_id":"U1","bot_id":"B1"}` + "`" + `)
	}))
	defer srv.Close()
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"), recorder.Option())
	fmt.Println(grant.Check(context.Background(), api, recorder, slackScopes))
}
`

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
