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
		// A short name gets one edit: New (slack.New makes no request) is not Next.
		{ClosestName, "New", ""},
		{ClosestBinding, "Nxt", "(github.com/slack-go/slack.ConversationPagination).Next"},
		// A message subtype by its own name.
		{ClosestEvent, "message_chnaged", "message/message_changed"},
		{ClosestEvent, "message/message_chnaged", "message/message_changed"},
	} {
		if got := tt.fn(tt.name); got != tt.want {
			t.Errorf("closest to %q = %q, want %q", tt.name, got, tt.want)
		}
	}
	if m, ok := LookupMethodFold("Chat.PostMessage"); !ok || m.Name != "chat.postMessage" {
		t.Errorf("LookupMethodFold(Chat.PostMessage) = %q, %v", m.Name, ok)
	}
	for name, want := range map[string]string{"APP_MENTION": "app_mention", "bot_message": "message/bot_message", "Message_Changed": "message/message_changed"} {
		if e, ok := LookupEventFold(name); !ok || e.Name != want {
			t.Errorf("LookupEventFold(%s) = %q, %v, want %s", name, e.Name, ok, want)
		}
	}
	if e, ok := LookupEventFold("channels/bot_message"); ok {
		t.Errorf("LookupEventFold(channels/bot_message) = %q, want none", e.Name)
	}
}
