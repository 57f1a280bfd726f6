package catalog

import "testing"

func BenchmarkLookupMethod(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := LookupMethod("chat.postMessage"); !ok {
			b.Fatal("not found")
		}
	}
}

func BenchmarkLookupScope(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := LookupScope("chat:write"); !ok {
			b.Fatal("not found")
		}
	}
}

func BenchmarkParseScopes(b *testing.B) {
	const in = "team%3Aread+users%3Aread, chat:write,chat:write.public channels:history im:history"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseScopes(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	req := Request{Bot: []string{"chat:write", "chat:write.public", "channels:history", "users:read", "chat:wirte"}, User: []string{"search:read", "chat:write:user"}}
	b.ReportAllocs()
	for b.Loop() {
		Validate(req)
	}
}

// BenchmarkMinimumAll computes the minimum bot-token set over every method in the catalog.
func BenchmarkMinimumAll(b *testing.B) {
	var names []string
	for m := range Methods() {
		names = append(names, m.Name)
	}
	b.ReportAllocs()
	for b.Loop() {
		Minimum(Bot, names...)
	}
}

func TestLookupsDoNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { LookupMethod("conversations.history") }); n != 0 {
		t.Errorf("LookupMethod allocates %v times a call", n)
	}
	if n := testing.AllocsPerRun(100, func() { LookupScope("channels:history") }); n != 0 {
		t.Errorf("LookupScope allocates %v times a call", n)
	}
}
