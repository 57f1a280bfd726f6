package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
	"github.com/slackscope/slackscope/internal/bindings"
	"github.com/slackscope/slackscope/internal/derive"
)

// A UseKind says what a use's name names.
type UseKind uint8

const (
	// MethodUse: a call of a Web API method ("chat.postMessage").
	MethodUse UseKind = iota
	// EventUse: an event the code handles ("app_mention"); the use's Callee says how
	// the code shows it (*slackevents.AppMentionEvent).
	EventUse
	// FeatureUse: an app feature the code uses ("incoming_webhook", "slash_commands").
	FeatureUse
	// FieldUse: a response field the code reads that Slack returns only to a token with
	// a scope of its own ("profile.email"; fields.go).
	FieldUse
)

var useKindNames = [...]string{MethodUse: "method", EventUse: "event", FeatureUse: "feature", FieldUse: "field"}

func (k UseKind) String() string {
	if int(k) < len(useKindNames) {
		return useKindNames[k]
	}
	return "UseKind(" + strconv.Itoa(int(k)) + ")"
}

// A Use is one call that reaches a Web API method, an event the code handles or an app
// feature it uses.
type Use struct {
	// Method is the Web API method ("chat.postMessage"), the event ("app_mention") or the
	// feature ("incoming_webhook"), as Kind says.
	Method string
	Kind   UseKind
	Pos    token.Pos
	// Callee names the Go function called ("(*slack.Client).PostMessage"), or "an HTTP
	// request" for a direct one.
	Callee string
	// Narrowed are the scopes the call's arguments pick among the method's alternatives
	// (types=im: im:read); nil when the call leaves the choice open.
	Narrowed []string
	// Extra are the conditional scopes the call's arguments make necessary
	// (chat:write.customize for MsgOptionUsername).
	Extra []string

	// RTM marks an event handled as an RTM event (a type of slack-go's RTM,
	// *slack.MessageEvent), not an Events API one (*slackevents.MessageEvent).
	RTM bool

	// openOptions say why a conditional scope is left undecided: the options the call
	// passes could not be followed (options.go). Each becomes an unresolved call.
	openOptions []string
}

// An Unresolved call reaches the Web API, but the analysis cannot tell which method, or
// whether the options it passes need a conditional scope.
type Unresolved struct {
	Pos    token.Pos
	Callee string
	Why    string
}

// findUses turns the package's call sites into uses. A request whose URL still depends on
// the calling function's parameters is left to that function's callers, where it is
// resolved.
func findUses(pass *analysis.Pass, res *bindings.Result) (uses []Use, unresolved []Unresolved) {
	var index map[*types.Func]*ast.FuncDecl
	decls := func() map[*types.Func]*ast.FuncDecl {
		if index == nil {
			index = funcDecls(pass)
		}
		return index
	}
	for _, site := range res.Sites {
		callee := "an HTTP request"
		if len(site.Callees) > 0 {
			callee = shortName(site.Callees[0])
		}
		seen := map[string]bool{}
		for _, r := range site.Requests {
			if hasParam(r.URL) {
				continue
			}
			m, ok, open := r.URL.Method()
			switch {
			case ok && !open && derive.ValidMethod(m):
				if seen[m] {
					continue
				}
				seen[m] = true
				u := Use{Method: m, Pos: site.Pos(), Callee: callee}
				narrow(pass, res, site, &u, decls)
				uses = append(uses, u)
				for _, why := range u.openOptions {
					unresolved = append(unresolved, Unresolved{Pos: site.Pos(), Callee: callee, Why: why})
				}
			case ok:
				unresolved = append(unresolved, Unresolved{Pos: site.Pos(), Callee: callee, Why: "the Web API method is not a constant: " + r.URL.String()})
			}
		}
		// Requests to other URLs that an app feature stands for (PostWebhook: an
		// incoming webhook).
		for _, fn := range site.Callees {
			s := res.Summary(fn)
			if s == nil {
				continue
			}
			for _, t := range derive.Resolve(fn, s).Targets {
				if t.Kind == derive.IncomingWebhook && site.Call != nil && isResponseURL(pass, paramArg(site.Call, fn, t.Detail), 0) {
					continue // an interaction's response_url: no feature, no scope
				}
				if t.Kind == derive.IncomingWebhook && !seen[string(t.Kind)] {
					seen[string(t.Kind)] = true
					uses = append(uses, Use{Method: string(t.Kind), Kind: FeatureUse, Pos: site.Pos(), Callee: callee})
				}
			}
		}
	}
	return uses, unresolved
}

func hasParam(v derive.Value) bool {
	return slices.ContainsFunc(v, func(p derive.Part) bool { return p.Kind == derive.Param })
}

// shortName writes a function's name with its package's last element:
// "(*slack.Client).PostMessage", "notify.Notify".
func shortName(fn *types.Func) string {
	full := fn.FullName()
	if fn.Pkg() == nil {
		return full
	}
	path := fn.Pkg().Path()
	short := path[strings.LastIndex(path, "/")+1:]
	if fn.Pkg().Name() != "" {
		short = fn.Pkg().Name()
	}
	return strings.Replace(full, path+".", short+".", 1)
}

