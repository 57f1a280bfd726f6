package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/slackscope/slackscope/analyzer"
	"github.com/slackscope/slackscope/internal/driver"
	"github.com/slackscope/slackscope/manifest"
)

// driftFlags are the flags of slackscope drift.
type driftFlags struct {
	manifest   string // -manifest: the repository's manifest; default: the one check finds
	live       string // -live: what apps.manifest.export returned for the app
	grant      string // -grant: the x-oauth-scopes of an auth.test response, or a scope list
	grantToken string // -grant-token: bot or user, the token -grant is for
	token      string // -token: the token type the program calls with
	json       bool
	set        map[string]bool // the flags given
}

func (f *driftFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.manifest, "manifest", "", "the repository's app manifest (YAML or JSON); default: the one check finds for the program")
	fs.StringVar(&f.live, "live", "", "a file holding what apps.manifest.export returns for the app ({\"ok\":true,\"manifest\":{...}}, or the manifest object alone): compared with the repository's manifest")
	fs.StringVar(&f.grant, "grant", "", "a file holding the scopes an installed token has: the headers of an auth.test response (curl -D -; its x-oauth-scopes is read) or a comma or space separated list: compared with what the code needs")
	fs.StringVar(&f.grantToken, "grant-token", "bot", "the token type the -grant file is for: bot or user")
	fs.StringVar(&f.token, "token", "bot", "the token type the program calls with: bot or user")
	fs.BoolVar(&f.json, "json", false, "print the drift as a JSON array of {kind, scope or event, token, detail, position}")
}

func (f *driftFlags) format() string {
	if f.json {
		return "json"
	}
	return "text"
}

// validate checks the flags before anything is read: a usage error is said at once.
func (f *driftFlags) validate(fs *flag.FlagSet) error {
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
	for _, t := range []struct{ name, value string }{{"token", f.token}, {"grant-token", f.grantToken}} {
		if t.value != "bot" && t.value != "user" {
			return fmt.Errorf("-%s %s: expected bot or user", t.name, t.value)
		}
	}
	switch {
	case f.live == "" && f.grant == "":
		return errors.New("nothing to compare: pass -live (a file holding what apps.manifest.export returns) or -grant (the x-oauth-scopes of an auth.test response), or both")
	case f.set["grant-token"] && f.grant == "":
		return errors.New("-grant-token says which token the -grant file is for: pass -grant too")
	}
	return nil
}

// A driftFinding is one disagreement between the code, the repository's manifest, the
// live app and the installed grant.
type driftFinding struct {
	Kind  string   `json:"kind"`
	Scope string   `json:"scope,omitempty"`
	AnyOf []string `json:"any_of,omitempty"` // a choice of scopes, none of them granted
	Event string   `json:"event,omitempty"`
	Token string   `json:"token"`
	// Detail says what differs and what to do.
	Detail string `json:"detail"`
	// Position is the repository manifest's file:line:col for an item it holds, the
	// input file otherwise.
	Position string `json:"position"`
}

// The kinds of drift.
const (
	liveOnlyScope     = "live-only-scope"
	repoOnlyScope     = "repo-only-scope"
	reinstallNeeded   = "reinstall-needed"
	subscriptionDrift = "subscription-drift"
)

// runDrift is slackscope drift: the comparisons of the code, the repository's manifest,
// the live app's configuration and an installed grant whose files are given.
func runDrift(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("drift", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f driftFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: slackscope drift [-live file] [-grant file [-grant-token bot|user]] [-manifest file] [-token bot|user] [-json] packages")
		fs.PrintDefaults()
	}
	if !parsePackageArgs(fs, args, f.format, stderr, "text", "json") {
		return exitFailure
	}
	if err := f.validate(fs); err != nil {
		fmt.Fprintf(stderr, "slackscope: drift: %v\n", err)
		return exitFailure
	}
	c, err := f.read(fs.Args(), stderr)
	if err != nil {
		fmt.Fprintf(stderr, "slackscope: drift: %v\n", err)
		return exitFailure
	}
	findings := c.compare()
	if err := writeDrift(stdout, findings, f.json); err != nil {
		fmt.Fprintf(stderr, "slackscope: writing the drift: %v\n", err)
		return exitFailure
	}
	writeNotLoaded(stderr, c.app.notLoaded, true)
	fmt.Fprintf(stderr, "slackscope: drift compared %s\n", strings.Join(c.compared(), ", "))
	switch {
	case len(findings) > 0:
		return exitFindings
	case c.grant != nil && len(c.app.notLoaded) > 0:
		return exitIncomplete // what did not load may need scopes the grant lacks
	}
	return exitOK
}

