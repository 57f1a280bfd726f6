// Package catalog knows which OAuth scopes each Slack Web API method, event and app
// feature needs, for each token type, and which scope requests Slack refuses.
//
// The facts live in the YAML files beside this package (scopes.yaml, methods/*.yaml,
// events.yaml, features.yaml, rules.yaml), each entry with the source it came from. The
// generator in ../gen turns them into Go tables (zz_*.go), so looking things up
// costs no parsing at run time: LookupMethod and LookupScope do not allocate.
//
// # Tables
//
//   - LookupMethod, LookupScope, LookupEvent, LookupFeature, MethodsFor: one entry by its
//     name; LookupMethodFold and LookupEventFold in any case.
//   - Methods, Scopes, Events, Features, Rules, AuthorizeFlows: every entry, as an
//     iterator of copies (the tables cannot be changed through them).
//   - ClosestScope, ClosestMethod, ClosestEvent, ClosestBinding, ClosestName: the
//     nearest name to a misspelt one, for a "did you mean".
//
// # Requests
//
//   - ParseScopes: a scope list as people paste it (spaces, commas, URL encoding).
//   - Validate: what Slack would refuse or frown on in a scope request.
//   - Minimum and MinimumOf: the smallest scope set that lets a token call a set of
//     methods (a choice among several scopes is listed, never settled).
//   - Explain: what a missing_scope or not_allowed_token_type response asks for.
//
// # Bindings
//
//   - LookupBinding, ResolveBinding, BindingsFor: which Web API methods each function of
//     the pinned github.com/slack-go/slack calls (by its full name, or a short one as
//     slackscope prints it), and which functions call a method (bindings/slack-go.yaml,
//     derived from slack-go's source).
//   - LookupRenamed: what a function of an older slack-go release became in the pinned one
//     (UploadFileV2 is UploadFile since v0.18.0-rc2; bindings/renamed.yaml, from
//     slack-go's release notes).
//
// The examples show each in use.
//
// The package depends on the standard library only.
package catalog

//go:generate go run ../gen bindings -q
//go:generate go run ../gen
