package derive

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Input is one type-checked package.
type Input struct {
	Pkg   *types.Package
	Files []*ast.File
	Info  *types.Info
	// Imported returns the summary of a function of another package (nil when it has none).
	Imported func(*types.Func) *Summary
	// Implementations, when set, gives the concrete methods an interface method call may
	// reach (a user's `type poster interface{ PostMessage(...) }` satisfied by
	// *slack.Client); without it such calls reach nothing.
	Implementations func(ifaceMethod *types.Func) []*types.Func
	// Skip, when set, leaves out the call sites (not the summaries) of the files it
	// reports true for: test files, mocks.
	Skip func(*ast.File) bool
	// NoSites leaves the call sites out altogether: a dependency's are counted nowhere,
	// and finding them costs a pass over every function.
	NoSites bool
	// Counted, when set, reports the functions whose own call sites are counted where
	// they are (the program's other packages): a call of one is a site only for what the
	// call decides. The package's own functions always are.
	Counted func(*types.Func) bool
	// Client, when set, reports the packages of a Go Slack client, whose request
	// functions apply every option they are given and change none: only a call of one
	// drops its default URL for a slice of options that certainly sets it (always.go).
	Client func(*types.Package) bool
}

// Derived is what Package finds.
type Derived struct {
	// Summaries are those of the package's functions that reach something, set arguments,
	// or are options.
	Summaries map[*types.Func]*Summary
	// Sites are the calls in the package's functions that send requests, in source order,
	// with their requests in the calling function's terms.
	Sites []Site
	// Failure is set when the derivation met code it could not handle (it then derives
	// nothing for the package rather than fail the analysis).
	Failure string
}

// A Site is one call that reaches requests: a call of a function with a summary, or an
// HTTP request made directly.
type Site struct {
	// Call is the call; for a function or method value taken without a call
	// (retry(c.AddReaction)), Call is nil and Ref is the reference.
	Call    *ast.CallExpr
	Ref     ast.Expr
	Func    *types.Func   // the function the call is in
	Callees []*types.Func // the functions called (several for an interface method); nil for a direct request
	// Requests are the requests the call sends, options passed at the call applied. A URL
	// with Param parts depends on the calling function's parameters: its callers' sites
	// resolve it.
	Requests []Request
}

// Package derives the summary of every function and method of the package that reaches
// the Slack API (or another URL), sets Web API arguments, or is an option, and the call
// sites that reach requests. The result is deterministic for the same source.
func Package(in Input) (out *Derived) {
	// The derivation must never take a vet run down with it: code it does not understand
	// is reported as a Failure, with what was derived before.
	defer func() {
		if r := recover(); r != nil {
			out = &Derived{Summaries: map[*types.Func]*Summary{}, Failure: fmt.Sprint(r)}
		}
	}()
	d := newDeriver(in)
	d.index()
	// Summaries depend on the callees' summaries: work to a fixed point, summarizing a
	// function again only when a summary it read has changed (recursion converges
	// because values and sets are bounded; the step limit is a guard).
	if !in.NoSites {
		// Sites are recorded as functions are summarized, each function's replacing
		// those of its previous summary: a function is summarized again whenever a
		// summary it read changes, so its last summary, and its sites, are final.
		d.sites = map[ast.Expr]*Site{}
		d.siteNodes = map[*fnInfo][]ast.Expr{}
		d.skipSites = map[*fnInfo]bool{}
		if in.Skip != nil {
			for _, fn := range d.funcs {
				d.skipSites[fn] = in.Skip(d.fileOf(fn))
			}
		}
	}
	queue := d.calleesFirst()
	queued := map[*fnInfo]bool{}
	for _, fn := range queue {
		queued[fn] = true
	}
	limit := stepsPerFunc * len(d.funcs)
	steps := 0
	for ; len(queue) > 0 && steps < limit; steps++ {
		fn := queue[0]
		queue = queue[1:]
		queued[fn] = false
		d.current = fn
		s := d.summarize(fn)
		d.current = nil
		if s.equal(d.summaries[fn.obj]) {
			continue
		}
		d.summaries[fn.obj] = s
		for _, r := range d.readers[fn.obj] {
			if !queued[r] {
				queued[r] = true
				queue = append(queue, r)
			}
		}
	}
	out = &Derived{Summaries: make(map[*types.Func]*Summary)}
	if len(queue) > 0 {
		// Never a silent stop: what was derived is kept, and the failure says it is
		// not final.
		out.Failure = fmt.Sprintf("the summaries did not settle within %d steps (%d functions); what was derived may be incomplete", steps, len(d.funcs))
	}
	for _, fn := range d.funcs {
		if fn.initializer {
			delete(d.summaries, fn.obj)
		}
	}
	for obj, s := range d.summaries {
		if !s.empty() {
			out.Summaries[obj] = s
		}
	}
	for _, st := range d.sites {
		if len(st.Requests) > 0 {
			out.Sites = append(out.Sites, *st)
		}
	}
	slices.SortFunc(out.Sites, func(a, b Site) int { return int(a.Pos() - b.Pos()) })
	return out
}

