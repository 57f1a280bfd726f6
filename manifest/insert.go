package manifest

import (
	"bytes"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// This file edits manifests in place: one Edit per change, each made in the manifest's
// own style (indentation, quotes, separators), so that comments, order and every other
// byte stay as they are.

// An Edit is one change to a manifest's content: Text in place of the bytes from
// Offset to End (an insertion when they are equal).
type Edit struct {
	Offset, End int
	Text        string
}

// A ListEnd is where new items go in one list of a manifest (a scope list, an event
// list), found once for every item added to it.
type ListEnd struct {
	offset int
	// header are the lines the list lacks before its first new item: the keys of a
	// missing list, or the newline a manifest without a final one needs; often none.
	header []string
	// before and after surround the item; quote is the quote of the list's last item
	// (0: none).
	before, after string
	quote         byte
}

// Insert is the edits that add item to the list, all insertions at one offset: the
// list's header lines, one Edit each, then the item. Every insertion into one list has
// the same offset and the same header lines, and its item can follow another's, so that
// any of them applies alone and any several together: a tool that merges the edits of
// several fixes at one offset reads each fix's edits there as a path (a header line,
// the lines under it, the item), writes a line several paths share once, and puts each
// path's rest under it in order (slackscope fix does).
func (l *ListEnd) Insert(item string) []Edit {
	s := item
	switch l.quote {
	case '"':
		s = strconv.Quote(item)
	case '\'':
		s = "'" + strings.ReplaceAll(item, "'", "''") + "'"
	}
	var edits []Edit
	for _, h := range l.header {
		edits = append(edits, Edit{Offset: l.offset, End: l.offset, Text: h})
	}
	return append(edits, Edit{Offset: l.offset, End: l.offset, Text: l.before + s + l.after})
}

// FindListEnd finds where new items go in the list at path of a manifest's content,
// YAML or JSON: oauth_config.scopes.bot is ("oauth_config", "scopes", "bot"). They go
// after the list's last item, in the list's own indentation, quotes and separators. A
// missing YAML list (and the keys above it) is created.
//
// ok is false where one edit per item cannot do it: a list written through an alias
// (the edit would change the anchor's other uses), an empty flow list ([]), a missing
// list in a JSON manifest or in a flow mapping.
func FindListEnd(content []byte, path ...string) (*ListEnd, bool) {
	t, top, ok := parseText(content)
	if !ok || len(path) == 0 {
		return nil, false
	}
	if top.Style&yaml.FlowStyle != 0 {
		k, v, ok := pair(top, path...)
		if !ok || k == nil {
			return nil, false
		}
		return t.listEnd(v)
	}
	at, ok := walk(top, path)
	if !ok {
		return nil, false
	}
	last := at.i == len(path)-1
	switch {
	case at.k == nil:
		offset, indent := t.keyPlace(at.n)
		item := 2
		if last {
			item = itemIndent(at.n)
		}
		return t.created(offset, indent, item, path[at.i:]), true
	case isNull(at.v) && last:
		offset := t.afterLine(at.k.Line)
		return &ListEnd{offset: offset, header: t.finalNewline(offset),
			before: strings.Repeat(" ", at.k.Column-1+itemIndent(at.n)) + "- ", after: "\n"}, true
	case isNull(at.v):
		return t.created(t.afterLine(at.k.Line), at.k.Column+1, 2, path[at.i+1:]), true
	}
	return t.listEnd(at.v)
}

// A stop is where a walk down a path of keys from the top mapping ends: at path[i],
// the last key or the first one missing (k and v nil) or null, in the block mapping n.
type stop struct {
	n, k, v *yaml.Node
	i       int
}

// walk walks down path from the block mapping top; ok is false when a value on the way
// is not a block mapping or is written through an alias or under an anchor.
func walk(top *yaml.Node, path []string) (stop, bool) {
	n := top
	for i, key := range path {
		k, v, ok := pair(n, key)
		switch {
		case !ok:
			return stop{}, false
		case k == nil || isNull(v) || i == len(path)-1:
			return stop{n, k, v, i}, true
		case v.Kind != yaml.MappingNode || v.Style&yaml.FlowStyle != 0:
			return stop{}, false
		}
		n = v
	}
	return stop{}, false
}

// created is the end of a list created with the keys above it, at offset: the keys
// indented from indent in steps of two, the items item columns further than the list's
// key.
func (t text) created(offset, indent, item int, keys []string) *ListEnd {
	l := &ListEnd{offset: offset, header: t.finalNewline(offset), after: "\n"}
	for i, k := range keys {
		l.header = append(l.header, strings.Repeat(" ", indent+2*i)+k+":\n")
	}
	l.before = strings.Repeat(" ", indent+2*(len(keys)-1)+item) + "- "
	return l
}

// SetScalar is the edits that set the scalar at path to value (written as it is: true,
// a number, a quoted string): its text replaced, or, in YAML, the key created with the
// keys above it that are missing. ok is false for a value that is not a scalar, for a
// key missing from a JSON manifest or a flow mapping, and for a path through an alias.
func SetScalar(content []byte, value string, path ...string) ([]Edit, bool) {
	t, top, ok := parseText(content)
	if !ok || len(path) == 0 {
		return nil, false
	}
	replace := func(v *yaml.Node) ([]Edit, bool) {
		if v.Kind != yaml.ScalarNode || isNull(v) || v.Line > len(t.lines) {
			return nil, false
		}
		end, ok := t.scalarEnd(v)
		if !ok {
			return nil, false
		}
		return []Edit{{Offset: t.lines[v.Line-1] + v.Column - 1, End: end, Text: value}}, true
	}
	if top.Style&yaml.FlowStyle != 0 {
		k, v, ok := pair(top, path...)
		if !ok || k == nil {
			return nil, false
		}
		return replace(v)
	}
	at, ok := walk(top, path)
	switch {
	case !ok:
		return nil, false
	case at.k == nil:
		offset, indent := t.keyPlace(at.n)
		return t.createdKeys(offset, indent, path[at.i:], value), true
	case isNull(at.v) && at.i < len(path)-1:
		return t.createdKeys(t.afterLine(at.k.Line), at.k.Column+1, path[at.i+1:], value), true
	}
	return replace(at.v)
}

// createdKeys are the insertions at offset of the keys, one line each, the last one set
// to value.
func (t text) createdKeys(offset, indent int, keys []string, value string) []Edit {
	var edits []Edit
	for _, h := range t.finalNewline(offset) {
		edits = append(edits, Edit{Offset: offset, End: offset, Text: h})
	}
	for i, k := range keys {
		line := strings.Repeat(" ", indent+2*i) + k + ":"
		if i == len(keys)-1 {
			line += " " + value
		}
		edits = append(edits, Edit{Offset: offset, End: offset, Text: line + "\n"})
	}
	return edits
}

// RemoveItem is the edit that removes the list item at line and col (1-based, bytes)
// of a manifest's content: in a block list the item's line, comment and all; in a flow
// list (JSON's) the item and the separator before or after it. ok is false when no
// scalar item of a list is there, or when a block item shares its line with something
// else.
func RemoveItem(content []byte, line, col int) (Edit, bool) {
	t, top, ok := parseText(content)
	if !ok {
		return Edit{}, false
	}
	seq, i := t.findItem(top, line, col)
	if seq == nil {
		return Edit{}, false
	}
	item := seq.Content[i]
	start := t.lines[item.Line-1] + item.Column - 1
	end, ok := t.scalarEnd(item)
	if !ok {
		return Edit{}, false
	}
	if seq.Style&yaml.FlowStyle == 0 {
		from, to := t.lines[item.Line-1], t.afterLine(item.Line)
		if string(bytes.TrimSpace(content[from:start])) != "-" {
			return Edit{}, false // the item is not the first thing on its line
		}
		return Edit{Offset: from, End: to}, true
	}
	switch {
	case i+1 < len(seq.Content):
		next := seq.Content[i+1]
		if next.Line > len(t.lines) {
			return Edit{}, false
		}
		return Edit{Offset: start, End: t.lines[next.Line-1] + next.Column - 1}, true
	case i > 0:
		prev, ok := t.scalarEnd(seq.Content[i-1])
		if !ok {
			return Edit{}, false
		}
		return Edit{Offset: prev, End: end}, true
	}
	return Edit{Offset: start, End: end}, true
}

// findItem finds the sequence whose scalar item i is at line and col: where it starts,
// or inside its text (after a quote).
func (t text) findItem(n *yaml.Node, line, col int) (*yaml.Node, int) {
	if n.Kind == yaml.AliasNode {
		return nil, 0
	}
	for i, c := range n.Content {
		if n.Kind == yaml.SequenceNode && c.Kind == yaml.ScalarNode && c.Line == line && c.Column <= col && c.Line <= len(t.lines) {
			if end, ok := t.scalarEnd(c); ok && t.lines[line-1]+col-1 < end {
				return n, i
			}
		}
		if s, j := t.findItem(c, line, col); s != nil {
			return s, j
		}
	}
	return nil, 0
}

// parseText parses content's first document for editing: its text and its top
// mapping.
func parseText(content []byte) (text, *yaml.Node, bool) {
	var doc yaml.Node
	// Decoded as Parse decodes it; the edits are made to content as it is.
	if yaml.Unmarshal(jsonForYAML(content), &doc) != nil || len(doc.Content) == 0 {
		return text{}, nil, false
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode || len(top.Content) == 0 {
		return text{}, nil, false
	}
	return text{content: content, lines: lineStarts(content)}, top, true
}

// keyPlace is where a key missing from the block mapping m goes, and its indentation:
// after the mapping's last line, or before its first key when the mapping ends in text
// that may run past the line its last node starts on (a flow collection, a scalar of
// several lines).
func (t text) keyPlace(m *yaml.Node) (offset, indent int) {
	first := m.Content[0]
	if t.endsOpen(m) {
		return t.lines[first.Line-1], first.Column - 1
	}
	return t.afterLine(lastLine(m)), first.Column - 1
}

// endsOpen reports whether a node's text may end after the line its last descendant
// starts on.
func (t text) endsOpen(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			return true
		}
		return t.endsOpen(n.Content[len(n.Content)-1])
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || n.Line > len(t.lines) {
			return true
		}
		if isNull(n) {
			return false
		}
		end, ok := t.scalarEnd(n)
		if !ok {
			return true
		}
		start := t.lines[n.Line-1] + n.Column - 1
		return quoteOf(n) == 0 && string(t.content[start:end]) != n.Value
	}
	return false
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

// finalNewline is the newline an insertion at offset needs first, as a header line:
// one when it is at the end of content that does not end with one.
func (t text) finalNewline(offset int) []string {
	if offset == len(t.content) && len(t.content) > 0 && t.content[len(t.content)-1] != '\n' {
		return []string{"\n"}
	}
	return nil
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
