package analyzer

// Options that reach a call other than written inline.
//
// A scope that depends on an option (chat:write.customize for MsgOptionUsername) is
// decided by the options a call passes. They are often not written at the call: kept in
// a slice built with append, returned by a helper, composed with MsgOptionCompose, or
// passed down by a wrapper. An optionTracer follows an option expression through the
// package's own code to the option functions it may hold: local variables (every
// assignment counts, whatever the branch), slices and their elements, append, helpers of
// the package (their return statements), calls that take options (MsgOptionCompose), and
// the parameters of an unexported function of the package (its calls in the package).
// What it cannot follow (a parameter of an exported function or method, a field, a
// function value, a helper of another package with no option summary) leaves the trace
// open, with the reason: the call is then reported as unresolved rather than guessed.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/slackscope/slackscope/internal/appcode"
	"github.com/slackscope/slackscope/internal/bindings"
)

// An optionTracer collects the Web API arguments the options of one call may set.
type optionTracer struct {
	pass  *analysis.Pass
	res   *bindings.Result
	decls map[*types.Func]*ast.FuncDecl
	seen  map[ast.Node]bool
	args  []string // the arguments set, unsorted, each once
	open  string   // why the trace is not complete; "" when it is
}

// maxOptionDepth bounds how far a trace goes through helpers and variables.
const maxOptionDepth = 8

// funcDecls indexes the package's function declarations by their object: a trace
// reads the helpers it meets (built once per package, shared by its traces).
func funcDecls(pass *analysis.Pass) map[*types.Func]*ast.FuncDecl {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	return decls
}

func newOptionTracer(pass *analysis.Pass, res *bindings.Result, decls map[*types.Func]*ast.FuncDecl) *optionTracer {
	return &optionTracer{pass: pass, res: res, decls: decls, seen: map[ast.Node]bool{}}
}

// call traces the options a call passes: its arguments of a func type, or a slice of one.
func (t *optionTracer) call(call *ast.CallExpr) {
	encl := t.enclosing(call.Pos())
	for _, a := range call.Args {
		if isOptionType(t.pass.TypesInfo.TypeOf(a)) {
			t.expr(a, encl, 0)
		}
	}
}

// isOptionType reports whether values of type typ may be options: funcs, slices of them.
func isOptionType(typ types.Type) bool {
	if typ == nil {
		return false
	}
	if s, ok := typ.Underlying().(*types.Slice); ok {
		typ = s.Elem()
	}
	_, ok := typ.Underlying().(*types.Signature)
	return ok
}

func (t *optionTracer) fail(why string) {
	if t.open == "" {
		t.open = why
	}
}

func (t *optionTracer) add(args []string) {
	for _, a := range args {
		if !slices.Contains(t.args, a) {
			t.args = append(t.args, a)
		}
	}
}

// enclosing is the function declaration around pos (nil: package level).
func (t *optionTracer) enclosing(pos token.Pos) *ast.FuncDecl {
	for _, f := range t.pass.Files {
		if f.Pos() <= pos && pos < f.End() {
			// Declarations are in source order: the one that ends after pos is the
			// only one that may hold it (a search, not a walk of the file per call).
			i := sort.Search(len(f.Decls), func(i int) bool { return f.Decls[i].End() > pos })
			if i < len(f.Decls) {
				if fd, ok := f.Decls[i].(*ast.FuncDecl); ok && fd.Pos() <= pos {
					return fd
				}
			}
			return nil
		}
	}
	return nil
}

func (t *optionTracer) expr(e ast.Expr, encl *ast.FuncDecl, depth int) {
	e = ast.Unparen(e)
	if depth > maxOptionDepth {
		t.fail("options passed through more helpers and variables than slackscope follows")
		return
	}
	if t.seen[e] {
		return
	}
	t.seen[e] = true
	info := t.pass.TypesInfo
	switch e := e.(type) {
	case *ast.CallExpr:
		t.callExpr(e, encl, depth)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			t.expr(elt, encl, depth+1)
		}
	case *ast.IndexExpr:
		t.expr(e.X, encl, depth+1)
	case *ast.SliceExpr:
		t.expr(e.X, encl, depth+1)
	case *ast.Ident:
		if e.Name == "nil" {
			return
		}
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			t.fail("options held in " + e.Name)
			return
		}
		t.variable(v, encl, depth)
	case *ast.FuncLit:
		t.fail("an option written as a function literal")
	default:
		t.fail("options held in " + types.ExprString(e))
	}
}

