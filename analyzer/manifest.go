package analyzer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// A Manifest is the part of a Slack app manifest slackscope reads: the scopes requested
// in oauth_config.scopes, with their positions. JSON manifests are read by the same YAML
// parser (JSON is YAML), so positions work for both.
type Manifest struct {
	Path    string
	Content []byte
	Bot     []ScopeRef // oauth_config.scopes.bot
	User    []ScopeRef // oauth_config.scopes.user
	// HasScopes is false when the manifest has no oauth_config.scopes at all: it then
	// requests nothing slackscope can check.
	HasScopes bool
	// BotEvents and UserEvents are settings.event_subscriptions.bot_events and
	// .user_events: the events Slack will send the app.
	BotEvents, UserEvents []ScopeRef
	// SlashCommands is set when features.slash_commands declares commands.
	SlashCommands bool
}

// A ScopeRef is one requested scope and where the manifest names it (1-based).
type ScopeRef struct {
	Name      string
	Line, Col int
}

// A ManifestError says why a manifest cannot be read, and where.
type ManifestError struct {
	Path      string
	Line, Col int // 0 when unknown
	Msg       string
}

func (e *ManifestError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// manifestNames are the files looked for, in this order, in each directory.
var manifestNames = []string{"manifest.yml", "manifest.yaml", "manifest.json"}

// manifestIn is the manifest in dir itself, if any; stop reports that dir holds a go.mod,
// where the search ends.
func manifestIn(dir string) (path string, stop bool) {
	for _, name := range manifestNames {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
	}
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return "", err == nil
}

// manifestCache remembers, for one analyzer, where each package directory's manifest is
// and what it holds: every package of a program finds the same manifest, and parsing it
// once per package cost as much as the rest of the analysis of a small package. A
// manifest that changes on disk (same path, another size or time) is read again; one
// created or deleted while the analyzer runs is not noticed (the go command's runs are
// one analyzer each, under go vet one package each).
type manifestCache struct {
	mu    sync.Mutex
	found map[string]string // package directory: findManifest's answer
	read  map[string]readManifest
}

type readManifest struct {
	size    int64
	modTime time.Time
	man     *Manifest
	err     error
}

// find looks for a manifest in dir and its parents, up to the directory that holds
// go.mod, and returns "" when there is none. It remembers the answer for dir and for the
// directories above it that the search passes through, which a program's packages share.
func (c *manifestCache) find(dir string) string {
	c.mu.Lock()
	p, ok := c.found[dir]
	c.mu.Unlock()
	if ok {
		return p
	}
	p, stop := manifestIn(dir)
	if p == "" && !stop {
		if parent := filepath.Dir(dir); parent != dir {
			p = c.find(parent)
		}
	}
	c.mu.Lock()
	if c.found == nil {
		c.found = map[string]string{}
	}
	c.found[dir] = p
	c.mu.Unlock()
	return p
}

// manifest is ReadManifest(path), remembered while the file's size and time stay the
// same. The Manifest is shared: callers do not change it.
func (c *manifestCache) manifest(path string) (*Manifest, error) {
	st, err := os.Stat(path)
	if err != nil {
		return ReadManifest(path) // says why, in ReadManifest's words
	}
	c.mu.Lock()
	r, ok := c.read[path]
	c.mu.Unlock()
	if ok && r.size == st.Size() && r.modTime.Equal(st.ModTime()) {
		return r.man, r.err
	}
	man, err := ReadManifest(path)
	c.mu.Lock()
	if c.read == nil {
		c.read = map[string]readManifest{}
	}
	c.read[path] = readManifest{st.Size(), st.ModTime(), man, err}
	c.mu.Unlock()
	return man, err
}

// ReadManifest reads and parses the manifest at path.
func ReadManifest(path string) (*Manifest, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, &ManifestError{Path: path, Msg: strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	return ParseManifest(path, content)
}

// yamlLineErr is compiled on first use: every go vet process starts the analyzer, few
// read a broken manifest.
var yamlLineErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// ParseManifest parses a manifest's content; path names it in errors.
func ParseManifest(path string, content []byte) (*Manifest, error) {
	m := &Manifest{Path: path, Content: content}
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		if e := jsonError(path, content); e != nil {
			return nil, e
		}
		msg := err.Error()
		if sub := yamlLineErr().FindStringSubmatch(msg); sub != nil {
			line, _ := strconv.Atoi(sub[1])
			return nil, &ManifestError{Path: path, Line: line, Msg: "not YAML or JSON: " + sub[2]}
		}
		return nil, &ManifestError{Path: path, Msg: "not YAML or JSON: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return nil, &ManifestError{Path: path, Msg: "empty manifest (expected a mapping with oauth_config)"}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &ManifestError{Path: path, Line: top.Line, Col: top.Column, Msg: "expected a mapping with oauth_config at the top"}
	}
	var errs []error
	for _, ev := range []struct {
		key  string
		list *[]ScopeRef
	}{{"bot_events", &m.BotEvents}, {"user_events", &m.UserEvents}} {
		n := lookup(top, "settings", "event_subscriptions", ev.key)
		if n == nil {
			continue
		}
		if n.Kind != yaml.SequenceNode {
			errs = append(errs, &ManifestError{Path: path, Line: n.Line, Col: n.Column, Msg: "settings.event_subscriptions." + ev.key + " must be a list of events"})
			continue
		}
		for _, e := range n.Content {
			if e.Kind == yaml.ScalarNode && e.Value != "" {
				*ev.list = append(*ev.list, ScopeRef{Name: e.Value, Line: e.Line, Col: e.Column})
			}
		}
	}
	if n := lookup(top, "features", "slash_commands"); n != nil && n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
		m.SlashCommands = true
	}
	scopes := lookup(top, "oauth_config", "scopes")
	if scopes == nil {
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		return m, nil
	}
	if scopes.Kind != yaml.MappingNode {
		return nil, &ManifestError{Path: path, Line: scopes.Line, Col: scopes.Column, Msg: "oauth_config.scopes must be a mapping with bot and user lists"}
	}
	m.HasScopes = true
	for i := 0; i+1 < len(scopes.Content); i += 2 {
		k, v := scopes.Content[i], scopes.Content[i+1]
		var list *[]ScopeRef
		switch k.Value {
		case "bot":
			list = &m.Bot
		case "user":
			list = &m.User
		default:
			errs = append(errs, &ManifestError{Path: path, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown key %q in oauth_config.scopes (expected bot or user)", k.Value)})
			continue
		}
		if v.Kind != yaml.SequenceNode {
			errs = append(errs, &ManifestError{Path: path, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("oauth_config.scopes.%s must be a list of scopes", k.Value)})
			continue
		}
		for _, s := range v.Content {
			if s.Kind != yaml.ScalarNode || s.Value == "" {
				errs = append(errs, &ManifestError{Path: path, Line: s.Line, Col: s.Column, Msg: fmt.Sprintf("oauth_config.scopes.%s: expected a scope name", k.Value)})
				continue
			}
			*list = append(*list, ScopeRef{Name: s.Value, Line: s.Line, Col: s.Column})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// lookup follows keys through nested mappings.
func lookup(n *yaml.Node, keys ...string) *yaml.Node {
	for _, key := range keys {
		if n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}

// names lists the scope names of refs.
func names(refs []ScopeRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return out
}

// jsonError is the position and message encoding/json gives for a manifest that looks
// like JSON (a YAML parser's message for it often has no line).
func jsonError(path string, content []byte) *ManifestError {
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
	return &ManifestError{Path: path, Line: line, Col: col, Msg: "not JSON: " + se.Error()}
}
