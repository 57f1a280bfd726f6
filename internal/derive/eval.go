package derive

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// eval is the set of string values expr may have, in terms of fn's parameters (fn nil: at
// package level). Locals are followed through every assignment in fn (flow-insensitively);
// fields and package variables through every assignment in the package, with the
// parameters of the storing function resolved from its call sites.
func (d *deriver) eval(expr ast.Expr, fn *fnInfo) valueSet {
	expr = ast.Unparen(expr)
	if tv, ok := d.info.Types[expr]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return valueSet{lit(constant.StringVal(tv.Value))}
		}
		return valueSet{lit(tv.Value.ExactString())}
	}
	switch e := expr.(type) {
	case *ast.Ident:
		v, ok := d.info.Uses[e].(*types.Var)
		if !ok {
			return valueSet{unknown("the identifier " + e.Name)}
		}
		return d.evalVar(v, fn)
	case *ast.SelectorExpr:
		if sel := d.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return d.fieldValues(sel.Obj().(*types.Var))
		}
		if v, ok := d.info.Uses[e.Sel].(*types.Var); ok {
			return d.evalVar(v, fn)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return cross(d.eval(e.X, fn), d.eval(e.Y, fn))
		}
	case *ast.CallExpr:
		return d.evalCall(e, fn)
	case *ast.CompositeLit:
		if isURL(d.info.TypeOf(e)) {
			return d.evalURL(e, fn)
		}
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND && isURL(d.info.TypeOf(lit)) {
			return d.evalURL(lit, fn)
		}
	}
	return valueSet{unknown("a " + describe(expr))}
}

// isURL reports whether t is net/url's URL.
func isURL(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/url" && n.Obj().Name() == "URL"
}

// evalURL is the string of a url.URL literal, as its String method writes it from
// Scheme, Host and Path (url.URL{Scheme: "https", Host: "slack.com", Path:
// "/api/emoji.list"}); a literal with other fields (Opaque, User, RawPath) is not read.
func (d *deriver) evalURL(cl *ast.CompositeLit, fn *fnInfo) valueSet {
	fields := map[string]ast.Expr{}
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return valueSet{unknown("a url.URL written without field names")}
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return valueSet{unknown("a url.URL literal")}
		}
		fields[id.Name] = kv.Value
	}
	part := func(name string) valueSet {
		if e, ok := fields[name]; ok {
			return d.eval(e, fn)
		}
		return valueSet{lit("")}
	}
	for name := range fields {
		switch name {
		case "Scheme", "Host", "Path", "RawQuery", "Fragment":
		default:
			return valueSet{unknown("a url.URL literal with " + name)}
		}
	}
	out := valueSet{lit("")}
	if _, ok := fields["Scheme"]; ok {
		out = cross(part("Scheme"), valueSet{lit(":")})
	}
	if _, ok := fields["Host"]; ok {
		out = cross(cross(out, valueSet{lit("//")}), part("Host"))
		// String puts a slash between a host and a path that lacks one.
		if e, ok := fields["Path"]; ok {
			if tv, ok := d.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				if p := constant.StringVal(tv.Value); p != "" && p[0] != '/' {
					out = cross(out, valueSet{lit("/")})
				}
			}
		}
	}
	out = cross(out, part("Path"))
	if _, ok := fields["RawQuery"]; ok {
		out = cross(cross(out, valueSet{lit("?")}), part("RawQuery"))
	}
	if _, ok := fields["Fragment"]; ok {
		out = cross(cross(out, valueSet{lit("#")}), part("Fragment"))
	}
	return out
}

func describe(e ast.Expr) string {
	switch e.(type) {
	case *ast.IndexExpr:
		return "value read from a map or slice"
	case *ast.CallExpr:
		return "function's result"
	case *ast.StarExpr:
		return "value read through a pointer"
	case *ast.TypeAssertExpr:
		return "type assertion's result"
	}
	return "computed value"
}

func (d *deriver) evalVar(v *types.Var, fn *fnInfo) valueSet {
	if fn != nil {
		if i := paramIndex(fn.sig, v); i >= 0 {
			return valueSet{Value{{Kind: Param, Text: v.Name(), Index: i}}}
		}
	}
	if v.Pkg() != d.in.Pkg {
		return valueSet{unknown("variable " + v.Name() + " of package " + pkgPath(v.Pkg()))}
	}
	if v.IsField() {
		return d.fieldValues(v)
	}
	sts, ok := d.stores[v]
	if !ok {
		return valueSet{unknown("a parameter of a function literal or a variable set elsewhere")}
	}
	return d.memo(d.varMemo, v, func() valueSet { return d.varValues(sts, fn) })
}