// read reads the inputs the flags name (the files first, then the code): what drift
// compares.
func (f *driftFlags) read(patterns []string, stderr io.Writer) (*driftComparison, error) {
	wd, _ := os.Getwd()
	c := &driftComparison{wd: wd, grantToken: f.grantToken, liveFile: f.live, grantFile: f.grant}
	var err error
	if f.live != "" {
		if c.live, err = readLive(f.live); err != nil {
			return nil, fmt.Errorf("-live: %w", err)
		}
	}
	if f.grant != "" {
		if c.grant, err = readGrant(f.grant); err != nil {
			return nil, fmt.Errorf("-grant: %w", err)
		}
	}
	if c.app, err = analyzeApp(patterns, f.token, stderr); err != nil {
		return nil, err
	}
	if c.repo, err = repoManifest(f.manifest, c.app, f.live != ""); err != nil {
		return nil, err
	}
	if c.repo != nil {
		c.repoFile = relTo(wd, c.repo.Path)
	}
	return c, nil
}

// A driftApp is the program drift compares: its minimum scope set, its package's
// directory, and the packages of the run that did not load (the set is partial then).
type driftApp struct {
	scopes    programScopes
	dir       string
	notLoaded []string
}

// analyzeApp runs the analysis of scopes on the packages; they must hold one program,
// the app whose files the flags name.
func analyzeApp(patterns []string, token string, stderr io.Writer) (*driftApp, error) {
	cfg := analyzer.Config{Token: token, NoManifest: true}
	run, err := analyze("", patterns, &cfg, driver.Options{})
	if err != nil {
		return nil, err
	}
	app := &driftApp{}
	for _, b := range run.broken {
		app.notLoaded = append(app.notLoaded, b.Package+": "+b.Err)
	}
	if len(run.results) == 0 {
		writeNotLoaded(stderr, app.notLoaded, false)
		return nil, errors.New("no package loaded: nothing to compare the grant and the manifest with")
	}
	progs, roots := programs(run), programRoots(run)
	if len(progs) != 1 {
		var names []string
		for _, p := range progs {
			names = append(names, p.Package)
		}
		return nil, fmt.Errorf("the packages hold %d programs (%s), and drift compares one app: name the package of one", len(progs), strings.Join(names, ", "))
	}
	app.scopes, app.dir = progs[0], packageDir(roots[0])
	return app, nil
}

// repoManifest reads the repository's manifest of the app: the one named, or the one
// check finds; nil when there is none and none is needed (need: -live compares it).
func repoManifest(named string, app *driftApp, need bool) (*manifest.Manifest, error) {
	path, err := programManifest(named, app.dir)
	if err != nil {
		return nil, fmt.Errorf("-manifest %s: %w", named, errors.Unwrap(err))
	}
	if path == "" {
		if need {
			return nil, fmt.Errorf("%s: no app manifest found (manifest.yml, manifest.yaml or manifest.json, also in slack/ or .slack/, up to the repository root) to compare the live app with: pass -manifest", app.scopes.Package)
		}
		return nil, nil
	}
	return manifest.Read(path)
}

// writeDrift writes the findings as file:line:col: detail [kind] lines, or as JSON.
func writeDrift(w io.Writer, findings []driftFinding, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if findings == nil {
			findings = []driftFinding{}
		}
		return enc.Encode(findings)
	}
	for _, f := range findings {
		if _, err := fmt.Fprintf(w, "%s: %s [%s]\n", f.Position, f.Detail, f.Kind); err != nil {
			return err
		}
	}
	return nil
}
