// Package manifest reads Slack app manifests: it finds the manifest of a Go program,
// parses it (YAML or JSON) into what the app requests and declares, each item with its
// position, and reads the slackscope:ignore directives written in it.
//
// The model: a [Manifest] holds the scope lists of oauth_config.scopes (bot, user and
// their optional lists), the event subscriptions, the slash commands, and the settings
// that decide how Slack talks to the app (Socket Mode, interactivity). Every item is a
// [Ref]: a name and its 1-based line and column, so that callers can point at it. A
// manifest that cannot be read is an error made of [Error] values, each with a position
// where the parser knows one; problems that do not stop the reading (a second YAML
// document, an optional scope missing from its list) are [Manifest.Problems] and
// [Manifest.Warnings].
//
// [Find] (and [Cache.Find]) look for the manifest of a package directory: manifest.yml,
// manifest.yaml or manifest.json, also in a slack/ or .slack/ subdirectory, in the
// directory and its parents up to the repository root (the directory that holds .git),
// or up to the module root (go.mod) when there is no repository. A manifest.yml that is
// not a Slack manifest (a Cloud Foundry one) is passed over, and the search says so.
//
// JSON is YAML, so one parser reads both and positions work in both. The package uses
// the standard library and gopkg.in/yaml.v3 only.
package manifest
