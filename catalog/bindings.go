package catalog

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
