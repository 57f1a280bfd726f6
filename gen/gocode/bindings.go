package gocode

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/gen/model"
)

// WriteBindings renders bindings files as the Go source of package catalog: the bindings
// sorted by function, an index from each Web API method to the functions that call it
// (or options that select it), and the renamed functions rs sorted by their old name.
func WriteBindings(files []*model.Bindings, rs *model.Renames) ([]byte, error) {
	w := newWriter()
	w.p("// bindingModules are the client modules the bindings were derived from, sorted by path.")
	w.p("var bindingModules = [...]BindingModule{")
	var all []*model.Binding
	for _, f := range files {
		w.p("{Path: %s, Version: %s, Packages: %s},", q(f.Module), q(f.Version), strs(f.Packages))
		for i := range f.Functions {
			all = append(all, &f.Functions[i])
		}
	}
	w.p("}")
	w.p("")
	slices.SortFunc(all, func(a, b *model.Binding) int { return strings.Compare(a.Func, b.Func) })
	byMethod := map[string][]int{}
	w.p("// bindings is every exported function that reaches a request, or is an option, sorted by Func.")
	w.p("var bindings = [...]Binding{")
	for i, b := range all {
		w.p("{")
		w.p("Func: %s,", q(b.Func))
		if len(b.Methods) > 0 {
			w.p("Methods: %s,", strs(b.Methods))
		}
		if len(b.Targets) > 0 {
			w.p("Targets: %s,", targets(b.Targets))
		}
		if len(b.Open) > 0 {
			w.p("Open: %s,", strs(b.Open))
		}
		str(w, "Options", b.Options)
		if len(b.Args) > 0 {
			var parts []string
			for _, name := range slices.Sorted(maps.Keys(b.Args)) {
				parts = append(parts, fmt.Sprintf("{%s, %s}", q(name), q(b.Args[name])))
			}
			w.p("Args: []BindingArg{%s},", strings.Join(parts, ", "))
		}
		if o := b.Option; o != nil {
			w.p("Option: &BindingOption{Field: %s, Methods: %s, Targets: %s, Open: %s, Args: %s},",
				q(o.Field), strs(o.Methods), targets(o.Targets), strs(o.Open), strs(o.Args))
			for _, m := range o.Methods {
				byMethod[m] = append(byMethod[m], i)
			}
		}
		for _, m := range b.Methods {
			byMethod[m] = append(byMethod[m], i)
		}
		w.p("},")
	}
	w.p("}")
	w.p("")
	w.p("// bindingsByMethod lists, for each Web API method, the indexes in bindings of the")
	w.p("// functions that call it and the options that select it; sorted by method.")
	w.p("var bindingsByMethod = [...]methodBindings{")
	for _, m := range slices.Sorted(maps.Keys(byMethod)) {
		idx := slices.Compact(byMethod[m])
		parts := make([]string, len(idx))
		for i, x := range idx {
			parts[i] = fmt.Sprint(x)
		}
		w.p("{%s, []uint16{%s}},", q(m), strings.Join(parts, ", "))
	}
	w.p("}")
	w.p("")
	renames(w, rs)
	if len(all) > 1<<16 {
		return nil, fmt.Errorf("%d bindings do not fit the uint16 index", len(all))
	}
	return w.source()
}

func targets(ts []model.BindingTarget) string {
	if len(ts) == 0 {
		return "nil"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf("{%s, %s}", q(t.Kind), q(t.Detail))
	}
	return "[]BindingTarget{" + strings.Join(parts, ", ") + "}"
}

// renames writes the table of renamed functions, sorted by From.
func renames(w *writer, rs *model.Renames) {
	var list []model.Rename
	if rs != nil {
		list = slices.Clone(rs.Renamed)
	}
	slices.SortFunc(list, func(a, b model.Rename) int { return strings.Compare(a.From, b.From) })
	w.p("// renamed are the functions of the client modules that a release renamed, sorted by")
	w.p("// From (bindings/%s, hand-written).", model.RenamedFile)
	w.p("var renamed = [...]Renamed{")
	for _, r := range list {
		w.p("{From: %s, To: %s, In: %s, Source: %s},", q(r.From), q(r.To), q(r.In), q(r.Source))
	}
	w.p("}")
}
