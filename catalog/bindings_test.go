package catalog

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const slackGo = "github.com/slack-go/slack"

func TestLookupBinding(t *testing.T) {
	b, ok := LookupBinding("(*" + slackGo + ".Client).PostMessage")
	if !ok {
		t.Fatal("PostMessage has no binding")
	}
	want := Binding{
		Func:    "(*" + slackGo + ".Client).PostMessage",
		Methods: []string{"chat.postMessage"},
		Options: slackGo + ".sendConfig.endpoint",
		Args:    []BindingArg{{"channel", "channelID"}},
	}
	if diff := cmp.Diff(want, b); diff != "" {
		t.Errorf("PostMessage (-want +got):\n%s", diff)
	}
	if _, ok := LookupBinding("(*" + slackGo + ".Client).NoSuchMethod"); ok {
		t.Error("a function that does not exist has a binding")
	}
	o, _ := LookupBinding(slackGo + ".MsgOptionResponseURL")
	if diff := cmp.Diff(&BindingOption{Field: slackGo + ".sendConfig.endpoint", Targets: []BindingTarget{{"response_url", "url"}}}, o.Option); diff != "" {
		t.Errorf("MsgOptionResponseURL (-want +got):\n%s", diff)
	}
}

// "Which Go function calls chat.update?": the functions, and the option that makes any
// message function call it.
func TestBindingsFor(t *testing.T) {
	var got []string
	for _, b := range BindingsFor("chat.update") {
		got = append(got, b.Func)
	}
	for _, fn := range []string{
		"(*" + slackGo + ".Client).UpdateMessage",
		"(*" + slackGo + ".Client).UpdateMessageContext",
		slackGo + ".MsgOptionUpdate",
	} {
		if !slices.Contains(got, fn) {
			t.Errorf("BindingsFor(chat.update) = %v, lacks %s", got, fn)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("BindingsFor(chat.update) is not sorted: %v", got)
	}
	if bs := BindingsFor("no.such.method"); bs != nil {
		t.Errorf("BindingsFor(no.such.method) = %v", bs)
	}
	// Every method a binding names is in the catalog.
	for _, b := range bindings {
		for _, m := range b.Methods {
			if _, ok := LookupMethod(m); !ok {
				t.Errorf("%s calls %s, which the catalog lacks", b.Func, m)
			}
		}
	}
}

// The bindings are of the slack-go version go.mod pins.
func TestBindingModuleIsPinned(t *testing.T) {
	gomod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/slack-go/slack (v\S+)`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/slack-go/slack")
	}
	mods := BindingModules()
	if len(mods) != 1 || mods[0].Path != slackGo || mods[0].Version != string(m[1]) {
		t.Errorf("BindingModules() = %+v, want %s %s", mods, slackGo, m[1])
	}
}

func BenchmarkLookupBinding(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := LookupBinding("(*" + slackGo + ".Client).PostMessageContext"); !ok {
			b.Fatal("not found")
		}
	}
}
