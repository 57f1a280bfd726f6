package derive

// Options a call always passes.
//
// A request whose URL options may set (Request.Via) is made with its default URL
// (chat.postMessage) unless an option it is given sets the field. Options passed inline
// are read at the call (optionURLs); an option made elsewhere is counted where it is made
// (optionMade), and the default still counts, since a slice of options may or may not
// hold it. The default is left out only for a call of a Slack client's function (which
// applies every option it is given, last) whose options certainly hold an option that
// sets the field: a slice literal with one, an append of one to a slice literal, a local
// variable defined as one of those, only ever appended to afterwards and used in no way
// that could change its elements, or a helper of the package every return of which is
// one. Anything else keeps the default: it may be one method too many, never one too
// few.

import (
	"go/ast"
	"go/token"
	"go/types"
)

// maxSliceDepth bounds how far alwaysSets follows variables and helpers.
const maxSliceDepth = 8

// alwaysSets reports whether the options call passes certainly set the field via.
func (d *deriver) alwaysSets(call *ast.CallExpr, via string, fn *fnInfo) bool {
	if !call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return false
	}
	return d.sliceSets(call.Args[len(call.Args)-1], via, fn, nil, 0)
}

// sliceSets reports whether every value e (a slice of options) may hold has an option
// that sets via. self is the variable whose assignments are being checked: an append to
// it keeps what it holds.
func (d *deriver) sliceSets(e ast.Expr, via string, fn *fnInfo, self *types.Var, depth int) bool {
	if depth > maxSliceDepth || fn == nil || fn.decl == nil {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if _, ok := elt.(*ast.KeyValueExpr); ok {
				return false // an indexed literal may leave gaps; not worth following
			}
			if d.setsField(elt, via) {
				return true
			}
		}
	case *ast.CallExpr:
		if d.isBuiltin(e.Fun, "append") && len(e.Args) > 0 {
			base := ast.Unparen(e.Args[0])
			if self != nil && d.info.Uses[identOf(base)] == self {
				return true // what self holds, under the hypothesis its definition checks
			}
			// The appended option is certainly there only when the slice appended to is
			// fresh (a literal, nil, a helper's literal): appending to a shared one may
			// write into an array another slice holds, and another append overwrite it.
			_, lit := base.(*ast.CompositeLit)
			call, isCall := base.(*ast.CallExpr)
			helper := isCall && !d.isBuiltin(call.Fun, "append") && d.helperSets(call, via, depth+1)
			if helper {
				return true
			}
			if !lit && !d.isNil(base) {
				return false
			}
			if d.sliceSets(base, via, fn, self, depth+1) {
				return true
			}
			for _, a := range e.Args[1:] {
				if !e.Ellipsis.IsValid() && d.setsField(a, via) {
					return true
				}
			}
			return false
		}
		return d.helperSets(e, via, depth)
	case *ast.Ident:
		v, ok := d.info.Uses[e].(*types.Var)
		if !ok || v == self || !d.localOf(v, fn) {
			return false
		}
		sts := d.stores[v]
		if len(sts) == 0 || !d.definedWithValue(v, fn) || !d.onlyExtended(v, fn) {
			return false
		}
		for _, st := range sts {
			if st.fn != fn || st.expr == nil || st.result > 0 || !d.sliceSets(st.expr, via, fn, v, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// setsField reports whether e is a call of an option function that sets via.
func (d *deriver) setsField(e ast.Expr, via string) bool {
	oc, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	callees := d.callees(oc)
	for _, of := range callees {
		if os := d.summaryOf(of); os == nil || os.Option == nil || os.Option.Field != via {
			return false
		}
	}
	return len(callees) > 0
}

// helperSets reports whether call is of a function of the package every return of which
// (its only result) certainly sets via.
func (d *deriver) helperSets(call *ast.CallExpr, via string, depth int) bool {
	callee := d.staticCallee(call)
	h := d.byObj[callee]
	if h == nil || h.decl == nil || h.sig.Results().Len() != 1 {
		return false
	}
	returns := 0
	all := true
	ast.Inspect(h.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not the helper's
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) != 1 || !d.sliceSets(n.Results[0], via, h, nil, depth+1) {
				all = false
			}
		}
		return all
	})
	return all && returns > 0
}

// localOf reports whether v is a variable declared in fn's body (not a parameter, not a
// package variable).
func (d *deriver) localOf(v *types.Var, fn *fnInfo) bool {
	return v.Pkg() == d.in.Pkg && !v.IsField() && paramIndex(fn.sig, v) < 0 &&
		fn.decl.Body.Pos() <= v.Pos() && v.Pos() < fn.decl.Body.End()
}

// onlyExtended reports whether every use of v in fn only reads it or appends to it: v...
// passed to a function of another package (a client applies its options, it does not
// change them), v = append(v, ...), len(v), cap(v) and ranging over it. Any other use (an
// element assigned, its address taken, passed to the package's own code, aliased) may
// change what it holds.
func (d *deriver) onlyExtended(v *types.Var, fn *fnInfo) bool {
	ok := true
	var stack []ast.Node
	ast.Inspect(fn.decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isID := n.(*ast.Ident); isID && d.info.Uses[id] == v && !d.readOrExtended(id, v, stack) {
			ok = false
		}
		stack = append(stack, n)
		return ok
	})
	return ok
}

// readOrExtended tells whether the use id of v, under the nodes of stack, is one that
// onlyExtended allows.
func (d *deriver) readOrExtended(id *ast.Ident, v *types.Var, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.RangeStmt:
		return p.X == id
	case *ast.AssignStmt:
		// v on the left: what it is set to is checked as one of its stores.
		for _, lhs := range p.Lhs {
			if lhs == id {
				return p.Tok == token.ASSIGN || p.Tok == token.DEFINE
			}
		}
	case *ast.CallExpr:
		if d.isBuiltin(p.Fun, "len") || d.isBuiltin(p.Fun, "cap") {
			return true
		}
		if d.isBuiltin(p.Fun, "append") && len(p.Args) > 0 && p.Args[0] == id && len(stack) > 1 {
			// Only as what is assigned back to v: w := append(v, x) may share v's array.
			if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, r := range as.Rhs {
					if r == p {
						return d.info.Uses[identOf(as.Lhs[i])] == v
					}
				}
			}
			return false
		}
		if p.Ellipsis.IsValid() && len(p.Args) > 0 && p.Args[len(p.Args)-1] == id {
			// A client applies the options; any other function shares the array and
			// may change it.
			callee := d.staticCallee(p)
			return callee != nil && d.isClient(callee.Pkg())
		}
	}
	return false
}

// definedWithValue reports whether v is defined in fn with a value (v := x, var v = x):
// not a range variable, a parameter of a function literal, or a var without a value,
// whose first value no store records.
func (d *deriver) definedWithValue(v *types.Var, fn *fnInfo) bool {
	found := false
	ast.Inspect(fn.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && d.info.Defs[id] == v {
						found = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if d.info.Defs[id] == v && len(n.Values) == len(n.Names) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isClient reports whether pkg is a Slack client's (Input.Client).
func (d *deriver) isClient(pkg *types.Package) bool {
	return d.in.Client != nil && pkg != nil && d.in.Client(pkg)
}

func (d *deriver) isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := d.info.Uses[id].(*types.Nil)
	return isNil
}

func (d *deriver) isBuiltin(fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := d.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
