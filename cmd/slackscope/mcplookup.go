package main

import (
	"context"
	"errors"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/slackscope/slackscope/catalog"
)

// lookupInput is the lookup tool's arguments.
type lookupInput struct {
	Names []string `json:"names" jsonschema:"the names to look up: Web API methods (chat.postMessage), scopes (chat:write), events (app_mention) or slack-go functions ((*slack.Client).PostMessage, Client.PostMessage, PostMessage); any case"`
}

// lookupOutput is the lookup tool's result: one entry a name, in the order asked.
type lookupOutput struct {
	Results []lookupResult `json:"results"`
}

// A lookupResult is what the catalog knows of one name. Kind says which of Method,
// Scope, Event and Functions is set; a name the catalog does not know has none, and
// Message says so with the nearest name that it knows.
type lookupResult struct {
	Name string `json:"name"`
	Kind string `json:"kind" jsonschema:"method, scope, event, function, renamed (a slack-go function a release renamed: functions holds what it became) or unknown"`
	// Method, Scope and Event are the catalog's entry when the name is one.
	Method *methodInfo `json:"method,omitempty"`
	Scope  *scopeInfo  `json:"scope,omitempty"`
	Event  *eventInfo  `json:"event,omitempty"`
	// Functions are the slack-go functions the name denotes (several for a bare name).
	Functions []functionInfo `json:"functions,omitempty"`
	// Message says what a renamed function became, or why an unknown name is none.
	Message    string `json:"message,omitempty"`
	DidYouMean string `json:"did_you_mean,omitempty"`
}

// methodInfo is a Web API method as lookup prints it.
type methodInfo struct {
	Name        string `json:"name"`
	Status      string `json:"status"`
	Description string `json:"description,omitempty"`
	Auth        string `json:"auth" jsonschema:"how it authenticates: bearer (a token, whose scopes count) or a flow that takes no scopes"`
	// Tokens are the token types the method takes, with what each needs; the types it
	// does not take are left out.
	Tokens      []tokenRequirement `json:"tokens"`
	Conditional []conditionalScope `json:"conditional,omitempty"`
	Arguments   []argumentScopes   `json:"arguments,omitempty"`
	RateLimit   string             `json:"rate_limit"`
	Advisories  []methodAdvisory   `json:"advisories,omitempty"`
	ReplacedBy  []string           `json:"replaced_by,omitempty"`
	// GoFunctions are the slack-go functions that call it ("(*Client).PostMessage"; an
	// option that makes a message function call it is marked "(option)").
	GoFunctions []string `json:"go_functions,omitempty"`
	Source      string   `json:"source"`
}

// tokenRequirement is what one token type needs to call a method.
type tokenRequirement struct {
	Token string `json:"token"`
	// Known is false when no source says what this token type needs.
	Known bool       `json:"known"`
	AllOf [][]string `json:"all_of" jsonschema:"the clauses that must all hold, each satisfied by any one of its scopes; empty: no scope needed"`
}

// conditionalScope is a scope a method needs only when called a certain way.
type conditionalScope struct {
	Scope string `json:"scope"`
	When  string `json:"when"`
}

// argumentScopes is a list argument whose values choose among a method's scopes.
type argumentScopes struct {
	Name    string          `json:"name"`
	Values  []argumentValue `json:"values,omitempty"`
	Default []string        `json:"default,omitempty"`
	One     string          `json:"one,omitempty" jsonschema:"the scope the argument needs with one value"`
	Many    string          `json:"many,omitempty" jsonschema:"the scope the argument needs with more than one value"`
}

// argumentValue is one value of a list argument and the scope it needs.
type argumentValue struct {
	Value string `json:"value"`
	Scope string `json:"scope"`
}

// methodAdvisory is a dated notice of Slack's for those who call a method.
type methodAdvisory struct {
	Date   string `json:"date"`
	Note   string `json:"note"`
	Source string `json:"source"`
}

// scopeInfo is an OAuth scope as lookup prints it.
type scopeInfo struct {
	Name        string   `json:"name"`
	Status      string   `json:"status"`
	Description string   `json:"description,omitempty"`
	Tokens      []string `json:"tokens" jsonschema:"the token types it can be granted on; empty: no source says"`
	Classic     bool     `json:"classic,omitempty" jsonschema:"only classic apps could request it"`
	Requires    []string `json:"requires,omitempty"`
	ReplacedBy  []string `json:"replaced_by,omitempty"`
	Methods     []string `json:"methods,omitempty" jsonschema:"the methods whose requirements name it"`
	Source      string   `json:"source"`
}

