package model

import (
	"slices"
	"strings"
)

// An Enum is a set of values a field of the catalog takes: the strings the YAML spells,
// the Go constants package catalog declares for them, and what each means. Each enum is
// declared here once: validation reads the names from it, and gen/gocode writes
// from it the Go type, its constants, its name table and its String method
// (catalog/zz_enums.go) and maps the YAML's strings to the constants (Go).
type Enum struct {
	// Type is the Go type in package catalog ("TokenType"). Empty for an enum whose Go
	// constants are declared by hand elsewhere: its values' Go then name them there.
	Type string
	Doc  string // the Go type's doc comment, without the slashes
	// ConstDoc is the doc comment of the const block.
	ConstDoc string
	// Fields are the YAML fields that take the enum's values ("tokens"); empty for an
	// enum the YAML never spells (gen derives its values from other fields).
	Fields []string
	// Noun is how errors call a value: unknown token type "robot". It is "value" where
	// the field's name says what the value is (status: unknown value "currant").
	Noun string
	// Default is the name an absent field means ("current"); "" for none.
	Default string
	// Bits makes each value a bit (1 << iota), for sets of them; otherwise the values
	// are 0, 1, 2, ... in order.
	Bits bool
	// Count names a constant after the last value that counts them ("NumTokenTypes").
	Count  string
	Values []EnumValue
}

// EnumValue is one value of an Enum.
type EnumValue struct {
	// Name is the value as the YAML writes it and as String returns it ("legacy_bot");
	// "" for a zero value that the YAML states by leaving the field out (NoPerspective).
	Name string
	Go   string // the Go constant ("LegacyBot")
	Doc  string // the constant's comment
	// Only names the one kind of entry that may take the value ("method"); "" for every
	// kind that has the field.
	Only string
}

