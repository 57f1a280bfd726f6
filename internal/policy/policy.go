// Package policy reads a module's scope policy, .slackscope.yml at the module root: the
// scopes the app must never request, the scopes that need a written justification, and
// the justifications, which security reviewers and Slack's Marketplace review ask for:
//
//	never:                 # never requested (a * matches any text)
//	  - admin.*
//	  - client
//	justify:               # requested only with a justification below
//	  - users:read.email
//	  - "*:history"
//	justifications:
//	  users:read.email: Standup answers are exported with each author's email for HR.
//
// The analyzer reports a requested scope the policy forbids (policy-violation) and one
// that needs a justification it lacks (unjustified-scope); scopes -format markdown quotes
// the justifications.
package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// FileName is the policy's file, at the module root.
const FileName = ".slackscope.yml"

// A Policy is one module's .slackscope.yml.
type Policy struct {
	Path           string
	Never          []Rule
	Justify        []Rule
	Justifications map[string]Justification // by scope
}

// A Rule is one pattern of never or justify, and where it is written.
type Rule struct {
	Pattern   string
	Line, Col int
}

// A Justification is the text that says why the app needs a scope.
type Justification struct {
	Text      string
	Line, Col int
}

// Where is the rule's place in the policy file, for messages: ".slackscope.yml:3:5".
func (p *Policy) Where(r Rule) string {
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Path), r.Line, r.Col)
}

// Forbids returns the first never rule that matches scope; a nil policy forbids nothing.
func (p *Policy) Forbids(scope string) (Rule, bool) {
	if p == nil {
		return Rule{}, false
	}
	return match(p.Never, scope)
}

// Unjustified returns the first justify rule that matches scope when the policy gives no
// justification for it.
func (p *Policy) Unjustified(scope string) (Rule, bool) {
	if _, ok := p.Justifications[scope]; ok {
		return Rule{}, false
	}
	return match(p.Justify, scope)
}

func match(rules []Rule, scope string) (Rule, bool) {
	for _, r := range rules {
		if ok, _ := path.Match(r.Pattern, scope); ok {
			return r, true
		}
	}
	return Rule{}, false
}

// Find reads the policy of the module whose root is dir: nil when it has none.
func Find(dir string) (*Policy, error) {
	if dir == "" {
		return nil, nil
	}
	name := filepath.Join(dir, FileName)
	content, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(name, content)
}

// Parse parses a policy file's content; name names it in errors, which say
// file:line:col: what is wrong (what was expected).
func Parse(name string, content []byte) (*Policy, error) {
	p := &Policy{Path: name, Justifications: map[string]Justification{}}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(content)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return p, nil // an empty file is an empty policy
		}
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return p, nil // "---" alone: an empty policy
	}
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d:%d: expected a mapping (never, justify, justifications)", name, top.Line, top.Column)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		if seen[key.Value] {
			// YAML would keep the last: a second never list must not quietly drop the first.
			return nil, fmt.Errorf("%s:%d:%d: %s given twice (one list of each)", name, key.Line, key.Column, key.Value)
		}
		seen[key.Value] = true
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			continue // "never:" with nothing after it: an empty list
		}
		var err error
		switch key.Value {
		case "never":
			p.Never, err = rules(name, val)
		case "justify":
			p.Justify, err = rules(name, val)
		case "justifications":
			err = p.justifications(val)
		default:
			err = fmt.Errorf("%s:%d:%d: unknown key %q (expected never, justify or justifications)", name, key.Line, key.Column, key.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// rules reads a list of scope patterns.
func rules(name string, n *yaml.Node) ([]Rule, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d:%d: expected a list of scopes", name, n.Line, n.Column)
	}
	var out []Rule
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Value == "" {
			return nil, fmt.Errorf("%s:%d:%d: expected a scope or a pattern (admin.*)", name, item.Line, item.Column)
		}
		if _, err := path.Match(item.Value, ""); err != nil {
			return nil, fmt.Errorf("%s:%d:%d: bad pattern %q: %v", name, item.Line, item.Column, item.Value, err)
		}
		out = append(out, Rule{Pattern: item.Value, Line: item.Line, Col: item.Column})
	}
	return out, nil
}

// justifications reads the mapping of scopes to their justifications.
func (p *Policy) justifications(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d:%d: expected a mapping of scopes to why the app needs each", p.Path, n.Line, n.Column)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if _, twice := p.Justifications[key.Value]; twice {
			return fmt.Errorf("%s:%d:%d: a second justification of %s", p.Path, key.Line, key.Column, key.Value)
		}
		if val.Kind != yaml.ScalarNode || strings.TrimSpace(val.Value) == "" {
			return fmt.Errorf("%s:%d:%d: expected the text that says why the app needs %s", p.Path, val.Line, val.Column, key.Value)
		}
		p.Justifications[key.Value] = Justification{Text: strings.TrimSpace(val.Value), Line: key.Line, Col: key.Column}
	}
	return nil
}

// Scopes lists the scopes the policy justifies, sorted.
func (p *Policy) Scopes() []string {
	var out []string
	for s := range p.Justifications {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
