package analyzer

import (
	"testing"

	"github.com/slackscope/slackscope/catalog"
)

// missingFixes reports, as a call of the program would, each clause against a manifest
// and returns the manifest after each finding's fix alone ("" for a finding without one).
func missingFixes(t *testing.T, content string, tt catalog.TokenType, clauses ...catalog.Clause) []string {
	t.Helper()
	req, rep, diags := manifestRequest(t, []byte(content))
	req.reportMissing(rep, req.pos, "a call", clauses, tt)
	rep.finish()
	var out []string
	for _, d := range *diags {
		if len(d.SuggestedFixes) == 0 {
			out = append(out, "")
			continue
		}
		got := content
		edits := d.SuggestedFixes[0].TextEdits
		for i := len(edits) - 1; i >= 0; i-- { // same offset: the last first
			e := edits[i]
			got = got[:req.file.Offset(e.Pos)] + string(e.NewText) + got[req.file.Offset(e.End):]
		}
		out = append(out, got)
	}
	return out
}

// A missing scope's fix adds it to its list; a choice of several gets no fix; a scope
// that a deprecated one's fix brings in is that same fix, never a second copy.
func TestMissingScopeFix(t *testing.T) {
	const yml = "oauth_config:\n  scopes:\n    bot:\n      - users:read # the profile\n    user:\n      - search:read\n"
	got := missingFixes(t, yml, catalog.Bot, catalog.Clause{"reactions:write"}, catalog.Clause{"channels:history", "groups:history"})
	want := []string{"oauth_config:\n  scopes:\n    bot:\n      - users:read # the profile\n      - reactions:write\n    user:\n      - search:read\n", ""}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("bot fixes:\n%q\nwant\n%q", got, want)
	}
	got = missingFixes(t, yml, catalog.User, catalog.Clause{"users:read"})
	if want := "oauth_config:\n  scopes:\n    bot:\n      - users:read # the profile\n    user:\n      - search:read\n      - users:read\n"; len(got) != 1 || got[0] != want {
		t.Errorf("user fix: %q\nwant %q", got, want)
	}

	const deprecated = "oauth_config:\n  scopes:\n    bot:\n      - chat:write:bot\n      - users:read\n"
	got = missingFixes(t, deprecated, catalog.Bot, catalog.Clause{"chat:write"})
	if want := "oauth_config:\n  scopes:\n    bot:\n      - chat:write\n      - users:read\n"; len(got) != 1 || got[0] != want {
		t.Errorf("fix of chat:write beside chat:write:bot: %q\nwant %q", got, want)
	}

	const json = `{"oauth_config": {"scopes": {"bot": ["users:read"]}}}`
	got = missingFixes(t, json, catalog.Bot, catalog.Clause{"chat:write"})
	if want := `{"oauth_config": {"scopes": {"bot": ["users:read", "chat:write"]}}}`; len(got) != 1 || got[0] != want {
		t.Errorf("JSON fix: %q\nwant %q", got, want)
	}
}
