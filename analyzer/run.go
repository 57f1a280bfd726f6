package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
	"github.com/slackscope/slackscope/internal/bindings"
	"github.com/slackscope/slackscope/internal/policy"
	"github.com/slackscope/slackscope/manifest"
)

// Result is what the analyzer computes for a package.
type Result struct {
	// Token is the token type the program calls with (bot unless -token says user).
	Token catalog.TokenType
	// Uses are the package's own calls that reach a Web API method or feature.
	Uses []Use
	// Unresolved are its calls that reach the Web API with a method it cannot tell.
	Unresolved []Unresolved
	// Program is what the program reaches (see reach.go): for a main package, what main,
	// the init functions and the initialization of every package it imports reach; for
	// another package, what any of its functions reaches.
	Program []FactUse
	// ProgramUnresolved are the unresolved calls Program's program reaches, the package's
	// own and its imports'.
	ProgramUnresolved []FactUnresolved
	// Minimum is the minimum scope set per token type for Program: Minimum[Bot] holds the
	// calls made with a bot token, Minimum[User] those only a user token can make.
	Minimum map[catalog.TokenType]catalog.MinimumSet
	// Manifest is the manifest the package was checked against (nil: none).
	Manifest *manifest.Manifest
	// Search is where the manifest was looked for and what the search said, when no
	// -manifest named it.
	Search manifest.Search
	// Requests name what the package was checked against: the manifest's path, and
	// "oauth2.Config" or "the authorize URL" for scope requests written in its code.
	Requests []string
	// Entries are, for a package other than main (a library), what each of its
	// exported functions and methods needs when a program calls it, in source order.
	Entries []Entry
}

// An Entry is an exported function or method of a library and the minimum scope set of
// what a call of it reaches.
type Entry struct {
	Func       string // "(*slackx.Notifier).Announce"
	Position   string // "file:line:col" of its declaration
	Minimum    map[catalog.TokenType]catalog.MinimumSet
	Unresolved []FactUnresolved
}

func run(pass *analysis.Pass, cfg *Config, br *bindings.Result, manifests *manifest.Cache) (any, error) {
	token, err := cfg.tokenType()
	if err != nil {
		return nil, err
	}
	res := &Result{Token: token}
	if appcode.ClientPackage(pass.Pkg) {
		exportEventTypes(pass)
	}
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		// The test main go test generates: tests are not the app's needs, and the
		// package under test reports its own findings.
		return res, nil
	}
	framework := frameworkHandled(pass)
	if !appcode.InMainModule(pass) && !cfg.Dependencies {
		// A dependency (slack-go itself, a third-party wrapper): its calls are the
		// program's needs only where the program's own code calls into it, and the
		// binding facts carry them there.
		return res, nil
	}
	uses, unresolved := collectUses(pass, br)
	res.Uses, res.Unresolved = uses, unresolved
	reached := reach(pass, uses, unresolved)
	res.Program, res.ProgramUnresolved = reached.program.sorted()
	res.Program = pairFields(res.Program)

	rep := newReporter(pass, cfg.CategoryInMessage)
	isMain := pass.Pkg.Name() == "main"
	req := findManifest(pass, cfg, rep, res, manifests, isMain || len(uses) > 0)
	var pol *policy.Policy
	if isMain || len(uses) > 0 {
		if pol, err = policy.Find(moduleRoot(packageDir(pass))); err != nil {
			return nil, err
		}
	}
	if req != nil {
		req.framework, req.policy = framework, pol
	}
	// Calls only a user token can make go to the user token when the app has one (it
	// requests user scopes), or when no manifest is read (the question is then what the
	// program needs).
	userToo := token == catalog.User || (req != nil && len(req.names(catalog.UserList)) > 0) || cfg.NoManifest
	tk := heldTokens(res.Program, token, userToo)
	res.Minimum = minimum(res.Program, tk)
	res.Entries = entries(pass, reached, tk)

	if req != nil && req.man != nil {
		req.socket = req.man.SocketMode != nil && req.man.SocketMode.Value || runsSocketMode(uses, tk)
	}
	for _, u := range uses {
		// A main package's functions that main does not reach are dead code: what they
		// call is not the program's need.
		if !isMain || reached.reached(u.Pos) {
			checkUse(rep, u, tk, req)
		}
	}
	rep.flushMissing() // the calls' findings first, as they were found
	if req != nil {
		checkAgainst(pass, cfg, rep, res, reached, tk, req, manifests)
	}
	codeReqs := findCodeRequests(pass)
	for _, cr := range codeReqs {
		cr.policy = pol
		cr.checkRequest(rep)
		cr.checkPolicy(rep)
		res.Requests = append(res.Requests, cr.source)
	}
	if req == nil && isMain {
		checkProgramAgainstCode(rep, codeReqs, res.Program, token, userToo)
		if len(codeReqs) == 0 && cfg.RequireManifest && !cfg.NoManifest && len(pass.Files) > 0 {
			rep.report(NoManifest, analysis.Diagnostic{Pos: pass.Files[0].Package, Message: noManifestMessage})
		}
	}
	rep.finish()
	return res, nil
}

