package derive

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The standard library is type-checked from source once for all the tests.
var (
	importerOnce sync.Once
	stdImporter  types.Importer
	fset         = token.NewFileSet()
)

// check type-checks src as package p and derives it.
func check(t *testing.T, src string, imported func(*types.Func) *Summary) map[string]*Summary {
	t.Helper()
	pkg, f, info := typecheck(t, src)
	out := map[string]*Summary{}
	for fn, s := range Package(Input{Pkg: pkg, Files: []*ast.File{f}, Info: info, Imported: imported}).Summaries {
		out[fn.Name()] = s
	}
	return out
}

// typecheck type-checks src as package p.
func typecheck(t *testing.T, src string) (*types.Package, *ast.File, *types.Info) {
	t.Helper()
	importerOnce.Do(func() { stdImporter = importer.ForCompiler(fset, "source", nil) })
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: stdImporter}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, f, info
}

// A dependency is derived without its call sites (NoSites): the same summaries, whatever
// order the functions come in, and no sites.
func TestNoSitesSameSummaries(t *testing.T) {
	pkg, f, info := typecheck(t, `package p

import "net/http"

type Client struct{ endpoint string }

func (c *Client) Notify() error { return c.PostMessage("C1") }

func (c *Client) PostMessage(ch string) error { return c.post("chat.postMessage?channel=" + ch) }

func (c *Client) post(path string) error {
	_, err := http.Get(c.endpoint + path)
	return err
}

func New() *Client { return &Client{endpoint: "https://slack.com/api/"} }
`)
	byName := func(d *Derived) map[string]*Summary {
		out := map[string]*Summary{}
		for fn, s := range d.Summaries {
			out[fn.Name()] = s
		}
		return out
	}
	in := Input{Pkg: pkg, Files: []*ast.File{f}, Info: info, Imported: func(*types.Func) *Summary { return nil }}
	full := Package(in)
	in.NoSites = true
	bare := Package(in)
	if diff := cmp.Diff(byName(full), byName(bare)); diff != "" {
		t.Errorf("summaries differ without sites (-with +without):\n%s", diff)
	}
	if got := urls(byName(full)["Notify"]); !slices.Equal(got, []string{"https://slack.com/api/chat.postMessage?channel=C1"}) {
		t.Errorf("Notify reaches %v", got)
	}
	if len(full.Sites) == 0 || len(bare.Sites) != 0 {
		t.Errorf("%d sites with, %d without; want some, none", len(full.Sites), len(bare.Sites))
	}
}

