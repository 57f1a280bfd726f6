package model

import (
	"regexp"
	"time"
)

// sourceDate matches a date in a source: 2025-03-27 (a crawl, a scrape, the day a copy
// was read) or 2026/03/05 (the path of a changelog entry of docs.slack.dev). A month
// alone (changelog/2021-10-rtm-start-to-stop) says too little to count.
var sourceDate = regexp.MustCompile(`(?:^|[^0-9])(\d{4})([-/])(\d{2})[-/](\d{2})(?:[^0-9]|$)`)

// SourceDates are the dates a source string names, as YYYY-MM-DD, in order: each
// YYYY-MM-DD or YYYY/MM/DD that is a real day. A date's separators must agree.
func SourceDates(source string) []string {
	var out []string
	// Scan on from each match's last digit: the character after it, which the match
	// consumed, may begin the next one (2026-05-13/2026-06-22).
	for rest := source; ; {
		loc := sourceDate.FindStringSubmatchIndex(rest)
		if loc == nil {
			return out
		}
		year, sep, month, day := rest[loc[2]:loc[3]], rest[loc[4]:loc[5]], rest[loc[6]:loc[7]], rest[loc[8]:loc[9]]
		if rest[loc[5]+2] == sep[0] {
			d := year + "-" + month + "-" + day
			if _, err := time.Parse(time.DateOnly, d); err == nil {
				out = append(out, d)
			}
		}
		rest = rest[loc[9]:]
	}
}

// newestDate is the newest date of the catalog's sources: of every source field (of
// entries, deprecations, conditions, arguments, rate limits, advisories, triggers) and
// every advisory's date. "" when none names one.
func (c *Catalog) newestDate() string {
	newest := ""
	see := func(dates ...string) {
		for _, d := range dates {
			if d > newest {
				newest = d
			}
		}
	}
	source := func(s string) { see(SourceDates(s)...) }
	deprecation := func(d *Deprecation) {
		if d != nil {
			source(d.Source)
		}
	}
	for _, s := range c.Scopes {
		source(s.Source)
		deprecation(s.Deprecation)
	}
	for _, m := range c.Methods {
		source(m.Source)
		deprecation(m.Deprecation)
		for _, cd := range m.Conditional {
			source(cd.Source)
		}
		for _, a := range m.Arguments {
			source(a.Source)
		}
		if m.RateLimit != nil {
			source(m.RateLimit.Source)
		}
		for _, a := range m.Advisories {
			source(a.Source)
			if _, err := time.Parse(time.DateOnly, a.Date); err == nil {
				see(a.Date)
			}
		}
	}
	for _, e := range c.Events {
		source(e.Source)
	}
	for _, f := range c.Features {
		source(f.Source)
		for _, t := range f.Triggers {
			source(t.Source)
		}
	}
	for _, r := range c.Rules {
		source(r.Source)
	}
	for _, a := range c.Authorize {
		source(a.Source)
	}
	for _, o := range c.OAuth2Endpoints {
		source(o.Source)
	}
	return newest
}
