package analyzer

// What a program reaches, function by function.
//
// A package's uses (and unresolved calls) belong to the top-level function they are in: a
// call inside a function literal belongs to the function that holds the literal, one in a
// package-level variable's initializer to the package's initialization. A function
// reaches its own uses and those of every function it refers to: a call, a method value,
// a function passed as a value (a reference counts as a call, whoever makes it), and the
// methods of every type it converts to an interface. Which methods a conversion makes
// reachable is decided in the style of rapid type analysis: those of the interface's
// method set when the interface is declared in the main module (a value stored in it is
// asserted to other interfaces only by code the analysis sees), every exported method
// otherwise, and of the exported fields' types too (a dependency that holds the value may
// assert it to any interface, or reach its fields by reflection); a type argument counts
// as a conversion to an interface of a dependency. A program reaches what main, every
// init function, every package-level initializer and every cgo-exported function of
// package main reach, and what initializing each package it imports reaches.
//
// Functions of other packages carry what they reach in a funcFact; a package's
// initialization in its UsesFact.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// reachResult is what the package's functions reach.
type reachResult struct {
	// init is what initializing the package reaches, imports included.
	init useSet
	// program is what a program whose main package this is reaches; for another package,
	// what all its functions and its initialization reach (a library's callers may call
	// any of them).
	program useSet
	// reached tells whether one of the package's own uses is reached by program.
	reached func(token.Pos) bool
	// via is where the package's code leads to a use of another package that program
	// holds.
	via func(FactUse) token.Pos
	// entries are, for a package other than main (a library), its exported functions
	// and the methods of its exported types that reach anything, in source order.
	entries []*reachNode
}

// reach computes what the package's functions reach from its uses, exports a funcFact for
// each function another package can refer to, and the package's UsesFact.
func reach(pass *analysis.Pass, uses []Use, unresolved []Unresolved) *reachResult {
	g := newReachGraph(pass)
	for _, u := range uses {
		n := g.nodeAt(u.Pos)
		n.own.add(FactUse{
			Method: u.Method, Kind: u.Kind, Callee: u.Callee,
			Position: pass.Fset.Position(u.Pos).String(),
			Narrowed: u.Narrowed, Extra: u.Extra, Open: u.Narrowed == nil, RTM: u.RTM,
		})
	}
	for _, u := range unresolved {
		g.nodeAt(u.Pos).own.addUnresolved(FactUnresolved{Position: pass.Fset.Position(u.Pos).String(), Callee: u.Callee, Why: u.Why})
	}
	g.solve()

	res := &reachResult{}
	res.init.mergeFact(g.init.uses, g.init.unresolved)
	for _, imp := range pass.Pkg.Imports() {
		var f UsesFact
		if pass.ImportPackageFact(imp, &f) {
			res.init.mergeFact(f.Uses, f.Unresolved)
		}
	}
	for _, n := range g.nodes {
		if n.fn != nil && len(n.uses)+len(n.unresolved) > 0 && exportsReach(n.fn) && pass.Pkg.Name() != "main" {
			pass.ExportObjectFact(n.fn, &funcFact{Uses: n.uses, Unresolved: n.unresolved})
			if isEntry(n.fn) {
				res.entries = append(res.entries, n)
			}
		}
	}

	// The program's roots, and which of the package's nodes they reach.
	res.program.merge(&res.init)
	var roots []*reachNode
	if pass.Pkg.Name() == "main" {
		roots = append(roots, g.init)
		for _, n := range g.nodes {
			if n.fn != nil && (n.fn.Name() == "main" && n.fn.Signature().Recv() == nil || n.cgoExport) {
				roots = append(roots, n)
			}
		}
	} else {
		roots = g.nodes
	}
	for _, n := range roots {
		res.program.mergeFact(n.uses, n.unresolved)
	}
	// No package imports a main package: its fact is what the program reaches (the
	// tests pin it), another package's what initializing it reaches.
	fact := &res.init
	if pass.Pkg.Name() == "main" {
		fact = &res.program
	}
	if !fact.empty() {
		u, un := fact.sorted()
		pass.ExportPackageFact(&UsesFact{Uses: u, Unresolved: un})
	}
	reached := g.reachedFrom(roots)
	res.reached = func(pos token.Pos) bool { return reached[g.nodeAt(pos)] }
	res.via = func(u FactUse) token.Pos { return g.via(roots, u) }
	return res
}

