package followup

import (
	"reflect"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The version a receipt records is trappe's, whether trappe is the main
// module (a clone, a test) or a dependency of a vendor's program.
func TestVersionIn(t *testing.T) {
	dep := func(path, version string, replace *debug.Module) *debug.Module {
		return &debug.Module{Path: path, Version: version, Replace: replace}
	}
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"clone", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "devel"},
		{"clone, no version", debug.BuildInfo{Main: debug.Module{Path: modulePath}}, "devel"},
		{"installed release", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.2.0"}}, "v1.2.0"},
		{"clone with VCS stamp", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.0.0-20261125101010-abcdefabcdef+dirty"}},
			"v0.0.0-20261125101010-abcdefabcdef+dirty"},
		{"vendor's program", debug.BuildInfo{Main: debug.Module{Path: "example.com/vendor", Version: "v9.9.9"},
			Deps: []*debug.Module{dep("github.com/rickb777/date/v2", "v2.3.1", nil), dep(modulePath, "v0.4.0", nil)}}, "v0.4.0"},
		{"vendor's fork", debug.BuildInfo{Main: debug.Module{Path: "example.com/vendor"},
			Deps: []*debug.Module{dep(modulePath, "v0.4.0", dep("example.com/fork", "v0.4.1-fork", nil))}}, "v0.4.1-fork"},
		{"vendor's local copy", debug.BuildInfo{Main: debug.Module{Path: "example.com/vendor"},
			Deps: []*debug.Module{dep(modulePath, "v0.4.0", dep("../trappe", "", nil))}}, "devel"},
		{"not linked", debug.BuildInfo{Main: debug.Module{Path: "example.com/other", Version: "v1.0.0"}}, "devel"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, versionIn(&tt.bi), tt.name)
	}
}

// A rule set's canonical JSON is json.Marshal of its data. encoding/json
// writes struct fields in declared order and sorts map keys, so the bytes
// are deterministic as long as the data holds no interface (whose dynamic
// type could marshal any way) and every map key is a string.
func TestRuleSetSpecMarshalsDeterministically(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		switch ty.Kind() {
		case reflect.Interface:
			t.Errorf("%s: interface %s in RuleSetSpec", path, ty)
		case reflect.Map:
			assert.Equal(t, reflect.String, ty.Key().Kind(), "%s: map key %s", path, ty.Key())
			walk(ty.Elem(), path+"[]")
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(ty.Elem(), path+"[]")
		case reflect.Struct:
			for i := range ty.NumField() {
				f := ty.Field(i)
				walk(f.Type, path+"."+f.Name)
			}
		}
	}
	walk(reflect.TypeOf(RuleSetSpec{}), "RuleSetSpec")
}
