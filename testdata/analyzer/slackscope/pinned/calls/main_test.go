package main

import (
	"testing"

	"github.com/slack-go/slack"
)

// Calls in tests are not the app's needs: this one would need pins:read, which nobody
// requests, and slackscope says nothing.
func TestPins(t *testing.T) {
	c := slack.New("xoxb-test")
	if _, _, err := c.ListPins("C1"); err == nil {
		t.Log("listed")
	}
}
