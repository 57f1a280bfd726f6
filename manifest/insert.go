package manifest

import (
	"bytes"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// An Insertion adds one scope to a list of oauth_config.scopes: Header then Item, both
// inserted at Offset of the manifest's content, nothing replaced. Every insertion into
// one list is at the same offset with the same Header, and its Item can follow another's,
// so that any of them applies alone and any several together: a tool that merges edits
// writes a repeated Header once and the Items one after another.
type Insertion struct {
	Offset int
	// Header is what the list needs before its first new item: the keys a missing list
	// lacks ("    user:\n"), or the newline a manifest without a final one needs; often "".
	Header string
	Item   string
}

// A ListEnd is where new scopes go in one list of oauth_config.scopes, found once for
// every scope added to it.
type ListEnd struct {
	offset int
	header string
	// before and after surround the scope in an item; quote is the quote of the list's
	// last item (0: none).
	before, after string
	quote         byte
}

// Insert is the insertion that adds scope to the list.
func (l *ListEnd) Insert(scope string) Insertion {
	s := scope
	switch l.quote {
	case '"':
		s = strconv.Quote(scope)
	case '\'':
		s = "'" + strings.ReplaceAll(scope, "'", "''") + "'"
	}
	return Insertion{Offset: l.offset, Header: l.header, Item: l.before + s + l.after}
}

// FindListEnd finds where new scopes go in oauth_config.scopes.<list> of a manifest's
// content (YAML or JSON): after the list's last item, in the list's own indentation,
// quotes and separators, so that comments, order and every other byte stay as they
// are. A missing YAML list (and the keys above it) is created.
//
// ok is false where one edit per scope cannot do it: a list written through an alias
// (the edit would change the anchor's other uses), an empty flow list ([]), a missing
// list in a JSON manifest or in a flow mapping, and a user list when the bot list is
// missing too (both would be created at one place, and their items could interleave).
func FindListEnd(content []byte, list string) (*ListEnd, bool) {
	var doc yaml.Node
	if yaml.Unmarshal(content, &doc) != nil || len(doc.Content) == 0 {
		return nil, false
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, false
	}
	t := text{content: content, lines: lineStarts(content)}
	// A list created with oauth_config.scopes (or in an empty one): the bot list alone
	// (see above), the keys indented as their parent's children.
	create := func(offset, indent int, keys ...string) (*ListEnd, bool) {
		if list != "bot" {
			return nil, false
		}
		var h strings.Builder
		if offset == len(content) && len(content) > 0 && content[len(content)-1] != '\n' {
			h.WriteByte('\n')
		}
		for i, k := range append(keys, list) {
			h.WriteString(strings.Repeat(" ", indent+2*i) + k + ":\n")
		}
		return &ListEnd{offset: offset, header: h.String(), before: strings.Repeat(" ", indent+2*(len(keys)+1)) + "- ", after: "\n"}, true
	}
	if top.Style&yaml.FlowStyle != 0 {
		k, v, ok := pair(top, "oauth_config", "scopes", list)
		if !ok || k == nil {
			return nil, false
		}
		return t.listEnd(v)
	}
	ock, ocv, ok := pair(top, "oauth_config")
	switch {
	case !ok:
		return nil, false
	case ock == nil:
		return create(len(content), top.Content[0].Column-1, "oauth_config", "scopes")
	case isNull(ocv):
		return create(t.afterLine(ock.Line), ock.Column+1, "scopes")
	case ocv.Kind != yaml.MappingNode || ocv.Style&yaml.FlowStyle != 0:
		return nil, false
	}
	sk, sv, ok := pair(ocv, "scopes")
	switch {
	case !ok:
		return nil, false
	case sk == nil:
		return create(t.afterLine(lastLine(ocv)), ocv.Content[0].Column-1, "scopes")
	case isNull(sv):
		return create(t.afterLine(sk.Line), sk.Column+1)
	case sv.Kind != yaml.MappingNode || sv.Style&yaml.FlowStyle != 0:
		return nil, false
	}
	lk, lv, ok := pair(sv, list)
	switch {
	case !ok:
		return nil, false
	case lk == nil:
		// Before the first key: a list created after the last one would start where
		// that list's own new items go.
		if bk, _, _ := pair(sv, "bot"); list == "user" && bk == nil {
			return nil, false
		}
		first := sv.Content[0]
		indent := first.Column - 1
		return &ListEnd{offset: t.lines[first.Line-1], header: strings.Repeat(" ", indent) + list + ":\n",
			before: strings.Repeat(" ", indent+itemIndent(sv)) + "- ", after: "\n"}, true
	case isNull(lv):
		return &ListEnd{offset: t.afterLine(lk.Line), header: t.finalNewline(t.afterLine(lk.Line)),
			before: strings.Repeat(" ", lk.Column-1+itemIndent(sv)) + "- ", after: "\n"}, true
	}
	return t.listEnd(lv)
}

// listEnd is the end of an existing list: a block list gets a line after its last item,
// a flow list (JSON's) an element after its last one, on a line of its own when the last
// one has its own line.
func (t text) listEnd(v *yaml.Node) (*ListEnd, bool) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return nil, false
	}
	last := v.Content[len(v.Content)-1]
	if last.Kind != yaml.ScalarNode {
		return nil, false
	}
	l := &ListEnd{quote: quoteOf(last)}
	if v.Style&yaml.FlowStyle == 0 {
		l.offset = t.afterLine(last.Line)
		l.header = t.finalNewline(l.offset)
		l.before = strings.Repeat(" ", v.Column-1) + "-" + strings.Repeat(" ", max(1, last.Column-v.Column-1))
		l.after = "\n"
		return l, true
	}
	end, ok := t.scalarEnd(last)
	if !ok {
		return nil, false
	}
	l.offset, l.before = end, ", "
	if last.Line > v.Line {
		l.before = ",\n" + t.indentOf(last.Line)
	}
	return l, true
}

