package grant

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestScopeKinds checks the classic and app-level scopes against slackscope's catalog, when
// the module is built inside slackscope's repository (a copy of the module alone has none).
func TestScopeKinds(t *testing.T) {
	f, err := os.Open("../catalog/scopes.yaml")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no catalog/scopes.yaml beside the module")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var classic, appLevel []string
	name := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "- name: "):
			name = strings.TrimPrefix(line, "- name: ")
		case line == "classic: true":
			classic = append(classic, name)
		case line == "tokens: [app_level]":
			appLevel = append(appLevel, name)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(classic)
	slices.Sort(appLevel)
	if !reflect.DeepEqual(classicScopes, classic) {
		t.Errorf("classicScopes = %q, the catalog's classic scopes are %q", classicScopes, classic)
	}
	if !reflect.DeepEqual(appLevelScopes, appLevel) {
		t.Errorf("appLevelScopes = %q, the catalog's app-level scopes are %q", appLevelScopes, appLevel)
	}
}

// TestSplitScopes checks the reading of a scopes header.
func TestSplitScopes(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                nil,
		"chat:write":                      {"chat:write"},
		"reactions:write,chat:write":      {"chat:write", "reactions:write"},
		" chat:write , ,chat:write,bot, ": {"bot", "chat:write"},
	} {
		if got := splitScopes(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitScopes(%q) = %q, want %q", in, got, want)
		}
	}
}
