package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Baselines let a team adopt slackscope on an existing app and see only what a change
// adds: -write-baseline FILE records the run's findings, -baseline FILE reports only those
// it does not hold. A finding's key survives edits that move lines: its check, its file
// (as the repository names it), the function it is in (for Go code) and its message with
// the positions it cites left out. Findings with one key count: a baseline that holds
// two lets two through, and a third is new.

// A baseline is the file -write-baseline writes.
type baseline struct {
	Version  int           `json:"version"`
	Findings []baselineKey `json:"findings"`
}

// baselineVersion is the version of the baseline file's format.
const baselineVersion = 1

// A baselineKey is what a baseline records of a finding.
type baselineKey struct {
	Check   string `json:"check"`
	File    string `json:"file"`
	Func    string `json:"func,omitempty"`
	Message string `json:"message"`
}

// positionsInText are the positions a message may cite ("main.go:12", "manifest.yml:4:9",
// "line 7"): a key leaves them out, since they move with every edit above them.
var positionsInText = regexp.MustCompile(`(\.(?:go|ya?ml|json)):\d+(?::\d+)?|\bline \d+`)

// keyOf is the baseline key of a finding.
func keyOf(paths *repoPaths, f finding) baselineKey {
	msg := positionsInText.ReplaceAllStringFunc(f.Message, func(s string) string {
		if strings.HasPrefix(s, "line ") {
			return "line N"
		}
		return s[:strings.IndexByte(s, ':')]
	})
	return baselineKey{Check: f.Category, File: paths.uri(f.File, f.Pkg), Func: f.Func, Message: msg}
}

// writeBaseline writes the run's findings to path.
func writeBaseline(path string, run *analysisRun) error {
	paths := newRepoPaths(run)
	b := baseline{Version: baselineVersion, Findings: []baselineKey{}}
	for _, f := range run.findings {
		b.Findings = append(b.Findings, keyOf(paths, f))
	}
	slices.SortStableFunc(b.Findings, func(x, y baselineKey) int {
		return strings.Compare(x.File+"\x00"+x.Func+"\x00"+x.Check+"\x00"+x.Message, y.File+"\x00"+y.Func+"\x00"+y.Check+"\x00"+y.Message)
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// readBaseline reads a baseline file.
func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b baseline
	if err := json.Unmarshal(data, &b); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("%s: not a slackscope baseline: %v", path, err)
		}
		return nil, fmt.Errorf("%s: not a slackscope baseline (one -write-baseline writes: {\"version\": %d, \"findings\": [...]})", path, baselineVersion)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, expected %d (write it again with -write-baseline)", path, b.Version, baselineVersion)
	}
	return &b, nil
}

// applyBaseline drops from the run the findings the baseline holds, and returns how many
// it dropped and how many of the baseline's findings the run no longer has.
func applyBaseline(b *baseline, run *analysisRun) (known, gone int) {
	left := map[baselineKey]int{}
	for _, k := range b.Findings {
		left[k]++
	}
	paths := newRepoPaths(run)
	run.findings = slices.DeleteFunc(run.findings, func(f finding) bool {
		k := keyOf(paths, f)
		if left[k] > 0 {
			left[k]--
			known++
			return true
		}
		return false
	})
	for _, n := range left {
		gone += n
	}
	return known, gone
}

// enclosingFunc names the function declaration of pkg at p ("main", "(*Notifier).Post",
// "Config.Scopes"), or "" outside any (package level, another file).
func enclosingFunc(pkg *packages.Package, pos token.Pos) string {
	for _, f := range pkg.Syntax {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos > fd.End() {
				continue
			}
			if fd.Recv == nil || len(fd.Recv.List) == 0 {
				return fd.Name.Name
			}
			return recvName(fd.Recv.List[0].Type) + "." + fd.Name.Name
		}
	}
	return ""
}

// recvName writes a method's receiver type: "(*T)" or "T", type parameters left out.
func recvName(e ast.Expr) string {
	star := false
	if s, ok := e.(*ast.StarExpr); ok {
		star, e = true, s.X
	}
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	name := "?"
	if id, ok := e.(*ast.Ident); ok {
		name = id.Name
	}
	if star {
		return "(*" + name + ")"
	}
	return name
}
