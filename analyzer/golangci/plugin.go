// Package golangci registers slackscope as a golangci-lint module plugin. It is a module
// of its own, so that golangci-lint's dependencies stay out of slackscope's.
//
// .custom-gcl.yml:
//
//	version: v2.5.0
//	plugins:
//	  - module: github.com/slackscope/slackscope/analyzer/golangci
//	    import: github.com/slackscope/slackscope/analyzer/golangci
//	    version: latest
//
// .golangci.yml:
//
//	linters:
//	  enable: [slackscope]
//	  settings:
//	    custom:
//	      slackscope:
//	        type: module
//	        settings:
//	          manifest: manifest.yml   # default: found beside the package or above it
//	          token: bot
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/analyzer"
)

func init() { register.Plugin("slackscope", New) }

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	Manifest    string `json:"manifest"`
	Token       string `json:"token"`
	ManifestSum string `json:"manifest-sum"`
}

type plugin struct{ cfg analyzer.Config }

// New makes the plugin from its settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("slackscope settings: %w", err)
	}
	if s.Token == "" {
		s.Token = "bot"
	}
	if s.Token != "bot" && s.Token != "user" {
		return nil, fmt.Errorf("slackscope settings: token %q: expected bot or user", s.Token)
	}
	return &plugin{cfg: analyzer.Config{Manifest: s.Manifest, Token: s.Token, ManifestSum: s.ManifestSum}}, nil
}

// BuildAnalyzers returns the slackscope analyzer with the plugin's settings.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(&p.cfg)}, nil
}

// GetLoadMode says the analyzer needs type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
