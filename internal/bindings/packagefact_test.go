package bindings

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/internal/derive"
)

const clientSrc = `package slack

type Client struct{}

type GetConversationsParameters struct{ Cursor, TeamID string; Types []string; Limit int; ExcludeArchived bool }

func (c *Client) GetConversations(x int, params *GetConversationsParameters) error { return nil }

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
			name := fn.FullName()
			byName[name] = fn
			sums[fn] = &derive.Summary{
				Requests: []derive.Request{{URL: derive.Value{{Kind: derive.Lit, Text: "https://slack.com/api/" + name}, {Kind: derive.Param, Text: "method", Index: 1, Caller: "x"}}, Via: "v"}},
				Args:     []derive.Arg{{Name: "channel", Param: "channel", Path: []string{"ID"}}},
				Option:   &derive.Option{Field: "f", URLs: []derive.Value{{{Kind: derive.Unknown, Why: "a field"}}}, Args: []string{"ts"}},
				Results:  []derive.ReturnValues{{Index: 1, Values: []derive.Value{{{Kind: derive.Via, Text: "t"}}}}},
			}
		}
	}
	return pkg, byName, sums
}

// roundTrip gob-encodes and decodes a fact, as go vet's facts files do.
func roundTrip[F any, PF interface {
	*F
	analysis.Fact
}](t *testing.T, in PF) PF {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := PF(new(F))
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// A dependency's exported functions and methods go in its package fact, unexported ones
// nowhere; the fact answers the same before and after the gob round trip go vet's facts
// files make.
func TestPackageFactRoundTrip(t *testing.T) {
	_, funcs, sums := clientFuncs(t)
	in := &PackageFact{}
	in.setFuncs(sums)
	out := roundTrip(t, in)
	if out.Main || len(out.table.funcs) != 0 || len(out.table.encoded) != 4 {
		t.Fatalf("decoded fact: Main %v, %d in memory, %d encoded; want false, 0, 4", out.Main, len(out.table.funcs), len(out.table.encoded))
	}
	for name, fn := range funcs {
		var want *derive.Summary
		if fn.Exported() {
			want = sums[fn]
		}
		if diff := cmp.Diff(want, in.table.lookup(funcKey(fn))); diff != "" {
			t.Errorf("%s before encoding (-want +got):\n%s", name, diff)
		}
		if diff := cmp.Diff(want, out.table.lookup(funcKey(fn))); diff != "" {
			t.Errorf("%s after the round trip (-want +got):\n%s", name, diff)
		}
	}
	// A decoded fact encodes to the same bytes, whichever form it is in.
	first, _ := in.GobEncode()
	again, err := out.GobEncode()
	if err != nil || !bytes.Equal(first, again) {
		t.Errorf("re-encoding a decoded fact changed its bytes (%v)", err)
	}
	if m := roundTrip(t, &PackageFact{Main: true}); !m.Main {
		t.Error("Main lost in the round trip")
	}
}

func TestFactEncodingMalformed(t *testing.T) {
	_, _, sums := clientFuncs(t)
	var tab summaryTable
	for fn, s := range sums {
		tab.add(fn.FullName(), s)
	}
	tab.sort()
	good, err := tab.encode(0)
	if err != nil {
		t.Fatal(err)
	}
	unsorted := summaryTable{funcs: []keyedSummary{{"b", sums[nil]}, {"a", nil}}}
	bad, _ := unsorted.encode(0)
	for name, data := range map[string][]byte{
		"empty":       nil,
		"bad flags":   append([]byte{7}, good[1:]...),
		"truncated":   good[:len(good)-3],
		"trailing":    append(append([]byte{}, good...), 0),
		"huge length": {0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"unsorted":    bad,
	} {
		if err := new(PackageFact).GobDecode(data); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

// A summary whose body does not decode is a request nobody can read, with the reason:
// its callers are unresolved, never functions that reach nothing.
func TestUndecodableSummaryIsUnknown(t *testing.T) {
	tab := summaryTable{encoded: []encodedEntry{{key: "p.F", body: "{not json"}}}
	s := tab.lookup("p.F")
	if s == nil || len(s.Requests) != 1 || len(s.Requests[0].URL) != 1 || s.Requests[0].URL[0].Kind != derive.Unknown ||
		!strings.Contains(s.Requests[0].URL[0].Why, "could not be decoded") {
		t.Fatalf("lookup of an undecodable body = %+v, want one request of an Unknown URL saying why", s)
	}
}