// eventInfo is an event as lookup prints it.
type eventInfo struct {
	Name        string     `json:"name"`
	APIs        []string   `json:"apis" jsonschema:"where it is delivered: Events API, RTM"`
	Description string     `json:"description,omitempty"`
	Deprecated  bool       `json:"deprecated,omitempty"`
	AllOf       [][]string `json:"all_of" jsonschema:"the scopes it needs: clauses that must all hold, each satisfied by any one of its scopes; empty: none"`
	ChannelType string     `json:"channel_type,omitempty"`
	Note        string     `json:"note,omitempty"`
	Source      string     `json:"source"`
}

// functionInfo is a slack-go function and what it calls, as lookup prints it.
type functionInfo struct {
	Func    string   `json:"func"`
	Module  string   `json:"module" jsonschema:"the client module and the release whose bindings the catalog holds"`
	Calls   []string `json:"calls,omitempty" jsonschema:"the Web API methods it calls"`
	SendsTo []string `json:"sends_to,omitempty" jsonschema:"its requests outside the Web API"`
	Open    []string `json:"unresolved,omitempty"`
	// OptionsChangeEndpoint is set when options passed to it can change the method.
	OptionsChangeEndpoint bool     `json:"options_change_endpoint,omitempty"`
	Arguments             []string `json:"arguments,omitempty" jsonschema:"the Web API arguments it sets, and from which parameter"`
	// Option is set for an option function (MsgOptionUpdate): what it does to the request.
	Option *optionInfo `json:"option,omitempty"`
}

// optionInfo is what an option function does to the request it is passed to.
type optionInfo struct {
	Calls   []string `json:"calls,omitempty" jsonschema:"the Web API methods the request calls instead"`
	SendsTo []string `json:"sends_to,omitempty" jsonschema:"where the request goes instead"`
	Sets    []string `json:"sets,omitempty" jsonschema:"the Web API arguments it sets"`
}

// mcpLookup is the lookup tool: what the catalog knows of each name, as slackscope
// lookup prints it.
func mcpLookup(_ context.Context, _ *mcp.CallToolRequest, in lookupInput) (*mcp.CallToolResult, lookupOutput, error) {
	if len(in.Names) == 0 {
		return nil, lookupOutput{}, errors.New("names is empty: pass the methods, scopes, events or slack-go functions to look up")
	}
	out := lookupOutput{Results: []lookupResult{}}
	for _, name := range in.Names {
		out.Results = append(out.Results, lookupOne(name))
	}
	return nil, out, nil
}

// lookupOne is lookupName's answer for name, in the same order of kinds, and on a miss
// runLookup's: what a renamed function became, or the nearest name.
func lookupOne(name string) lookupResult {
	r := lookupResult{Name: name}
	if m, ok := catalog.LookupMethodFold(name); ok {
		r.Kind, r.Method = "method", newMethodInfo(m)
	} else if s, ok := catalog.LookupScope(strings.ToLower(name)); ok {
		r.Kind, r.Scope = "scope", newScopeInfo(s)
	} else if e, ok := catalog.LookupEventFold(name); ok {
		r.Kind, r.Event = "event", newEventInfo(e)
	} else if bs := catalog.ResolveBinding(name); len(bs) > 0 {
		r.Kind = "function"
		for _, b := range bs {
			r.Functions = append(r.Functions, newFunctionInfo(b))
		}
	} else if rn, ok := catalog.LookupRenamed(name); ok {
		b, bound := catalog.LookupBinding(rn.To)
		if !bound {
			return unknownName(name)
		}
		r.Kind, r.Functions = "renamed", []functionInfo{newFunctionInfo(b)}
		r.Message = strings.TrimPrefix(renamedMessage(rn), "slackscope: ")
	} else {
		return unknownName(name)
	}
	return r
}

// unknownName is the answer for a name the catalog does not know: why, and the nearest.
func unknownName(name string) lookupResult {
	r := lookupResult{Name: name, Kind: "unknown", Message: strings.TrimPrefix(missMessage(name), "slackscope: ")}
	if c := catalog.ClosestName(name); c != "" {
		r.DidYouMean = displayName(c)
	}
	return r
}

