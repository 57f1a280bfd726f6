package main

// A file before main.go by name: the findings located in app.yml still go to main.go.
var greeting = "hi"
