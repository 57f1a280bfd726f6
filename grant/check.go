package grant

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/slack-go/slack"
)

// Report is what a token holds against what the program needs of its type.
type Report struct {
	// Program is the Need's program.
	Program string
	// Token is the token's type: "bot" or "user".
	Token string
	// Granted are the scopes the token holds, sorted.
	Granted []string
	// Missing are the needs the token does not meet.
	Missing []Missing
	// Extra are scopes the token holds that nothing in the Need asks for, sorted:
	// information (a scope slackscope cannot see the need of, or one to drop), never an
	// error by itself.
	Extra []string
}

// Err is nil when the token meets every need, else a [*MissingError].
func (r *Report) Err() error {
	if len(r.Missing) == 0 {
		return nil
	}
	return &MissingError{Program: r.Program, Token: r.Token, Missing: r.Missing, Granted: r.Granted, Extra: r.Extra}
}

// String is the report in one line: the error's message when scopes are missing, else
// what the token holds and does not need.
func (r *Report) String() string {
	if err := r.Err(); err != nil {
		return err.Error()
	}
	s := prefix(r.Program, "") + tokenPhrase(r.Token) + " holds every scope the program needs"
	if len(r.Extra) == 0 {
		return s
	}
	return s + "; it also holds " + list(r.Extra, len(r.Extra)) + ", which nothing slackscope sees needs: " +
		"remove them from " + manifestList(r.Token) + " unless something else does"
}

// Compare is the report of a token of type typ ("bot" or "user") that holds granted,
// against the need of that type. A Need without tokens needs nothing: every granted scope
// is extra. A Need that lists token types but not typ is a [*TokenTypeError].
func (n Need) Compare(typ string, granted []string) (*Report, error) {
	r := &Report{Program: n.Program, Token: typ, Granted: slices.Sorted(slices.Values(granted))}
	if len(n.Tokens) == 0 {
		r.Extra = r.Granted
		return r, nil
	}
	t, ok := n.token(typ)
	if !ok {
		return nil, &TokenTypeError{Program: n.Program, Token: typ, Needed: n.types()}
	}
	for _, s := range t.Scopes {
		if !slices.Contains(granted, s.Name) {
			r.Missing = append(r.Missing, Missing{Scopes: []string{s.Name}, Needs: s.Needs, Sites: s.Sites})
		}
	}
	for _, c := range t.Choices {
		if !overlaps(c.AnyOf, granted) {
			r.Missing = append(r.Missing, Missing{Scopes: c.AnyOf, Needs: c.Needs, Sites: c.Sites})
		}
	}
	needed := n.names(typ)
	for _, g := range r.Granted {
		if !slices.Contains(needed, g) {
			r.Extra = append(r.Extra, g)
		}
	}
	return r, nil
}

// Inspect calls auth.test with client, which must have been made with rec's
// [Recorder.Option] or [Recorder.HTTPClient], and reports the token's grant against need:
// a bot token (auth.test names a bot_id) against the need of type "bot", a user token
// against "user". It notes the token's type in rec for [FromError].
//
// The error is what keeps the grant from being compared: [ErrNoHeader],
// [*ClassicTokenError], [*AppLevelTokenError], [*TokenTypeError], or auth.test's failure.
// Missing scopes are not an error of Inspect: they are in the report ([Report.Err]).
func Inspect(ctx context.Context, client *slack.Client, rec *Recorder, need Need) (*Report, error) {
	if client == nil {
		return nil, errors.New("slackscope/grant: no slack client to check")
	}
	if rec == nil {
		return nil, fmt.Errorf("%w: the Recorder is nil; %s", ErrNoHeader, howToRecord)
	}
	mark := rec.mark()
	auth, err := client.AuthTestContext(ctx)
	if err != nil {
		var se slack.SlackErrorResponse
		if errors.As(err, &se) && se.Err == "not_allowed_token_type" {
			return nil, &AppLevelTokenError{Program: need.Program, Scopes: need.names(AppLevel), Refused: true}
		}
		return nil, fmt.Errorf("slackscope/grant: auth.test: %w", err)
	}
	resp, ok := rec.since("auth.test", mark)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNoHeader, howToRecord)
	}
	if !resp.HasScopes {
		return nil, fmt.Errorf("%w: auth.test answered without it, so the token's scopes are unknown", ErrNoHeader)
	}
	if appLevelOnly(resp.Scopes) {
		return nil, &AppLevelTokenError{Program: need.Program, Scopes: need.names(AppLevel), Granted: resp.Scopes}
	}
	typ := User
	if auth.BotID != "" {
		typ = Bot
	}
	rec.setToken(typ)
	if classic := classicOf(resp.Scopes); len(classic) > 0 {
		return nil, &ClassicTokenError{Program: need.Program, Token: typ, Classic: classic, Granted: resp.Scopes}
	}
	return need.Compare(typ, resp.Scopes)
}

// Check is [Inspect] for a program's start-up: nil when the token meets the need of its
// type, else the error: a [*MissingError] for missing scopes, or why the grant could not
// be compared (see Inspect). Scopes the token holds and the code does not need are not an
// error; Inspect reports them.
func Check(ctx context.Context, client *slack.Client, rec *Recorder, need Need) error {
	r, err := Inspect(ctx, client, rec, need)
	if err != nil {
		return err
	}
	return r.Err()
}

// MustCheck is [Check] for main: on a failure it panics with Check's error, as Must
// functions do (regexp.MustCompile). The program stops with exit status 2, and stderr
// starts with "panic: " and the error's one-line message (the goroutine trace follows);
// deferred calls run, and a recover can still errors.As the error. A program that logs
// and exits its own way, or accepts a classic token, calls Check.
func MustCheck(ctx context.Context, client *slack.Client, rec *Recorder, need Need) {
	if err := Check(ctx, client, rec, need); err != nil {
		panic(err)
	}
}

// howToRecord says how to make a client whose responses a Recorder records.
const howToRecord = "make the client with the Recorder: slack.New(token, rec.Option()) " +
	"or slack.New(token, slack.OptionHTTPClient(rec.HTTPClient(nil)))"
