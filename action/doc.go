// Package action holds the script of slackscope's GitHub Action, run.sh, which
// action.yml at the repository root calls: it installs slackscope, checks the packages
// into a SARIF file for code scanning, comments what a pull request adds to the scopes
// (slackscope diff) and fails the step as its input fail-on says. The package has no Go
// code; its test runs the script outside GitHub, with a fake event payload and a fake
// GitHub API.
package action
