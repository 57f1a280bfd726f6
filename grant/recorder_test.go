package grant_test

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slackscope/slackscope/grant"
)

// counting is a transport that counts the requests it carries.
type counting struct{ n atomic.Int32 }

func (c *counting) RoundTrip(req *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(req)
}

// TestHTTPClient checks the path for slack-go releases without OptionOnResponseHeaders: a
// client made with rec.HTTPClient records as rec.Option does, through base's transport.
func TestHTTPClient(t *testing.T) {
	srv := fakeSlack(t, map[string]reply{
		"auth.test":        scopes(botAuth, "reactions:write,channels:history"),
		"chat.postMessage": refusal(`{"ok":false,"error":"missing_scope"}`, "reactions:write,channels:history", "chat:write"),
	})
	ctx := context.Background()
	rec := new(grant.Recorder)
	via := &counting{}
	base := &http.Client{Transport: via}
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"), slack.OptionHTTPClient(rec.HTTPClient(base)))

	err := grant.Check(ctx, api, rec, standup)
	const want = "slackscope/grant: example.com/standup/cmd/bot: the bot token lacks chat:write (needed by chat.postMessage and chat.update at cmd/bot/main.go:27:5) and users:read (needed by users.info at cmd/bot/standup.go:12:9): add them to oauth_config.scopes.bot and reinstall the app"
	if message(err) != want {
		t.Errorf("Check:\n got %v\nwant %s", err, want)
	}
	e, ok := standup.FromError(post(ctx, api), rec)
	const wantFrom = "slackscope/grant: example.com/standup/cmd/bot: chat.postMessage failed with missing_scope: the bot token lacks chat:write (needed by chat.postMessage and chat.update at cmd/bot/main.go:27:5): add it to oauth_config.scopes.bot and reinstall the app"
	if !ok || e.Error() != wantFrom {
		t.Errorf("FromError:\n got %v\nwant %s", e, wantFrom)
	}
	if n := via.n.Load(); n != 2 {
		t.Errorf("base's transport carried %d requests, want 2", n)
	}
	if base.Transport != via {
		t.Error("HTTPClient changed base")
	}
}

// TestRecord checks what a Recorder keeps of a response, by method.
func TestRecord(t *testing.T) {
	rec := new(grant.Recorder)
	if _, ok := rec.Last("auth.test"); ok {
		t.Error("a new Recorder has a response")
	}
	h := http.Header{}
	h.Set("X-OAuth-Scopes", "reactions:write, chat:write")
	h.Set("X-Accepted-OAuth-Scopes", "chat:write")
	rec.Record("/api/chat.postMessage", h)
	got, ok := rec.Last("chat.postMessage")
	want := grant.Response{Method: "chat.postMessage", Scopes: []string{"chat:write", "reactions:write"}, HasScopes: true, Accepted: []string{"chat:write"}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("Last = %+v, %t; want %+v", got, ok, want)
	}
	rec.Record("auth.test", http.Header{})
	if got, _ := rec.Last("auth.test"); got.HasScopes || got.Scopes != nil {
		t.Errorf("Last(auth.test) = %+v, want no scopes header", got)
	}
}

// TestRecorderConcurrent records and reads from many goroutines (go test -race).
func TestRecorderConcurrent(t *testing.T) {
	rec := new(grant.Recorder)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			h := http.Header{"X-Oauth-Scopes": {fmt.Sprintf("scope:%d", i)}}
			for range 100 {
				rec.Record("auth.test", h)
				if _, ok := rec.Last("auth.test"); !ok {
					t.Error("Last: nothing recorded")
					return
				}
			}
		})
	}
	wg.Wait()
}
