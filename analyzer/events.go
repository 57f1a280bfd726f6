package analyzer

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
)

// EventTypesFact is a package fact on a client package (slack-go's slack, slackevents):
// the Go types it decodes events into, slackevents' AppMentionEvent for app_mention,
// slack's MessageEvent (RTM) for message. It is derived from the client's own mapping
// tables (slackevents.EventsAPIInnerEventMapping, slack.EventMapping: map literals from an
// event-name constant to a struct value), so the mapping is that of the version the
// program builds with.
//
// It is one package fact rather than a fact on each type: go vet re-exports a fact on a
// type into the facts file of every package that imports the type's package, directly or
// not. Code that names an event type imports its package, so a direct import's fact is
// all it needs.
type EventTypesFact struct {
	Types []EventType // sorted by Type
}

// An EventType is a Go type of the package and the event decoded into it.
type EventType struct {
	Type  string // the type's name in its package
	Event string
}

// AFact marks EventTypesFact as an analysis fact.
func (*EventTypesFact) AFact() {}

func (f *EventTypesFact) String() string {
	var parts []string
	for _, t := range f.Types {
		parts = append(parts, t.Type+"="+t.Event)
	}
	return "events " + strings.Join(parts, " ")
}

// event is the event decoded into the package's type named name.
func (f *EventTypesFact) event(name string) (string, bool) {
	i, ok := slices.BinarySearchFunc(f.Types, name, func(t EventType, n string) int { return strings.Compare(t.Type, n) })
	if !ok {
		return "", false
	}
	return f.Types[i].Event, true
}

// exportEventTypes finds the package's event mapping tables and exports their types.
func exportEventTypes(pass *analysis.Pass) {
	var f EventTypesFact
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if _, isMap := pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map); !isMap {
				return true
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				name, ok := constString(pass, kv.Key)
				if !ok {
					continue
				}
				if _, known := catalog.LookupEvent(name); !known {
					continue
				}
				val, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
				if !ok {
					continue
				}
				if n, ok := types.Unalias(pass.TypesInfo.TypeOf(val)).(*types.Named); ok && n.Obj().Pkg() == pass.Pkg {
					f.Types = append(f.Types, EventType{n.Obj().Name(), name})
				}
			}
			return true
		})
	}
	if len(f.Types) == 0 {
		return
	}
	slices.SortFunc(f.Types, func(a, b EventType) int {
		return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Event, b.Event))
	})
	// No client maps one type to two events; if one did, the first by name would stand.
	f.Types = slices.CompactFunc(f.Types, func(a, b EventType) bool { return a.Type == b.Type })
	pass.ExportPackageFact(&f)
}

// A handled is an event or app feature the code handles, where it shows it.
type handled struct {
	name    string
	feature bool
	pos     token.Pos
	why     string   // "*slackevents.AppMentionEvent", "slackevents.AppMention"
	decl    ast.Decl // the top-level declaration it is in: each function counts apart
	rtm     bool     // shown by a type of slack-go's RTM (*slack.MessageEvent)
}

// kind is the kind of use a handled thing is.
func (h handled) kind() UseKind {
	if h.feature {
		return FeatureUse
	}
	return EventUse
}

// isRTMType reports whether t is an event type of slack-go's RTM: its root package
// (slack.MessageEvent), not slackevents (the Events API's, which Socket Mode delivers too).
func isRTMType(t types.Type) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	return ok && appcode.ClientPackage(n.Obj().Pkg()) && n.Obj().Pkg().Name() == "slack"
}

// eventByChannelType is the message.* event whose messages have channel type ct (the
// catalog's channel_type).
func eventByChannelType(ct string) (string, bool) {
	for e := range catalog.Events() {
		if e.ChannelType == ct {
			return e.Name, true
		}
	}
	return "", false
}

// findHandled finds what the package's code handles: the event types it asserts or
// switches on or takes as a handler's parameter, the event names it compares with or
// registers handlers for, slash commands and shortcuts. Tests and mocks do not count.
//
// withParams counts a function that takes an event's type as a handler of the event: for
// the app's own code, where such a function is a callback it registers; not for a
// dependency, where a helper that takes an event is not an event loop.
func findHandled(pass *analysis.Pass, withParams bool) []handled {
	f := &handledFinder{pass: pass, withParams: withParams, eventCases: map[ast.Stmt]bool{}, facts: map[*types.Package]*EventTypesFact{}}
	for _, file := range pass.Files {
		if appcode.TestOrMock(pass.Fset, file) {
			continue
		}
		for _, d := range file.Decls {
			f.decl = d
			ast.Inspect(d, f.node)
		}
	}
	return f.narrowMessages()
}

