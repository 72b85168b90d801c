module github.com/trappe-dk/trappe

go 1.24.1

require (
	github.com/rickar/cal/v2 v2.1.26
	github.com/rickb777/date/v2 v2.3.1
	github.com/rickb777/period v1.0.21
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/stretchr/testify v1.11.1
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
	golang.org/x/text v0.32.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