// stepsPerFunc bounds the fixed point: summaries only grow and their values are bounded
// (value.go), so it settles, in far fewer steps than this on real code; a variable so
// that a test can make it stop early.
var stepsPerFunc = 50

// calleesFirst orders the package's functions so that a function comes after those it
// calls directly (in source order otherwise, cycles broken where they close): most
// summaries are then computed once, from their callees' final ones, rather than again
// each time a callee's changes.
func (d *deriver) calleesFirst() []*fnInfo {
	callees := map[*fnInfo][]*fnInfo{}
	for _, callee := range d.funcs {
		for _, s := range d.calls[callee.obj] {
			if s.caller != nil && s.caller != callee {
				callees[s.caller] = append(callees[s.caller], callee)
			}
		}
	}
	out := make([]*fnInfo, 0, len(d.funcs))
	seen := map[*fnInfo]bool{}
	var visit func(fn *fnInfo)
	visit = func(fn *fnInfo) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		for _, c := range callees[fn] {
			visit(c)
		}
		out = append(out, fn)
	}
	for _, fn := range d.funcs {
		visit(fn)
	}
	return out
}

func hasParam(v Value) bool {
	return slices.ContainsFunc(v, func(p Part) bool { return p.Kind == Param })
}

// Pos is the position of the call or reference.
func (s Site) Pos() token.Pos {
	if s.Call != nil {
		return s.Call.Pos()
	}
	return s.Ref.Pos()
}

func (d *deriver) fileOf(fn *fnInfo) *ast.File {
	for _, f := range d.in.Files {
		if f.Pos() <= fn.decl.Pos() && fn.decl.Pos() < f.End() {
			return f
		}
	}
	return nil
}

// addSite records requests of a call (or a function value: ast.Expr) in fn, when sites are
// being recorded.
func (d *deriver) addSite(node ast.Expr, fn *fnInfo, callee *types.Func, reqs ...Request) {
	if d.sites == nil || d.skipSites[fn] {
		return
	}
	st := d.sites[node]
	if st == nil {
		st = &Site{Func: fn.obj}
		if call, ok := node.(*ast.CallExpr); ok {
			st.Call = call
		} else {
			st.Ref = node
		}
		d.sites[node] = st
		d.siteNodes[fn] = append(d.siteNodes[fn], node)
	}
	if callee != nil && !slices.Contains(st.Callees, callee) {
		st.Callees = append(st.Callees, callee)
	}
	st.Requests = sortedByKey(append(st.Requests, reqs...), Request.key)
}

// fnInfo is one function or method declared with a body.
type fnInfo struct {
	obj    *types.Func
	decl   *ast.FuncDecl
	sig    *types.Signature
	option bool           // exported and returns a func: its function literals are options
	lits   []*ast.FuncLit // option: the function literals in its body
	// initializer: the file's package-level initializers, held as a function body
	// (addInitializer); its stores were indexed from the declarations.
	initializer bool
}

// store is one assignment of expr to a variable or field, inside fn (nil: package level).
type store struct {
	expr     ast.Expr
	fn       *fnInfo
	override bool // inside an option's function literal
	why      string
	result   int // expr is a call with several results, and this stores result number result-1
}

// A staticCall is a call of one of the package's functions, and the function it is in.
type staticCall struct {
	call   *ast.CallExpr
	caller *fnInfo
}

