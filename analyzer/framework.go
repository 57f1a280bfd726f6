package analyzer

// Events a dependency handles.
//
// A bot framework (a dependency module that runs the event loop and calls the app's
// callbacks) handles every event it knows, and an app built on it subscribes to a few:
// the framework's handling is a capability, not the app's need, so its events count
// neither as handled by the app nor as needing a subscription. But when the manifest
// subscribes to an event the framework handles, the app may well receive it through the
// framework's own callback types (func(user, emoji string)), where its code names no
// event: such a subscription is not reported as unhandled, and the scopes it needs are
// not reported unused. What a dependency handles is what its type switches, assertions
// and comparisons show, not a function of it that takes an event's type (a helper is no
// event loop). Client packages (slack-go's own dispatch) do not count.

import (
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/internal/appcode"
)

// frameworkFact is a package fact: the events and features the code of dependency
// packages other than clients handles, the package's own (outside the main module) and
// those of every package it imports. Under go vet only direct imports' facts are
// visible, so it is transitive.
type frameworkFact struct {
	Events   []string `json:",omitempty"` // sorted
	Features []string `json:",omitempty"` // sorted
}

// AFact marks frameworkFact as an analysis fact.
func (*frameworkFact) AFact() {}

func (f *frameworkFact) String() string {
	return "framework handles events " + strings.Join(f.Events, " ") + "; features " + strings.Join(f.Features, " ")
}

// GobEncode encodes the fact as JSON, as UsesFact's does.
func (f *frameworkFact) GobEncode() ([]byte, error) {
	type plain frameworkFact
	return json.Marshal((*plain)(f))
}

// GobDecode decodes what GobEncode wrote.
func (f *frameworkFact) GobDecode(data []byte) error {
	type plain frameworkFact
	return json.Unmarshal(data, (*plain)(f))
}

func (f *frameworkFact) add(g *frameworkFact) {
	f.Events = append(f.Events, g.Events...)
	f.Features = append(f.Features, g.Features...)
}

func (f *frameworkFact) empty() bool { return len(f.Events)+len(f.Features) == 0 }

// frameworkHandled is what the dependencies the package imports handle, with what the
// package handles itself when it is a dependency; it exports the answer. A client
// package exports nothing: its dispatch tables are not a framework's handlers.
func frameworkHandled(pass *analysis.Pass) *frameworkFact {
	f := new(frameworkFact)
	if appcode.ClientPackage(pass.Pkg) {
		return f
	}
	for _, imp := range pass.Pkg.Imports() {
		var g frameworkFact
		if pass.ImportPackageFact(imp, &g) {
			f.add(&g)
		}
	}
	if !appcode.InMainModule(pass) && slices.ContainsFunc(pass.Pkg.Imports(), appcode.ClientPackage) {
		// Only a package that imports a client can name an event's type or constant.
		for _, h := range findHandled(pass, false) {
			if h.feature {
				f.Features = append(f.Features, h.name)
			} else {
				f.Events = append(f.Events, h.name)
			}
		}
	}
	slices.Sort(f.Events)
	slices.Sort(f.Features)
	f.Events, f.Features = slices.Compact(f.Events), slices.Compact(f.Features)
	if !f.empty() {
		pass.ExportPackageFact(f)
	}
	return f
}
