package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/policy"
)

// The justification report (scopes -format markdown): for each scope of each program,
// its token type, what Slack says it allows, what needs it with links to the call sites
// (relative to the repository, as a pull request or a review document shows them), the
// justification the module's policy gives (.slackscope.yml), and notes: a deprecated
// scope, a user scope (each user grants it), Slack's advisories for the methods. Ready
// to paste into a Marketplace submission or a security review.

// markdownProgram is what the report needs of one program besides its scopes.
type markdownProgram struct {
	scopes programScopes
	policy *policy.Policy // nil: the module has none
	link   func(position string) string
}

// writeScopesMarkdown writes the report of every program of the run.
func writeScopesMarkdown(w io.Writer, run *analysisRun, progs []programScopes) error {
	wd, _ := os.Getwd()
	paths := newRepoPaths(run)
	roots := programRoots(run)
	for i, p := range progs {
		pol, err := policy.Find(moduleDirOf(roots[i]))
		if err != nil {
			return err
		}
		pkg := roots[i].pkg.PkgPath
		link := func(posn string) string {
			file, line, _ := splitPosn(posn)
			if !filepath.IsAbs(file) {
				file = filepath.Join(wd, file)
			}
			uri := paths.uri(file, pkg)
			return fmt.Sprintf("[%s:%s](%s#L%s)", uri, line, uri, line)
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeMarkdownProgram(w, markdownProgram{scopes: p, policy: pol, link: link})
	}
	return nil
}

// moduleDirOf is the root of the module of a program's package ("" outside one).
func moduleDirOf(r rootResult) string {
	if r.pkg.Module != nil {
		return r.pkg.Module.Dir
	}
	return ""
}

func writeMarkdownProgram(w io.Writer, mp markdownProgram) {
	p := mp.scopes
	fmt.Fprintf(w, "## Slack scopes of `%s`\n\n", p.Package)
	if len(p.Tokens) == 0 {
		fmt.Fprintln(w, "The program makes no Slack Web API call that needs a scope.")
	}
	for _, t := range p.Tokens {
		fmt.Fprintf(w, "### %s token\n\n", t.Token)
		fmt.Fprintln(w, "| scope | what it allows | needed by | justification | notes |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		for _, s := range t.Scopes {
			fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s |\n", s.Scope, cell(scopeDescription(s.Scope)),
				neededBy(s.Methods, s.Events, s.Position, mp.link), justification(mp.policy, s.Scope), cell(scopeNotes(s.Scope, t.Token, s.Methods, p.Advisories)))
		}
		for _, c := range t.Choices {
			names := make([]string, len(c.AnyOf))
			for i, s := range c.AnyOf {
				names[i] = "`" + s + "`"
			}
			notes := "the app's author picks the one for the conversations it touches"
			if n := scopeNotes("", t.Token, c.Methods, p.Advisories); n != "—" {
				notes += "; " + n
			}
			fmt.Fprintf(w, "| one of %s | the conversation types the call reads | %s | %s | %s |\n",
				strings.Join(names, ", "), neededBy(c.Methods, c.Events, c.Position, mp.link), choiceJustification(mp.policy, c.AnyOf), cell(notes))
		}
		for _, u := range t.Unsupported {
			fmt.Fprintf(w, "| — | — | %s | — | no token the program holds can make this call |\n", cell(u))
		}
		fmt.Fprintln(w)
	}
	if len(p.Unresolved) > 0 {
		fmt.Fprintln(w, "Calls slackscope could not resolve (what they need is not in the tables above):")
		fmt.Fprintln(w)
		for _, u := range p.Unresolved {
			fmt.Fprintf(w, "- %s `%s`: %s\n", mp.link(u.Position), u.Callee, u.Why)
		}
		fmt.Fprintln(w)
	}
	if p.Partial {
		fmt.Fprintln(w, "Packages of the run did not load: what they call is not in the tables above.")
		fmt.Fprintln(w)
	}
}

// neededBy says what needs a scope: the methods (at one call site) or, when only handled
// events need it, the events and that the app must subscribe to them.
func neededBy(methods, events []string, position string, link func(string) string) string {
	at := link(position)
	if len(methods) == 0 {
		return fmt.Sprintf("the events %s, if the app subscribes to them (%s)", codeList(events), at)
	}
	return fmt.Sprintf("%s (%s)", codeList(methods), at)
}

// justification is the policy's text for scope, or what is missing.
func justification(p *policy.Policy, scope string) string {
	if p == nil {
		return "—"
	}
	if j, ok := p.Justifications[scope]; ok {
		return cell(j.Text)
	}
	if r, ok := p.Forbids(scope); ok {
		return fmt.Sprintf("**forbidden** by the policy (never: `%s`)", r.Pattern)
	}
	if r, ok := p.Unjustified(scope); ok {
		return fmt.Sprintf("**missing**: the policy asks for one (justify: `%s`)", r.Pattern)
	}
	return "—"
}

// choiceJustification is the justification of the first alternative that has one.
func choiceJustification(p *policy.Policy, anyOf []string) string {
	if p != nil {
		for _, s := range anyOf {
			if j, ok := p.Justifications[s]; ok {
				return fmt.Sprintf("`%s`: %s", s, cell(j.Text))
			}
		}
	}
	return "—"
}

func scopeDescription(scope string) string {
	if sc, ok := catalog.LookupScope(scope); ok && sc.Description != "" {
		return sc.Description
	}
	return "—"
}

// scopeNotes are what a reviewer should know of a scope: deprecated, granted by each
// user, the advisories of the methods that need it.
func scopeNotes(scope, token string, methods []string, advisories []advisory) string {
	var notes []string
	if sc, ok := catalog.LookupScope(scope); ok && sc.Status != catalog.Current {
		notes = append(notes, fmt.Sprintf("%s scope", sc.Status))
	}
	if token == "user" {
		notes = append(notes, "a user scope: each user who installs the app grants it")
	}
	for _, a := range advisories {
		for _, m := range methods {
			if a.Method == m {
				notes = append(notes, fmt.Sprintf("Slack's notice for %s (%s): %s", m, a.Date, a.Note))
			}
		}
	}
	if len(notes) == 0 {
		return "—"
	}
	return strings.Join(notes, "; ")
}

func codeList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return strings.Join(q, ", ")
}

// cell makes text safe in a table cell: no line breaks, no column separators.
func cell(text string) string {
	return strings.NewReplacer("\n", " ", "|", `\|`).Replace(text)
}
