package manifest

import (
	"os"
	"path/filepath"
	"sync"
	"time"
)

// FileNames are the file names of a manifest, in the order they are looked for in each
// directory; Subdirs the subdirectories of a directory looked in after it.
var (
	FileNames = []string{"manifest.yml", "manifest.yaml", "manifest.json"}
	Subdirs   = []string{"slack", ".slack"}
)

// A Search is the answer of Find: the manifest found (Path, "" for none) and what the
// search has to say on the way (Notes: a file passed over, two manifests side by side),
// and where it looked (Looked, the directories, nearest first).
type Search struct {
	Path   string
	Notes  []string
	Looked []string
}

// Find looks for the manifest of the package in dir (see the package documentation for
// where it looks). It reads candidate files to tell a Slack manifest from another one.
func Find(dir string) Search { return new(Cache).Find(dir) }

// A Cache remembers, for a run of the analyzer, where each package directory's manifest
// is and what it holds: every package of a program finds the same manifest, and parsing
// it once per package cost as much as the rest of the analysis of a small package. A
// manifest that changes on disk (same path, another size or time) is read again; one
// created or deleted while the cache is in use is not noticed. A Cache is safe for
// concurrent use; its zero value is ready.
type Cache struct {
	mu    sync.Mutex
	found map[string]Search // by package directory
	read  map[string]readManifest
}

type readManifest struct {
	size    int64
	modTime time.Time
	man     *Manifest
	err     error
}

// Find is the package's Find, remembered per directory.
func (c *Cache) Find(dir string) Search {
	c.mu.Lock()
	s, ok := c.found[dir]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = search(dir)
	c.mu.Lock()
	if c.found == nil {
		c.found = map[string]Search{}
	}
	c.found[dir] = s
	c.mu.Unlock()
	return s
}

// search walks up from dir to the repository root, or to the module root when no
// repository holds dir.
func search(dir string) Search {
	var s Search
	for _, d := range searchDirs(dir) {
		s.Looked = append(s.Looked, d)
		for _, cand := range append([]string{d}, subdirs(d)...) {
			var here []string
			for _, name := range FileNames {
				p := filepath.Join(cand, name)
				if st, err := os.Stat(p); err == nil && !st.IsDir() {
					here = append(here, p)
				}
			}
			for i, p := range here {
				content, err := os.ReadFile(p)
				if err == nil && !IsSlack(content) {
					s.Notes = append(s.Notes, p+" is not a Slack app manifest (none of display_information, features, oauth_config, settings at the top); passed over")
					continue
				}
				for _, other := range here[i+1:] {
					s.Notes = append(s.Notes, p+" and "+filepath.Base(other)+" are both here; "+filepath.Base(p)+" is used")
				}
				s.Path = p
				return s
			}
		}
	}
	return s
}

func subdirs(dir string) []string {
	out := make([]string, len(Subdirs))
	for i, s := range Subdirs {
		out[i] = filepath.Join(dir, s)
	}
	return out
}

// searchDirs are dir and its parents up to the one holding .git; when none holds .git,
// up to the first holding go.mod (and dir alone when neither is found).
func searchDirs(dir string) []string {
	var all []string
	modRoot := -1
	for d := dir; ; {
		all = append(all, d)
		if exists(filepath.Join(d, ".git")) {
			return all
		}
		if modRoot < 0 && exists(filepath.Join(d, "go.mod")) {
			modRoot = len(all)
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if modRoot < 0 {
		return all[:1]
	}
	return all[:modRoot]
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Manifest is Read(path), remembered while the file's size and time stay the same. The
// Manifest is shared: callers do not change it.
func (c *Cache) Manifest(path string) (*Manifest, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Read(path) // says why, in Read's words
	}
	c.mu.Lock()
	r, ok := c.read[path]
	c.mu.Unlock()
	if ok && r.size == st.Size() && r.modTime.Equal(st.ModTime()) {
		return r.man, r.err
	}
	man, err := Read(path)
	c.mu.Lock()
	if c.read == nil {
		c.read = map[string]readManifest{}
	}
	c.read[path] = readManifest{st.Size(), st.ModTime(), man, err}
	c.mu.Unlock()
	return man, err
}
