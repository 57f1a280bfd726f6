package grant

import (
	"errors"

	"github.com/slack-go/slack"
)

// FromError turns a slack-go missing_scope error into a [*MissingError] whose message says
// what to add and to which manifest list; ok is false for any other error. See
// [Need.FromError], which also says where in the program the scope is needed.
func FromError(err error, rec *Recorder) (*MissingError, bool) {
	return Need{}.FromError(err, rec)
}

// FromError turns a slack-go missing_scope error into a [*MissingError]; ok is false for
// any other error.
//
// The missing scope is Slack's "needed" in the error, and the token's scopes its
// "provided". The refused method is named when the latest response rec recorded is its
// refusal: a method that accepts the needed scopes and none the token holds. When Slack
// names no scope, the scopes that method accepts (x-accepted-oauth-scopes) are missing,
// any one of them, if rec records through [Recorder.HTTPClient], which sees every
// response. rec may be nil. The token's type, and so the manifest list, is what [Check]
// noted in rec; else the one token type of n that needs the scope; else the message names
// both lists.
//
// With the need, the scope is narrowed to the ones n asks for, and the message says what
// in the program needs it and where.
func (n Need) FromError(err error, rec *Recorder) (*MissingError, bool) {
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) || se.Err != "missing_scope" {
		return nil, false
	}
	needed, granted := splitScopes(se.Needed), splitScopes(se.Provided)
	e := &MissingError{Program: n.Program}
	if rec != nil {
		e.Token = rec.tokenType()
		if resp, ok := rec.refusal(needed); ok {
			e.Method = resp.Method
			if len(needed) == 0 {
				needed = resp.Accepted
			}
			if se.Provided == "" && resp.HasScopes {
				granted = resp.Scopes
			}
		}
	}
	if e.Token == "" {
		e.Token = n.typeOf(needed)
	}
	e.Granted = granted
	if len(needed) > 0 {
		m := Missing{Scopes: needed}
		if e.Method != "" {
			m.Needs = []string{e.Method}
		}
		e.Missing = []Missing{n.explain(m, e.Token)}
	}
	return e, true
}
