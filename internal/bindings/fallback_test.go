package bindings

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slackscope/slackscope/internal/derive"
)

// Where a pass cannot see a client's facts, a method's summary comes from the catalog's
// bindings: its Web API methods, and its arguments by parameter index.
func TestCatalogSummary(t *testing.T) {
	_, funcs, _ := clientFuncs(t)
	want := &derive.Summary{
		Requests: []derive.Request{{URL: derive.Value{{Kind: derive.Lit, Text: "https://slack.com/api/conversations.list"}}}},
		Args: []derive.Arg{
			{Name: "cursor", Index: 1, Param: "params", Path: []string{"Cursor"}},
			{Name: "exclude_archived", Index: 1, Param: "params", Path: []string{"ExcludeArchived"}},
			{Name: "limit", Index: 1, Param: "params", Path: []string{"Limit"}},
			{Name: "team_id", Index: 1, Param: "params", Path: []string{"TeamID"}},
			{Name: "types", Index: 1, Param: "params", Path: []string{"Types"}},
		},
	}
	if diff := cmp.Diff(want, catalogSummary(funcs["(*github.com/slack-go/slack.Client).GetConversations"])); diff != "" {
		t.Errorf("GetConversations (-want +got):\n%s", diff)
	}
	for _, name := range []string{"(*github.com/slack-go/slack.Client).post", "(github.com/slack-go/slack.Client).Token"} {
		if s := catalogSummary(funcs[name]); s != nil {
			t.Errorf("%s: %+v, want nil (no binding)", name, s)
		}
	}
}
