// want package:"reaches the network"

// Package socket runs a Socket Mode client: apps.connections.open, then a websocket dial
// to the URL its response carries.
package socket

import "github.com/slack-go/slack/socketmode"

// Serve runs the client until it stops.
func Serve(smc *socketmode.Client) error { // want Serve:`reaches apps.connections.open, \{\?a field the package never sets`
	return smc.Run()
}
