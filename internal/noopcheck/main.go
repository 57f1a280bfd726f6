// Command noopcheck is the floor slackscope's cost is measured against (make bench): the
// same driver, standalone and as a go vet tool, with one analyzer that does nothing.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/slackscope/slackscope/internal/driver"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing: the floor every analyzer pays (loading, type-checking)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if driver.BenchVersion("noopcheck", os.Args[1:]) {
		return
	}
	if driver.InvokedByVet(os.Args[1:]) {
		unitchecker.Main(noop)
	}
	stop := driver.Profile()
	defer stop()
	pkgs, _, err := driver.Load("", os.Args[1:], driver.Options{})
	if err != nil {
		fmt.Fprintf(os.Stderr, "noopcheck: %v\n", err)
		os.Exit(2)
	}
	if _, err := driver.Analyze(pkgs, noop); err != nil {
		fmt.Fprintf(os.Stderr, "noopcheck: %v\n", err)
		os.Exit(2)
	}
}
