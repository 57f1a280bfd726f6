package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
	"github.com/slackscope/slackscope/internal/bindings"
	"github.com/slackscope/slackscope/internal/derive"
)

// This file finds the methods of a Slack client called through reflection:
// reflect.ValueOf(api).MethodByName("PostMessage") is a call of (*slack.Client).PostMessage
// wherever its Call is made (the method value is what the program reaches), so its
// Web API method counts where MethodByName is called. A name that is not a constant
// makes the call unresolved: any method of the client may be called.

// findReflectCalls finds MethodByName on a reflect.Value of a client package's type.
func findReflectCalls(pass *analysis.Pass, res *bindings.Result) (uses []Use, unresolved []Unresolved) {
	for _, file := range pass.Files {
		if appcode.TestOrMock(pass.Fset, file) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			recv, ok := methodByName(pass, call)
			if !ok {
				return true
			}
			name, ok := constString(pass, call.Args[0])
			if !ok {
				unresolved = append(unresolved, Unresolved{Pos: call.Pos(), Callee: "reflect.Value.MethodByName",
					Why: "a method of " + typeString(recv) + " chosen at run time by reflection (MethodByName with a name that is not a constant)"})
				return true
			}
			obj, _, _ := types.LookupFieldOrMethod(recv, true, nil, name)
			fn, ok := obj.(*types.Func)
			if !ok {
				return true // no such method: the program's Call would panic, not reach Slack
			}
			sum := res.Summary(fn)
			if sum == nil {
				return true
			}
			callee := shortName(fn) + " (by reflection)"
			for _, m := range derive.Resolve(fn, sum).Methods {
				uses = append(uses, Use{Method: m, Pos: call.Pos(), Callee: callee})
				if cm, ok := catalog.LookupMethod(m); ok {
					for _, c := range cm.Conditional {
						if len(c.Args) > 0 {
							unresolved = append(unresolved, Unresolved{Pos: call.Pos(), Callee: callee,
								Why: "the arguments of a call by reflection are not followed; " + c.Scope + " is needed if " + c.When})
						}
					}
				}
			}
			return true
		})
	}
	return uses, unresolved
}

// methodByName reports whether call is v.MethodByName(name) on reflect.ValueOf(x) of a
// client package's type (or a pointer to one), and x's type.
func methodByName(pass *analysis.Pass, call *ast.CallExpr) (types.Type, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "MethodByName" {
		return nil, false
	}
	fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "reflect" {
		return nil, false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(inner.Args) != 1 {
		return nil, false
	}
	vf, ok := calleeFunc(pass, inner)
	if !ok || vf.Pkg() == nil || vf.Pkg().Path() != "reflect" || vf.Name() != "ValueOf" {
		return nil, false
	}
	t := pass.TypesInfo.TypeOf(inner.Args[0])
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || !appcode.ClientPackage(n.Obj().Pkg()) {
		return nil, false
	}
	return t, true
}
