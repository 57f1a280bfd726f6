package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/analyzer/bindings"
	"github.com/slackscope/slackscope/catalog"
)

// Result is what the analyzer computes for a package.
type Result struct {
	// Token is the token type the program calls with (bot unless -token says user).
	Token catalog.TokenType
	// Uses are the package's own calls that reach a Web API method or feature.
	Uses []Use
	// Unresolved are its calls that reach the Web API with a method it cannot tell.
	Unresolved []Unresolved
	// Program merges the uses of the package and of every package it imports.
	Program []FactUse
	// Minimum is the minimum scope set per token type for Program: Minimum[Bot] holds the
	// calls made with a bot token, Minimum[User] those only a user token can make.
	Minimum map[catalog.TokenType]catalog.MinimumSet
	// Manifest is the manifest the package was checked against (nil: none found).
	Manifest *Manifest
}

func run(pass *analysis.Pass, cfg *Config, br *bindings.Result, manifests *manifestCache) (any, error) {
	token := catalog.Bot
	if cfg.Token != "" {
		t, ok := catalog.ParseTokenType(cfg.Token)
		if !ok || (t != catalog.Bot && t != catalog.User) {
			return nil, fmt.Errorf("-token %q: expected bot or user", cfg.Token)
		}
		token = t
	}
	res := &Result{Token: token}
	if isClientPackage(pass.Pkg) {
		exportEventTypes(pass)
	}
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		// The test main go test generates: tests are not the app's needs, and the
		// package under test reports its own findings.
		return res, nil
	}
	if !bindings.InMainModule(pass) && !cfg.Dependencies {
		// A dependency (slack-go itself, a third-party wrapper): its calls are the
		// program's needs only where the program's own code calls into it, and the
		// binding facts carry them there.
		return res, nil
	}
	uses, unresolved := findUses(pass, br)
	for _, h := range findHandled(pass) {
		uses = append(uses, Use{Method: h.name, Kind: h.kind(), Pos: h.pos, Callee: h.why})
	}
	if br.Failure != "" && len(pass.Files) > 0 {
		unresolved = append(unresolved, Unresolved{Pos: pass.Files[0].Package, Callee: pass.Pkg.Path(),
			Why: "slackscope could not analyse this package (" + br.Failure + "); please report it"})
	}
	res.Uses, res.Unresolved = uses, unresolved
	res.Program = programUses(pass, uses)
	if len(res.Program) > 0 {
		pass.ExportPackageFact(&UsesFact{Uses: res.Program})
	}

	rep := newReporter(pass)
	isMain := pass.Pkg.Name() == "main"
	path := cfg.Manifest
	if cfg.NoManifest {
		path = ""
	} else if path == "" && len(pass.Files) > 0 {
		path = manifests.find(filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename))
	}
	var req *request
	if path != "" {
		man, err := manifests.manifest(path)
		switch {
		case err != nil:
			if isMain {
				reportManifestError(pass, rep, path, err)
			}
		case cfg.ManifestSum != "" && !sumMatches(man.Content, cfg.ManifestSum):
			if isMain {
				reportManifestError(pass, rep, path, fmt.Errorf("the manifest changed since -manifest-sum=%s was computed (go vet may be showing cached results); pass the new sum", cfg.ManifestSum))
			}
		case man.HasScopes:
			res.Manifest = man
			req = newRequest(pass, rep, man)
		}
	}
	// Calls only a user token can make go to the user token when the app has one (it
	// requests user scopes), or when no manifest is read (the question is then what the
	// program needs).
	userToo := token == catalog.User || (req != nil && len(req.man.User) > 0) || cfg.NoManifest
	tk := heldTokens(res.Program, token, userToo)
	res.Minimum = minimum(res.Program, tk)

	for _, u := range uses {
		checkUse(pass, rep, u, tk, req)
	}
	if req != nil && isMain {
		req.checkRequest()
		req.checkUnused(res.Program, tk)
		req.checkUnhandled(res.Program)
	}
	codeReqs := findCodeRequests(pass)
	for _, cr := range codeReqs {
		checkCodeRequest(rep, cr)
	}
	if req == nil && isMain {
		checkProgramAgainstCode(rep, codeReqs, res.Program, token, userToo)
	}
	rep.finish()
	return res, nil
}

