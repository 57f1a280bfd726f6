// Package derive works out, from the type-checked source of a Go Slack client (slack-go,
// nlopes/slack, a user's own wrapper), which Web API methods each function reaches: the
// URLs of the HTTP requests and websocket dials it makes, itself or through the functions
// it calls, in terms of its own parameters. The generator writes the result for the
// pinned slack-go as the catalog's bindings; the facts pass (internal/bindings) runs it on
// every package analysed, so that any version a program builds with is read from its own
// source.
//
// # Values and parts
//
// A string the derivation follows (a URL, an argument's name) is a Value: the
// concatenation of Parts. A Lit part is constant text; a Param part is the value of a
// parameter of the function the value belongs to (its callers replace it with what they
// pass); an Unknown part is what the derivation cannot follow, with Why saying what it is
// ("field UploadURL, filled from a response"); a Via part marks a value read from a field
// that options set (MsgOptionUpdate changes chat.postMessage into chat.update). A Param
// part of an exported function carries Caller: the value comes from the package's users
// (a webhook URL, an endpoint override). Where an expression may hold several strings
// (each branch that assigns a variable), its value is a set of Values.
//
// # Summaries and the fixed point
//
// A Summary is what one function does, in its own terms: the Requests it makes, the Web
// API Args it sets from its parameters, the Option it returns (an option function's
// effect on the request that applies it), and the values of its string Results. A
// function's summary depends on its callees' summaries (those of other packages come
// from Input.Imported): Package summarizes the functions callees first and then again
// each function whose callees' summaries changed, until nothing changes. A Site is one
// call in the package's code that sends requests, with them in the calling function's
// terms; the analyzer counts its uses from the sites.
//
// # Bounds
//
// The derivation always ends: a Value has at most maxParts parts and a set at most
// maxValues values (more stands for one Unknown), what a variable, parameter, field or
// result may hold is computed once (memo: a cycle back to one being computed answers
// nothing, and is computed again once the cycle's head is done, within maxSteps), and
// the fixed point takes at most stepsPerFunc steps per function. A bound that is reached, or code the derivation does not handle (a panic
// recovered), is never silent: the value becomes Unknown with the reason, or
// Derived.Failure says that the result is not final.
package derive
