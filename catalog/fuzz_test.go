package catalog

import (
	"errors"
	"strings"
	"testing"
)

// ParseScopes never panics; a rejection is a *ParseError whose offset lies in the input;
// what it accepts is made of scope bytes only.
func FuzzParseScopes(f *testing.F) {
	for _, seed := range []string{
		"chat:write users:read", "team%3Aread+users%3Aread", `["chat:write", "users:read"]`,
		"chat:write,,", "chat%3", "chat%zzwrite", "chat:write\xff", "é", strings.Repeat("a", 1000),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		scopes, err := ParseScopes(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("ParseScopes(%q) error %v: not a ParseError with an offset in the input", s, err)
			}
			return
		}
		for _, sc := range scopes {
			if sc == "" {
				t.Fatalf("ParseScopes(%q) gave an empty scope", s)
			}
			for i := 0; i < len(sc); i++ {
				if !isScopeByte(sc[i]) {
					t.Fatalf("ParseScopes(%q) gave %q", s, sc)
				}
			}
		}
	})
}

// A 1 MB scope string and non-UTF-8 bytes: read or refused with an offset, quickly.
func TestParseScopesOddInput(t *testing.T) {
	big := strings.Repeat("chat:write ", 1<<20/11)
	if got, err := ParseScopes(big); err != nil || len(got) != 1 {
		t.Errorf("1 MB of chat:write: %v, %v", len(got), err)
	}
	_, err := ParseScopes("chat:write \xff users:read")
	if err == nil || err.Error() != "offset 11: invalid UTF-8 byte 0xff" {
		t.Errorf("non-UTF-8: %v", err)
	}
}