// tokenType is the token type the program calls with: bot unless -token says user.
func (cfg *Config) tokenType() (catalog.TokenType, error) {
	if cfg.Token == "" {
		return catalog.Bot, nil
	}
	t, ok := catalog.ParseTokenType(cfg.Token)
	if !ok || (t != catalog.Bot && t != catalog.User) {
		return 0, fmt.Errorf("-token %q: expected bot or user", cfg.Token)
	}
	return t, nil
}

// entries are, for a library, what a program that calls each of its exported functions
// needs.
func entries(pass *analysis.Pass, reached *reachResult, tk tokens) []Entry {
	var out []Entry
	for _, n := range reached.entries {
		out = append(out, Entry{
			Func: shortName(n.fn), Position: pass.Fset.Position(n.fn.Pos()).String(),
			Minimum: minimum(pairFields(n.uses), tk), Unresolved: n.unresolved,
		})
	}
	return out
}

// collectUses finds the package's uses and unresolved calls: calls, handled events and
// features, response fields read, reflective calls, and a derivation that gave up.
func collectUses(pass *analysis.Pass, br *bindings.Result) ([]Use, []Unresolved) {
	uses, unresolved := findUses(pass, br)
	// A client package's own event tables and dispatch are not the app handling events
	// (slack-go's module analysed as the program, for its examples).
	if !appcode.ClientPackage(pass.Pkg) || pass.Pkg.Name() == "main" {
		for _, h := range findHandled(pass, true) {
			uses = append(uses, Use{Method: h.name, Kind: h.kind(), Pos: h.pos, Callee: h.why, RTM: h.rtm})
		}
	}
	uses = append(uses, findFieldReads(pass)...)
	ru, rn := findReflectCalls(pass, br)
	uses, unresolved = append(uses, ru...), append(unresolved, rn...)
	if br.Failure != "" && len(pass.Files) > 0 {
		unresolved = append(unresolved, Unresolved{Pos: pass.Files[0].Package, Callee: pass.Pkg.Path(),
			Why: "slackscope could not analyse this package (" + br.Failure + "); please report it"})
	}
	return uses, unresolved
}

// checkAgainst checks the program against the request beyond each use: the tokens; for
// a main package the field reads, the needs of other packages checked against no
// manifest of their own, the manifest's directives and problems, its scopes and its
// subscriptions.
func checkAgainst(pass *analysis.Pass, cfg *Config, rep *reporter, res *Result, reached *reachResult, tk tokens, req *request, manifests *manifest.Cache) {
	req.checkTokens(rep, res.Uses, tk)
	if pass.Pkg.Name() != "main" {
		return
	}
	checkFieldReads(rep, res.Uses, res.Program, reached, tk, req)
	checkElsewhere(pass, cfg, rep, res, reached, tk, req, manifests)
	req.addDirectives(rep)
	req.reportProblems(rep)
	req.checkPolicy(rep)
	reported := req.checkRequest(rep)
	req.checkUnused(rep, res.Program, tk, reported, len(res.ProgramUnresolved))
	req.checkSubscriptions(rep, res.Program, tk, len(res.ProgramUnresolved))
}

