package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"gopkg.in/yaml.v3"
)

// Read reads and parses the manifest at path.
func Read(path string) (*Manifest, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, &Error{Path: path, Msg: pe.Err.Error()}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return Parse(path, content)
}

// slackKeys are top-level keys of Slack app manifests; a YAML file with none of them is
// some other tool's manifest.
var slackKeys = []string{"_metadata", "display_information", "features", "oauth_config", "settings", "functions", "workflows", "outgoing_domains"}

// IsSlack reports whether content is a mapping with a top-level key of Slack app
// manifests. It reads the first YAML document only and says nothing about its validity.
func IsSlack(content []byte) bool {
	var doc yaml.Node
	if yaml.NewDecoder(bytes.NewReader(jsonForYAML(content))).Decode(&doc) != nil || len(doc.Content) == 0 {
		return false
	}
	top := resolve(doc.Content[0])
	if top.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		for _, k := range slackKeys {
			if top.Content[i].Value == k {
				return true
			}
		}
	}
	return false
}

// yamlLineErr is compiled on first use: few runs read a broken manifest.
var yamlLineErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse parses a manifest's content; path names it in errors. The error, when there is
// one, is an *Error or several joined (errors.Join), each with its position.
func Parse(path string, content []byte) (*Manifest, error) {
	content = newlines(content)
	m := &Manifest{Path: path, Content: content}
	dec := yaml.NewDecoder(bytes.NewReader(jsonForYAML(content)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, syntaxError(path, content, err)
	}
	if len(doc.Content) == 0 {
		return nil, &Error{Path: path, Msg: "empty manifest (expected a mapping with oauth_config)"}
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		m.Warnings = append(m.Warnings, &Error{Path: path, Line: next.Line, Col: next.Column,
			Msg: "a second YAML document; Slack reads the first only, and so does slackscope"})
	}
	top := resolve(doc.Content[0])
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" && top.Value == "" {
		// A document with nothing in it ("---"): yaml places it past the last line.
		return nil, &Error{Path: path, Msg: "empty manifest (expected a mapping with oauth_config)"}
	}
	if top.Kind != yaml.MappingNode {
		return nil, &Error{Path: path, Line: top.Line, Col: top.Column, Msg: "expected a mapping with oauth_config at the top"}
	}
	r := &reader{path: path}
	r.events(top, m)
	r.features(top, m)
	r.settings(top, m)
	r.scopes(top, m)
	m.Directives = directives(content)
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	return m, nil
}

// syntaxError is the position and message of a manifest that is neither YAML nor JSON.
func syntaxError(path string, content []byte, err error) error {
	if e := jsonError(path, content); e != nil {
		return e
	}
	msg := err.Error()
	if sub := yamlLineErr().FindStringSubmatch(msg); sub != nil {
		line, _ := strconv.Atoi(sub[1])
		return &Error{Path: path, Line: line, Msg: "not YAML or JSON: " + sub[2]}
	}
	return &Error{Path: path, Msg: "not YAML or JSON: " + strings.TrimPrefix(msg, "yaml: ")}
}

// A reader collects the errors of one manifest as it walks the parts slackscope reads.
type reader struct {
	path string
	errs []error
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{Path: r.path, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
	for _, prev := range r.errs {
		if *prev.(*Error) == *e {
			return // the same key looked up again
		}
	}
	r.errs = append(r.errs, e)
}

// get follows keys through nested mappings (aliases resolved); a key given twice in one
// mapping is an error (YAML forbids it, and a silent merge would hide scopes), reported
// once at its second occurrence.
func (r *reader) get(n *yaml.Node, keys ...string) *yaml.Node {
	for depth, key := range keys {
		n = resolve(n)
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		next := -1
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Value != key {
				continue
			}
			if next >= 0 {
				r.errorf(k, "%s is given twice (the first is at line %d)", strings.Join(keys[:depth+1], "."), n.Content[next].Line)
				continue
			}
			next = i
		}
		if next < 0 {
			return nil
		}
		n = n.Content[next+1]
	}
	return resolve(n)
}

