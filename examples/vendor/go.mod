module example.com/vendor

go 1.24.1

require (
	github.com/stretchr/testify v1.11.1
	github.com/trappe-dk/trappe v0.0.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/rickar/cal/v2 v2.1.26 // indirect
	github.com/rickb777/date/v2 v2.3.1 // indirect
	github.com/rickb777/period v1.0.21 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

// During development a vendor points at its checkout of trappe; in
// production it requires a released version or a pseudo-version instead.
replace github.com/trappe-dk/trappe => ../..