// findManifest finds, reads and checks the sum of the package's manifest, records what
// it found in res, and returns its request (nil: none to check against). Reading
// failures are reported when report is set (main packages, and packages with uses:
// every package whose findings depend on it).
func findManifest(pass *analysis.Pass, cfg *Config, rep *reporter, res *Result, manifests *manifest.Cache, report bool) *request {
	if cfg.NoManifest {
		return nil
	}
	path := cfg.Manifest
	if path != "" && !filepath.IsAbs(path) {
		// go vet runs the tool in each package's directory: a relative path is taken
		// from the module root, whatever the package.
		if root := moduleRoot(packageDir(pass)); root != "" {
			path = filepath.Join(root, path)
		}
	}
	if path == "" {
		dir := packageDir(pass)
		if dir == "" {
			return nil
		}
		res.Search = manifests.Find(dir)
		path = res.Search.Path
		if path == "" {
			return nil
		}
	}
	man, err := manifests.Manifest(path)
	switch {
	case err != nil:
		if report {
			content, _ := os.ReadFile(path)
			reportManifestError(pass, rep, path, content, err)
		}
		return nil
	case cfg.ManifestSum != "" && !sumMatches(man.Content, cfg.ManifestSum):
		if report {
			reportManifestError(pass, rep, path, nil, fmt.Errorf("the manifest changed since -manifest-sum=%s was computed (go vet may be showing cached results); pass the new sum", cfg.ManifestSum))
		}
		return nil
	}
	res.Manifest = man
	res.Requests = append(res.Requests, man.Path)
	return fromManifest(pass, man)
}

// packageDir is the directory of the package's source files. cgo hands the analysis
// files it generates in the build cache: those it rewrites from the user's carry //line
// comments naming the user's file, the others (_cgo_gotypes.go) are generated files
// whose positions are not adjusted, and are passed over.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		p := pass.Fset.Position(f.Package)
		if p.Filename == "" || ast.IsGenerated(f) && p.Filename == pass.Fset.PositionFor(f.Package, false).Filename && len(pass.Files) > 1 {
			continue
		}
		return filepath.Dir(p.Filename)
	}
	if len(pass.Files) > 0 {
		return filepath.Dir(pass.Fset.Position(pass.Files[0].Package).Filename)
	}
	return ""
}

// moduleRoot is the directory at or above dir that holds go.mod, or "".
func moduleRoot(dir string) string {
	for d := dir; d != ""; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return ""
}

// noManifestMessage says that no manifest was found, and where slackscope looks. (Where
// it looked, directory by directory, is in the Result, and in the command's -v output.)
const noManifestMessage = "no Slack app manifest found for this program (manifest.yml, manifest.yaml or manifest.json, also in slack/ or .slack/, from the package's directory up to the repository root), nor a scope request in its code: what it requests was not checked; pass -manifest"

// appFlow reports whether an authorize flow is one of Slack apps' (v2, v2_user: those
// of the default flow's authorize path), whose scopes the program's needs are checked
// against; Sign in with Slack and classic apps' flows are not.
func appFlow(flow string) bool {
	def := catalog.DefaultAuthorizeFlow()
	for f := range catalog.AuthorizeFlows() {
		if f.Flow == flow {
			return f.Path == def.Path
		}
	}
	return false
}

