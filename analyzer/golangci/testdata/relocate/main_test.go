package main

import "testing"

// In the test variant of the package too, the findings go to main.go.
func TestGreeting(t *testing.T) {}
