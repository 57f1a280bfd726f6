package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A renamed function is found however lookup's users write its old name; a name of the
// pinned release, or no name, is not renamed.
func TestLookupRenamed(t *testing.T) {
	v2 := Renamed{
		From:   "(*" + slackGo + ".Client).UploadFileV2",
		To:     "(*" + slackGo + ".Client).UploadFile",
		In:     "v0.18.0-rc2",
		Source: "https://github.com/slack-go/slack/blob/v0.35.0/CHANGELOG.md, section [0.18.0-rc2] - 2026-01-28, Changed, #1481",
	}
	v2Context := v2
	v2Context.From, v2Context.To = v2.From+"Context", v2.To+"Context"
	for _, tt := range []struct {
		name string
		want Renamed
		ok   bool
	}{
		{"(*" + slackGo + ".Client).UploadFileV2", v2, true},
		{"(*slack.Client).UploadFileV2", v2, true},
		{"Client.UploadFileV2", v2, true},
		{"UploadFileV2", v2, true},
		{"uploadfilev2", v2, true},
		{"(*slack.Client).UploadFileV2Context", v2Context, true},
		{"UPLOADFILEV2CONTEXT", v2Context, true},
		{"UploadFile", Renamed{}, false},
		{"(*socketmode.Client).UploadFileV2", Renamed{}, false},
		{"UploadFileV3", Renamed{}, false},
		{"", Renamed{}, false},
		{".", Renamed{}, false},
	} {
		got, ok := LookupRenamed(tt.name)
		if ok != tt.ok {
			t.Errorf("LookupRenamed(%q) found = %v, want %v", tt.name, ok, tt.ok)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("LookupRenamed(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
}

// Every renamed function became a function of the pinned release and is no longer one,
// and the table is sorted for find.
func TestRenamedTable(t *testing.T) {
	for i, r := range renamed {
		if _, ok := LookupBinding(r.To); !ok {
			t.Errorf("%s became %s, which has no binding", r.From, r.To)
		}
		if _, ok := LookupBinding(r.From); ok {
			t.Errorf("%s was renamed but still has a binding", r.From)
		}
		if i > 0 && renamed[i-1].From >= r.From {
			t.Errorf("renamed is not sorted by From: %s after %s", r.From, renamed[i-1].From)
		}
	}
}
