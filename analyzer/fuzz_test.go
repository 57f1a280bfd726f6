package analyzer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// parseAuthorizeURL never panics; the offsets it gives point at the scope's text.
func FuzzParseAuthorizeURL(f *testing.F) {
	for _, seed := range []string{
		"https://slack.com/oauth/v2/authorize?client_id=1&scope=chat:write,commands&user_scope=search:read",
		"https://slack.com/oauth/v2/authorize?user_scope=chat:write:user&scope=commands",
		"https://slack.com/oauth/authorize?scope=team%3Aread+users%3Aread",
		"https://slack.com/openid/connect/authorize?scope=openid%20email%20profile",
		"https://slack.com/oauth/v2/authorize?scope=",
		"https://evil.example/oauth/v2/authorize?scope=chat:write",
		"https://slack.com/oauth/v2/authorize?scope=%zz",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, scopes, ok := parseAuthorizeURL(s)
		if !ok && len(scopes) > 0 {
			t.Fatal("scopes without ok")
		}
		for _, sc := range scopes {
			if sc.name == "" || !utf8.ValidString(sc.name) && sc.offset >= 0 {
				t.Fatalf("bad scope %+v", sc)
			}
			if sc.offset >= 0 && !strings.HasPrefix(s[sc.offset:], sc.name) {
				t.Fatalf("offset %d of %q does not point at it in %q", sc.offset, sc.name, s)
			}
		}
	})
}
