package grant

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoHeader is the error, wrapped, when no x-oauth-scopes header of auth.test was
// recorded: the client was not made with the Recorder, or Slack sent none. Check never
// passes without it.
var ErrNoHeader = errors.New("slackscope/grant: no x-oauth-scopes header recorded for auth.test")

// Missing is a need a token does not meet.
type Missing struct {
	// Scopes is the scope missing; several are a choice, any one of which meets the need.
	Scopes []string
	// Needs are what needs it: methods and events.
	Needs []string
	// Sites are where in the program.
	Sites []string
}

// MissingError is a token that lacks scopes the program needs: from [Check], against the
// program's Need, or from [FromError], for a call Slack refused with missing_scope.
type MissingError struct {
	// Program is the Need's program ("" without one).
	Program string
	// Token is the token's type: "bot", "user", "app_level", or "" when unknown.
	Token string
	// Method is, from FromError, the method Slack refused, when known.
	Method string
	// Missing are the needs the token does not meet; empty when Slack named no scope and
	// nothing recorded what the method accepts.
	Missing []Missing
	// Granted are the scopes the token holds, when known.
	Granted []string
	// Extra are, from Check, scopes the token holds that the Need does not ask for:
	// information, not part of the error.
	Extra []string
}

// Error is one line: what the token lacks, what needs it where, and where to add it.
func (e *MissingError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Program, e.Method))
	if len(e.Missing) == 0 {
		b.WriteString("Slack did not say which scope the token lacks; to learn what the method accepts, " +
			"record every response with slack.New(token, slack.OptionHTTPClient(rec.HTTPClient(nil)))")
		return b.String()
	}
	b.WriteString(tokenPhrase(e.Token) + " lacks ")
	for i, m := range e.Missing {
		switch {
		case i == 0:
		case i == len(e.Missing)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(m.phrase())
	}
	it := "them"
	if len(e.Missing) == 1 {
		it = "it"
		if len(e.Missing[0].Scopes) > 1 {
			it = "one"
		}
	}
	b.WriteString(": " + addTo(e.Token, it))
	return b.String()
}

// phrase is the need in words: "chat:write (needed by chat.postMessage at main.go:27:5)".
func (m Missing) phrase() string {
	s := m.Scopes[0]
	if len(m.Scopes) > 1 {
		s = "one of " + strings.Replace(list(m.Scopes, len(m.Scopes)), " and ", " or ", 1)
	}
	var why []string
	if len(m.Needs) > 0 {
		why = append(why, "needed by "+list(m.Needs, 3))
	}
	if len(m.Sites) > 0 {
		if len(why) == 0 {
			why = append(why, "needed")
		}
		why = append(why, "at "+list(m.Sites, 2))
	}
	if len(why) == 0 {
		return s
	}
	return s + " (" + strings.Join(why, " ") + ")"
}

// ClassicTokenError is a token of a classic Slack app: it holds classic scopes (bot, read,
// post, ...), which are not granular, so its grant cannot be compared with the granular
// scopes slackscope computes, and the check does not apply. Classic apps can no longer be
// created; Slack's migration turns one into a granular app.
type ClassicTokenError struct {
	// Program is the Need's program.
	Program string
	// Token is the token's type: "bot" or "user".
	Token string
	// Classic are the classic scopes it holds.
	Classic []string
	// Granted are all the scopes it holds.
	Granted []string
}

// Error says the check does not apply, and why.
func (e *ClassicTokenError) Error() string {
	return fmt.Sprintf("%s%s is a classic app's (it holds %s): its grant cannot be compared with "+
		"the granular scopes the program needs, so the check does not apply; migrate the app to granular scopes, or do not check this token",
		prefix(e.Program, ""), tokenPhrase(e.Token), list(e.Classic, 3))
}

