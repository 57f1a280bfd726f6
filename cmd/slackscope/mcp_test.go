package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// connectMCP starts the server in-process and connects the SDK's client to it through
// in-memory transports; both end with the test.
func connectMCP(t *testing.T) *mcp.ClientSession {
	t.Helper()
	ctx := context.Background()
	st, ct := mcp.NewInMemoryTransports()
	ss, err := newMCPServer().Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "v0"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := cs.Close(); err != nil {
			t.Error(err)
		}
		if err := ss.Wait(); err != nil {
			t.Error(err)
		}
	})
	return cs
}

// The server is slackscope at slackscope version's version, and lists its tools with
// their descriptions and arguments (testdata/mcp-tools.golden).
func TestMCPListTools(t *testing.T) {
	cs := connectMCP(t)
	info, _ := debug.ReadBuildInfo()
	if got := cs.InitializeResult().ServerInfo; got.Name != "slackscope" || got.Version != buildVersion(info) {
		t.Errorf("server %s %s, want slackscope %s", got.Name, got.Version, buildVersion(info))
	}
	res, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, tool := range res.Tools {
		fmt.Fprintf(&b, "%s\n%s\n", tool.Name, tool.Description)
		if err := writeToolArgs(&b, tool); err != nil {
			t.Fatal(err)
		}
		if tool.OutputSchema == nil {
			t.Errorf("%s has no output schema: its results are not structured", tool.Name)
		}
		b.WriteString("\n")
	}
	compareGolden(t, filepath.Join("testdata", "mcp-tools.golden"), b.String())
}

// writeToolArgs writes a tool's arguments as its input schema states them: each with
// whether it is required, and its description.
func writeToolArgs(w io.Writer, tool *mcp.Tool) error {
	raw, err := json.Marshal(tool.InputSchema)
	if err != nil {
		return err
	}
	var schema struct {
		Properties map[string]struct{ Description string }
		Required   []string
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(schema.Properties)) {
		req := "optional"
		if slices.Contains(schema.Required, name) {
			req = "required"
		}
		fmt.Fprintf(w, "  %s (%s): %s\n", name, req, schema.Properties[name].Description)
	}
	return nil
}

// offlineExample is the example app's absolute path; the go command that loads it stays
// off the network (its modules come from the module cache).
func offlineExample(t *testing.T) string {
	t.Helper()
	t.Setenv("GOPROXY", "off")
	example, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		t.Fatal(err)
	}
	return example
}

