module example.com/botkit

go 1.21

require github.com/slack-go/slack v0.12.2

require github.com/gorilla/websocket v1.4.2 // indirect
