// Package load runs the binding derivation over the packages of a client module, such as
// github.com/slack-go/slack at the version a go.mod pins, in dependency order, so that a
// package's summaries reach the packages that import it (socketmode builds on slack).
package load

import (
	"errors"
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/slackscope/slackscope/internal/derive"
)

// Result is the derivation over a set of packages.
type Result struct {
	// Packages are the import paths derived, in dependency order.
	Packages []string
	// Version is the version of the module of the first package derived ("" for the
	// main module).
	Version string
	// Bindings are the exported functions' bindings of every package, sorted by Func.
	Bindings []derive.Binding
	// Exported are the exported functions and methods (of exported types) of the packages,
	// by full name, whether or not they reach the API.
	Exported []string
}

// Packages loads the packages matching patterns, resolved in the module at dir (its
// go.mod says which version of the client module is used), and derives their bindings.
// Packages whose path has an element named in skip ("examples", "internal") are left out.
func Packages(dir string, patterns []string, skip ...string) (*Result, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
			packages.NeedTypesInfo | packages.NeedImports | packages.NeedModule,
		Dir: dir,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var errs []error
	var roots []*packages.Package
	for _, p := range pkgs {
		if skipped(p.PkgPath, skip) {
			continue
		}
		for _, e := range p.Errors {
			errs = append(errs, fmt.Errorf("%s: %v", p.PkgPath, e))
		}
		roots = append(roots, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("no packages match %s in %s", strings.Join(patterns, " "), dir)
	}
	sums := make(map[string]*derive.Summary)
	res := &Result{}
	for _, p := range order(roots) {
		res.Packages = append(res.Packages, p.PkgPath)
		if res.Version == "" && p.Module != nil {
			res.Version = p.Module.Version
		}
		d := derivePackage(derive.Input{
			Pkg: p.Types, Files: p.Syntax, Info: p.TypesInfo,
			Imported: func(f *types.Func) *derive.Summary { return sums[f.FullName()] },
			NoSites:  true,
		})
		if d.Failure != "" {
			// Bindings without this package's would be written as if complete.
			return nil, fmt.Errorf("deriving %s: %s", p.PkgPath, d.Failure)
		}
		got := d.Summaries
		for f, s := range got {
			sums[f.FullName()] = s
		}
		res.Bindings = append(res.Bindings, derive.Bindings(got)...)
		res.Exported = append(res.Exported, exported(p.Types)...)
	}
	slices.SortFunc(res.Bindings, func(a, b derive.Binding) int { return strings.Compare(a.Func, b.Func) })
	slices.Sort(res.Exported)
	return res, nil
}

// derivePackage is derive.Package (a variable for the test of a failed derivation).
var derivePackage = derive.Package

func skipped(path string, skip []string) bool {
	for _, elem := range strings.Split(path, "/") {
		if slices.Contains(skip, elem) {
			return true
		}
	}
	return false
}

// order sorts pkgs so that every package comes after the packages of pkgs it imports.
func order(pkgs []*packages.Package) []*packages.Package {
	in := make(map[string]*packages.Package)
	for _, p := range pkgs {
		in[p.PkgPath] = p
	}
	var out []*packages.Package
	seen := make(map[string]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p.PkgPath] {
			return
		}
		seen[p.PkgPath] = true
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			if q, ok := in[path]; ok {
				visit(q)
			}
		}
		out = append(out, p)
	}
	slices.SortFunc(pkgs, func(a, b *packages.Package) int { return strings.Compare(a.PkgPath, b.PkgPath) })
	for _, p := range pkgs {
		visit(p)
	}
	return out
}

// exported lists the full names of the package's exported functions and the exported
// methods of its exported types.
func exported(pkg *types.Package) []string {
	var out []string
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() {
				out = append(out, obj.FullName())
			}
		case *types.TypeName:
			n, ok := obj.Type().(*types.Named)
			if !ok || !obj.Exported() {
				continue
			}
			for m := range n.Methods() {
				if m.Exported() {
					out = append(out, m.FullName())
				}
			}
		}
	}
	return out
}
