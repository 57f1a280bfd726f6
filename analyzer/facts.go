package analyzer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// UsesFact is a package fact: what initializing the package reaches (its init functions
// and package-level variables), and initializing every package it imports: a program that
// imports the package reaches it all. Under go vet only the direct imports' facts are
// visible, so the fact is transitive. A main package, which nothing imports, records what
// its program reaches.
type UsesFact struct {
	Uses       []FactUse // sorted by Method
	Unresolved []FactUnresolved
}

// funcFact is an object fact of a function or method: what a call of it reaches, through
// the functions it calls or refers to, in its package and in others.
type funcFact struct {
	Uses       []FactUse
	Unresolved []FactUnresolved `json:",omitempty"`
}

// A FactUse is the use of one method (or feature) across a package and its imports.
type FactUse struct {
	Method   string
	Kind     UseKind `json:",omitempty"` // what Method names: a method, an event, a feature
	Position string  // "file:line:col" of one call, or of the handler
	Callee   string  `json:",omitempty"`
	// Narrowed is the union of the scopes the calls' arguments pick (each call that
	// picks needs its pick); Open says another call leaves the choice open.
	Narrowed []string `json:",omitempty"`
	Extra    []string `json:",omitempty"`
	Open     bool     `json:",omitempty"` // some call leaves the choice open
	RTM      bool     `json:",omitempty"` // an event every handler of which is an RTM handler
	// From are, for a field read, the methods of the program whose answers hold the
	// field (set per program by pairFields, never in a fact).
	From []string `json:"-"`
}

// A FactUnresolved is an unresolved call a function or package reaches.
type FactUnresolved struct {
	Position string // "file:line:col"
	Callee   string
	Why      string
}

// AFact marks UsesFact as an analysis fact.
func (*UsesFact) AFact() {}

// AFact marks funcFact as an analysis fact.
func (*funcFact) AFact() {}

// GobEncode encodes the fact for go vet's facts files as JSON: gob would describe the
// fact's types again in every package's file, and decoding a file starts by compiling a
// decoder for each type it describes, which a program's main package paid once per
// package it imports.
func (f *UsesFact) GobEncode() ([]byte, error) {
	return json.Marshal(funcFact{Uses: f.Uses, Unresolved: f.Unresolved})
}

// GobDecode decodes what GobEncode wrote.
func (f *UsesFact) GobDecode(data []byte) error {
	var ff funcFact
	err := json.Unmarshal(data, &ff)
	f.Uses, f.Unresolved = ff.Uses, ff.Unresolved
	return err
}

// GobEncode encodes the fact as JSON, as UsesFact's does.
func (f *funcFact) GobEncode() ([]byte, error) {
	type plain funcFact // no methods: no recursion
	return json.Marshal((*plain)(f))
}

// GobDecode decodes what GobEncode wrote.
func (f *funcFact) GobDecode(data []byte) error {
	type plain funcFact
	return json.Unmarshal(data, (*plain)(f))
}

func (f *UsesFact) String() string { return "uses " + usesString(f.Uses) }

func (f *funcFact) String() string {
	s := "reaches"
	if len(f.Uses) > 0 {
		s += " " + usesString(f.Uses)
	}
	if n := len(f.Unresolved); n > 0 {
		if len(f.Uses) > 0 {
			s += " and"
		}
		s += fmt.Sprintf(" %d unresolved", n)
	}
	return s
}

func usesString(uses []FactUse) string {
	var parts []string
	for _, u := range uses {
		s := u.Method
		switch u.Kind {
		case EventUse:
			s = "event:" + s
		case FieldUse:
			s = "field:" + s
		}
		if len(u.Narrowed) > 0 && !u.Open {
			s += "(" + strings.Join(u.Narrowed, ",") + ")"
		}
		if len(u.Extra) > 0 {
			s += "+" + strings.Join(u.Extra, "+")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// A useSet merges uses: one per method (or event, or feature), the first position added kept,
// the narrowed and extra scopes of every call united.
type useSet struct {
	uses       map[string]*FactUse
	unresolved map[string]FactUnresolved
}

func (s *useSet) add(u FactUse) {
	key := u.Method
	if u.Kind != MethodUse {
		key = u.Kind.String() + " " + key
	}
	if s.uses == nil {
		s.uses = map[string]*FactUse{}
	}
	prev, ok := s.uses[key]
	if !ok {
		c := u
		c.Narrowed = slices.Clone(u.Narrowed)
		c.Extra = slices.Clone(u.Extra)
		s.uses[key] = &c
		return
	}
	prev.Open = prev.Open || u.Open
	prev.RTM = prev.RTM && u.RTM
	for _, sc := range u.Narrowed {
		if !slices.Contains(prev.Narrowed, sc) {
			prev.Narrowed = append(prev.Narrowed, sc)
		}
	}
	for _, sc := range u.Extra {
		if !slices.Contains(prev.Extra, sc) {
			prev.Extra = append(prev.Extra, sc)
		}
	}
}

func (s *useSet) addUnresolved(u FactUnresolved) {
	if s.unresolved == nil {
		s.unresolved = map[string]FactUnresolved{}
	}
	s.unresolved[u.Position+" "+u.Callee] = u
}

// merge adds what another set holds, in its sorted order (the first position of a use
// is kept: the result must not depend on map order).
func (s *useSet) merge(t *useSet) { s.mergeFact(t.sorted()) }

// mergeFact adds what a fact holds.
func (s *useSet) mergeFact(uses []FactUse, unresolved []FactUnresolved) {
	for _, u := range uses {
		s.add(u)
	}
	for _, u := range unresolved {
		s.addUnresolved(u)
	}
}

func (s *useSet) empty() bool { return len(s.uses) == 0 && len(s.unresolved) == 0 }

// sorted returns the set's uses sorted by method, and its unresolved calls by position.
func (s *useSet) sorted() ([]FactUse, []FactUnresolved) {
	uses := make([]FactUse, 0, len(s.uses))
	for _, u := range s.uses {
		c := *u
		c.Narrowed = slices.Clone(c.Narrowed)
		c.Extra = slices.Clone(c.Extra)
		slices.Sort(c.Narrowed)
		slices.Sort(c.Extra)
		uses = append(uses, c)
	}
	slices.SortFunc(uses, func(a, b FactUse) int {
		if c := strings.Compare(a.Method, b.Method); c != 0 {
			return c
		}
		return int(a.Kind) - int(b.Kind)
	})
	var unresolved []FactUnresolved
	for _, u := range s.unresolved {
		unresolved = append(unresolved, u)
	}
	slices.SortFunc(unresolved, func(a, b FactUnresolved) int {
		return strings.Compare(a.Position+a.Callee, b.Position+b.Callee)
	})
	return uses, unresolved
}

func (u FactUse) String() string { return fmt.Sprintf("%s at %s", u.Method, u.Position) }