// checkProgramAgainstCode checks the program's needs against the scopes a main package
// requests in code (oauth2.Config, an authorize URL of the v2 flow) when there is no
// manifest: what is missing is reported at the request, naming a call that needs it.
func checkProgramAgainstCode(rep *reporter, reqs []codeRequest, prog []FactUse, def catalog.TokenType, userToo bool) {
	var v2 []codeRequest
	granted := map[catalog.TokenType]map[string]bool{catalog.Bot: {}, catalog.User: {}}
	for _, r := range reqs {
		if r.flow != "v2" && r.flow != "v2_user" {
			continue
		}
		v2 = append(v2, r)
		for _, s := range r.lists[catalog.BotList] {
			granted[catalog.Bot][s.name] = true
		}
		for _, s := range r.lists[catalog.UserList] {
			granted[catalog.User][s.name] = true
		}
	}
	if len(v2) == 0 {
		return
	}
	at := v2[0]
	tk := heldTokens(prog, def, userToo || len(granted[catalog.User]) > 0)
	type gap struct {
		what  string
		token catalog.TokenType
	}
	var gaps []gap
	needers := map[gap][]string{}
	for _, u := range prog {
		t := tk.forUse(u)
		if granted[t] == nil {
			continue // app-level and classic tokens are not requested by these flows
		}
		n, ok := need(u, t)
		if !ok || n.Requirement.Kind != catalog.Accepted {
			continue
		}
		for _, c := range n.Requirement.Clauses {
			if slices.ContainsFunc(c, func(s string) bool { return granted[t][s] }) {
				continue
			}
			g := gap{what: clauseText(c), token: t}
			if _, seen := needers[g]; !seen {
				gaps = append(gaps, g)
			}
			needers[g] = append(needers[g], fmt.Sprintf("%s by %s at %s", u.Method, u.Callee, filepath.Base(u.Position)))
		}
	}
	for _, g := range gaps {
		rep.report(analysis.Diagnostic{Pos: at.pos, Category: "missing-scope", Message: fmt.Sprintf(
			"%s lacks %s for the %s token, which the program needs: %s", at.source, g.what, tokenName(g.token), strings.Join(needers[g], "; "))})
	}
}

// tokens are the token types the app holds: the program's (bot unless -token user); user
// when it requests user scopes; app-level when it calls a method only an app-level token
// can (Socket Mode); a classic bot token when it calls one only that token can (RTM).
type tokens struct {
	def  catalog.TokenType
	held []catalog.TokenType
}

func heldTokens(prog []FactUse, def catalog.TokenType, userToo bool) tokens {
	tk := tokens{def: def, held: []catalog.TokenType{def}}
	if userToo && def != catalog.User {
		tk.held = append(tk.held, catalog.User)
	}
	for _, u := range prog {
		m, ok := catalog.LookupMethod(u.Method)
		if u.Kind != MethodUse || !ok || m.Requirement(def).Kind != catalog.NotAccepted {
			continue
		}
		for _, t := range []catalog.TokenType{catalog.AppLevel, catalog.LegacyBot} {
			if m.Requirement(t).Kind == catalog.Accepted && !slices.Contains(tk.held, t) {
				tk.held = append(tk.held, t)
			}
		}
	}
	return tk
}

// forMethod is the token type a call of m is made with: the first the app holds that m
// accepts, else the first for which no source says (the call may work); ok is false
// when every token type the app holds is refused.
func (tk tokens) forMethod(m catalog.Method) (catalog.TokenType, bool) {
	for _, t := range tk.held {
		if m.Requirement(t).Kind == catalog.Accepted {
			return t, true
		}
	}
	for _, t := range tk.held {
		if m.Requirement(t).Kind == catalog.Unknown {
			return t, true
		}
	}
	return tk.def, false
}

