package analyzer_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/scanner"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/catalog"
)

var pinned = filepath.Join("..", "testdata", "analyzer", "slackscope", "pinned")

// manifestFile reports whether a diagnostic's file is a manifest, whose expectations are
// "# want" comments that analysistest does not read.
var manifestFile = regexp.MustCompile(`\.(ya?ml|json)$`)

// filtered passes analysistest's complaints on to t, except those about diagnostics in
// manifests, which check() below verifies against their "# want" comments.
type filtered struct{ t *testing.T }

func (f filtered) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if i := strings.Index(msg, ": unexpected diagnostic:"); i >= 0 {
		file := msg[:i]
		for strings.Count(file, ":") > 0 && !manifestFile.MatchString(file) {
			file = file[:strings.LastIndex(file, ":")]
		}
		if manifestFile.MatchString(file) {
			return
		}
	}
	f.t.Helper()
	f.t.Errorf("%s", msg)
}

// run runs the analyzer on the packages of the pinned fixture module and checks every
// diagnostic: in Go files against // want comments (analysistest), in manifests against
// # want comments, in the same syntax.
func run(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	return runIn(t, pinned, a, pkgs...)
}

// runIn is run on the module in dir.
func runIn(t *testing.T, dir string, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.Run(filtered{t}, dir, a, pkgs...)
	got := map[string][]string{} // "file:line" -> messages
	seen := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			// A package with tests is analysed with and without them (analysistest,
			// like go list -test): the manifest's findings come once.
			if manifestFile.MatchString(p.Filename) && !seen[p.String()+d.Message] {
				seen[p.String()+d.Message] = true
				k := p.Filename + ":" + strconv.Itoa(p.Line)
				got[k] = append(got[k], d.Message)
			}
		}
	}
	manifests := map[string]bool{}
	for _, pkg := range pkgs {
		for _, name := range []string{"manifest.yml", "manifest.yaml", "manifest.json"} {
			p, _ := filepath.Abs(filepath.Join(dir, pkg, name))
			if _, err := os.Stat(p); err == nil {
				manifests[p] = true
			}
		}
	}
	for k := range got {
		manifests[k[:strings.LastIndex(k, ":")]] = true
	}
	for file := range manifests {
		checkManifest(t, file, got)
		checkManifestFixes(t, file, results)
	}
	return results
}

// checkManifestFixes applies the suggested fixes of the manifest's own findings and
// compares the result with the manifest's .golden file, when it has one (analysistest's
// own fix check formats files as Go, so it cannot do manifests). The fixes of findings
// at the code that edit the manifest (missing-scope) are checked by against_test.go and
// by the fix command's goldens.
func checkManifestFixes(t *testing.T, file string, results []*analysistest.Result) {
	t.Helper()
	want, err := os.ReadFile(file + ".golden")
	if err != nil {
		return
	}
	content, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if tf := r.Pass.Fset.File(d.Pos); tf == nil || tf.Name() != file {
				continue
			}
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					tf := r.Pass.Fset.File(e.Pos)
					if tf == nil || tf.Name() != file {
						continue
					}
					edits = append(edits, edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
				}
			}
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	edits = slices.Compact(edits)
	got := string(content)
	for _, e := range edits {
		got = got[:e.start] + e.text + got[e.end:]
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s after its fixes (-golden +got):\n%s", file, diff)
	}
}

func checkManifest(t *testing.T, file string, got map[string][]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Error(err)
		return
	}
	for i, line := range strings.Split(string(data), "\n") {
		k := file + ":" + strconv.Itoa(i+1)
		var want []*regexp.Regexp
		if j := strings.Index(line, "# want "); j >= 0 {
			want = parseWant(t, k, line[j+len("# want "):])
		}
		msgs := slices.Clone(got[k])
		for _, rx := range want {
			i := slices.IndexFunc(msgs, rx.MatchString)
			if i < 0 {
				t.Errorf("%s: no diagnostic was reported matching %#q", k, rx)
				continue
			}
			msgs = slices.Delete(msgs, i, i+1)
		}
		for _, m := range msgs {
			t.Errorf("%s: unexpected diagnostic: %s", k, m)
		}
	}
}

