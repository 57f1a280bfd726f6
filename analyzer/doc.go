// Package analyzer defines the slackscope Analyzer, which computes the OAuth scopes a Go
// program built on github.com/slack-go/slack needs and checks the scopes it requests.
package analyzer

import (
	"flag"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/internal/bindings"
	"github.com/slackscope/slackscope/manifest"
)

var doc = `check the Slack OAuth scopes a program needs against those it requests

slackscope finds every call that reaches the Slack Web API: calls and method values of
github.com/slack-go/slack (through facts derived from the slack-go version the program
builds with, see slackbindings), calls through the program's own interfaces that
*slack.Client satisfies, calls inside closures and goroutines, calls of the program's own
wrappers in other packages, and raw HTTP requests to https://slack.com/api/<method> URLs
built from constants. It applies what the call passes: a MsgOption that picks another
endpoint (MsgOptionUpdate: chat.update; a response URL needs no scope), username and icon
overrides (chat:write.customize), constant conversation types (types=im: im:read only).
Tests and mocks do not count.

It also finds what the program listens to, since that needs scopes too: the Events API
inner event types it asserts or switches on (*slackevents.AppMentionEvent: app_mention,
app_mentions:read), event names it compares with or registers handlers for
(slackevents.AppMention, "reaction_added"), message events narrowed by the ChannelType
they check (== "im": message.im, im:history), slash commands (slack.SlashCommandParse,
socketmode.EventTypeSlashCommand, HandleSlashCommand: commands), shortcuts, Socket Mode
(an app-level token with connections:write) and RTM (a classic bot token). Which Go type
is which event is read from the client's own mapping tables, for the version the program
builds with.

A use counts for a program when main reaches it: from main, the init functions,
package-level initializers and //export functions, through the functions they call or
refer to, in any package, and the methods of the types they convert to interfaces (see
reach.go); dead code is neither counted nor checked. From what the program reaches it
computes the minimum scope set per token type
(the pass's Result; slackscope scopes prints it), and, given the scopes the app requests
(oauth_config.scopes of the app manifest, found by package manifest from the package's
directory up to the repository root, or -manifest; and scope lists written in code),
reports:

` + checksDoc() + `
The request checks are reported by main packages, once for the manifest they use;
missing-scope by every package at its calls and handlers. App-level tokens (Socket
Mode) are made outside the manifest: what they need is never checked against
oauth_config, but settings.socket_mode_enabled is. The scopes of the events the manifest
subscribes to, and of its slash commands, count as needed. A finding is silenced with a
directive at the end of its line, or on a line of its own just above it:

  //slackscope:ignore missing-scope the token comes from another app

(also as a /* block */ comment, and as "# slackscope:ignore" in a YAML manifest; the
reason is required; a directive that silences nothing is reported as unused-ignore).`

// Config holds the analyzer's settings.
type Config struct {
	// Manifest is the app manifest to check the program against; a relative path is
	// taken from the module root (go vet runs the tool in each package's directory).
	// Empty: look for it as package manifest's Find does, from the package's directory.
	Manifest string
	// Token is the token type calls are made with: bot (default) or user.
	Token string
	// ManifestSum, when set, must be the start of the manifest's SHA-256 (hex). go vet
	// caches its results by the Go sources and the flags, not by the manifest: passing the
	// sum as a flag makes a changed manifest re-run the check, and a stale sum is
	// reported rather than trusted.
	ManifestSum string
	// NoManifest, when set, checks against no manifest at all (to compute what a program
	// needs, whatever it requests).
	NoManifest bool
	// RequireManifest, when set, reports a main package for which no manifest is found
	// (and no scope request is written in code): a run that checks nothing against a
	// request is then a finding (no-manifest), not a silent pass.
	RequireManifest bool
	// CategoryInMessage, when set, adds " [category]" to every message, for drivers that
	// print the message alone (go vet).
	CategoryInMessage bool
	// Dependencies, when set, treats the packages of dependency modules as the program's
	// too (slack-go's own examples, say); by default only the main module's calls count.
	Dependencies bool
}

// New returns a slackscope Analyzer with its own settings (its flags set them). Analyzers
// from New with different settings (another manifest, another token) can run one after
// another in one process, each in its own run of a driver (checker.Analyze,
// analysistest.Run); two cannot run in the same run, since both declare the same fact
// types and analysis.Validate refuses that: run them in turn.
func New(cfg *Config) *analysis.Analyzer {
	b := bindings.Analyzer
	if cfg.Dependencies {
		b = bindings.DependencySites
	}
	a := &analysis.Analyzer{
		Name:       "slackscope",
		Doc:        doc,
		URL:        "https://pkg.go.dev/github.com/slackscope/slackscope/analyzer",
		Requires:   []*analysis.Analyzer{b},
		FactTypes:  []analysis.Fact{new(UsesFact), new(funcFact), new(EventTypesFact), new(frameworkFact)},
		ResultType: reflect.TypeOf((*Result)(nil)),
	}
	a.Flags.Init("slackscope", flag.ContinueOnError)
	a.Flags.StringVar(&cfg.Manifest, "manifest", cfg.Manifest, "the app manifest (YAML or JSON) to check the scopes against")
	a.Flags.StringVar(&cfg.Token, "token", cfg.Token, "the token type the program calls with: bot or user")
	a.Flags.BoolVar(&cfg.RequireManifest, "require-manifest", cfg.RequireManifest, "report a program for which no app manifest is found (no-manifest)")
	a.Flags.StringVar(&cfg.ManifestSum, "manifest-sum", cfg.ManifestSum, "the start of the manifest's SHA-256 in hex, so that go vet re-runs when the manifest changes (e.g. $(sha256sum manifest.yml | cut -c1-16))")
	manifests := new(manifest.Cache)
	a.Run = func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg, pass.ResultOf[b].(*bindings.Result), manifests)
	}
	return a
}

// Analyzer is the slackscope analyzer with default settings, its flags on its FlagSet.
var Analyzer = New(&Config{Token: "bot"})
