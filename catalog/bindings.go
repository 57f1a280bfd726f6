package catalog

import (
	"path"
	"strings"
)

// BindingModule is a Go client module whose bindings the catalog holds.
type BindingModule struct {
	Path, Version string
	Packages      []string // the packages derived
}

// A Binding is what one exported function or method of a Go Slack client calls, as the
// generator derived it from the client's source (catalog/bindings/*.yaml).
type Binding struct {
	// Func is the full Go name: "(*github.com/slack-go/slack.Client).PostMessageContext".
	Func string
	// Methods are the Web API methods the function calls (with no options passed).
	Methods []string
	// Targets are its requests to URLs outside the Web API.
	Targets []BindingTarget
	// Open are its requests the derivation could not resolve, each with the reason.
	Open []string
	// Options names the field that options passed to the function can change the URL in;
	// an option whose Option.Field is the same replaces Methods.
	Options string
	// Args are the Web API arguments the function sets from its parameters.
	Args []BindingArg
	// Option is set for option functions (MsgOptionUpdate, MsgOptionUsername).
	Option *BindingOption
}

// A BindingTarget is a request to a URL that is not a Web API method. Kind is one of
// incoming_webhook, response_url, caller_url, response_field and url; Detail names the
// parameter, the field or the URL.
type BindingTarget struct {
	Kind, Detail string
}

// A BindingArg is a Web API argument set from a parameter: Name "types" From "params.Types".
type BindingArg struct {
	Name, From string
}

// A BindingOption is the effect of an option function on the request it is passed to.
type BindingOption struct {
	// Field is the field the option sets the URL in (see Binding.Options); empty when it
	// does not change the URL.
	Field   string
	Methods []string // the Web API methods it selects
	Targets []BindingTarget
	Open    []string
	Args    []string // the Web API arguments it sets
}

type methodBindings struct {
	method string
	funcs  []uint16
}

// BindingModules lists the client modules the bindings were derived from, with their
// versions (github.com/slack-go/slack at the version slackscope's go.mod pins).
func BindingModules() []BindingModule { return bindingModules[:] }

func bindingFunc(b *Binding) string          { return b.Func }
func bindingMethod(m *methodBindings) string { return m.method }

// LookupBinding returns the binding of a function by its full Go name, as
// types.Func.FullName writes it. It does not allocate.
func LookupBinding(goFunc string) (Binding, bool) {
	if i := find(bindings[:], goFunc, bindingFunc); i >= 0 {
		return bindings[i], true
	}
	return Binding{}, false
}

// BindingsFor lists the functions that call the Web API method and the options that make
// a request function call it ("chat.update": UpdateMessage, MsgOptionUpdate, ...), sorted
// by Func.
func BindingsFor(method string) []Binding {
	i := find(bindingsByMethod[:], method, bindingMethod)
	if i < 0 {
		return nil
	}
	out := make([]Binding, len(bindingsByMethod[i].funcs))
	for j, k := range bindingsByMethod[i].funcs {
		out[j] = bindings[k]
	}
	return out
}

// ResolveBinding finds the slack-go functions a name denotes, however it is written: the
// full name ("(*github.com/slack-go/slack.Client).PostMessage"), as slackscope's
// messages print it ("(*slack.Client).PostMessage", "(*socketmode.Client).Run"), with
// the receiver but no package ("(*Client).PostMessage", "Client.PostMessage"), bare
// ("PostMessage", "PostWebhook"), and in any case when no name matches in its own
// ("postmessage"). A bare name can denote several functions (Run, of each client type);
// they come sorted by Func. Nil when none matches.
func ResolveBinding(name string) []Binding {
	if b, ok := LookupBinding(name); ok {
		return []Binding{b}
	}
	q := parseGoName(name)
	if len(q.parts) == 0 {
		return nil
	}
	for _, eq := range []func(a, b string) bool{
		func(a, b string) bool { return a == b },
		strings.EqualFold,
	} {
		var out []Binding
		for i := range bindings {
			if q.denotes(parseGoName(bindings[i].Func), eq) {
				out = append(out, bindings[i])
			}
		}
		if out != nil {
			return out
		}
	}
	return nil
}

// A goName is a Go function's name in parts: the package (a path or a package name, as
// written), the receiver type when it is a method, and the name.
type goName struct {
	parts []string
}

// parseGoName splits "(*github.com/slack-go/slack.Client).PostMessage" into
// [github.com/slack-go/slack Client PostMessage], and "Client.PostMessage" into [Client
// PostMessage]: parentheses and the pointer star do not matter.
func parseGoName(s string) goName {
	s = strings.NewReplacer("(", "", ")", "", "*", "").Replace(strings.TrimSpace(s))
	dir := ""
	if i := strings.LastIndex(s, "/"); i >= 0 {
		dir, s = s[:i+1], s[i+1:]
	}
	var parts []string
	for _, p := range strings.Split(s, ".") {
		if p == "" {
			return goName{}
		}
		parts = append(parts, p)
	}
	if dir != "" {
		parts[0] = dir + parts[0]
	}
	return goName{parts}
}

// displayParts are the parts with the package as its name, not its path.
func (g goName) displayParts() []string {
	if len(g.parts) < 2 {
		return g.parts
	}
	out := append([]string(nil), g.parts...)
	out[0] = path.Base(out[0])
	return out
}

// denotes reports whether the name q, as written, denotes the function whose full name
// is f: q's parts are f's last ones, q's package (when it has one) being f's path or the
// path's last element.
func (q goName) denotes(f goName, eq func(a, b string) bool) bool {
	off := len(f.parts) - len(q.parts)
	if off < 0 || len(f.parts) < 2 {
		return false
	}
	for j, p := range q.parts {
		k := off + j
		if k == 0 {
			if !eq(p, f.parts[0]) && !eq(p, path.Base(f.parts[0])) {
				return false
			}
			continue
		}
		if !eq(p, f.parts[k]) {
			return false
		}
	}
	return true
}
