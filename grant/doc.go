// Package grant checks, at run time, that the Slack token a program was given holds the
// scopes the program's code needs.
//
// The model: slackscope derives, from a program's code, the minimum OAuth scopes it needs
// per token type, and writes them as a [Need] (slackscope scopes -format go). Slack says
// what a token really holds in the x-oauth-scopes header of every Web API response, and
// what a method accepts in x-accepted-oauth-scopes. A [Recorder] keeps those headers;
// [Check] calls auth.test, reads the token's type from its answer and its scopes from the
// header, and compares them with the Need of that token type. The grant drifts from the
// code when a scope is added to the code and the app is not reinstalled; Check catches
// that at start-up, and [FromError] names the scope when a call fails later anyway.
//
// The start-up check, in main (scopes is the Need slackscope wrote):
//
//	rec := new(grant.Recorder)
//	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"), rec.Option())
//	grant.MustCheck(ctx, api, rec, scopes)
//
// On a missing scope it stops the program with one line to act on:
//
//	slackscope/grant: example.com/standup/cmd/bot: the bot token lacks chat:write (needed by chat.postMessage at cmd/bot/main.go:27:5): add it to oauth_config.scopes.bot and reinstall the app
//
// What Check reports:
//   - [*MissingError]: scopes the Need has and the token lacks (a [Choice] is met by any
//     one of its scopes), with what needs each, where, and the manifest list to add it to.
//     Scopes the token holds and the code does not need are information: [Report.Extra],
//     never an error by themselves.
//   - [*ClassicTokenError]: the token is a classic app's (it holds classic scopes such as
//     bot, read or post). Classic scopes are not granular, so a classic token cannot be
//     compared with the granular minimum: the check does not apply, and says so rather
//     than report granular scopes as missing.
//   - [*AppLevelTokenError]: the token is an app-level token (xapp-). auth.test is a
//     method of bot and user tokens; an app-level token's scopes are set, and checked, at
//     the app's Basic Information page, not by Check.
//   - [*TokenTypeError]: the Need lists token types and not this token's.
//   - [ErrNoHeader]: nothing recorded the auth.test response's headers (the client was not
//     made with the Recorder). Check never passes without the header.
//
// A Recorder serves one client, that is one token: Check notes the token's type in it,
// and FromError uses that to say which manifest list to add a scope to.
package grant