// A handledFinder collects what one package's code handles.
type handledFinder struct {
	pass       *analysis.Pass
	withParams bool // a function taking an event's type handles it
	out        []handled
	decl       ast.Decl          // the top-level declaration being read
	eventCases map[ast.Stmt]bool // the clauses of switches on an event's type
	facts      map[*types.Package]*EventTypesFact
}

// add records h once per name, kind and declaration.
func (f *handledFinder) add(h handled) {
	if h.decl == nil {
		h.decl = f.decl
	}
	i := slices.IndexFunc(f.out, func(o handled) bool { return o.name == h.name && o.feature == h.feature && o.decl == h.decl })
	if i < 0 {
		f.out = append(f.out, h)
	} else {
		f.out[i].rtm = f.out[i].rtm && h.rtm // an RTM handler only if every one is
	}
}

// eventOf is the event a client's type (or a pointer to it) is decoded from.
func (f *handledFinder) eventOf(t types.Type) (string, string, bool) {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return "", "", false
	}
	pkg := n.Obj().Pkg()
	fact, ok := f.facts[pkg]
	if !ok {
		fact = new(EventTypesFact)
		if pkg == nil || !f.pass.ImportPackageFact(pkg, fact) {
			fact = nil
		}
		f.facts[pkg] = fact
	}
	if fact == nil {
		return "", "", false
	}
	ev, ok := fact.event(n.Obj().Name())
	return ev, "", ok
}

// eventType adds the event of the type t, written at pos, if it is an event's type.
func (f *handledFinder) eventType(t types.Type, pos token.Pos, why string) {
	if t == nil {
		return
	}
	if ev, _, ok := f.eventOf(t); ok {
		f.add(handled{name: ev, pos: pos, why: typeString(t) + why, rtm: isRTMType(t)})
	}
}

func (f *handledFinder) node(n ast.Node) bool {
	info := f.pass.TypesInfo
	switch n := n.(type) {
	case *ast.TypeAssertExpr:
		if n.Type != nil {
			f.eventType(info.TypeOf(n.Type), n.Pos(), "")
		}
	case *ast.FuncLit:
		if f.withParams {
			f.params(n.Type)
		}
	case *ast.FuncDecl:
		if n.Body != nil && f.withParams {
			f.params(n.Type)
		}
	case *ast.SwitchStmt:
		// case "message": names an event only in a switch on an event's type.
		if n.Tag != nil && fromEventType(f.pass, n.Tag, f.eventOf, 0) {
			for _, c := range n.Body.List {
				f.eventCases[c] = true
			}
		}
	case *ast.CaseClause:
		for _, e := range n.List {
			if tv, ok := info.Types[e]; ok && tv.IsType() {
				f.eventType(tv.Type, e.Pos(), "")
				continue
			}
			eventConst(f.pass, e, f.eventCases[n], f.add)
		}
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			for _, side := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				eventConst(f.pass, side[1], fromEventType(f.pass, side[0], f.eventOf, 0), f.add)
			}
		}
	case *ast.Ident:
		f.constant(n)
	case *ast.SelectorExpr:
		// A qualified constant (slackevents.AppMention) is read whole; the expression it
		// selects from may hold handling of its own (ev.Data.(*slackevents.AppMentionEvent).Text).
		f.constant(n)
		ast.Inspect(n.X, f.node)
		return false
	case *ast.CallExpr:
		// A call of a client function that means a feature (the catalog's triggers).
		if fn, ok := calleeFunc(f.pass, n); ok {
			if t, ok := catalog.FeatureOfFunc(fn.Name()); ok && appcode.ClientPackage(fn.Pkg()) {
				f.add(handled{name: t.Feature, feature: true, pos: n.Pos(), why: fn.Name()})
			}
		}
	}
	return true
}

// params adds the events of a function's parameters: a function of the app that takes an
// event's type (func(ev *slackevents.AppMentionEvent), registered with a bot framework)
// handles that event, whoever decodes it.
func (f *handledFinder) params(ft *ast.FuncType) {
	for _, field := range ft.Params.List {
		f.eventType(f.pass.TypesInfo.TypeOf(field.Type), field.Type.Pos(), " (a parameter)")
	}
}

// constant adds what a typed constant names: an event (slackevents.AppMention, wherever it
// is used: HandleEvents(slackevents.AppMention, f)), or a feature (the catalog's
// triggers: an interaction type, a Socket Mode request type).
func (f *handledFinder) constant(e ast.Expr) {
	eventConst(f.pass, e, false, f.add)
	if c, ok := constOf(f.pass, e); ok {
		if t, ok := catalog.FeatureOfConst(typeName(c.Type()), constant.StringVal(c.Val())); ok {
			f.add(handled{name: t.Feature, feature: true, pos: e.Pos(), why: c.Name()})
		}
	}
}

