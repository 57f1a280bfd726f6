package grant

import (
	"slices"
	"strings"
)

// classicScopes are the scopes of classic (pre-granular) Slack apps: those slackscope's
// catalog (catalog/scopes.yaml) marks classic. A token that holds one is a classic app's.
var classicScopes = []string{
	"bot", "chat:write:bot", "chat:write:user", "client", "files:write:user", "identify",
	"identity:read:user", "post", "read", "rtm:stream", "seamless.user:bot", "seamless.user:user",
}

// appLevelScopes are the scopes only an app-level token holds (catalog/scopes.yaml,
// tokens: [app_level]). A token that holds only these is an app-level token.
var appLevelScopes = []string{"authorizations:read", "connections:write"}

// classicOf are the classic scopes among granted.
func classicOf(granted []string) []string {
	return intersect(granted, classicScopes)
}

// appLevelOnly reports whether granted holds scopes, all of them an app-level token's.
func appLevelOnly(granted []string) bool {
	if len(granted) == 0 {
		return false
	}
	for _, g := range granted {
		if !slices.Contains(appLevelScopes, g) {
			return false
		}
	}
	return true
}

// splitScopes splits a header or error field as Slack writes it, "chat:write,reactions:write",
// into sorted scopes, without empty ones.
func splitScopes(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// overlaps reports whether a and b have a scope in common.
func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(s string) bool { return slices.Contains(b, s) })
}

// intersect are the scopes of a that are in b, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// union is a, then what of b is not in a.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
