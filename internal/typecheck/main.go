// Command typecheck is the type-check floor of make bench: it loads the packages that
// match its patterns with syntax and types, their dependencies' types from export data
// (what the go command compiled), and runs nothing. It is what a checker that needs no
// facts from dependencies pays, and so the least a run of slackscope can cost; the
// no-op floor (internal/noopcheck) is what a checker with facts pays today, since facts
// need every dependency from source.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule}
	pkgs, err := packages.Load(cfg, os.Args[1:]...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "typecheck: %v\n", err)
		os.Exit(2)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		os.Exit(1)
	}
	if len(pkgs) == 0 {
		fmt.Fprintln(os.Stderr, "typecheck: no packages")
		os.Exit(2)
	}
}