// urls shows a summary's requests the way the tests write them.
func urls(s *Summary) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, r := range s.Requests {
		u := r.URL.String()
		if r.Via != "" {
			u += " via " + r.Via
		}
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

const client = `package p

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

var _, _, _ = fmt.Sprint, url.Values{}, strconv.Itoa

const APIURL = "https://slack.com/api/"

type Client struct{ endpoint string }

func New() *Client { return &Client{endpoint: APIURL} }

// OptionAPIURL overrides the base URL (tests): not an endpoint choice.
func OptionAPIURL(u string) func(*Client) { return func(c *Client) { c.endpoint = u } }

func (c *Client) post(path string) error {
	_, err := http.Post(c.endpoint+path, "application/json", strings.NewReader(""))
	return err
}
`

func TestMethodNamesFlowThroughParameters(t *testing.T) {
	got := check(t, client+`
func (c *Client) GetPermalink() error { return c.post("chat.getPermalink") }

func (c *Client) teamRequest(path string) error { return c.post(path) }

func (c *Client) TeamInfo() error { return c.teamRequest("team.info") }

func (c *Client) Local(archive bool) error {
	method := "conversations.unarchive"
	if archive {
		method = "conversations.archive"
	}
	return c.post(method)
}

func (c *Client) Admin(team, action string) error {
	_, err := http.Get(fmt.Sprintf("https://%s.slack.com/api/users.admin.%s?t=%d", team, action, 1))
	return err
}

func (c *Client) Invite(team string) error { return c.Admin(team, "invite") }
`, nil)
	for fn, want := range map[string][]string{
		"post":         {"https://slack.com/api/{path}"},
		"GetPermalink": {"https://slack.com/api/chat.getPermalink"},
		"TeamInfo":     {"https://slack.com/api/team.info"},
		"Local":        {"https://slack.com/api/conversations.archive", "https://slack.com/api/conversations.unarchive"},
		"Invite":       {"https://{team}.slack.com/api/users.admin.invite?t={?a formatted number}"},
	} {
		if diff := cmp.Diff(want, urls(got[fn])); diff != "" {
			t.Errorf("%s (-want +got):\n%s", fn, diff)
		}
	}
	if m, ok, open := got["Invite"].Requests[0].URL.Method(); !ok || open || m != "users.admin.invite" {
		t.Errorf("Invite's method = %q, %v, %v", m, ok, open)
	}
}

// Options set the endpoint field; the request records it, the option records what it
// selects, and an option passed inside the package replaces the default.
func TestOptionsChooseTheEndpoint(t *testing.T) {
	got := check(t, client+`
type config struct{ endpoint string }

type Option func(*config)

func Update() Option { return func(c *config) { c.endpoint = APIURL + "chat.update" } }

func ResponseURL(responseURL string) Option { return func(c *config) { c.endpoint = responseURL } }

func (c *Client) Send(opts ...Option) error {
	cfg := config{endpoint: c.endpoint + "chat.postMessage"}
	for _, o := range opts {
		o(&cfg)
	}
	_, err := http.Post(cfg.endpoint, "", nil)
	return err
}

func (c *Client) Edit() error { return c.Send(Update()) }
`, nil)
	const via = " via p.config.endpoint"
	for fn, want := range map[string][]string{
		"Send": {"https://slack.com/api/chat.postMessage" + via},
		"Edit": {"https://slack.com/api/chat.update" + via},
	} {
		if diff := cmp.Diff(want, urls(got[fn])); diff != "" {
			t.Errorf("%s (-want +got):\n%s", fn, diff)
		}
	}
	if o := got["Update"].Option; o == nil || o.Field != "p.config.endpoint" || o.URLs[0].String() != "https://slack.com/api/chat.update" {
		t.Errorf("Update's option = %+v", o)
	}
	if o := got["ResponseURL"].Option; o == nil || o.URLs[0].String() != "{responseURL}" {
		t.Errorf("ResponseURL's option = %+v", o)
	}
	if o := got["OptionAPIURL"]; o != nil && o.Option != nil {
		t.Errorf("OptionAPIURL changes the base URL, not the endpoint: %+v", o.Option)
	}
}

// What the derivation cannot follow it says, with the reason, and never panics.
func TestUnresolvedValuesSayWhy(t *testing.T) {
	got := check(t, client+`
var methods = map[string]string{"a": "chat.delete"}

func (c *Client) FromMap(k string) error { return c.post(methods[k]) }

func (c *Client) Dynamic(f func() string) error { return c.post(f()) }

type response struct{ UploadURL string }

func (c *Client) Upload(r *response) error {
	_, err := http.Post(r.UploadURL, "", nil)
	return err
}

func (c *Client) Recursive(n int) error {
	if n == 0 {
		return c.post("api.test")
	}
	return c.Recursive(n - 1)
}
`, nil)
	for fn, want := range map[string][]string{
		"FromMap":   {"https://slack.com/api/{?a value read from a map or slice}"},
		"Dynamic":   {"https://slack.com/api/{?a result of a function value}"},
		"Upload":    {"{?a field the package never sets (filled from a response)}"},
		"Recursive": {"https://slack.com/api/api.test"},
	} {
		if diff := cmp.Diff(want, urls(got[fn])); diff != "" {
			t.Errorf("%s (-want +got):\n%s", fn, diff)
		}
	}
	b := Bindings(map[*types.Func]*Summary{})
	if len(b) != 0 {
		t.Errorf("Bindings of nothing = %v", b)
	}
}

// Arguments are traced to parameters and their fields.
func TestArgumentsComeFromParameters(t *testing.T) {
	got := check(t, client+`
type Params struct{ Types []string; Limit int }

func (c *Client) List(params Params) error {
	values := url.Values{"limit": {strconv.Itoa(params.Limit)}}
	values.Add("types", strings.Join(params.Types, ","))
	_, err := http.PostForm(c.endpoint+"conversations.list", values)
	return err
}

func (c *Client) Public() error { return c.List(Params{Types: []string{"public_channel"}}) }
`, nil)
	var args []string
	for _, a := range got["List"].Args {
		args = append(args, a.Name+"="+a.GoString())
	}
	if diff := cmp.Diff([]string{"limit=params.Limit", "types=params.Types"}, args); diff != "" {
		t.Errorf("List's args (-want +got):\n%s", diff)
	}
}

// Summaries of another package's functions come in through Imported, with their
// parameters replaced by the call's arguments.
func TestImportedSummaries(t *testing.T) {
	got := check(t, `package p

import "strings"

func Wrap() string { return strings.ToUpper("users.info") }
`, func(f *types.Func) *Summary {
		if f.Name() != "ToUpper" {
			return nil
		}
		return &Summary{Requests: []Request{{URL: concat(lit("https://slack.com/api/"), Value{{Kind: Param, Text: "s", Index: 0}})}}}
	})
	if diff := cmp.Diff([]string{"https://slack.com/api/users.info"}, urls(got["Wrap"])); diff != "" {
		t.Errorf("Wrap (-want +got):\n%s", diff)
	}
}

func TestValueMethod(t *testing.T) {
	for _, tc := range []struct {
		v          Value
		name       string
		ok, isOpen bool
	}{
		{lit("https://slack.com/api/chat.postMessage"), "chat.postMessage", true, false},
		{lit("https://slack.com/api/chat.postMessage?x=1"), "chat.postMessage", true, false},
		{concat(lit("https://slack.com/api/"), Value{{Kind: Param, Text: "m"}}), "", true, true},
		{concat(lit("https://slack.com/api/chat."), Value{{Kind: Unknown, Why: "x"}}), "chat.", true, true},
		{lit("https://hooks.example/T/B/x"), "", false, false},
		{Value{{Kind: Param, Text: "url"}}, "", false, false},
	} {
		name, ok, isOpen := tc.v.Method()
		if name != tc.name || ok != tc.ok || isOpen != tc.isOpen {
			t.Errorf("%s.Method() = %q, %v, %v; want %q, %v, %v", tc.v, name, ok, isOpen, tc.name, tc.ok, tc.isOpen)
		}
	}
	if got := subst(concat(lit("a"), Value{{Kind: Param, Index: 0}}), func(int) valueSet { return valueSet{lit("b"), lit("c")} }); len(got) != 2 || got[0].String() != "ab" || got[1].String() != "ac" {
		t.Errorf("subst = %v", got)
	}
	long := Value{}
	for range maxParts + 1 {
		long = concat(long, Value{{Kind: Param, Text: "p"}})
	}
	if len(long) != 1 || long[0].Kind != Unknown || !strings.Contains(long[0].Why, "pieces") {
		t.Errorf("an overlong value = %v, want one Unknown", long)
	}
}

// A failure inside the derivation (here a hook that panics) comes back as Failure, never
// as a panic through the analysis.
func TestFailureDoesNotPanic(t *testing.T) {
	importerOnce.Do(func() { stdImporter = importer.ForCompiler(fset, "source", nil) })
	f, err := parser.ParseFile(fset, "q.go", `package q

type poster interface{ Post(string) }

func Call(p poster) { p.Post("x") }
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{Importer: stdImporter}).Check("q", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	d := Package(Input{Pkg: pkg, Files: []*ast.File{f}, Info: info,
		Implementations: func(*types.Func) []*types.Func { panic("boom") }})
	if d.Failure != "boom" || len(d.Summaries) != 0 {
		t.Errorf("Failure = %q, summaries %v; want boom and none", d.Failure, d.Summaries)
	}
}

// A URL built as a url.URL literal is the string its String method writes.
func TestURLLiterals(t *testing.T) {
	got := check(t, client+`
func Emoji() error {
	u := url.URL{Scheme: "https", Host: "slack.com", Path: "/api/emoji.list"}
	_, err := http.Get(u.String())
	return err
}

func Team(host string) error {
	u := &url.URL{Scheme: "https", Host: host, Path: "api/team.info", RawQuery: "x=1"}
	_, err := http.Post(u.String(), "application/json", strings.NewReader(""))
	return err
}

func Opaque() error {
	u := url.URL{Scheme: "https", Opaque: "slack.com/api/auth.test"}
	_, err := http.Get(u.String())
	return err
}
`, nil)
	for fn, want := range map[string][]string{
		"Emoji":  {"https://slack.com/api/emoji.list"},
		"Team":   {"https://{host}/api/team.info?x=1"},
		"Opaque": {"{?a url.URL literal with Opaque}"},
	} {
		if diff := cmp.Diff(want, urls(got[fn])); diff != "" {
			t.Errorf("%s (-want +got):\n%s", fn, diff)
		}
	}
}

// A fixed point stopped by its bound says so: the summaries it kept are not final.
func TestStepBoundIsAFailure(t *testing.T) {
	defer func(n int) { stepsPerFunc = n }(stepsPerFunc)
	stepsPerFunc = 0
	pkg, f, info := typecheck(t, client+`
func (c *Client) GetPermalink() error { return c.post("chat.getPermalink") }
`)
	d := Package(Input{Pkg: pkg, Files: []*ast.File{f}, Info: info})
	if !strings.Contains(d.Failure, "did not settle") {
		t.Errorf("Failure = %q, want the bound reached", d.Failure)
	}
}
