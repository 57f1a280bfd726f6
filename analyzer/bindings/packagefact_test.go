package bindings

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slackscope/slackscope/analyzer/derive"
)

const clientSrc = `package slack

type Client struct{}

func New(token string) *Client { return nil }
func (c *Client) PostMessage(channel string) error { return nil }
func (c Client) Token() string { return "" }
func (c *Client) post(method string) error { return nil }
func helper() {}
`

// clientFuncs type-checks clientSrc and gives each of its functions a summary that names
// it, so that a lookup that finds the wrong summary shows.
func clientFuncs(t *testing.T) (*types.Package, map[string]*types.Func, map[*types.Func]*derive.Summary) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "slack.go", clientSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("github.com/slack-go/slack", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*types.Func{}
	sums := map[*types.Func]*derive.Summary{}
	for _, obj := range info.Defs {
		if fn, ok := obj.(*types.Func); ok {
			byName[funcKey(fn)] = fn
			sums[fn] = &derive.Summary{
				Requests: []derive.Request{{URL: derive.Value{{Kind: derive.Lit, Text: "https://slack.com/api/" + funcKey(fn)}, {Kind: derive.Param, Text: "method", Index: 1, Caller: "x"}}, Via: "v"}},
				Args:     []derive.Arg{{Name: "channel", Param: "channel", Path: []string{"ID"}}},
				Option:   &derive.Option{Field: "f", URLs: []derive.Value{{{Kind: derive.Unknown, Why: "a field"}}}, Args: []string{"ts"}},
				Results:  []derive.Result{{Index: 1, Values: []derive.Value{{{Kind: derive.Via, Text: "t"}}}}},
			}
		}
	}
	return pkg, byName, sums
}

// The fact answers the same before and after the gob round trip go vet's facts files
// make: the summaries of exported functions and methods, nothing for unexported ones.
func TestPackageFactRoundTrip(t *testing.T) {
	_, funcs, sums := clientFuncs(t)
	in := &PackageFact{}
	in.setFuncs(sums)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(PackageFact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if out.Main || len(out.funcs) != 0 || len(out.encoded) != 3 {
		t.Fatalf("decoded fact: Main %v, %d in memory, %d encoded; want false, 0, 3", out.Main, len(out.funcs), len(out.encoded))
	}
	for key, fn := range funcs {
		var want *derive.Summary
		if fn.Exported() {
			want = sums[fn]
		}
		if diff := cmp.Diff(want, in.lookup(fn)); diff != "" {
			t.Errorf("%s before encoding (-want +got):\n%s", key, diff)
		}
		if diff := cmp.Diff(want, out.lookup(fn)); diff != "" {
			t.Errorf("%s after the round trip (-want +got):\n%s", key, diff)
		}
	}
	// A decoded fact encodes again to the same bytes (a package re-exports nothing, but
	// the encoding must not depend on which form the fact is in).
	again, err := out.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := in.GobEncode()
	if !bytes.Equal(first, again) {
		t.Error("re-encoding a decoded fact changed its bytes")
	}
	main, _ := (&PackageFact{Main: true}).GobEncode()
	var m PackageFact
	if err := m.GobDecode(main); err != nil || !m.Main {
		t.Errorf("Main fact: decoded %+v, %v", m, err)
	}
}

func TestPackageFactMalformed(t *testing.T) {
	_, _, sums := clientFuncs(t)
	in := &PackageFact{}
	in.setFuncs(sums)
	good, err := in.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":       nil,
		"bad flags":   append([]byte{7}, good[1:]...),
		"truncated":   good[:len(good)-3],
		"trailing":    append(append([]byte{}, good...), 0),
		"huge length": {0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f},
	} {
		if err := new(PackageFact).GobDecode(data); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}
