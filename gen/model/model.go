// Package model reads the slackscope catalog (catalog/*.yaml), checks it and hands it to
// the Go writer.
//
// Load and ParseBindings return every problem they find as a go/scanner.ErrorList, in
// file, line and column order (the order of the checks where positions tie). Each
// error's Msg is "field: what is wrong (what was expected)", the YAML field (tokens.bot)
// left out where the error is about an entry or a file, so that an error prints as
//
//	file:line:col: field: what is wrong (what was expected)
//
// the column left out where the YAML parser gives none, the line too where the error is
// about a whole file. scanner.PrintError prints the list one error a line (its Error
// method gives only the first and a count).
//
// It deliberately does not import package catalog: a broken generated file must not break
// the tool that repairs it.
package model

// Catalog is the whole catalog, every list sorted by name.
type Catalog struct {
	Scopes    []*Scope
	Methods   []*Method
	Events    []*Event
	Features  []*Feature
	Rules     []*Rule
	Authorize []*AuthorizeFlow
	// OAuth2Endpoints are the Go variables that name an authorize URL of Slack.
	OAuth2Endpoints []*OAuth2Endpoint
	// AuthorizeMismatchError is the error code of an exchange on the wrong authorize URL.
	AuthorizeMismatchError string
	// Files are the catalog files read, relative to the catalog directory, sorted.
	Files []string
	// Version is a digest of the files' contents: it changes whenever the data does.
	Version string
	// Date is the newest date the data's sources name (YYYY-MM-DD: a crawl, a changelog
	// entry, an advisory), "" if none does: how current the catalog is.
	Date string
}

// Deprecation says that an entry is deprecated or retired, and what replaces it.
type Deprecation struct {
	fields
	Note         string   `yaml:"note"`
	Replacements []string `yaml:"replacements"`
	Source       string   `yaml:"source"`
}

// Scope is one OAuth scope.
type Scope struct {
	fields
	Name        string       `yaml:"name"`
	Description string       `yaml:"description"`
	Tokens      []string     `yaml:"tokens"`
	Classic     bool         `yaml:"classic"`
	Perspective string       `yaml:"perspective"`
	Requestable *bool        `yaml:"requestable"`
	Requires    []string     `yaml:"requires"`
	Status      string       `yaml:"status"`
	Deprecation *Deprecation `yaml:"deprecation"`
	Note        string       `yaml:"note"`
	Source      string       `yaml:"source"`

	// Derived by Load.
	Object, Action string
	Methods        []string // methods whose requirements name this scope, sorted
}

// Conditional is a scope a method needs only when it is called a certain way.
type Conditional struct {
	fields
	Scope  string   `yaml:"scope"`
	When   string   `yaml:"when"`
	Args   []string `yaml:"args"`   // the Web API arguments whose presence makes it needed
	Fields []string `yaml:"fields"` // the response fields whose reading makes it needed (profile.email)
	Source string   `yaml:"source"`
}

// Argument says which scope each value of a list argument needs: conversations.list
// with types=public_channel,im needs channels:read and im:read.
type Argument struct {
	fields
	Name    string            `yaml:"name"`
	Default []string          `yaml:"default"` // the values Slack assumes when the argument is absent
	Values  map[string]string `yaml:"values"`  // value -> scope; a value not listed narrows nothing
	One     string            `yaml:"one"`     // the scope when the list has one value, whatever it is
	Many    string            `yaml:"many"`    // the scope when it has more than one
	Note    string            `yaml:"note"`
	Source  string            `yaml:"source"`
}

// RateLimit is the rate limit Slack documents for a method: its tier, or a limit of its
// own (tier special, the limit in Limit).
type RateLimit struct {
	fields
	Tier   string `yaml:"tier"`
	Limit  string `yaml:"limit"`  // the special limit, in Slack's words
	Source string `yaml:"source"` // where it is stated; absent, the method's source
}

