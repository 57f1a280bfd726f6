package catalog

import (
	"cmp"
	"slices"
	"strings"
)

// The catalog's enums (TokenType, Perspective, Status, Auth, RequirementKind, EventAPI,
// RuleKind), their constants, name tables and String methods are generated from the
// schema in gen/model/schema.go into zz_enums.go.

// ParseTokenType accepts a token type's name ("bot", "legacy_bot", also "legacy-bot" and
// "app-level") or its prefix ("xoxb", "xoxp", "xapp").
func ParseTokenType(s string) (TokenType, bool) {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_")
	switch s {
	case "xoxb":
		return Bot, true
	case "xoxp":
		return User, true
	case "xapp", "app":
		return AppLevel, true
	}
	for i, n := range tokenTypeNames {
		if n == s {
			return TokenType(i), true
		}
	}
	return 0, false
}

// TokenSet is a set of token types.
type TokenSet uint8

// Has reports whether t is in the set.
func (s TokenSet) Has(t TokenType) bool { return s&(1<<t) != 0 }

// Types lists the set's token types in table order.
func (s TokenSet) Types() []TokenType {
	var ts []TokenType
	for t := TokenType(0); t < NumTokenTypes; t++ {
		if s.Has(t) {
			ts = append(ts, t)
		}
	}
	return ts
}

func (s TokenSet) String() string {
	var names []string
	for _, t := range s.Types() {
		names = append(names, t.String())
	}
	return strings.Join(names, ",")
}

// Deprecation says why an entry is deprecated or retired and what replaces it.
// The zero value means the entry is not deprecated.
type Deprecation struct {
	Note         string
	Replacements []string // scopes for a scope, methods for a method
	Source       string
}

// Scope is one OAuth scope. Its slices are shared with the tables: do not modify them.
type Scope struct {
	Name        string
	Description string
	Tokens      TokenSet // the token types it can be granted on (empty: no source states them)
	Classic     bool     // only classic apps (OAuth v1) could request it
	Perspective Perspective
	Object      string // "files" in files:write:user
	Action      string // "write" in files:write:user
	Requestable bool   // false for scopes Slack grants implicitly (rtm:stream)
	Requires    []string
	Status      Status
	Deprecation Deprecation
	Methods     []string // methods whose requirements name it, for any token type
	Note        string
	Source      string
}

// Clause is a list of alternatives: any one of its scopes satisfies it.
type Clause []string

func (c Clause) String() string { return strings.Join(c, " or ") }

// Has reports whether the clause accepts scope.
func (c Clause) Has(scope string) bool {
	for _, s := range c {
		if s == scope {
			return true
		}
	}
	return false
}

// Requirement is what one token type needs to call a method: every clause must hold.
type Requirement struct {
	Kind    RequirementKind
	Clauses []Clause
}

// String writes the requirement as lookup prints it: "chat:write",
// "channels:history or groups:history and users:read", "no scope", "not accepted" or
// "unknown (no source says)".
func (r Requirement) String() string {
	switch {
	case r.Kind == Unknown:
		return "unknown (no source says)"
	case r.Kind != Accepted:
		return r.Kind.String()
	case len(r.Clauses) == 0:
		return "no scope"
	}
	parts := make([]string, len(r.Clauses))
	for i, c := range r.Clauses {
		parts[i] = c.String()
	}
	return strings.Join(parts, " and ")
}

