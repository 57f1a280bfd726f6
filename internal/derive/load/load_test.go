package load

import (
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slackscope/slackscope/internal/derive"
)

// A release is a client module at one version, pinned by a module under testdata (the
// pinned release is slackscope's own go.mod).
type release struct {
	dir, module string
}

var (
	pinned   = release{filepath.Join("..", "..", ".."), "github.com/slack-go/slack"}
	releases = []release{
		{filepath.Join("..", "..", "..", "testdata", "bindings", "slack-go-v0.10.3"), "github.com/slack-go/slack"},
		{filepath.Join("..", "..", "..", "testdata", "bindings", "slack-go-v0.11.3"), "github.com/slack-go/slack"},
		{filepath.Join("..", "..", "..", "testdata", "bindings", "slack-go-v0.12.2"), "github.com/slack-go/slack"},
		{filepath.Join("..", "..", "..", "testdata", "bindings", "slack-go-v0.16.0"), "github.com/slack-go/slack"},
		{filepath.Join("..", "..", "..", "testdata", "bindings", "slack-go-v0.23.1"), "github.com/slack-go/slack"},
		{filepath.Join("..", "..", "..", "testdata", "bindings", "nlopes-v0.6.0"), "github.com/nlopes/slack"},
	}
	skip = []string{"examples", "internal", "slacktest"}
)

var (
	cacheMu sync.Mutex
	cache   = map[release]*Result{}
)

// derived loads and derives a release once for all the tests that need it.
func derived(t *testing.T, r release) *Result {
	t.Helper()
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if res, ok := cache[r]; ok {
		return res
	}
	res, err := Packages(r.dir, []string{r.module + "/..."}, skip...)
	if err != nil {
		t.Fatalf("deriving %s in %s: %v", r.module, r.dir, err)
	}
	cache[r] = res
	return res
}

func find(res *Result, fn string) (derive.Binding, bool) {
	i, ok := slices.BinarySearchFunc(res.Bindings, fn, func(b derive.Binding, fn string) int { return strings.Compare(b.Func, fn) })
	if !ok {
		return derive.Binding{}, false
	}
	return res.Bindings[i], true
}

// brief is what the tests compare of a binding.
type brief struct {
	Methods []string
	Targets []derive.Target
	Options bool
	Option  []string // the methods an option selects
}

func briefOf(b derive.Binding) brief {
	out := brief{Methods: b.Methods, Targets: b.Targets, Options: b.Options != ""}
	if b.Option != nil {
		out.Option = b.Option.Methods
	}
	return out
}

// Every exported function that reaches a request is bound on the pinned release, and the
// well-known ones are bound to the right methods.
func TestPinnedRelease(t *testing.T) {
	res := derived(t, pinned)
	if res.Version == "" {
		t.Error("the pinned release's version is unknown")
	}
	reached := 0
	for _, b := range res.Bindings {
		if !b.Reached() {
			continue
		}
		reached++
		if !b.Bound() {
			t.Errorf("%s is not bound: %s", b.Func, strings.Join(b.Open, "; "))
		}
	}
	if reached < 400 {
		t.Errorf("only %d exported functions reach a request; the derivation lost most of slack-go", reached)
	}
	const s = "github.com/slack-go/slack"
	want := map[string]brief{
		"(*" + s + ".Client).PostMessage":            {Methods: []string{"chat.postMessage"}, Options: true},
		"(*" + s + ".Client).PostMessageContext":     {Methods: []string{"chat.postMessage"}, Options: true},
		"(*" + s + ".Client).UpdateMessage":          {Methods: []string{"chat.update"}, Options: true},
		"(*" + s + ".Client).GetConversationHistory": {Methods: []string{"conversations.history"}},
		"(*" + s + ".Client).GetUserInfo":            {Methods: []string{"users.info"}},
		"(*" + s + ".Client).AddReaction":            {Methods: []string{"reactions.add"}},
		"(*" + s + ".Client).OpenView":               {Methods: []string{"views.open"}},
		// UploadFile is the two-step external upload since v0.21 (UploadFileV2 until v0.35).
		"(*" + s + ".Client).UploadFile": {Methods: []string{"files.completeUploadExternal", "files.getUploadURLExternal"},
			Targets: []derive.Target{{Kind: derive.ResponseField, Detail: "UploadURL"}}},
		s + ".GetOAuthV2Response": {Methods: []string{"oauth.v2.access"}},
		s + ".PostWebhook":        {Targets: []derive.Target{{Kind: derive.IncomingWebhook, Detail: "url"}}},
		"(*" + s + "/socketmode.Client).Run": {Methods: []string{"apps.connections.open"},
			Targets: []derive.Target{{Kind: derive.ResponseField, Detail: "URL"}}},
		"(*" + s + "/socketmode.Client).Open": {Methods: []string{"apps.connections.open"}},
		"(*" + s + ".RTM).ManageConnection": {Methods: []string{"rtm.connect", "rtm.start"},
			Targets: []derive.Target{{Kind: derive.ResponseField, Detail: "URL"}}},
		"(*" + s + ".Client).GetFile": {Targets: []derive.Target{{Kind: derive.CallerURL, Detail: "downloadURL"}}},
		// Options that choose the endpoint.
		s + ".MsgOptionUpdate":        {Option: []string{"chat.update"}},
		s + ".MsgOptionDelete":        {Option: []string{"chat.delete"}},
		s + ".MsgOptionPostEphemeral": {Option: []string{"chat.postEphemeral"}},
		s + ".MsgOptionSchedule":      {Option: []string{"chat.scheduleMessage"}},
		s + ".MsgOptionMeMessage":     {Option: []string{"chat.meMessage"}},
		s + ".MsgOptionUnfurl":        {Option: []string{"chat.unfurl"}},
	}
	for fn, w := range want {
		b, ok := find(res, fn)
		if !ok {
			t.Errorf("%s: no binding", fn)
			continue
		}
		if diff := cmp.Diff(w, briefOf(b)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", fn, diff)
		}
	}
}