// resolve follows an alias (*common) to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// list reads a list of names (scopes, events); what says what they are, for messages.
func (r *reader) list(n *yaml.Node, where, what string) []Ref {
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "%s must be a list of %ss", where, what)
		return nil
	}
	var out []Ref
	for _, e := range n.Content {
		e = resolve(e)
		if e.Kind != yaml.ScalarNode || e.Value == "" {
			r.errorf(e, "%s: expected a%s %s name", where, article(what), what)
			continue
		}
		out = append(out, Ref{Name: e.Value, Line: e.Line, Col: e.Column})
	}
	return out
}

func article(w string) string {
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "n"
	}
	return ""
}

func (r *reader) events(top *yaml.Node, m *Manifest) {
	m.HasEventSubscriptions = r.get(top, "settings", "event_subscriptions") != nil
	for _, ev := range []struct {
		key  string
		list *[]Ref
	}{{"bot_events", &m.BotEvents}, {"user_events", &m.UserEvents}} {
		if n := r.get(top, "settings", "event_subscriptions", ev.key); n != nil {
			*ev.list = r.list(n, "settings.event_subscriptions."+ev.key, "event")
		}
	}
}

func (r *reader) features(top *yaml.Node, m *Manifest) {
	n := r.get(top, "features", "slash_commands")
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for _, c := range n.Content {
		if cmd := r.get(c, "command"); cmd != nil && cmd.Kind == yaml.ScalarNode && cmd.Value != "" {
			m.SlashCommands = append(m.SlashCommands, Ref{Name: cmd.Value, Line: cmd.Line, Col: cmd.Column})
		} else {
			// A command without its name is still a command: its scope is needed.
			m.SlashCommands = append(m.SlashCommands, Ref{Name: "", Line: c.Line, Col: c.Column})
		}
	}
}

func (r *reader) settings(top *yaml.Node, m *Manifest) {
	m.SocketMode = r.setting(r.get(top, "settings", "socket_mode_enabled"), "settings.socket_mode_enabled")
	m.Interactivity = r.setting(r.get(top, "settings", "interactivity", "is_enabled"), "settings.interactivity.is_enabled")
}

func (r *reader) setting(n *yaml.Node, where string) *Setting {
	if n == nil {
		return nil
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		r.errorf(n, "%s must be true or false", where)
		return nil
	}
	return &Setting{Value: b, Line: n.Line, Col: n.Column}
}

// scopeLists are the keys of oauth_config.scopes.
var scopeLists = []string{"bot", "user", "bot_optional", "user_optional"}

func (r *reader) scopes(top *yaml.Node, m *Manifest) {
	scopes := r.get(top, "oauth_config", "scopes")
	if scopes == nil {
		return
	}
	if scopes.Kind != yaml.MappingNode {
		r.errorf(scopes, "oauth_config.scopes must be a mapping with bot and user lists")
		return
	}
	m.HasOAuth = true
	lists := map[string]*[]Ref{"bot": &m.Bot, "user": &m.User, "bot_optional": &m.BotOptional, "user_optional": &m.UserOptional}
	seen := map[string]int{}
	for i := 0; i+1 < len(scopes.Content); i += 2 {
		k, v := scopes.Content[i], resolve(scopes.Content[i+1])
		list, ok := lists[k.Value]
		switch {
		case !ok:
			r.errorf(k, "unknown key %q in oauth_config.scopes (expected %s)", k.Value, orList(scopeLists))
			continue
		case seen[k.Value] > 0:
			r.errorf(k, "oauth_config.scopes.%s is given twice (the first is at line %d)", k.Value, seen[k.Value])
			continue
		}
		seen[k.Value] = k.Line
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // "bot:" with nothing after it: an empty list
		}
		*list = r.list(v, "oauth_config.scopes."+k.Value, "scope")
	}
	for _, opt := range []struct {
		name      string
		opt, base []Ref
	}{{"bot", m.BotOptional, m.Bot}, {"user", m.UserOptional, m.User}} {
		if len(opt.opt) == 0 {
			continue
		}
		base := nameSet(opt.base)
		for _, s := range opt.opt {
			if !base[s.Name] {
				m.Problems = append(m.Problems, &Error{Path: r.path, Line: s.Line, Col: s.Col, Msg: fmt.Sprintf(
					"optional scope %s is not in oauth_config.scopes.%s (an optional scope must be in both lists)", s.Name, opt.name)})
			}
		}
	}
}

