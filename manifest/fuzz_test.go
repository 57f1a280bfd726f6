package manifest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
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
		lines := bytes.Count(data, []byte("\n")) + 1
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
