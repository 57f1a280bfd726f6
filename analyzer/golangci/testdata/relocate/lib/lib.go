// Package lib is a package of TestRelocate that is not main.
package lib

// Call is called by main.
func Call(string) {}
