module github.com/trappe-dk/trappe

go 1.24.1

require github.com/rickb777/date/v2 v2.3.1

require (
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickar/cal/v2 v2.1.26 // indirect
	github.com/rickb777/period v1.0.21 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
	github.com/stretchr/testify v1.11.1 // indirect
)
