package model

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// fields records where each YAML field of an entry stands, so that validation can point at
// the field (and at the item of a list) that is wrong.
type fields struct {
	pos   Pos
	nodes map[string]*yaml.Node
	file  string
}

// entry is a struct decoded field by field; every entry type embeds fields.
type entry interface{ meta() *fields }

func (f *fields) meta() *fields { return f }

// Pos is the position of the entry itself.
func (f *fields) Pos() Pos { return f.pos }

// at is the position of field name (its value), or of the entry when the field is absent.
func (f *fields) at(name string) Pos {
	if n, ok := f.nodes[name]; ok {
		return posOf(f.file, n)
	}
	return f.pos
}

// item is the position of the i-th element of a list field.
func (f *fields) item(name string, i int) Pos {
	if n, ok := f.nodes[name]; ok && n.Kind == yaml.SequenceNode && i < len(n.Content) {
		c := n.Content[i]
		return posOf(f.file, c)
	}
	return f.at(name)
}

// value is the node under key k of the mapping field name, or nil.
func (f *fields) value(name, k string) *yaml.Node {
	if n, ok := f.nodes[name]; ok && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				return n.Content[i+1]
			}
		}
	}
	return nil
}

// key is the position of key k inside the mapping field name (e.g. tokens.bot).
func (f *fields) key(name, k string) Pos {
	if v := f.value(name, k); v != nil {
		return posOf(f.file, v)
	}
	return f.at(name)
}

// keyItem is the position of the i-th element of the list under key k of mapping field name.
func (f *fields) keyItem(name, k string, i int) Pos {
	if v := f.value(name, k); v != nil && v.Kind == yaml.SequenceNode && i < len(v.Content) {
		return posOf(f.file, v.Content[i])
	}
	return f.key(name, k)
}

var yamlLine = regexp.MustCompile(`^line \d+: `)

// decodeEntry decodes the mapping n into dst (a pointer to a struct whose first field is a
// fields), field by field, so that an unknown field or a value of the wrong type is
// reported with its file, line and name. It returns false when the entry is unusable.
func decodeEntry(file string, n *yaml.Node, dst any, kind string, errs *errorList) bool {
	pos := posOf(file, n)
	if n.Kind != yaml.MappingNode {
		errs.add(pos, "", "%s entry must be a mapping of fields (got %s)", kind, nodeKind(n))
		return false
	}
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	byTag := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		byTag[tag] = i
		names = append(names, tag)
	}
	sort.Strings(names)
	f := dst.(entry).meta()
	*f = fields{pos: pos, nodes: map[string]*yaml.Node{}, file: file}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kp := posOf(file, k)
		idx, known := byTag[k.Value]
		if !known {
			errs.add(kp, "", "unknown field %q in %s (expected one of %s)", k.Value, kind, strings.Join(names, ", "))
			ok = false
			continue
		}
		if _, dup := f.nodes[k.Value]; dup {
			errs.add(kp, k.Value, "field given twice")
			ok = false
			continue
		}
		f.nodes[k.Value] = val
		fv := v.Field(idx)
		if isEntry(fv.Type()) {
			ok = decodeEntry(file, val, fv.Addr().Interface(), kind+"."+k.Value, errs) && ok
			continue
		}
		if fv.Kind() == reflect.Pointer && isEntry(fv.Type().Elem()) {
			nv := reflect.New(fv.Type().Elem())
			ok = decodeEntry(file, val, nv.Interface(), kind+"."+k.Value, errs) && ok
			fv.Set(nv)
			continue
		}
		if fv.Kind() == reflect.Slice && isEntry(fv.Type().Elem()) {
			if val.Kind != yaml.SequenceNode {
				errs.add(posOf(file, val), k.Value, "expected a list of mappings (got %s)", nodeKind(val))
				ok = false
				continue
			}
			fv.Set(reflect.MakeSlice(fv.Type(), len(val.Content), len(val.Content)))
			for j, c := range val.Content {
				ok = decodeEntry(file, c, fv.Index(j).Addr().Interface(), kind+"."+k.Value, errs) && ok
			}
			continue
		}
		if err := val.Decode(fv.Addr().Interface()); err != nil {
			msg := err.Error()
			if te, isType := err.(*yaml.TypeError); isType && len(te.Errors) > 0 {
				msg = yamlLine.ReplaceAllString(te.Errors[0], "")
			}
			errs.add(posOf(file, val), k.Value, "%s (expected %s)", msg, describe(v.Field(idx).Type()))
			ok = false
		}
	}
	return ok
}

var fieldsType = reflect.TypeOf(fields{})

// isEntry reports whether t is a struct decoded field by field (its first field is a fields).
func isEntry(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Type == fieldsType
}

func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list of strings"
		}
		return "a list"
	case reflect.Map:
		return "a mapping whose values are each " + describe(t.Elem())
	case reflect.Struct:
		return "a mapping"
	}
	return t.String()
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "nothing"
}