// via is where the package's code, reached from roots, leads to a use of another
// package: the call (or conversion) of the first function found whose fact holds it, or
// the import of a package whose initialization reaches it; the first file's package
// clause when neither is found.
func (g *reachGraph) via(roots []*reachNode, u FactUse) token.Pos {
	holds := func(uses []FactUse) bool {
		return slices.ContainsFunc(uses, func(v FactUse) bool {
			return v.Method == u.Method && v.Kind == u.Kind && v.Position == u.Position
		})
	}
	seen := map[*reachNode]bool{}
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		for i, fn := range n.refs {
			if m := g.byFunc[fn]; m != nil {
				queue = append(queue, m)
				continue
			}
			var f funcFact
			if fn.Pkg() != nil && fn.Pkg() != g.pass.Pkg && g.pass.ImportObjectFact(fn, &f) && holds(f.Uses) {
				return n.refAt[i]
			}
		}
	}
	for _, file := range g.pass.Files {
		for _, spec := range file.Imports {
			obj := g.pass.TypesInfo.PkgNameOf(spec)
			var f UsesFact
			if obj != nil && g.pass.ImportPackageFact(obj.Imported(), &f) && holds(f.Uses) {
				return spec.Pos()
			}
		}
	}
	if len(g.pass.Files) > 0 {
		return g.pass.Files[0].Package
	}
	return token.NoPos
}

// exportsReach reports whether another package can refer to fn (a main package's
// functions are not asked for): exported functions, and
// every method (an interface of its package may name an unexported one).
// isEntry reports whether a library's user can call fn: an exported function, or an
// exported method of an exported type.
func isEntry(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Exported()
	}
	n, ok := types.Unalias(deref(recv.Type())).(*types.Named)
	return fn.Exported() && ok && n.Obj().Exported()
}

func exportsReach(fn *types.Func) bool {
	return fn.Exported() || fn.Signature().Recv() != nil
}

// A reachNode is one function declared in the package, or the package's initialization.
type reachNode struct {
	fn         *types.Func // nil: the package's initialization
	start, end token.Pos
	cgoExport  bool          // //export: C code may call it
	refs       []*types.Func // the functions it refers to, here and in other packages
	refAt      []token.Pos   // where it first refers to each (a call, a conversion)
	own        useSet        // its own uses

	// Set by solve: what it reaches, sorted.
	uses       []FactUse
	unresolved []FactUnresolved

	index, low int
	onStack    bool
}

type reachGraph struct {
	pass    *analysis.Pass
	nodes   []*reachNode // sorted by start; init last, with no range
	byFunc  map[*types.Func]*reachNode
	init    *reachNode
	mainMod string // the main module's path ("" when unknown: every interface is a dependency's)
}

func newReachGraph(pass *analysis.Pass) *reachGraph {
	g := &reachGraph{pass: pass, byFunc: map[*types.Func]*reachNode{}, init: &reachNode{}}
	if pass.Module != nil {
		g.mainMod = pass.Module.Path
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if fn == nil {
					continue
				}
				n := &reachNode{fn: fn, start: decl.Pos(), end: decl.End(), cgoExport: hasExportDirective(decl)}
				if decl.Body != nil {
					w := &refWalker{g: g, node: n}
					w.walk(decl.Body, fn.Signature().Results())
				}
				if decl.Name.Name == "init" && decl.Recv == nil {
					g.init.refs = append(g.init.refs, fn)
					g.init.refAt = append(g.init.refAt, decl.Name.Pos())
				}
				g.nodes = append(g.nodes, n)
				g.byFunc[fn] = n
			case *ast.GenDecl:
				w := &refWalker{g: g, node: g.init}
				w.walk(decl, nil)
			}
		}
	}
	slices.SortFunc(g.nodes, func(a, b *reachNode) int { return int(a.start - b.start) })
	return g
}

func hasExportDirective(decl *ast.FuncDecl) bool {
	if decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(c.Text, "//export ") {
			return true
		}
	}
	return false
}

// nodeAt is the function declared around pos, or the package's initialization.
func (g *reachGraph) nodeAt(pos token.Pos) *reachNode {
	i, _ := slices.BinarySearchFunc(g.nodes, pos, func(n *reachNode, p token.Pos) int {
		switch {
		case n.end <= p:
			return -1
		case n.start > p:
			return 1
		}
		return 0
	})
	if i < len(g.nodes) && g.nodes[i].start <= pos && pos < g.nodes[i].end {
		return g.nodes[i]
	}
	return g.init
}