// narrow applies what the call passes to the use: constant values of list arguments that
// choose among the method's alternatives, and options that set the arguments of a
// conditional scope.
func narrow(pass *analysis.Pass, res *bindings.Result, site derive.Site, u *Use, decls func() map[*types.Func]*ast.FuncDecl) {
	m, ok := catalog.LookupMethod(u.Method)
	if !ok || len(site.Callees) == 0 || site.Call == nil {
		return
	}
	callee := site.Callees[0]
	sum := res.Summary(callee)
	if sum != nil {
		for _, a := range m.Arguments {
			for _, arg := range sum.Args {
				if arg.Name != a.Name {
					continue
				}
				if a.One != "" || a.Many != "" {
					if n, known := argCount(site.Call, callee, arg); known {
						if sc, ok := a.ScopeForCount(n); ok {
							u.Narrowed = append(u.Narrowed, sc)
						}
					}
					continue
				}
				vals, known := argValues(pass, site.Call, callee, arg)
				if !known {
					continue
				}
				if scopes, ok := a.Scopes(vals); ok {
					u.Narrowed = append(u.Narrowed, scopes...)
				}
			}
		}
	}
	// Options passed at the call (slack.MsgOptionUsername("deploy-bot")), or through
	// slices, helpers and wrappers of the package (options.go).
	var conditional []catalog.Conditional
	for _, c := range m.Conditional {
		if len(c.Args) > 0 {
			conditional = append(conditional, c)
		}
	}
	if len(conditional) == 0 {
		return
	}
	tr := newOptionTracer(pass, res, decls())
	tr.call(site.Call)
	for _, c := range conditional {
		if slices.ContainsFunc(c.Args, func(a string) bool { return slices.Contains(tr.args, a) }) {
			if !slices.Contains(u.Extra, c.Scope) {
				u.Extra = append(u.Extra, c.Scope)
			}
		} else if tr.open != "" && !appcode.ClientPackage(pass.Pkg) {
			// (The client's own code passing its callers' options on, when slack-go's
			// module is the program, leaves them to its callers.)
			u.openOptions = append(u.openOptions, fmt.Sprintf("%s; %s is needed if they set %s", tr.open, c.Scope, strings.Join(c.Args, ", ")))
		}
	}
}

// argValues reads the constant values a call passes for a Web API argument the callee
// takes from its parameters (arg.Index, below it arg.Path): the strings of
// &slack.GetConversationsParameters{Types: []string{"im"}}, or of a variadic parameter.
// known is false when the call passes something the analyzer cannot read; a composite
// literal that leaves the field out passes nothing (the Web API's default applies).
func argValues(pass *analysis.Pass, call *ast.CallExpr, callee *types.Func, arg derive.Arg) (vals []string, known bool) {
	elems, e, known := argExpr(call, callee, arg)
	switch {
	case !known:
		return nil, false
	case elems != nil:
		return constStrings(pass, elems)
	case e == nil:
		return nil, true
	}
	if s, ok := constString(pass, e); ok {
		if s == "" {
			return nil, true
		}
		return strings.Split(s, ","), true
	}
	return nil, false
}

// argCount is how many values a call passes for a list argument, whatever they are
// (Users: []string{id}: one); known is false when the count cannot be read.
func argCount(call *ast.CallExpr, callee *types.Func, arg derive.Arg) (n int, known bool) {
	elems, e, known := argExpr(call, callee, arg)
	switch {
	case !known:
		return 0, false
	case elems != nil:
		for _, el := range elems {
			if _, ok := el.(*ast.KeyValueExpr); ok {
				return 0, false // an indexed element: the length is not the count
			}
		}
		return len(elems), true
	case e == nil:
		return 0, true
	}
	return 0, false
}

// argExpr finds what a call passes for a Web API argument the callee takes from its
// parameters: the elements of a composite literal or of a variadic parameter (elems, not
// nil when there are some), or else the expression e; e is nil and known true when the
// call leaves the argument out (a field not set, no variadic argument).
func argExpr(call *ast.CallExpr, callee *types.Func, arg derive.Arg) (elems []ast.Expr, e ast.Expr, known bool) {
	sig := callee.Type().(*types.Signature)
	variadic := sig.Variadic() && arg.Index == sig.Params().Len()-1 && len(arg.Path) == 0
	if arg.Index >= len(call.Args) {
		return nil, nil, variadic
	}
	if variadic && !call.Ellipsis.IsValid() {
		return call.Args[arg.Index:], nil, true
	}
	e = call.Args[arg.Index]
	for _, field := range arg.Path {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok {
			return nil, nil, false
		}
		var next ast.Expr
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
					next = kv.Value
				}
			}
		}
		if next == nil {
			return nil, nil, true // the field is left out: its zero value
		}
		e = next
	}
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		if len(lit.Elts) == 0 {
			return nil, nil, true
		}
		return lit.Elts, nil, true
	}
	return nil, e, true
}

func constStrings(pass *analysis.Pass, es []ast.Expr) ([]string, bool) {
	var out []string
	for _, e := range es {
		s, ok := constString(pass, e)
		if !ok {
			return nil, false
		}
		out = append(out, strings.Split(s, ",")...)
	}
	return out, true
}

func constString(pass *analysis.Pass, e ast.Expr) (string, bool) {
	tv := pass.TypesInfo.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
