package model

import (
	"errors"
	"go/scanner"
	"strings"
	"testing"
	"testing/fstest"
)

const fuzzScopes = `scopes:
  - name: chat:write
    tokens: [bot, user]
    source: https://api.slack.com/scopes/chat:write
`

// Load never panics on a methods file, whatever it holds; a rejection is a
// scanner.ErrorList whose every error names a file of the catalog.
func FuzzLoadMethods(f *testing.F) {
	for _, seed := range []string{
		"methods:\n  - name: chat.postMessage\n    status: current\n    tokens:\n      bot: [chat:write]\n    source: x\n",
		"methods:\n  - name: chat.postMessage\n    tokens: {bot: [chat:wirte]}\n",
		"methods: [1, 2]\n",
		"methods:\n  - {name: a.b, status: retired, source: x}\n",
		"methods:\n  - name: a.b\n    arguments: [{name: types, values: {x: chat:write}, default: [y]}]\n",
		": : :\n",
		"\xff",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, methods string) {
		fsys := fstest.MapFS{
			"scopes.yaml":    {Data: []byte(fuzzScopes)},
			"methods/x.yaml": {Data: []byte(methods)},
		}
		_, err := Load(fsys, "cat")
		if err == nil {
			return
		}
		var list scanner.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("error %T %v is not a scanner.ErrorList", err, err)
		}
		for _, e := range list {
			if !strings.HasPrefix(e.Pos.Filename, "cat") {
				t.Fatalf("error %q does not name its file", e)
			}
		}
	})
}
