package golangci

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("slackscope")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"manifest": "deploy/manifest.yml", "token": "user"})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "slackscope" {
		t.Fatalf("BuildAnalyzers = %v, %v", as, err)
	}
	for name, want := range map[string]string{"manifest": "deploy/manifest.yml", "token": "user"} {
		if got := as[0].Flags.Lookup(name).Value.String(); got != want {
			t.Errorf("-%s = %q, want %q", name, got, want)
		}
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	for _, bad := range []map[string]any{{"token": "app"}, {"manifets": "x"}} {
		if _, err := newPlugin(bad); err == nil || !strings.Contains(err.Error(), "slackscope settings") {
			t.Errorf("settings %v: err = %v, want a settings error", bad, err)
		}
	}
}
