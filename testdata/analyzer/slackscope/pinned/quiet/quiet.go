// Package quiet calls no Slack API: slackscope has nothing to say.
package quiet

// Add adds.
func Add(a, b int) int { return a + b }
