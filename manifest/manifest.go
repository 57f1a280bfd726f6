package manifest

import "fmt"

// A Manifest is what slackscope reads of a Slack app manifest.
type Manifest struct {
	Path    string
	Content []byte

	// HasOAuth is set when the manifest has oauth_config.scopes. A manifest without it
	// requests no scope at all (and is checked as such).
	HasOAuth bool
	// Bot and User are oauth_config.scopes.bot and .user; BotOptional and UserOptional
	// are .bot_optional and .user_optional, scopes a workspace may decline (each must
	// also be in Bot or User).
	Bot, User, BotOptional, UserOptional []Ref

	// BotEvents and UserEvents are settings.event_subscriptions.bot_events and
	// .user_events: the events Slack will send the app.
	BotEvents, UserEvents []Ref
	// HasEventSubscriptions is set when the manifest has settings.event_subscriptions
	// (and so, over HTTP, the request URL Slack sends the events to).
	HasEventSubscriptions bool
	// SlashCommands are the commands of features.slash_commands ("/standup").
	SlashCommands []Ref
	// SocketMode is settings.socket_mode_enabled and Interactivity
	// settings.interactivity.is_enabled; nil when the manifest leaves them out.
	SocketMode, Interactivity *Setting

	// Directives are the "# slackscope:ignore" comments of the manifest.
	Directives []Directive
	// Problems are mistakes that do not stop the reading, with positions: an optional
	// scope that its list lacks, a duplicated scope.
	Problems []*Error
	// Warnings are things worth saying that are not mistakes: a second YAML document
	// (Slack reads the first).
	Warnings []*Error
}

// A Ref is one item of a manifest list (a scope, an event, a command) and where the
// manifest names it (1-based line and column, in bytes).
type Ref struct {
	Name      string
	Line, Col int
}

// A Setting is a boolean setting and where the manifest sets it.
type Setting struct {
	Value     bool
	Line, Col int
}

// An Error says what is wrong with a manifest, and where.
type Error struct {
	Path      string
	Line, Col int // 0 when unknown
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Names lists the names of refs.
func Names(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return out
}
