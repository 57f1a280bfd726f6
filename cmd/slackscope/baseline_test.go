package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Baselines on a copy of the example app: -write-baseline records its three findings
// (testdata/baseline-file.golden); after lines move above them and a new call needs a
// new scope, -baseline shows only the new one; once the manifest stops requesting an
// unused scope, the baseline says one of its findings is gone.
func TestBaselineGolden(t *testing.T) {
	dir := copyExample(t)
	runGolden(t, goldenCase{name: "baseline-write", args: []string{"slackscope", "-write-baseline", "baseline.json", "./..."}, code: exitFindings}, dir)
	compareGoldenFile(t, filepath.Join("testdata", "baseline-file.golden"), filepath.Join(dir, "baseline.json"))
	runGolden(t, goldenCase{name: "baseline-unchanged", args: []string{"slackscope", "-baseline", "baseline.json", "./..."}, code: exitOK}, dir)

	edit := func(file, old, new string) {
		t.Helper()
		path := filepath.Join(dir, file)
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(content), old) {
			t.Fatalf("%s has no %q", file, old)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(content), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Lines move above every finding, and remind now pins its reminder (pins:write).
	edit("main.go", "// remind schedules", "// (two lines that move the rest)\n\n// remind schedules")
	edit("main.go", "\treturn err\n}\n\nfunc main() {", "\tif err == nil {\n\t\terr = b.api.AddPin(b.channel, slack.ItemRef{Channel: b.channel})\n\t}\n\treturn err\n}\n\nfunc main() {")
	edit("manifest.yml", "# The manifest", "# (a line that moves the rest)\n# The manifest")
	runGolden(t, goldenCase{name: "baseline-new-finding", args: []string{"slackscope", "-baseline", "baseline.json", "./..."}, code: exitFindings}, dir)

	// The manifest no longer requests files:write: that finding of the baseline is gone.
	edit("manifest.yml", "      - files:write", "      #")
	runGolden(t, goldenCase{name: "baseline-gone", args: []string{"slackscope", "-baseline", "baseline.json", "-json", "./..."}, code: exitFindings}, dir)

	// A file that is not a baseline is a usage failure, said once.
	if err := os.WriteFile(filepath.Join(dir, "not.json"), []byte("[1, 2]"), 0o644); err != nil {
		t.Fatal(err)
	}
	runGolden(t, goldenCase{name: "baseline-bad", args: []string{"slackscope", "-baseline", "not.json", "./..."}, code: exitFailure}, dir)
}
