// Package bindings defines an Analyzer that works out, for every function of every
// package it runs on, which Slack Web API methods (and other URLs) the function reaches,
// and records the answer as facts.
//
// It runs the derivation of internal/derive on the package being analysed: on
// github.com/slack-go/slack itself when the analysis reaches it as a dependency, under go
// vet as standalone, so that user code is checked against the slack-go version it really
// builds with, whatever that version is; and on the user's own packages, whose wrappers
// (func notify(c *slack.Client, ...)) then carry the methods they reach to their callers.
// Other analyzers read the results through the Result this one returns.
package bindings

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/internal/appcode"
	"github.com/slackscope/slackscope/internal/derive"
)

// Analyzer derives the Slack API bindings of a package's functions, and the call sites
// of the main module's packages.
var Analyzer = newAnalyzer(false)

// DependencySites is Analyzer recording the call sites of dependency packages too, for
// analyses that treat them as the program (analyzer.Config.Dependencies).
var DependencySites = newAnalyzer(true)

func newAnalyzer(dependencySites bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "slackbindings",
		Doc: `derive which Slack Web API methods each function reaches

For every function and method of the package, slackbindings evaluates the URL of each
HTTP request and websocket dial the function makes, itself or through the functions it
calls (the package's own, and those of imported packages through facts), and exports what
it finds as a fact on the function: the Web API methods (https://slack.com/api/<method>),
other URLs (incoming webhooks, response URLs, URLs from responses), the Web API arguments
set from parameters, and for option functions (slack.MsgOptionUpdate) the endpoint they
select. It reports no diagnostics; the slackscope analyzer builds on it.`,
		URL:        "https://pkg.go.dev/github.com/slackscope/slackscope/internal/bindings",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, dependencySites) },
		FactTypes:  []analysis.Fact{new(Fact), new(PackageFact)},
		ResultType: reflect.TypeOf((*Result)(nil)),
	}
}

// Fact is the derived summary of one function.
type Fact struct{ derive.Summary }

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// GobEncode encodes the fact for go vet's facts files as JSON: gob would describe the
// summary's seven types again in every package's file, and decoding a file starts by
// compiling a decoder for each type it describes (a main package that imports a
// thousand packages paid that a thousand times).
func (f *Fact) GobEncode() ([]byte, error) { return json.Marshal(&f.Summary) }

// GobDecode decodes what GobEncode wrote.
func (f *Fact) GobDecode(data []byte) error { return json.Unmarshal(data, &f.Summary) }

// String lists what the function reaches: Web API methods by name, other URLs as the
// derivation writes them, then the arguments it sets and, for options, their effect.
func (f *Fact) String() string {
	var reqs []string
	for _, r := range f.Requests {
		s := r.URL.String()
		if m, ok, open := r.URL.Method(); ok && !open {
			s = m
		}
		if r.Via != "" {
			s += " (options: " + r.Via + ")"
		}
		reqs = append(reqs, s)
	}
	parts := []string{"reaches " + strings.Join(slices.Compact(reqs), ", ")}
	if len(reqs) == 0 {
		parts = nil
	}
	if len(f.Args) > 0 {
		var args []string
		for _, a := range f.Args {
			args = append(args, a.Name+"="+a.GoString())
		}
		parts = append(parts, "args "+strings.Join(args, ", "))
	}
	if o := f.Option; o != nil {
		var urls []string
		for _, u := range o.URLs {
			s := u.String()
			if m, ok, open := u.Method(); ok && !open {
				s = m
			}
			urls = append(urls, s)
		}
		parts = append(parts, fmt.Sprintf("option sets %s to [%s], args [%s]", o.Field, strings.Join(urls, ", "), strings.Join(o.Args, ", ")))
	}
	if len(f.Results) > 0 {
		parts = append(parts, fmt.Sprintf("%d string results", len(f.Results)))
	}
	return strings.Join(parts, "; ")
}

// Result gives the summaries of the package's functions and of imported ones, and the
// package's call sites that reach requests.
type Result struct {
	// Sites are the calls that send requests, outside test files and mocks.
	Sites []derive.Site
	// Failure says why the derivation gave up on the package, if it did.
	Failure  string
	local    map[*types.Func]*derive.Summary
	imported func(*types.Func) *derive.Summary
}

// Summary is the summary of fn, a function of the package or of one it imports, or nil
// when fn reaches nothing.
func (r *Result) Summary(fn *types.Func) *derive.Summary {
	fn = fn.Origin()
	if s, ok := r.local[fn]; ok {
		return s
	}
	return r.imported(fn)
}

func run(pass *analysis.Pass, dependencySites bool) (any, error) {
	im := &importedSummaries{pass: pass, facts: map[*types.Package]*PackageFact{}, found: map[*types.Func]foundSummary{}}
	res := &Result{imported: im.summary}
	if !reachesNetwork(pass) {
		return res, nil
	}
	d := derive.Package(derive.Input{
		Pkg: pass.Pkg, Files: pass.Files, Info: pass.TypesInfo,
		Imported:        im.summary,
		Implementations: implementationsIn(pass, im.summary),
		Skip:            skipFile(pass),
		NoSites:         !dependencySites && !appcode.InMainModule(pass),
		Counted: func(fn *types.Func) bool {
			return fn.Pkg() != nil && fn.Pkg() != pass.Pkg && im.lookup(fn).main
		},
		Client: appcode.ClientPackage,
	})
	res.local, res.Sites, res.Failure = d.Summaries, d.Sites, d.Failure
	pf := &PackageFact{Main: appcode.InMainModule(pass)}
	if pf.Main {
		// The program's own functions get a fact each (their wrappers show in tests).
		for fn, s := range res.local {
			pass.ExportObjectFact(fn, &Fact{Summary: *s})
		}
	} else {
		pf.setFuncs(res.local)
	}
	pass.ExportPackageFact(pf)
	return res, nil
}