// AppLevelTokenError is an app-level token (xapp-) given to Check. auth.test is a method
// of bot and user tokens: Slack refuses other tokens (not_allowed_token_type) or, should it
// answer, reports only app-level scopes. An app-level token's scopes (connections:write
// for Socket Mode) are set and checked at the app's Basic Information page, under
// App-Level Tokens; Check is for the bot or user token.
type AppLevelTokenError struct {
	// Program is the Need's program.
	Program string
	// Scopes are what the Need asks of an app-level token ("app_level"), if anything.
	Scopes []string
	// Refused is whether auth.test refused the token (not_allowed_token_type), rather than
	// answer with app-level scopes only.
	Refused bool
	// Granted are the scopes auth.test reported, when it answered.
	Granted []string
}

// Error says where app-level tokens are checked instead.
func (e *AppLevelTokenError) Error() string {
	s := prefix(e.Program, "")
	if e.Refused {
		s += "auth.test refused the token (not_allowed_token_type): it is not a bot or user token, most likely an app-level token (xapp-)"
	} else {
		s += "the token is an app-level token (it holds " + list(e.Granted, 3) + " only)"
	}
	s += "; app-level tokens are checked at Basic Information > App-Level Tokens"
	if len(e.Scopes) > 0 {
		s += " (the program needs " + list(e.Scopes, 3) + " there)"
	}
	return s + ", not by Check: give Check the bot or user token"
}

// TokenTypeError is a token of a type the Need does not list: the program makes no call
// with such a token, as slackscope sees it, so the token is likely not the one the program
// should have been given.
type TokenTypeError struct {
	// Program is the Need's program.
	Program string
	// Token is the token's type: "bot" or "user".
	Token string
	// Needed are the token types the Need lists.
	Needed []string
}

// Error names the token type the program uses.
func (e *TokenTypeError) Error() string {
	needed := make([]string, len(e.Needed))
	for i, t := range e.Needed {
		needed[i] = article(typeName(t))
	}
	return fmt.Sprintf("%sthe token is %s, but slackscope found no call the program makes with one (it uses %s): give Check that token",
		prefix(e.Program, ""), article(typeName(e.Token)), strings.Replace(list(needed, len(needed)), " and ", " or ", 1))
}

// article puts "a" or "an" before a token type's name.
func article(name string) string {
	if strings.HasPrefix(name, "app") {
		return "an " + name
	}
	return "a " + name
}

// prefix starts a message: the package, the program and the method, when known.
func prefix(program, method string) string {
	s := "slackscope/grant: "
	if program != "" {
		s += program + ": "
	}
	if method != "" {
		s += method + " failed with missing_scope: "
	}
	return s
}

// tokenPhrase names a token of type typ: "the bot token".
func tokenPhrase(typ string) string {
	return "the " + typeName(typ)
}

// typeName names the type of token: "bot token".
func typeName(typ string) string {
	switch typ {
	case Bot, User:
		return typ + " token"
	case AppLevel:
		return "app-level token"
	case "legacy_bot":
		return "legacy bot token"
	}
	return "token"
}

// manifestList is the manifest list that grants a token of type typ its scopes.
func manifestList(typ string) string {
	switch typ {
	case Bot, User:
		return "oauth_config.scopes." + typ
	}
	return "oauth_config.scopes.bot or oauth_config.scopes.user"
}

// addTo says where to add it (a scope, "them" or "one") so a token of type typ gets it.
func addTo(typ, it string) string {
	switch typ {
	case Bot, User:
		return "add " + it + " to " + manifestList(typ) + " and reinstall the app"
	case AppLevel:
		return "generate an app-level token with " + it + " at Basic Information > App-Level Tokens"
	}
	return "add " + it + " to oauth_config.scopes.bot for a bot token or oauth_config.scopes.user for a user token, and reinstall the app"
}

// list joins items in words, n of them at the most: "a, b and 2 more".
func list(items []string, n int) string {
	switch {
	case len(items) == 0:
		return ""
	case len(items) > n:
		return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
	case len(items) == 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
