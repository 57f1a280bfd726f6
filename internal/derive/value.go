package derive

import (
	"slices"
	"strconv"
	"strings"
)

// PartKind says what one piece of a string value is.
type PartKind uint8

// The kinds of part.
const (
	Lit     PartKind = iota // constant text
	Param                   // the value of a parameter of the function the value belongs to
	Unknown                 // a value the derivation cannot follow; Why says which
	Via                     // no text: marks a value read from a field that options set (Text names it)
)

// A Part is one piece of a string value built by concatenation.
type Part struct {
	Kind  PartKind `json:",omitempty"`
	Text  string   `json:",omitempty"` // Lit: the text; Param: the parameter's name
	Index int      `json:",omitempty"` // Param: the parameter's index in the signature (receiver excluded)
	Why   string   `json:",omitempty"` // Unknown: what the value is ("field UploadURL, filled from a response")
	// Caller is set on a Param part when the function is exported: the value comes from the
	// package's users (a webhook or response URL, an endpoint override).
	Caller string `json:",omitempty"`
}

// A Value is a string value as the concatenation of its parts.
type Value []Part

// maxParts and maxValues bound the derivation: a value with more parts, or a set with more
// values, stands for one Unknown.
const (
	maxParts  = 12
	maxValues = 64
)

func lit(s string) Value { return Value{{Kind: Lit, Text: s}} }

func unknown(why string) Value { return Value{{Kind: Unknown, Why: why}} }

// concat joins a and b, merging adjacent constant text.
func concat(a, b Value) Value {
	out := make(Value, 0, len(a)+len(b))
	out = append(out, a...)
	for _, p := range b {
		if n := len(out); n > 0 && p.Kind == Lit && out[n-1].Kind == Lit {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	if len(out) > maxParts {
		return unknown("a string built from more than " + strconv.Itoa(maxParts) + " pieces")
	}
	return out
}

// key is a canonical string for v, for sets and sorting: it tells apart what String
// shows alike (two parameters of the same name, unknown pieces of different origins).
func (v Value) key() string { return v.format(true) }

// empty reports whether v is the empty string: its key is "".
func (v Value) empty() bool {
	for _, p := range v {
		if p.Kind != Lit || p.Text != "" {
			return false
		}
	}
	return true
}

// String shows v for people: parameters as {name}, unknown pieces as {?why}.
func (v Value) String() string { return v.format(false) }

func (v Value) format(canonical bool) string {
	var b strings.Builder
	for _, p := range v {
		switch {
		case p.Kind == Lit:
			b.WriteString(p.Text)
		case p.Kind == Param && canonical:
			b.WriteString("{" + strconv.Itoa(p.Index) + ":" + p.Text + ":" + p.Caller + "}")
		case p.Kind == Param:
			b.WriteString("{" + p.Text + "}")
		case p.Kind == Unknown && canonical:
			b.WriteString("{?" + p.Why + ":" + p.Text + ":" + p.Caller + "}")
		case p.Kind == Unknown:
			b.WriteString("{?" + p.Why + "}")
		case p.Kind == Via && canonical:
			b.WriteString("{via " + p.Text + "}")
		}
	}
	return b.String()
}

// A valueSet is a deduplicated set of values, in insertion order until sorted.
type valueSet []Value

func (vs valueSet) add(v Value) valueSet {
	k := v.key()
	for _, w := range vs {
		if w.key() == k {
			return vs
		}
	}
	if len(vs) >= maxValues {
		return vs
	}
	return append(vs, v)
}

func (vs valueSet) addAll(ws valueSet) valueSet {
	for _, w := range ws {
		vs = vs.add(w)
	}
	return vs
}

func (vs valueSet) sorted() valueSet {
	out := slices.Clone(vs)
	slices.SortFunc(out, func(a, b Value) int { return strings.Compare(a.key(), b.key()) })
	return out
}

// cross is every concatenation of a value of a with a value of b.
func cross(a, b valueSet) valueSet {
	var out valueSet
	for _, x := range a {
		for _, y := range b {
			out = out.add(concat(x, y))
		}
	}
	return out
}

// subst replaces the Param parts of v by the values args gives for them. A parameter with no
// argument (a variadic one passed element by element) becomes Unknown.
func subst(v Value, args func(i int) valueSet) valueSet {
	out := valueSet{nil}
	for _, p := range v {
		var next valueSet
		var alts valueSet
		if p.Kind == Param {
			alts = args(p.Index)
		} else {
			alts = valueSet{Value{p}}
		}
		for _, prefix := range out {
			for _, a := range alts {
				next = next.add(concat(prefix, a))
			}
		}
		out = next
	}
	return out
}

// APIBase is the path under which every Web API method is served; the host may vary
// (slack.com, a workspace's subdomain, a test server set with an option).
const APIBase = "slack.com/api/"

// Method is the Web API method a fully known value names, when it is the URL of one: the
// path element after APIBase, up to a query or fragment. ok is false for other URLs; a
// method name not wholly constant is returned as ok with open true.
func (v Value) Method() (name string, ok, open bool) {
	var b strings.Builder
	started := false
	for _, p := range v {
		if !started {
			if p.Kind != Lit {
				continue
			}
			i := strings.Index(p.Text, APIBase)
			if i < 0 {
				continue
			}
			started = true
			rest := p.Text[i+len(APIBase):]
			if j := strings.IndexAny(rest, "?#"); j >= 0 {
				return rest[:j], rest[:j] != "", false
			}
			b.WriteString(rest)
			continue
		}
		if p.Kind != Lit {
			return b.String(), true, true
		}
		if j := strings.IndexAny(p.Text, "?#"); j >= 0 {
			b.WriteString(p.Text[:j])
			return b.String(), true, false
		}
		b.WriteString(p.Text)
	}
	if !started {
		return "", false, false
	}
	return b.String(), true, b.Len() == 0
}
