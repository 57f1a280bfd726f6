package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
)

// Response is what Slack sent back when a call failed for want of a scope: the JSON body
// (error, needed, provided) and the x-oauth-scopes / x-accepted-oauth-scopes headers.
type Response struct {
	Method   string   // the method called, when the text names it (…/api/chat.postMessage)
	Error    string   // "missing_scope", "not_allowed_token_type", ...
	Needed   []string // the body's needed: any one of these would do
	Provided []string // the body's provided: the token's scopes
	Granted  []string // x-oauth-scopes: the token's scopes
	Accepted []string // x-accepted-oauth-scopes: the scopes the method checks for
}

var (
	headerLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?im)^\s*(x-oauth-scopes|x-accepted-oauth-scopes)\s*:\s*(.*)$`)
	})
	apiURL = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`/api/([a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)`)
	})
	dottedWord = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+`)
	})
	// goField is a field of slack-go's SlackErrorResponse or SlackResponse as fmt prints
	// it: Err:"missing_scope" (%#v) or Error:missing_scope Needed:reactions:write (%+v).
	goField = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(Err|Error|Needed|Provided):(?:"((?:[^"\\]|\\.)*)"|([^\s"}]*))`)
	})
	codeWord = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[a-z][a-z0-9_]*`)
	})
)

// ParseResponse reads a Slack error response as people paste it: the JSON body, alone or
// inside a log line; the two headers ("x-oauth-scopes: chat:write" lines), or an HTTP
// dump with both; slack-go's error value as fmt prints it (%v and %+v print the error
// code alone, %#v the fields: slack.SlackErrorResponse{Err:"missing_scope", ...,
// Needed:"reactions:write", Provided:"chat:write"}, and %+v of a SlackResponse
// {Ok:false Error:missing_scope ... Needed:reactions:write Provided:chat:write}); or a
// bare error code, alone or in a message ("post: channel_not_found"). A Web API method
// named in the text (in a URL, or as a word: "chat.postMessage") is the one called.
func ParseResponse(text string) (Response, error) {
	var r Response
	for _, m := range headerLine().FindAllStringSubmatch(text, -1) {
		list, err := ParseScopes(strings.TrimSpace(m[2]))
		if err != nil {
			return r, fmt.Errorf("%s header: %v", strings.ToLower(m[1]), err)
		}
		if strings.EqualFold(m[1], "x-oauth-scopes") {
			r.Granted = list
		} else {
			r.Accepted = list
		}
	}
	if m := apiURL().FindStringSubmatch(text); m != nil {
		r.Method = m[1]
	} else {
		for _, w := range dottedWord().FindAllString(text, -1) {
			if m, ok := LookupMethod(w); ok {
				r.Method = m.Name
				break
			}
		}
	}
	var needed, provided string
	found, err := jsonBody(text, &r.Error, &needed, &provided)
	if !found {
		found = goFields(text, &r.Error, &needed, &provided)
	}
	if !found && err != nil && r.Granted == nil && r.Accepted == nil {
		return r, err
	}
	if r.Needed, err = ParseScopes(needed); err != nil {
		return r, fmt.Errorf("needed: %v", err)
	}
	if r.Provided, err = ParseScopes(provided); err != nil {
		return r, fmt.Errorf("provided: %v", err)
	}
	if r.Error == "" && r.Granted == nil && r.Accepted == nil {
		r.Error = errorCodeIn(text)
	}
	if r.Error == "" && r.Granted == nil && r.Accepted == nil {
		return r, errors.New("no Slack error response found: expected a JSON body with \"error\", x-oauth-scopes / x-accepted-oauth-scopes headers, or an error code")
	}
	return r, nil
}

