package analyzer

import (
	"slices"
	"strings"

	"github.com/slackscope/slackscope/catalog"
)

// A Check is one kind of finding: its category (the word that suppression directives,
// JSON and SARIF output name), a one-line title and a paragraph of documentation.
// Everything that names a category reads it from Checks: reporting, the ignore
// directives, the SARIF rules, the analyzer's documentation and Diagnostic.URL.
type Check struct {
	Name  string // the category: "missing-scope"
	Title string // one sentence: "A call needs a scope the app does not request."
	Doc   string // what it means and what to do, for the documentation
}

// URL is where the check is documented: the analyzer's documentation, at the check.
func (c *Check) URL() string { return docURL + "#" + c.Name }

const docURL = "https://pkg.go.dev/github.com/slackscope/slackscope/analyzer"

// The checks, in the order the documentation lists them.
var (
	MissingScope = &Check{"missing-scope", "A call needs a scope the app does not request.",
		`a call or handler needs a scope the app does not request ("one of a, b" when any one
of several does), at the call`}
	UnusedScope = &Check{"unused-scope", "The app requests a scope no call needs.",
		`a requested scope that no call, handler or subscription of the program needs, at the
manifest (main packages)`}
	DeprecatedScope = &Check{string(catalog.DeprecatedScope), "A deprecated scope: request its replacement.",
		`read, post, client, and the classic perspectival scopes (chat:write:bot)`}
	UnknownScope = &Check{string(catalog.UnknownScope), "A scope Slack does not have.",
		`a scope Slack does not have (a typo: the closest real one is suggested)`}
	InvalidCombination = &Check{string(catalog.InvalidCombination), "Scopes Slack refuses to grant together.",
		`scopes Slack refuses together (bot with client), quoting Slack`}
	WrongTokenType = &Check{string(catalog.WrongTokenType), "A scope or call the token type cannot have.",
		`a user-only scope in the bot list (search:read), a bot-only one in the user list,
or a call the program's tokens cannot make (search.messages with a bot token:
not_allowed_token_type)`}
	MissingDependency = &Check{string(catalog.MissingDependency), "A scope requested without the one it needs.",
		`a scope requested without the one it needs (chat:write.public without chat:write)`}
	RetiredMethod = &Check{"retired-method", "A call of a Web API method Slack retired.",
		`a call that reaches a retired Web API method, with its replacement`}
	UnhandledEvent = &Check{"unhandled-event", "An event the manifest subscribes to that no code handles.",
		`an event the manifest subscribes to (settings.event_subscriptions) that no code
handles`}
	UnhandledCommand = &Check{"unhandled-command", "A slash command the manifest declares that no code handles.",
		`a slash command the manifest declares (features.slash_commands) while no code
of the program handles slash commands`}
	MissingSubscription = &Check{"missing-subscription", "An event the code handles that the manifest does not subscribe to.",
		`an event the code handles (app_mention) that the manifest's
settings.event_subscriptions lacks: Slack never sends it`}
	MissingSetting = &Check{"missing-setting", "Code that needs a manifest setting the manifest does not turn on.",
		`code that runs Socket Mode while settings.socket_mode_enabled is not true,
handles slash commands while features.slash_commands declares none, or handles
interactions or shortcuts while settings.interactivity.is_enabled is not true`}
	ClassicOnly = &Check{"classic-only", "A call only a classic app can make, which no manifest can request.",
		`a call that only a classic app's bot token can make (RTM): no app manifest can
request it, so no manifest edit helps; move to the Events API or Socket Mode`}
	InvalidManifest = &Check{"invalid-manifest", "An app manifest slackscope cannot read.",
		`a manifest that cannot be read, or a mistake in it that Slack refuses (an
optional scope missing from its list), with its position`}
	NoManifest = &Check{"no-manifest", "No app manifest was found, so nothing the app requests was checked.",
		`with -require-manifest: a program for which no Slack app manifest was found
(nor a scope request in code), so what it requests was not checked`}
	Advisory = &Check{"advisory", "A call of a method Slack has a dated notice for.",
		`a call of a Web API method Slack has a dated notice for (a lower rate limit for apps
outside the Marketplace, a scope on its way out), with the notice's date and source; once
read, silence it with slackscope:ignore advisory and the reason`}
	PolicyViolation = &Check{"policy-violation", "The app requests a scope its policy forbids.",
		`a requested scope, or one a call needs, that the module's .slackscope.yml forbids
(never: admin.*), at the manifest line and at the call`}
	UnjustifiedScope = &Check{"unjustified-scope", "A scope the policy asks a justification for has none.",
		`a requested scope, or one a call needs, that the module's .slackscope.yml lists
under justify but gives no justification for (justifications: {scope: why}), at the
manifest line and at the call`}
	UnusedIgnore = &Check{"unused-ignore", "A slackscope:ignore directive that silences nothing.",
		`a slackscope:ignore directive that silences nothing, names no check, or gives no
reason`}
)

// Checks lists every check slackscope reports.
var Checks = []*Check{
	MissingScope, UnusedScope, DeprecatedScope, UnknownScope, InvalidCombination,
	WrongTokenType, MissingDependency, RetiredMethod, UnhandledEvent, UnhandledCommand,
	MissingSubscription, MissingSetting, ClassicOnly, InvalidManifest, NoManifest,
	Advisory, PolicyViolation, UnjustifiedScope, UnusedIgnore,
}

// CheckNamed is the check whose category is name.
func CheckNamed(name string) (*Check, bool) {
	i := slices.IndexFunc(Checks, func(c *Check) bool { return c.Name == name })
	if i < 0 {
		return nil, false
	}
	return Checks[i], true
}

// checkFor is the check that reports a problem of the catalog's Validate.
func checkFor(code catalog.Code) *Check {
	c, ok := CheckNamed(string(code))
	if !ok {
		panic("analyzer: no check for the catalog's problem code " + string(code))
	}
	return c
}

// checkNames lists the categories, for messages: "missing-scope, unused-scope, ...".
func checkNames() string {
	names := make([]string, len(Checks))
	for i, c := range Checks {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// checksDoc writes the checks for the analyzer's documentation, one entry each.
func checksDoc() string {
	var b strings.Builder
	for _, c := range Checks {
		lines := strings.Split(c.Doc, "\n")
		b.WriteString("  " + c.Name + strings.Repeat(" ", max(1, 21-len(c.Name))) + lines[0] + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", 23) + l + "\n")
		}
	}
	return b.String()
}
