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

func TestScopesGoCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program with the grant module")
	}
	example, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		t.Fatal(err)
	}
	grantDir, err := filepath.Abs(filepath.Join("..", "..", "grant"))
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the example app whose go.mod also requires the grant module (from this
	// repository), with the generated table and a main that checks it.
	dir := t.TempDir()
	for _, name := range []string{"main.go", "go.sum"} {
		copyFile(t, filepath.Join(example, name), filepath.Join(dir, name))
	}
	mod, err := os.ReadFile(filepath.Join(example, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mod = append(mod, "\nrequire github.com/slackscope/slackscope/grant v0.0.0\n\nreplace github.com/slackscope/slackscope/grant => "+grantDir+"\n"...)
	writeFile(t, filepath.Join(dir, "go.mod"), string(mod))
	writeFile(t, filepath.Join(dir, "grant_test.go"), grantCheckTest)

	out := filepath.Join(dir, "slackscope_scopes.go")
	cmd := exec.Command(binary, "scopes", "-format", "go", "-o", out, ".")
	cmd.Dir = example
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scopes -format go -o: %v\n%s", err, msg)
	}
	src, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), `{Name: "reactions:write", Needs: []string{"reactions.add"}, Sites: []string{"main.go:35:13"}},`) {
		t.Errorf("the generated table lacks reactions:write:\n%s", src)
	}
	// The app's check against a local server that answers like Slack, with a grant that
	// lacks reactions:write: what the check prints (README, "At run time").
	test := exec.Command("go", "test", "-count=1", "-run", "TestGrant", "-v", ".")
	test.Dir = dir
	test.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	msg, err := test.CombinedOutput()
	if err != nil {
		t.Fatalf("go test of the app with the generated table: %v\n%s", err, msg)
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
	rec := new(grant.Recorder)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"), rec.Option())
	fmt.Println(grant.Check(context.Background(), api, rec, slackScopes))
}
`

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
