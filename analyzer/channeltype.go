package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
)

// This file decides which message events a package handles when its code tells messages
// apart by their channel type (the message event's ChannelType: channel, group, im,
// mpim; each is a message.* event of its own, with its own *:history scope).
//
// The model is a small flow over statements, started at each statement list that holds
// a test of the channel type: the types that reach each statement are followed through
// `if` (both branches), `switch` on the channel type (its cases and its default) and
// tagless switches, and a list ends where a branch returns, continues or breaks. A
// statement that does something (a call, a send, a go or defer) handles the types that
// reach it. `if ev.ChannelType == "im" { … } else { … }` so handles all four types, and
// `if ev.ChannelType != "im" { return }` followed by a reply handles direct messages only.
//
// A test the flow cannot read (a channel-type comparison stored in a variable, passed to
// a function, returned by a helper) means every message type: never fewer than the code
// may handle. What follows the list that holds the test (after the enclosing switch, in
// the caller) is not read. Statements before the first test of the list count only when
// they use the tested event (reacting to every message before replying to DMs handles
// every message; acknowledging a Socket Mode request does not).

// channelTypes is a set of message channel types, one bit each.
type channelTypes uint8

// channelTypeNames are the channel types the catalog gives a message.* event, in bit order.
var channelTypeNames = func() []string {
	var names []string
	for e := range catalog.Events() {
		if e.ChannelType != "" {
			names = append(names, e.ChannelType)
		}
	}
	return names
}()

var allChannelTypes = channelTypes(1)<<len(channelTypeNames) - 1

func channelTypeOf(name string) channelTypes {
	if i := slices.Index(channelTypeNames, name); i >= 0 {
		return 1 << i
	}
	return 0 // a type no message.* event carries ("app_home")
}

// events are the message.* events of the set's types.
func (s channelTypes) events() []string {
	var out []string
	for i, name := range channelTypeNames {
		if s&(1<<i) != 0 {
			if ev, ok := eventByChannelType(name); ok {
				out = append(out, ev)
			}
		}
	}
	return out
}

// channelTypeTests are the methods of slack-go's message event that test its channel type.
var channelTypeTests = map[string]string{"IsChannel": "channel", "IsGroup": "group", "IsIM": "im", "IsMpIM": "mpim"}

// messageEvents is which message events the package's code handles as far as its
// channel-type tests tell: ok is false when the code tests no channel type (or tests it
// where the flow cannot follow), and every message event counts.
func messageEvents(pass *analysis.Pass) (events []string, ok bool) {
	f := &channelFlow{pass: pass, read: map[ast.Node]bool{}, tested: map[types.Object]bool{}}
	var files []*ast.File // tests and mocks do not count, as in findHandled
	for _, file := range pass.Files {
		if !appcode.TestOrMock(pass.Fset, file) {
			files = append(files, file)
		}
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if _, ok := f.comparison(n); ok {
					f.tests = append(f.tests, n)
				}
			case *ast.CallExpr:
				if _, ok := f.testCall(n); ok {
					f.tests = append(f.tests, n)
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && f.isChannelType(n.Tag, 0) {
					f.tests = append(f.tests, n)
				}
			}
			return true
		})
	}
	if len(f.tests) == 0 {
		return nil, false
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			if list := stmtList(n); list != nil && slices.ContainsFunc(list, f.isTest) {
				f.undecided = true
				f.block(list, allChannelTypes)
				return false
			}
			return true
		})
	}
	for _, t := range f.tests {
		if !f.read[t] {
			return nil, false // tested where the flow does not follow
		}
	}
	if f.handled == 0 {
		return nil, false
	}
	return f.handled.events(), true
}

// channelFlow follows channel types through a package's statements.
type channelFlow struct {
	pass    *analysis.Pass
	tests   []ast.Node        // every channel-type test of the package
	read    map[ast.Node]bool // the tests the flow has read
	handled channelTypes      // the types that reach a statement that does something

	tested    map[types.Object]bool // the variables whose channel type is tested (msg, ct)
	undecided bool                  // before the first test of the list the flow started at
}

func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// isTest reports whether s is a statement the flow reads as a channel-type test.
func (f *channelFlow) isTest(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.IfStmt:
		_, _, ok := f.cond(s.Cond, false)
		return ok
	case *ast.SwitchStmt:
		if s.Tag != nil {
			return f.isChannelType(s.Tag, 0)
		}
		for _, c := range s.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				if _, _, ok := f.cond(e, false); ok {
					return true
				}
			}
		}
	}
	return false
}

