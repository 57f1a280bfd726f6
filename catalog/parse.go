package catalog

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// ParseError is a scope list ParseScopes could not read.
type ParseError struct {
	Offset int // byte offset in the input
	Msg    string
}

func (e *ParseError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// isSep reports whether c separates scopes in a pasted list: white space, commas, '+'
// (a URL-encoded space), and the brackets and quotes of a JSON or YAML list.
func isSep(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', '+', '[', ']', '"', '\'':
		return true
	}
	return false
}

// isScopeByte reports whether c may appear in a scope name.
func isScopeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '.' || c == '_' || c == '-'
}

// ParseScopes reads a scope list the way people paste it: separated by spaces, commas or
// both ("chat:write, users:read"), URL-encoded ("team%3Aread+users%3Aread"), or as a JSON
// or YAML flow list (["chat:write", "users:read"]). Empty items are dropped and duplicates
// kept once, in order of first appearance. It does not check that the scopes exist (see
// Validate). An error is a *ParseError giving the byte offset of the first bad byte:
// invalid UTF-8, a broken %-escape, or a character no scope name has.
func ParseScopes(s string) ([]string, error) {
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, &ParseError{i, fmt.Sprintf("invalid UTF-8 byte %#x", s[i])}
			}
			i += n
		}
	}
	var out []string
	seen := map[string]bool{}
	// add appends item, found at byte off of s; a %-decoded item's errors point at its
	// start, since its bytes are not those of s.
	add := func(item string, off int, decoded bool) error {
		for j := 0; j < len(item); j++ {
			if !isScopeByte(item[j]) {
				r, _ := utf8.DecodeRuneInString(item[j:])
				at := off + j
				if decoded {
					at = off
				}
				return &ParseError{at, fmt.Sprintf("character %q cannot appear in a scope name (in %q)", r, item)}
			}
		}
		if !seen[item] {
			seen[item] = true
			out = append(out, item)
		}
		return nil
	}
	for i := 0; i < len(s); {
		if isSep(s[i]) {
			i++
			continue
		}
		start := i
		for i < len(s) && !isSep(s[i]) {
			i++
		}
		item := s[start:i]
		if !strings.Contains(item, "%") {
			if err := add(item, start, false); err != nil {
				return nil, err
			}
			continue
		}
		dec, err := url.PathUnescape(item)
		if err != nil {
			at := start + strings.Index(item, "%")
			if ee, ok := err.(url.EscapeError); ok {
				if k := strings.Index(item, string(ee)); k >= 0 {
					at = start + k
				}
			}
			return nil, &ParseError{at, fmt.Sprintf("invalid %%-escape in %q", item)}
		}
		// A decoded item may hold separators of its own ("chat%3Awrite%2Cusers%3Aread").
		for j := 0; j < len(dec); {
			if isSep(dec[j]) {
				j++
				continue
			}
			k := j
			for j < len(dec) && !isSep(dec[j]) {
				j++
			}
			if err := add(dec[k:j], start, true); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