// jsonBody finds the first JSON object in text that is a Slack response (it has "ok" or
// "error"), reading from each "{" in turn, so that a body inside a log line is found. It
// reports whether it found one, and otherwise why the first object did not decode.
func jsonBody(text string, code, needed, provided *string) (bool, error) {
	var first error
	for i := strings.Index(text, "{"); i >= 0; {
		var body struct {
			OK       *bool   `json:"ok"`
			Error    *string `json:"error"`
			Needed   string  `json:"needed"`
			Provided string  `json:"provided"`
		}
		err := json.NewDecoder(strings.NewReader(text[i:])).Decode(&body)
		if err == nil && (body.OK != nil || body.Error != nil) {
			if body.Error != nil {
				*code = *body.Error
			}
			*needed, *provided = body.Needed, body.Provided
			return true, nil
		}
		if err != nil && first == nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				err = errors.New("unexpected end of JSON input")
			}
			first = fmt.Errorf("response body is not JSON: %v", err)
		}
		j := strings.Index(text[i+1:], "{")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false, first
}

// goFields reads slack-go's error or response struct as fmt's %#v or %+v prints it.
func goFields(text string, code, needed, provided *string) bool {
	found := false
	for _, m := range goField().FindAllStringSubmatch(text, -1) {
		v := m[3]
		if strings.HasPrefix(m[0][len(m[1])+1:], `"`) {
			v = m[2]
		}
		switch m[1] {
		case "Err", "Error":
			if *code == "" {
				*code, found = v, true
			}
		case "Needed":
			*needed = v
		case "Provided":
			*provided = v
		}
	}
	return found
}

// errorCodeIn is the first error code some method documents among the words of text
// ("post message: channel_not_found"), or text itself when it is one snake_case word no
// method documents ("no_such_error": the explanation says so), or "".
func errorCodeIn(text string) string {
	words := codeWord().FindAllString(text, -1)
	for _, w := range words {
		if len(errorCodes()[w]) > 0 {
			return w
		}
	}
	if t := strings.TrimSpace(text); len(words) == 1 && words[0] == t && strings.Contains(t, "_") {
		return t
	}
	return ""
}

// Explanation says what to request so that a failed call succeeds.
type Explanation struct {
	Response Response
	// Token is the token type the provided scopes point to; TokenKnown is false when they
	// do not tell (Add then fits both bot and user lists where the scope allows).
	Token      TokenType
	TokenKnown bool
	// Missing are the scopes the call checks for that the token lacks.
	Missing []string
	// Add is what to request, in granular terms (chat:write for a needed chat:write:bot).
	// With AnyOf, any one of them is enough; otherwise every one is needed.
	Add   []string
	AnyOf bool
	// FromMethod is set when the response names no scope (slack-go's error printed with
	// %v or %+v keeps the code alone) and Add is what the called method needs for the
	// token type Token, from the catalog.
	FromMethod bool
	// List is the app manifest's list Add goes into: "bot" or "user"
	// (oauth_config.scopes.bot or .user), or "" when Add is empty or fits neither (an
	// app-level token's scopes).
	List string
	// Meanings are what the docs say the error code means when the response names no
	// scope: the called method's wording when it is known and documents the code,
	// otherwise every method's, the commonest first. DocumentedBy are the methods that
	// document the code. UnknownCode is set when none does.
	Meanings     []ErrorMeaning
	DocumentedBy []string
	UnknownCode  bool
	// Lines explain the answer in words, one finding a line.
	Lines []string
}

// Explain reads a Slack error response (see ParseResponse) and says which scope to add.
func Explain(text string) (Explanation, error) {
	r, err := ParseResponse(text)
	if err != nil {
		return Explanation{}, err
	}
	return ExplainResponse(r), nil
}

