package editdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"chat:write", "chat:write", 0}, {"chat:wirte", "chat:write", 2},
		{"chat.write", "chat:write", 1}, {"", "abc", 3}, {"users:read", "users:read.email", 6},
	} {
		if got := Levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
