package catalog_test

import (
	"fmt"

	"github.com/slackscope/slackscope/catalog"
)

// What a method needs, per token type.
func ExampleLookupMethod() {
	m, ok := catalog.LookupMethod("reactions.add")
	if !ok {
		return
	}
	fmt.Println(m.Name, "on a bot token:", m.Tokens[catalog.Bot])
	fmt.Println(m.Name, "on a user token:", m.Tokens[catalog.User])
	r, _ := catalog.LookupMethod("conversations.replies")
	fmt.Println(r.Name, "on a bot token:", r.Tokens[catalog.Bot])
	// Output:
	// reactions.add on a bot token: reactions:write
	// reactions.add on a user token: reactions:write
	// conversations.replies on a bot token: channels:history or groups:history or im:history or mpim:history
}

// The smallest set of scopes that lets a bot token call some methods; a choice among
// conversation scopes is listed, never settled.
func ExampleMinimum() {
	set := catalog.Minimum(catalog.Bot, "chat.postMessage", "reactions.add", "conversations.replies")
	fmt.Println(set.Names())
	for _, c := range set.Choices {
		fmt.Println("one of", c.AnyOf, "for", c.Needs)
	}
	// Output:
	// [chat:write reactions:write]
	// one of [channels:history groups:history im:history mpim:history] for [conversations.replies]
}

// What Slack would refuse or frown on in a scope request.
func ExampleValidate() {
	for _, p := range catalog.Validate(catalog.Request{Bot: []string{"chat:write:bot", "reactions:wirte"}}) {
		fmt.Println(p.Code)
	}
	// Output:
	// deprecated-scope
	// unknown-scope
}

// What a missing_scope answer asks for, from a log line.
func ExampleExplain() {
	e, err := catalog.Explain(`{"ok":false,"error":"missing_scope","needed":"reactions:write","provided":"chat:write"}`)
	if err != nil {
		return
	}
	fmt.Println(e.Add, "in", e.List)
	// Output:
	// [reactions:write] in bot
}

// Which Web API methods a slack-go function of the pinned release calls.
func ExampleLookupBinding() {
	b, ok := catalog.LookupBinding("(*github.com/slack-go/slack.Client).AddReaction")
	if !ok {
		return
	}
	fmt.Println(b.Methods)
	// Output:
	// [reactions.add]
}

// What a slack-go function an older release had became in the pinned one.
func ExampleLookupRenamed() {
	r, ok := catalog.LookupRenamed("UploadFileV2")
	if !ok {
		return
	}
	b, _ := catalog.LookupBinding(r.To)
	fmt.Println(r.In, "renamed", r.From)
	fmt.Println("to", b.Func, "calling", b.Methods)
	// Output:
	// v0.18.0-rc2 renamed (*github.com/slack-go/slack.Client).UploadFileV2
	// to (*github.com/slack-go/slack.Client).UploadFile calling [files.completeUploadExternal files.getUploadURLExternal]
}
