package report

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"

	"github.com/trappe-dk/trappe/followup"
)

// sortItems gives what a stable sort gives, equal items in their order.
func TestSortItemsIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 10, 100, 1000} {
		items := make([]Item, n)
		for i := range items {
			items[i] = Item{
				WorkingDay: date.Date(rng.IntN(5)), Case: "c" + strconv.Itoa(rng.IntN(3)), Measure: "m" + strconv.Itoa(rng.IntN(2)),
				Due: date.Date(rng.IntN(3)), Kind: followup.Kind(1 + rng.IntN(2)),
				Place: strconv.Itoa(i), // the original place, to see the order of equal items
			}
		}
		want := slices.Clone(items)
		slices.SortStableFunc(want, func(a, b Item) int { return compareItems(&a, &b) })
		sortItems(items)
		assert.Equal(t, want, items, "n=%d", n)
	}
}