func newMethodInfo(m catalog.Method) *methodInfo {
	info := &methodInfo{Name: m.Name, Status: m.Status.String(), Description: m.Description, Auth: m.Auth.String(),
		Tokens: []tokenRequirement{}, RateLimit: m.RateLimit.String(), ReplacedBy: m.Deprecation.Replacements,
		GoFunctions: goCallers(m.Name), Source: m.Source}
	for t := catalog.TokenType(0); t < catalog.NumTokenTypes; t++ {
		switch r := m.Requirement(t); r.Kind {
		case catalog.Accepted:
			info.Tokens = append(info.Tokens, tokenRequirement{Token: t.String(), Known: true, AllOf: clauses(r.Clauses)})
		case catalog.Unknown:
			info.Tokens = append(info.Tokens, tokenRequirement{Token: t.String(), AllOf: [][]string{}})
		}
	}
	for _, c := range m.Conditional {
		info.Conditional = append(info.Conditional, conditionalScope{Scope: c.Scope, When: c.When})
	}
	for _, a := range m.Arguments {
		arg := argumentScopes{Name: a.Name, Default: a.Default, One: a.One, Many: a.Many}
		for _, v := range a.Values {
			arg.Values = append(arg.Values, argumentValue{Value: v.Value, Scope: v.Scope})
		}
		info.Arguments = append(info.Arguments, arg)
	}
	for _, a := range m.Advisories {
		info.Advisories = append(info.Advisories, methodAdvisory{Date: a.Date, Note: a.Note, Source: a.Source})
	}
	return info
}

// clauses are a requirement's clauses as lists of scopes, never nil.
func clauses(cs []catalog.Clause) [][]string {
	out := [][]string{}
	for _, c := range cs {
		out = append(out, []string(c))
	}
	return out
}

// goCallers are the slack-go functions that call method, as printGoCallers lists them.
func goCallers(method string) []string {
	var names []string
	for _, b := range catalog.BindingsFor(method) {
		m, ok := bindingModule(b.Func)
		if !ok {
			continue
		}
		name := shortName(b.Func, m.Path)
		if b.Option != nil {
			name += " (option)"
		}
		names = append(names, name)
	}
	return names
}

func newScopeInfo(s catalog.Scope) *scopeInfo {
	info := &scopeInfo{Name: s.Name, Status: s.Status.String(), Description: s.Description, Tokens: []string{},
		Classic: s.Classic, Requires: s.Requires, ReplacedBy: s.Deprecation.Replacements, Methods: s.Methods, Source: s.Source}
	for _, t := range s.Tokens.Types() {
		info.Tokens = append(info.Tokens, t.String())
	}
	return info
}

func newEventInfo(e catalog.Event) *eventInfo {
	info := &eventInfo{Name: e.Name, APIs: []string{}, Description: e.Description, Deprecated: e.Deprecated,
		AllOf: clauses(e.Scopes), ChannelType: e.ChannelType, Note: e.Note, Source: e.Source}
	if e.APIs&catalog.EventsAPI != 0 {
		info.APIs = append(info.APIs, "Events API")
	}
	if e.APIs&catalog.RTM != 0 {
		info.APIs = append(info.APIs, "RTM")
	}
	return info
}

func newFunctionInfo(b catalog.Binding) functionInfo {
	f := functionInfo{Func: b.Func, Calls: b.Methods, Open: b.Open, OptionsChangeEndpoint: b.Options != "", SendsTo: targets(b.Targets)}
	for _, m := range catalog.BindingModules() {
		if strings.HasPrefix(strings.TrimPrefix(strings.TrimPrefix(b.Func, "("), "*"), m.Path) {
			f.Module = m.Path + " " + m.Version
		}
	}
	for _, a := range b.Args {
		f.Arguments = append(f.Arguments, a.Name+" from "+a.From)
	}
	if o := b.Option; o != nil {
		f.Option = &optionInfo{Calls: o.Methods, SendsTo: targets(o.Targets), Sets: o.Args}
	}
	return f
}

// targets are requests outside the Web API as lookup describes them.
func targets(ts []catalog.BindingTarget) []string {
	var out []string
	for _, t := range ts {
		out = append(out, target(t))
	}
	return out
}