// Advisory is a dated notice about a method that a user should know of when calling it
// (a lower rate limit for some apps, a retirement, a scope on its way out).
type Advisory struct {
	fields
	Date   string `yaml:"date"` // YYYY-MM-DD: when it took effect, or of the source that states it
	Note   string `yaml:"note"`
	Source string `yaml:"source"`
}

// Method is one Web API method.
type Method struct {
	fields
	Name          string              `yaml:"name"`
	Description   string              `yaml:"description"`
	Status        string              `yaml:"status"`
	Auth          string              `yaml:"auth"`
	Tokens        map[string][]string `yaml:"tokens"`
	UnknownTokens []string            `yaml:"unknown_tokens"`
	Classic       []string            `yaml:"classic"`
	FormerScopes  []string            `yaml:"former_scopes"`
	Conditional   []Conditional       `yaml:"conditional"`
	Arguments     []Argument          `yaml:"arguments"`
	RateLimit     *RateLimit          `yaml:"rate_limit"`
	Advisories    []Advisory          `yaml:"advisories"`
	Deprecation   *Deprecation        `yaml:"deprecation"`
	Note          string              `yaml:"note"`
	Source        string              `yaml:"source"`
	Errors        map[string]string   `yaml:"errors"`
}

// Event is an Events API or RTM event, or a message subtype ("message/bot_message").
type Event struct {
	fields
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Scopes      []string `yaml:"scopes"`
	APIs        []string `yaml:"apis"`
	AppEvent    bool     `yaml:"app_event"`
	Deprecated  bool     `yaml:"deprecated"`
	ChannelType string   `yaml:"channel_type"` // message.* events: the channel_type of their messages
	Note        string   `yaml:"note"`
	Source      string   `yaml:"source"`
}

// Feature is an app feature that needs scopes without a Web API call (slash commands, ...).
type Feature struct {
	fields
	Name        string              `yaml:"name"`
	Description string              `yaml:"description"`
	Tokens      map[string][]string `yaml:"tokens"`
	Triggers    []Trigger           `yaml:"triggers"`
	Note        string              `yaml:"note"`
	Source      string              `yaml:"source"`
}

// Trigger is Go code of a Slack client whose use means the app has a feature: a call of
// the function or method Func, or a use of a string constant of the type named Type
// whose value is Value. Names are bare (no package), as the analyzer matches them.
type Trigger struct {
	fields
	Func   string `yaml:"func"`
	Type   string `yaml:"type"`
	Value  string `yaml:"value"`
	Note   string `yaml:"note"`
	Source string `yaml:"source"`
}

// Key is what identifies the trigger: its function, or its constant's type and value.
func (t *Trigger) Key() string {
	if t.Func != "" {
		return t.Func
	}
	return t.Type + " " + t.Value
}

// Rule is a combination of scopes that Slack refuses.
type Rule struct {
	fields
	ID     string   `yaml:"id"`
	Kind   string   `yaml:"kind"`
	Scopes []string `yaml:"scopes"`
	Error  string   `yaml:"error"`
	Note   string   `yaml:"note"`
	Source string   `yaml:"source"`
}

// AuthorizeFlow says how one OAuth flow's authorize URL carries scopes.
type AuthorizeFlow struct {
	fields
	Flow       string            `yaml:"flow"`
	Default    bool              `yaml:"default"` // the flow of a Slack app, where nothing says which
	Path       string            `yaml:"path"`
	Exchange   string            `yaml:"exchange"`
	Params     map[string]string `yaml:"params"`
	Separators string            `yaml:"separators"`
	Source     string            `yaml:"source"`
}

// OAuth2Endpoint is a Go variable of an OAuth library that holds an authorize URL of Slack
// (golang.org/x/oauth2/slack.Endpoint), and the flow whose path the URL has.
type OAuth2Endpoint struct {
	fields
	Var     string `yaml:"var"`      // package path and name: golang.org/x/oauth2/slack.Endpoint
	AuthURL string `yaml:"auth_url"` // the authorize URL it holds
	Flow    string `yaml:"flow"`
	Source  string `yaml:"source"`
}
