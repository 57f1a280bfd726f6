module example.com/bindings

go 1.21

require github.com/slack-go/slack v0.10.3

require github.com/gorilla/websocket v1.4.2 // indirect