// block follows the types in live through stmts and returns those that reach its end.
func (f *channelFlow) block(stmts []ast.Stmt, live channelTypes) channelTypes {
	for _, s := range stmts {
		if live == 0 {
			break
		}
		if f.undecided && f.isTest(s) {
			f.undecided = false
		}
		live = f.stmt(s, live)
	}
	return live
}

func (f *channelFlow) stmt(s ast.Stmt, live channelTypes) channelTypes {
	switch s := s.(type) {
	case *ast.IfStmt:
		if s.Init != nil {
			f.simple(s.Init, live)
		}
		t, e, _ := f.cond(s.Cond, true)
		out := f.block(s.Body.List, live&t)
		if s.Else != nil {
			return out | f.stmt(s.Else, live&e)
		}
		return out | live&e
	case *ast.SwitchStmt:
		if s.Init != nil {
			f.simple(s.Init, live)
		}
		return f.switchStmt(s, live)
	case *ast.BlockStmt:
		return f.block(s.List, live)
	case *ast.LabeledStmt:
		return f.stmt(s.Stmt, live)
	case *ast.ForStmt:
		f.block(s.Body.List, live)
		return live
	case *ast.RangeStmt:
		f.simple(&ast.ExprStmt{X: s.X}, live)
		f.block(s.Body.List, live)
		return live
	case *ast.TypeSwitchStmt:
		for _, c := range s.Body.List {
			f.block(c.(*ast.CaseClause).Body, live)
		}
		return live
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			f.block(c.(*ast.CommClause).Body, live)
		}
		return live
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			f.simple(&ast.ExprStmt{X: r}, live)
		}
		return 0
	case *ast.BranchStmt:
		if s.Tok == token.FALLTHROUGH {
			return live
		}
		return 0
	case *ast.ExprStmt:
		f.simple(s, live)
		if c, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && isPanic(f.pass, c) {
			return 0
		}
		return live
	default:
		f.simple(s, live)
		return live
	}
}

// switchStmt follows a switch: each case clause gets the types for which one of its
// expressions may match and no earlier clause's surely did; the default gets what no case
// surely took. On the channel type, `case "im":` matches im alone; a tagless switch reads
// its cases as conditions; any other switch lets every type reach every clause.
func (f *channelFlow) switchStmt(s *ast.SwitchStmt, live channelTypes) channelTypes {
	onType := s.Tag != nil && f.isChannelType(s.Tag, 0)
	if onType {
		f.read[s] = true
	}
	clauses := s.Body.List
	in := make([]channelTypes, len(clauses))
	left, dflt := live, -1
	for i, c := range clauses {
		c := c.(*ast.CaseClause)
		if c.List == nil {
			dflt = i
			continue
		}
		var some channelTypes
		none := allChannelTypes
		for _, e := range c.List {
			t, fl := f.caseExpr(s, onType, e)
			some, none = some|t, none&fl
		}
		in[i] = left & some
		left &= none
	}
	if dflt >= 0 {
		in[dflt] = left
		left = 0
	}
	out := left // no clause taken
	var falls channelTypes
	for i, c := range clauses {
		body := c.(*ast.CaseClause).Body
		through := false
		if n := len(body); n > 0 {
			if b, ok := body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				body, through = body[:n-1], true
			}
		}
		end := f.block(body, in[i]|falls)
		if falls = 0; through {
			falls = end
		} else {
			out |= end
		}
	}
	return out
}

// caseExpr is the types for which a case expression may match and those for which it
// may not.
func (f *channelFlow) caseExpr(s *ast.SwitchStmt, onType bool, e ast.Expr) (match, miss channelTypes) {
	switch {
	case onType:
		if v, ok := constString(f.pass, e); ok {
			t := channelTypeOf(v)
			return t, allChannelTypes &^ t
		}
	case s.Tag == nil:
		t, fl, _ := f.cond(e, true)
		return t, fl
	}
	return allChannelTypes, allChannelTypes // like a condition, a case only chooses
}

