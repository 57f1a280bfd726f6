// Command relocate is the main package of TestRelocate.
package main

import "example.com/relocate/lib"

func main() {
	lib.Call(greeting)
}
