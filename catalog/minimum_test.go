package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestMinimum(t *testing.T) {
	tests := []struct {
		name    string
		token   TokenType
		methods []string
		want    MinimumSet
	}{
		{"one method", Bot, []string{"chat.postMessage"}, MinimumSet{
			Scopes: []ScopeUse{{Scope: "chat:write", Needs: []string{"chat.postMessage"}}},
		}},
		{"shared scope", Bot, []string{"chat.postMessage", "chat.update", "reactions.add"}, MinimumSet{
			Scopes: []ScopeUse{
				{Scope: "chat:write", Needs: []string{"chat.postMessage", "chat.update"}},
				{Scope: "reactions:write", Needs: []string{"reactions.add"}},
			},
		}},
		{"no scope needed", Bot, []string{"auth.test", "views.open", "oauth.v2.access"}, MinimumSet{}},
		{"choice left open", Bot, []string{"conversations.history"}, MinimumSet{
			Choices: []Choice{{AnyOf: []string{"channels:history", "groups:history", "im:history", "mpim:history"}, Needs: []string{"conversations.history"}}},
			Cover:   []string{"channels:history"},
		}},
		{"equal clauses merge into one choice", Bot, []string{"conversations.history", "conversations.replies"}, MinimumSet{
			Choices: []Choice{{AnyOf: []string{"channels:history", "groups:history", "im:history", "mpim:history"}, Needs: []string{"conversations.history", "conversations.replies"}}},
			Cover:   []string{"channels:history"},
		}},
		{"two choices, one scope each", User, []string{"conversations.history", "conversations.info"}, MinimumSet{
			Choices: []Choice{
				{AnyOf: []string{"channels:history", "groups:history", "im:history", "mpim:history"}, Needs: []string{"conversations.history"}},
				{AnyOf: []string{"channels:read", "groups:read", "im:read", "mpim:read"}, Needs: []string{"conversations.info"}},
			},
			Cover: []string{"channels:history", "channels:read"},
		}},
		{"wrong token type", Bot, []string{"search.messages", "chat.postMessage"}, MinimumSet{
			Scopes:      []ScopeUse{{Scope: "chat:write", Needs: []string{"chat.postMessage"}}},
			Unsupported: []Unsupported{{Name: "search.messages", Kind: NotAccepted, Accepted: 1 << User}},
		}},
		{"unknown method and unknown requirement", LegacyBot, []string{"no.such", "chat.postMessage"}, MinimumSet{
			Unsupported: []Unsupported{
				{Name: "chat.postMessage", Kind: Unknown, Accepted: 1<<Bot | 1<<User},
				{Name: "no.such", Kind: Unknown, UnknownMethod: true},
			},
		}},
		{"app-level token", AppLevel, []string{"apps.connections.open"}, MinimumSet{
			Scopes: []ScopeUse{{Scope: "connections:write", Needs: []string{"apps.connections.open"}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.Token = tt.token
			got := Minimum(tt.token, tt.methods...)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Minimum(%v, %v) (-want +got):\n%s", tt.token, tt.methods, diff)
			}
		})
	}
}

// The hitting-set cases use synthetic needs, so that they show the reduction itself.
func TestMinimumOfHittingSet(t *testing.T) {
	req := func(clauses ...Clause) Requirement { return Requirement{Kind: Accepted, Clauses: clauses} }
	tests := []struct {
		name  string
		needs []Need
		want  MinimumSet
	}{
		{"a forced scope settles a choice that lists it", []Need{
			{"a", req(Clause{"channels:history"})},
			{"b", req(Clause{"channels:history", "groups:history"})},
		}, MinimumSet{Scopes: []ScopeUse{{Scope: "channels:history", Needs: []string{"a", "b"}}}}},
		{"a wider choice folds into a narrower one", []Need{
			{"wide", req(Clause{"channels:history", "groups:history", "im:history"})},
			{"narrow", req(Clause{"groups:history", "im:history"})},
		}, MinimumSet{
			Choices: []Choice{{AnyOf: []string{"groups:history", "im:history"}, Needs: []string{"narrow", "wide"}}},
			Cover:   []string{"groups:history"},
		}},
		{"one scope covers overlapping choices", []Need{
			{"x", req(Clause{"channels:history", "groups:history"})},
			{"y", req(Clause{"groups:history", "im:history"})},
			{"z", req(Clause{"groups:history", "mpim:history"})},
		}, MinimumSet{
			Choices: []Choice{
				{AnyOf: []string{"channels:history", "groups:history"}, Needs: []string{"x"}},
				{AnyOf: []string{"groups:history", "im:history"}, Needs: []string{"y"}},
				{AnyOf: []string{"groups:history", "mpim:history"}, Needs: []string{"z"}},
			},
			Cover: []string{"groups:history"},
		}},
		{"disjoint choices need one scope each", []Need{
			{"x", req(Clause{"channels:history", "groups:history"})},
			{"y", req(Clause{"im:read", "mpim:read"})},
		}, MinimumSet{
			Choices: []Choice{
				{AnyOf: []string{"channels:history", "groups:history"}, Needs: []string{"x"}},
				{AnyOf: []string{"im:read", "mpim:read"}, Needs: []string{"y"}},
			},
			Cover: []string{"channels:history", "im:read"},
		}},
		{"dependencies are forced", []Need{
			{"post", req(Clause{"chat:write.public"})},
		}, MinimumSet{Scopes: []ScopeUse{
			{Scope: "chat:write", RequiredBy: []string{"chat:write.public"}},
			{Scope: "chat:write.public", Needs: []string{"post"}},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MinimumOf(Bot, tt.needs)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("MinimumOf (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMinimumEveryMethodMeetsItsRequirements(t *testing.T) {
	for tok := TokenType(0); tok < NumTokenTypes; tok++ {
		var names []string
		for m := range Methods() {
			names = append(names, m.Name)
		}
		set := Minimum(tok, names...)
		granted := map[string]bool{}
		for _, s := range set.Scopes {
			granted[s.Scope] = true
		}
		for _, s := range set.Cover {
			granted[s] = true
		}
		unsupported := map[string]bool{}
		for _, u := range set.Unsupported {
			unsupported[u.Name] = true
		}
		for m := range Methods() {
			if m.Auth != Bearer || unsupported[m.Name] {
				continue
			}
			if !m.Requirement(tok).Satisfied(func(s string) bool { return granted[s] }) {
				t.Errorf("%v: minimum set plus cover does not satisfy %s", tok, m.Name)
			}
		}
	}
}
