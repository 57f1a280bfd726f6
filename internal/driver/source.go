package driver

// Which packages are loaded from source.
//
// An analysis with facts type-checks, by default, every package of the build graph from
// source: the standard library and every module the program imports, several times what
// type-checking the program's own packages costs (their dependencies' types come from
// the export data the go command compiles and caches). Only some packages' facts matter
// to slackscope: a package of a Go Slack client (the derivation of its bindings, its
// event types), a package that sends HTTP requests or dials websockets itself (it
// imports net/http or a websocket package: the derivation reads what it sends), the main
// module's packages (the program), and every package that imports one of those, directly
// or not (its functions carry what they reach to their callers, its handlers the
// framework fact). Those are loaded from source and analysed; every other package is
// loaded from export data and not analysed: no analyzer learns anything from its code.
//
// The set is closed under importers, so a package from export data never refers to one
// from source. A run whose listing reports an error anywhere, or whose type-checking
// does, is loaded again in full, so that what a broken package says is the same whatever
// the loading.

import (
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/internal/appcode"
)

// loadPruned loads the packages matching patterns as Load does, the packages whose facts
// matter from source and the rest from export data. ok is false when the run must be
// loaded in full instead: an error anywhere, or patterns the pruning does not handle.
func loadPruned(base packages.Config, patterns []string) (roots []*packages.Package, ok bool) {
	list := base
	list.Mode = packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule |
		packages.NeedExportFile | packages.NeedCompiledGoFiles | packages.NeedTypesSizes
	graph, err := packages.Load(&list, patterns...)
	if err != nil || len(graph) == 0 {
		return nil, false // the full load says what is wrong
	}
	src := sourceSet(graph)
	if src == nil || checkSourceSet(graph, src) != nil {
		return nil, false
	}
	for p := range src {
		// Only the imports loaded from source are packages of the graph the checker
		// walks; the others are types from export data.
		for path, imp := range p.Imports {
			if !src[imp] {
				delete(p.Imports, path)
			}
		}
	}
	return graph, true
}

// sourceSet is the set of packages of the graph to load from source, or nil when the
// graph has an error, or a package the go command names by no import path (files named
// on the command line) or that is a test variant.
func sourceSet(graph []*packages.Package) map[*packages.Package]bool {
	need := map[*packages.Package]bool{}
	broken := false
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if v, ok := need[p]; ok {
			return v
		}
		need[p] = false // imports do not cycle, but be safe
		if len(p.Errors) > 0 || p.ID != p.PkgPath || p.PkgPath == "command-line-arguments" {
			broken = true
		}
		v := seed(p)
		for _, imp := range p.Imports {
			if visit(imp) {
				v = true
			}
		}
		need[p] = v
		return v
	}
	// The patterns' packages are the program's, whatever they import: in the set before
	// any visit, so that a package between two of them is too.
	for _, p := range graph {
		need[p] = true
	}
	for _, p := range graph {
		if len(p.Errors) > 0 || p.ID != p.PkgPath || p.PkgPath == "command-line-arguments" {
			broken = true
		}
		for _, imp := range p.Imports {
			visit(imp)
		}
	}
	if broken {
		return nil
	}
	src := map[*packages.Package]bool{}
	for p, v := range need {
		if v {
			src[p] = true
		}
	}
	return src
}

// seed reports whether a package's own code gives facts that matter: it is the main
// module's, a Slack client's, or it sends requests itself.
func seed(p *packages.Package) bool {
	if m := p.Module; m != nil && m.Path != "" && (m.Main || m.Version == "") {
		return true
	}
	if appcode.ClientPath(p.PkgPath) {
		return true
	}
	for path := range p.Imports {
		if path == "net/http" || path == "websocket" || strings.HasSuffix(path, "/websocket") {
			return true
		}
	}
	return false
}
