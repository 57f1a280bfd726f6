package catalog

import "testing"

func TestClosestNames(t *testing.T) {
	for _, tt := range []struct {
		fn         func(string) string
		name, want string
	}{
		{ClosestMethod, "chat.postMesage", "chat.postMessage"},
		{ClosestMethod, "CHAT.POSTMESSAGE", "chat.postMessage"},
		{ClosestMethod, "completely.different.thing", ""},
		{ClosestEvent, "app_mentoin", "app_mention"},
		{ClosestEvent, "message.channel", "message.channels"},
		{ClosestBinding, "PostMesage", "(*github.com/slack-go/slack.Client).PostMessage"},
		{ClosestBinding, "(*slack.Client).PostMesage", "(*github.com/slack-go/slack.Client).PostMessage"},
		{ClosestBinding, "UploadFileV2", "(*github.com/slack-go/slack.Client).UploadFile"},
		{ClosestBinding, "", ""},
		{ClosestName, "chat:wirte", "chat:write"},
		{ClosestName, "reactions.ad", "reactions.add"},
		{ClosestName, "app_mentions", "app_mention"},
		{ClosestName, "GetUserInf", "(*github.com/slack-go/slack.Client).GetUserInfo"},
		{ClosestName, "xyzzy-nothing-like-it", ""},
	} {
		if got := tt.fn(tt.name); got != tt.want {
			t.Errorf("closest to %q = %q, want %q", tt.name, got, tt.want)
		}
	}
	if m, ok := LookupMethodFold("Chat.PostMessage"); !ok || m.Name != "chat.postMessage" {
		t.Errorf("LookupMethodFold(Chat.PostMessage) = %q, %v", m.Name, ok)
	}
	if e, ok := LookupEventFold("APP_MENTION"); !ok || e.Name != "app_mention" {
		t.Errorf("LookupEventFold(APP_MENTION) = %q, %v", e.Name, ok)
	}
}