// Satisfied reports whether granted (a set of scopes) meets every clause.
func (r Requirement) Satisfied(granted func(scope string) bool) bool {
	if r.Kind != Accepted {
		return false
	}
	for _, c := range r.Clauses {
		ok := false
		for _, s := range c {
			if granted(s) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Conditional is a scope a method needs only when called a certain way.
type Conditional struct {
	Scope string
	When  string
	Args  []string // the Web API arguments whose presence makes it needed (username, ...)
	// Fields are the response fields whose reading makes it needed: users.info leaves a
	// user's profile.email out unless the token has users:read.email.
	Fields []string
	Source string
}

// Argument says which scope each value of a list argument needs: conversations.list
// with types=public_channel,im needs channels:read and im:read. A value not listed
// narrows nothing.
type Argument struct {
	Name    string
	Default []string // the values Slack assumes when the argument is absent
	Values  []ArgumentValue
	// One and Many are the scope a list argument needs by how many values it has,
	// whatever they are: conversations.open with one user opens a DM (im:write), with
	// more a group DM (mpim:write).
	One, Many string
	Note      string
	Source    string
}

// ScopeForCount is the scope a list of n values needs (One, Many); ok is false for an
// empty list or a count the argument does not narrow.
func (a *Argument) ScopeForCount(n int) (scope string, ok bool) {
	switch {
	case n == 1 && a.One != "":
		return a.One, true
	case n > 1 && a.Many != "":
		return a.Many, true
	}
	return "", false
}

// ArgumentValue is one value of an Argument and the scope it needs.
type ArgumentValue struct {
	Value, Scope string
}

// Scopes are the scopes the values need, in the order given (Default when values is
// empty); ok is false when a value has no known scope, and then the method's clause
// cannot be narrowed.
func (a *Argument) Scopes(values []string) (scopes []string, ok bool) {
	if len(values) == 0 {
		values = a.Default
	}
	for _, v := range values {
		i := slices.IndexFunc(a.Values, func(av ArgumentValue) bool { return av.Value == v })
		if i < 0 {
			return nil, false
		}
		if !slices.Contains(scopes, a.Values[i].Scope) {
			scopes = append(scopes, a.Values[i].Scope)
		}
	}
	return scopes, len(scopes) > 0
}

// APIError is an error code a method documents.
type APIError struct {
	Code        string
	Description string
}

// Method is one Web API method. Its slices are shared with the tables: do not modify them.
type Method struct {
	Name         string
	Description  string
	Status       Status
	Auth         Auth
	Tokens       [NumTokenTypes]Requirement
	Classic      []string // classic scopes that granted it
	FormerScopes []string // scopes listed by older sources, for retired methods
	Conditional  []Conditional
	Arguments    []Argument // list arguments whose values choose among the alternatives
	RateLimit    RateLimit  // the zero RateLimit: no source states it
	Advisories   []Advisory // dated notices for those who call it, oldest first
	Deprecation  Deprecation
	Errors       []APIError // sorted by code
	Note         string
	Source       string
}

// Advisory is a dated notice about a method for those who call it: a lower rate limit for
// some apps, a retirement, a scope on its way out.
type Advisory struct {
	Date   string // YYYY-MM-DD: when it took effect, or of the source that states it
	Note   string
	Source string
}

// RateLimit is the rate limit Slack documents for a method.
type RateLimit struct {
	Tier   RateTier
	Limit  string // the limit of a SpecialRate method, in Slack's words
	Source string
}

// String says the limit as lookup prints it: "Tier 2", the special limit, or "unknown".
func (r RateLimit) String() string {
	switch r.Tier {
	case NoRateTier:
		return "unknown (no source says)"
	case SpecialRate:
		return r.Limit
	}
	return "Tier " + strings.TrimPrefix(r.Tier.String(), "t")
}

// Requirement is what token type t needs to call the method.
func (m *Method) Requirement(t TokenType) Requirement {
	if t >= NumTokenTypes {
		return Requirement{}
	}
	return m.Tokens[t]
}

// AcceptedTokens is the set of token types the docs list for the method.
func (m *Method) AcceptedTokens() TokenSet {
	var s TokenSet
	for t := TokenType(0); t < NumTokenTypes; t++ {
		if m.Tokens[t].Kind == Accepted {
			s |= 1 << t
		}
	}
	return s
}

// Error looks up a documented error code of the method.
func (m *Method) Error(code string) (APIError, bool) {
	lo, hi := 0, len(m.Errors)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if m.Errors[h].Code < code {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(m.Errors) && m.Errors[lo].Code == code {
		return m.Errors[lo], true
	}
	return APIError{}, false
}

// Event is an Events API or RTM event, or a message subtype ("message/bot_message").
type Event struct {
	Name        string
	Description string
	Scopes      []Clause // every clause must hold; a clause lists one scope per conversation type
	APIs        EventAPI
	AppEvent    bool
	Deprecated  bool
	// ChannelType is, for the message.* events, the channel_type of the messages they
	// deliver (message.im: im), by which code tells them apart.
	ChannelType string
	Note        string
	Source      string
}

// Feature is an app feature that needs scopes without a Web API call.
type Feature struct {
	Name        string
	Description string
	Tokens      [NumTokenTypes]Requirement
	Note        string
	Source      string
}

// Rule is a combination of scopes Slack refuses, with the error it returns.
type Rule struct {
	ID     string
	Kind   RuleKind
	Scopes []string
	Error  string
	Note   string
	Source string
}

// AuthorizeParam is a query parameter of an authorize URL that carries scopes.
type AuthorizeParam struct {
	Name   string // "scope", "user_scope"
	Target string // "bot", "user" or "classic"
}

// AuthorizeFlow is how one OAuth flow's authorize URL carries scopes.
type AuthorizeFlow struct {
	Flow string // "v2", "v2_user", "v1", "openid"
	// Default is set on one flow, that of Slack apps (v2): the flow of a request that
	// does not say which (a manifest's scopes, an oauth2.Config of another endpoint).
	Default    bool
	Path       string // "/oauth/v2/authorize"
	Exchange   string // the method that exchanges the code
	Params     []AuthorizeParam
	Separators string
	Source     string
}

// DefaultAuthorizeFlow is the flow of Slack apps (v2), that of a request that does not
// say which.
func DefaultAuthorizeFlow() AuthorizeFlow {
	for _, f := range authorizeFlows {
		if f.Default {
			return f
		}
	}
	return AuthorizeFlow{}
}

// An OAuth2Endpoint is a Go variable of an OAuth library that holds one of Slack's
// authorize URLs: an oauth2.Config with it as its Endpoint requests its Scopes in Flow.
type OAuth2Endpoint struct {
	Var     string // its package path and name: "golang.org/x/oauth2/slack.Endpoint"
	AuthURL string // "https://slack.com/oauth/authorize"
	Flow    string // the authorize flow whose path AuthURL has ("v1")
	Source  string
}

// LookupOAuth2Endpoint returns the endpoint variable called name (package path and name).
func LookupOAuth2Endpoint(name string) (OAuth2Endpoint, bool) {
	if i := find(oauth2Endpoints[:], name, func(e *OAuth2Endpoint) string { return e.Var }); i >= 0 {
		return oauth2Endpoints[i], true
	}
	return OAuth2Endpoint{}, false
}

// A FeatureTrigger is slack-go code whose use means the app has a feature: a call of the
// function or method named Func, or a use of a string constant of the type named Type
// whose value is Value (socketmode.EventTypeSlashCommand, of type EventType, is
// "slash_commands"). Names are bare, without their package.
type FeatureTrigger struct {
	Feature     string // the feature's name in Features
	Func        string
	Type, Value string
	Note        string
	Source      string
}

// FeatureOfFunc returns the trigger that is a call of the client function or method
// named name ("HandleShortcut"). It does not allocate.
func FeatureOfFunc(name string) (FeatureTrigger, bool) {
	if i := find(featureFuncs[:], name, func(t *FeatureTrigger) string { return t.Func }); i >= 0 {
		return featureFuncs[i], true
	}
	return FeatureTrigger{}, false
}

// FeatureOfConst returns the trigger that is a string constant of the type named
// typeName with the value value ("InteractionType", "block_actions"). It does not
// allocate.
func FeatureOfConst(typeName, value string) (FeatureTrigger, bool) {
	i, ok := slices.BinarySearchFunc(featureConsts[:], [2]string{typeName, value}, func(t FeatureTrigger, k [2]string) int {
		return cmp.Or(strings.Compare(t.Type, k[0]), strings.Compare(t.Value, k[1]))
	})
	if !ok {
		return FeatureTrigger{}, false
	}
	return featureConsts[i], true
}