type deriver struct {
	in        Input
	info      *types.Info
	funcs     []*fnInfo
	byObj     map[*types.Func]*fnInfo
	calls     map[*types.Func][]staticCall // static call sites of the package's functions
	stores    map[*types.Var][]store       // variables and fields of the package
	funcVals  map[*types.Var][]*types.Func // func-typed variables and fields holding functions
	used      map[*types.Func]bool         // functions referred to other than by a call
	summaries map[*types.Func]*Summary

	fieldMemo, paramMemo, returnMemo, varMemo map[any]valueSet
	busy                                      map[any]bool
	cycle                                     bool // a memoized computation met one in progress
	steps                                     int
	sites                                     map[ast.Expr]*Site // recorded by the last pass only
	owners                                    map[*types.Var]string
	current                                   *fnInfo                   // the function being summarized
	readers                                   map[*types.Func][]*fnInfo // who read whose summary
	overrides                                 map[*fnInfo][]*types.Var  // fields an option's literals store to
	called                                    map[ast.Expr]bool         // summarize's, kept for its buckets
	consumed                                  map[ast.Expr]bool         // summarize's: option calls passed straight to the call that applies them
	siteNodes                                 map[*fnInfo][]ast.Expr    // the sites each function's last summary recorded
	skipSites                                 map[*fnInfo]bool          // functions whose sites Input.Skip leaves out
}

func newDeriver(in Input) *deriver {
	return &deriver{
		in: in, info: in.Info,
		byObj:     make(map[*types.Func]*fnInfo),
		calls:     make(map[*types.Func][]staticCall),
		stores:    make(map[*types.Var][]store),
		funcVals:  make(map[*types.Var][]*types.Func),
		used:      make(map[*types.Func]bool),
		summaries: make(map[*types.Func]*Summary),
		readers:   make(map[*types.Func][]*fnInfo),
		fieldMemo: make(map[any]valueSet), paramMemo: make(map[any]valueSet), returnMemo: make(map[any]valueSet), varMemo: make(map[any]valueSet),
		busy: make(map[any]bool),
	}
}

// index records every function, call site and store of the package.
func (d *deriver) index() {
	for _, f := range d.in.Files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				obj, _ := d.info.Defs[decl.Name].(*types.Func)
				if obj == nil || decl.Body == nil {
					continue
				}
				fn := &fnInfo{obj: obj, decl: decl, sig: obj.Type().(*types.Signature)}
				fn.option = obj.Exported() && returnsFunc(fn.sig)
				d.funcs = append(d.funcs, fn)
				d.byObj[obj] = fn
			case *ast.GenDecl:
				d.indexNode(decl, nil)
			}
		}
		if !d.in.NoSites {
			d.addInitializer(f)
		}
	}
	for _, fn := range d.funcs {
		if fn.initializer {
			continue
		}
		if fn.option {
			ast.Inspect(fn.decl.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					fn.lits = append(fn.lits, lit)
				}
				return true
			})
		}
		d.indexNode(fn.decl.Body, fn)
	}
}

// addInitializer adds, for a file with package-level variables initialized by
// expressions, a function of its own that holds those expressions, so that their calls
// and function values (var react = func() { api.AddReaction(...) }, var _, _ =
// api.PostEphemeral(...)) are sites like those in functions. It is summarized and its
// sites recorded, but no one calls it and its summary is not part of the result.
func (d *deriver) addInitializer(f *ast.File) {
	var body []ast.Stmt
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				body = append(body, &ast.ExprStmt{X: v})
			}
		}
	}
	if len(body) == 0 {
		return
	}
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	obj := types.NewFunc(body[0].Pos(), d.in.Pkg, "init", sig)
	decl := &ast.FuncDecl{
		Name: &ast.Ident{NamePos: body[0].Pos(), Name: "init"},
		Type: &ast.FuncType{Func: body[0].Pos(), Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: body},
	}
	d.funcs = append(d.funcs, &fnInfo{obj: obj, decl: decl, sig: sig, initializer: true})
}

