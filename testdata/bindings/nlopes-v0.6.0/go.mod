module example.com/bindings

go 1.21

require github.com/nlopes/slack v0.6.0

require (
	github.com/gorilla/websocket v1.2.0 // indirect
	github.com/pkg/errors v0.8.0 // indirect
)