// checkProgramAgainstCode checks the program's needs against the scopes a main package
// requests in code (oauth2.Config, an authorize URL of the v2 flow) when there is no
// manifest: what is missing is reported at the request, naming a call that needs it.
func checkProgramAgainstCode(rep *reporter, reqs []*request, prog []FactUse, def catalog.TokenType, userToo bool) {
	merged := &request{}
	var at *request
	for _, r := range reqs {
		if !appFlow(r.flow) {
			continue
		}
		if at == nil {
			at = r
		}
		merged.scopes = append(merged.scopes, r.scopes...)
	}
	if at == nil {
		return
	}
	tk := heldTokens(prog, def, userToo || len(merged.names(catalog.UserList)) > 0)
	type gap struct {
		what  string
		token catalog.TokenType
	}
	var gaps []gap
	needers := map[gap][]string{}
	for _, u := range prog {
		t := tk.forUse(u)
		if t != catalog.Bot && t != catalog.User {
			continue // app-level and classic tokens are not requested by these flows
		}
		n, ok := need(u, t)
		if !ok || n.Requirement.Kind != catalog.Accepted {
			continue
		}
		for _, c := range merged.gaps(n.Requirement.Clauses, t) {
			g := gap{what: clauseText(c), token: t}
			if _, seen := needers[g]; !seen {
				gaps = append(gaps, g)
			}
			needers[g] = append(needers[g], fmt.Sprintf("%s by %s at %s", u.Method, u.Callee, filepath.Base(u.Position)))
		}
	}
	for _, g := range gaps {
		rep.report(MissingScope, analysis.Diagnostic{Pos: at.pos, Message: fmt.Sprintf(
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
// classic bot's when the program runs an RTM session and only RTM handlers handle the
// event: a program that also handles it as an Events API event, in Socket Mode or over
// HTTP, is a modern app with a classic fallback, and the modern path is the answer).
func (tk tokens) forUse(u FactUse) catalog.TokenType {
	if u.Kind == EventUse && u.RTM && slices.Contains(tk.held, catalog.LegacyBot) {
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
	if u.Kind == FieldUse {
		// Paired with the program's calls (pairFields): the scopes their answers need.
		var cs []catalog.Clause
		for _, e := range u.Extra {
			if s, ok := catalog.LookupScope(e); ok && s.Tokens.Has(t) {
				cs = append(cs, catalog.Clause{e})
			}
		}
		return catalog.Need{Name: u.Method, Requirement: catalog.Requirement{Kind: catalog.Accepted, Clauses: cs}}, len(cs) > 0
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
		if len(u.Narrowed) > 0 && allIn(u.Narrowed, c) {
			// The calls whose arguments decide need what they picked; while another
			// call leaves the choice open, it stays too (and what they picked may
			// already meet it: the minimum per call, not per method).
			for _, s := range u.Narrowed {
				cs = append(cs, catalog.Clause{s})
			}
			if !u.Open {
				continue
			}
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
func checkUse(rep *reporter, u Use, tk tokens, req *request) {
	if u.Kind == FieldUse {
		return // what a read needs depends on the program's calls: main checks it
	}
	if u.Kind != MethodUse {
		checkHandled(rep, u, tk, req)
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
		rep.report(RetiredMethod, analysis.Diagnostic{Pos: u.Pos, Message: msg})
		return
	}
	if m.Auth != catalog.Bearer {
		return
	}
	t, ok := tk.forMethod(m)
	if ok {
		checkAdvisories(rep, u, m, t)
	}
	if !ok {
		msg := fmt.Sprintf("%s calls %s, which a %s token cannot call (Slack answers not_allowed_token_type)", u.Callee, u.Method, tokenName(tk.def))
		if acc := m.AcceptedTokens(); acc != 0 {
			msg += "; it needs a " + strings.ReplaceAll(acc.String(), ",", " or ") + " token"
		}
		rep.report(WrongTokenType, analysis.Diagnostic{Pos: u.Pos, Message: msg})
		return
	}
	if req == nil {
		return
	}
	n, ok := need(FactUse{Method: u.Method, Narrowed: u.Narrowed, Extra: u.Extra, Open: u.Narrowed == nil}, t)
	if !ok || n.Requirement.Kind != catalog.Accepted {
		return
	}
	req.reportMissingCall(rep, u.Pos, u.Callee, u.Method, n.Requirement.Clauses, t)
	req.checkPolicyAtCall(rep, u.Pos, u.Callee, u.Method, n.Requirement.Clauses)
}

// checkElsewhere checks, against the program's manifest, the needs main reaches in
// packages that did not check them against it: a module of the workspace, a shared
// package whose own directory leads to another manifest, or to none. Each is reported
// where main's code leads to it, naming the call that needs it. (A package that checked
// its uses against this manifest has reported them itself.)
func checkElsewhere(pass *analysis.Pass, cfg *Config, rep *reporter, res *Result, reached *reachResult, tk tokens, req *request, manifests *manifest.Cache) {
	own := map[string]bool{}
	for _, f := range pass.Files {
		own[pass.Fset.File(f.Pos()).Name()] = true
	}
	root := moduleRoot(packageDir(pass))
	checkedHere := func(file string) bool {
		dir := filepath.Dir(file)
		if cfg.Manifest != "" { // -manifest: every package of the module reads it
			return root != "" && moduleRoot(dir) == root
		}
		return manifests.Find(dir).Path == res.Manifest.Path
	}
	for _, u := range res.Program {
		file, _, _ := splitPosition(u.Position)
		// A field read is checked by no package of its own (what it needs depends on
		// the program's calls): main checks it wherever it is.
		if file == "" || own[file] || checkedHere(file) && u.Kind != FieldUse {
			continue
		}
		pos := reached.via(u)
		where := filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file) + strings.TrimPrefix(u.Position, file)
		t := tk.forUse(u)
		n, ok := need(u, t)
		if !ok || n.Requirement.Kind != catalog.Accepted {
			continue
		}
		verb := "calls " + u.Method
		switch u.Kind {
		case EventUse:
			verb = "handles the " + u.Method + " event"
		case FeatureUse:
			verb = "uses the " + strings.ReplaceAll(u.Method, "_", " ") + " feature"
		case FieldUse:
			req.reportMissing(rep, pos, fmt.Sprintf("this reaches %s (%s)", fieldSubject(u), where), n.Requirement.Clauses, t)
			continue
		}
		req.reportMissing(rep, pos, fmt.Sprintf("this reaches %s, which %s (%s)", u.Callee, verb, where), n.Requirement.Clauses, t)
	}
}

// checkFieldReads reports, at each of main's own reads of a response field the program's
// calls answer only with a scope (users.info's profile.email), the scope the manifest
// lacks.
func checkFieldReads(rep *reporter, uses []Use, prog []FactUse, reached *reachResult, tk tokens, req *request) {
	for _, u := range uses {
		if u.Kind != FieldUse || !reached.reached(u.Pos) {
			continue
		}
		i := slices.IndexFunc(prog, func(p FactUse) bool { return p.Kind == FieldUse && p.Method == u.Method })
		if i < 0 {
			continue // no call of the program answers with the field
		}
		p := prog[i]
		p.Callee = u.Callee
		t := tk.forUse(p)
		if n, ok := need(p, t); ok {
			req.reportMissing(rep, u.Pos, fieldSubject(p), n.Requirement.Clauses, t)
		}
	}
}

// splitPosition splits "file:line:col".
func splitPosition(posn string) (file, line, col string) {
	file = posn
	if i := strings.LastIndex(file, ":"); i >= 0 {
		file, col = file[:i], file[i+1:]
	}
	if i := strings.LastIndex(file, ":"); i >= 0 {
		file, line = file[:i], file[i+1:]
	}
	return file, line, col
}

// sumMatches reports whether sum is a prefix of content's SHA-256 in hex.
func sumMatches(content []byte, sum string) bool {
	h := sha256.Sum256(content)
	return strings.HasPrefix(hex.EncodeToString(h[:]), strings.ToLower(sum))
}

// subscribes reports whether the manifest subscribes to the event, for either token
// (any message.* subscription covers a handler of every message).
func (r *request) subscribes(event string) bool {
	return slices.ContainsFunc(append(slices.Clone(r.man.BotEvents), r.man.UserEvents...), func(s manifest.Ref) bool {
		return catalog.Delivers(s.Name, event)
	})
}

// checkHandled reports the scopes an event or feature the code handles needs and the
// manifest lacks, at the handler, and an event the manifest does not subscribe to.
func checkHandled(rep *reporter, u Use, tk tokens, req *request) {
	if req == nil {
		return
	}
	if req.man != nil {
		req.checkHandledSubscribed(rep, u, tk)
		if u.Kind == EventUse && !req.subscribes(u.Method) {
			// The manifest's subscriptions decide: an event it does not subscribe to
			// never arrives, and needs no scope (missing-subscription says so).
			return
		}
	}
	// An RTM session delivers its events to the classic bot, which no request grants.
	t := tk.forUse(FactUse{Method: u.Method, Kind: u.Kind, RTM: u.RTM})
	n, ok := need(FactUse{Method: u.Method, Kind: u.Kind, Open: true}, t)
	if !ok || n.Requirement.Kind != catalog.Accepted {
		return
	}
	what := "the " + strings.ReplaceAll(u.Method, "_", " ") + " feature"
	if u.Kind == EventUse {
		what = "the " + u.Method + " event"
	}
	req.reportMissing(rep, u.Pos, u.Callee+" handles "+what, n.Requirement.Clauses, t)
}
