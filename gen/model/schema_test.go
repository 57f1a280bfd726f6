package model

import (
	"errors"
	"go/scanner"
	"go/token"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/slackscope/slackscope/internal/derive"
)

// loadErrors loads a catalog of the given files and returns its errors as gen prints them.
func loadErrors(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	_, err := Load(fsys, "cat")
	if err == nil {
		t.Fatal("Load accepted a bad catalog")
	}
	return errorLines(err)
}

const schemaMethods = `methods:
  - name: chat.postMessage
    status: current
    tokens: {bot: [chat:write]}
    source: x
`

// A value the schema does not have, in any field that takes an enum, is an error at the
// value, listing the values the field takes there.
func TestValueNotInSchema(t *testing.T) {
	got := loadErrors(t, map[string]string{
		"scopes.yaml": `scopes:
  - name: chat:write
    tokens: [bot, robot]
    perspective: sideways
    status: removed
    deprecation: {note: gone, source: x}
    source: x
`,
		"methods/chat.yaml": `methods:
  - name: chat.postMessage
    status: sunset
    auth: oauth
    source: x
  - name: chat.update
    status: current
    unknown_tokens: [xoxz]
    source: x
`,
		"events.yaml": `events:
  - name: app_mention
    apis: [events, webhook]
    source: x
`,
		"rules.yaml": `combinations:
  - id: a
    kind: mutual
    scopes: [chat:write]
    error: x
    source: x
authorize:
  - flow: v2
    default: true
    path: /oauth/v2/authorize
    exchange: chat.postMessage
    params: {scope: admin}
    separators: ","
    source: x
`,
	})
	want := `cat/events.yaml:3:20: apis: unknown value "webhook" (expected one of events, rtm)
cat/methods/chat.yaml:3:13: status: unknown value "sunset" (expected one of current, deprecated, retired, removed, undocumented)
cat/methods/chat.yaml:4:11: auth: unknown value "oauth" (expected one of bearer, client_credentials, legacy_token, refresh_token, none)
cat/methods/chat.yaml:8:22: unknown_tokens: unknown token type "xoxz" (expected one of bot, user, legacy_bot, app_level, configuration, seamless_user)
cat/rules.yaml:3:11: kind: unknown value "mutual" (expected one of conflict, exclusive)
cat/rules.yaml:12:21: params.scope: unknown value "admin" (expected one of bot, user, classic)
cat/scopes.yaml:3:19: tokens: unknown token type "robot" (expected one of bot, user, legacy_bot, app_level, configuration, seamless_user)
cat/scopes.yaml:4:18: perspective: unknown value "sideways" (expected one of user, bot, admin)
cat/scopes.yaml:5:13: status: unknown value "removed" (expected one of current, deprecated, retired)
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// Every table reports a second entry with a key already taken the same way, at the
// second, naming the first.
func TestDuplicatesOneMessage(t *testing.T) {
	got := loadErrors(t, map[string]string{
		"scopes.yaml": `scopes:
  - {name: chat:write, tokens: [bot], source: x}
  - {name: chat:write, tokens: [bot], source: x}
`,
		"methods/chat.yaml": schemaMethods + `  - {name: chat.postMessage, status: current, tokens: {bot: [chat:write]}, source: x}
`,
		"events.yaml": `events:
  - {name: app_mention, apis: [events], source: x}
  - {name: app_mention, apis: [events], source: x}
`,
		"features.yaml": `features:
  - {name: rtm, tokens: {bot: []}, source: x}
  - {name: rtm, tokens: {bot: []}, source: x}
  - name: shortcuts
    tokens: {bot: []}
    triggers:
      - {func: HandleShortcut, source: x}
      - {type: InteractionType, value: shortcut, source: x}
      - {type: InteractionType, value: shortcut, source: x}
      - {func: HandleShortcut, source: x}
    source: x
`,
		"rules.yaml": `combinations:
  - {id: a, kind: exclusive, scopes: [chat:write], error: x, source: x}
  - {id: a, kind: exclusive, scopes: [chat:write], error: x, source: x}
authorize:
  - {flow: v2, default: true, path: /a, exchange: chat.postMessage, params: {scope: bot}, separators: ",", source: x}
  - {flow: v2, path: /a, exchange: chat.postMessage, params: {scope: bot}, separators: ",", source: x}
oauth2_endpoints:
  - {var: x.Endpoint, auth_url: "https://slack.com/a", flow: v2, source: x}
  - {var: x.Endpoint, auth_url: "https://slack.com/a", flow: v2, source: x}
`,
	})
	want := `cat/events.yaml:3:12: name: duplicate event "app_mention" (first defined at cat/events.yaml:2:12)
cat/features.yaml:3:12: name: duplicate feature "rtm" (first defined at cat/features.yaml:2:12)
cat/features.yaml:9:9: triggers: duplicate trigger "InteractionType shortcut" (first defined at cat/features.yaml:8:9)
cat/features.yaml:10:9: triggers: duplicate trigger "HandleShortcut" (first defined at cat/features.yaml:7:9)
cat/methods/chat.yaml:6:12: name: duplicate method "chat.postMessage" (first defined at cat/methods/chat.yaml:2:11)
cat/rules.yaml:3:10: id: duplicate combination "a" (first defined at cat/rules.yaml:2:10)
cat/rules.yaml:6:12: flow: duplicate authorize flow "v2" (first defined at cat/rules.yaml:5:12)
cat/rules.yaml:9:11: var: duplicate OAuth endpoint "x.Endpoint" (first defined at cat/rules.yaml:8:11)
cat/scopes.yaml:3:12: name: duplicate scope "chat:write" (first defined at cat/scopes.yaml:2:12)
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// A feature's triggers name Go code, and an OAuth endpoint names a flow and holds its
// path; one flow is the default.
func TestTriggersAndEndpoints(t *testing.T) {
	got := loadErrors(t, map[string]string{
		"scopes.yaml":       fuzzScopes,
		"methods/chat.yaml": schemaMethods,
		"features.yaml": `features:
  - name: shortcuts
    tokens: {bot: []}
    triggers:
      - {func: Handle.Shortcut, source: x}
      - {func: HandleShortcut, type: InteractionType, source: x}
      - {type: InteractionType, source: x}
      - {type: "*InteractionType", value: shortcut, source: x}
      - {func: HandleSlashCommand}
    source: x
`,
		"rules.yaml": `authorize:
  - {flow: v1, default: true, path: /oauth/authorize, exchange: chat.postMessage, params: {scope: classic}, separators: ",", source: x}
  - {flow: v2, default: true, path: /oauth/v2/authorize, exchange: chat.postMessage, params: {scope: bot}, separators: ",", source: x}
oauth2_endpoints:
  - {var: Endpoint, auth_url: "https://slack.com/oauth/authorize", flow: v1, source: x}
  - {var: a/b.Endpoint, auth_url: "https://slack.com/oauth/v2/authorize", flow: v1, source: x}
  - {var: a/b.Endpoint2, auth_url: "https://slack.com/oauth/authorize", flow: v3, source: x}
`,
	})
	want := `cat/features.yaml:5:16: triggers.func: "Handle.Shortcut" is not a Go name (expected a function's or method's name, e.g. SlashCommandParse)
cat/features.yaml:6:16: triggers: a trigger is a func or a constant's type and value, not both
cat/features.yaml:7:9: triggers: missing (expected func, or type and value)
cat/features.yaml:8:16: triggers.type: "*InteractionType" is not a Go name (expected a type's name, e.g. InteractionType)
cat/features.yaml:9:9: source: missing or empty
cat/rules.yaml:3:25: default: a second default flow (first v1 at cat/rules.yaml:2:25; expected one)
cat/rules.yaml:5:11: var: "Endpoint" is not a package path and a name (expected e.g. golang.org/x/oauth2/slack.Endpoint)
cat/rules.yaml:6:35: auth_url: the path /oauth/v2/authorize is not flow v1's (expected /oauth/authorize)
cat/rules.yaml:7:79: flow: unknown authorize flow "v3" (expected one of v1, v2)
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

var lineCol = regexp.MustCompile(`^\d+(:\d+)?: \S`)

// Every error of a bad catalog has a position in go/token's shape, file:line:col (the
// column left out only where the YAML parser gives none).
func TestErrorsHavePositions(t *testing.T) {
	for name, data := range map[string]string{
		"malformed": "methods: [\n",
		"entry":     "methods:\n  - 1\n",
		"field":     "methods:\n  - {name: a.b, stauts: current}\n",
		"top":       "method: []\n",
		"enum":      "methods:\n  - {name: a.b, status: old, tokens: {bot: []}, source: x}\n",
	} {
		_, err := Load(fstest.MapFS{
			"scopes.yaml":    {Data: []byte(fuzzScopes)},
			"methods/x.yaml": {Data: []byte(data)},
		}, "cat")
		var list scanner.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("%s: Load = %v, want a scanner.ErrorList", name, err)
		}
		for _, line := range strings.Split(strings.TrimSpace(errorLines(err)), "\n") {
			file, rest, _ := strings.Cut(line, ":")
			if file != "cat/methods/x.yaml" || !lineCol.MatchString(rest) {
				t.Errorf("%s: %q is not file:line:col: message", name, line)
			}
		}
	}
}

// Each enum is well formed: its names and Go constants are unique, its default is one
// of its values, every value that is not the zero has a name.
func TestEnumsWellFormed(t *testing.T) {
	types := map[string]bool{}
	for _, e := range Enums {
		if e.Type != "" {
			if !token.IsIdentifier(e.Type) || types[e.Type] {
				t.Errorf("enum type %q: not an identifier, or declared twice", e.Type)
			}
			types[e.Type] = true
		}
		if e.Noun == "" && len(e.Fields) > 0 {
			t.Errorf("enum %s: no noun for its errors", e.Type)
		}
		names, gos := map[string]bool{}, map[string]bool{}
		for i, v := range e.Values {
			if v.Name == "" && i > 0 {
				t.Errorf("enum %s: value %s has no name", e.Type, v.Go)
			}
			if names[v.Name] || gos[v.Go] {
				t.Errorf("enum %s: %q / %s given twice", e.Type, v.Name, v.Go)
			}
			names[v.Name], gos[v.Go] = true, true
			if e.Type != "" && !token.IsExported(v.Go) {
				t.Errorf("enum %s: constant %q is not an exported identifier", e.Type, v.Go)
			}
		}
		if _, ok := e.Value(e.Default); e.Default != "" && !ok {
			t.Errorf("enum %s: default %q is not a value", e.Type, e.Default)
		}
	}
}

// The binding target kinds of the schema are internal/derive's, which gen bindings
// writes: each Go name is the constant with that name.
func TestTargetKindsAreDerives(t *testing.T) {
	derives := map[string]derive.TargetKind{
		"derive.CallerURL":       derive.CallerURL,
		"derive.IncomingWebhook": derive.IncomingWebhook,
		"derive.ResponseField":   derive.ResponseField,
		"derive.ResponseURL":     derive.ResponseURL,
		"derive.FixedURL":        derive.FixedURL,
	}
	got := map[string]derive.TargetKind{}
	for _, v := range TargetKinds.Values {
		got[v.Go] = derive.TargetKind(v.Name)
	}
	if diff := cmp.Diff(derives, got); diff != "" {
		t.Errorf("target kinds (-internal/derive +schema):\n%s", diff)
	}
}
