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
	err := split(s, func(item string, start int) error {
		if !strings.Contains(item, "%") {
			return add(item, start, false)
		}
		dec, err := url.PathUnescape(item)
		if err != nil {
			at := start + strings.Index(item, "%")
			if ee, ok := err.(url.EscapeError); ok {
				if k := strings.Index(item, string(ee)); k >= 0 {
					at = start + k
				}
			}
			return &ParseError{at, fmt.Sprintf("invalid %%-escape in %q", item)}
		}
		// A decoded item may hold separators of its own ("chat%3Awrite%2Cusers%3Aread").
		return split(dec, func(sub string, _ int) error { return add(sub, start, true) })
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// split calls fn with each run of non-separator bytes of s and its byte offset, stopping
// at the first error.
func split(s string, fn func(item string, off int) error) error {
	for i := 0; i < len(s); {
		if isSep(s[i]) {
			i++
			continue
		}
		start := i
		for i < len(s) && !isSep(s[i]) {
			i++
		}
		if err := fn(s[start:i], start); err != nil {
			return err
		}
	}
	return nil
}
