package manifest

import (
	"cmp"
	"slices"
	"strings"
)

// Apply applies fixes, each the edits of one change to content, as one change. Edits
// must not overlap, except that several fixes may make the same replacement (made
// once) and insert at the same offset. There each fix's insertions are a path, as
// ListEnd.Insert and SetScalar make them (a header line, the lines under it, the item):
// a line that several paths share is written once, and each path's rest follows it in
// the order of the fixes, so that items added to one new list stay under its header and
// two keys created under one new mapping stay under it. Of the paths that start at one
// offset, those that continue the text before it come first: a line completed by a
// newline, a flow list's next element, then lines by their indentation, deepest first
// (an item of the list that ends there before a key of the mapping around it). At one
// offset the insertions come before a replacement that starts there.
func Apply(content []byte, fixes ...[]Edit) []byte {
	type node struct {
		text string
		kids []*node
	}
	roots := map[int]*node{}
	var repl []Edit
	for _, f := range fixes {
		at := map[int]*node{}
		for _, e := range f {
			if e.Offset != e.End {
				if !slices.Contains(repl, e) {
					repl = append(repl, e)
				}
				continue
			}
			if e.Text == "" {
				continue
			}
			n := at[e.Offset]
			if n == nil {
				if roots[e.Offset] == nil {
					roots[e.Offset] = &node{}
				}
				n = roots[e.Offset]
			}
			i := slices.IndexFunc(n.kids, func(k *node) bool { return k.text == e.Text })
			if i < 0 {
				i = len(n.kids)
				n.kids = append(n.kids, &node{text: e.Text})
			}
			at[e.Offset] = n.kids[i]
		}
	}
	offsets := make([]int, 0, len(roots)+len(repl))
	for o := range roots {
		offsets = append(offsets, o)
	}
	for _, e := range repl {
		offsets = append(offsets, e.Offset)
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	slices.SortStableFunc(repl, func(a, b Edit) int { return cmp.Compare(a.Offset, b.Offset) })

	for _, r := range roots {
		slices.SortStableFunc(r.kids, func(a, b *node) int { return cmp.Compare(depth(b.text), depth(a.text)) })
	}
	var b strings.Builder
	var write func(n *node)
	write = func(n *node) {
		b.WriteString(n.text)
		for _, k := range n.kids {
			write(k)
		}
	}
	done := 0 // content before done is written or replaced
	for _, o := range offsets {
		if o > done {
			b.Write(content[done:o])
			done = o
		}
		if r := roots[o]; r != nil {
			write(r)
		}
		for _, e := range repl {
			if e.Offset == o {
				b.WriteString(e.Text)
				done = max(done, e.End)
			}
		}
	}
	b.Write(content[min(done, len(content)):])
	return []byte(b.String())
}

// depth orders the paths inserted at one offset: the indentation of a path's first line,
// larger for text that continues the line before it (a newline, a comma).
func depth(text string) int {
	if text == "" || text[0] == '\n' || text[0] == ',' {
		return 1 << 30
	}
	return len(text) - len(strings.TrimLeft(text, " "))
}