func returnsFunc(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if _, ok := v.Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

func (fn *fnInfo) inOption(pos token.Pos) bool {
	for _, lit := range fn.lits {
		if lit.Pos() <= pos && pos < lit.End() {
			return true
		}
	}
	return false
}

func (d *deriver) indexNode(root ast.Node, fn *fnInfo) {
	override := func(pos token.Pos) bool { return fn != nil && fn.inOption(pos) }
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if callee := d.staticCallee(n); callee != nil && fn != nil {
				d.calls[callee] = append(d.calls[callee], staticCall{n, fn})
			}
			for _, a := range n.Args {
				d.noteUse(a)
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := d.target(lhs)
				if v == nil {
					continue
				}
				st := store{fn: fn, override: override(n.Pos())}
				d.noteOverride(v, st)
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					st.why = "a string built with " + n.Tok.String()
				case len(n.Lhs) == len(n.Rhs):
					st.expr = n.Rhs[i]
					d.noteFuncVal(v, n.Rhs[i])
				default:
					st.expr, st.result = n.Rhs[0], i+1
				}
				d.stores[v] = append(d.stores[v], st)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, _ := d.info.Defs[name].(*types.Var)
				if v == nil {
					continue
				}
				st := store{fn: fn, override: override(n.Pos())}
				switch {
				case len(n.Values) == len(n.Names):
					st.expr = n.Values[i]
					d.noteFuncVal(v, n.Values[i])
				case len(n.Values) == 0:
					st.expr = nil // the zero value
				default:
					st.expr, st.result = n.Values[0], i+1
				}
				d.stores[v] = append(d.stores[v], st)
			}
		case *ast.CompositeLit:
			st, ok := d.info.TypeOf(n).Underlying().(*types.Struct)
			if !ok {
				return true
			}
			for i, elt := range n.Elts {
				var field *types.Var
				val := elt
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					val = kv.Value
					if id, ok := kv.Key.(*ast.Ident); ok {
						field = fieldByName(st, id.Name)
					}
				} else if i < st.NumFields() {
					field = st.Field(i)
				}
				if field != nil {
					st := store{expr: val, fn: fn, override: override(elt.Pos())}
					d.noteOverride(field, st)
					d.stores[field] = append(d.stores[field], st)
					d.noteFuncVal(field, val)
				}
			}
		case *ast.SelectorExpr, *ast.Ident:
			// Functions used as values (callbacks) are called from places the derivation
			// does not see: their parameters are open.
		}
		return true
	})
}

// noteOverride records the fields an option's function literals store to.
func (d *deriver) noteOverride(v *types.Var, st store) {
	if !st.override || !v.IsField() || slices.Contains(d.overrides[st.fn], v) {
		return
	}
	if d.overrides == nil {
		d.overrides = map[*fnInfo][]*types.Var{}
	}
	d.overrides[st.fn] = append(d.overrides[st.fn], v)
}

func fieldByName(st *types.Struct, name string) *types.Var {
	for f := range st.Fields() {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

// target is the variable or field an assignment's left side stores to.
func (d *deriver) target(lhs ast.Expr) *types.Var {
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if v, ok := d.info.Defs[lhs].(*types.Var); ok {
			return v
		}
		v, _ := d.info.Uses[lhs].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel := d.info.Selections[lhs]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj().(*types.Var)
		}
	}
	return nil
}

// funcRef is the function or method an expression refers to without calling it.
func (d *deriver) funcRef(e ast.Expr) *types.Func {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		f, _ := d.info.Uses[e].(*types.Func)
		return origin(f)
	case *ast.SelectorExpr:
		f, _ := d.info.Uses[e.Sel].(*types.Func)
		if f != nil && f.Type().(*types.Signature).Recv() != nil {
			if sel := d.info.Selections[e]; sel == nil || sel.Kind() != types.MethodVal {
				return nil // a method expression (T.M) or an interface method
			}
			if types.IsInterface(f.Type().(*types.Signature).Recv().Type()) {
				return nil
			}
		}
		return origin(f)
	}
	return nil
}

func origin(f *types.Func) *types.Func {
	if f == nil {
		return nil
	}
	return f.Origin()
}

func (d *deriver) noteFuncVal(v *types.Var, rhs ast.Expr) {
	if f := d.funcRef(rhs); f != nil {
		d.funcVals[v] = append(d.funcVals[v], f)
		d.used[f] = true
	}
}

