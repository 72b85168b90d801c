package caseload

// Messages is the package's catalogue table, for messages_test.go.
var Messages = messages
