package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLookupMethod(t *testing.T) {
	tests := []struct {
		name   string
		status Status
		auth   Auth
		tokens map[TokenType]Requirement
	}{
		{"chat.postMessage", Current, Bearer, map[TokenType]Requirement{
			Bot:  {Kind: Accepted, Clauses: []Clause{{"chat:write"}}},
			User: {Kind: Accepted, Clauses: []Clause{{"chat:write"}}},
		}},
		{"conversations.history", Current, Bearer, map[TokenType]Requirement{
			Bot:  {Kind: Accepted, Clauses: []Clause{{"channels:history", "groups:history", "im:history", "mpim:history"}}},
			User: {Kind: Accepted, Clauses: []Clause{{"channels:history", "groups:history", "im:history", "mpim:history"}}},
		}},
		{"search.messages", Current, Bearer, map[TokenType]Requirement{
			User: {Kind: Accepted, Clauses: []Clause{{"search:read"}}},
		}},
		{"apps.connections.open", Current, Bearer, map[TokenType]Requirement{
			AppLevel: {Kind: Accepted, Clauses: []Clause{{"connections:write"}}},
		}},
		{"auth.test", Current, Bearer, map[TokenType]Requirement{
			Bot: {Kind: Accepted}, User: {Kind: Accepted}, LegacyBot: {Kind: Accepted},
		}},
		{"rtm.connect", Current, Bearer, map[TokenType]Requirement{
			User:      {Kind: Accepted, Clauses: []Clause{{"client"}}},
			LegacyBot: {Kind: Accepted, Clauses: []Clause{{"bot"}}},
		}},
		{"oauth.v2.access", Current, ClientCredentials, map[TokenType]Requirement{}},
		{"files.upload", Retired, Bearer, map[TokenType]Requirement{
			Bot:  {Kind: Accepted, Clauses: []Clause{{"files:write"}}},
			User: {Kind: Accepted, Clauses: []Clause{{"files:write"}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := LookupMethod(tt.name)
			if !ok {
				t.Fatalf("LookupMethod(%q) not found", tt.name)
			}
			if m.Status != tt.status || m.Auth != tt.auth {
				t.Errorf("status, auth = %v, %v; want %v, %v", m.Status, m.Auth, tt.status, tt.auth)
			}
			got := map[TokenType]Requirement{}
			for tok := TokenType(0); tok < NumTokenTypes; tok++ {
				if r := m.Requirement(tok); r.Kind == Accepted {
					got[tok] = r
				}
			}
			if diff := cmp.Diff(tt.tokens, got, cmp.Comparer(func(a, b Clause) bool { return cmp.Equal([]string(a), []string(b)) })); diff != "" {
				t.Errorf("accepted requirements (-want +got):\n%s", diff)
			}
		})
	}
	if _, ok := LookupMethod("chat.postMesage"); ok {
		t.Error("LookupMethod found a misspelled method")
	}
}

func TestRetiredMethodsNameReplacements(t *testing.T) {
	for _, tt := range []struct{ method, replacement string }{
		{"channels.history", "conversations.history"},
		{"im.list", "conversations.list"},
		{"groups.open", "conversations.open"},
		{"rtm.start", "rtm.connect"},
		{"files.upload", "files.completeUploadExternal"},
	} {
		m, ok := LookupMethod(tt.method)
		if !ok {
			t.Fatalf("%s missing", tt.method)
		}
		if m.Status == Current || !Clause(m.Deprecation.Replacements).Has(tt.replacement) {
			t.Errorf("%s: status %v, replacements %v; want not current, with %s", tt.method, m.Status, m.Deprecation.Replacements, tt.replacement)
		}
	}
}

func TestMethodErrors(t *testing.T) {
	m, _ := LookupMethod("oauth.v2.access")
	for _, code := range []string{"invalid_code", "bad_redirect_uri", "invalid_code_verifier", "oauth_authorization_url_mismatch"} {
		if _, ok := m.Error(code); !ok {
			t.Errorf("oauth.v2.access lacks documented error %s", code)
		}
	}
	x, _ := LookupMethod("oauth.v2.exchange")
	if e, ok := x.Error("token_already_exchanged"); !ok || e.Description == "" {
		t.Errorf("oauth.v2.exchange: token_already_exchanged = %+v, %v", e, ok)
	}
	if _, ok := m.Error("no_such_error"); ok {
		t.Error("Error found an undocumented code")
	}
}

func TestLookupScope(t *testing.T) {
	type view struct {
		Tokens       string
		Classic      bool
		Perspective  string
		Object       string
		Action       string
		Status       string
		Requires     []string
		Replacements []string
		Requestable  bool
	}
	tests := map[string]view{
		"chat:write":        {Tokens: "bot,user", Object: "chat", Action: "write", Status: "current", Requestable: true},
		"chat:write.public": {Tokens: "bot,legacy_bot", Object: "chat", Action: "write.public", Status: "current", Requires: []string{"chat:write"}, Requestable: true},
		"chat:write:bot":    {Tokens: "user", Classic: true, Perspective: "bot", Object: "chat", Action: "write", Status: "deprecated", Replacements: []string{"chat:write"}, Requestable: true},
		"files:write:user":  {Tokens: "user,legacy_bot", Classic: true, Perspective: "user", Object: "files", Action: "write", Status: "deprecated", Replacements: []string{"files:write"}, Requestable: true},
		"connections:write": {Tokens: "app_level", Object: "connections", Action: "write", Status: "current", Requestable: true},
		"bot":               {Tokens: "legacy_bot", Classic: true, Status: "deprecated", Requestable: true},
		"rtm:stream":        {Tokens: "user,legacy_bot", Classic: true, Object: "rtm", Action: "stream", Status: "deprecated", Requestable: false},
		"search:read":       {Tokens: "user", Object: "search", Action: "read", Status: "current", Requestable: true},
	}
	for name, want := range tests {
		s, ok := LookupScope(name)
		if !ok {
			t.Errorf("LookupScope(%q) not found", name)
			continue
		}
		got := view{s.Tokens.String(), s.Classic, s.Perspective.String(), s.Object, s.Action, s.Status.String(), s.Requires, s.Deprecation.Replacements, s.Requestable}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("LookupScope(%q) (-want +got):\n%s", name, diff)
		}
	}
}

func TestMethodsFor(t *testing.T) {
	got := MethodsFor("reactions:write")
	want := []string{"reactions.add", "reactions.remove"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MethodsFor(reactions:write) (-want +got):\n%s", diff)
	}
	if !Clause(MethodsFor("channels:history")).Has("conversations.history") {
		t.Error("MethodsFor(channels:history) lacks conversations.history (an any-of clause)")
	}
	if got := MethodsFor("no:such"); got != nil {
		t.Errorf("MethodsFor(no:such) = %v", got)
	}
}

func TestEventsAndFeatures(t *testing.T) {
	e, ok := LookupEvent("message.channels")
	if !ok || len(e.Scopes) != 1 || !cmp.Equal([]string(e.Scopes[0]), []string{"channels:history"}) {
		t.Errorf("message.channels = %+v", e)
	}
	e, _ = LookupEvent("app_mention")
	if len(e.Scopes) != 1 || e.Scopes[0][0] != "app_mentions:read" {
		t.Errorf("app_mention scopes = %v (want app_mentions:read)", e.Scopes)
	}
	e, _ = LookupEvent("message")
	if len(e.Scopes) != 1 || len(e.Scopes[0]) != 4 {
		t.Errorf("message scopes = %v (want one clause of four *:history scopes)", e.Scopes)
	}
	if _, ok := LookupEvent("message/bot_message"); !ok {
		t.Error("message subtype message/bot_message missing")
	}
	f, ok := LookupFeature("socket_mode")
	if !ok || !f.Tokens[AppLevel].Satisfied(func(s string) bool { return s == "connections:write" }) {
		t.Errorf("socket_mode = %+v", f)
	}
	f, _ = LookupFeature("slash_commands")
	if !f.Tokens[Bot].Satisfied(func(s string) bool { return s == "commands" }) {
		t.Errorf("slash_commands = %+v", f)
	}
}

func TestParseTokenType(t *testing.T) {
	for in, want := range map[string]TokenType{"bot": Bot, "xoxp": User, "legacy-bot": LegacyBot, "app_level": AppLevel, "XAPP": AppLevel} {
		if got, ok := ParseTokenType(in); !ok || got != want {
			t.Errorf("ParseTokenType(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := ParseTokenType("robot"); ok {
		t.Error("ParseTokenType(robot) succeeded")
	}
}

// A list argument's values narrow the method's any-of clause: conversations.list with
// types=public_channel,im needs channels:read and im:read, and by default public_channel.
func TestArgumentScopes(t *testing.T) {
	m, _ := LookupMethod("conversations.list")
	a, ok := m.Argument("types")
	if !ok {
		t.Fatal("conversations.list has no types argument")
	}
	for _, tc := range []struct {
		values []string
		want   []string
		ok     bool
	}{
		{nil, []string{"channels:read"}, true},
		{[]string{"public_channel", "im"}, []string{"channels:read", "im:read"}, true},
		{[]string{"private_channel", "private_channel"}, []string{"groups:read"}, true},
		{[]string{"public_channel", "shared_channel"}, nil, false},
	} {
		got, ok := a.Scopes(tc.values)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("types=%v: %v, %v; want %v, %v", tc.values, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := m.Argument("limit"); ok {
		t.Error("limit chooses no scope, yet conversations.list has it as an argument")
	}
	p, _ := LookupMethod("chat.postMessage")
	i := slices.IndexFunc(p.Conditional, func(c Conditional) bool { return c.Scope == "chat:write.customize" })
	if i < 0 || !slices.Equal(p.Conditional[i].Args, []string{"username", "icon_url", "icon_emoji"}) {
		t.Errorf("chat.postMessage conditionals = %+v, want chat:write.customize on username, icon_url, icon_emoji", p.Conditional)
	}
}

// conversations.open's users narrow by how many they are: one opens a DM, more a group DM.
func TestScopeForCount(t *testing.T) {
	m, ok := LookupMethod("conversations.open")
	if !ok || len(m.Arguments) != 1 {
		t.Fatalf("conversations.open arguments = %+v", m.Arguments)
	}
	a := m.Arguments[0]
	for n, want := range map[int]string{0: "", 1: "im:write", 2: "mpim:write", 8: "mpim:write"} {
		got, ok := a.ScopeForCount(n)
		if got != want || ok != (want != "") {
			t.Errorf("ScopeForCount(%d) = %q, %v; want %q", n, got, ok, want)
		}
	}
}

// A message.* subscription delivers the message event; any other delivers only itself.
func TestDelivers(t *testing.T) {
	for _, tc := range []struct {
		subscription, event string
		want                bool
	}{
		{"app_mention", "app_mention", true},
		{"message.im", "message", true},
		{"message.app_home", "message", true},
		{"message.im", "message.channels", false},
		{"app_mention", "message", false},
		{"messages.im", "message", false},
	} {
		if got := Delivers(tc.subscription, tc.event); got != tc.want {
			t.Errorf("Delivers(%q, %q) = %v, want %v", tc.subscription, tc.event, got, tc.want)
		}
	}
}
