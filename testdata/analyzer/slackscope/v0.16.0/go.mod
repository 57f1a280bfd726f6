module example.com/old

go 1.21

require github.com/slack-go/slack v0.16.0

require github.com/gorilla/websocket v1.4.2 // indirect
