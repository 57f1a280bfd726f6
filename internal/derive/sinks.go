package derive

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// sinkURLArg is the index of the URL argument when call makes an HTTP request or dials a
// websocket: net/http's NewRequest, NewRequestWithContext, Get, Head, Post and PostForm
// (functions and *http.Client methods), and Dial, DialContext and NewConfig of a package
// whose path ends in "websocket" (gorilla/websocket, golang.org/x/net/websocket).
func (d *deriver) sinkURLArg(call *ast.CallExpr) (int, bool) {
	f, _ := typeutil.Callee(d.info, call).(*types.Func)
	if f == nil || f.Pkg() == nil {
		return 0, false
	}
	var i int
	switch path := f.Pkg().Path(); {
	case path == "net/http":
		if recv := f.Type().(*types.Signature).Recv(); recv != nil && !isHTTPClient(recv.Type()) {
			return 0, false // http.Header.Get and the like
		}
		switch f.Name() {
		case "NewRequest":
			i = 1
		case "NewRequestWithContext":
			i = 2
		case "Get", "Head", "Post", "PostForm":
			i = 0
		default:
			return 0, false
		}
	case path == "websocket" || strings.HasSuffix(path, "/websocket"):
		switch f.Name() {
		case "Dial", "DialContext", "NewConfig":
			i = firstString(f.Type().(*types.Signature))
		default:
			return 0, false
		}
	default:
		return 0, false
	}
	if i < 0 || i >= len(call.Args) {
		return 0, false
	}
	return i, true
}

func isHTTPClient(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Client"
}

func firstString(sig *types.Signature) int {
	for i := range sig.Params().Len() {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}

func isURLValues(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/url" && n.Obj().Name() == "Values"
}

// setsArg recognises values.Set("name", v) and values.Add("name", v) on a url.Values.
func (d *deriver) setsArg(call *ast.CallExpr) (name string, val ast.Expr, ok bool) {
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || (sel.Sel.Name != "Set" && sel.Sel.Name != "Add") || len(call.Args) != 2 {
		return "", nil, false
	}
	if !isURLValues(d.info.TypeOf(sel.X)) {
		return "", nil, false
	}
	name, ok = d.constString(call.Args[0])
	return name, call.Args[1], ok
}

// valuesLiteral is the arguments of a url.Values{"name": {v}} literal.
func (d *deriver) valuesLiteral(lit *ast.CompositeLit) map[string]ast.Expr {
	if !isURLValues(d.info.TypeOf(lit)) {
		return nil
	}
	out := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, ok := d.constString(kv.Key)
		if !ok {
			continue
		}
		if l, ok := kv.Value.(*ast.CompositeLit); ok && len(l.Elts) > 0 {
			out[name] = l.Elts[0]
		}
	}
	return out
}

func (d *deriver) constString(e ast.Expr) (string, bool) {
	tv := d.info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// argOrigin finds the parameter (and the fields below it) an argument's value comes from:
// params.Types in strings.Join(params.Types, ","). ok is false for values not taken from
// a parameter (constants, the client's token).
func (d *deriver) argOrigin(e ast.Expr, fn *fnInfo) (Arg, bool) {
	var path []string
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := d.info.Uses[x].(*types.Var)
			if v == nil {
				return Arg{}, false
			}
			i := paramIndex(fn.sig, v)
			if i < 0 {
				return Arg{}, false
			}
			return Arg{Index: i, Param: v.Name(), Path: path}, true
		case *ast.SelectorExpr:
			if sel := d.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return Arg{}, false
			}
			path = append([]string{x.Sel.Name}, path...)
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			// A conversion or formatting of the value: follow the first argument that
			// comes from a parameter.
			for _, a := range x.Args {
				if arg, ok := d.argOrigin(a, fn); ok {
					arg.Path = append(arg.Path, path...)
					return arg, true
				}
			}
			return Arg{}, false
		default:
			return Arg{}, false
		}
	}
}
