package manifest

import (
	"bytes"
	"strings"
)

// A Directive is a "# slackscope:ignore <check> <reason>" comment in a manifest. A
// directive at the end of a line covers that line; one on a line of its own covers the
// next line. Which checks exist is the analyzer's business: Check is the word written.
type Directive struct {
	Line, Col int // of the '#'
	Check     string
	Reason    string
	OwnLine   bool // nothing but the comment on its line
}

// DirectivePrefix starts a directive in a manifest.
const DirectivePrefix = "# slackscope:ignore"

// directives finds the directives of content, line by line. A '#' starts a comment at
// the start of a line or after white space (YAML's rule), so a '#' inside a scalar such
// as "a#b" starts none.
func directives(content []byte) []Directive {
	if !bytes.Contains(content, []byte(DirectivePrefix[2:])) {
		return nil
	}
	var out []Directive
	for i, line := range strings.Split(string(content), "\n") {
		j := commentStart(line)
		if j < 0 || !strings.HasPrefix(line[j:], DirectivePrefix) {
			continue
		}
		rest := line[j+len(DirectivePrefix):]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue // "# slackscope:ignored" is not a directive
		}
		fields := strings.Fields(rest)
		d := Directive{Line: i + 1, Col: j + 1, OwnLine: strings.TrimSpace(line[:j]) == ""}
		if len(fields) > 0 {
			d.Check = fields[0]
			d.Reason = strings.Join(fields[1:], " ")
		}
		out = append(out, d)
	}
	return out
}

// commentStart is the offset of the '#' that starts a comment in line, or -1. Quoted
// scalars are skipped so that a '#' inside quotes starts none.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == '[' || line[i-1] == ',' || line[i-1] == ':' {
				quote = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}
