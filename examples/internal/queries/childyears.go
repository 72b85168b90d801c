package queries

import (
	"io"

	"github.com/trappe-dk/trappe/examples/internal/input"
	"github.com/trappe-dk/trappe/measure"
)

// ChildYearsRequest is the body of POST /v1/figures/childyears: the
// child-years (årsbørn) per intervention code at two points, as KORA 2017
// publishes them ("medio 2013" and "ultimo 2015"). Codes are those of the
// default catalogue plus "kora-hjemmebaserede-anbringelser" for the
// home-based placements KORA gives only as a total.
type ChildYearsRequest struct {
	Before map[string]float64 `json:"before"`
	After  map[string]float64 `json:"after"`
}

// ChildYearsAnswer is the comparison, row by row: every placement group in
// KORA's order, then every code of either snapshot.
type ChildYearsAnswer struct {
	Rows []ChildYearsRow `json:"rows"`
}

// ChildYearsRow is one row of the comparison. The numbers are unrounded;
// KORA 2017 prints child-years with two decimals and shares, changes in
// percent and changes in percentage points as whole numbers (rounded half
// away from zero, from the unrounded values).
type ChildYearsRow struct {
	// Key is the group code (e.g. "institutionsanbragte") or the
	// intervention code.
	Key   string `json:"key"`
	Group bool   `json:"group"`
	// Placement: the row counts in all placed child-years, so it has
	// shares.
	Placement bool    `json:"placement"`
	Before    float64 `json:"before"`
	After     float64 `json:"after"`
	Change    float64 `json:"change"`
	// ChangePercent is the change in percent of Before (null when Before
	// is 0).
	ChangePercent *float64 `json:"changePercent"`
	// ShareBefore and ShareAfter are the row's share of all placed
	// child-years in percent, PointChange their difference in percentage
	// points (null for a row that is not a placement).
	ShareBefore *float64 `json:"shareBefore"`
	ShareAfter  *float64 `json:"shareAfter"`
	PointChange *float64 `json:"pointChange"`
	Source      string   `json:"source"`
}

// ChildYears decodes the body of POST /v1/figures/childyears and compares
// the two snapshots.
func ChildYears(file string, body io.Reader) (*ChildYearsAnswer, error) {
	var req ChildYearsRequest
	if errs := decode(file, body, &req); errs != nil {
		return nil, errs
	}
	var errs input.Errors
	snapshot := func(field string, m map[string]float64) measure.ChildYearFigures {
		f, err := measure.NewChildYearFigures(measure.KORA2017Catalogue(), m)
		if err != nil {
			for _, e := range unjoin(err) {
				errs = append(errs, &input.Error{File: file, Field: field, Reason: e.Error()})
			}
		}
		return f
	}
	if req.Before == nil || req.After == nil {
		return nil, input.Errors{{File: file, Reason: "missing: give \"before\" and \"after\", child-years per intervention code"}}
	}
	before, after := snapshot("before", req.Before), snapshot("after", req.After)
	if errs != nil {
		return nil, errs
	}
	cmp, err := measure.CompareChildYears(before, after)
	if err != nil {
		return nil, input.Errors{{File: file, Reason: err.Error()}}
	}
	out := &ChildYearsAnswer{Rows: []ChildYearsRow{}}
	for _, r := range cmp.Rows() {
		row := ChildYearsRow{Key: r.Key, Group: r.Group.IsValid(), Placement: r.Placement, Before: r.Before, After: r.After,
			Change: r.Change(), Source: r.Source}
		if p, ok := r.ChangePercent(); ok {
			row.ChangePercent = &p
		}
		if b, a, ok := r.Shares(); ok {
			pts := a - b
			row.ShareBefore, row.ShareAfter, row.PointChange = &b, &a, &pts
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

// unjoin splits an errors.Join into its errors.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
