package gocode

import (
	"strings"

	"github.com/slackscope/slackscope/gen/model"
)

// WriteEnums renders the enums of gen/model's schema as the Go source of package catalog
// (zz_enums.go): for each enum that names a Go type, the type, its constants, the table
// of its values' names and its String method. Enums whose constants are declared
// elsewhere (catalog.List, internal/derive.TargetKind) have no Type and are left out.
func WriteEnums(enums []*model.Enum) ([]byte, error) {
	w := newWriter()
	w.p("import (")
	w.p("%q", "strconv")
	w.p("%q", "strings")
	w.p(")")
	w.p("")
	for _, e := range enums {
		if e.Type != "" {
			writeEnum(w, e)
		}
	}
	return w.source()
}

func writeEnum(w *writer, e *model.Enum) {
	comment(w, e.Doc)
	if len(e.Fields) > 0 {
		w.p("//")
		field := "field"
		if len(e.Fields) > 1 {
			field += "s"
		}
		w.p("// The catalog's YAML writes its values in the %s %s.", field, andList(e.Fields))
	}
	w.p("type %s uint8", e.Type)
	w.p("")
	comment(w, e.ConstDoc)
	w.p("const (")
	for i, v := range e.Values {
		decl := v.Go
		if i == 0 && e.Bits {
			decl += " " + e.Type + " = 1 << iota"
		} else if i == 0 {
			decl += " " + e.Type + " = iota"
		}
		if v.Doc != "" {
			decl += " // " + v.Doc
		}
		w.p("%s", decl)
	}
	if e.Count != "" {
		w.p("%s = iota", e.Count)
	}
	w.p(")")
	w.p("")

	names := lowerFirst(e.Type) + "Names"
	size := "..."
	if e.Count != "" {
		size = e.Count
	}
	var qs []string
	for _, v := range e.Values {
		qs = append(qs, q(v.Name))
	}
	index := "value"
	if e.Bits {
		index = "bit"
	}
	w.p("// %s are the names of the values of %s, by %s.", names, e.Type, index)
	w.p("var %s = [%s]string{%s}", names, size, strings.Join(qs, ", "))
	w.p("")
	if e.Bits {
		w.p("// String is the names of the bits set, separated by commas: %s.", q(strings.Join(e.Names(""), ",")))
		w.p("func (v %s) String() string {", e.Type)
		w.p("var set []string")
		w.p("for i, n := range %s {", names)
		w.p("if v&(1<<i) != 0 { set = append(set, n) }")
		w.p("}")
		w.p("if rest := v >> len(%s); rest != 0 {", names)
		w.p("set = append(set, %s + strconv.Itoa(int(rest<<len(%s))) + \")\")", q(e.Type+"("), names)
		w.p("}")
		w.p("return strings.Join(set, \",\")")
		w.p("}")
		w.p("")
		return
	}
	w.p("// String is the value's name, as %s has it.", names)
	w.p("func (v %s) String() string {", e.Type)
	w.p("if int(v) < len(%s) { return %s[v] }", names, names)
	w.p("return %s + strconv.Itoa(int(v)) + \")\"", q(e.Type+"("))
	w.p("}")
	w.p("")
}

// comment writes text as a doc comment, a line of it a comment line.
func comment(w *writer, text string) {
	for _, line := range strings.Split(text, "\n") {
		w.p("// %s", line)
	}
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// andList is "a", "a and b" or "a, b and c".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
