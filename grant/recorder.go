package grant

import (
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/slack-go/slack"
)

// Recorder keeps what Slack says of the token in the headers of each Web API response:
// x-oauth-scopes (the scopes the token holds) and x-accepted-oauth-scopes (the scopes the
// method accepts), the latest response per method. Make the client with [Recorder.Option],
// which is enough for [Check], or with [Recorder.HTTPClient], which sees every response.
//
// The zero value is ready to use; a Recorder must not be copied after first use. It is
// safe for concurrent use. One Recorder serves one client (one token).
type Recorder struct {
	mu        sync.Mutex
	seq       uint64
	last      map[string]entry
	latest    entry
	transport bool   // whether an HTTPClient transport records, seeing every response
	token     string // the token's type, as Check found it
}

// Response is what a Recorder kept of one Web API response.
type Response struct {
	// Method is the Web API method: "auth.test".
	Method string
	// Scopes are the x-oauth-scopes header: what the token holds, sorted.
	Scopes []string
	// HasScopes is whether the response had an x-oauth-scopes header at all.
	HasScopes bool
	// Accepted are the x-accepted-oauth-scopes header: what the method accepts, sorted.
	Accepted []string
}

// An entry is a response recorded, and when: its number in the Recorder's order.
type entry struct {
	Response
	seq uint64
}

// Option is the slack-go client option that records the headers of the responses slack-go
// reports: slack.New(token, rec.Option()). That is enough for [Check] (auth.test), but
// slack-go v0.35.0 does not report every method: chat.postMessage and the other chat.*
// message methods, conversations.create, conversations.info and conversations.leave are
// not. [Recorder.HTTPClient] sees every response. Option sets slack-go's response-header
// callback, of which a client has one; a program that needs its own too calls
// [Recorder.Record] from it.
func (r *Recorder) Option() func(*slack.Client) {
	return slack.OptionOnResponseHeaders(r.Record)
}

// Record keeps the headers of one response of the Web API method at path ("auth.test";
// a URL path such as "/api/auth.test" is taken to its last element). It is the callback
// [Recorder.Option] installs.
func (r *Recorder) Record(p string, h http.Header) {
	r.record(p, h, false)
}

// record is Record; transport tells a response an HTTPClient transport saw.
func (r *Recorder) record(p string, h http.Header, transport bool) {
	scopes, has := h[http.CanonicalHeaderKey("x-oauth-scopes")]
	resp := Response{
		Method:    path.Base(strings.TrimSuffix(p, "/")),
		Scopes:    splitScopes(strings.Join(scopes, ",")),
		HasScopes: has,
		Accepted:  splitScopes(strings.Join(h.Values("x-accepted-oauth-scopes"), ",")),
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seq++
	e := entry{Response: resp, seq: r.seq}
	if r.last == nil {
		r.last = map[string]entry{}
	}
	r.last[resp.Method] = e
	r.latest = e
	r.transport = r.transport || transport
}

// Last is the latest response recorded for the Web API method ("chat.postMessage").
func (r *Recorder) Last(method string) (Response, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.last[method]
	return e.Response, ok
}

// HTTPClient is base (nil: a zero http.Client) with a transport that records the headers of
// every response: slack.New(token, slack.OptionHTTPClient(rec.HTTPClient(nil))). It works
// with slack-go releases that lack OptionOnResponseHeaders (before v0.21.0), with a client
// whose one response-header callback is taken, and sees the methods whose headers slack-go
// does not report. base is not changed.
func (r *Recorder) HTTPClient(base *http.Client) *http.Client {
	c := &http.Client{}
	if base != nil {
		*c = *base
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = transport{rec: r, next: next}
	return c
}

// transport records the headers of the responses next returns.
type transport struct {
	rec  *Recorder
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err == nil {
		t.rec.record(req.URL.Path, resp.Header, true)
	}
	return resp, err
}

// mark is the Recorder's count of responses so far: what [Recorder.since] compares with.
func (r *Recorder) mark() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seq
}

// since is the latest response of method recorded after mark.
func (r *Recorder) since(method string, mark uint64) (Response, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.last[method]
	return e.Response, ok && e.seq > mark
}

// refusal is the latest response recorded, when it looks like a missing_scope refusal of
// one of the needed scopes: its method accepts scopes, none of which the token holds. With
// needed empty (Slack named no scope), only a Recorder that sees every response, through
// an HTTPClient, is trusted with it: through Option, the refused call may be one slack-go
// does not report, and the latest response another method's.
func (r *Recorder) refusal(needed []string) (Response, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	resp := r.latest.Response
	switch {
	case len(resp.Accepted) == 0 || overlaps(resp.Accepted, resp.Scopes):
		return Response{}, false
	case len(needed) > 0:
		return resp, overlaps(resp.Accepted, needed)
	}
	return resp, r.transport
}

// setToken notes the type of the client's token.
func (r *Recorder) setToken(typ string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.token = typ
}

// tokenType is the type of the client's token, as Check found it; "" before.
func (r *Recorder) tokenType() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.token
}