// ExplainResponse is Explain on an already parsed response.
func ExplainResponse(r Response) Explanation {
	e := Explanation{Response: r}
	have := map[string]bool{}
	for _, s := range r.Provided {
		have[s] = true
	}
	for _, s := range r.Granted {
		have[s] = true
	}
	e.Token, e.TokenKnown = guessToken(r.Provided, r.Granted)
	needed := r.Needed
	if len(needed) == 0 {
		needed = r.Accepted
	}
	for _, s := range needed {
		if !have[s] {
			e.Missing = append(e.Missing, s)
		}
	}
	allOf := false
	if m, ok := LookupMethod(r.Method); ok && r.Error == "missing_scope" && len(needed) == 0 {
		// The response names no scope: what the method needs says it.
		if t, scopes, all, ok := methodNeeds(m, e.Token, e.TokenKnown); ok {
			e.Token, e.FromMethod, allOf = t, true, all
			for _, s := range scopes {
				if !have[s] {
					e.Missing = append(e.Missing, s)
				}
			}
		}
	}
	if r.Error == "not_allowed_token_type" {
		e.explainTokenType()
	}
	e.explainMissing(have)
	e.AnyOf = len(e.Add) > 1 && !allOf
	if len(e.Add) > 0 {
		e.List = manifestList(e, e.Add[0])
	}
	e.explainUserOnly()
	if len(needed) == 0 && r.Error != "" && r.Error != "not_allowed_token_type" {
		explainCode(&e)
	}
	if e.FromMethod {
		e.Lines = append(e.Lines, fmt.Sprintf("the error names no scope: this is what %s needs on %s token", r.Method, tokenNoun(e.Token, true)),
			"(Slack's needed field names the scope it checked; slack-go keeps it in SlackErrorResponse.Needed, which %#v prints but %v and %+v do not)")
	}
	e.explainAdd(len(needed) > 0)
	return e
}

// explainTokenType says, for not_allowed_token_type, which tokens the method accepts.
func (e *Explanation) explainTokenType() {
	m, ok := LookupMethod(e.Response.Method)
	if !ok {
		e.Lines = append(e.Lines, "the method does not accept this kind of token")
		return
	}
	e.Lines = append(e.Lines, fmt.Sprintf("%s does not accept this kind of token; it accepts %s", m.Name, tokenList(m.AcceptedTokens())))
	e.Lines = append(e.Lines, methodNeedLines(m)...)
}

// explainMissing decides what to add for each missing scope: itself, its granular
// replacements (a classic or deprecated scope), or nothing (one that cannot be requested).
func (e *Explanation) explainMissing(have map[string]bool) {
	seen := map[string]bool{}
	for _, s := range e.Missing {
		sc, ok := LookupScope(s)
		switch {
		case !ok:
			e.Lines = append(e.Lines, fmt.Sprintf("Slack asked for %s, which the catalog does not know", s))
			addOnce(&e.Add, seen, s)
		case !sc.Requestable:
			e.Lines = append(e.Lines, fmt.Sprintf("%s cannot be requested: %s", s, sc.Note))
		case (sc.Classic || sc.Status != Current) && len(sc.Deprecation.Replacements) > 0:
			e.Lines = append(e.Lines, fmt.Sprintf("%s is %s; its granular replacement is %s", s, classicOr(sc), strings.Join(sc.Deprecation.Replacements, " and ")))
			for _, rep := range sc.Deprecation.Replacements {
				if !have[rep] {
					addOnce(&e.Add, seen, rep)
				}
			}
		default:
			addOnce(&e.Add, seen, s)
		}
	}
}

// explainUserOnly says which scopes to add are granted to user tokens only, unless the
// token is known to be a user's.
func (e *Explanation) explainUserOnly() {
	for _, s := range e.Add {
		if sc, ok := LookupScope(s); ok && !((e.TokenKnown || e.FromMethod) && e.Token == User) && !sc.Tokens.Has(Bot) && !sc.Tokens.Has(LegacyBot) && sc.Tokens.Has(User) {
			e.Lines = append(e.Lines, fmt.Sprintf("%s is granted to user tokens only: the call must be made with a user token (xoxp-), not the bot token", s))
		}
	}
}

// explainAdd ends with what to add, and where; or, when the response named scopes the
// token already has, that the app must be reinstalled.
func (e *Explanation) explainAdd(named bool) {
	switch {
	case len(e.Add) == 1:
		e.Lines = append(e.Lines, fmt.Sprintf("add %s to the %s scopes", e.Add[0], listFor(*e, e.Add[0])))
	case len(e.Add) > 1 && !e.AnyOf:
		e.Lines = append(e.Lines, fmt.Sprintf("add %s to the %s scopes (each is needed)", strings.Join(e.Add, " and "), listFor(*e, e.Add[0])))
	case len(e.Add) > 1:
		e.Lines = append(e.Lines, fmt.Sprintf("add one of %s to the %s scopes (one is enough; pick the one for the conversation type the call touches)",
			strings.Join(e.Add, ", "), listFor(*e, e.Add[0])))
	case len(e.Missing) == 0 && e.Response.Error == "missing_scope" && named:
		e.Lines = append(e.Lines, "the token already has every scope the response names; check that the app was reinstalled after the scopes were added")
	}
}

