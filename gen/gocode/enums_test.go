package gocode

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slackscope/slackscope/gen/model"
)

// The enums file WriteEnums writes compiles on its own, and declares for each enum of the
// schema its type, a constant a value with the value's place (or bit) and a name table
// in the schema's order; enums without a Go type are left out.
func TestEnumsMatchSchema(t *testing.T) {
	src, err := WriteEnums(model.Enums)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "zz_enums.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("catalog", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("zz_enums.go does not compile: %v", err)
	}
	type value struct {
		Const string
		Value uint64
	}
	want, got := map[string][]value{}, map[string][]value{}
	wantNames, gotNames := map[string][]string{}, map[string][]string{}
	for _, e := range model.Enums {
		if e.Type == "" {
			if obj := pkg.Scope().Lookup(e.Values[0].Go); obj != nil {
				t.Errorf("%s is declared, but its enum has no Go type", obj.Name())
			}
			continue
		}
		for i, v := range e.Values {
			n := uint64(i)
			if e.Bits {
				n = 1 << i
			}
			want[e.Type] = append(want[e.Type], value{v.Go, n})
			wantNames[e.Type] = append(wantNames[e.Type], v.Name)
			c, ok := pkg.Scope().Lookup(v.Go).(*types.Const)
			if !ok || c.Type() != pkg.Scope().Lookup(e.Type).Type() {
				t.Errorf("%s is not a constant of type %s", v.Go, e.Type)
				continue
			}
			u, _ := constant.Uint64Val(c.Val())
			got[e.Type] = append(got[e.Type], value{v.Go, u})
		}
		if e.Count != "" {
			c, ok := pkg.Scope().Lookup(e.Count).(*types.Const)
			if n, _ := constant.Int64Val(c.Val()); !ok || n != int64(len(e.Values)) {
				t.Errorf("%s is not %d", e.Count, len(e.Values))
			}
		}
		gotNames[e.Type] = nameTable(t, f, lowerFirst(e.Type)+"Names")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("constants (-schema +zz_enums.go):\n%s", diff)
	}
	if diff := cmp.Diff(wantNames, gotNames); diff != "" {
		t.Errorf("name tables (-schema +zz_enums.go):\n%s", diff)
	}
}

// nameTable is the strings of the composite literal the variable name is declared with.
func nameTable(t *testing.T, f *ast.File, name string) []string {
	t.Helper()
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if vs.Names[0].Name != name {
				continue
			}
			var out []string
			for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
				out = append(out, constant.StringVal(constant.MakeFromLiteral(e.(*ast.BasicLit).Value, token.STRING, 0)))
			}
			return out
		}
	}
	t.Errorf("no name table %s", name)
	return nil
}
