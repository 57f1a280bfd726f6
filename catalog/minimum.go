package catalog

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

// Need is something that needs scopes: a method, an event, a feature. Name is what
// reports show for it.
type Need struct {
	Name        string
	Requirement Requirement
}

// ScopeUse is one scope of a minimum set and the needs that call for it.
type ScopeUse struct {
	Scope string
	// Needs are the methods (events, features) whose requirements force this scope, sorted.
	Needs []string
	// RequiredBy lists the scopes of the set that need this one (chat:write.public needs
	// chat:write), when that is why it is in the set.
	RequiredBy []string
}

// Choice is a clause left open: any one of AnyOf satisfies every need in Needs, and
// nothing in the call sites says which. (conversations.history on a conversation of
// unknown type needs one of the four *:history scopes.)
type Choice struct {
	AnyOf []string // sorted
	Needs []string // sorted
}

// Unsupported is a need the token type cannot meet, or that no source documents.
type Unsupported struct {
	Name string
	Kind RequirementKind // NotAccepted or Unknown
	// Accepted are the token types the need does work with.
	Accepted TokenSet
	// Unknown is true for a method the catalog does not know at all.
	UnknownMethod bool
}

// MinimumSet is the smallest set of scopes that lets a token meet a set of needs.
type MinimumSet struct {
	Token       TokenType
	Scopes      []ScopeUse // sorted by scope
	Choices     []Choice   // sorted by AnyOf
	Unsupported []Unsupported
	// Cover is a smallest set of scopes that settles every choice at once: a suggestion,
	// never folded into Scopes, since only the app's author knows which conversations
	// it touches.
	Cover []string
}

// Names lists the scopes of the set, sorted.
func (m MinimumSet) Names() []string {
	out := make([]string, len(m.Scopes))
	for i, s := range m.Scopes {
		out[i] = s.Scope
	}
	return out
}

// Minimum is the smallest scope set that lets a token of type t call methods: every
// clause with one scope is forced; clauses already met by a forced scope are dropped;
// the clauses left are reported as choices (never silently resolved), merged when they
// are the same and folded into a narrower one when meeting the narrower one meets both.
// Methods that take no bearer token need nothing; methods t cannot call, or whose needs
// are unknown, come back in Unsupported.
func Minimum(t TokenType, methodNames ...string) MinimumSet {
	needs := make([]Need, 0, len(methodNames))
	var unknown []Unsupported
	for _, name := range methodNames {
		m, ok := LookupMethod(name)
		if !ok {
			unknown = append(unknown, Unsupported{Name: name, Kind: Unknown, UnknownMethod: true})
			continue
		}
		if m.Auth != Bearer {
			continue
		}
		needs = append(needs, Need{Name: name, Requirement: m.Requirement(t)})
	}
	set := MinimumOf(t, needs)
	set.Unsupported = append(set.Unsupported, unknown...)
	sort.SliceStable(set.Unsupported, func(i, j int) bool { return set.Unsupported[i].Name < set.Unsupported[j].Name })
	return set
}

// MinimumOf is Minimum over arbitrary needs (methods, events, features).
func MinimumOf(t TokenType, needs []Need) MinimumSet {
	set := MinimumSet{Token: t}
	forced := map[string]map[string]bool{} // scope -> needs
	var clauses []openClause
	for _, n := range needs {
		r := n.Requirement
		if r.Kind != Accepted {
			u := Unsupported{Name: n.Name, Kind: r.Kind}
			if m, ok := LookupMethod(n.Name); ok {
				u.Accepted = m.AcceptedTokens()
			}
			set.Unsupported = append(set.Unsupported, u)
			continue
		}
		for _, c := range r.Clauses {
			if len(c) == 1 {
				addTo(forced, c[0], n.Name)
				continue
			}
			clauses = append(clauses, openClause{alts: c, needs: map[string]bool{n.Name: true}})
		}
	}
	requiredBy := forceRequired(forced)
	kept := foldNarrower(mergeOpen(clauses, forced))
	for _, s := range slices.Sorted(maps.Keys(forced)) {
		set.Scopes = append(set.Scopes, ScopeUse{Scope: s, Needs: slices.Sorted(maps.Keys(forced[s])), RequiredBy: slices.Sorted(maps.Keys(requiredBy[s]))})
	}
	for _, o := range kept {
		set.Choices = append(set.Choices, Choice{AnyOf: o.alts, Needs: slices.Sorted(maps.Keys(o.needs))})
	}
	sort.Slice(set.Choices, func(i, j int) bool {
		return strings.Join(set.Choices[i].AnyOf, " ") < strings.Join(set.Choices[j].AnyOf, " ")
	})
	set.Cover = hittingSet(set.Choices)
	return set
}