// explainCode says what an error code means, from the methods' docs, and for a
// missing_scope with no scope named, what the method needs.
func explainCode(e *Explanation) {
	r := e.Response
	e.DocumentedBy = MethodsDocumenting(r.Error)
	if len(e.DocumentedBy) == 0 {
		e.UnknownCode = true
		e.Lines = append(e.Lines, fmt.Sprintf("no method in the catalog documents the error %s", r.Error))
		return
	}
	m, known := LookupMethod(r.Method)
	if d, ok := m.Error(r.Error); known && ok {
		e.Meanings = []ErrorMeaning{{d.Description, []string{m.Name}}}
		e.Lines = append(e.Lines, fmt.Sprintf("%s: %s: %s", m.Name, r.Error, d.Description))
	} else if !known || r.Error != "missing_scope" { // a method's scopes say more than the wordings
		if known {
			e.Lines = append(e.Lines, fmt.Sprintf("%s does not document %s; %d other methods do", m.Name, r.Error, len(e.DocumentedBy)))
		}
		e.Meanings = ErrorMeanings(r.Error)
		verb := "methods document"
		if len(e.DocumentedBy) == 1 {
			verb = "method documents"
		}
		e.Lines = append(e.Lines, fmt.Sprintf("%s, as %d %s it:", r.Error, len(e.DocumentedBy), verb))
		const most = 5
		for i, mn := range e.Meanings {
			if i == most {
				e.Lines = append(e.Lines, fmt.Sprintf("  and %d other wordings", len(e.Meanings)-most))
				break
			}
			e.Lines = append(e.Lines, fmt.Sprintf("  %s (%s)", mn.Description, countOrName(mn.Methods)))
		}
	}
	if r.Error == "missing_scope" && !known {
		e.Lines = append(e.Lines, "the response body's needed field (or the x-accepted-oauth-scopes header) names the scope the method checks for")
	}
	if r.Error == "missing_scope" && known {
		e.Lines = append(e.Lines, methodNeedLines(m)...)
	}
}

// methodNeedLines say, for each token type the method accepts, the scopes it needs
// ("reactions.add needs reactions:write on a bot token").
func methodNeedLines(m Method) []string {
	var out []string
	for t := TokenType(0); t < NumTokenTypes; t++ {
		q := m.Requirement(t)
		switch {
		case q.Kind != Accepted:
		case len(q.Clauses) == 0:
			out = append(out, fmt.Sprintf("%s needs no scope on %s token", m.Name, tokenNoun(t, true)))
		default:
			var cs []string
			for _, c := range q.Clauses {
				cs = append(cs, c.String())
			}
			out = append(out, fmt.Sprintf("%s needs %s on %s token", m.Name, strings.Join(cs, ", and "), tokenNoun(t, true)))
		}
	}
	return out
}

// methodNeeds is what to request for a call of m that failed with missing_scope when
// the response names no scope: the scopes m needs on the token the provided scopes point
// to (known), otherwise on a bot token, a user token or an app-level token. With all, every scope
// is needed; otherwise any one is enough. ok is false when that token's requirement is
// not a list of scopes the manifest can hold (no scope, several choices at once).
func methodNeeds(m Method, token TokenType, known bool) (t TokenType, scopes []string, all, ok bool) {
	try := []TokenType{Bot, User, AppLevel}
	if known {
		try = []TokenType{token}
	}
	for _, t := range try {
		q := m.Requirement(t)
		if q.Kind != Accepted || len(q.Clauses) == 0 {
			continue
		}
		if len(q.Clauses) == 1 {
			return t, q.Clauses[0], false, true
		}
		for _, c := range q.Clauses {
			if len(c) != 1 {
				return t, nil, false, false
			}
			scopes = append(scopes, c[0])
		}
		return t, scopes, true, true
	}
	return token, nil, false, false
}