// solve computes what each node reaches (Tarjan's strongly connected components: the
// functions of a component reach the same).
func (g *reachGraph) solve() {
	index := 1
	var stack []*reachNode
	var visit func(n *reachNode)
	visit = func(n *reachNode) {
		n.index, n.low = index, index
		index++
		stack = append(stack, n)
		n.onStack = true
		for _, fn := range n.refs {
			m := g.byFunc[fn]
			if m == nil {
				continue
			}
			if m.index == 0 {
				visit(m)
				n.low = min(n.low, m.low)
			} else if m.onStack {
				n.low = min(n.low, m.index)
			}
		}
		if n.low != n.index {
			return
		}
		var comp []*reachNode
		for {
			m := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			m.onStack = false
			comp = append(comp, m)
			if m == n {
				break
			}
		}
		slices.Reverse(comp)
		var set useSet
		for _, m := range comp {
			set.merge(&m.own)
		}
		for _, m := range comp {
			for _, fn := range m.refs {
				if local := g.byFunc[fn]; local != nil {
					if !slices.Contains(comp, local) {
						set.mergeFact(local.uses, local.unresolved)
					}
					continue
				}
				if fn.Pkg() == nil || fn.Pkg() == g.pass.Pkg {
					continue
				}
				var f funcFact
				if g.pass.ImportObjectFact(fn, &f) {
					set.mergeFact(f.Uses, f.Unresolved)
				}
			}
		}
		uses, unresolved := set.sorted()
		for _, m := range comp {
			m.uses, m.unresolved = uses, unresolved
		}
	}
	for _, n := range g.nodes {
		if n.index == 0 {
			visit(n)
		}
	}
	if g.init.index == 0 {
		visit(g.init)
	}
}

// reachedFrom is the set of the package's nodes the roots reach.
func (g *reachGraph) reachedFrom(roots []*reachNode) map[*reachNode]bool {
	seen := map[*reachNode]bool{}
	var visit func(n *reachNode)
	visit = func(n *reachNode) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, fn := range n.refs {
			if m := g.byFunc[fn]; m != nil {
				visit(m)
			}
		}
	}
	for _, n := range roots {
		visit(n)
	}
	return seen
}

// A refWalker records the functions a node refers to.
type refWalker struct {
	g    *reachGraph
	node *reachNode
	seen map[*types.Func]bool
	at   token.Pos // the node being walked
}

func (w *refWalker) ref(fn *types.Func) {
	fn = fn.Origin()
	if sig := fn.Signature(); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return // an interface's method: the conversions decide what it reaches
	}
	if w.seen == nil {
		w.seen = map[*types.Func]bool{}
	}
	if !w.seen[fn] {
		w.seen[fn] = true
		w.node.refs = append(w.node.refs, fn)
		w.node.refAt = append(w.node.refAt, w.at)
	}
}

// walk records the references and conversions of root; results are those of the function
// whose body root is (nil outside a function).
func (w *refWalker) walk(root ast.Node, results *types.Tuple) {
	info := w.g.pass.TypesInfo
	ast.Inspect(root, func(n ast.Node) bool {
		if n != nil {
			w.at = n.Pos()
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			if sig, ok := info.TypeOf(n).(*types.Signature); ok {
				w.walk(n.Body, sig.Results())
			}
			return false
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok {
				w.ref(fn)
			}
			if inst, ok := info.Instances[n]; ok {
				for t := range inst.TypeArgs.Types() {
					w.methods(t, nil, true, 0)
				}
			}
		case *ast.CallExpr:
			w.call(n)
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					w.convert(info.TypeOf(n.Rhs[i]), info.TypeOf(n.Lhs[i]))
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil {
				t := info.TypeOf(n.Type)
				for _, v := range n.Values {
					w.convert(info.TypeOf(v), t)
				}
			}
		case *ast.ReturnStmt:
			if results != nil && len(n.Results) == results.Len() {
				for i, r := range n.Results {
					w.convert(info.TypeOf(r), results.At(i).Type())
				}
			}
		case *ast.SendStmt:
			if ch, ok := coreType(info.TypeOf(n.Chan)).(*types.Chan); ok {
				w.convert(info.TypeOf(n.Value), ch.Elem())
			}
		case *ast.CompositeLit:
			w.composite(n)
		}
		return true
	})
}

