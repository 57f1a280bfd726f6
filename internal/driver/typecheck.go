package driver

// Type-checking the source set.
//
// The pruned load lists the build graph once, with export data (go list -deps -export,
// which compiles what the build cache lacks, as a type-checker's load does), and then
// parses and type-checks the packages of the source set itself, in dependency order and
// in parallel, each against its imports: a package of the set as it was checked, any
// other from its export data. The export data of every package outside the set is read
// at most once, into one types.Package per import path, so that a type is the same
// object whichever package refers to it.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// errSourceSet is a failure to check the source set: the run is loaded in full, where
// the failure is reported as it always was.
type errSourceSet struct{ msg string }

func (e *errSourceSet) Error() string { return e.msg }

// checkSourceSet parses and type-checks the packages of src (all in the graph of
// listed), filling their Fset, Syntax, Types, TypesInfo and TypesSizes.
func checkSourceSet(listed []*packages.Package, src map[*packages.Package]bool) error {
	c := &sourceChecker{
		fset:     token.NewFileSet(),
		src:      src,
		done:     map[*packages.Package]chan struct{}{},
		exported: map[string]*types.Package{},
		cpu:      make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	packages.Visit(listed, nil, func(p *packages.Package) {
		if src[p] {
			c.done[p] = make(chan struct{})
		} else {
			c.exported[p.PkgPath] = types.NewPackage(p.PkgPath, p.Name)
		}
	})
	var wg sync.WaitGroup
	errs := make(chan error, len(c.done))
	for p := range c.done {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(c.done[p])
			if err := c.check(p); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs // the first, if any
}

// A sourceChecker checks one source set.
type sourceChecker struct {
	fset     *token.FileSet
	src      map[*packages.Package]bool
	done     map[*packages.Package]chan struct{} // closed when the package is checked
	cpu      chan struct{}                       // type-checking is CPU bound: a token per core
	mu       sync.Mutex                          // guards exported and the packages in it while export data is read
	exported map[string]*types.Package
	failed   sync.Map // *packages.Package -> true: its check failed
}

// check parses and type-checks p once its imports from source are checked.
func (c *sourceChecker) check(p *packages.Package) error {
	for _, imp := range p.Imports {
		if ch := c.done[imp]; ch != nil {
			<-ch
			if _, bad := c.failed.Load(imp); bad {
				c.failed.Store(p, true)
				return nil // the import's failure is the one reported
			}
		}
	}
	c.cpu <- struct{}{}
	defer func() { <-c.cpu }()
	var files []*ast.File
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(c.fset, name, nil, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			c.failed.Store(p, true)
			return &errSourceSet{fmt.Sprintf("%s: %v", p.PkgPath, err)}
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	var first error
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return c.importFor(p, path) }),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			if first == nil {
				first = err
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	pkg := types.NewPackage(p.PkgPath, p.Name)
	if err := types.NewChecker(tc, c.fset, pkg, info).Files(files); err != nil && first == nil {
		first = err
	}
	if first != nil {
		c.failed.Store(p, true)
		return &errSourceSet{fmt.Sprintf("%s: %v", p.PkgPath, first)}
	}
	p.Fset, p.Syntax, p.Types, p.TypesInfo = c.fset, files, pkg, info
	return nil
}

// importFor is the package p imports as path.
func (c *sourceChecker) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	if imp == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	if c.src[imp] {
		if imp.Types == nil {
			return nil, fmt.Errorf("%s did not type-check", imp.PkgPath)
		}
		return imp.Types, nil
	}
	return c.fromExportData(imp)
}

// fromExportData is imp's types, read from its export data on first use.
func (c *sourceChecker) fromExportData(imp *packages.Package) (*types.Package, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pkg := c.exported[imp.PkgPath]
	if pkg.Complete() {
		return pkg, nil
	}
	if imp.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", imp.PkgPath)
	}
	f, err := os.Open(imp.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	//lint:ignore SA1019 go list -export names an archive in the Go releases slackscope supports; go/packages reads it the same way
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", imp.ExportFile, err)
	}
	// The view holds every package outside the source set: the export data names only
	// the package's own dependencies, none of which is in the set.
	return gcexportdata.Read(r, c.fset, c.exported, imp.PkgPath)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
