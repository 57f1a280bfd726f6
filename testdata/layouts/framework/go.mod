module example.com/framework

go 1.21

require (
	example.com/botkit v0.0.0
	github.com/slack-go/slack v0.12.2
)

replace example.com/botkit => ./botkit

require github.com/gorilla/websocket v1.4.2 // indirect
