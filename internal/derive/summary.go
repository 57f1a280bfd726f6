package derive

import (
	"slices"
	"strings"
)

// A Summary is what one function does with the Slack API, in terms of its own parameters.
// Summaries cross package boundaries (as analysis facts, or in the generator's map), so that
// socketmode's Open is known to call what slack's StartSocketModeContext calls.
type Summary struct {
	// Requests are the URLs of the HTTP requests and websocket dials the function makes,
	// itself or through the functions it calls.
	Requests []Request `json:",omitempty"`
	// Args are the Web API arguments the function sets from its parameters.
	Args []Arg `json:",omitempty"`
	// Option is set when the function returns an option (a func value) that, applied by a
	// request function, changes the request's URL or sets arguments.
	Option *Option `json:",omitempty"`
	// Results are the values of the function's string results, where they are not all
	// constant.
	Results []ReturnValues `json:",omitempty"`
}

// A Result is the values one result of a function may have.
type ReturnValues struct {
	Index  int     `json:",omitempty"`
	Values []Value `json:",omitempty"`
}

// A Request is one URL the function sends a request to.
type Request struct {
	URL Value `json:",omitempty"`
	// Via is the struct field the URL was read from when options can change that field
	// ("github.com/slack-go/slack.sendConfig.endpoint"); empty otherwise.
	Via string `json:",omitempty"`
}

// An Arg is a Web API argument set from a parameter, or from a field of one.
type Arg struct {
	Name  string   `json:",omitempty"` // the Web API argument ("types")
	Index int      `json:",omitempty"` // the parameter's index (receiver excluded)
	Param string   `json:",omitempty"` // the parameter's name
	Path  []string `json:",omitempty"` // the fields below the parameter (["Types"] for params.Types)
}

// GoString shows where the argument comes from: "params.Types".
func (a Arg) GoString() string { return strings.Join(append([]string{a.Param}, a.Path...), ".") }

// An Option is the effect of an option function (MsgOptionUpdate, MsgOptionUsername).
type Option struct {
	// Field is the struct field the option sets the URL in (matches Request.Via); URLs its
	// values. Empty when the option does not change the URL.
	Field string  `json:",omitempty"`
	URLs  []Value `json:",omitempty"`
	// Args are the Web API arguments the option sets, sorted.
	Args []string `json:",omitempty"`
}

func (s *Summary) empty() bool {
	return s == nil || len(s.Requests) == 0 && len(s.Args) == 0 && s.Option == nil && len(s.Results) == 0
}

// equal compares two summaries built by this package (sorted, deduplicated).
func (s *Summary) equal(t *Summary) bool {
	if s.empty() || t.empty() {
		return s.empty() == t.empty()
	}
	if !slices.EqualFunc(s.Requests, t.Requests, func(a, b Request) bool { return a.key() == b.key() }) {
		return false
	}
	if !slices.EqualFunc(s.Args, t.Args, func(a, b Arg) bool { return a.key() == b.key() }) {
		return false
	}
	if !slices.EqualFunc(s.Results, t.Results, func(a, b ReturnValues) bool {
		return a.Index == b.Index && slices.EqualFunc(a.Values, b.Values, func(x, y Value) bool { return x.key() == y.key() })
	}) {
		return false
	}
	if (s.Option == nil) != (t.Option == nil) {
		return false
	}
	if s.Option != nil {
		o, p := s.Option, t.Option
		return o.Field == p.Field && slices.Equal(o.Args, p.Args) &&
			slices.EqualFunc(o.URLs, p.URLs, func(a, b Value) bool { return a.key() == b.key() })
	}
	return true
}

func (r Request) key() string { return r.Via + "\x00" + r.URL.key() }

func (a Arg) key() string { return a.Name + "\x00" + a.GoString() }

// normalize sorts and deduplicates s in place, so that equal summaries compare equal and
// encode the same.
func (s *Summary) normalize() {
	// A request to "" is a variable's zero value before the code sets it.
	s.Requests = slices.DeleteFunc(s.Requests, func(r Request) bool { return r.URL.empty() })
	s.Requests = sortedByKey(s.Requests, Request.key)
	s.Args = sortedByKey(s.Args, Arg.key)
	if o := s.Option; o != nil {
		o.URLs = sortedByKey(o.URLs, Value.key)
		slices.Sort(o.Args)
		o.Args = slices.Compact(o.Args)
	}
}

// sortedByKey sorts xs by key and drops those whose key repeats the previous one's,
// computing each key once (most lists have one element, which needs no key at all).
func sortedByKey[T any](xs []T, key func(T) string) []T {
	if len(xs) < 2 {
		return xs
	}
	type keyed struct {
		k string
		x T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.k, b.k) })
	ks = slices.CompactFunc(ks, func(a, b keyed) bool { return a.k == b.k })
	xs = xs[:len(ks)]
	for i, k := range ks {
		xs[i] = k.x
	}
	return xs
}
