package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseScopes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ,, ", nil},
		{"chat:write", []string{"chat:write"}},
		{"chat:write users:read", []string{"chat:write", "users:read"}},
		{"chat:write,users:read", []string{"chat:write", "users:read"}},
		{"chat:write, users:read ,\n\tim:history", []string{"chat:write", "users:read", "im:history"}},
		{"team%3Aread+users%3Aread", []string{"team:read", "users:read"}},
		{"chat%3Awrite%2Cusers%3Aread", []string{"chat:write", "users:read"}},
		{"chat:write,chat:write,,users:read,chat:write", []string{"chat:write", "users:read"}},
		{`["chat:write", "users:read"]`, []string{"chat:write", "users:read"}},
		{"[chat:write, 'users:read.email']", []string{"chat:write", "users:read.email"}},
		{"Chat:Write", []string{"Chat:Write"}}, // kept as written; Validate suggests chat:write
	}
	for _, tt := range tests {
		got, err := ParseScopes(tt.in)
		if err != nil {
			t.Errorf("ParseScopes(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseScopes(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseScopesErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chat:write users%3", `offset 16: invalid %-escape in "users%3"`},
		{"chat:write users%zzread", `offset 16: invalid %-escape in "users%zzread"`},
		{"chat:write;users:read", `offset 10: character ';' cannot appear in a scope name (in "chat:write;users:read")`},
		{"chat:write \xff", "offset 11: invalid UTF-8 byte 0xff"},
		{"chat%3Bwrite", `offset 0: character ';' cannot appear in a scope name (in "chat;write")`},
	}
	for _, tt := range tests {
		got, err := ParseScopes(tt.in)
		if err == nil {
			t.Errorf("ParseScopes(%q) = %v, want error %q", tt.in, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseScopes(%q) error = %q, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseScopesLargeInput(t *testing.T) {
	in := strings.Repeat("chat:write,users:read ", 1<<20/22)
	got, err := ParseScopes(in)
	if err != nil || len(got) != 2 {
		t.Fatalf("ParseScopes(1 MB) = %d scopes, %v; want 2, nil", len(got), err)
	}
}