func (d *deriver) noteUse(arg ast.Expr) {
	if f := d.funcRef(arg); f != nil {
		d.used[f] = true
	}
}

// staticCallee is the function a call certainly calls, or nil (a call of a func value, an
// interface method, a conversion, a builtin).
func (d *deriver) staticCallee(call *ast.CallExpr) *types.Func {
	return origin(typeutil.StaticCallee(d.info, call))
}

// callees are the functions a call reaches: its static callee, or the functions stored in
// the func-typed variable or field it calls.
func (d *deriver) callees(call *ast.CallExpr) []*types.Func {
	if f := d.staticCallee(call); f != nil {
		return []*types.Func{f}
	}
	if v := d.target(call.Fun); v != nil {
		return d.funcVals[v]
	}
	if f, ok := typeutil.Callee(d.info, call).(*types.Func); ok && d.in.Implementations != nil {
		if recv := f.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return d.in.Implementations(f)
		}
	}
	return nil
}

// summaryOf is the current summary of a function of this package or another.
func (d *deriver) summaryOf(f *types.Func) *Summary {
	if f.Pkg() == d.in.Pkg {
		if d.current != nil && !slices.Contains(d.readers[f], d.current) {
			d.readers[f] = append(d.readers[f], d.current)
		}
		return d.summaries[f]
	}
	if d.in.Imported == nil || f.Pkg() == nil {
		return nil
	}
	return d.in.Imported(f)
}

// summarize computes fn's summary from its body and its callees' current summaries:
// the requests and arguments of each call, each function value taken without a call, and
// each url.Values literal, recording the call sites as it goes.
func (d *deriver) summarize(fn *fnInfo) *Summary {
	s := &Summary{}
	d.startSummary(fn)
	ast.Inspect(fn.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			return !d.funcValue(s, n.(ast.Expr), fn)
		case *ast.CallExpr:
			d.call(s, n, fn)
		case *ast.CompositeLit:
			for name, val := range d.valuesLiteral(n) {
				if a, ok := d.argOrigin(val, fn); ok {
					a.Name = name
					s.Args = append(s.Args, a)
				}
			}
		}
		return true
	})
	if fn.option {
		s.Option = d.optionEffect(fn)
	}
	if fn.obj.Exported() {
		s.Results = d.results(fn)
	}
	s.normalize()
	return s
}

// startSummary forgets what the previous summary of fn recorded: its call sites, and
// the calls and options the walk of a body marks.
func (d *deriver) startSummary(fn *fnInfo) {
	if d.sites != nil {
		for _, n := range d.siteNodes[fn] {
			delete(d.sites, n)
		}
		d.siteNodes[fn] = d.siteNodes[fn][:0]
	}
	if d.called == nil {
		d.called = map[ast.Expr]bool{}
	}
	clear(d.called)
	if d.consumed == nil {
		d.consumed = map[ast.Expr]bool{}
	}
	clear(d.consumed)
}

// funcValue adds the requests of a function or method value taken without a call
// (retry(c.AddReaction)), which may be called with any arguments: its requests count,
// parameters unknown. It reports whether e was such a value.
func (d *deriver) funcValue(s *Summary, e ast.Expr, fn *fnInfo) bool {
	if d.called[e] {
		return false
	}
	f := d.funcRef(e)
	if f == nil {
		return false
	}
	cs := d.summaryOf(f)
	if cs.empty() {
		return false
	}
	for _, r := range cs.Requests {
		for _, v := range subst(r.URL, func(int) valueSet { return valueSet{unknown("an argument of a function value")} }) {
			req := Request{URL: v, Via: r.Via}
			s.Requests = append(s.Requests, req)
			d.addSite(e, fn, f, req)
		}
	}
	return true
}

