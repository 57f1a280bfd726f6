package lib

import "testing"

// A test file before lib.go by name: the findings go to lib.go.
func TestCall(t *testing.T) { Call("") }
