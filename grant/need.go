package grant

import "slices"

// The token types a [Token] can be of, as slackscope names them.
const (
	Bot      = "bot"       // a bot token (xoxb-)
	User     = "user"      // a user token (xoxp-)
	AppLevel = "app_level" // an app-level token (xapp-)
)

// Need is what a program needs of Slack, per token type, as slackscope computes it from
// the code. It lists each token type the program makes calls with.
type Need struct {
	// Program is the package path of the main package, for messages.
	Program string
	// Tokens are the program's needs per token type, one entry a type.
	Tokens []Token
}

// Token is what a program needs of one type of token.
type Token struct {
	// Type is "bot", "user" or "app_level".
	Type string
	// Scopes are the scopes the token must hold, each of them.
	Scopes []Scope
	// Choices are needs that any one of several scopes meets.
	Choices []Choice
}

// Scope is one scope a program needs and what in the program needs it.
type Scope struct {
	// Name is the scope: "chat:write".
	Name string
	// Needs are what needs it: Web API methods ("chat.postMessage") and events
	// ("app_mention").
	Needs []string
	// Sites are where in the program: "cmd/bot/main.go:27:5".
	Sites []string
}

// Choice is a need that any one of several scopes meets: conversations.history, say, needs
// channels:history for public channels and groups:history for private ones, and only the
// app's author knows which conversations it reads.
type Choice struct {
	// AnyOf are the scopes, any one of which meets the need.
	AnyOf []string
	// Needs are what needs one of them (methods and events).
	Needs []string
	// Sites are where in the program.
	Sites []string
}

// token is the need of type typ.
func (n Need) token(typ string) (Token, bool) {
	for _, t := range n.Tokens {
		if t.Type == typ {
			return t, true
		}
	}
	return Token{}, false
}

// types are the token types the need lists.
func (n Need) types() []string {
	out := make([]string, 0, len(n.Tokens))
	for _, t := range n.Tokens {
		out = append(out, t.Type)
	}
	return out
}

// names are the scopes the need of type typ has: its scopes, then its choices'.
func (n Need) names(typ string) []string {
	t, _ := n.token(typ)
	var out []string
	for _, s := range t.Scopes {
		out = append(out, s.Name)
	}
	for _, c := range t.Choices {
		out = append(out, c.AnyOf...)
	}
	return out
}

// typeOf is the one token type whose need has any of scopes; "" when none or several do.
func (n Need) typeOf(scopes []string) string {
	found := ""
	for _, t := range n.Tokens {
		if !overlaps(n.names(t.Type), scopes) {
			continue
		}
		if found != "" {
			return ""
		}
		found = t.Type
	}
	return found
}

// explain narrows m, a scope or choice of scopes the token of type typ lacks, to what the
// need of that type asks for, and adds what needs it and where.
func (n Need) explain(m Missing, typ string) Missing {
	t, ok := n.token(typ)
	if !ok {
		return m
	}
	for _, s := range t.Scopes {
		if slices.Contains(m.Scopes, s.Name) {
			return Missing{Scopes: []string{s.Name}, Needs: union(m.Needs, s.Needs), Sites: s.Sites}
		}
	}
	for _, c := range t.Choices {
		if both := intersect(c.AnyOf, m.Scopes); len(both) > 0 {
			return Missing{Scopes: both, Needs: union(m.Needs, c.Needs), Sites: c.Sites}
		}
	}
	return m
}
