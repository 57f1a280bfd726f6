package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Each case runs the command and compares what it prints, and its exit code, with
// testdata/<name>.golden.
func TestLookupGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"lookup-method", []string{"lookup", "chat.postMessage"}, exitOK},
		{"lookup-anyof", []string{"lookup", "conversations.history"}, exitOK},
		{"lookup-scope", []string{"lookup", "chat:write:bot"}, exitOK},
		{"lookup-retired", []string{"lookup", "channels.history"}, exitOK},
		{"lookup-unknown", []string{"lookup", "chat:wirte"}, exitFindings},
		{"lookup-update", []string{"lookup", "chat.update"}, exitOK},
		{"lookup-argument", []string{"lookup", "conversations.list"}, exitOK},
		{"lookup-go-function", []string{"lookup", "(*Client).UpdateMessage", "(*socketmode.Client).Run", "github.com/slack-go/slack.PostWebhook"}, exitOK},
		{"lookup-go-option", []string{"lookup", "MsgOptionResponseURL", "MsgOptionUsername"}, exitOK},
		{"validate", []string{"lookup", "-validate", "bot,client,chat:write:bot"}, exitFindings},
		{"validate-clean", []string{"lookup", "-validate", "chat:write users:read"}, exitOK},
		{"usage", nil, exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &out, &out)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}