// nameSet is the set of the names of refs: an optional list is checked against its
// base list in one pass, whatever their lengths.
func nameSet(refs []Ref) map[string]bool {
	set := make(map[string]bool, len(refs))
	for _, r := range refs {
		set[r.Name] = true
	}
	return set
}

// orList writes "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// jsonError is the position and message encoding/json gives for a manifest that looks
// like JSON (a YAML parser's message for it often has no line).
func jsonError(path string, content []byte) *Error {
	if !bytes.HasPrefix(bytes.TrimSpace(content), []byte("{")) {
		return nil
	}
	var v any
	err := json.Unmarshal(content, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return nil
	}
	// Offset counts the bytes read, the offending one included.
	off := max(min(int(se.Offset), len(content))-1, 0)
	line := 1 + bytes.Count(content[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(content[:off], '\n')
	return &Error{Path: path, Line: line, Col: col, Msg: "not JSON: " + se.Error()}
}

// jsonForYAML is content, when it is JSON, with the escapes JSON allows and the YAML
// parser refuses written as YAML reads them, each in the same length, so that every
// position stays: \/ (Slack's export escapes every slash of a URL) becomes //, and a
// surrogate pair (\ud83e\udd16, an emoji) becomes \U0001f916 and two spaces. The values
// read (scopes, events, settings) hold neither, and Content keeps the text as it is, for
// the edits of a fix. content is copied only when it has one.
func jsonForYAML(content []byte) []byte {
	if !bytes.HasPrefix(bytes.TrimLeft(content, " \t\r\n\ufeff"), []byte("{")) || !bytes.Contains(content, []byte(`\`)) {
		return content
	}
	var out []byte
	set := func(i int, b []byte) {
		if out == nil {
			out = bytes.Clone(content)
		}
		copy(out[i:], b)
	}
	inString := false
	for i := 0; i < len(content); i++ {
		switch c := content[i]; {
		case c == '"':
			inString = !inString
		case c == '\\' && inString && i+1 < len(content):
			switch {
			case content[i+1] == '/':
				set(i, []byte("//"))
			case content[i+1] == 'u':
				if r, ok := surrogatePair(content[i:]); ok {
					set(i, []byte(fmt.Sprintf(`\U%08x  `, r)))
					i += 11
					continue
				}
			}
			i++ // the escaped character
		}
	}
	if out == nil {
		return content
	}
	return out
}

// surrogatePair is the rune a JSON surrogate pair at the start of b (\ud83e\udd16)
// stands for.
func surrogatePair(b []byte) (rune, bool) {
	if len(b) < 12 || b[6] != '\\' || b[7] != 'u' {
		return 0, false
	}
	hi, err1 := strconv.ParseUint(string(b[2:6]), 16, 16)
	lo, err2 := strconv.ParseUint(string(b[8:12]), 16, 16)
	if err1 != nil || err2 != nil || hi < 0xd800 || hi > 0xdbff || lo < 0xdc00 || lo > 0xdfff {
		return 0, false
	}
	return utf16.DecodeRune(rune(hi), rune(lo)), true
}

// newlines makes a lone carriage return (an old Mac line ending) a newline: YAML counts
// it as a line break, go/token (whose line table places the findings) does not, so a
// line number from one would lie outside the file for the other. The length, and so
// every offset, stays the same; content is copied only when it has one.
func newlines(content []byte) []byte {
	var out []byte
	for i, c := range content {
		if c == '\r' && (i+1 == len(content) || content[i+1] != '\n') {
			if out == nil {
				out = bytes.Clone(content)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return content
	}
	return out
}
