package driver

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// The source set is closed under importers whatever the order of the roots: with roots
// b and a, b importing c and c importing a, c is in the set (it imports a root), and
// d, which imports nothing of the set, is not.
func TestSourceSetClosedUnderImporters(t *testing.T) {
	pkg := func(path string, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{ID: path, PkgPath: path, Imports: map[string]*packages.Package{}}
		for _, imp := range imports {
			p.Imports[imp.PkgPath] = imp
		}
		return p
	}
	d := pkg("example.com/d")
	a := pkg("example.com/a", d)
	c := pkg("example.com/c", a)
	b := pkg("example.com/b", c)
	for _, roots := range [][]*packages.Package{{b, a}, {a, b}} {
		src := sourceSet(roots)
		for p, want := range map[*packages.Package]bool{a: true, b: true, c: true, d: false} {
			if src[p] != want {
				t.Errorf("roots %s, %s: %s in the set = %v, want %v", roots[0].PkgPath, roots[1].PkgPath, p.PkgPath, src[p], want)
			}
		}
	}
}