// itemIndent is how far the items of the mapping's block lists are indented from their
// key (2 unless a list says otherwise).
func itemIndent(m *yaml.Node) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if v := m.Content[i+1]; v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && v.Line > m.Content[i].Line {
			return max(0, v.Column-m.Content[i].Column)
		}
	}
	return 2
}

// pair follows keys through nested mappings and returns the last key and its value (nil
// when one is missing); ok is false when a value on the way is not a mapping or is
// written through an alias or under an anchor (an edit would change its other uses).
func pair(n *yaml.Node, keys ...string) (k, v *yaml.Node, ok bool) {
	for _, key := range keys {
		if n.Kind != yaml.MappingNode {
			return nil, nil, false
		}
		k, v = nil, nil
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				k, v = n.Content[i], n.Content[i+1]
				break
			}
		}
		switch {
		case v == nil:
			return nil, nil, true
		case v.Kind == yaml.AliasNode || v.Anchor != "":
			return nil, nil, false
		}
		n = v
	}
	return k, v, true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// lastLine is the last line a node or its descendants start on.
func lastLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		line = max(line, lastLine(c))
	}
	return line
}

func quoteOf(n *yaml.Node) byte {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return '"'
	case n.Style&yaml.SingleQuotedStyle != 0:
		return '\''
	}
	return 0
}

// text is a manifest's content and the offsets its lines start at.
type text struct {
	content []byte
	lines   []int
}

func lineStarts(content []byte) []int {
	starts := []int{0}
	for i, b := range content {
		if b == '\n' && i+1 < len(content) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// afterLine is the offset of the start of the line after line (1-based): the end of the
// content when line is the last.
func (t text) afterLine(line int) int {
	if line < len(t.lines) {
		return t.lines[line]
	}
	return len(t.content)
}

// finalNewline is the newline an insertion at offset needs first: one when it is at the
// end of content that does not end with one.
func (t text) finalNewline(offset int) string {
	if offset == len(t.content) && len(t.content) > 0 && t.content[len(t.content)-1] != '\n' {
		return "\n"
	}
	return ""
}

// indentOf is the white space a line starts with.
func (t text) indentOf(line int) string {
	rest := t.content[t.lines[line-1]:]
	return string(rest[:len(rest)-len(bytes.TrimLeft(rest, " \t"))])
}

// scalarEnd is the offset after a scalar's text, its closing quote included.
func (t text) scalarEnd(n *yaml.Node) (int, bool) {
	if n.Line > len(t.lines) {
		return 0, false
	}
	start := t.lines[n.Line-1] + n.Column - 1
	q := quoteOf(n)
	if q == 0 {
		end := start + len(n.Value)
		return end, end <= len(t.content)
	}
	for i := start + 1; i < len(t.content); i++ {
		switch t.content[i] {
		case '\\':
			if q == '"' {
				i++
			}
		case q:
			if q == '\'' && i+1 < len(t.content) && t.content[i+1] == '\'' {
				i++
				continue
			}
			return i + 1, true
		case '\n':
			return 0, false
		}
	}
	return 0, false
}
