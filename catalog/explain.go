package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Response is what Slack sent back when a call failed for want of a scope: the JSON body
// (error, needed, provided) and the x-oauth-scopes / x-accepted-oauth-scopes headers.
type Response struct {
	Method   string   // the method called, when the text names it (…/api/chat.postMessage)
	Error    string   // "missing_scope", "not_allowed_token_type", ...
	Needed   []string // the body's needed: any one of these would do
	Provided []string // the body's provided: the token's scopes
	Granted  []string // x-oauth-scopes: the token's scopes
	Accepted []string // x-accepted-oauth-scopes: the scopes the method checks for
}

var (
	headerLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?im)^\s*(x-oauth-scopes|x-accepted-oauth-scopes)\s*:\s*(.*)$`)
	})
	apiURL = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`/api/([a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)`)
	})
)

// ParseResponse reads a Slack error response as people paste it: the JSON body alone, the
// two headers alone ("x-oauth-scopes: chat:write" lines), or an HTTP dump with both.
func ParseResponse(text string) (Response, error) {
	var r Response
	for _, m := range headerLine().FindAllStringSubmatch(text, -1) {
		list, err := ParseScopes(strings.TrimSpace(m[2]))
		if err != nil {
			return r, fmt.Errorf("%s header: %v", strings.ToLower(m[1]), err)
		}
		if strings.EqualFold(m[1], "x-oauth-scopes") {
			r.Granted = list
		} else {
			r.Accepted = list
		}
	}
	if m := apiURL().FindStringSubmatch(text); m != nil {
		r.Method = m[1]
	}
	if i := strings.Index(text, "{"); i >= 0 {
		j := strings.LastIndex(text, "}")
		if j < i {
			j = len(text) - 1 // a truncated body: let the JSON decoder say so
		}
		var body struct {
			OK       *bool  `json:"ok"`
			Error    string `json:"error"`
			Needed   string `json:"needed"`
			Provided string `json:"provided"`
		}
		if err := json.Unmarshal([]byte(text[i:j+1]), &body); err != nil {
			return r, fmt.Errorf("response body is not JSON: %v", err)
		}
		r.Error = body.Error
		var err error
		if r.Needed, err = ParseScopes(body.Needed); err != nil {
			return r, fmt.Errorf("needed: %v", err)
		}
		if r.Provided, err = ParseScopes(body.Provided); err != nil {
			return r, fmt.Errorf("provided: %v", err)
		}
	}
	if r.Error == "" && r.Granted == nil && r.Accepted == nil {
		return r, errors.New("no Slack error response found: expected a JSON body with \"error\" or x-oauth-scopes / x-accepted-oauth-scopes headers")
	}
	return r, nil
}

// Explanation says what to request so that a failed call succeeds.
type Explanation struct {
	Response Response
	// Token is the token type the provided scopes point to; TokenKnown is false when they
	// do not tell (Add then fits both bot and user lists where the scope allows).
	Token      TokenType
	TokenKnown bool
	// Missing are the scopes the call checks for that the token lacks.
	Missing []string
	// Add is what to request, in granular terms (chat:write for a needed chat:write:bot).
	// With AnyOf, any one of them is enough.
	Add   []string
	AnyOf bool
	// Lines explain the answer in words, one finding a line.
	Lines []string
}

// Explain reads a Slack error response (see ParseResponse) and says which scope to add.
func Explain(text string) (Explanation, error) {
	r, err := ParseResponse(text)
	if err != nil {
		return Explanation{}, err
	}
	return ExplainResponse(r), nil
}

// ExplainResponse is Explain on an already parsed response.
func ExplainResponse(r Response) Explanation {
	e := Explanation{Response: r}
	have := map[string]bool{}
	for _, s := range r.Provided {
		have[s] = true
	}
	for _, s := range r.Granted {
		have[s] = true
	}
	e.Token, e.TokenKnown = guessToken(r.Provided, r.Granted)
	needed := r.Needed
	if len(needed) == 0 {
		needed = r.Accepted
	}
	for _, s := range needed {
		if !have[s] {
			e.Missing = append(e.Missing, s)
		}
	}
	if r.Error == "not_allowed_token_type" {
		msg := "the method does not accept this kind of token"
		if m, ok := LookupMethod(r.Method); ok {
			msg = fmt.Sprintf("%s does not accept this kind of token; it works with %s tokens", m.Name, m.AcceptedTokens())
		}
		e.Lines = append(e.Lines, msg)
	}
	seen := map[string]bool{}
	for _, s := range e.Missing {
		sc, ok := LookupScope(s)
		switch {
		case !ok:
			e.Lines = append(e.Lines, fmt.Sprintf("Slack asked for %s, which the catalog does not know", s))
			addOnce(&e.Add, seen, s)
		case !sc.Requestable:
			e.Lines = append(e.Lines, fmt.Sprintf("%s cannot be requested: %s", s, sc.Note))
		case (sc.Classic || sc.Status != Current) && len(sc.Deprecation.Replacements) > 0:
			e.Lines = append(e.Lines, fmt.Sprintf("%s is %s; its granular replacement is %s", s, classicOr(sc), strings.Join(sc.Deprecation.Replacements, " and ")))
			for _, rep := range sc.Deprecation.Replacements {
				if !have[rep] {
					addOnce(&e.Add, seen, rep)
				}
			}
		default:
			addOnce(&e.Add, seen, s)
		}
	}
	e.AnyOf = len(e.Add) > 1
	switch {
	case len(e.Add) == 1:
		e.Lines = append(e.Lines, fmt.Sprintf("add %s to the %s scopes", e.Add[0], listFor(e, e.Add[0])))
	case len(e.Add) > 1:
		e.Lines = append(e.Lines, fmt.Sprintf("add one of %s to the %s scopes (one is enough; pick the one for the conversation type the call touches)",
			strings.Join(e.Add, ", "), listFor(e, e.Add[0])))
	case len(e.Missing) == 0 && r.Error == "missing_scope":
		e.Lines = append(e.Lines, "the token already has every scope the response names; check that the app was reinstalled after the scopes were added")
	}
	return e
}

func classicOr(s Scope) string {
	if s.Classic {
		return "a classic scope"
	}
	return s.Status.String()
}

func addOnce(xs *[]string, seen map[string]bool, s string) {
	if !seen[s] {
		seen[s] = true
		*xs = append(*xs, s)
	}
}

// listFor is the manifest list (oauth_config.scopes.bot or .user) a scope goes into.
func listFor(e Explanation, scope string) string {
	sc, ok := LookupScope(scope)
	if e.TokenKnown {
		switch e.Token {
		case Bot, LegacyBot:
			if !ok || sc.Tokens.Has(Bot) {
				return "bot"
			}
		case User:
			if !ok || sc.Tokens.Has(User) {
				return "user"
			}
		}
	}
	switch {
	case !ok:
		return "bot or user"
	case sc.Tokens.Has(Bot) && sc.Tokens.Has(User):
		return "bot (or user, for a user token)"
	case sc.Tokens.Has(Bot):
		return "bot"
	case sc.Tokens.Has(User):
		return "user"
	case sc.Tokens.Has(AppLevel):
		return "app-level token's"
	}
	return "bot or user"
}

// guessToken infers the token type from the scopes a token has: the classic `bot` scope
// means a classic bot token; a scope only bot tokens hold means a bot token; one only
// user tokens hold means a user token.
func guessToken(lists ...[]string) (TokenType, bool) {
	bot, user := false, false
	for _, l := range lists {
		for _, s := range l {
			if s == "bot" {
				return LegacyBot, true
			}
			sc, ok := LookupScope(s)
			if !ok || sc.Classic || sc.Tokens == 0 {
				continue
			}
			b, u := sc.Tokens.Has(Bot) || sc.Tokens.Has(LegacyBot), sc.Tokens.Has(User)
			if b && !u {
				bot = true
			}
			if u && !b {
				user = true
			}
		}
	}
	switch {
	case bot && !user:
		return Bot, true
	case user && !bot:
		return User, true
	}
	return Bot, false
}
