package model

import (
	"go/token"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/slackscope/slackscope/internal/editdist"
)

var (
	scopeName  = regexp.MustCompile(`^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_]*)*(:[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*)*$`)
	methodName = regexp.MustCompile(`^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$`)
	eventName  = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z_]+)?(/[a-z][a-z0-9_]*)?$`)
	errorCode  = regexp.MustCompile(`^[a-z0-9_.]+$`)
)

func (c *Catalog) validate(dir string, errs *errorList) {
	scopes := unique(errs, "scope", "name", c.Scopes, func(s *Scope) (string, Pos) { return s.Name, s.at("name") })
	methods := unique(errs, "method", "name", c.Methods, func(m *Method) (string, Pos) { return m.Name, m.at("name") })
	if len(c.Scopes) == 0 {
		errs.add(Pos{Filename: dir}, "", "the catalog defines no scopes (expected a file with a scopes list)")
	}
	if len(c.Methods) == 0 {
		errs.add(Pos{Filename: dir}, "", "the catalog defines no methods (expected methods/*.yaml)")
	}
	// scopeRef checks that a field names a known scope.
	scopeRef := func(p Pos, field, name string) {
		if _, ok := scopes[name]; !ok {
			errs.add(p, field, "unknown scope %q%s", name, suggest(name, scopes))
		}
	}
	for _, s := range c.Scopes {
		c.checkScope(s, scopes, scopeRef, errs)
	}
	c.checkCycles(scopes, errs)
	for _, m := range c.Methods {
		checkMethod(m, methods, scopeRef, errs)
	}
	c.checkEvents(scopeRef, errs)
	c.checkFeatures(scopeRef, errs)
	c.checkRules(scopeRef, errs)
	flows := c.checkAuthorize(methods, errs)
	unique(errs, "OAuth endpoint", "var", c.OAuth2Endpoints, func(e *OAuth2Endpoint) (string, Pos) { return e.Var, e.at("var") })
	for _, e := range c.OAuth2Endpoints {
		checkEndpoint(e, flows, errs)
	}
}

// checkEvents checks each event: its name, its scopes and the APIs that deliver it.
func (c *Catalog) checkEvents(scopeRef func(Pos, string, string), errs *errorList) {
	unique(errs, "event", "name", c.Events, func(e *Event) (string, Pos) { return e.Name, e.at("name") })
	for _, e := range c.Events {
		required(e.fields, errs, "name", e.Name, "source", e.Source)
		if e.Name != "" && !eventName.MatchString(e.Name) {
			errs.add(e.at("name"), "name", "%q is not an event name (expected e.g. app_mention, message.channels or message/bot_message)", e.Name)
		}
		checkClauses(e.fields, "scopes", e.Scopes, scopeRef, func(i int) Pos { return e.item("scopes", i) }, errs)
		if len(e.APIs) == 0 {
			errs.add(e.at("apis"), "apis", "missing (expected a list of %s)", strings.Join(EventAPIs.Names(""), ", "))
		}
		for i, a := range e.APIs {
			EventAPIs.check(errs, e.item("apis", i), "apis", "event", a)
		}
	}
}

// checkFeatures checks each feature's tokens and triggers, and that no trigger is given
// twice.
func (c *Catalog) checkFeatures(scopeRef func(Pos, string, string), errs *errorList) {
	unique(errs, "feature", "name", c.Features, func(f *Feature) (string, Pos) { return f.Name, f.at("name") })
	var triggers []*Trigger
	for _, f := range c.Features {
		required(f.fields, errs, "name", f.Name, "source", f.Source)
		checkTokens(f.fields, f.Tokens, scopeRef, errs)
		for i := range f.Triggers {
			t := &f.Triggers[i]
			checkTrigger(t, errs)
			triggers = append(triggers, t)
		}
	}
	unique(errs, "trigger", "triggers", triggers, func(t *Trigger) (string, Pos) { return t.Key(), t.Pos() })
}

// checkRules checks each combination rule: its kind and its scopes.
func (c *Catalog) checkRules(scopeRef func(Pos, string, string), errs *errorList) {
	unique(errs, "combination", "id", c.Rules, func(r *Rule) (string, Pos) { return r.ID, r.at("id") })
	for _, r := range c.Rules {
		required(r.fields, errs, "id", r.ID, "kind", r.Kind, "error", r.Error, "source", r.Source)
		if r.Kind != "" {
			RuleKinds.check(errs, r.at("kind"), "kind", "combination", r.Kind)
		}
		if len(r.Scopes) < 2 && r.Kind == "conflict" {
			errs.add(r.at("scopes"), "scopes", "a conflict needs at least two scopes")
		}
		for i, s := range r.Scopes {
			scopeRef(r.item("scopes", i), "scopes", s)
		}
	}
}

// checkAuthorize checks the authorize flows (one default, a known exchange method, the
// parameters that carry scopes) and returns them by name.
func (c *Catalog) checkAuthorize(methods map[string]*Method, errs *errorList) map[string]*AuthorizeFlow {
	flows := unique(errs, "authorize flow", "flow", c.Authorize, func(a *AuthorizeFlow) (string, Pos) { return a.Flow, a.at("flow") })
	var def *AuthorizeFlow
	for _, a := range c.Authorize {
		if a.Default && def != nil {
			errs.add(a.at("default"), "default", "a second default flow (first %s at %s; expected one)", def.Flow, def.at("default"))
		} else if a.Default {
			def = a
		}
		required(a.fields, errs, "flow", a.Flow, "path", a.Path, "exchange", a.Exchange, "separators", a.Separators, "source", a.Source)
		if _, ok := methods[a.Exchange]; a.Exchange != "" && !ok {
			errs.add(a.at("exchange"), "exchange", "unknown method %q", a.Exchange)
		}
		if len(a.Params) == 0 {
			errs.add(a.at("params"), "params", "missing (expected the query parameters that carry scopes)")
		}
		for _, k := range slices.Sorted(maps.Keys(a.Params)) {
			AuthorizeTargets.check(errs, a.key("params", k), "params."+k, "authorize", a.Params[k])
		}
	}
	if len(c.Authorize) > 0 && def == nil {
		errs.add(c.Authorize[0].Pos(), "default", "no authorize flow is the default (expected default: true on the flow of Slack apps)")
	}
	return flows
}

// checkTrigger checks that a feature's trigger is a function or a typed constant, named
// as Go names them.
func checkTrigger(t *Trigger, errs *errorList) {
	required(t.fields, errs, "source", t.Source)
	switch {
	case t.Func != "" && (t.Type != "" || t.Value != ""):
		errs.add(t.at("func"), "triggers", "a trigger is a func or a constant's type and value, not both")
	case t.Func != "":
		if !token.IsIdentifier(t.Func) {
			errs.add(t.at("func"), "triggers.func", "%q is not a Go name (expected a function's or method's name, e.g. SlashCommandParse)", t.Func)
		}
	case t.Type == "" || t.Value == "":
		errs.add(t.Pos(), "triggers", "missing (expected func, or type and value)")
	case !token.IsIdentifier(t.Type):
		errs.add(t.at("type"), "triggers.type", "%q is not a Go name (expected a type's name, e.g. InteractionType)", t.Type)
	}
}

// checkEndpoint checks that an OAuth endpoint variable holds the authorize URL of the
// flow it names.
func checkEndpoint(e *OAuth2Endpoint, flows map[string]*AuthorizeFlow, errs *errorList) {
	required(e.fields, errs, "var", e.Var, "auth_url", e.AuthURL, "flow", e.Flow, "source", e.Source)
	if e.Var != "" {
		pkg, name, ok := cutLast(e.Var, ".")
		if !ok || pkg == "" || !token.IsIdentifier(name) {
			errs.add(e.at("var"), "var", "%q is not a package path and a name (expected e.g. golang.org/x/oauth2/slack.Endpoint)", e.Var)
		}
	}
	f, ok := flows[e.Flow]
	if e.Flow != "" && !ok {
		errs.add(e.at("flow"), "flow", "unknown authorize flow %q (expected one of %s)", e.Flow, strings.Join(slices.Sorted(maps.Keys(flows)), ", "))
	}
	if u, err := url.Parse(e.AuthURL); e.AuthURL != "" && (err != nil || u.Host == "") {
		errs.add(e.at("auth_url"), "auth_url", "%q is not a URL (expected https://slack.com/...)", e.AuthURL)
	} else if ok && u.Path != f.Path {
		errs.add(e.at("auth_url"), "auth_url", "the path %s is not flow %s's (expected %s)", u.Path, f.Flow, f.Path)
	}
}

// cutLast splits s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func (c *Catalog) checkScope(s *Scope, scopes map[string]*Scope, scopeRef func(Pos, string, string), errs *errorList) {
	required(s.fields, errs, "name", s.Name, "source", s.Source)
	if s.Name != "" && !scopeName.MatchString(s.Name) {
		errs.add(s.at("name"), "name", "%q is not a scope name (expected e.g. chat:write or users:read.email)", s.Name)
	}
	if s.nodes["tokens"] == nil {
		errs.add(s.pos, "tokens", "missing (expected a list of %s; [] with a note when no source states them)", strings.Join(TokenTypes.Names(""), ", "))
	}
	for i, t := range s.Tokens {
		TokenTypes.check(errs, s.item("tokens", i), "tokens", "scope", t)
	}
	if len(s.Tokens) == 0 && s.Note == "" {
		errs.add(s.at("tokens"), "tokens", "empty token list without a note saying why")
	}
	if s.Perspective != "" {
		Perspectives.check(errs, s.at("perspective"), "perspective", "scope", s.Perspective)
	}
	for i, r := range s.Requires {
		scopeRef(s.item("requires", i), "requires", r)
		if r == s.Name {
			errs.add(s.item("requires", i), "requires", "scope %q requires itself", r)
		}
	}
	status := s.Status
	if status == "" {
		status = Statuses.Default
	}
	Statuses.check(errs, s.at("status"), "status", "scope", status)
	if status != "current" && s.Deprecation == nil {
		errs.add(s.at("status"), "status", "a %s scope needs a deprecation (note, replacements, source)", status)
	}
	if status == "current" && s.Deprecation != nil {
		errs.add(s.at("deprecation"), "deprecation", "given for a current scope (set status: deprecated or retired)")
	}
	if d := s.Deprecation; d != nil {
		required(d.fields, errs, "note", d.Note, "source", d.Source)
		for i, r := range d.Replacements {
			if _, ok := scopes[r]; !ok {
				errs.add(d.item("replacements", i), "deprecation.replacements", "replacement %q of deprecated scope %q does not exist%s", r, s.Name, suggest(r, scopes))
			} else if r == s.Name {
				errs.add(d.item("replacements", i), "deprecation.replacements", "scope %q replaces itself", r)
			}
		}
	}
}

// checkCycles reports every dependency cycle among scopes once, at its first scope.
func (c *Catalog) checkCycles(scopes map[string]*Scope, errs *errorList) {
	const (
		unvisited = iota
		active
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(name string)
	visit = func(name string) {
		s := scopes[name]
		if s == nil {
			return
		}
		state[name] = active
		stack = append(stack, name)
		for i, r := range s.Requires {
			switch state[r] {
			case active:
				at := slices.Index(stack, r)
				cycle := append(slices.Clone(stack[at:]), r)
				errs.add(s.item("requires", i), "requires", "dependency cycle: %s", strings.Join(cycle, " -> "))
			case unvisited:
				visit(r)
			}
		}
		stack = stack[:len(stack)-1]
		state[name] = done
	}
	for _, s := range c.Scopes {
		if state[s.Name] == unvisited {
			visit(s.Name)
		}
	}
}

func checkMethod(m *Method, methods map[string]*Method, scopeRef func(Pos, string, string), errs *errorList) {
	required(m.fields, errs, "name", m.Name, "status", m.Status, "source", m.Source)
	if m.Name != "" && !methodName.MatchString(m.Name) {
		errs.add(m.at("name"), "name", "%q is not a Web API method name (expected e.g. chat.postMessage)", m.Name)
	}
	if m.Status != "" {
		Statuses.check(errs, m.at("status"), "status", "method", m.Status)
	}
	checkMethodTokens(m, scopeRef, errs)
	for _, cd := range m.Conditional {
		required(cd.fields, errs, "scope", cd.Scope, "when", cd.When, "source", cd.Source)
		if cd.Scope != "" {
			scopeRef(cd.at("scope"), "conditional.scope", cd.Scope)
		}
	}
	checkArguments(m, scopeRef, errs)
	checkRateLimit(m, errs)
	for _, a := range m.Advisories {
		required(a.fields, errs, "date", a.Date, "note", a.Note, "source", a.Source)
		if a.Date != "" {
			if _, err := time.Parse(time.DateOnly, a.Date); err != nil {
				errs.add(a.at("date"), "advisories.date", "%q is not a date (expected YYYY-MM-DD)", a.Date)
			}
		}
	}
	checkDeprecation(m, methods, errs)
	for _, code := range slices.Sorted(maps.Keys(m.Errors)) {
		if !errorCode.MatchString(code) {
			errs.add(m.key("errors", code), "errors", "%q is not an error code (expected lower case and underscores)", code)
		}
	}
}

// checkMethodTokens checks how a method is authorized: its auth, the scopes each token
// type needs, the token types left unknown, its classic and former scopes.
func checkMethodTokens(m *Method, scopeRef func(Pos, string, string), errs *errorList) {
	auth := m.Auth
	if auth == "" {
		auth = Auths.Default
	}
	Auths.check(errs, m.at("auth"), "auth", "method", auth)
	if auth != "bearer" && (len(m.Tokens) > 0 || len(m.UnknownTokens) > 0) {
		errs.add(m.at("tokens"), "tokens", "a method with auth %s takes no bearer token, so it has no token requirements", auth)
	}
	if auth == "bearer" && len(m.Tokens) == 0 && len(m.UnknownTokens) == 0 {
		errs.add(m.pos, "tokens", "missing (expected the scopes each token type needs, or unknown_tokens)")
	}
	checkTokens(m.fields, m.Tokens, scopeRef, errs)
	for i, t := range m.UnknownTokens {
		TokenTypes.check(errs, m.item("unknown_tokens", i), "unknown_tokens", "method", t)
		if _, both := m.Tokens[t]; both {
			errs.add(m.item("unknown_tokens", i), "unknown_tokens", "token type %q is both known (tokens) and unknown", t)
		}
	}
	for i, s := range m.Classic {
		scopeRef(m.item("classic", i), "classic", s)
	}
	for i, s := range m.FormerScopes {
		scopeRef(m.item("former_scopes", i), "former_scopes", s)
	}
}

// checkArguments checks the arguments that narrow a method's choice of scopes: each scope
// they pick is one of the method's alternatives, picked by values or by count, not both.
func checkArguments(m *Method, scopeRef func(Pos, string, string), errs *errorList) {
	alternatives := map[string]bool{}
	for _, cs := range m.Tokens {
		for _, c := range cs {
			for _, a := range Alternatives(c) {
				alternatives[a] = true
			}
		}
	}
	narrows := func(p Pos, field, sc string) {
		n := errs.len()
		scopeRef(p, field, sc)
		if errs.len() == n && !alternatives[sc] {
			errs.add(p, field, "scope %q is not among the method's alternatives for any token type (an argument can only narrow them)", sc)
		}
	}
	for _, a := range m.Arguments {
		required(a.fields, errs, "name", a.Name, "source", a.Source)
		for _, v := range slices.Sorted(maps.Keys(a.Values)) {
			narrows(a.key("values", v), "arguments.values", a.Values[v])
		}
		for _, by := range [][2]string{{"one", a.One}, {"many", a.Many}} {
			if by[1] != "" {
				narrows(a.at(by[0]), "arguments."+by[0], by[1])
			}
		}
		if (a.One != "" || a.Many != "") && len(a.Values) > 0 {
			errs.add(a.at("name"), "arguments", "an argument narrows by its values or by their count, not both")
		}
		for i, d := range a.Default {
			if _, ok := a.Values[d]; !ok {
				errs.add(a.item("default", i), "arguments.default", "default value %q has no scope in values", d)
			}
		}
	}
}

// checkRateLimit checks a method's rate limit: a known tier, and a limit of its own only
// for the special tier.
func checkRateLimit(m *Method, errs *errorList) {
	r := m.RateLimit
	if r == nil {
		return
	}
	required(r.fields, errs, "tier", r.Tier)
	if r.Tier != "" && RateTiers.check(errs, r.at("tier"), "rate_limit.tier", "method", r.Tier) {
		if r.Tier == "special" && r.Limit == "" {
			errs.add(r.at("limit"), "rate_limit.limit", "missing (expected the special limit, in the source's words)")
		}
		if r.Tier != "special" && r.Limit != "" {
			errs.add(r.at("limit"), "rate_limit.limit", "given for tier %s (only a special limit states its own)", r.Tier)
		}
	}
}

// checkDeprecation checks that a method's deprecation note goes with its status, and that
// its replacements exist.
func checkDeprecation(m *Method, methods map[string]*Method, errs *errorList) {
	switch m.Status {
	case "deprecated", "retired", "removed", "undocumented":
		if m.Deprecation == nil {
			errs.add(m.at("status"), "status", "a %s method needs a deprecation note", m.Status)
		}
	case "current":
		if m.Deprecation != nil {
			errs.add(m.at("deprecation"), "deprecation", "given for a current method (set status: deprecated or retired)")
		}
	}
	if d := m.Deprecation; d != nil {
		required(d.fields, errs, "note", d.Note)
		for i, r := range d.Replacements {
			if _, ok := methods[r]; !ok {
				errs.add(d.item("replacements", i), "deprecation.replacements", "replacement %q of method %q does not exist", r, m.Name)
			}
		}
	}
}

// checkTokens checks a tokens mapping: known token types, clauses of known scopes.
func checkTokens(f fields, tokens map[string][]string, scopeRef func(Pos, string, string), errs *errorList) {
	for _, tt := range slices.Sorted(maps.Keys(tokens)) {
		if !TokenTypes.check(errs, f.key("tokens", tt), "tokens", "", tt) {
			continue
		}
		checkClauses(f, "tokens."+tt, tokens[tt], scopeRef, func(i int) Pos { return f.keyItem("tokens", tt, i) }, errs)
	}
}

func checkClauses(f fields, field string, clauses []string, scopeRef func(Pos, string, string), at func(int) Pos, errs *errorList) {
	for i, cl := range clauses {
		alts := Alternatives(cl)
		seen := map[string]bool{}
		for _, a := range alts {
			if a == "" {
				errs.add(at(i), field, "empty alternative in clause %q", cl)
				continue
			}
			if seen[a] {
				errs.add(at(i), field, "scope %q given twice in clause %q", a, cl)
			}
			seen[a] = true
			scopeRef(at(i), field, a)
		}
	}
}

// required reports each named field whose value is empty.
func required(f fields, errs *errorList, nameValue ...string) {
	for i := 0; i+1 < len(nameValue); i += 2 {
		if nameValue[i+1] == "" {
			errs.add(f.at(nameValue[i]), nameValue[i], "missing or empty")
		}
	}
}

// suggest names the closest known scope, for typos in the catalog itself.
func suggest[V any](name string, known map[string]V) string {
	best, bestD := "", 3
	for s := range known {
		if d := editdist.Levenshtein(name, s); d < bestD || (d == bestD && best != "" && s < best) {
			best, bestD = s, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}