// tokenList names a set of token types for a reader: "user tokens (xoxp-) only", "bot
// tokens (xoxb-) and user tokens (xoxp-)".
func tokenList(s TokenSet) string {
	var names []string
	for _, t := range s.Types() {
		names = append(names, tokenPhrase(t))
	}
	switch len(names) {
	case 0:
		return "no token type the catalog knows"
	case 1:
		return names[0] + " only"
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// tokenNoun is a token type as a word before "token": "bot", "app-level"; with article,
// "a bot", "an app-level".
func tokenNoun(t TokenType, article bool) string {
	n := strings.ReplaceAll(t.String(), "_", "-")
	switch t {
	case LegacyBot:
		n = "classic bot"
	case SeamlessUser:
		n = t.String()
	}
	if !article {
		return n
	}
	if t == AppLevel {
		return "an " + n
	}
	return "a " + n
}

// tokenPhrase is a token type in words, with the prefix its tokens start with where the
// catalog knows one (ParseTokenType).
func tokenPhrase(t TokenType) string {
	switch t {
	case Bot:
		return "bot tokens (xoxb-)"
	case User:
		return "user tokens (xoxp-)"
	case LegacyBot:
		return "classic bot tokens"
	case AppLevel:
		return "app-level tokens (xapp-)"
	case Configuration:
		return "app configuration tokens"
	}
	return t.String() + " tokens"
}

// countOrName is "chat.postMessage" for one method, "28 methods" for more.
func countOrName(ms []string) string {
	if len(ms) == 1 {
		return ms[0]
	}
	return fmt.Sprintf("%d methods", len(ms))
}

// manifestList is the app manifest list (oauth_config.scopes.bot or .user) a scope goes
// into for the token the response came from: the bot list unless the token is a user
// token or the scope is granted to user tokens only; "" for a scope of neither.
func manifestList(e Explanation, scope string) string {
	sc, ok := LookupScope(scope)
	if !ok {
		if e.TokenKnown && e.Token == User {
			return "user"
		}
		return "bot"
	}
	bot, user := sc.Tokens.Has(Bot) || sc.Tokens.Has(LegacyBot), sc.Tokens.Has(User)
	switch {
	case user && (!bot || e.TokenKnown && e.Token == User):
		return "user"
	case bot:
		return "bot"
	}
	return ""
}

func classicOr(s Scope) string {
	if s.Classic {
		return "a classic scope"
	}
	return s.Status.String()
}

func addOnce(xs *[]string, seen map[string]bool, s string) {
	if !seen[s] {
		seen[s] = true
		*xs = append(*xs, s)
	}
}

// listFor is the manifest list (oauth_config.scopes.bot or .user) a scope goes into.
func listFor(e Explanation, scope string) string {
	sc, ok := LookupScope(scope)
	if e.TokenKnown {
		switch e.Token {
		case Bot, LegacyBot:
			if !ok || sc.Tokens.Has(Bot) {
				return "bot"
			}
		case User:
			if !ok || sc.Tokens.Has(User) {
				return "user"
			}
		}
	}
	switch {
	case !ok:
		return "bot or user"
	case sc.Tokens.Has(Bot) && sc.Tokens.Has(User):
		return "bot (or user, for a user token)"
	case sc.Tokens.Has(Bot):
		return "bot"
	case sc.Tokens.Has(User):
		return "user"
	case sc.Tokens.Has(AppLevel):
		return "app-level token's"
	}
	return "bot or user"
}

// guessToken infers the token type from the scopes a token has: the classic `bot` scope
// means a classic bot token; a scope only bot tokens hold means a bot token; one only
// user tokens hold means a user token.
func guessToken(lists ...[]string) (TokenType, bool) {
	bot, user := false, false
	for _, l := range lists {
		for _, s := range l {
			if s == "bot" {
				return LegacyBot, true
			}
			sc, ok := LookupScope(s)
			if !ok || sc.Classic || sc.Tokens == 0 {
				continue
			}
			b, u := sc.Tokens.Has(Bot) || sc.Tokens.Has(LegacyBot), sc.Tokens.Has(User)
			if b && !u {
				bot = true
			}
			if u && !b {
				user = true
			}
		}
	}
	switch {
	case bot && !user:
		return Bot, true
	case user && !bot:
		return User, true
	}
	return Bot, false
}
