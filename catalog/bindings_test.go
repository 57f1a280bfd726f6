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

// The bindings and the catalog meet on Web API argument names: the options that override
// the author set exactly the arguments for which chat.postMessage needs
// chat:write.customize, and GetConversations takes the types that choose its scope from
// its parameters.
func TestBindingArgumentsMeetCatalogArguments(t *testing.T) {
	m, _ := LookupMethod("chat.postMessage")
	var customize []string
	for _, c := range m.Conditional {
		if c.Scope == "chat:write.customize" {
			customize = c.Args
		}
	}
	for _, opt := range []string{"MsgOptionUsername", "MsgOptionIconURL", "MsgOptionIconEmoji"} {
		b, _ := LookupBinding(slackGo + "." + opt)
		if b.Option == nil || len(b.Option.Args) != 1 || !slices.Contains(customize, b.Option.Args[0]) {
			t.Errorf("%s sets %v; chat.postMessage needs chat:write.customize for %v", opt, b.Option, customize)
		}
	}
	b, _ := LookupBinding("(*" + slackGo + ".Client).GetConversations")
	l, _ := LookupMethod("conversations.list")
	for _, a := range l.Arguments {
		if !slices.ContainsFunc(b.Args, func(ba BindingArg) bool { return ba.Name == a.Name }) {
			t.Errorf("GetConversations does not set %s from its parameters: %v", a.Name, b.Args)
		}
	}
}

// A slack-go function is found by every name a user has for it: slackscope's messages,
// the short forms, a bare name, any case.
func TestResolveBinding(t *testing.T) {
	postMessage := "(*" + slackGo + ".Client).PostMessage"
	run := "(*" + slackGo + "/socketmode.Client).Run"
	for _, tt := range []struct {
		name string
		want []string
	}{
		{postMessage, []string{postMessage}},
		{"(*slack.Client).PostMessage", []string{postMessage}},
		{"(*Client).PostMessage", []string{postMessage}},
		{"Client.PostMessage", []string{postMessage}},
		{"slack.Client.PostMessage", []string{postMessage}},
		{"PostMessage", []string{postMessage}},
		{"postmessage", []string{postMessage}},
		{"(*socketmode.Client).Run", []string{run}},
		{"socketmode.Client.Run", []string{run}},
		{"slack.PostWebhook", []string{slackGo + ".PostWebhook"}},
		{"PostWebhook", []string{slackGo + ".PostWebhook"}},
		{"(*socketmode.Client).PostMessage", nil}, // the package is part of the name
		{"Client.NoSuchMethod", nil},
		{"", nil},
		{"...", nil},
	} {
		var got []string
		for _, b := range ResolveBinding(tt.name) {
			got = append(got, b.Func)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ResolveBinding(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
	// A bare name several types have denotes each.
	if bs := ResolveBinding("Next"); len(bs) < 2 {
		t.Errorf("ResolveBinding(Next) = %v, want the Next of each pagination type", bs)
	}
}
