package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/manifest"
)

// readLive reads the live app's manifest from a file holding what apps.manifest.export
// returns ({"ok":true,"manifest":{...}}), or the manifest object alone.
func readLive(path string) (*manifest.Manifest, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	obj, err := exportedManifest(content)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return manifest.Parse(path, obj)
}

// exportedManifest is the manifest object of an apps.manifest.export response (one with
// "ok"), or content itself when it is the object alone, encoded again: Slack writes "/"
// as "\/" in its JSON, an escape YAML, and so the manifest parser, does not know.
func exportedManifest(content []byte) ([]byte, error) {
	if t := bytes.TrimSpace(content); len(t) == 0 || t[0] != '{' {
		return nil, errors.New("expected a JSON object: what apps.manifest.export returns, or the manifest alone")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(content, &top); err != nil {
		return nil, fmt.Errorf("not the JSON apps.manifest.export returns: %v", err)
	}
	raw := json.RawMessage(content)
	if _, ok := top["ok"]; ok {
		var resp struct {
			OK    bool   `json:"ok"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal(content, &resp); err != nil {
			return nil, fmt.Errorf("not the JSON apps.manifest.export returns: %v", err)
		}
		if !resp.OK {
			return nil, fmt.Errorf("the export failed (%s): export the manifest again with an app configuration token that can read the app", resp.Error)
		}
		if raw = top["manifest"]; raw == nil {
			return nil, errors.New(`the response has no "manifest": expected what apps.manifest.export returns`)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	if _, ok := m.(map[string]any); !ok {
		return nil, errors.New("the manifest is not a JSON object")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readGrant reads the scopes an installed token has, from a file holding the headers of
// a response to it (auth.test's, as curl -D - writes them: the x-oauth-scopes header is
// read) or a plain list of scopes, separated by commas or white space.
func readGrant(path string) (map[string]bool, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := string(content)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s is empty: expected the headers of an auth.test response (curl -D -) or a list of scopes", path)
	}
	list, headers := oauthScopesHeader(text)
	if headers && list == nil {
		return nil, fmt.Errorf("%s: the headers have no x-oauth-scopes: save those of an auth.test response made with the token (curl -D -)", path)
	}
	if !headers {
		list = &text
	}
	scopes, err := catalog.ParseScopes(*list)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	granted := map[string]bool{}
	for _, s := range scopes {
		granted[s] = true
	}
	return granted, nil
}

var (
	// httpHeader is a header line as curl -D - writes it: a field name, a colon, white
	// space. (A scope has a colon too, but no space after it: chat:write.)
	httpHeader = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9-]+:[ \t]`) })
	// oauthScopes is the x-oauth-scopes header, in any case, empty or not.
	oauthScopes = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^x-oauth-scopes[ \t]*:[ \t]*(.*?)[ \t]*$`) })
)

// oauthScopesHeader is the value of text's last x-oauth-scopes header (nil when it has
// none), and whether text is a header dump at all (it has a status line or a header).
func oauthScopesHeader(text string) (value *string, headers bool) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if m := oauthScopes().FindStringSubmatch(line); m != nil {
			value, headers = &m[1], true
			continue
		}
		if strings.HasPrefix(line, "HTTP/") || httpHeader().MatchString(line) {
			headers = true
		}
	}
	return value, headers
}
