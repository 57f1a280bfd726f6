package model

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Bindings is a bindings file (catalog/bindings/*.yaml): which Web API methods each
// exported function of a Go client module calls, as `go run ./gen bindings` derived it.
type Bindings struct {
	fields
	Module    string    `yaml:"module"`
	Version   string    `yaml:"version"`
	Packages  []string  `yaml:"packages"`
	Functions []Binding `yaml:"functions"`
	File      string    `yaml:"-"`
}

// Binding is one exported function or method.
type Binding struct {
	fields
	Func    string            `yaml:"func"`
	Methods []string          `yaml:"methods"`
	Targets []BindingTarget   `yaml:"targets"`
	Open    []string          `yaml:"open"`
	Options string            `yaml:"options"`
	Args    map[string]string `yaml:"args"`
	Option  *BindingOption    `yaml:"option"`
}

// BindingTarget is a request to a URL outside the Web API.
type BindingTarget struct {
	fields
	Kind   string `yaml:"kind"`
	Detail string `yaml:"detail"`
}

// BindingOption is the effect of an option function.
type BindingOption struct {
	fields
	Field   string          `yaml:"field"`
	Methods []string        `yaml:"methods"`
	Targets []BindingTarget `yaml:"targets"`
	Open    []string        `yaml:"open"`
	Args    []string        `yaml:"args"`
}

// LoadBindings reads and checks a bindings file against the catalog c: every method it
// names must be in the catalog. Errors name the file, line and field.
func LoadBindings(file string, c *Catalog) (*Bindings, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return ParseBindings(file, data, c)
}

// ParseBindings is LoadBindings on the file's contents.
func ParseBindings(file string, data []byte, c *Catalog) (*Bindings, error) {
	var errs errorList
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		errs.add(Pos{Filename: file}, "", "malformed YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, errs.err()
	}
	if len(doc.Content) == 0 {
		errs.add(Pos{Filename: file}, "", "empty file (expected module, version, packages and functions)")
		return nil, errs.err()
	}
	b := &Bindings{File: file}
	if !decodeEntry(file, doc.Content[0], b, "bindings", &errs) {
		return nil, errs.err()
	}
	b.validate(c, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *Bindings) validate(c *Catalog, errs *errorList) {
	if b.Module == "" {
		errs.add(b.Pos(), "module", "missing (expected the client module's path)")
	}
	if b.Version == "" {
		errs.add(b.Pos(), "version", "missing (expected the client module's version)")
	}
	methods := make(map[string]bool, len(c.Methods))
	for _, m := range c.Methods {
		methods[m.Name] = true
	}
	checkMethods := func(f *fields, field string, names []string) {
		for i, m := range names {
			if !methods[m] {
				errs.add(f.item(field, i), field, "unknown Web API method %q%s (every method a binding names must be in the catalog)", m, suggest(m, methods))
			}
		}
	}
	checkTargets := func(ts []BindingTarget) {
		for _, t := range ts {
			TargetKinds.check(errs, t.at("kind"), "kind", "", t.Kind)
		}
	}
	unique(errs, "function", "func", b.Functions, func(f Binding) (string, Pos) { return f.Func, f.at("func") })
	for i := range b.Functions {
		f := &b.Functions[i]
		if f.Func == "" {
			errs.add(f.Pos(), "func", "missing (expected the function's full Go name)")
			continue
		}
		if i > 0 && b.Functions[i-1].Func > f.Func {
			errs.add(f.at("func"), "func", "functions out of order: %q after %q (the file is sorted by func)", f.Func, b.Functions[i-1].Func)
		}
		checkMethods(&f.fields, "methods", f.Methods)
		checkTargets(f.Targets)
		if o := f.Option; o != nil {
			checkMethods(&o.fields, "methods", o.Methods)
			checkTargets(o.Targets)
		}
	}
}

// Stats counts what a bindings file covers.
func (b *Bindings) Stats() (functions, bound, open int, methods []string) {
	seen := map[string]bool{}
	for _, f := range b.Functions {
		reach := len(f.Methods)+len(f.Targets)+len(f.Open) > 0
		if !reach {
			continue
		}
		functions++
		if len(f.Open) > 0 {
			open++
		} else {
			bound++
		}
		for _, m := range f.Methods {
			seen[m] = true
		}
	}
	for m := range seen {
		methods = append(methods, m)
	}
	sort.Strings(methods)
	return functions, bound, open, methods
}

// String is the target as the tables and reports show it: "incoming_webhook url".
func (t *BindingTarget) String() string { return fmt.Sprintf("%s %s", t.Kind, t.Detail) }
