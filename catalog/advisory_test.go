package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAdvisories checks the dated advisories of issue 15 ("New data"): each method's
// dates and sources. assistant_view's replacement by agent_view is no method's: it is
// not among them.
func TestAdvisories(t *testing.T) {
	type adv struct{ Date, Source string }
	const rateLimits = "https://api.slack.com/apis/rate-limits (App types and rate limits)"
	const rtm = "https://api.slack.com/legacy/rtm#notices (crawl 2025-03-27)"
	tests := []struct {
		method string
		want   []adv
	}{
		{"conversations.history", []adv{{"2025-05-29", rateLimits}}},
		{"conversations.replies", []adv{{"2025-05-29", rateLimits}}},
		{"files.upload", []adv{{"2025-11-12", "https://docs.slack.dev/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay"}}},
		{"assistant.threads.setStatus", []adv{{"2026-03-05", "https://docs.slack.dev/changelog/2026/03/05/set-status-scope-update ; https://docs.slack.dev/reference/methods/assistant.threads.setStatus (Usage info)"}}},
		{"rtm.connect", []adv{{"2025-03-27", rtm}}},
		{"rtm.start", []adv{{"2025-03-27", rtm}}},
		{"chat.postMessage", nil},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			m, ok := LookupMethod(tt.method)
			if !ok {
				t.Fatalf("LookupMethod(%q) not found", tt.method)
			}
			var got []adv
			for _, a := range m.Advisories {
				if a.Note == "" {
					t.Errorf("%s: advisory of %s without a note", tt.method, a.Date)
				}
				got = append(got, adv{a.Date, a.Source})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s advisories (-want +got):\n%s", tt.method, diff)
			}
		})
	}
}
