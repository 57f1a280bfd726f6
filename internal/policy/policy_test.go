package policy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	p, err := Parse(".slackscope.yml", []byte("never:\n  - admin.*\n  - client\njustify: [users:read.email, \"*:history\"]\njustifications:\n  channels:history: |\n    Reads the standup channel.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Policy{
		Path:           ".slackscope.yml",
		Never:          []Rule{{"admin.*", 2, 5}, {"client", 3, 5}},
		Justify:        []Rule{{"users:read.email", 4, 11}, {"*:history", 4, 29}},
		Justifications: map[string]Justification{"channels:history": {"Reads the standup channel.", 6, 3}},
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		scope            string
		forbid, unjustif string // the rule's pattern, or ""
	}{
		{"admin.conversations:write", "admin.*", ""},
		{"admin", "", ""},
		{"client", "client", ""},
		{"users:read.email", "", "users:read.email"},
		{"im:history", "", "*:history"},
		{"channels:history", "", ""}, // justified
		{"chat:write", "", ""},
	} {
		r, ok := p.Forbids(tc.scope)
		if got := r.Pattern; ok != (tc.forbid != "") || got != tc.forbid {
			t.Errorf("Forbids(%s) = %q, %v; want %q", tc.scope, got, ok, tc.forbid)
		}
		r, ok = p.Unjustified(tc.scope)
		if got := r.Pattern; ok != (tc.unjustif != "") || got != tc.unjustif {
			t.Errorf("Unjustified(%s) = %q, %v; want %q", tc.scope, got, ok, tc.unjustif)
		}
	}
	if got := p.Scopes(); !cmp.Equal(got, []string{"channels:history"}) {
		t.Errorf("Scopes() = %v", got)
	}
}

// Mistakes are errors with the position and what was expected; an empty file is an
// empty policy.
func TestParseErrors(t *testing.T) {
	for content, want := range map[string]string{
		"nevr: [client]\n":                  `p.yml:1:1: unknown key "nevr" (expected never, justify or justifications)`,
		"never: client\n":                   "p.yml:1:8: expected a list of scopes",
		"never: [\"[\"]\n":                  `p.yml:1:9: bad pattern "[": syntax error in pattern`,
		"justifications:\n  users:read: \n": "p.yml:2:14: expected the text that says why the app needs users:read",
		"- client\n":                        "p.yml:1:1: expected a mapping (never, justify, justifications)",
	} {
		_, err := Parse("p.yml", []byte(content))
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) = %v, want %s", content, err, want)
		}
	}
	if p, err := Parse("p.yml", nil); err != nil || len(p.Never)+len(p.Justify) != 0 {
		t.Errorf("Parse(empty) = %+v, %v", p, err)
	}
}