// A call of each tool, whose structured result is testdata/mcp-<name>.golden with the
// example's absolute path as $EXAMPLE: lookup of a method, the scopes and the check of
// the example app (which has findings: exit status 1), explain of a missing_scope body.
func TestMCPCallTools(t *testing.T) {
	example, cs := offlineExample(t), connectMCP(t)
	tests := []struct {
		name, tool string
		args       map[string]any
	}{
		{"mcp-lookup", "lookup", map[string]any{"names": []string{"chat.postMessage"}}},
		{"mcp-scopes", "scopes", map[string]any{"dir": example, "patterns": []string{"./..."}, "token": "bot"}},
		{"mcp-check", "check", map[string]any{"dir": example, "patterns": []string{"./..."}}},
		{"mcp-explain", "explain", map[string]any{"text": `{"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := callTool(t, cs, tt.tool, tt.args)
			compareGolden(t, filepath.Join("testdata", tt.name+".golden"), strings.ReplaceAll(got, example, "$EXAMPLE"))
		})
	}
}

// callTool calls the tool and returns its structured result as indented JSON; a tool
// error fails the test.
func callTool(t *testing.T, cs *mcp.ClientSession, name string, args map[string]any) string {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatal(err)
	}
	text := toolText(t, res)
	if res.IsError {
		t.Fatalf("%s: tool error: %s", name, text)
	}
	if res.StructuredContent == nil {
		t.Fatalf("%s: no structured content", name)
	}
	// The text content is the structured content as the server wrote it.
	var fromText any
	if err := json.Unmarshal([]byte(text), &fromText); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(res.StructuredContent, fromText); diff != "" {
		t.Errorf("%s: text content differs from the structured content (-structured +text):\n%s", name, diff)
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, []byte(text), "", "  "); err != nil {
		t.Fatal(err)
	}
	return buf.String() + "\n"
}

// toolText is the text of a tool result's one content.
func toolText(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	if len(res.Content) != 1 {
		t.Fatalf("%d contents, want 1", len(res.Content))
	}
	c, ok := res.Content[0].(*mcp.TextContent)
	if !ok {
		t.Fatalf("content %T, want text", res.Content[0])
	}
	return c.Text
}

// A call the tool cannot answer is a tool error whose message says what to pass; the
// session goes on.
func TestMCPToolErrors(t *testing.T) {
	example, cs := offlineExample(t), connectMCP(t)
	tests := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"lookup", map[string]any{"names": []string{}}, "names is empty"},
		{"scopes", map[string]any{"dir": filepath.Join(example, "nosuchdir")}, "not a directory"},
		{"scopes", map[string]any{"dir": example, "token": "xoxb-1234"}, "expected bot or user"},
		{"scopes", map[string]any{"dir": example, "patterns": []string{"-toolexec=x"}}, "expected a package pattern"},
		{"scopes", map[string]any{"dir": example, "patterns": []string{"./nosuchpkg"}}, "did not load"},
		{"check", map[string]any{"dir": example, "manifest": "nosuch.yml"}, "no such file"},
		{"check", map[string]any{"patterns": []string{"./..."}}, "validating"}, // dir is required
		{"explain", map[string]any{"text": " "}, "text is empty"},
	}
	for _, tt := range tests {
		res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: tt.tool, Arguments: tt.args})
		if err != nil {
			t.Fatalf("%s %v: %v", tt.tool, tt.args, err)
		}
		if text := toolText(t, res); !res.IsError || !strings.Contains(text, tt.want) {
			t.Errorf("%s %v: error %v, %q; want a tool error with %q", tt.tool, tt.args, res.IsError, text, tt.want)
		}
	}
}

// slackscope mcp, run as an agent runs it, answers initialize and then tools/list on its
// standard input and output, and exits 0 when the client closes its input.
func TestMCPStdio(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "mcp")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	lines.Buffer(nil, 1<<20)
	var init struct {
		ServerInfo mcp.Implementation `json:"serverInfo"`
	}
	rpc(t, stdin, lines, 1, "initialize", `{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"v0"}}`, &init)
	if init.ServerInfo.Name != "slackscope" {
		t.Errorf("server name %q, want slackscope", init.ServerInfo.Name)
	}
	if _, err := io.WriteString(stdin, `{"jsonrpc":"2.0","method":"notifications/initialized"}`+"\n"); err != nil {
		t.Fatal(err)
	}
	var list struct{ Tools []struct{ Name string } }
	rpc(t, stdin, lines, 2, "tools/list", `{}`, &list)
	var names []string
	for _, tool := range list.Tools {
		names = append(names, tool.Name)
	}
	if want := []string{"check", "explain", "lookup", "scopes"}; !slices.Equal(names, want) {
		t.Errorf("tools %v, want %v", names, want)
	}
	if err := stdin.Close(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("slackscope mcp: %v\nstderr: %s", err, stderr.String())
	}
}

// rpc sends a JSON-RPC request with id, method and params (JSON), and decodes the result
// of the response with that id into result.
func rpc(t *testing.T, w io.Writer, lines *bufio.Scanner, id int, method, params string, result any) {
	t.Helper()
	if _, err := fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%d,"method":%q,"params":%s}`+"\n", id, method, params); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() {
		var resp struct {
			ID     *int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if err := json.Unmarshal(lines.Bytes(), &resp); err != nil {
			t.Fatalf("%s: %v: %s", method, err, lines.Text())
		}
		if resp.ID == nil || *resp.ID != id {
			continue // a notification
		}
		if resp.Error != nil {
			t.Fatalf("%s: %s", method, resp.Error.Message)
		}
		if err := json.Unmarshal(resp.Result, result); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		return
	}
	t.Fatalf("%s: no response (%v)", method, lines.Err())
}

// slackscope help mcp, and slackscope mcp with an argument, which it takes none of.
func TestMCPCommandGolden(t *testing.T) {
	tests := []goldenCase{
		{name: "mcp-help", args: []string{"slackscope", "help", "mcp"}, code: exitOK},
		{name: "mcp-usage", args: []string{"slackscope", "mcp", "./..."}, code: exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runGolden(t, tt, filepath.Join("..", "..", "testdata", "example")) })
	}
}
