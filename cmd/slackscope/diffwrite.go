package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// writeDiff writes the diff in the format: text, json or markdown.
func writeDiff(w io.Writer, d *scopeDiff, format string) error {
	var b bytes.Buffer
	switch format {
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return err
		}
	case "markdown":
		b.WriteString(diffMarkdown(d))
	default:
		if err := writeDiffText(&b, d); err != nil {
			return err
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// writeDiffText writes, per program, the scopes and subscriptions added (+, positions
// in the working tree) and removed (-, positions at the base), then per manifest the
// requests; a line when nothing changed.
func writeDiffText(w io.Writer, d *scopeDiff) error {
	if d.empty() {
		_, err := fmt.Fprintf(w, "no change: the scopes the code needs, the subscriptions its handlers need and the scopes the manifests request are those of %s\n", d.Base)
		return err
	}
	at := " at " + d.Base
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, p := range d.Programs {
		name := p.Package + statusSuffix(p.Status)
		if len(p.Added)+len(p.Removed) > 0 {
			fmt.Fprintf(tw, "%s: the scopes its code needs\n", name)
			for _, c := range p.Added {
				fmt.Fprintf(tw, "  + %s\t%s token\t%s\t%s\n", c.what(), c.Token, c.neededBy(""), c.Position)
			}
			for _, c := range p.Removed {
				fmt.Fprintf(tw, "  - %s\t%s token\t%s\t%s\n", c.what(), c.Token, c.neededBy(""), c.Position+at)
			}
		}
		if len(p.SubscriptionsAdded)+len(p.SubscriptionsRemoved) > 0 {
			fmt.Fprintf(tw, "%s: the events its handlers need a subscription to\n", name)
			for _, e := range p.SubscriptionsAdded {
				fmt.Fprintf(tw, "  + %s\t%s\n", e.Event, e.Position)
			}
			for _, e := range p.SubscriptionsRemoved {
				fmt.Fprintf(tw, "  - %s\t%s\n", e.Event, e.Position+at)
			}
		}
	}
	for _, m := range d.Manifests {
		fmt.Fprintf(tw, "%s: the scopes it requests\n", m.Path)
		for _, c := range m.Added {
			fmt.Fprintf(tw, "  + %s\t%s token\t%s\n", c.Scope, c.List, c.Position)
		}
		for _, c := range m.Removed {
			fmt.Fprintf(tw, "  - %s\t%s token\t%s\n", c.Scope, c.List, c.Position+at)
		}
	}
	return tw.Flush()
}

// statusSuffix marks a program only one tree has.
func statusSuffix(status string) string {
	if status == "" {
		return ""
	}
	return " (" + status + ")"
}

// what is the scope, or the choice of scopes.
func (c scopeChange) what() string {
	if c.Scope != "" {
		return c.Scope
	}
	return "one of " + strings.Join(c.AnyOf, ", ")
}

// neededBy lists the methods and events that need the scope, each between quote (a
// backtick for markdown, or nothing); an event says it is one.
func (c scopeChange) neededBy(quote string) string {
	var names []string
	for _, m := range c.Methods {
		names = append(names, quote+m+quote)
	}
	for _, e := range c.Events {
		names = append(names, quote+e+quote+" (event)")
	}
	return strings.Join(names, ", ")
}

// diffMarkdown is the diff as a pull-request comment: a heading, the revision compared
// with, per program a table of the scopes added and removed (token type, what needs
// each, its file:line) and the subscriptions, per manifest a table of its requests; a
// line when nothing changed.
func diffMarkdown(d *scopeDiff) string {
	paras := []string{"### Slack scopes: what this change adds",
		fmt.Sprintf("Compared with `%s` (`%s`) by `slackscope diff`.", d.Base, shortCommit(d.BaseCommit))}
	if d.Partial {
		paras = append(paras, "> **Partial:** packages or a manifest did not load (the log says which): what they need or request is not counted.")
	}
	if d.empty() {
		paras = append(paras, "No change to the scopes the code needs, the subscriptions its handlers need or the scopes the manifests request.")
	}
	for _, p := range d.Programs {
		paras = append(paras, fmt.Sprintf("#### `%s`%s", p.Package, statusSuffix(p.Status)))
		if len(p.Added)+len(p.Removed) > 0 {
			rows := []string{"| Change | Scope | Token | Needed by | Where |", "| --- | --- | --- | --- | --- |"}
			for _, c := range p.Added {
				rows = append(rows, fmt.Sprintf("| **added** | `%s` | %s | %s | `%s` |", c.what(), c.Token, c.neededBy("`"), fileLine(c.Position)))
			}
			for _, c := range p.Removed {
				rows = append(rows, fmt.Sprintf("| removed | `%s` | %s | %s | `%s` (base) |", c.what(), c.Token, c.neededBy("`"), fileLine(c.Position)))
			}
			paras = append(paras, strings.Join(rows, "\n"))
		}
		if subs := subscriptionItems(p); subs != "" {
			paras = append(paras, "Subscriptions its handlers need:\n\n"+subs)
		}
	}
	for _, m := range d.Manifests {
		rows := []string{fmt.Sprintf("#### `%s` requests", m.Path), "", "| Change | Scope | Token | Where |", "| --- | --- | --- | --- |"}
		for _, c := range m.Added {
			rows = append(rows, fmt.Sprintf("| **added** | `%s` | %s | `%s` |", c.Scope, c.List, fileLine(c.Position)))
		}
		for _, c := range m.Removed {
			rows = append(rows, fmt.Sprintf("| removed | `%s` | %s | `%s` (base) |", c.Scope, c.List, fileLine(c.Position)))
		}
		paras = append(paras, strings.Join(rows, "\n"))
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// subscriptionItems is the markdown list of the subscriptions a program's change adds
// and removes.
func subscriptionItems(p programDiff) string {
	var items []string
	for _, e := range p.SubscriptionsAdded {
		items = append(items, fmt.Sprintf("- **added** `%s`, handled at `%s`", e.Event, fileLine(e.Position)))
	}
	for _, e := range p.SubscriptionsRemoved {
		items = append(items, fmt.Sprintf("- removed `%s`, handled at `%s` (base)", e.Event, fileLine(e.Position)))
	}
	return strings.Join(items, "\n")
}

// fileLine is a file:line:col position without its column.
func fileLine(posn string) string {
	if i := strings.LastIndex(posn, ":"); i >= 0 && strings.Count(posn, ":") >= 2 {
		return posn[:i]
	}
	return posn
}
