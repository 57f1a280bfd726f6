package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Parse never panics; every rejection names the manifest, and every position it gives
// (of an item, a problem, a directive or an error) lies inside the file.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"oauth_config:\n  scopes:\n    bot: [chat:write]\n",
		"oauth_config:\n  scopes:\n    bot:\n      - chat:write\n    user:\n      - search:read\n",
		`{"oauth_config": {"scopes": {"bot": ["chat:write"]}}}`,
		"settings:\n  event_subscriptions:\n    bot_events: [app_mention]\n",
		"oauth_config:\n  scopes:\n    bot: [chat:write\n",
		"oauth_config:\n  scopes: chat:write\n",
		"c: &c [chat:write]\noauth_config:\n  scopes:\n    bot: *c\n    bot_optional: [x]\n",
		"oauth_config:\n  scopes:\n    bot: [a]\n    bot: [b]\n---\nx: 1\n",
		"features:\n  slash_commands:\n    - command: /x\nsettings:\n  socket_mode_enabled: true\n",
		"oauth_config: # slackscope:ignore unused-scope why\n",
		"- a\n- b\n",
		"",
		"\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Lines as the findings' line table counts them (Parse makes a lone \r a newline).
		lines := bytes.Count(newlines(data), []byte("\n")) + 1
		inside := func(what string, line, col int) {
			if line < 1 || line > lines || col < 1 {
				t.Fatalf("%s at %d:%d lies outside the file (%d lines)", what, line, col, lines)
			}
		}
		m, err := Parse("m.yml", data)
		if err != nil {
			for _, e := range unjoin(err) {
				var me *Error
				if !errors.As(e, &me) || me.Path != "m.yml" || !strings.HasPrefix(e.Error(), "m.yml") {
					t.Fatalf("error %q is not an Error naming the file", e)
				}
				if me.Line != 0 {
					inside("error "+me.Msg, me.Line, max(me.Col, 1))
				}
			}
			return
		}
		if m == nil {
			t.Fatal("nil manifest without an error")
		}
		for _, list := range [][]Ref{m.Bot, m.User, m.BotOptional, m.UserOptional, m.BotEvents, m.UserEvents} {
			for _, s := range list {
				if s.Name == "" {
					t.Fatalf("item %+v has no name", s)
				}
				inside(s.Name, s.Line, s.Col)
			}
		}
		for _, p := range append(m.Problems, m.Warnings...) {
			inside(p.Msg, p.Line, p.Col)
		}
		for _, d := range m.Directives {
			inside("directive", d.Line, d.Col)
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// A well-formed manifest always parses: whatever the scope and event names (quoted, so
// YAML keeps them as strings), in YAML or JSON, Parse accepts it and gives back every
// name in order, each at a position inside the file. The analyzer reports
// invalid-manifest exactly when Parse fails, so no valid manifest yields it.
func FuzzParseValid(f *testing.F) {
	f.Add("chat:write", "users:read", "app_mention")
	f.Add("", "x\ty", "message.im")
	f.Add("chat:write", "chat:write", "\u00e9v\u00e9nement")
	f.Fuzz(func(t *testing.T, a, b, ev string) {
		names := []string{a, b}
		for _, s := range append(names, ev) {
			if !utf8.ValidString(s) || strings.TrimSpace(s) == "" || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
				t.Skip("not a name: scope and event names are printable text")
			}
		}
		yml := fmt.Sprintf("display_information:\n  name: app\noauth_config:\n  scopes:\n    bot:\n      - %s\n      - %s\nsettings:\n  event_subscriptions:\n    bot_events:\n      - %s\n",
			strconv.Quote(a), strconv.Quote(b), strconv.Quote(ev))
		js, _ := json.Marshal(map[string]any{
			"oauth_config": map[string]any{"scopes": map[string]any{"bot": names}},
			"settings":     map[string]any{"event_subscriptions": map[string]any{"bot_events": []string{ev}}},
		})
		for file, data := range map[string][]byte{"m.yml": []byte(yml), "m.json": js} {
			m, err := Parse(file, data)
			if err != nil {
				t.Fatalf("%s: a valid manifest is refused: %v\n%s", file, err, data)
			}
			var got []string
			for _, r := range m.Bot {
				got = append(got, r.Name)
			}
			if !slices.Equal(got, names) {
				t.Fatalf("%s: bot scopes %q, want %q", file, got, names)
			}
			if len(m.BotEvents) != 1 || m.BotEvents[0].Name != ev {
				t.Fatalf("%s: bot events %+v, want %q", file, m.BotEvents, ev)
			}
		}
	})
}
