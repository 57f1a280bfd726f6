package bindings_test

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/slackscope/slackscope/internal/bindings"
	"github.com/slackscope/slackscope/internal/derive"
)

// The fixtures are modules that build with real slack-go releases: the facts on their
// functions come from the derivation run on slack-go itself as a dependency.
func TestFactsOnPinnedRelease(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "analyzer", "bindings", "pinned"), bindings.Analyzer, "./...")
}

func TestFactsOnOldRelease(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "analyzer", "bindings", "v0.16.0"), bindings.Analyzer, "./...")
}

// Facts cross process boundaries under go vet (and Bazel's nogo) gob-encoded.
func TestFactIsGobEncodable(t *testing.T) {
	in := &bindings.Fact{Summary: derive.Summary{
		Requests: []derive.Request{{URL: derive.Value{{Kind: derive.Lit, Text: "https://slack.com/api/chat."}, {Kind: derive.Param, Text: "method", Index: 1}}, Via: "x.sendConfig.endpoint"}},
		Args:     []derive.Arg{{Name: "types", Index: 0, Param: "params", Path: []string{"Types"}}},
		Option:   &derive.Option{Field: "x.sendConfig.endpoint", Args: []string{"ts"}},
		Results:  []derive.ReturnValues{{Index: 1, Values: []derive.Value{{{Kind: derive.Unknown, Why: "a field"}}}}},
	}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(bindings.Fact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("gob round trip (-in +out):\n%s", diff)
	}
}
