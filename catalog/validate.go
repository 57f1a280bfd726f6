package catalog

import (
	"fmt"
	"strings"

	"github.com/slackscope/slackscope/internal/editdist"
)

// Code is the stable identifier of a kind of problem. The analyzer uses the same words
// as its diagnostic categories.
type Code string

// The problem codes.
const (
	UnknownScope       Code = "unknown-scope"       // no such scope, or one that cannot be requested
	DeprecatedScope    Code = "deprecated-scope"    // deprecated, retired, or classic-only in a granular request
	InvalidCombination Code = "invalid-combination" // a set of scopes Slack refuses together
	WrongTokenType     Code = "wrong-token-type"    // a scope the list's token type cannot hold
	MissingDependency  Code = "missing-dependency"  // a scope that must be requested with another
)

// List names a scope list of a request.
type List string

// The lists of a request.
const (
	BotList      List = "bot"       // OAuth v2 `scope`; manifest oauth_config.scopes.bot
	UserList     List = "user"      // OAuth v2 `user_scope`; manifest oauth_config.scopes.user
	AppLevelList List = "app_level" // an app-level token's scopes
	ClassicList  List = "classic"   // OAuth v1 `scope` of a classic app
)

// Request is what an app asks for in one OAuth flow (or declares in its manifest).
type Request struct {
	Bot      []string
	User     []string
	AppLevel []string
	Classic  []string
}

func (r Request) lists() []struct {
	list   List
	scopes []string
} {
	return []struct {
		list   List
		scopes []string
	}{{BotList, r.Bot}, {UserList, r.User}, {AppLevelList, r.AppLevel}, {ClassicList, r.Classic}}
}

