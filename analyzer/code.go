package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
)

// findCodeRequests finds the scope requests written in the package's files (tests and
// mocks left out): the Scopes of an oauth2.Config, the scope and user_scope parameters of
// a Slack authorize URL in a string constant.
func findCodeRequests(pass *analysis.Pass) []*request {
	var out []*request
	for _, f := range pass.Files {
		if appcode.TestOrMock(pass.Fset, f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if r, ok := oauth2Config(pass, n); ok {
					out = append(out, r)
				}
			case *ast.BasicLit:
				if r, ok := authorizeURL(pass, n); ok {
					out = append(out, r)
				}
			}
			return true
		})
	}
	return out
}

// oauth2Config reads oauth2.Config{Endpoint: ..., Scopes: []string{...}}.
func oauth2Config(pass *analysis.Pass, lit *ast.CompositeLit) (*request, bool) {
	n, ok := types.Unalias(pass.TypesInfo.TypeOf(lit)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "golang.org/x/oauth2" || n.Obj().Name() != "Config" {
		return nil, false
	}
	r := &request{flow: catalog.DefaultAuthorizeFlow().Flow, pos: lit.Pos(), source: "oauth2.Config"}
	var scopes ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch key, _ := kv.Key.(*ast.Ident); {
		case key == nil:
		case key.Name == "Scopes":
			scopes = kv.Value
		case key.Name == "Endpoint":
			r.flow = endpointFlow(pass, kv.Value)
		}
	}
	if scopes == nil {
		return nil, false
	}
	list := flowList(r.flow, "scope")
	for _, e := range stringElems(pass, scopes) {
		s, ok := constString(pass, e)
		if !ok {
			continue
		}
		pos, end := e.Pos(), e.End()
		if bl, ok := ast.Unparen(e).(*ast.BasicLit); ok {
			pos, end = bl.Pos()+1, bl.End()-1 // inside the quotes
		}
		r.scopes = append(r.scopes, requested{list: list, name: s, pos: pos, end: end, exact: end-pos == token.Pos(len(s))})
	}
	return r, true
}

// stringElems are the elements of a []string literal, directly or through a variable
// initialised with one.
func stringElems(pass *analysis.Pass, e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok {
			e = initOf(pass, v)
		}
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return lit.Elts
	}
	return nil
}

// initOf finds the expression a variable is declared with (var x = e, x := e).
func initOf(pass *analysis.Pass, v *types.Var) ast.Expr {
	var out ast.Expr
	for _, f := range pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if pass.TypesInfo.Defs[name] == v && i < len(n.Values) {
						out = n.Values[i]
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && pass.TypesInfo.Defs[id] == v && len(n.Lhs) == len(n.Rhs) {
						out = n.Rhs[i]
					}
				}
			}
			return out == nil
		})
	}
	return out
}

// endpointFlow tells the authorize flow from an oauth2.Config's Endpoint: a variable the
// catalog knows holds one of Slack's authorize URLs (x/oauth2/slack's Endpoint, the
// classic one) is its flow; an oauth2.Endpoint literal says by its AuthURL; anything else
// is the default flow, that of Slack apps.
func endpointFlow(pass *analysis.Pass, e ast.Expr) string {
	e = ast.Unparen(e)
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if v, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil {
			if ep, ok := catalog.LookupOAuth2Endpoint(v.Pkg().Path() + "." + v.Name()); ok {
				return ep.Flow
			}
		}
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "AuthURL" {
					if s, ok := constString(pass, kv.Value); ok {
						if u, err := url.Parse(s); err == nil {
							if f := flowByPath(u.Path); f != "" {
								return f
							}
						}
					}
				}
			}
		}
	}
	return catalog.DefaultAuthorizeFlow().Flow
}

// flowByPath is the catalog's flow for an authorize path (the first that matches).
func flowByPath(path string) string {
	for f := range catalog.AuthorizeFlows() {
		if f.Path == path {
			return f.Flow
		}
	}
	return ""
}

// flowList is the list a parameter of a flow requests scopes for.
func flowList(flow, param string) catalog.List {
	for f := range catalog.AuthorizeFlows() {
		if f.Flow != flow {
			continue
		}
		for _, p := range f.Params {
			if p.Name == param {
				return catalog.List(p.Target)
			}
		}
	}
	return catalog.BotList
}

// authorizeScope is one scope of an authorize URL: the list it requests it for, and its
// byte offset in the URL's text (-1 where the URL's encoding hides it).
type authorizeScope struct {
	list   catalog.List
	name   string
	offset int
}

// parseAuthorizeURL reads a Slack authorize URL
// ("https://slack.com/oauth/v2/authorize?scope=chat:write,commands&user_scope=search:read"):
// its flow, by the catalog's authorize paths, and the scopes of each parameter the flow
// defines. ok is false for any other string.
func parseAuthorizeURL(s string) (flow string, scopes []authorizeScope, ok bool) {
	if !strings.Contains(s, "slack.com/") || !strings.Contains(s, "authorize") {
		return "", nil, false
	}
	u, err := url.Parse(s)
	if err != nil || !strings.HasSuffix(u.Host, "slack.com") {
		return "", nil, false
	}
	if flow = flowByPath(u.Path); flow == "" {
		return "", nil, false
	}
	q := u.Query()
	for f := range catalog.AuthorizeFlows() {
		if f.Flow != flow {
			continue
		}
		for _, p := range f.Params {
			val := q.Get(p.Name)
			if val == "" {
				continue
			}
			start := paramStart(s, p.Name)
			names, _ := catalog.ParseScopes(val)
			for _, name := range names {
				off := -1
				if start >= 0 {
					if i := strings.Index(s[start:], name); i >= 0 && !strings.ContainsAny(s[start:start+i], "&#") {
						off = start + i
					}
				}
				scopes = append(scopes, authorizeScope{list: catalog.List(p.Target), name: name, offset: off})
			}
		}
	}
	return flow, scopes, len(scopes) > 0
}

// paramStart is the offset of the value of query parameter name in s (after "name="
// preceded by ? or &), or -1.
func paramStart(s, name string) int {
	for _, sep := range []string{"?", "&"} {
		if i := strings.Index(s, sep+name+"="); i >= 0 {
			return i + len(sep+name+"=")
		}
	}
	return -1
}

// authorizeURL reads the scopes of a Slack authorize URL in a string literal.
func authorizeURL(pass *analysis.Pass, lit *ast.BasicLit) (*request, bool) {
	if lit.Kind != token.STRING || !strings.Contains(lit.Value, "authorize") {
		return nil, false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil, false
	}
	flow, scopes, ok := parseAuthorizeURL(s)
	if !ok {
		return nil, false
	}
	r := &request{flow: flow, pos: lit.Pos(), source: "the authorize URL"}
	// Offsets hold in the source only where the literal's text is the string itself.
	exact := lit.Value[1:len(lit.Value)-1] == s
	for _, sc := range scopes {
		rs := requested{list: sc.list, name: sc.name, pos: lit.Pos(), end: lit.End()}
		if exact && sc.offset >= 0 {
			rs.pos = lit.Pos() + token.Pos(1+sc.offset)
			rs.end = rs.pos + token.Pos(len(sc.name))
			rs.exact = true
		}
		r.scopes = append(r.scopes, rs)
	}
	return r, true
}
