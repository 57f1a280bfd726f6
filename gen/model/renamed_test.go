package model

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pinned is a bindings file of two functions, for the renamed file's checks.
var pinned = []*Bindings{{
	Module:  "github.com/slack-go/slack",
	Version: "v0.35.0",
	Functions: []Binding{
		{Func: "(*github.com/slack-go/slack.Client).UploadFile"},
		{Func: "(*github.com/slack-go/slack.Client).UploadFileContext"},
	},
}}

// Each bad renamed file gives exactly its positioned errors.
func TestBadRenamed(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, want string
	}{
		{
			name: "from-still-bound",
			yaml: "renamed:\n" +
				"  - from: (*github.com/slack-go/slack.Client).UploadFile\n" +
				"    to: (*github.com/slack-go/slack.Client).UploadFileContext\n" +
				"    in: v0.18.0-rc2\n" +
				"    source: x\n",
			want: `renamed.yaml:2:11: from: "(*github.com/slack-go/slack.Client).UploadFile" is a function of the bindings (a renamed function is one the pinned release no longer has)` + "\n",
		},
		{
			name: "to-unknown",
			yaml: "renamed:\n" +
				"  - from: (*github.com/slack-go/slack.Client).UploadFileV2\n" +
				"    to: (*github.com/slack-go/slack.Client).UploadFil\n" +
				"    in: v0.18.0-rc2\n" +
				"    source: x\n",
			want: `renamed.yaml:3:9: to: "(*github.com/slack-go/slack.Client).UploadFil" is not a function of the bindings (did you mean (*github.com/slack-go/slack.Client).UploadFile?) (expected its full Go name, as types.Func.FullName writes it)` + "\n",
		},
		{
			name: "short-from-bad-in-no-source",
			yaml: "renamed:\n" +
				"  - from: (*slack.Client).UploadFileV2\n" +
				"    to: (*github.com/slack-go/slack.Client).UploadFile\n" +
				"    in: 0.18.0-rc2\n",
			want: `renamed.yaml:2:5: source: missing or empty` + "\n" +
				`renamed.yaml:2:11: from: "(*slack.Client).UploadFileV2" is no function of a module the bindings cover (expected its full Go name, as types.Func.FullName writes it)` + "\n" +
				`renamed.yaml:4:9: in: "0.18.0-rc2" is not a release version (expected one such as v0.18.0 or v0.18.0-rc2)` + "\n",
		},
		{
			name: "newer-than-pinned-and-duplicate",
			yaml: "renamed:\n" +
				"  - {from: (*github.com/slack-go/slack.Client).UploadFileV2, to: (*github.com/slack-go/slack.Client).UploadFile, in: v0.36.0, source: x}\n" +
				"  - {from: (*github.com/slack-go/slack.Client).UploadFileV2, to: (*github.com/slack-go/slack.Client).UploadFile, in: v0.35.0-rc1, source: x}\n",
			want: `renamed.yaml:2:118: in: v0.36.0 is newer than the pinned github.com/slack-go/slack v0.35.0 (a rename is of a release up to the pinned one)` + "\n" +
				`renamed.yaml:3:12: from: duplicate renamed function "(*github.com/slack-go/slack.Client).UploadFileV2" (first defined at renamed.yaml:2:12)` + "\n",
		},
		{
			name: "wrong-field",
			yaml: "renamed:\n  - {old: UploadFileV2}\n",
			want: `renamed.yaml:2:6: unknown field "old" in renamed.renamed (expected one of from, in, source, to)` + "\n",
		},
		{
			name: "empty",
			yaml: "",
			want: "renamed.yaml: empty file (expected renamed, a list of from, to, in and source)\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRenamed("renamed.yaml", []byte(tt.yaml), pinned)
			if err == nil {
				t.Fatal("ParseRenamed accepted a bad file")
			}
			if diff := cmp.Diff(tt.want, errorLines(err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// The checked-in renamed file passes the checks against the checked-in bindings, and a
// missing one lists no renames.
func TestRenamedFileIsValid(t *testing.T) {
	c, err := LoadDir(filepath.Join("..", "..", "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "catalog", "bindings")
	b, err := LoadBindings(filepath.Join(dir, "slack-go.yaml"), c)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := LoadRenamed(filepath.Join(dir, RenamedFile), []*Bindings{b})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.Renamed) == 0 {
		t.Error("the renamed file lists no renames")
	}
	none, err := LoadRenamed(filepath.Join(t.TempDir(), RenamedFile), []*Bindings{b})
	if err != nil || len(none.Renamed) != 0 {
		t.Errorf("LoadRenamed of a missing file = %v, %v; want no renames", none, err)
	}
}
