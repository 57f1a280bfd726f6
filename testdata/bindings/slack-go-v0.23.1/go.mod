module example.com/bindings

go 1.25

require github.com/slack-go/slack v0.23.1

require github.com/gorilla/websocket v1.5.3 // indirect