func (d *deriver) varValues(sts []store, fn *fnInfo) valueSet {
	var out valueSet
	for _, st := range sts {
		switch {
		case st.expr == nil && st.why == "":
			out = out.add(lit(""))
		case st.expr == nil:
			out = out.add(unknown(st.why))
		case st.result > 0:
			out = out.addAll(d.evalResult(st, fn))
		case st.fn == fn:
			out = out.addAll(d.eval(st.expr, fn))
		default: // a package variable, set in another function
			out = out.addAll(d.resolved(st))
		}
	}
	return out
}

func pkgPath(p *types.Package) string {
	if p == nil {
		return "builtin"
	}
	return p.Path()
}

func paramIndex(sig *types.Signature, v *types.Var) int {
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// resolved is the values of a store with the storing function's parameters replaced by
// what its callers pass (context-insensitively).
func (d *deriver) resolved(st store) valueSet {
	if st.expr == nil {
		if st.why == "" {
			return valueSet{lit("")}
		}
		return valueSet{unknown(st.why)}
	}
	var out valueSet
	vs := d.eval(st.expr, st.fn)
	if st.result > 0 {
		vs = d.evalResult(st, st.fn)
	}
	for _, v := range vs {
		out = out.addAll(subst(v, func(i int) valueSet { return d.paramValues(st.fn, i) }))
	}
	return out
}

// memo runs f once for key; a cycle back to key answers nothing.
func (d *deriver) memo(m map[any]valueSet, key any, f func() valueSet) valueSet {
	if vs, ok := m[key]; ok {
		return vs
	}
	if d.busy[key] {
		d.cycle = true
		return nil
	}
	d.busy[key] = true
	outer := d.cycle
	d.cycle = false
	vs := f()
	delete(d.busy, key)
	// A result that met a cycle may lack what the cycle's head adds later: cache it only
	// once the head is done (or when the work grows too large to redo).
	d.steps++
	if !d.cycle || d.steps > maxSteps {
		m[key] = vs
	}
	d.cycle = d.cycle || outer
	return vs
}

// maxSteps bounds the work redone for results that met a cycle.
const maxSteps = 200000

type paramKey struct {
	fn *types.Func
	i  int
}

// paramValues is every value fn's parameter i receives from the call sites in the package.
// An exported function's parameter, or one of a function used as a value, also receives
// values from elsewhere (Unknown, with Caller set); those are dropped when the package
// itself passes known values, since they are then overrides of a default (a test
// server's URL, say).
func (d *deriver) paramValues(fn *fnInfo, i int) valueSet {
	return d.memo(d.paramMemo, paramKey{fn.obj, i}, func() valueSet {
		name := fn.sig.Params().At(i).Name()
		var known, open valueSet
		if fn.obj.Exported() || d.used[fn.obj] {
			open = open.add(Value{{Kind: Unknown, Why: "a caller's value", Text: name, Caller: fn.obj.FullName()}})
		}
		for _, s := range d.calls[fn.obj] {
			args := d.argValues(s.call, fn.obj, s.caller)(i)
			for _, v := range args {
				for _, w := range subst(v, func(j int) valueSet { return d.paramValues(s.caller, j) }) {
					if isOpen(w) {
						open = open.add(w)
					} else {
						known = known.add(w)
					}
				}
			}
		}
		return preferKnown(known, open)
	})
}

// preferKnown drops the values that come from the package's users when the package itself
// supplies known ones.
func preferKnown(known, open valueSet) valueSet {
	if len(known) > 0 {
		return known
	}
	return open
}

func split(vs valueSet) (known, open valueSet) {
	for _, v := range vs {
		if isOpen(v) {
			open = open.add(v)
		} else {
			known = known.add(v)
		}
	}
	return known, open
}

func isOpen(v Value) bool {
	for _, p := range v {
		if p.Kind == Unknown && p.Caller != "" {
			return true
		}
	}
	return false
}

// fieldValues is every value the package stores in field f outside options. Where options
// store other values too and the defaults name a Web API method, each value carries a Via
// marker naming the field, so that requests record which options can change them.
func (d *deriver) fieldValues(f *types.Var) valueSet {
	return d.memo(d.fieldMemo, f, func() valueSet {
		var out valueSet
		overridden := false
		for _, st := range d.stores[f] {
			if st.override {
				overridden = true
				continue
			}
			out = out.addAll(d.resolved(st))
		}
		out = preferKnown(split(out))
		// A field never set, or set only from itself (url.Parse(f) ... f = u.String()),
		// holds what a response filled in.
		if len(out) == 0 || f.Pkg() != d.in.Pkg {
			return valueSet{{{Kind: Unknown, Why: "a field the package never sets (filled from a response)", Text: f.Name()}}}
		}
		if overridden && namesMethod(out) {
			marked := make(valueSet, 0, len(out))
			for _, v := range out {
				marked = marked.add(append(Value{{Kind: Via, Text: d.fieldKey(f)}}, v...))
			}
			return marked
		}
		return out
	})
}

// urlField reports whether f is a field whose default values name a Web API method and
// that options change.
func (d *deriver) urlField(f *types.Var) bool {
	for _, v := range d.fieldValues(f) {
		if len(v) > 0 && v[0].Kind == Via {
			return true
		}
	}
	return false
}

func namesMethod(vs valueSet) bool {
	for _, v := range vs {
		if m, ok, open := v.Method(); ok && !open && m != "" {
			return true
		}
	}
	return false
}

// evalCall follows conversions, fmt.Sprintf with a constant format, and calls of the
// package's own functions that return a string.
func (d *deriver) evalCall(call *ast.CallExpr, fn *fnInfo) valueSet {
	if tv, ok := d.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return d.eval(call.Args[0], fn)
	}
	callee := d.staticCallee(call)
	if callee == nil {
		return valueSet{unknown("a result of a function value")}
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == "fmt" && callee.Name() == "Sprintf" && len(call.Args) > 0 {
		return d.evalSprintf(call, fn)
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == "net/url" && callee.Name() == "String" {
		// u.String() of a URL parsed from a string: the string (the derivation follows
		// hosts and paths, not query parameters added on the way).
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return d.eval(sel.X, fn)
		}
	}
	return d.callResult(call, 0, fn)
}

// evalResult is the value of a store of one result of a call with several results.
func (d *deriver) evalResult(st store, fn *fnInfo) valueSet {
	call, ok := ast.Unparen(st.expr).(*ast.CallExpr)
	if !ok {
		return valueSet{unknown("one of several values")}
	}
	return d.callResult(call, st.result-1, fn)
}

// callResult is result i of a call: url.Parse's URL is its string; a function of this
// package returns what its return statements say, with its parameters replaced by the
// call's arguments.
func (d *deriver) callResult(call *ast.CallExpr, i int, fn *fnInfo) valueSet {
	callee := d.staticCallee(call)
	if callee == nil {
		return valueSet{unknown("a result of a function value")}
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == "net/url" && callee.Name() == "Parse" && i == 0 && len(call.Args) == 1 {
		return d.eval(call.Args[0], fn)
	}
	if callee.Pkg() != d.in.Pkg {
		if s := d.summaryOf(callee); s != nil {
			for _, r := range s.Results {
				if r.Index == i {
					var out valueSet
					for _, v := range r.Values {
						out = out.addAll(subst(v, d.argValues(call, callee, fn)))
					}
					return out
				}
			}
		}
		return valueSet{unknown("a result of " + callee.FullName())}
	}
	cf := d.byObj[callee]
	if cf == nil || i >= cf.sig.Results().Len() {
		return valueSet{unknown("a result of " + callee.Name())}
	}
	rets := d.memo(d.returnMemo, paramKey{callee, i}, func() valueSet { return d.returnValues(cf, i) })
	args := d.argValues(call, callee, fn)
	var out valueSet
	for _, v := range rets {
		out = out.addAll(subst(v, args))
	}
	return out
}

func (d *deriver) returnValues(fn *fnInfo, i int) valueSet {
	var out valueSet
	ast.Inspect(fn.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == fn.sig.Results().Len():
				out = out.addAll(d.eval(n.Results[i], fn))
			case len(n.Results) == 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					out = out.addAll(d.callResult(call, i, fn))
					break
				}
				fallthrough
			default:
				out = out.add(unknown("a named result"))
			}
		}
		return true
	})
	return out
}

// evalSprintf handles %s and %v verbs over the arguments; other verbs are Unknown.
func (d *deriver) evalSprintf(call *ast.CallExpr, fn *fnInfo) valueSet {
	tv := d.info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return valueSet{unknown("a string formatted with a variable format")}
	}
	format := constant.StringVal(tv.Value)
	out := valueSet{nil}
	arg := 1
	for {
		i := strings.IndexByte(format, '%')
		if i < 0 || i+1 >= len(format) {
			out = cross(out, valueSet{lit(format)})
			return out
		}
		out = cross(out, valueSet{lit(format[:i])})
		verb := format[i+1]
		format = format[i+2:]
		if verb == '%' {
			out = cross(out, valueSet{lit("%")})
			continue
		}
		if arg >= len(call.Args) {
			return valueSet{unknown("a string formatted with missing arguments")}
		}
		if verb == 's' || verb == 'v' {
			out = cross(out, d.eval(call.Args[arg], fn))
		} else {
			out = cross(out, valueSet{unknown("a formatted number")})
		}
		arg++
	}
}