// The enums of the catalog. The order of an enum's values is the order of its Go
// constants, and of the lists errors give ("expected one of ...").
var (
	TokenTypes = &Enum{
		Type:     "TokenType",
		Doc:      "TokenType is a kind of Slack access token.",
		ConstDoc: "The token types, in the order the tables index them.",
		Fields:   []string{"tokens", "unknown_tokens"},
		Noun:     "token type",
		Count:    "NumTokenTypes",
		Values: []EnumValue{
			{Name: "bot", Go: "Bot", Doc: "xoxb-: a Slack app's bot token (granular bot scopes)"},
			{Name: "user", Go: "User", Doc: "xoxp-: a user token"},
			{Name: "legacy_bot", Go: "LegacyBot", Doc: "the bot token of a classic app (the umbrella bot scope)"},
			{Name: "app_level", Go: "AppLevel", Doc: "xapp-: an app-level token (Socket Mode, event authorizations)"},
			{Name: "configuration", Go: "Configuration", Doc: "an app configuration token (App Manifest APIs)"},
			{Name: "seamless_user", Go: "SeamlessUser", Doc: "a seamless_user token (canvases)"},
		},
	}
	Perspectives = &Enum{
		Type:     "Perspective",
		Doc:      "Perspective is the optional perspective of a classic scope (chat:write:user).",
		ConstDoc: "The perspectives.",
		Fields:   []string{"perspective"},
		Noun:     "value",
		Values: []EnumValue{
			{Name: "", Go: "NoPerspective", Doc: "the scope has no perspective"},
			{Name: "user", Go: "UserPerspective", Doc: "a :user scope (chat:write:user)"},
			{Name: "bot", Go: "BotPerspective", Doc: "a :bot scope (chat:write:bot)"},
			{Name: "admin", Go: "AdminPerspective"},
		},
	}
	Statuses = &Enum{
		Type:     "Status",
		Doc:      "Status is the life stage of a method or a scope.",
		ConstDoc: "The statuses. Scopes are Current, Deprecated or Retired.",
		Fields:   []string{"status"},
		Noun:     "value",
		Default:  "current",
		Values: []EnumValue{
			{Name: "current", Go: "Current"},
			{Name: "deprecated", Go: "Deprecated", Doc: "still works, but Slack says to move off it"},
			{Name: "retired", Go: "Retired", Doc: "no longer works"},
			{Name: "removed", Go: "Removed", Doc: "gone from Slack's docs, reason not stated", Only: "method"},
			{Name: "undocumented", Go: "Undocumented", Doc: "never part of the public Web API", Only: "method"},
		},
	}
	Auths = &Enum{
		Type:     "Auth",
		Doc:      "Auth is how a method authenticates.",
		ConstDoc: "The ways a method authenticates.",
		Fields:   []string{"auth"},
		Noun:     "value",
		Default:  "bearer",
		Values: []EnumValue{
			{Name: "bearer", Go: "Bearer", Doc: "a token with scopes"},
			{Name: "client_credentials", Go: "ClientCredentials", Doc: "client_id and client_secret (OAuth exchanges)"},
			{Name: "legacy_token", Go: "LegacyToken", Doc: "a legacy token plus client credentials (oauth.v2.exchange)"},
			{Name: "refresh_token", Go: "RefreshToken", Doc: "a configuration token's refresh token"},
			{Name: "none", Go: "NoToken", Doc: "no authentication at all"},
		},
	}
	RateTiers = &Enum{
		Type:     "RateTier",
		Doc:      "RateTier is the rate-limit tier Slack documents for a method.",
		ConstDoc: "The rate-limit tiers.",
		Fields:   []string{"rate_limit.tier"},
		Noun:     "rate-limit tier",
		Values: []EnumValue{
			{Name: "", Go: "NoRateTier", Doc: "no source states the method's limit"},
			{Name: "t1", Go: "Tier1", Doc: "Web API Tier 1"},
			{Name: "t2", Go: "Tier2", Doc: "Web API Tier 2"},
			{Name: "t3", Go: "Tier3", Doc: "Web API Tier 3"},
			{Name: "t4", Go: "Tier4", Doc: "Web API Tier 4"},
			{Name: "t5", Go: "Tier5", Doc: "Web API Tier 5"},
			{Name: "special", Go: "SpecialRate", Doc: "a limit of its own, which RateLimit.Limit states"},
		},
	}
	RequirementKinds = &Enum{
		Type:     "RequirementKind",
		Doc:      "RequirementKind says what a method's documentation says about one token type.",
		ConstDoc: "The kinds of requirement. The YAML states them by where it lists a token type: in\ntokens (Accepted), in unknown_tokens (Unknown), nowhere (NotAccepted).",
		Values: []EnumValue{
			{Name: "not accepted", Go: "NotAccepted", Doc: "the docs do not list this token type for the method"},
			{Name: "accepted", Go: "Accepted", Doc: "the token type works with these clauses (none: no scope needed)"},
			{Name: "unknown", Go: "Unknown", Doc: "no source says"},
		},
	}
	EventAPIs = &Enum{
		Type:     "EventAPI",
		Doc:      "EventAPI says where an event is delivered.",
		ConstDoc: "The event APIs, as bits.",
		Fields:   []string{"apis"},
		Noun:     "value",
		Bits:     true,
		Values: []EnumValue{
			{Name: "events", Go: "EventsAPI", Doc: "the Events API"},
			{Name: "rtm", Go: "RTM", Doc: "the Real Time Messaging API"},
		},
	}
	RuleKinds = &Enum{
		Type:     "RuleKind",
		Doc:      "RuleKind is the kind of a combination rule.",
		ConstDoc: "The rule kinds.",
		Fields:   []string{"kind"},
		Noun:     "value",
		Values: []EnumValue{
			{Name: "conflict", Go: "Conflict", Doc: "all of Scopes together are refused"},
			{Name: "exclusive", Go: "Exclusive", Doc: "any of Scopes with a scope outside Scopes is refused"},
		},
	}
	// AuthorizeTargets are the lists an authorize URL's parameter requests scopes for
	// (catalog.List, whose constants catalog/validate.go declares).
	AuthorizeTargets = &Enum{
		Fields: []string{"params"},
		Noun:   "value",
		Values: []EnumValue{
			{Name: "bot", Go: "catalog.BotList", Doc: "the bot token's scopes"},
			{Name: "user", Go: "catalog.UserList", Doc: "the user token's scopes"},
			{Name: "classic", Go: "catalog.ClassicList", Doc: "a classic app's one list"},
		},
	}
	// TargetKinds are the kinds of a binding's request outside the Web API
	// (internal/derive.TargetKind declares the constants; package catalog keeps them as
	// strings, in BindingTarget.Kind).
	TargetKinds = &Enum{
		Fields: []string{"kind"},
		Noun:   "target kind",
		Values: []EnumValue{
			{Name: "caller_url", Go: "derive.CallerURL", Doc: "some other URL the caller passes"},
			{Name: "incoming_webhook", Go: "derive.IncomingWebhook", Doc: "an incoming webhook URL (needs no token)"},
			{Name: "response_field", Go: "derive.ResponseField", Doc: "a URL read from an API response (upload URL, websocket URL)"},
			{Name: "response_url", Go: "derive.ResponseURL", Doc: "an interaction's response_url (needs no scope)"},
			{Name: "url", Go: "derive.FixedURL", Doc: "a constant URL outside the Web API"},
		},
	}
)

