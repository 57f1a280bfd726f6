package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/manifest"
)

// go vet caches each package's result under a key made of the package's inputs, the
// flags and the tool's ID, which it asks for with -V=full. A manifest is none of these:
// edited, it would leave every package's cached findings replayed as they were. So the
// ID slackscope gives go vet is the digest of its own executable and of every manifest
// in the repository go vet runs in (from the working directory's repository or module
// root down): editing, adding or removing a manifest changes the ID, and go vet checks
// every package again. A -manifest outside that tree is not seen: its -manifest-sum
// still keys the cache to it.

// maxVetIDEntries bounds the walk: a tree larger than this is hashed as far as it went.
const maxVetIDEntries = 200_000

// vetVersion answers go vet's -V=full; it reports whether it did.
func vetVersion(args []string, stdout io.Writer) bool {
	if len(args) != 1 || args[0] != "-V=full" {
		return false
	}
	h := sha256.New()
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	if wd, err := os.Getwd(); err == nil {
		hashManifests(h, vetIDRoot(wd))
	}
	fmt.Fprintf(stdout, "slackscope version devel buildID=%x\n", h.Sum(nil))
	return true
}

// vetIDRoot is the directory whose tree holds the manifests a run in wd may read: the
// repository root (the nearest directory with .git), else the outermost directory with a
// go.work or go.mod, else wd.
func vetIDRoot(wd string) string {
	root := wd
	for dir := wd; ; dir = filepath.Dir(dir) {
		if exists(filepath.Join(dir, ".git")) {
			return dir
		}
		if exists(filepath.Join(dir, "go.mod")) || exists(filepath.Join(dir, "go.work")) {
			root = dir
		}
		if filepath.Dir(dir) == dir {
			return root
		}
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// hashManifests writes the path (relative to root) and content of every manifest file
// under root into h, in path order. Hidden directories other than the Slack CLI's
// .slack, vendor and node_modules are not walked.
func hashManifests(h io.Writer, root string) {
	var files []string
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if n++; n > maxVetIDEntries {
			return filepath.SkipAll
		}
		if err != nil {
			return nil // an unreadable directory holds no manifest slackscope could read
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") && name != ".slack" || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if slices.Contains(manifest.FileNames, name) {
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	for _, p := range files {
		content, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s\x00%x\x00", filepath.ToSlash(rel), sha256.Sum256(content))
	}
}
