// Package appcode says what counts as the app's own code: the code whose calls and
// handlers are the app's needs. A test or a mock is not (what it calls, the app does
// not); a versioned dependency is not the program being checked (its calls count only
// where the program reaches them); a package of a Go Slack client is the API itself,
// whose calls are what the bindings describe. The analyzer and the facts pass both ask
// here, so that they never disagree.
package appcode

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
)

// TestOrMock reports whether f is a test or a mock (a file named like one, or in a mock
// or mocks directory): what it calls or handles is not the app's needs. The go command
// already leaves testdata directories out of ./... patterns.
func TestOrMock(fset *token.FileSet, f *ast.File) bool {
	name := filepath.ToSlash(fset.Position(f.Pos()).Filename)
	base := path.Base(name)
	return strings.HasSuffix(base, "_test.go") || strings.Contains(strings.ToLower(base), "mock") ||
		strings.Contains(name, "/mocks/") || strings.Contains(name, "/mock/")
}

// InMainModule reports whether the pass's package belongs to the main module, the program
// being checked: not the standard library, not a versioned dependency. The package the go
// command makes of files named on the command line (slackscope main.go, pre-commit's
// file names) has no module, and is the program too.
func InMainModule(pass *analysis.Pass) bool {
	if pass.Pkg.Path() == "command-line-arguments" {
		return true
	}
	m := pass.Module
	return m != nil && m.Path != "" && (m.Main || m.Version == "")
}

// ClientPackage reports whether p is a package of a Go Slack client (slack-go, its
// former name nlopes/slack, their slackevents and socketmode).
func ClientPackage(p *types.Package) bool {
	if p == nil {
		return false
	}
	return ClientPath(p.Path())
}

// ClientPath reports whether the import path is that of a package of a Go Slack client.
func ClientPath(path string) bool {
	for _, m := range clientModules() {
		if strings.HasPrefix(path, m) && (len(path) == len(m) || path[len(m)] == '/') {
			return true
		}
	}
	return false
}

// NlopesSlack is slack-go's former module path, which older programs still use.
const NlopesSlack = "github.com/nlopes/slack"

// clientModules are the module paths of the Go Slack clients: the catalog's binding
// modules and nlopes/slack.
var clientModules = sync.OnceValue(func() []string {
	modules := []string{NlopesSlack}
	for _, m := range catalog.BindingModules() {
		modules = append(modules, m.Path)
	}
	return modules
})
