module github.com/slackscope/slackscope/analyzer/golangci

go 1.26.0

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/slackscope/slackscope v0.0.0
	golang.org/x/tools v0.52.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
)

// The plugin is built from the slackscope beside it. golangci-lint custom ignores this
// replace: .custom-gcl.yml names slackscope's path itself (README.md, golangci-lint).
replace github.com/slackscope/slackscope => ../..