func parseWant(t *testing.T, where, text string) []*regexp.Regexp {
	var out []*regexp.Regexp
	var s scanner.Scanner
	s.Init(strings.NewReader(text))
	s.Mode = scanner.ScanStrings | scanner.ScanRawStrings
	for tok := s.Scan(); tok != scanner.EOF; tok = s.Scan() {
		lit, err := strconv.Unquote(s.TokenText())
		if err != nil {
			t.Fatalf("%s: bad # want: %v", where, err)
		}
		out = append(out, regexp.MustCompile(lit))
	}
	return out
}

// TestFixtures runs the analyzer once over every package of the fixture module (each a
// small program that shows one thing; see their doc comments) and checks every diagnostic
// and fact against the want comments; the subtests check the results.
func TestFixtures(t *testing.T) {
	results := run(t, analyzer.Analyzer, "./...")
	byPkg := map[string]*analyzer.Result{}
	for _, r := range results {
		res, ok := r.Result.(*analyzer.Result)
		if !ok || strings.HasSuffix(r.Pass.Pkg.Path(), ".test") {
			continue // the generated test main reports nothing
		}
		byPkg[strings.TrimPrefix(r.Pass.Pkg.Path(), "example.com/bot/")] = res
	}
	// Calls of every kind are found: through an interface, with options, in a goroutine,
	// with constant arguments, raw HTTP.
	t.Run("calls", func(t *testing.T) {
		var methods []string
		for _, u := range byPkg["calls"].Uses {
			methods = append(methods, u.Method)
		}
		slices.Sort(methods)
		want := []string{"channels.history", "chat.postMessage", "chat.postMessage", "chat.update",
			"conversations.history", "conversations.list", "conversations.list", "pins.add", "reactions.add", "search.messages"}
		if !slices.Equal(methods, want) {
			t.Errorf("uses = %v\nwant   %v", methods, want)
		}
		// raw(os.Getenv("SLACK_METHOD")) reaches the Web API with a method nobody can read
		// from the code: counted, with the reason.
		un := byPkg["calls"].Unresolved
		if len(un) != 1 || !strings.Contains(un[0].Why, "the Web API method is not a constant") || un[0].Callee != "main.raw" {
			t.Errorf("unresolved = %+v, want the call of raw", un)
		}
	})
	// Options a method passes down cannot be followed to its callers: the call is
	// unresolved, with the conditional scope it may need, never guessed either way.
	t.Run("options", func(t *testing.T) {
		un := byPkg["options/open"].Unresolved
		if len(un) != 1 || !strings.Contains(un[0].Why, "parameter opts of (*main.bot).Say") || !strings.Contains(un[0].Why, "chat:write.customize is needed if they set username") {
			t.Errorf("unresolved = %+v, want the options of Say", un)
		}
		if un := byPkg["options/follow"].Unresolved; len(un) != 0 {
			t.Errorf("options/follow: unresolved = %+v, want none: every option is followed", un)
		}
	})
	// Facts carry the methods a wrapper package reaches to the command that imports it.
	t.Run("wrapper", func(t *testing.T) {
		var prog []string
		for _, u := range byPkg["wrapper/cmd"].Program {
			prog = append(prog, u.Method)
		}
		if !slices.Equal(prog, []string{"chat.postMessage", "pins.add"}) {
			t.Errorf("program uses = %v, want chat.postMessage and pins.add through notify", prog)
		}
	})
	// The deploy bot (a few hundred lines, a wrapper package, an interface) needs exactly
	// the scopes its manifest requests: the minimum set is checked here, and the
	// manifest draws no diagnostic.
	t.Run("app", func(t *testing.T) {
		res := byPkg["app"]
		if res == nil {
			t.Fatal("no result for app")
		}
		bot := res.Minimum[catalog.Bot]
		if diff := cmp.Diff([]string{"app_mentions:read", "chat:write", "files:write", "reactions:write", "users:read", "users:read.email"}, bot.Names()); diff != "" {
			t.Errorf("bot scopes (-want +got):\n%s", diff)
		}
		wantChoices := []catalog.Choice{{AnyOf: []string{"channels:history", "groups:history", "im:history", "mpim:history"}, Needs: []string{"conversations.history"}}}
		if diff := cmp.Diff(wantChoices, bot.Choices); diff != "" {
			t.Errorf("bot choices (-want +got):\n%s", diff)
		}
		if len(res.Minimum) != 1 || len(bot.Unsupported) != 0 {
			t.Errorf("minimum = %+v, want bot scopes only", res.Minimum)
		}
	})
	// What the app listens to needs scopes too: each fixture under events/ yields exactly
	// its event-derived (and call-derived) scopes, per token type.
	t.Run("events", func(t *testing.T) {
		for pkg, want := range map[string]map[catalog.TokenType][]string{
			"events/httpapi":       {catalog.Bot: {"app_mentions:read", "chat:write", "im:history", "reactions:read"}},
			"events/socket":        {catalog.Bot: {"commands", "reactions:read"}, catalog.AppLevel: {"connections:write"}},
			"events/sockethandler": {catalog.Bot: {"app_mentions:read", "commands"}, catalog.AppLevel: {"connections:write"}},
			"events/slash":         {catalog.Bot: {"commands"}},
			"events/rtm":           {catalog.LegacyBot: {"bot"}},
			// Message events told apart by channel type: both branches, switches, guards.
			"events/channeltype/ifelse": {catalog.Bot: {"channels:history", "chat:write", "groups:history", "im:history", "mpim:history"}},
			"events/channeltype/switch": {catalog.Bot: {"chat:write", "im:history", "mpim:history"}, catalog.AppLevel: {"connections:write"}},
			"events/channeltype/guard":  {catalog.Bot: {"chat:write", "im:history"}},
			// conversations.open narrowed by how many users it opens with.
			"arguments/dm":    {catalog.Bot: {"chat:write", "im:read", "im:write"}},
			"arguments/group": {catalog.Bot: {"mpim:write"}},
			"urlliteral":      {catalog.Bot: {"emoji:read"}},
			// A webhook URL's origin decides: response_url needs nothing.
			"webhook/respond":          {catalog.Bot: {"commands"}},
			"webhook/incoming":         {catalog.Bot: {"incoming-webhook"}},
			"events/channeltype/react": {catalog.Bot: {"channels:history", "chat:write", "groups:history", "im:history", "mpim:history", "reactions:write"}},
		} {
			res := byPkg[pkg]
			if res == nil {
				t.Errorf("%s: no result", pkg)
				continue
			}
			got := map[catalog.TokenType][]string{}
			for tt, set := range res.Minimum {
				got[tt] = set.Names()
				if len(set.Choices) > 0 {
					t.Errorf("%s: %s choices %v, want none", pkg, tt, set.Choices)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s scopes (-want +got):\n%s", pkg, diff)
			}
		}
	})
	// A response field read needs its scope only with a call whose answer holds it.
	t.Run("fields", func(t *testing.T) {
		for pkg, want := range map[string][]string{
			"fields/email":    {"users:read", "users:read.email"},
			"fields/unpaired": {"chat:write"},
		} {
			res := byPkg[pkg]
			if res == nil {
				t.Errorf("%s: no result", pkg)
				continue
			}
			if diff := cmp.Diff(want, res.Minimum[catalog.Bot].Names()); diff != "" {
				t.Errorf("%s bot scopes (-want +got):\n%s", pkg, diff)
			}
		}
	})
	// A Socket Mode app with an RTM fallback: its message events are the modern path's.
	t.Run("fallback", func(t *testing.T) {
		res := byPkg["events/fallback"]
		wantChoices := []catalog.Choice{{AnyOf: []string{"channels:history", "groups:history", "im:history", "mpim:history"}, Needs: []string{"message"}}}
		if diff := cmp.Diff(wantChoices, res.Minimum[catalog.Bot].Choices); diff != "" {
			t.Errorf("bot choices (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"bot"}, res.Minimum[catalog.LegacyBot].Names()); diff != "" {
			t.Errorf("classic bot scopes (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"connections:write"}, res.Minimum[catalog.AppLevel].Names()); diff != "" {
			t.Errorf("app-level scopes (-want +got):\n%s", diff)
		}
	})
	// A library reports what each exported entry point needs.
	t.Run("entries", func(t *testing.T) {
		got := map[string][]string{}
		for _, e := range byPkg["app/slackx"].Entries {
			got[e.Func] = e.Minimum[catalog.Bot].Names()
		}
		want := map[string][]string{
			"(*slackx.Notifier).Announce":    {"chat:write", "reactions:write"},
			"(*slackx.Notifier).Done":        {"chat:write", "reactions:write"},
			"(*slackx.Notifier).Whisper":     {"chat:write"},
			"(*slackx.Notifier).AskApproval": {},
			"(*slackx.Notifier).AttachLog":   {"files:write"},
			"(*slackx.Notifier).Requester":   {"users:read"},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("entries (-want +got):\n%s", diff)
		}
		if e := byPkg["app"].Entries; len(e) != 0 {
			t.Errorf("a command has entries: %+v", e)
		}
	})
	// Reflection: a constant name is the method it names; any other is unresolved.
	t.Run("reflection", func(t *testing.T) {
		named := byPkg["reflection/named"]
		if diff := cmp.Diff([]string{"chat:write", "reactions:write"}, named.Minimum[catalog.Bot].Names()); diff != "" {
			t.Errorf("reflection/named bot scopes (-want +got):\n%s", diff)
		}
		if un := named.Unresolved; len(un) != 1 || !strings.Contains(un[0].Why, "chat:write.customize is needed if username") {
			t.Errorf("reflection/named unresolved = %+v, want the options of the reflective PostMessage", un)
		}
		if un := byPkg["reflection/dynamic"].Unresolved; len(un) != 1 || !strings.Contains(un[0].Why, "chosen at run time by reflection") {
			t.Errorf("reflection/dynamic unresolved = %+v, want the MethodByName call", un)
		}
	})
	// Code that calls no Slack API gets no diagnostic and no fact.
	t.Run("quiet", func(t *testing.T) {
		if res := byPkg["quiet"]; res == nil || len(res.Uses)+len(res.Program) != 0 {
			t.Errorf("quiet has uses: %+v", res)
		}
	})
}

// The fixes of a request written in Go replace the deprecated or misspelt scope in place
// (oauth/main.go.golden).
func TestCodeRequestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, pinned, analyzer.Analyzer, "./oauth")
}

// -manifest-sum keys go vet's cache to the manifest; a stale sum is reported, not trusted.
func TestManifestSum(t *testing.T) {
	content, err := os.ReadFile(filepath.Join(pinned, "combination", "manifest.yml"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(content)
	for _, tc := range []struct {
		sum   string
		stale bool
	}{{hex.EncodeToString(sum[:8]), false}, {"0123456789abcdef", true}} {
		a := analyzer.New(&analyzer.Config{Token: "bot", ManifestSum: tc.sum})
		results := analysistest.Run(nopT{}, pinned, a, "./combination")
		stale := false
		for _, d := range results[0].Diagnostics {
			stale = stale || strings.Contains(d.Message, "the manifest changed since -manifest-sum="+tc.sum)
		}
		if stale != tc.stale {
			t.Errorf("-manifest-sum=%s: reported stale = %v, want %v", tc.sum, stale, tc.stale)
		}
	}
}

// What New's doc says: two analyzers from New cannot share one run (they declare the
// same fact types), and each runs on its own (TestManifestSum runs two in turn).
func TestNewTwoInOneRun(t *testing.T) {
	a, b := analyzer.New(&analyzer.Config{Token: "bot"}), analyzer.New(&analyzer.Config{Token: "user"})
	if err := analysis.Validate([]*analysis.Analyzer{a, b}); err == nil {
		t.Error("analysis.Validate accepted two slackscope analyzers in one run; New's doc says it refuses them")
	}
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Errorf("one analyzer: %v", err)
	}
}

// nopT drops analysistest's complaints, for tests that check results themselves.
type nopT struct{}

func (nopT) Errorf(string, ...any) {}

// Code is checked against the slack-go version it builds with: v0.16.0's UploadFile still
// calls files.upload, which Slack retired.
// A module's scope policy (testdata/policy/.slackscope.yml): a forbidden scope at the
// manifest line and at the call that needs it, an unjustified one at its line, a
// justified one (channels:history, which meets the history call's choice) not at all.
func TestPolicy(t *testing.T) {
	runIn(t, filepath.Join("..", "testdata", "policy"), analyzer.Analyzer, ".")
}

func TestOldRelease(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "testdata", "analyzer", "slackscope", "v0.16.0"), analyzer.Analyzer, "./...")
}