// call records the conversions of a call's arguments to its parameters.
func (w *refWalker) call(call *ast.CallExpr) {
	info := w.g.pass.TypesInfo
	tv, ok := info.Types[call.Fun]
	if !ok {
		return
	}
	if tv.IsType() {
		if len(call.Args) == 1 {
			w.convert(info.TypeOf(call.Args[0]), tv.Type)
		}
		return
	}
	var args []types.Type
	for _, a := range call.Args {
		args = append(args, info.TypeOf(a))
	}
	if len(args) == 1 {
		if tuple, ok := args[0].(*types.Tuple); ok {
			args = nil
			for v := range tuple.Variables() {
				args = append(args, v.Type())
			}
		}
	}
	if tv.IsBuiltin() {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "append" && len(args) > 1 && !call.Ellipsis.IsValid() {
			if s, ok := coreType(args[0]).(*types.Slice); ok {
				for _, a := range args[1:] {
					w.convert(a, s.Elem())
				}
			}
		}
		return
	}
	sig, ok := coreType(tv.Type).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, a := range args {
		var p types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			p = params.At(params.Len() - 1).Type()
			if !call.Ellipsis.IsValid() {
				if s, ok := p.(*types.Slice); ok {
					p = s.Elem()
				}
			}
		case i < params.Len():
			p = params.At(i).Type()
		default:
			continue
		}
		w.convert(a, p)
	}
}

// composite records the conversions of a composite literal's elements to its fields or
// element type.
func (w *refWalker) composite(lit *ast.CompositeLit) {
	info := w.g.pass.TypesInfo
	switch t := coreType(deref(info.TypeOf(lit))).(type) {
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[id].(*types.Var); ok {
						w.convert(info.TypeOf(kv.Value), f.Type())
					}
				}
				continue
			}
			if i < t.NumFields() {
				w.convert(info.TypeOf(e), t.Field(i).Type())
			}
		}
	case *types.Slice, *types.Array, *types.Map:
		var key, elem types.Type
		switch t := t.(type) {
		case *types.Slice:
			elem = t.Elem()
		case *types.Array:
			elem = t.Elem()
		case *types.Map:
			key, elem = t.Key(), t.Elem()
		}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if key != nil {
					w.convert(info.TypeOf(kv.Key), key)
				}
				e = kv.Value
			}
			w.convert(info.TypeOf(e), elem)
		}
	}
}

// convert records a value of type from stored in a variable of type to: when to is an
// interface and from is not, the methods an interface call may then reach.
func (w *refWalker) convert(from, to types.Type) {
	if from == nil || to == nil || !types.IsInterface(to) || types.IsInterface(from) {
		return
	}
	iface, _ := to.Underlying().(*types.Interface)
	names := map[string]bool{}
	if iface != nil {
		for m := range iface.Methods() {
			names[m.Name()] = true
		}
	}
	w.methods(from, names, len(names) == 0 || !w.declaredHere(to), 0)
}

// declaredHere reports whether an interface type is declared in the main module (or
// written out in its code).
func (w *refWalker) declaredHere(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		pkg := t.Obj().Pkg()
		if pkg == nil || w.g.mainMod == "" {
			return false
		}
		p := pkg.Path()
		return p == w.g.mainMod || strings.HasPrefix(p, w.g.mainMod+"/") || pkg == w.g.pass.Pkg
	case *types.Interface:
		return true
	}
	return false // a type parameter: generic code of any package
}

// methods records the methods of t (and of *t) that names lists, and every exported one
// when all is set; with all, the types of t's exported fields and elements too.
func (w *refWalker) methods(t types.Type, names map[string]bool, all bool, depth int) {
	if t == nil || depth > 3 {
		return
	}
	t = types.Unalias(t)
	switch u := t.(type) {
	case *types.Pointer:
		w.methods(u.Elem(), names, all, depth)
		return
	case *types.Slice:
		if all {
			w.methods(u.Elem(), names, all, depth+1)
		}
		return
	case *types.Array:
		if all {
			w.methods(u.Elem(), names, all, depth+1)
		}
		return
	case *types.Map:
		if all {
			w.methods(u.Key(), names, all, depth+1)
			w.methods(u.Elem(), names, all, depth+1)
		}
		return
	case *types.Named:
		if types.IsInterface(u) {
			return
		}
		ms := types.NewMethodSet(types.NewPointer(u))
		for sel := range ms.Methods() {
			if m, ok := sel.Obj().(*types.Func); ok && (names[m.Name()] || all && m.Exported()) {
				w.ref(m)
			}
		}
	}
	if st, ok := t.Underlying().(*types.Struct); ok && all {
		for f := range st.Fields() {
			if f.Exported() || f.Embedded() {
				w.methods(f.Type(), names, all, depth+1)
			}
		}
	}
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// coreType is t's underlying type, or for a type parameter whose type set has one
// underlying type, that one.
func coreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, _ := tp.Underlying().(*types.Interface)
	if iface == nil || iface.NumEmbeddeds() != 1 {
		return nil
	}
	if u, ok := iface.EmbeddedType(0).(*types.Union); ok {
		if u.Len() != 1 {
			return nil
		}
		return u.Term(0).Type().Underlying()
	}
	return iface.EmbeddedType(0).Underlying()
}
