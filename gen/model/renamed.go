package model

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// RenamedFile is the name, in the bindings directory (catalog/bindings), of the
// hand-written list of renamed functions; every other YAML file there is a bindings file.
const RenamedFile = "renamed.yaml"

// Renames is the renamed file: functions of a client module that a release renamed, so
// that a name of an older release can be told what it became in the pinned one.
type Renames struct {
	fields
	Renamed []Rename `yaml:"renamed"`
	File    string   `yaml:"-"`
}

// Rename is one function a release renamed.
type Rename struct {
	fields
	// From and To are the full Go names (as types.Func.FullName writes them) before and
	// after the rename; To is a function of the bindings, From is not.
	From string `yaml:"from"`
	To   string `yaml:"to"`
	// In is the release that renamed it: v0.18.0-rc2.
	In     string `yaml:"in"`
	Source string `yaml:"source"`
}

// LoadRenamed reads and checks the renamed file against the bindings bs. A file that does
// not exist lists no renames. Errors name the file, line and field.
func LoadRenamed(file string, bs []*Bindings) (*Renames, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return &Renames{File: file}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseRenamed(file, data, bs)
}

// ParseRenamed is LoadRenamed on the file's contents.
func ParseRenamed(file string, data []byte, bs []*Bindings) (*Renames, error) {
	var errs errorList
	var doc yaml.Node
	r := &Renames{File: file}
	switch err := yaml.Unmarshal(data, &doc); {
	case err != nil:
		errs.add(Pos{Filename: file}, "", "malformed YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	case len(doc.Content) == 0:
		errs.add(Pos{Filename: file}, "", "empty file (expected renamed, a list of from, to, in and source)")
	case decodeEntry(file, doc.Content[0], r, "renamed", &errs):
		r.validate(bs, &errs)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return r, nil
}

// releaseVersion is a semantic version as Go modules tag releases: v0.18.0, v0.18.0-rc2.
var releaseVersion = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)

func (r *Renames) validate(bs []*Bindings, errs *errorList) {
	funcs := map[string]*Bindings{}
	for _, b := range bs {
		for _, f := range b.Functions {
			funcs[f.Func] = b
		}
	}
	unique(errs, "renamed function", "from", r.Renamed, func(e Rename) (string, Pos) { return e.From, e.at("from") })
	for i := range r.Renamed {
		e := &r.Renamed[i]
		required(e.fields, errs, "from", e.From, "to", e.To, "in", e.In, "source", e.Source)
		if e.From != "" {
			if _, bound := funcs[e.From]; bound {
				errs.add(e.at("from"), "from", "%q is a function of the bindings (a renamed function is one the pinned release no longer has)", e.From)
			} else if moduleOf(e.From, bs) == nil {
				errs.add(e.at("from"), "from", "%q is no function of a module the bindings cover (expected its full Go name, as types.Func.FullName writes it)", e.From)
			}
		}
		var to *Bindings
		if e.To != "" {
			if to = funcs[e.To]; to == nil {
				errs.add(e.at("to"), "to", "%q is not a function of the bindings%s (expected its full Go name, as types.Func.FullName writes it)", e.To, suggest(e.To, funcs))
			}
		}
		if e.In == "" {
			continue
		}
		if !releaseVersion.MatchString(e.In) {
			errs.add(e.at("in"), "in", "%q is not a release version (expected one such as v0.18.0 or v0.18.0-rc2)", e.In)
		} else if to != nil && newerRelease(e.In, to.Version) {
			errs.add(e.at("in"), "in", "%s is newer than the pinned %s %s (a rename is of a release up to the pinned one)", e.In, to.Module, to.Version)
		}
	}
}

// moduleOf is the bindings file of the module whose package the full Go name name is in,
// or nil.
func moduleOf(name string, bs []*Bindings) *Bindings {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
	for _, b := range bs {
		if rest, ok := strings.CutPrefix(name, b.Module); ok && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "/")) {
			return b
		}
	}
	return nil
}

// newerRelease reports whether the release a is newer than b by its major, minor and
// patch numbers; a pre-release of b (v0.35.0-rc1 of v0.35.0) is not. Versions that are
// not release versions compare as not newer.
func newerRelease(a, b string) bool {
	ma, mb := releaseVersion.FindStringSubmatch(a), releaseVersion.FindStringSubmatch(b)
	if ma == nil || mb == nil {
		return false
	}
	for i := 1; i <= 3; i++ {
		// Without leading zeros, the longer number is the greater.
		x, y := ma[i], mb[i]
		if len(x) != len(y) {
			return len(x) > len(y)
		}
		if x != y {
			return x > y
		}
	}
	return false
}