// narrowMessages replaces the message event of a package that tells message events apart
// by ChannelType with the events of the conversation types its code lets through
// (channeltype.go).
func (f *handledFinder) narrowMessages() []handled {
	if !slices.ContainsFunc(f.out, func(h handled) bool { return h.name == "message" && !h.feature }) {
		return f.out
	}
	narrowed, ok := messageEvents(f.pass)
	if !ok {
		return f.out
	}
	all := f.out
	f.out = nil
	for _, h := range all {
		if h.name != "message" || h.feature {
			f.add(h)
			continue
		}
		for _, ev := range narrowed {
			f.add(handled{name: ev, pos: h.pos, why: h.why + " (ChannelType)", decl: h.decl, rtm: h.rtm})
		}
	}
	return f.out
}

// eventConst adds the event a constant names: any constant of a client package's event
// type, or (loose) an untyped string constant compared with an event's type.
func eventConst(pass *analysis.Pass, e ast.Expr, loose bool, add func(handled)) {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	name := constant.StringVal(tv.Value)
	if _, known := catalog.LookupEvent(name); !known {
		return
	}
	n, named := types.Unalias(tv.Type).(*types.Named)
	switch {
	case named && n.Obj().Name() == "EventsAPIType" && appcode.ClientPackage(n.Obj().Pkg()):
	case loose:
	default:
		return
	}
	why := name
	if c, ok := constOf(pass, e); ok {
		why = c.Pkg().Name() + "." + c.Name()
	}
	add(handled{name: name, pos: e.Pos(), why: why})
}

func constOf(pass *analysis.Pass, e ast.Expr) (*types.Const, bool) {
	c, ok := pass.TypesInfo.Uses[identOf(e)].(*types.Const)
	return c, ok && c.Val().Kind() == constant.String
}

// identOf is the identifier a name or a qualified name ends in (nil for anything else).
func identOf(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// typeString writes t with package names: *slackevents.AppMentionEvent.
func typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

func typeName(t types.Type) string {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// envelopes are the client packages' types whose Type field names the event they carry.
var envelopes = map[string]bool{
	"EventsAPIEvent": true, "EventsAPIInnerEvent": true, "EventsAPICallbackEvent": true,
	"Event": true, "RTMEvent": true, "EventType": true, "EventsAPIType": true,
}

// fromEventType reports whether e's value names an event: it has a client package's
// event type type (slackevents.EventsAPIType, socketmode.EventType), or it is the Type
// field of an envelope (EventsAPIInnerEvent, socketmode.Event, slack.RTMEvent) or of an
// event's own type, or a conversion of one, or a local variable set to one where it is
// declared. A string switched on elsewhere (a GraphQL field's name) names no event.
func fromEventType(pass *analysis.Pass, e ast.Expr, eventOf func(types.Type) (string, string, bool), depth int) bool {
	if depth > 3 {
		return false
	}
	e = ast.Unparen(e)
	clientType := func(t types.Type) bool {
		n, ok := types.Unalias(deref(t)).(*types.Named)
		if !ok || !appcode.ClientPackage(n.Obj().Pkg()) {
			return false
		}
		if envelopes[n.Obj().Name()] {
			return true
		}
		_, _, ok = eventOf(n)
		return ok
	}
	if t := pass.TypesInfo.TypeOf(e); t != nil {
		if n, ok := types.Unalias(t).(*types.Named); ok && appcode.ClientPackage(n.Obj().Pkg()) && envelopes[n.Obj().Name()] {
			return true
		}
	}
	switch e := e.(type) {
	case *ast.SelectorExpr:
		if sel, ok := pass.TypesInfo.Selections[e]; ok && sel.Kind() == types.FieldVal && e.Sel.Name == "Type" {
			return clientType(sel.Recv())
		}
	case *ast.CallExpr:
		if tv, ok := pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return fromEventType(pass, e.Args[0], eventOf, depth+1)
		}
	case *ast.Ident:
		if v, ok := pass.TypesInfo.Uses[e].(*types.Var); ok {
			if init := declaredValue(pass, v); init != nil {
				return fromEventType(pass, init, eventOf, depth+1)
			}
		}
	}
	return false
}

// declaredValue is the expression a local variable is set to where it is declared
// (t := ev.Type), or nil.
func declaredValue(pass *analysis.Pass, v *types.Var) ast.Expr {
	for _, f := range pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		var init ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			if init != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok && pass.TypesInfo.Defs[id] == v {
							init = n.Rhs[i]
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if pass.TypesInfo.Defs[id] == v && i < len(n.Values) && len(n.Names) == len(n.Values) {
						init = n.Values[i]
					}
				}
			}
			return n == nil || n.Pos() <= v.Pos() && v.Pos() < n.End()
		})
		return init
	}
	return nil
}

func calleeFunc(pass *analysis.Pass, call *ast.CallExpr) (*types.Func, bool) {
	fn, ok := pass.TypesInfo.Uses[identOf(call.Fun)].(*types.Func)
	return fn, ok
}
