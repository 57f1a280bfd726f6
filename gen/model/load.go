package model

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Load reads the catalog in fsys (the files *.yaml and methods/*.yaml), checks it and
// returns it with every list sorted. Its errors are a scanner.ErrorList naming file, line,
// column and field (see the package doc); dir names the files, as dir/name.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	var names []string
	for _, pattern := range []string{"*.yaml", "methods/*.yaml"} {
		m, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, err
		}
		names = append(names, m...)
	}
	sort.Strings(names)
	c := &Catalog{Files: names}
	var errs errorList
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
		c.readFile(path.Join(dir, name), data, &errs)
	}
	c.Version = hex.EncodeToString(h.Sum(nil))[:16]
	if errs.len() > 0 {
		// Entries that failed to decode would only cause knock-on errors below.
		return nil, errs.err()
	}
	c.sort()
	c.validate(dir, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	c.derive()
	c.Date = c.newestDate()
	return c, nil
}

// LoadDir is Load on a directory of the file system.
func LoadDir(dir string) (*Catalog, error) {
	return Load(os.DirFS(dir), dir)
}

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (c *Catalog) readFile(file string, data []byte, errs *errorList) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			errs.add(Pos{Filename: file, Line: line}, "", "malformed YAML: %s", m[2])
		} else {
			errs.add(Pos{Filename: file}, "", "malformed YAML: %s", strings.TrimPrefix(msg, "yaml: "))
		}
		return
	}
	if len(doc.Content) == 0 {
		errs.add(Pos{Filename: file}, "", "empty file (expected a mapping with scopes, methods, events, features, combinations or authorize)")
		return
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		errs.add(posOf(file, top), "", "expected a mapping with scopes, methods, events, features, combinations or authorize (got %s)", nodeKind(top))
		return
	}
	lists := c.lists()
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		kp := posOf(file, k)
		if k.Value == "authorize_mismatch_error" {
			if v.Kind != yaml.ScalarNode {
				errs.add(posOf(file, v), k.Value, "expected a string (got %s)", nodeKind(v))
				continue
			}
			c.AuthorizeMismatchError = v.Value
			continue
		}
		l, ok := lists[k.Value]
		if !ok {
			errs.add(kp, "", "unknown top-level key %q (expected one of %s)", k.Value, strings.Join(topKeys(lists), ", "))
			continue
		}
		if v.Kind != yaml.SequenceNode {
			errs.add(posOf(file, v), k.Value, "expected a list of %s entries (got %s)", l.kind, nodeKind(v))
			continue
		}
		for _, n := range v.Content {
			l.decode(file, n, errs)
		}
	}
}

// list is a top-level list of the catalog: what its entries are called in errors, and
// how one is decoded and kept.
type list struct {
	kind   string
	decode func(file string, n *yaml.Node, errs *errorList)
}

// lists are the catalog's top-level lists, by key.
func (c *Catalog) lists() map[string]list {
	return map[string]list{
		"scopes":           entries("scope", &c.Scopes),
		"methods":          entries("method", &c.Methods),
		"events":           entries("event", &c.Events),
		"features":         entries("feature", &c.Features),
		"combinations":     entries("combination", &c.Rules),
		"authorize":        entries("authorize", &c.Authorize),
		"oauth2_endpoints": entries("oauth2_endpoint", &c.OAuth2Endpoints),
	}
}

// entries is the list that decodes each entry into a new E and appends it to dst.
func entries[E any, P interface {
	*E
	entry
}](kind string, dst *[]P) list {
	return list{kind, func(file string, n *yaml.Node, errs *errorList) {
		e := P(new(E))
		if decodeEntry(file, n, e, kind, errs) {
			*dst = append(*dst, e)
		}
	}}
}

// topKeys are the top-level keys a catalog file may have, sorted.
func topKeys(lists map[string]list) []string {
	keys := []string{"authorize_mismatch_error"}
	for k := range lists {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *Catalog) sort() {
	sort.SliceStable(c.Scopes, func(i, j int) bool { return c.Scopes[i].Name < c.Scopes[j].Name })
	sort.SliceStable(c.Methods, func(i, j int) bool { return c.Methods[i].Name < c.Methods[j].Name })
	sort.SliceStable(c.Events, func(i, j int) bool { return c.Events[i].Name < c.Events[j].Name })
	sort.SliceStable(c.Features, func(i, j int) bool { return c.Features[i].Name < c.Features[j].Name })
	sort.SliceStable(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID })
	sort.SliceStable(c.Authorize, func(i, j int) bool { return c.Authorize[i].Flow < c.Authorize[j].Flow })
	sort.SliceStable(c.OAuth2Endpoints, func(i, j int) bool { return c.OAuth2Endpoints[i].Var < c.OAuth2Endpoints[j].Var })
}

// derive fills in what follows from the data: a scope's object and action, and the
// methods whose requirements name it.
func (c *Catalog) derive() {
	idx := map[string]*Scope{}
	for _, s := range c.Scopes {
		idx[s.Name] = s
		s.Object, s.Action = ObjectAction(s.Name)
	}
	for _, m := range c.Methods {
		seen := map[string]bool{}
		for _, tt := range TokenTypes.Names("") {
			for _, clause := range m.Tokens[tt] {
				for _, alt := range Alternatives(clause) {
					if s := idx[alt]; s != nil && !seen[alt] {
						seen[alt] = true
						s.Methods = append(s.Methods, m.Name)
					}
				}
			}
		}
	}
}

// ObjectAction splits a scope name into the object it grants access to and the action:
// "files:write:user" is files / write, "chat:write.public" is chat / write.public.
// Special scopes ("bot", "identify") have neither.
func ObjectAction(name string) (object, action string) {
	object, rest, ok := strings.Cut(name, ":")
	if !ok {
		return "", ""
	}
	action, _, _ = strings.Cut(rest, ":")
	return object, action
}

// Alternatives splits a clause "a|b|c" (any one of these scopes) into its scopes.
func Alternatives(clause string) []string {
	return strings.Split(clause, "|")
}
