package derive

import (
	"go/types"
	"slices"
	"strings"
)

// A Binding is what one exported function or method of a client package does with the
// Slack API, resolved for the package's users: the Web API methods it calls, the other
// URLs it sends requests to, and what the derivation could not resolve.
type Binding struct {
	// Func is the full Go name: "(*github.com/slack-go/slack.Client).PostMessageContext".
	Func string
	// Methods are the Web API methods the function calls, sorted.
	Methods []string
	// Targets are its requests that go to other URLs, sorted.
	Targets []Target
	// Open lists, sorted, the requests whose URL the derivation could not resolve.
	Open []string
	// Options names the field that options passed to the function can change the URL in
	// (see Option.Field); empty when options cannot.
	Options string
	// Args are the Web API arguments it sets from its parameters.
	Args []Arg
	// Option is set for option functions (MsgOptionUpdate).
	Option *OptionBinding
}

// An OptionBinding is the effect of an option function, resolved like a Binding.
type OptionBinding struct {
	Field   string
	Methods []string
	Targets []Target
	Open    []string
	Args    []string
}

// A Target is a request to a URL that is not a Web API method.
type Target struct {
	Kind   TargetKind
	Detail string // the parameter's name, the field's name or the URL
}

// TargetKind says what a non-API request goes to.
type TargetKind string

// The kinds of target. A URL the caller passes is told apart by the function's and the
// parameter's names: "Webhook" in the function's name makes it an incoming webhook,
// "response" in either a response URL; anything else is a caller-supplied URL.
const (
	IncomingWebhook TargetKind = "incoming_webhook" // an incoming webhook URL (needs no token)
	ResponseURL     TargetKind = "response_url"     // an interaction's response_url (needs no scope)
	CallerURL       TargetKind = "caller_url"       // some other URL the caller passes
	ResponseField   TargetKind = "response_field"   // a URL read from an API response (upload URL, websocket URL)
	FixedURL        TargetKind = "url"              // a constant URL outside the Web API
)

// Reached reports whether the function sends any request at all.
func (b *Binding) Reached() bool {
	return len(b.Methods)+len(b.Targets)+len(b.Open) > 0
}

// Bound reports whether the derivation resolved at least one request of the function and
// left none open.
func (b *Binding) Bound() bool {
	return len(b.Methods)+len(b.Targets) > 0 && len(b.Open) == 0
}

// Bindings resolves the summaries of a package's exported functions and methods (those
// of exported types) into bindings, sorted by Func.
func Bindings(sums map[*types.Func]*Summary) []Binding {
	var out []Binding
	for _, fn := range sortedFuncs(sums) {
		if !visible(fn) {
			continue
		}
		b := Resolve(fn, sums[fn])
		if b.Reached() || b.Option != nil || len(b.Args) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// visible reports whether code outside fn's package can call it.
func visible(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return true
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Exported()
}

type resolver struct {
	fn      *types.Func
	methods []string
	targets []Target
	open    []string
}

func (r *resolver) add(v Value) {
	if len(v) == 0 || len(v) == 1 && v[0].Kind == Lit && v[0].Text == "" {
		return // a variable's zero value, before it is set
	}
	if m, ok, open := v.Method(); ok {
		switch {
		case !open && validMethod(m):
			r.methods = append(r.methods, m)
		case !open && len(v) == 1:
			// A constant path under the API base that is no method name
			// ("audit/v1/logs", which old releases sent to slack.com/api/).
			r.targets = append(r.targets, Target{Kind: FixedURL, Detail: v[0].Text})
		default:
			r.open = append(r.open, "Web API method not constant: "+v.String())
		}
		return
	}
	if len(v) == 1 && v[0].Kind == Param {
		r.targets = append(r.targets, Target{Kind: callerKind(r.fn.Name(), v[0].Text), Detail: v[0].Text})
		return
	}
	if len(v) == 1 && v[0].Kind == Lit {
		r.targets = append(r.targets, Target{Kind: FixedURL, Detail: v[0].Text})
		return
	}
	for _, p := range v {
		if p.Kind == Unknown && strings.HasPrefix(p.Why, "a field the package never sets") {
			r.targets = append(r.targets, Target{Kind: ResponseField, Detail: p.Text})
			return
		}
		if p.Kind == Unknown && p.Caller != "" {
			r.targets = append(r.targets, Target{Kind: callerKind(p.Caller, p.Text), Detail: p.Text})
			return
		}
	}
	r.open = append(r.open, "URL not resolved: "+v.String())
}

func validMethod(m string) bool {
	if m == "" || strings.HasPrefix(m, ".") || strings.HasSuffix(m, ".") {
		return false
	}
	for _, c := range m {
		if !(c == '.' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func callerKind(funcName, param string) TargetKind {
	switch {
	case strings.Contains(funcName, "Webhook"):
		return IncomingWebhook
	case strings.Contains(strings.ToLower(funcName), "response") || strings.Contains(strings.ToLower(param), "response"):
		return ResponseURL
	}
	return CallerURL
}

func (r *resolver) result() ([]string, []Target, []string) {
	slices.Sort(r.methods)
	slices.SortFunc(r.targets, func(a, b Target) int {
		return strings.Compare(string(a.Kind)+"\x00"+a.Detail, string(b.Kind)+"\x00"+b.Detail)
	})
	slices.Sort(r.open)
	return slices.Compact(r.methods), slices.Compact(r.targets), slices.Compact(r.open)
}

// Resolve is the binding of one function from its summary: what Bindings gives for an
// exported function, for any function (the analyzer classifies callees with it).
func Resolve(fn *types.Func, s *Summary) Binding {
	b := Binding{Func: fn.FullName(), Args: s.Args}
	r := resolver{fn: fn}
	for _, req := range s.Requests {
		r.add(req.URL)
		if req.Via != "" {
			b.Options = req.Via
		}
	}
	b.Methods, b.Targets, b.Open = r.result()
	if o := s.Option; o != nil {
		r := resolver{fn: fn}
		for _, v := range o.URLs {
			r.add(v)
		}
		ob := &OptionBinding{Field: o.Field, Args: o.Args}
		ob.Methods, ob.Targets, ob.Open = r.result()
		b.Option = ob
	}
	return b
}

// ValidMethod reports whether m has the shape of a Web API method name.
func ValidMethod(m string) bool { return validMethod(m) }