// forUse is the token type a use is made with (features: the program's; events: the
// classic bot's when the program runs an RTM session and RTM delivers the event).
func (tk tokens) forUse(u FactUse) catalog.TokenType {
	if u.Kind == EventUse && slices.Contains(tk.held, catalog.LegacyBot) {
		if e, ok := catalog.LookupEvent(u.Method); ok && e.APIs&catalog.RTM != 0 {
			return catalog.LegacyBot
		}
	}
	if u.Kind != MethodUse {
		return tk.def
	}
	if m, ok := catalog.LookupMethod(u.Method); ok {
		t, _ := tk.forMethod(m)
		return t
	}
	return tk.def
}

// need is what one use requires of token t, with the call's arguments applied.
func need(u FactUse, t catalog.TokenType) (catalog.Need, bool) {
	var r catalog.Requirement
	if u.Kind == EventUse {
		e, ok := catalog.LookupEvent(u.Method)
		if !ok {
			return catalog.Need{}, false
		}
		if t == catalog.LegacyBot {
			// An RTM session delivers its events to the classic bot: the rtm feature's
			// scope covers them.
			if f, ok := catalog.LookupFeature("rtm"); ok {
				return catalog.Need{Name: u.Method, Requirement: f.Tokens[t]}, true
			}
		}
		return catalog.Need{Name: u.Method, Requirement: catalog.Requirement{Kind: catalog.Accepted, Clauses: e.Scopes}}, true
	}
	if u.Kind == FeatureUse {
		f, ok := catalog.LookupFeature(u.Method)
		if !ok {
			return catalog.Need{}, false
		}
		r = f.Tokens[t]
	} else {
		m, ok := catalog.LookupMethod(u.Method)
		if !ok || m.Auth != catalog.Bearer {
			return catalog.Need{}, false
		}
		r = m.Requirement(t)
	}
	if r.Kind != catalog.Accepted {
		return catalog.Need{Name: u.Method, Requirement: r}, true
	}
	var cs []catalog.Clause
	for _, c := range r.Clauses {
		if len(u.Narrowed) > 0 && !u.Open && allIn(u.Narrowed, c) {
			for _, s := range u.Narrowed {
				cs = append(cs, catalog.Clause{s})
			}
			continue
		}
		cs = append(cs, c)
	}
	for _, e := range u.Extra {
		if s, ok := catalog.LookupScope(e); ok && s.Tokens.Has(t) {
			cs = append(cs, catalog.Clause{e})
		}
	}
	return catalog.Need{Name: u.Method, Requirement: catalog.Requirement{Kind: catalog.Accepted, Clauses: cs}}, true
}

func allIn(xs []string, c catalog.Clause) bool {
	for _, x := range xs {
		if !c.Has(x) {
			return false
		}
	}
	return true
}

// minimum is the minimum scope set of the program's uses, per token type they are made
// with.
func minimum(prog []FactUse, tk tokens) map[catalog.TokenType]catalog.MinimumSet {
	byToken := map[catalog.TokenType][]catalog.Need{}
	for _, u := range prog {
		t := tk.forUse(u)
		if n, ok := need(u, t); ok {
			byToken[t] = append(byToken[t], n)
		}
	}
	out := map[catalog.TokenType]catalog.MinimumSet{}
	for t, needs := range byToken {
		out[t] = catalog.MinimumOf(t, needs)
	}
	return out
}

