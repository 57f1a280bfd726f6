package load

import (
	"go/ast"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// docMethods reads, from the doc comments of a client's exported functions, the Web API
// method pages they link to ("Slack API docs: https://api.slack.com/methods/chat.update"):
// an oracle written by the client's authors, independent of the derivation.
func docMethods(dir string, patterns ...string) (map[string][]string, error) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Doc == nil || !fd.Name.IsExported() {
					continue
				}
				obj := p.TypesInfo.Defs[fd.Name]
				if obj == nil {
					continue
				}
				for _, m := range methodLink.FindAllStringSubmatch(fd.Doc.Text(), -1) {
					name := strings.TrimSuffix(m[1], ".")
					if !slices.Contains(out[obj.(*types.Func).FullName()], name) {
						out[obj.(*types.Func).FullName()] = append(out[obj.(*types.Func).FullName()], name)
					}
				}
			}
		}
	}
	return out, nil
}

var methodLink = regexp.MustCompile(`(?:api\.slack\.com/methods|docs\.slack\.dev/reference/methods)/([A-Za-z0-9._]+)`)
