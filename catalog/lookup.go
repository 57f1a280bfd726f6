package catalog

import (
	"iter"
	"strings"
)

// find is the index of key in xs (sorted by name), or -1.
func find[T any](xs []T, key string, name func(*T) string) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if name(&xs[h]) < key {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(xs) && name(&xs[lo]) == key {
		return lo
	}
	return -1
}

func methodName(m *Method) string   { return m.Name }
func scopeName(s *Scope) string     { return s.Name }
func eventName(e *Event) string     { return e.Name }
func featureName(f *Feature) string { return f.Name }

// LookupMethod returns the Web API method called name ("chat.postMessage"), including
// retired, removed and undocumented ones (see Method.Status). It does not allocate.
func LookupMethod(name string) (Method, bool) {
	if i := find(methods[:], name, methodName); i >= 0 {
		return methods[i], true
	}
	return Method{}, false
}

// LookupScope returns the scope called name ("chat:write"). It does not allocate.
func LookupScope(name string) (Scope, bool) {
	if i := find(scopes[:], name, scopeName); i >= 0 {
		return scopes[i], true
	}
	return Scope{}, false
}

// LookupEvent returns the event called name ("app_mention", "message.channels", or a
// message subtype "message/bot_message").
func LookupEvent(name string) (Event, bool) {
	if i := find(events[:], name, eventName); i >= 0 {
		return events[i], true
	}
	return Event{}, false
}

// LookupFeature returns the app feature called name ("slash_commands", "socket_mode",
// "shortcuts", "incoming_webhook", "rtm").
func LookupFeature(name string) (Feature, bool) {
	if i := find(features[:], name, featureName); i >= 0 {
		return features[i], true
	}
	return Feature{}, false
}

// MethodsFor lists, sorted, the methods whose requirements name scope for any token type.
// The slice is shared with the tables: do not modify it.
func MethodsFor(scope string) []string {
	if i := find(scopes[:], scope, scopeName); i >= 0 {
		return scopes[i].Methods
	}
	return nil
}

// Delivers reports whether a subscription to the event named subscription (a manifest's
// bot_events entry) delivers the event a handler handles: its own, or, for every
// message.* subscription (message.channels, message.im, message.app_home, ...), the
// message event, which is what Slack sends for each of them.
func Delivers(subscription, event string) bool {
	base, _, _ := strings.Cut(subscription, ".")
	return subscription == event || event == "message" && base == "message"
}

// Methods is every method, sorted by name: copies, so that no caller can change the
// tables.
func Methods() iter.Seq[Method] { return all(methods[:]) }

// Scopes is every scope, sorted by name.
func Scopes() iter.Seq[Scope] { return all(scopes[:]) }

// Events is every event and message subtype, sorted by name.
func Events() iter.Seq[Event] { return all(events[:]) }

// Features is every app feature that needs scopes, sorted by name.
func Features() iter.Seq[Feature] { return all(features[:]) }

// Rules is every combination of scopes Slack refuses.
func Rules() iter.Seq[Rule] { return all(rules[:]) }

// AuthorizeFlows says how each OAuth flow's authorize URL carries scopes.
func AuthorizeFlows() iter.Seq[AuthorizeFlow] { return all(authorizeFlows[:]) }

// all yields a copy of each element of a table.
func all[T any](xs []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

// AuthorizeMismatchError is the error code an OAuth exchange returns when the flow began
// on another flow's authorize URL.
func AuthorizeMismatchError() string { return authorizeMismatchError }

// DataFiles are the catalog files the tables were generated from, relative to the catalog
// directory.
func DataFiles() []string { return append([]string(nil), dataFiles...) }

// Argument returns the method's list argument called name (conversations.list "types"),
// whose values choose among the method's alternative scopes.
func (m *Method) Argument(name string) (Argument, bool) {
	for _, a := range m.Arguments {
		if a.Name == name {
			return a, true
		}
	}
	return Argument{}, false
}
