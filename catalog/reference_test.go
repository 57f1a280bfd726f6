package catalog

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// referenceDir is the reference dataset the catalog was built from, beside the checkout
// (../shared/reference) or named by SLACKSCOPE_REFERENCE.
func referenceDir(t *testing.T) string {
	dir := os.Getenv("SLACKSCOPE_REFERENCE")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "reference")
	}
	if _, err := os.Stat(filepath.Join(dir, "methods.tsv")); err != nil {
		t.Skipf("reference dataset not found at %s (set SLACKSCOPE_REFERENCE): %v", dir, err)
	}
	return dir
}

// column reads one column of a reference TSV (no quoting, header row).
func column(t *testing.T, dir, file, name string) []string {
	f, err := os.Open(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == name {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s has no column %q", file, name)
	}
	var out []string
	for _, row := range rows[1:] {
		out = append(out, strings.TrimSpace(row[col]))
	}
	return out
}

func TestCatalogCoversReference(t *testing.T) {
	dir := referenceDir(t)
	methodNames := column(t, dir, "methods.tsv", "method")
	statuses := column(t, dir, "methods.tsv", "status")
	current := 0
	for i, name := range methodNames {
		m, ok := LookupMethod(name)
		if !ok {
			t.Errorf("method %s of methods.tsv is not in the catalog", name)
			continue
		}
		if statuses[i] == "current" {
			current++
		} else if m.Status == Current {
			t.Errorf("method %s is %s in methods.tsv but current in the catalog", name, statuses[i])
		}
	}
	// Methods beyond the reference are there because the pinned slack-go calls them
	// (catalog/bindings): newer than the reference, each with its own source.
	for m := range Methods() {
		if !slices.Contains(methodNames, m.Name) && BindingsFor(m.Name) == nil {
			t.Errorf("method %s is neither in methods.tsv nor called by a binding", m.Name)
		}
	}
	if current != 322 {
		t.Errorf("methods.tsv lists %d current methods; the catalog was built for 322", current)
	}
	scopeNames := append(column(t, dir, "scopes.tsv", "scope"), column(t, dir, "legacy_scopes.tsv", "scope")...)
	for _, name := range scopeNames {
		if _, ok := LookupScope(name); !ok {
			t.Errorf("scope %s of the reference is not in the catalog", name)
		}
	}
	// Scopes beyond the reference are there because a method beyond it needs them.
	for sc := range Scopes() {
		if !slices.Contains(scopeNames, sc.Name) && len(MethodsFor(sc.Name)) == 0 {
			t.Errorf("scope %s is neither in the reference nor needed by a method", sc.Name)
		}
	}
	eventNames := column(t, dir, "events.tsv", "event")
	for _, name := range eventNames {
		if _, ok := LookupEvent(name); !ok {
			t.Errorf("event %s of events.tsv is not in the catalog", name)
		}
	}
	if n := len(slices.Collect(Events())); n != len(eventNames) {
		t.Errorf("catalog has %d events, events.tsv %d", n, len(eventNames))
	}
}

// The any-of methods of the reference must be single clauses of alternatives, never
// all-of lists (which would make users grant four scopes where one does).
func TestAnyOfMethodsAreClauses(t *testing.T) {
	dir := referenceDir(t)
	names := column(t, dir, "methods.tsv", "method")
	anyOf := column(t, dir, "methods.tsv", "any_of")
	for i, name := range names {
		if anyOf[i] != "yes" {
			continue
		}
		m, _ := LookupMethod(name)
		for _, tok := range []TokenType{Bot, User} {
			r := m.Requirement(tok)
			if r.Kind != Accepted {
				continue
			}
			if len(r.Clauses) != 1 || len(r.Clauses[0]) < 2 {
				t.Errorf("%s %v: clauses %v, want one clause of alternatives", name, tok, r.Clauses)
			}
		}
	}
}
