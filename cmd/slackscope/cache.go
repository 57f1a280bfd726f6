package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/slackscope/slackscope/internal/policy"
	"github.com/slackscope/slackscope/manifest"
)

// A check whose inputs have not changed since an earlier run answers from a cache, as
// go vet does, so that a pre-commit hook on an unchanged tree costs about a go list. The
// key is a digest of everything the answer depends on: slackscope's own executable (its
// catalog and bindings), the go command and the environment that chooses files, the
// working directory and the arguments; for each package of the run and its
// dependencies, the path and version of a versioned module (immutable, go.sum sees to
// that) or else the content of its Go and embedded files; the manifest each package
// would be checked against (and what the search for it says); the -manifest and
// -baseline files; the scope policy of each module. A run whose packages did not all load is not kept. SLACKSCOPE_CACHE
// names the cache's directory (default: slackscope in the user's cache directory);
// SLACKSCOPE_CACHE=off turns it off.

// A cachedRun is a check's answer as it was given.
type cachedRun struct {
	Stdout, Stderr []byte
	Code           int
}

// cacheDir is the directory of the check cache, or "" when it is off.
func cacheDir() string {
	switch d := os.Getenv("SLACKSCOPE_CACHE"); d {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "slackscope")
	default:
		return d
	}
}

// cacheMaxAge is how long an entry not used is kept.
const cacheMaxAge = 7 * 24 * time.Hour

// listedPackage is what the key reads of go list -json.
type listedPackage struct {
	ImportPath                                               string
	Dir                                                      string
	Standard                                                 bool
	GoFiles, CgoFiles, EmbedFiles, TestGoFiles, XTestGoFiles []string
	Module                                                   *struct {
		Path, Version, Dir string
		Replace            *struct{ Path, Version string }
	}
	Error      *struct{ Err string }
	DepsErrors []*struct{ Err string }
}

// checkKey is the cache key of a check with flags c of patterns, run in the working
// directory; ok is false when the inputs cannot all be read (a package with errors):
// such a run is not cached.
func checkKey(c *checkFlags, args, patterns []string) (key string, ok bool) {
	h := sha256.New()
	fmt.Fprintf(h, "slackscope check cache 1\x00")
	exe, err := os.Executable()
	if err != nil || hashFile(h, exe) != nil {
		return "", false
	}
	if goCmd, err := exec.LookPath("go"); err == nil {
		if st, err := os.Stat(goCmd); err == nil {
			fmt.Fprintf(h, "go\x00%s\x00%d\x00%d\x00", goCmd, st.Size(), st.ModTime().UnixNano())
		}
	}
	for _, env := range []string{"GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOWORK", "GOTOOLCHAIN", "GOPATH", "GOROOT", "GOEXPERIMENT"} {
		fmt.Fprintf(h, "%s=%s\x00", env, os.Getenv(env))
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	fmt.Fprintf(h, "wd\x00%s\x00args\x00%s\x00", wd, strings.Join(args, "\x00"))
	for _, f := range []string{c.cfg.Manifest, c.baseline} {
		if f != "" && hashFile(h, f) != nil {
			return "", false
		}
	}

	if !hashPackages(h, c, patterns) {
		return "", false
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// hashPackages writes into h what the answer depends on of each package of the run and
// its dependencies (see checkKey); false when one cannot be read, or has errors.
func hashPackages(h io.Writer, c *checkFlags, patterns []string) bool {
	listArgs := []string{"list", "-e", "-deps", "-json=ImportPath,Dir,Standard,GoFiles,CgoFiles,EmbedFiles,TestGoFiles,XTestGoFiles,Module,Error,DepsErrors"}
	if c.opts.Tags != "" {
		listArgs = append(listArgs, "-tags="+c.opts.Tags)
	}
	if c.opts.Tests {
		listArgs = append(listArgs, "-test")
	}
	cmd := exec.Command("go", append(append(listArgs, "--"), patterns...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, io.Discard
	if cmd.Run() != nil {
		return false
	}
	dec := json.NewDecoder(&out)
	modules := map[string]bool{}
	manifests := new(manifest.Cache)
	policies := map[string]bool{} // module roots whose policy is in the key
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			return false
		}
		if p.Error != nil || len(p.DepsErrors) > 0 {
			return false
		}
		if p.Standard {
			continue
		}
		if m := p.Module; m != nil && m.Version != "" && m.Replace == nil {
			if !modules[m.Path] {
				modules[m.Path] = true
				fmt.Fprintf(h, "module\x00%s@%s\x00", m.Path, m.Version)
			}
			continue
		}
		if m := p.Module; m != nil && m.Dir != "" && !policies[m.Dir] {
			// The module's scope policy, which the analyzer reads at its root.
			policies[m.Dir] = true
			if err := hashPolicy(h, m.Dir); err != nil {
				return false
			}
		}
		fmt.Fprintf(h, "package\x00%s\x00%s\x00", p.ImportPath, p.Dir)
		for _, files := range [][]string{p.GoFiles, p.CgoFiles, p.EmbedFiles, p.TestGoFiles, p.XTestGoFiles} {
			for _, f := range files {
				fmt.Fprintf(h, "%s\x00", f)
				if hashFile(h, filepath.Join(p.Dir, f)) != nil {
					return false
				}
			}
		}
		// The manifest the package would be checked against, as the analyzer finds it.
		s := manifests.Find(p.Dir)
		fmt.Fprintf(h, "manifest\x00%s\x00%s\x00", s.Path, strings.Join(s.Notes, "\x00"))
		if s.Path != "" && hashFile(h, s.Path) != nil {
			return false
		}
	}
	return true
}

// hashPolicy writes into h whether the module rooted at dir has a scope policy, and its
// content.
func hashPolicy(h io.Writer, dir string) error {
	path := filepath.Join(dir, policy.FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(h, "no policy\x00%s\x00", dir)
		return nil
	}
	fmt.Fprintf(h, "policy\x00%s\x00", path)
	return hashFile(h, path)
}

// hashFile writes a file's content into h.
func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	fmt.Fprintf(h, "\x00")
	return err
}

// loadCached is the answer cached under key, if any.
func loadCached(dir, key string) (*cachedRun, bool) {
	path := filepath.Join(dir, key+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var r cachedRun
	if json.Unmarshal(data, &r) != nil {
		return nil, false
	}
	now := time.Now()
	os.Chtimes(path, now, now) // used: kept another cacheMaxAge
	return &r, true
}

// storeCached keeps an answer under key, and removes the entries not used for
// cacheMaxAge. A failure to write is not the check's failure: the next run checks again.
func storeCached(dir, key string, r *cachedRun) {
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	data, err := json.Marshal(r)
	if err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, "tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(dir, key+".json")) != nil {
		os.Remove(tmp.Name())
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range slices.DeleteFunc(entries, func(e os.DirEntry) bool { return !strings.HasSuffix(e.Name(), ".json") }) {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > cacheMaxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