// call adds what a call does: a request it sends itself (an HTTP client's URL
// argument), an argument it sets, and the effects of each function it may call.
func (d *deriver) call(s *Summary, n *ast.CallExpr, fn *fnInfo) {
	fun := ast.Unparen(n.Fun)
	d.called[fun] = true
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		d.called[sel.Sel] = true
	}
	if i, ok := d.sinkURLArg(n); ok {
		for _, v := range d.eval(n.Args[i], fn) {
			url, via := stripVia(v)
			r := Request{URL: url, Via: via}
			s.Requests = append(s.Requests, r)
			d.addSite(n, fn, nil, r)
		}
	}
	if name, val, ok := d.setsArg(n); ok && !fn.inOption(n.Pos()) {
		if a, ok := d.argOrigin(val, fn); ok {
			a.Name = name
			s.Args = append(s.Args, a)
		}
	}
	for _, callee := range d.callees(n) {
		cs := d.summaryOf(callee)
		if cs.empty() {
			continue
		}
		args := d.argValues(n, callee, fn)
		if o := cs.Option; o != nil && o.Field != "" && !d.consumed[n] && !fn.option {
			d.optionMade(s, n, callee, o, args, fn)
		}
		d.calleeRequests(s, n, callee, cs, args, fn)
		for _, a := range cs.Args {
			if a.Index < len(n.Args) {
				if b, ok := d.argOrigin(n.Args[a.Index], fn); ok {
					b.Name = a.Name
					b.Path = append(b.Path, a.Path...)
					s.Args = append(s.Args, b)
				}
			}
		}
	}
}

// optionMade adds the requests of an option that changes the method, made by the call
// n but not passed straight to the call that applies it (kept in a slice, returned by a
// helper, composed): the request it makes is counted where the option is made, since
// the call it reaches cannot be seen.
func (d *deriver) optionMade(s *Summary, n *ast.CallExpr, callee *types.Func, o *Option, args func(int) valueSet, fn *fnInfo) {
	for _, u := range o.URLs {
		for _, v := range subst(u, args) {
			r := Request{URL: v, Via: o.Field}
			s.Requests = append(s.Requests, r)
			d.addSite(n, fn, callee, r)
		}
	}
}

// calleeRequests adds the requests of a callee, in fn's terms: its URLs with the call's
// arguments in place of its parameters, or the URL an option the call passes sets.
func (d *deriver) calleeRequests(s *Summary, n *ast.CallExpr, callee *types.Func, cs *Summary, args func(int) valueSet, fn *fnInfo) {
	for _, r := range cs.Requests {
		if r.Via != "" {
			if urls := d.optionURLs(n, r.Via, fn); len(urls) > 0 {
				// The call passes an option that sets the URL (UpdateMessage passes
				// MsgOptionUpdate to SendMessageContext).
				for _, v := range urls {
					r := Request{URL: v, Via: r.Via}
					s.Requests = append(s.Requests, r)
					d.addSite(n, fn, callee, r)
				}
				continue
			}
			if d.isClient(callee.Pkg()) && d.alwaysSets(n, r.Via, fn) {
				continue // the options it is given set the URL: counted where they are made
			}
		}
		// A call of the package's own function is a site only for what the call itself
		// decides (the callee's URL depends on its parameters): the rest has its sites
		// inside the callee.
		local := (callee.Pkg() == d.in.Pkg || d.in.Counted != nil && d.in.Counted(callee)) && !hasParam(r.URL)
		for _, v := range subst(r.URL, args) {
			url, via := stripVia(v)
			if via == "" {
				via = r.Via
			}
			r := Request{URL: url, Via: via}
			s.Requests = append(s.Requests, r)
			if !local {
				d.addSite(n, fn, callee, r)
			}
		}
	}
}

// results are the values of fn's string results that say more than a constant: another
// package may send a request to them (socketmode dials the URL slack's
// StartSocketModeContext returns).
func (d *deriver) results(fn *fnInfo) []ReturnValues {
	var out []ReturnValues
	for i := range fn.sig.Results().Len() {
		if b, ok := fn.sig.Results().At(i).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			continue
		}
		vs := d.memo(d.returnMemo, paramKey{fn.obj, i}, func() valueSet { return d.returnValues(fn, i) })
		interesting := false
		for _, v := range vs {
			if len(v) != 1 || v[0].Kind != Lit {
				interesting = true
			}
		}
		if interesting {
			out = append(out, ReturnValues{Index: i, Values: vs.sorted()})
		}
	}
	return out
}