// An openClause is a choice of scopes, any of which meets the needs that ask for it.
type openClause struct {
	alts  []string
	needs map[string]bool
}

// forceRequired adds to forced the scopes forced scopes depend on (a scope's Requires),
// transitively, and returns for each added scope the scopes that require it.
func forceRequired(forced map[string]map[string]bool) map[string]map[string]bool {
	requiredBy := map[string]map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, s := range slices.Sorted(maps.Keys(forced)) {
			sc, _ := LookupScope(s)
			for _, req := range sc.Requires {
				if requiredBy[req] == nil || !requiredBy[req][s] {
					addTo(requiredBy, req, s)
					if forced[req] == nil {
						forced[req] = map[string]bool{}
						changed = true
					}
				}
			}
		}
	}
	return requiredBy
}

// mergeOpen drops the clauses a forced scope meets (crediting the scope with their
// needs) and merges the rest by their alternatives.
func mergeOpen(clauses []openClause, forced map[string]map[string]bool) map[string]*openClause {
	byKey := map[string]*openClause{}
	for _, c := range clauses {
		if i := slices.IndexFunc(c.alts, func(a string) bool { return forced[a] != nil }); i >= 0 {
			for n := range c.needs {
				forced[c.alts[i]][n] = true
			}
			continue
		}
		alts := slices.Sorted(slices.Values(c.alts))
		key := strings.Join(alts, " ")
		if o := byKey[key]; o != nil {
			for n := range c.needs {
				o.needs[n] = true
			}
			continue
		}
		byKey[key] = &openClause{alts: alts, needs: c.needs}
	}
	return byKey
}

// foldNarrower folds a clause whose alternatives include all of a narrower clause's into
// the narrower one, which whatever meets it meets too; the rest come narrowest first.
func foldNarrower(byKey map[string]*openClause) []*openClause {
	keys := slices.Sorted(maps.Keys(byKey))
	sort.SliceStable(keys, func(i, j int) bool { return len(byKey[keys[i]].alts) < len(byKey[keys[j]].alts) })
	var kept []*openClause
	for _, k := range keys {
		o := byKey[k]
		i := slices.IndexFunc(kept, func(narrow *openClause) bool { return subset(narrow.alts, o.alts) })
		if i < 0 {
			kept = append(kept, o)
			continue
		}
		for n := range o.needs {
			kept[i].needs[n] = true
		}
	}
	return kept
}

func addTo(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

// subset reports whether every element of a (sorted) is in b (sorted).
func subset(a, b []string) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

// hittingSet is a smallest set of scopes with one alternative of every choice, the
// lexically first of that size. It searches exactly up to 24 candidate scopes and falls
// back to the greedy choice beyond.
func hittingSet(choices []Choice) []string {
	if len(choices) == 0 {
		return nil
	}
	cand := map[string]bool{}
	for _, c := range choices {
		for _, a := range c.AnyOf {
			cand[a] = true
		}
	}
	names := slices.Sorted(maps.Keys(cand))
	hits := func(pick []string) bool {
		for _, c := range choices {
			ok := false
			for _, p := range pick {
				if Clause(c.AnyOf).Has(p) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	if len(names) <= 24 {
		for k := 1; k <= len(choices); k++ {
			if pick := firstCombination(names, k, hits); pick != nil {
				return pick
			}
		}
	}
	// Greedy: take the scope that meets the most open choices, lexically first on ties.
	var pick []string
	open := append([]Choice(nil), choices...)
	for len(open) > 0 {
		best, bestN := "", 0
		for _, n := range names {
			c := 0
			for _, o := range open {
				if Clause(o.AnyOf).Has(n) {
					c++
				}
			}
			if c > bestN {
				best, bestN = n, c
			}
		}
		pick = append(pick, best)
		rest := open[:0]
		for _, o := range open {
			if !Clause(o.AnyOf).Has(best) {
				rest = append(rest, o)
			}
		}
		open = rest
	}
	sort.Strings(pick)
	return pick
}

// firstCombination returns the lexically first k-subset of names that ok accepts, or nil.
func firstCombination(names []string, k int, ok func([]string) bool) []string {
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	pick := make([]string, k)
	for {
		for i, j := range idx {
			pick[i] = names[j]
		}
		if ok(pick) {
			return pick
		}
		i := k - 1
		for i >= 0 && idx[i] == len(names)-k+i {
			i--
		}
		if i < 0 {
			return nil
		}
		idx[i]++
		for j := i + 1; j < k; j++ {
			idx[j] = idx[j-1] + 1
		}
	}
}