// importedSummaries finds the summaries of the functions of other packages, from their
// facts (or the catalog's bindings), each once per pass.
type importedSummaries struct {
	pass  *analysis.Pass
	facts map[*types.Package]*PackageFact // nil: the package has none
	found map[*types.Func]foundSummary
}

type foundSummary struct {
	sum  *derive.Summary
	main bool // from the main module: its call sites are counted where they are
}

// summary is fn's summary when fn is of another package, else nil.
func (im *importedSummaries) summary(fn *types.Func) *derive.Summary {
	if fn.Pkg() == nil || fn.Pkg() == im.pass.Pkg {
		return nil
	}
	return im.lookup(fn).sum
}

func (im *importedSummaries) packageFact(pkg *types.Package) *PackageFact {
	pf, ok := im.facts[pkg]
	if !ok {
		pf = new(PackageFact)
		if !im.pass.ImportPackageFact(pkg, pf) {
			pf = nil
		}
		im.facts[pkg] = pf
	}
	return pf
}

func (im *importedSummaries) lookup(fn *types.Func) foundSummary {
	if f, ok := im.found[fn]; ok {
		return f
	}
	var f foundSummary
	switch pf := im.packageFact(fn.Pkg()); {
	case pf != nil && !pf.Main:
		f.sum = pf.table.lookup(funcKey(fn))
	case pf != nil: // the main module's functions have a Fact each
		f.main = true
		var fact Fact
		if im.pass.ImportObjectFact(fn, &fact) {
			f.sum = &fact.Summary
		}
	default:
		// Under go vet a package sees the package facts of its direct imports only,
		// and a method can be called without importing its package
		// (bot.API.GetUserInfo where bot holds a *slack.Client). Facts on methods
		// reach every importer, so a method of the main module has its Fact; a
		// client's method falls back to the bindings the catalog holds.
		var fact Fact
		if im.pass.ImportObjectFact(fn, &fact) {
			f = foundSummary{&fact.Summary, true}
		} else {
			f.sum = catalogSummary(fn)
		}
	}
	im.found[fn] = f
	return f
}

// reachesNetwork reports whether the package imports net/http, a websocket package, or a
// package marked with a PackageFact.
func reachesNetwork(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		path := imp.Path()
		if path == "net/http" || path == "websocket" || strings.HasSuffix(path, "/websocket") {
			return true
		}
		if pass.ImportPackageFact(imp, new(PackageFact)) {
			return true
		}
	}
	return false
}

// implementationsIn is implementations for a package of the program; dependencies'
// interface calls (io.Writer, http.RoundTripper) are not resolved, which keeps the
// derivation of slack-go and the standard library cheap.
func implementationsIn(pass *analysis.Pass, imported func(*types.Func) *derive.Summary) func(*types.Func) []*types.Func {
	if !appcode.InMainModule(pass) {
		return nil
	}
	return implementations(pass.Pkg, imported)
}

// implementations resolves a call of an interface method to the methods of the same name
// of the concrete types, in the package and the packages it imports (transitively), that
// implement the interface and reach something: a user's
// `type poster interface{ PostMessage(...) }` reaches (*slack.Client).PostMessage. Only
// the methods actually called count, never every method the interface declares.
func implementations(pkg *types.Package, imported func(*types.Func) *derive.Summary) func(*types.Func) []*types.Func {
	var named []*types.Named // collected on first use
	collect := func() {
		seen := map[*types.Package]bool{}
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if seen[p] {
				return
			}
			seen[p] = true
			scope := p.Scope()
			for _, name := range scope.Names() {
				if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
					if n, ok := tn.Type().(*types.Named); ok && !types.IsInterface(n) && n.TypeParams() == nil {
						named = append(named, n)
					}
				}
			}
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
		visit(pkg)
	}
	cache := map[*types.Func][]*types.Func{}
	return func(m *types.Func) []*types.Func {
		if out, ok := cache[m]; ok {
			return out
		}
		if named == nil {
			collect()
		}
		iface, _ := m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
		var out []*types.Func
		for _, n := range named {
			ptr := types.NewPointer(n)
			if iface == nil || !types.Implements(ptr, iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(ptr, false, m.Pkg(), m.Name())
			if f, ok := obj.(*types.Func); ok && (f.Pkg() == pkg || imported(f) != nil) {
				out = append(out, f)
			}
		}
		cache[m] = out
		return out
	}
}

// skipFile reports the files whose calls are not the app's needs (appcode.TestOrMock).
func skipFile(pass *analysis.Pass) func(*ast.File) bool {
	return func(f *ast.File) bool { return appcode.TestOrMock(pass.Fset, f) }
}