// optionURLs are the URLs the options passed in call's arguments set in field via, in
// the caller's terms: for SendMessageContext(ctx, ch, MsgOptionUpdate(ts)), chat.update.
func (d *deriver) optionURLs(call *ast.CallExpr, via string, caller *fnInfo) valueSet {
	var out valueSet
	for _, a := range call.Args {
		oc, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		for _, of := range d.callees(oc) {
			os := d.summaryOf(of)
			if os == nil || os.Option == nil || os.Option.Field != via {
				continue
			}
			d.consumed[oc] = true
			args := d.argValues(oc, of, caller)
			for _, u := range os.Option.URLs {
				out = out.addAll(subst(u, args))
			}
		}
	}
	return out
}

// argValues gives, for a callee's parameter index, the values the call passes for it, in
// the caller's terms.
func (d *deriver) argValues(call *ast.CallExpr, callee *types.Func, caller *fnInfo) func(int) valueSet {
	sig := callee.Type().(*types.Signature)
	return func(i int) valueSet {
		if sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
			return valueSet{unknown("a variadic argument")}
		}
		if i >= len(call.Args) || len(call.Args) != sig.Params().Len() {
			return valueSet{unknown("an argument the derivation cannot match")}
		}
		return d.eval(call.Args[i], caller)
	}
}

// optionEffect is what an option function's literals do to URL fields and arguments.
func (d *deriver) optionEffect(fn *fnInfo) *Option {
	o := &Option{}
	for _, field := range d.overrides[fn] {
		if !d.urlField(field) {
			continue
		}
		sts := d.stores[field]
		for _, st := range sts {
			if st.fn != fn || !st.override {
				continue
			}
			o.Field = d.fieldKey(field)
			if st.expr == nil {
				o.URLs = append(o.URLs, unknown(st.why))
				continue
			}
			for _, v := range d.eval(st.expr, fn) {
				v, _ = stripVia(v)
				o.URLs = append(o.URLs, v)
			}
		}
	}
	for _, lit := range fn.lits {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if name, _, ok := d.setsArg(call); ok {
					o.Args = append(o.Args, name)
				}
			}
			return true
		})
	}
	// An option built from other options (MsgOptionUnfurlWorkObject returns
	// MsgOptionCompose(MsgOptionUnfurl(...), ...)) has their effects.
	ast.Inspect(fn.decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, g := range d.callees(call) {
			gs := d.summaryOf(g)
			if g == fn.obj || gs == nil || gs.Option == nil {
				continue
			}
			if gs.Option.Field != "" {
				o.Field = gs.Option.Field
				args := d.argValues(call, g, fn)
				for _, u := range gs.Option.URLs {
					o.URLs = append(o.URLs, subst(u, args)...)
				}
			}
			o.Args = append(o.Args, gs.Option.Args...)
		}
		return true
	})
	if o.Field == "" && len(o.Args) == 0 {
		return nil
	}
	return o
}

// fieldKey names a field for Request.Via and Option.Field: its package, the struct type
// that declares it where that is a package-level named type, and its name
// ("github.com/slack-go/slack.sendConfig.endpoint").
func (d *deriver) fieldKey(f *types.Var) string {
	if f.Pkg() == nil {
		return f.Name()
	}
	if d.owners == nil {
		d.owners = map[*types.Var]string{}
		scope := d.in.Pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
				if st, ok := tn.Type().Underlying().(*types.Struct); ok {
					for g := range st.Fields() {
						d.owners[g] = name
					}
				}
			}
		}
	}
	if owner, ok := d.owners[f]; ok {
		return f.Pkg().Path() + "." + owner + "." + f.Name()
	}
	return f.Pkg().Path() + "." + f.Name()
}

// stripVia removes Via markers from v and returns the field they name (the first).
func stripVia(v Value) (Value, string) {
	via := ""
	var out Value
	for _, p := range v {
		if p.Kind == Via {
			if via == "" {
				via = p.Text
			}
			continue
		}
		out = concat(out, Value{p})
	}
	return out, via
}

// sortedFuncs lists the keys of m in a stable order.
func sortedFuncs[V any](m map[*types.Func]V) []*types.Func {
	return slices.SortedFunc(maps.Keys(m), func(a, b *types.Func) int {
		return strings.Compare(a.FullName(), b.FullName())
	})
}