// Problem is one thing wrong with a request.
type Problem struct {
	Code  Code
	List  List
	Scope string // the scope the problem is about (for a combination, the first of it)
	// Scopes are all the scopes involved: the combination, or the scope and its missing
	// dependency.
	Scopes []string
	// Suggestions are what to request instead: the closest real scope for a typo, the
	// replacements of a deprecated scope, the missing dependency.
	Suggestions []string
	Rule        string // the combination rule's id
	Message     string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s", p.Code, p.Message) }

var listToken = map[List]TokenType{BotList: Bot, UserList: User, AppLevelList: AppLevel}

// Validate reports what Slack would refuse or frown on in a request: unknown scopes (with
// the closest real one), deprecated and retired scopes (with their replacements), classic
// scopes in a granular request, scopes the list's token type cannot hold, scopes whose
// dependency is missing, and combinations Slack refuses. Problems come in list order
// (bot, user, app_level, classic), then in the order of the scopes in each list;
// combinations come last.
//
// Every unknown scope is reported, however many there are, but only the first
// maxSuggested (100) distinct unknown names, in the order above, are given a suggestion
// (a repeated name the one it had): finding the closest scope compares the name with the
// whole catalog, and a request of many thousands of unknown names (a generated or
// corrupted manifest) would otherwise take minutes. Past the cap the message is the same
// without its "did you mean".
func Validate(r Request) []Problem {
	var ps []Problem
	sg := &suggester{memo: map[string]string{}}
	for _, l := range r.lists() {
		in := map[string]bool{}
		for _, s := range l.scopes {
			in[s] = true
		}
		for _, name := range l.scopes {
			ps = append(ps, checkScope(l.list, name, in, sg)...)
		}
		ps = append(ps, checkExclusive(l.list, l.scopes)...)
	}
	ps = append(ps, checkConflicts(r)...)
	return ps
}

// maxSuggested is how many distinct unknown names one Validate call looks up a
// suggestion for (see Validate).
const maxSuggested = 100

// A suggester gives the suggestions of one Validate call: each distinct name is looked
// up once, and at most maxSuggested of them.
type suggester struct {
	memo map[string]string // name -> ClosestScope(name), for the names looked up
}

// closest is ClosestScope(name), or "" once maxSuggested other names have been looked up.
func (sg *suggester) closest(name string) string {
	if c, ok := sg.memo[name]; ok {
		return c
	}
	if len(sg.memo) >= maxSuggested {
		return ""
	}
	c := ClosestScope(name)
	sg.memo[name] = c
	return c
}

func checkScope(list List, name string, in map[string]bool, sg *suggester) []Problem {
	s, ok := LookupScope(name)
	if !ok {
		p := Problem{Code: UnknownScope, List: list, Scope: name, Scopes: []string{name}}
		if c := sg.closest(name); c != "" {
			p.Suggestions = []string{c}
			p.Message = fmt.Sprintf("unknown scope %q in the %s scopes (did you mean %s?)", name, list, c)
		} else {
			p.Message = fmt.Sprintf("unknown scope %q in the %s scopes", name, list)
		}
		return []Problem{p}
	}
	if !s.Requestable {
		return []Problem{{Code: UnknownScope, List: list, Scope: name, Scopes: []string{name},
			Message: fmt.Sprintf("scope %s cannot be requested: %s", name, s.Note)}}
	}
	var ps []Problem
	granular := list != ClassicList
	switch {
	case s.Status != Current:
		ps = append(ps, deprecated(list, s, s.Status.String()))
	case s.Classic && granular:
		ps = append(ps, deprecated(list, s, "classic"))
	}
	if t, ok := listToken[list]; ok && s.Tokens != 0 && !s.Classic && !s.Tokens.Has(t) {
		ps = append(ps, Problem{Code: WrongTokenType, List: list, Scope: name, Scopes: []string{name},
			Message: fmt.Sprintf("scope %s cannot be granted on a %s token (it works with %s); move it to the %s scopes",
				name, t, s.Tokens, otherList(s.Tokens))})
	}
	for _, req := range s.Requires {
		if !in[req] {
			ps = append(ps, Problem{Code: MissingDependency, List: list, Scope: name, Scopes: []string{name, req},
				Suggestions: []string{req},
				Message:     fmt.Sprintf("scope %s must be requested together with %s", name, req)})
		}
	}
	return ps
}

func deprecated(list List, s Scope, why string) Problem {
	p := Problem{Code: DeprecatedScope, List: list, Scope: s.Name, Scopes: []string{s.Name}, Suggestions: s.Deprecation.Replacements}
	var b strings.Builder
	switch why {
	case "classic":
		fmt.Fprintf(&b, "scope %s is a classic-app scope that Slack apps cannot request", s.Name)
	default:
		fmt.Fprintf(&b, "scope %s is %s", s.Name, why)
	}
	if len(p.Suggestions) > 0 {
		fmt.Fprintf(&b, "; request %s instead", strings.Join(p.Suggestions, " and "))
	}
	if s.Deprecation.Note != "" {
		fmt.Fprintf(&b, " (%s)", s.Deprecation.Note)
	}
	p.Message = b.String()
	return p
}

// otherList names the request list a scope of token set ts belongs in.
func otherList(ts TokenSet) string {
	switch {
	case ts.Has(Bot):
		return "bot"
	case ts.Has(User):
		return "user"
	case ts.Has(AppLevel):
		return "app-level token's"
	case ts.Has(LegacyBot):
		return "classic app's"
	}
	return "right token's"
}

// checkExclusive applies the exclusive rules (Sign in with Slack scopes with others)
// within one list.
func checkExclusive(list List, scopes []string) []Problem {
	var ps []Problem
	for _, r := range rules {
		if r.Kind != Exclusive {
			continue
		}
		var inside, outside []string
		for _, s := range scopes {
			if contains(r.Scopes, s) {
				inside = append(inside, s)
			} else {
				outside = append(outside, s)
			}
		}
		if len(inside) > 0 && len(outside) > 0 {
			ps = append(ps, Problem{Code: InvalidCombination, List: list, Scope: inside[0],
				Scopes: append(append([]string(nil), inside...), outside...), Rule: r.ID,
				Message: fmt.Sprintf("%s cannot be requested with %s in one flow: Slack answers %q",
					strings.Join(inside, ", "), strings.Join(outside, ", "), r.Error)})
		}
	}
	return ps
}

// checkConflicts applies the conflict rules (bot with client) across the whole flow.
func checkConflicts(r Request) []Problem {
	all := map[string]List{}
	for _, l := range r.lists() {
		for _, s := range l.scopes {
			if _, ok := all[s]; !ok {
				all[s] = l.list
			}
		}
	}
	var ps []Problem
	for _, rule := range rules {
		if rule.Kind != Conflict {
			continue
		}
		hit := true
		for _, s := range rule.Scopes {
			if _, ok := all[s]; !ok {
				hit = false
				break
			}
		}
		if hit {
			ps = append(ps, Problem{Code: InvalidCombination, List: all[rule.Scopes[0]], Scope: rule.Scopes[0],
				Scopes: rule.Scopes, Rule: rule.ID,
				Message: fmt.Sprintf("%s cannot be requested together: Slack answers %q", joinAnd(rule.Scopes), rule.Error)})
		}
	}
	return ps
}

func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// ClosestScope is the real scope nearest to name, for a typo ("chat:wirte" → "chat:write",
// "chat.write" → "chat:write"), or "" when none is close enough to be a likely fix.
func ClosestScope(name string) string {
	lower := strings.ToLower(name)
	if _, ok := LookupScope(lower); ok {
		return lower
	}
	best, bestD := "", -1
	limit := max(2, len(name)/4)
	for i := range scopes {
		s := scopes[i].Name
		if !scopes[i].Requestable || tooFar(lower, s, limit) {
			continue
		}
		d := scopeDistance(lower, s)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = s, d
		}
	}
	return best
}

// tooFar reports whether a and b differ in length by more than limit: no edit distance
// between them, scopeDistance's included, can then be within limit, and the cost of
// measuring it is saved.
func tooFar(a, b string, limit int) bool {
	return len(a)-len(b) > limit || len(b)-len(a) > limit
}

// scopeDistance is the edit distance with ':' and '.' confusions counted as half a typo
// (rounded down), since people write chat.write for chat:write.
func scopeDistance(a, b string) int {
	if len(a) > 64 {
		return len(a) // no scope name is that long; not worth measuring
	}
	d := editdist.Levenshtein(a, b)
	if n := editdist.Levenshtein(strings.ReplaceAll(a, ".", ":"), strings.ReplaceAll(b, ".", ":")); n < d {
		d = n + (d-n)/2
	}
	return d
}