// Options that send to a response URL need no scope; username and icon overrides set the
// arguments that need chat:write.customize; conversation listings take their types from
// the parameters.
func TestArgumentDependentBindings(t *testing.T) {
	res := derived(t, pinned)
	const s = "github.com/slack-go/slack"
	for fn, field := range map[string]string{
		s + ".MsgOptionResponseURL":     "url",
		s + ".MsgOptionReplaceOriginal": "responseURL",
		s + ".MsgOptionDeleteOriginal":  "responseURL",
	} {
		b, _ := find(res, fn)
		want := &derive.OptionBinding{Field: s + ".sendConfig.endpoint", Targets: []derive.Target{{Kind: derive.ResponseURL, Detail: field}}}
		got := b.Option
		if got != nil {
			got = &derive.OptionBinding{Field: got.Field, Targets: got.Targets}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", fn, diff)
		}
	}
	for fn, arg := range map[string]string{
		s + ".MsgOptionUsername":  "username",
		s + ".MsgOptionIconURL":   "icon_url",
		s + ".MsgOptionIconEmoji": "icon_emoji",
	} {
		b, _ := find(res, fn)
		if b.Option == nil || !slices.Contains(b.Option.Args, arg) {
			t.Errorf("%s: option sets %v, want %s among them", fn, b.Option, arg)
		}
	}
	b, _ := find(res, "(*"+s+".Client).GetConversations")
	if !slices.ContainsFunc(b.Args, func(a derive.Arg) bool { return a.Name == "types" && a.GoString() == "params.Types" }) {
		t.Errorf("GetConversations args = %v, want types from params.Types", b.Args)
	}
}

