package bindings

import (
	"go/types"
	"strings"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/derive"
)

// catalogSummary is the summary of a client's function from the bindings the catalog
// holds (derived from the slack-go release slackscope pins), for a call whose package's
// facts the pass cannot see; nil for other functions. It has the Web API methods and the
// arguments, not the other URLs.
func catalogSummary(fn *types.Func) *derive.Summary {
	b, ok := catalog.LookupBinding(fn.FullName())
	if !ok || len(b.Methods) == 0 {
		return nil
	}
	s := new(derive.Summary)
	for _, m := range b.Methods {
		s.Requests = append(s.Requests, derive.Request{URL: derive.Value{{Kind: derive.Lit, Text: "https://" + derive.APIBase + m}}, Via: b.Options})
	}
	params := fn.Signature().Params()
	for _, a := range b.Args {
		path := strings.Split(a.From, ".")
		for i := range params.Len() {
			if params.At(i).Name() == path[0] {
				s.Args = append(s.Args, derive.Arg{Name: a.Name, Index: i, Param: path[0], Path: path[1:]})
				break
			}
		}
	}
	return s
}
