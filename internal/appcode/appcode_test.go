package appcode

import (
	"go/ast"
	"go/token"
	"go/types"
	"testing"
)

// Tests and mocks are not the app's code, by their file name or directory.
func TestTestOrMock(t *testing.T) {
	for name, want := range map[string]bool{
		"bot/main.go":             false,
		"bot/main_test.go":        true,
		"bot/slack_mock.go":       true,
		"bot/MockClient.go":       true,
		"bot/mocks/client.go":     true,
		"bot/mock/client.go":      true,
		"bot/mockingbird/main.go": false,
	} {
		fset := token.NewFileSet()
		f := &ast.File{Package: fset.AddFile(name, -1, 10).Pos(0)}
		if got := TestOrMock(fset, f); got != want {
			t.Errorf("TestOrMock(%s) = %v, want %v", name, got, want)
		}
	}
}

// A client package is one of a binding module's or nlopes/slack's, not one whose path
// only starts with the same letters.
func TestClientPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/slack-go/slack":             true,
		"github.com/slack-go/slack/slackevents": true,
		"github.com/nlopes/slack":               true,
		"github.com/slack-go/slackx":            false,
		"example.com/bot/internal/slack":        false,
	} {
		if got := ClientPackage(types.NewPackage(path, "slack")); got != want {
			t.Errorf("ClientPackage(%s) = %v, want %v", path, got, want)
		}
	}
	if ClientPackage(nil) {
		t.Error("ClientPackage(nil) = true")
	}
}
