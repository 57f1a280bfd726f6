// Package quiet never touches the network: the analyzer derives nothing here and exports
// no fact.
package quiet

// Add adds.
func Add(a, b int) int { return a + b }
