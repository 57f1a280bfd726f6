package analyzer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// UsesFact is a package fact: the Web API methods and app features the package and every
// package it imports use, each with one call position for explanations. Under go vet only
// the direct imports' facts are visible, so the fact is transitive.
type UsesFact struct {
	Uses []FactUse // sorted by Method
}

// A FactUse is the use of one method (or feature) across a package and its imports.
type FactUse struct {
	Method   string
	Kind     UseKind `json:",omitempty"` // what Method names: a method, an event, a feature
	Position string  // "file:line:col" of one call, or of the handler
	Callee   string  `json:",omitempty"`
	// Narrowed is the union of the scopes the calls' arguments pick; nil when any call
	// leaves the choice open.
	Narrowed []string `json:",omitempty"`
	Extra    []string `json:",omitempty"`
	Open     bool     `json:",omitempty"` // some call leaves the choice open
}

// AFact marks UsesFact as an analysis fact.
func (*UsesFact) AFact() {}

// GobEncode encodes the fact for go vet's facts files as JSON: gob would describe the
// fact's types again in every package's file, and decoding a file starts by compiling a
// decoder for each type it describes, which a program's main package paid once per
// package it imports.
func (f *UsesFact) GobEncode() ([]byte, error) { return json.Marshal(f.Uses) }

// GobDecode decodes what GobEncode wrote.
func (f *UsesFact) GobDecode(data []byte) error { return json.Unmarshal(data, &f.Uses) }

func (f *UsesFact) String() string {
	var parts []string
	for _, u := range f.Uses {
		s := u.Method
		if u.Kind == EventUse {
			s = "event:" + s
		}
		if len(u.Narrowed) > 0 && !u.Open {
			s += "(" + strings.Join(u.Narrowed, ",") + ")"
		}
		if len(u.Extra) > 0 {
			s += "+" + strings.Join(u.Extra, "+")
		}
		parts = append(parts, s)
	}
	return "uses " + strings.Join(parts, " ")
}

// programUses merges the package's own uses with those its imports' facts carry.
func programUses(pass *analysis.Pass, local []Use) []FactUse {
	byMethod := map[string]*FactUse{}
	add := func(u FactUse) {
		key := u.Method
		if u.Kind == EventUse {
			key = "event " + key
		}
		prev, ok := byMethod[key]
		if !ok {
			c := u
			c.Narrowed = slices.Clone(u.Narrowed)
			c.Extra = slices.Clone(u.Extra)
			byMethod[key] = &c
			return
		}
		prev.Open = prev.Open || u.Open
		for _, s := range u.Narrowed {
			if !slices.Contains(prev.Narrowed, s) {
				prev.Narrowed = append(prev.Narrowed, s)
			}
		}
		for _, s := range u.Extra {
			if !slices.Contains(prev.Extra, s) {
				prev.Extra = append(prev.Extra, s)
			}
		}
	}
	for _, u := range local {
		add(FactUse{
			Method: u.Method, Kind: u.Kind, Callee: u.Callee,
			Position: pass.Fset.Position(u.Pos).String(),
			Narrowed: u.Narrowed, Extra: u.Extra, Open: u.Narrowed == nil,
		})
	}
	for _, imp := range pass.Pkg.Imports() {
		var f UsesFact
		if pass.ImportPackageFact(imp, &f) {
			for _, u := range f.Uses {
				add(u)
			}
		}
	}
	out := make([]FactUse, 0, len(byMethod))
	for _, u := range byMethod {
		if u.Open {
			u.Narrowed = nil
		}
		slices.Sort(u.Narrowed)
		slices.Sort(u.Extra)
		out = append(out, *u)
	}
	slices.SortFunc(out, func(a, b FactUse) int { return strings.Compare(a.Method, b.Method) })
	return out
}

func (u FactUse) String() string { return fmt.Sprintf("%s at %s", u.Method, u.Position) }
