package catalog

import (
	"strings"

	"github.com/slackscope/slackscope/internal/editdist"
)

// LookupMethodFold is LookupMethod ignoring case ("chat.postmessage" finds
// chat.postMessage).
func LookupMethodFold(name string) (Method, bool) {
	if i := findFold(methods[:], name, methodName); i >= 0 {
		return methods[i], true
	}
	return Method{}, false
}

// LookupEventFold is LookupEvent ignoring case ("APP_MENTION" finds app_mention), and
// taking a message subtype by its own name too ("bot_message" finds message/bot_message).
func LookupEventFold(name string) (Event, bool) {
	if i := findFold(events[:], name, eventName); i >= 0 {
		return events[i], true
	}
	if !strings.Contains(name, "/") {
		if i := findFold(events[:], subtypePrefix+name, eventName); i >= 0 {
			return events[i], true
		}
	}
	return Event{}, false
}

// subtypePrefix starts the name of every message subtype in the catalog.
const subtypePrefix = "message/"

// findFold is find, falling back to a scan that ignores case.
func findFold[T any](xs []T, key string, name func(*T) string) int {
	if i := find(xs, key, name); i >= 0 {
		return i
	}
	for i := range xs {
		if strings.EqualFold(name(&xs[i]), key) {
			return i
		}
	}
	return -1
}

// ClosestMethod is the Web API method nearest to name, for a typo ("chat.postMesage" →
// "chat.postMessage"), or "" when none is close enough to be a likely fix.
func ClosestMethod(name string) string {
	s, _ := closestMethod(name)
	return s
}

// ClosestEvent is the event nearest to name ("app_mentoin" → "app_mention"), or "".
func ClosestEvent(name string) string {
	s, _ := closestEvent(name)
	return s
}

// ClosestBinding is the full name of the slack-go function nearest to name, compared by
// as many of its last parts (package, receiver, name) as name has: "UploadFileV2" →
// "(*github.com/slack-go/slack.Client).UploadFile". "" when none is close enough. It
// is a suggestion by spelling only: it says nothing of what a removed function became.
func ClosestBinding(name string) string {
	s, _ := closestBinding(name)
	return s
}

// ClosestName is the method, scope, event or slack-go function (full name) nearest to
// name, whichever is nearest, or "" when none is close enough.
func ClosestName(name string) string {
	best, bestD := "", -1
	try := func(s string, d int) {
		if s != "" && (bestD < 0 || d < bestD) {
			best, bestD = s, d
		}
	}
	if s := ClosestScope(name); s != "" {
		try(s, scopeDistance(strings.ToLower(name), s))
	}
	try(closestMethod(name))
	try(closestEvent(name))
	try(closestBinding(name))
	return best
}

// typoLimit is how many edits a name may be from a real one to be suggested for it: one
// for a name of four letters or fewer (two edits make New into Next), more for longer
// ones.
func typoLimit(name string) int {
	if len(name) <= 4 {
		return 1
	}
	return max(2, len(name)/4)
}

// nearest is the name among n candidates nearest to query (case ignored) within
// typoLimit, and its distance; ("", -1) when none is.
func nearest(query string, n int, candidate func(i int) string) (string, int) {
	query = strings.ToLower(query)
	if len(query) > 128 {
		return "", -1 // no name is that long; not worth measuring
	}
	best, bestD := "", -1
	limit := typoLimit(query)
	for i := range n {
		c := candidate(i)
		lc := strings.ToLower(c)
		if tooFar(query, lc, limit) {
			continue
		}
		d := editdist.Levenshtein(query, lc)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best, bestD
}

func closestMethod(name string) (string, int) {
	return nearest(name, len(methods), func(i int) string { return methods[i].Name })
}

// closestEvent compares a name without a "/" with the message subtypes' own names too
// (message_chnaged: message/message_changed).
func closestEvent(name string) (string, int) {
	best, bestD := nearest(name, len(events), func(i int) string { return events[i].Name })
	if strings.Contains(name, "/") {
		return best, bestD
	}
	var subtypes []string
	for i := range events {
		if sub, ok := strings.CutPrefix(events[i].Name, subtypePrefix); ok {
			subtypes = append(subtypes, sub)
		}
	}
	if s, d := nearest(name, len(subtypes), func(i int) string { return subtypes[i] }); s != "" && (bestD < 0 || d < bestD) {
		return subtypePrefix + s, d
	}
	return best, bestD
}

func closestBinding(name string) (string, int) {
	q := parseGoName(name)
	if len(q.parts) == 0 {
		return "", -1
	}
	query := strings.Join(q.parts, ".")
	best, bestD := "", -1
	limit := typoLimit(query)
	for i := range bindings {
		parts := parseGoName(bindings[i].Func).displayParts()
		if len(parts) < len(q.parts) {
			continue
		}
		tail := strings.Join(parts[len(parts)-len(q.parts):], ".")
		d := editdist.Levenshtein(strings.ToLower(query), strings.ToLower(tail))
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = bindings[i].Func, d
		}
	}
	return best, bestD
}