// checkUse reports what is wrong with one call: a retired method, a method no token of
// the program can call, scopes the manifest lacks.
func checkUse(pass *analysis.Pass, rep *reporter, u Use, tk tokens, req *request) {
	if u.Kind != MethodUse {
		checkHandled(u, tk.def, req)
		return
	}
	m, ok := catalog.LookupMethod(u.Method)
	if !ok {
		return
	}
	if m.Status == catalog.Retired || m.Status == catalog.Removed {
		msg := fmt.Sprintf("%s calls %s, which Slack has %s", u.Callee, u.Method, m.Status)
		if len(m.Deprecation.Replacements) > 0 {
			msg += "; use " + strings.Join(m.Deprecation.Replacements, " or ") + " instead"
		}
		rep.report(analysis.Diagnostic{Pos: u.Pos, Category: "retired-method", Message: msg})
		return
	}
	if m.Auth != catalog.Bearer {
		return
	}
	t, ok := tk.forMethod(m)
	if !ok {
		msg := fmt.Sprintf("%s calls %s, which a %s token cannot call (Slack answers not_allowed_token_type)", u.Callee, u.Method, tokenName(tk.def))
		if acc := m.AcceptedTokens(); acc != 0 {
			msg += "; it needs a " + strings.ReplaceAll(acc.String(), ",", " or ") + " token"
		}
		rep.report(analysis.Diagnostic{Pos: u.Pos, Category: "wrong-token-type", Message: msg})
		return
	}
	if req == nil {
		return
	}
	n, ok := need(FactUse{Method: u.Method, Narrowed: u.Narrowed, Extra: u.Extra, Open: u.Narrowed == nil}, t)
	if !ok || n.Requirement.Kind != catalog.Accepted {
		return
	}
	req.reportMissing(u.Pos, u.Callee+" calls "+u.Method, n.Requirement.Clauses, t)
}

// reportMissing reports, at pos, each clause the manifest's list for t does not meet:
// "<subject>, which needs <scope> on a bot token; ...".
func (r *request) reportMissing(pos token.Pos, subject string, clauses []catalog.Clause, t catalog.TokenType) {
	granted := r.granted(t)
	for _, c := range clauses {
		if slices.ContainsFunc(c, func(s string) bool { return granted[s] }) {
			continue
		}
		r.rep.report(analysis.Diagnostic{Pos: pos, Category: "missing-scope", Message: fmt.Sprintf(
			"%s, which needs %s on a %s token; %s does not request it (oauth_config.scopes.%s)",
			subject, clauseText(c), tokenName(t), filepath.Base(r.man.Path), listName(t))})
	}
}

// clauseText writes a clause: "chat:write", or "one of channels:history, groups:history".
func clauseText(c catalog.Clause) string {
	if len(c) == 1 {
		return c[0]
	}
	return "one of " + strings.Join(c, ", ")
}

func tokenName(t catalog.TokenType) string { return strings.ReplaceAll(t.String(), "_", " ") }

func listName(t catalog.TokenType) string {
	if t == catalog.User {
		return "user"
	}
	return "bot"
}

// reportManifestError reports a manifest that cannot be read at the position it names.
func reportManifestError(pass *analysis.Pass, rep *reporter, path string, err error) {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	content, _ := readFile(path)
	tf := addFile(pass, path, content)
	for _, e := range errs {
		pos, msg := token.NoPos, e.Error()
		var me *ManifestError
		if errors.As(e, &me) && tf != nil && me.Line > 0 {
			pos, msg = position(tf, content, me.Line, me.Col), me.Msg
		}
		if pos == token.NoPos && len(pass.Files) > 0 {
			pos = pass.Files[0].Package
		}
		rep.report(analysis.Diagnostic{Pos: pos, Category: "invalid-manifest", Message: "cannot read the app manifest: " + msg})
	}
}

// sumMatches reports whether sum is a prefix of content's SHA-256 in hex.
func sumMatches(content []byte, sum string) bool {
	h := sha256.Sum256(content)
	return strings.HasPrefix(hex.EncodeToString(h[:]), strings.ToLower(sum))
}

// checkHandled reports the scopes an event or feature the code handles needs and the
// manifest lacks, at the handler.
func checkHandled(u Use, t catalog.TokenType, req *request) {
	if req == nil {
		return
	}
	n, ok := need(FactUse{Method: u.Method, Kind: u.Kind, Open: true}, t)
	if !ok || n.Requirement.Kind != catalog.Accepted {
		return
	}
	what := "the " + strings.ReplaceAll(u.Method, "_", " ") + " feature"
	if u.Kind == EventUse {
		what = "the " + u.Method + " event"
	}
	req.reportMissing(u.Pos, u.Callee+" handles "+what, n.Requirement.Clauses, t)
}
