package catalog

import "strings"

// A Renamed is a function of a Go Slack client that a release renamed, as the client's own
// release notes record it (bindings/renamed.yaml, hand-written): slack-go v0.18.0-rc2
// renamed (*Client).UploadFileV2 to (*Client).UploadFile.
type Renamed struct {
	// From is the old full Go name, which the pinned release no longer has:
	// "(*github.com/slack-go/slack.Client).UploadFileV2".
	From string
	// To is the new full Go name, a function of the pinned release (LookupBinding finds
	// its binding): "(*github.com/slack-go/slack.Client).UploadFile".
	To string
	// In is the release that renamed it: "v0.18.0-rc2".
	In string
	// Source is where the rename is recorded.
	Source string
}

func renamedFrom(r *Renamed) string { return r.From }

// LookupRenamed finds the renamed function whose old name is name, written as
// ResolveBinding takes names: the full name, "(*slack.Client).UploadFileV2",
// "Client.UploadFileV2", bare "UploadFileV2", and in any case when no name matches in its
// own. A name that denotes several renamed functions finds none (write its receiver).
func LookupRenamed(name string) (Renamed, bool) {
	if i := find(renamed[:], name, renamedFrom); i >= 0 {
		return renamed[i], true
	}
	q := parseGoName(name)
	if len(q.parts) == 0 {
		return Renamed{}, false
	}
	for _, eq := range [...]func(a, b string) bool{func(a, b string) bool { return a == b }, strings.EqualFold} {
		match := -1
		for i := range renamed {
			if !q.denotes(parseGoName(renamed[i].From), eq) {
				continue
			}
			if match >= 0 {
				return Renamed{}, false
			}
			match = i
		}
		if match >= 0 {
			return renamed[match], true
		}
	}
	return Renamed{}, false
}
