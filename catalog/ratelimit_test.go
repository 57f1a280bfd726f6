package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRateLimits checks the rate limits of a few methods: a tier, the one special
// limit, and a method newer than the reference, which no source read states.
func TestRateLimits(t *testing.T) {
	tests := []struct {
		method string
		want   RateLimit // Source left out
		text   string
	}{
		{"chat.postMessage", RateLimit{Tier: Tier5}, "Tier 5"},
		{"conversations.history", RateLimit{Tier: Tier3}, "Tier 3"},
		{"rtm.connect", RateLimit{Tier: Tier1}, "Tier 1"},
		{"admin.analytics.messages.metadata", RateLimit{Tier: SpecialRate, Limit: "1200 requests per minute with a burst allowance of 2000."}, "1200 requests per minute with a burst allowance of 2000."},
		{"agents.conversations.create", RateLimit{}, "unknown (no source says)"},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			m, ok := LookupMethod(tt.method)
			if !ok {
				t.Fatalf("LookupMethod(%q) not found", tt.method)
			}
			got := m.RateLimit
			if got.Tier != NoRateTier && got.Source == "" {
				t.Errorf("%s: rate limit without a source", tt.method)
			}
			got.Source = ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s rate limit (-want +got):\n%s", tt.method, diff)
			}
			if s := m.RateLimit.String(); s != tt.text {
				t.Errorf("%s: String() = %q, want %q", tt.method, s, tt.text)
			}
		})
	}
}

// TestRateLimitsMatchReference checks every method of Slack's method JSON: the catalog
// has its rate_limits, a tier as tN, anything else as a special limit in Slack's words.
func TestRateLimitsMatchReference(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(referenceDir(t), "raw", "docs_slack_dev_methods.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string]struct {
		RateLimits string `json:"rate_limits"`
	}
	if err := json.Unmarshal(data, &pages); err != nil {
		t.Fatal(err)
	}
	tier := regexp.MustCompile(`^t[1-5]$`)
	want, got := map[string]string{}, map[string]string{}
	for name, p := range pages {
		switch {
		case p.RateLimits == "":
			want[name] = ""
		case tier.MatchString(p.RateLimits):
			want[name] = p.RateLimits
		default:
			want[name] = "special: " + p.RateLimits
		}
		m, ok := LookupMethod(name)
		if !ok {
			t.Errorf("method %s of the method JSON is not in the catalog", name)
			continue
		}
		switch m.RateLimit.Tier {
		case NoRateTier:
			got[name] = ""
		case SpecialRate:
			got[name] = "special: " + m.RateLimit.Limit
		default:
			got[name] = m.RateLimit.Tier.String()
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rate limits (-method JSON +catalog):\n%s", diff)
	}
}