// What the client's authors link to in each function's doc comment ("Slack API docs:
// https://api.slack.com/methods/...") must be among the methods the derivation finds.
func TestBindingsAgreeWithDocComments(t *testing.T) {
	res := derived(t, pinned)
	docs, err := docMethods(pinned.dir, pinned.module+"/...")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for fn, methods := range docs {
		b, ok := find(res, fn)
		var got []string
		if ok {
			got = append(slices.Clone(b.Methods), optionMethods(b)...)
		}
		for _, m := range methods {
			checked++
			if !slices.Contains(got, m) {
				t.Errorf("%s: its doc comment links to %s; the derivation found %v", fn, m, got)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d doc-comment links checked; the oracle is not reading slack-go", checked)
	}
}

func optionMethods(b derive.Binding) []string {
	if b.Option == nil {
		return nil
	}
	return b.Option.Methods
}

// The derivation works on older releases and on nlopes/slack, and sees what changed
// between them: UploadFile calls files.upload (after auth.test) up to v0.16, beside an
// UploadFileV2 for the two-step external upload from v0.12; from v0.21 UploadFile is the
// external upload and UploadFileV2 is gone.
func TestOlderReleases(t *testing.T) {
	upload := []string{"auth.test", "files.upload"}
	external := []string{"files.completeUploadExternal", "files.getUploadURLExternal"}
	for _, tc := range []struct {
		r              release
		uploadFile     []string
		uploadFileV2   []string // nil: the function does not exist
		minReached     int
		socketModeOpen bool
	}{
		{releases[0], upload, nil, 240, true},
		{releases[1], upload, nil, 250, true},
		{releases[2], upload, external, 250, true},
		{releases[3], upload, external, 300, true},
		{releases[4], external, nil, 350, true},
		{releases[5], upload, nil, 200, false},
	} {
		t.Run(filepath.Base(tc.r.dir), func(t *testing.T) {
			res := derived(t, tc.r)
			reached := 0
			for _, b := range res.Bindings {
				if b.Reached() {
					reached++
					if !b.Bound() {
						t.Errorf("%s is not bound: %s", b.Func, strings.Join(b.Open, "; "))
					}
				}
			}
			if reached < tc.minReached {
				t.Errorf("%d exported functions reach a request, want at least %d", reached, tc.minReached)
			}
			client := "(*" + tc.r.module + ".Client)."
			b, _ := find(res, client+"UploadFile")
			if diff := cmp.Diff(tc.uploadFile, b.Methods); diff != "" {
				t.Errorf("UploadFile (-want +got):\n%s", diff)
			}
			b, ok := find(res, client+"UploadFileV2")
			if tc.uploadFileV2 == nil && ok {
				t.Errorf("UploadFileV2 is bound, but this release has none: %v", b.Methods)
			} else if diff := cmp.Diff(tc.uploadFileV2, b.Methods); tc.uploadFileV2 != nil && diff != "" {
				t.Errorf("UploadFileV2 (-want +got):\n%s", diff)
			}
			b, _ = find(res, client+"PostMessage")
			if diff := cmp.Diff([]string{"chat.postMessage"}, b.Methods); diff != "" {
				t.Errorf("PostMessage (-want +got):\n%s", diff)
			}
			b, _ = find(res, client+"UpdateMessage")
			if diff := cmp.Diff([]string{"chat.update"}, b.Methods); diff != "" {
				t.Errorf("UpdateMessage (-want +got):\n%s", diff)
			}
			b, ok = find(res, "(*"+tc.r.module+"/socketmode.Client).Open")
			if tc.socketModeOpen && !slices.Contains(b.Methods, "apps.connections.open") {
				t.Errorf("socketmode Open = %v, want apps.connections.open", b.Methods)
			} else if !tc.socketModeOpen && ok {
				t.Errorf("socketmode Open is bound in a release without socketmode")
			}
			docs, err := docMethods(tc.r.dir, tc.r.module+"/...")
			if err != nil {
				t.Fatal(err)
			}
			for fn, methods := range docs {
				b, _ := find(res, fn)
				got := append(slices.Clone(b.Methods), optionMethods(b)...)
				for _, m := range methods {
					if !slices.Contains(got, m) && docMistakes[fn+" "+m] == "" {
						t.Errorf("%s: its doc comment links to %s; the derivation found %v", fn, m, got)
					}
				}
			}
		})
	}
}

// docMistakes are doc comments of old releases that link to the wrong method page; the
// value says what the code really calls (read in the release's source).
var docMistakes = map[string]string{
	"(*github.com/slack-go/slack.Client).ListTeams admin.teams.list":                                 "auth.go posts auth.teams.list",
	"(*github.com/slack-go/slack.Client).UpdateUserGroupMembersContext usergroups.update":            "usergroups.go posts usergroups.users.update",
	"(*github.com/slack-go/slack.Client).GetScheduledMessagesContext chat.getScheduledMessages.list": "chat.go posts chat.scheduledMessages.list",
	"(*github.com/slack-go/slack.Client).ListBookmarksContext bookmarks.edit":                        "bookmarks.go posts bookmarks.list",
}

// A derivation that fails makes Packages fail: gen bindings must not write a file that
// lacks a package's bindings and exit 0.
func TestFailedDerivationIsAnError(t *testing.T) {
	defer func(f func(derive.Input) *derive.Derived) { derivePackage = f }(derivePackage)
	derivePackage = func(in derive.Input) *derive.Derived {
		return &derive.Derived{Summaries: map[*types.Func]*derive.Summary{}, Failure: "boom"}
	}
	r := releases[len(releases)-1] // the smallest
	_, err := Packages(r.dir, []string{r.module}, skip...)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("Packages = %v, want the derivation's failure", err)
	}
}