// simple counts the types that reach s as handled when s does something: a call that is
// not a conversion or a builtin, a send, a go or defer statement.
func (f *channelFlow) simple(s ast.Stmt, live channelTypes) {
	does := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if _, ok := f.testCall(n); ok {
				return false // a test of the channel type is not handling; read or not, it is in tests
			}
			if tv, ok := f.pass.TypesInfo.Types[n.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
				return true
			}
			does = true
		case *ast.SendStmt, *ast.GoStmt, *ast.DeferStmt, *ast.FuncLit:
			does = true
		}
		return !does
	})
	if does && (!f.undecided || f.usesTested(s)) {
		f.handled |= live
	}
}

// usesTested reports whether n refers to a variable whose channel type is tested.
func (f *channelFlow) usesTested(n ast.Node) bool {
	uses := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && f.tested[f.pass.TypesInfo.ObjectOf(id)] {
			uses = true
		}
		return !uses
	})
	return uses
}

// cond is the channel types for which e may be true and those for which it may be false;
// ok reports whether e tests the channel type at all. With mark, the tests read are
// marked as read.
func (f *channelFlow) cond(e ast.Expr, mark bool) (whenTrue, whenFalse channelTypes, ok bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			xt, xf, xok := f.cond(e.X, mark)
			yt, yf, yok := f.cond(e.Y, mark)
			if e.Op == token.LAND {
				return xt & yt, xf | yf, xok || yok
			}
			return xt | yt, xf & yf, xok || yok
		}
		if t, ok := f.comparison(e); ok {
			if mark {
				f.read[e] = true
			}
			if e.Op == token.NEQ {
				return allChannelTypes &^ t, t, true
			}
			return t, allChannelTypes &^ t, true
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			t, fl, ok := f.cond(e.X, mark)
			return fl, t, ok
		}
	case *ast.CallExpr:
		if t, ok := f.testCall(e); ok {
			if mark {
				f.read[e] = true
			}
			return t, allChannelTypes &^ t, true
		}
	}
	// Any other condition may be true or false for every type. What it calls is not
	// counted as handling: a condition only chooses (strings.HasPrefix(ev.Text, "!")).
	return allChannelTypes, allChannelTypes, false
}

// comparison is the types a ChannelType == "im" (or !=) comparison names.
func (f *channelFlow) comparison(e *ast.BinaryExpr) (channelTypes, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return 0, false
	}
	for _, side := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		if s, ok := constString(f.pass, side[1]); ok && f.isChannelType(side[0], 0) {
			return channelTypeOf(s), true
		}
	}
	return 0, false
}

// testCall is the type an ev.IsIM() call tests.
func (f *channelFlow) testCall(c *ast.CallExpr) (channelTypes, bool) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || len(c.Args) != 0 {
		return 0, false
	}
	name, ok := channelTypeTests[sel.Sel.Name]
	if !ok {
		return 0, false
	}
	fn, ok := f.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || !appcode.ClientPackage(fn.Pkg()) {
		return 0, false
	}
	f.test(sel.X)
	return channelTypeOf(name), true
}

// isChannelType reports whether e is the ChannelType field of a client package's type,
// or a local variable set to one where it is declared.
func (f *channelFlow) isChannelType(e ast.Expr, depth int) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := f.pass.TypesInfo.Selections[e]
		if !ok || sel.Kind() != types.FieldVal || e.Sel.Name != "ChannelType" {
			return false
		}
		n, ok := types.Unalias(deref(sel.Recv())).(*types.Named)
		if ok && appcode.ClientPackage(n.Obj().Pkg()) {
			f.test(e.X)
			return true
		}
	case *ast.Ident:
		if v, ok := f.pass.TypesInfo.Uses[e].(*types.Var); ok && depth < 3 {
			if init := declaredValue(f.pass, v); init != nil && f.isChannelType(init, depth+1) {
				f.test(e)
				return true
			}
		}
	}
	return false
}

// test records the variable e (msg in msg.ChannelType, msg.Event.ChannelType) as tested.
func (f *channelFlow) test(e ast.Expr) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.Ident:
			if obj := f.pass.TypesInfo.ObjectOf(x); obj != nil {
				f.tested[obj] = true
			}
		}
		return
	}
}

// isPanic reports whether c calls the builtin panic.
func isPanic(pass *analysis.Pass, c *ast.CallExpr) bool {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "panic"
}