// Enums is every enum of the catalog, in the order zz_enums.go declares them.
var Enums = []*Enum{TokenTypes, Perspectives, Statuses, Auths, RateTiers, RequirementKinds, EventAPIs, RuleKinds, AuthorizeTargets, TargetKinds}

// Names are the names of the values that entries of kind ("scope", "method") may take,
// in order; kind "" gives every value's. The unnamed zero value is left out.
func (e *Enum) Names(kind string) []string {
	var out []string
	for _, v := range e.Values {
		if v.Name != "" && (v.Only == "" || kind == "" || v.Only == kind) {
			out = append(out, v.Name)
		}
	}
	return out
}

// Value is the value called name ("" means Default); ok is false for a name the enum
// does not have.
func (e *Enum) Value(name string) (EnumValue, bool) {
	if name == "" {
		name = e.Default
	}
	i := slices.IndexFunc(e.Values, func(v EnumValue) bool { return v.Name == name })
	if i < 0 {
		return EnumValue{}, false
	}
	return e.Values[i], true
}

// Go is the Go constant of the value called name ("" means Default). The writer calls
// it on names validation has accepted: an unknown name is a bug of the generator, and
// panics.
func (e *Enum) Go(name string) string {
	v, ok := e.Value(name)
	if !ok {
		panic("gen: " + e.Noun + " " + name + " is not in the schema")
	}
	return v.Go
}

// check reports v, the value of field at p in an entry of kind, unless the enum allows it
// there: unknown token type "robot" (expected one of bot, user, ...).
func (e *Enum) check(errs *errorList, p Pos, field, kind, v string) bool {
	names := e.Names(kind)
	if slices.Contains(names, v) {
		return true
	}
	errs.add(p, field, "unknown %s %q (expected one of %s)", e.Noun, v, strings.Join(names, ", "))
	return false
}

// unique reports every entry whose key an entry before it has, at the entry's key: one
// check with one message for every table of the catalog. Empty keys are left to the
// check that the field is given. It returns the first entry of each key.
func unique[E any](errs *errorList, what, field string, entries []E, key func(E) (string, Pos)) map[string]E {
	first := make(map[string]E, len(entries))
	firstAt := make(map[string]Pos, len(entries))
	for _, e := range entries {
		k, p := key(e)
		if k == "" {
			continue
		}
		if at, dup := firstAt[k]; dup {
			errs.add(p, field, "duplicate %s %q (first defined at %s)", what, k, at)
			continue
		}
		first[k], firstAt[k] = e, p
	}
	return first
}