func (t *optionTracer) callExpr(call *ast.CallExpr, encl *ast.FuncDecl, depth int) {
	info := t.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			for _, a := range call.Args {
				t.expr(a, encl, depth+1)
			}
			return
		}
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		t.fail("options returned by a function value")
		return
	}
	// Options it is given may be part of what it returns (MsgOptionCompose).
	for _, a := range call.Args {
		if isOptionType(info.TypeOf(a)) {
			t.expr(a, encl, depth+1)
		}
	}
	if s := t.res.Summary(fn); s != nil && s.Option != nil {
		t.add(s.Option.Args)
		return
	}
	if decl := t.decls[fn.Origin()]; decl != nil {
		sig := fn.Signature()
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false // its returns are not the helper's
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == sig.Results().Len() {
				for i, r := range ret.Results {
					if isOptionType(sig.Results().At(i).Type()) {
						t.expr(r, decl, depth+1)
					}
				}
			}
			return true
		})
		return
	}
	if fn.Pkg() != nil && appcode.ClientPackage(fn.Pkg()) {
		return // a client option with no summary sets no argument the catalog knows
	}
	t.fail("options returned by " + shortName(fn))
}

// variable traces what is stored in a local variable or passed for a parameter.
func (t *optionTracer) variable(v *types.Var, encl *ast.FuncDecl, depth int) {
	if encl == nil || !(encl.Pos() <= v.Pos() && v.Pos() < encl.End()) {
		t.fail("options held in " + v.Name() + ", which is not a local variable")
		return
	}
	info := t.pass.TypesInfo
	fn, _ := info.Defs[encl.Name].(*types.Func)
	if i := paramIndexOf(fn, v); i >= 0 {
		t.parameter(fn, i, depth)
		return
	}
	ast.Inspect(encl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || (info.Defs[id] != v && info.Uses[id] != v) {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) {
					t.fail("options in " + v.Name() + ", set from a call with several results")
					continue
				}
				t.expr(n.Rhs[i], encl, depth+1)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] == v && len(n.Values) == len(n.Names) {
					t.expr(n.Values[i], encl, depth+1)
				}
			}
		case *ast.RangeStmt:
			if id, ok := n.Value.(*ast.Ident); ok && info.Defs[id] == v {
				t.expr(n.X, encl, depth+1)
			}
		case *ast.UnaryExpr:
			if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				t.fail("options in " + v.Name() + ", whose address is taken")
			}
		}
		return true
	})
}

// parameter traces what the package's calls of fn pass for its parameter i. Only a
// function that is not a method, unexported or in package main, has all its callers
// here, and only when it is never used as a value.
func (t *optionTracer) parameter(fn *types.Func, i int, depth int) {
	sig := fn.Signature()
	// A method may be called through an interface; an exported function from another
	// package, unless this is package main.
	if sig.Recv() != nil || fn.Exported() && fn.Pkg().Name() != "main" {
		t.fail("options passed in parameter " + sig.Params().At(i).Name() + " of " + shortName(fn) + ", whose callers may be elsewhere")
		return
	}
	variadic := sig.Variadic() && i == sig.Params().Len()-1
	info := t.pass.TypesInfo
	for _, f := range t.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if typeutil.StaticCallee(info, n) != fn {
					return true
				}
				encl := t.enclosing(n.Pos())
				switch {
				case variadic && !n.Ellipsis.IsValid():
					for _, a := range n.Args[min(i, len(n.Args)):] {
						t.expr(a, encl, depth+1)
					}
				case i < len(n.Args) && len(n.Args) == sig.Params().Len():
					t.expr(n.Args[i], encl, depth+1)
				default:
					t.fail("options passed to " + shortName(fn) + " by a call slackscope cannot match")
				}
				for _, a := range n.Args {
					ast.Inspect(a, t.valueUse(fn))
				}
				return false
			case *ast.Ident:
				if info.Uses[n] == fn {
					t.fail(shortName(fn) + " is used as a value: its callers are not all seen")
				}
			}
			return true
		})
	}
}

// valueUse reports fn used as a value inside a call's arguments.
func (t *optionTracer) valueUse(fn *types.Func) func(ast.Node) bool {
	return func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && t.pass.TypesInfo.Uses[id] == fn {
			t.fail(shortName(fn) + " is used as a value: its callers are not all seen")
		}
		return true
	}
}

func paramIndexOf(fn *types.Func, v *types.Var) int {
	if fn == nil {
		return -1
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			return i
		}
	}
	return -1
}
